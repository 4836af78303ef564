import Columnar

/// One computed value per row, typed and contiguous, with a validity bitmap: what an expression
/// evaluates to, column at a time, so that a million rows cost a few array passes and no boxing.
///
/// Null rows hold 0 (or code 0, or false) like a `Column`'s; kernels may leave other values there, so
/// nothing reads a null row's slot without checking `validity`.
struct Vector {
  /// The typed values.
  enum Values {
    case int([Int64])
    case double([Double])
    case bool(Bitmap)
    case date([Int32])
    case timestamp([Int64])
    /// Codes into a dictionary of distinct texts (unused entries allowed until `column(named:)`).
    case text(codes: [UInt32], dictionary: [String])
    /// The `null` literal, which has no type until something gives it one.
    case null
  }

  /// The values.
  var values: Values
  /// Set bits mark rows that hold a value; nil means no row is null.
  var validity: Bitmap?
  /// The number of rows.
  var count: Int

  /// The type's name for messages.
  var typeName: String {
    switch values {
    case .int: "Int"
    case .double: "Double"
    case .bool: "Bool"
    case .date: "Date"
    case .timestamp: "Timestamp"
    case .text: "String"
    case .null: "null"
    }
  }

  /// Whether the values are Int, Double or the typeless null.
  var isNumericOrNull: Bool {
    switch values {
    case .int, .double, .null: true
    default: false
    }
  }

  /// A vector of `count` nulls of no type.
  static func nulls(_ count: Int) -> Vector {
    Vector(values: .null, validity: Bitmap(count: count, allSet: false), count: count)
  }

  /// Rows that hold a value.
  var validMask: Bitmap { validity ?? Bitmap(count: count, allSet: true) }

  /// Whether row `row` holds a value.
  @inline(__always) func isValid(_ row: Int) -> Bool { validity.map { $0[row] } ?? true }

  /// The values as Doubles (Int widened; null slots 0).
  /// - Complexity: O(n).
  var doubles: [Double] {
    switch values {
    case .double(let a): return a
    case .int(let a): return a.map(Double.init)
    default: return [Double](repeating: 0, count: count)
    }
  }

  /// The values as Int64 (nulls of no type become zeros).
  var ints: [Int64] {
    if case .int(let a) = values { return a }
    return [Int64](repeating: 0, count: count)
  }

  /// Both validity masks combined: a row is valid only where both are.
  static func both(_ a: Bitmap?, _ b: Bitmap?) -> Bitmap? {
    switch (a, b) {
    case (nil, nil): nil
    case (let a?, nil): a
    case (nil, let b?): b
    case (let a?, let b?): a & b
    }
  }
}

extension Vector {
  /// A column's values as a vector.
  /// - Throws: `EvalError` at `range` for a list column, which has no single value per row.
  /// - Complexity: O(n) (Int columns are widened to 64 bits).
  init(_ column: Column, at range: SourceRange) throws(EvalError) {
    let values: Values
    switch column.storage {
    case .int(let buffer): values = .int(buffer.asInt64)
    case .double(let a): values = .double(a)
    case .bool(let bits): values = .bool(bits)
    case .date(let a): values = .date(a)
    case .timestamp(let a): values = .timestamp(a)
    case .string(let codes, let dictionary): values = .text(codes: codes, dictionary: dictionary)
    case .list:
      throw EvalError(.listNotAllowed(column: column.name, in: .expression), at: range)
    }
    self.init(values: values, validity: column.validity, count: column.count)
  }

  /// A value repeated on every row (a list's items are not one value: the binder never makes one).
  init(_ value: Value, count: Int) {
    validity = nil
    switch value {
    case .int(let n): values = .int([Int64](repeating: n, count: count))
    case .double(let d): values = .double([Double](repeating: d, count: count))
    case .bool(let b): values = .bool(Bitmap(count: count, allSet: b))
    case .date(let d): values = .date([Int32](repeating: d, count: count))
    case .timestamp(let s): values = .timestamp([Int64](repeating: s, count: count))
    case .string(let s): values = .text(codes: [UInt32](repeating: 0, count: count), dictionary: [s])
    case .null, .list:
      values = .null
      validity = Bitmap(count: count, allSet: false)
    }
    self.count = count
  }

  /// The vector as a column named `name`; texts get a dictionary of used entries in order of first
  /// appearance, as every `Column` has.
  /// - Returns: nil for the typeless null, which cannot be stored.
  /// - Complexity: O(n).
  func column(named name: String) -> Column? {
    let storage: ColumnStorage
    switch values {
    case .int(let a): storage = .int(.narrowest(zeroingNulls(a)))
    case .double(let a): storage = .double(zeroingNulls(a))
    case .bool(let bits): storage = .bool(validity.map { bits & $0 } ?? bits)
    case .date(let a): storage = .date(zeroingNulls(a))
    case .timestamp(let a): storage = .timestamp(zeroingNulls(a))
    case .text(let codes, let dictionary):
      let (newCodes, newDictionary) = Vector.compact(codes: codes, dictionary: dictionary, validity: validity)
      storage = .string(codes: newCodes, dictionary: newDictionary)
    case .null: return nil
    }
    return Column(name: name, storage: storage, validity: validity)
  }

  private func zeroingNulls<T: Numeric>(_ a: [T]) -> [T] {
    guard let validity, validity.popcount() < count else { return a }
    var out = a
    out.withUnsafeMutableBufferPointer { o in
      for row in 0..<count where !validity[row] { o[row] = 0 }
    }
    return out
  }

  /// Renumbers codes by first appearance among valid rows, merging equal texts (`lower` makes them) and
  /// dropping unused entries; null rows get 0.
  /// - Complexity: O(n + dictionary).
  static func compact(codes: [UInt32], dictionary: [String], validity: Bitmap?) -> ([UInt32], [String]) {
    var renumber = [UInt32](repeating: .max, count: dictionary.count)
    var used: [String] = []
    var lookup: [String: UInt32] = [:]
    var out = [UInt32](repeating: 0, count: codes.count)
    codes.withUnsafeBufferPointer { c in
      out.withUnsafeMutableBufferPointer { o in
        for row in 0..<c.count where validity.map({ $0[row] }) ?? true {
          let old = Int(c[row])
          if renumber[old] == .max {
            if let code = lookup[dictionary[old]] {
              renumber[old] = code
            } else {
              renumber[old] = UInt32(used.count)
              lookup[dictionary[old]] = renumber[old]
              used.append(dictionary[old])
            }
          }
          o[row] = renumber[old]
        }
      }
    }
    return (out, used)
  }
}
