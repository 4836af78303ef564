/// Integer values stored in the narrowest signed width that holds every value of the column.
///
/// Null rows hold 0. Narrowing is decided once, when the column is built; `subscript` widens.
public enum IntBuffer: Sendable {
  case int8([Int8])
  case int16([Int16])
  case int32([Int32])
  case int64([Int64])

  /// The number of values.
  public var count: Int {
    switch self {
    case .int8(let a): a.count
    case .int16(let a): a.count
    case .int32(let a): a.count
    case .int64(let a): a.count
    }
  }

  /// The value at `i`, widened to `Int64`.
  @inlinable public subscript(i: Int) -> Int64 {
    switch self {
    case .int8(let a): Int64(a[i])
    case .int16(let a): Int64(a[i])
    case .int32(let a): Int64(a[i])
    case .int64(let a): a[i]
    }
  }

  /// Every value widened to `Int64` (a copy unless already 64-bit).
  /// - Complexity: O(n).
  public var asInt64: [Int64] {
    switch self {
    case .int8(let a): a.map(Int64.init)
    case .int16(let a): a.map(Int64.init)
    case .int32(let a): a.map(Int64.init)
    case .int64(let a): a
    }
  }

  /// Stores `values` in the narrowest width that holds them all.
  /// - Complexity: O(n).
  public static func narrowest(_ values: [Int64]) -> IntBuffer {
    var lo: Int64 = 0
    var hi: Int64 = 0
    for v in values {
      lo = min(lo, v)
      hi = max(hi, v)
    }
    return narrowing(values, lo: lo, hi: hi)
  }
}

/// The typed, contiguous storage behind a column, so kernels switch once and then loop.
///
/// In every case a null row still occupies a slot (holding 0, `false` or code 0); the column's
/// `validity` bitmap says which rows are null.
/// - `int`: the narrowest integer width (see `IntBuffer`).
/// - `double`: 64-bit floats.
/// - `bool`: a bitmap of the values (set = true).
/// - `date`: days since 1970-01-01 as `Int32`.
/// - `timestamp`: seconds since 1970-01-01T00:00:00 (no time zone) as `Int64`.
/// - `string`: one code per row indexing `dictionary`, whose entries are distinct and in order of
///   first appearance.
/// - `list`: row `i`'s items are `codes[offsets[i]..<offsets[i + 1]]`, each indexing `dictionary`;
///   `offsets` has `count + 1` entries and starts at 0.
public enum ColumnStorage: Sendable {
  case int(IntBuffer)
  case double([Double])
  case bool(Bitmap)
  case date([Int32])
  case timestamp([Int64])
  case string(codes: [UInt32], dictionary: [String])
  case list(offsets: [UInt32], codes: [UInt32], dictionary: [String])

  /// The logical type this storage holds.
  public var type: ColumnType {
    switch self {
    case .int: .int
    case .double: .double
    case .bool: .bool
    case .date: .date
    case .timestamp: .timestamp
    case .string: .string
    case .list: .list
    }
  }

  /// The number of rows.
  public var count: Int {
    switch self {
    case .int(let b): b.count
    case .double(let a): a.count
    case .bool(let b): b.count
    case .date(let a): a.count
    case .timestamp(let a): a.count
    case .string(let codes, _): codes.count
    case .list(let offsets, _, _): offsets.count - 1
    }
  }
}

/// A named column of one type: typed storage plus a validity bitmap.
public struct Column: Sendable {
  /// The column's name, unique (case-insensitively) within its table.
  public var name: String
  /// The typed values.
  public private(set) var storage: ColumnStorage
  /// Set bits mark rows that hold a value; `nil` means no row is null.
  public private(set) var validity: Bitmap?
  /// The number of null rows.
  public let nullCount: Int
  /// For a Bool column, the words its file wrote for true and false when not `true`/`false`.
  public var boolWords: BoolWords?

  /// Creates a column from storage and a validity bitmap of the same length.
  ///
  /// A bitmap with every bit set is dropped, so `validity == nil` exactly when there are no nulls.
  /// - Complexity: O(n / 64) to count the nulls.
  public init(name: String, storage: ColumnStorage, validity: Bitmap?) {
    if let validity {
      precondition(validity.count == storage.count, "validity length differs from storage length")
    }
    if case .list(let offsets, _, _) = storage {
      precondition(!offsets.isEmpty && offsets[0] == 0, "list offsets must start with 0")
    }
    self.name = name
    self.storage = storage
    let valid = validity?.popcount() ?? storage.count
    self.validity = valid == storage.count ? nil : validity
    self.nullCount = storage.count - valid
  }

  /// The logical type.
  public var type: ColumnType { storage.type }

  /// The number of rows.
  public var count: Int { storage.count }

  /// Whether row `row` is null.
  @inlinable public func isNull(_ row: Int) -> Bool {
    guard let validity else { return false }
    return !validity[row]
  }

  /// The value at `row`, boxed.
  public func value(at row: Int) -> Value {
    if isNull(row) { return .null }
    switch storage {
    case .int(let b): return .int(b[row])
    case .double(let a): return .double(a[row])
    case .bool(let b): return .bool(b[row])
    case .date(let a): return .date(a[row])
    case .timestamp(let a): return .timestamp(a[row])
    case .string(let codes, let dictionary): return .string(dictionary[Int(codes[row])])
    case .list(let offsets, let codes, let dictionary):
      let items = codes[Int(offsets[row])..<Int(offsets[row + 1])]
      return .list(items.map { dictionary[Int($0)] })
    }
  }

  /// Every value, boxed, in row order.
  /// - Complexity: O(n).
  public var values: [Value] { (0..<count).map { value(at: $0) } }

  /// A copy of this column with another name.
  public func renamed(_ newName: String) -> Column {
    var c = self
    c.name = newName
    return c
  }
}
