/// The resolution of a timestamp's 64-bit count since the Unix epoch.
public enum ArrowTimeUnit: Int16, Sendable, Hashable, CaseIterable {
  case second = 0
  case millisecond = 1
  case microsecond = 2
  case nanosecond = 3

  /// How many units make one second, for converting values to seconds.
  public var perSecond: Int64 {
    switch self {
    case .second: return 1
    case .millisecond: return 1_000
    case .microsecond: return 1_000_000
    case .nanosecond: return 1_000_000_000
    }
  }
}

/// The logical type of a column, as far as this module reads and writes Arrow.
///
/// Utf8 and LargeUtf8 (and List and LargeList) differ only in their offset width on the wire; both
/// decode to the same in-memory layout, and the type keeps the distinction so that a table read from
/// a stream can be written back unchanged.
public indirect enum ArrowType: Sendable, Hashable {
  /// Every value is null; no buffers are stored.
  case null
  /// Signed integers of 8, 16, 32 and 64 bits (unsigned integers are not read).
  case int8, int16, int32, int64
  /// IEEE 754 single and double precision.
  case float32, float64
  /// Bit-packed booleans.
  case bool
  /// UTF-8 text with 32-bit (`utf8`) or 64-bit (`largeUtf8`) offsets on the wire.
  case utf8, largeUtf8
  /// Opaque bytes with 32-bit or 64-bit offsets on the wire.
  case binary, largeBinary
  /// Days since 1970-01-01 as `Int32`.
  case date32
  /// Milliseconds since 1970-01-01 as `Int64`.
  case date64
  /// A count of `unit` since the Unix epoch; `timezone` is nil for zone-naive timestamps.
  case timestamp(unit: ArrowTimeUnit, timezone: String?)
  /// A 128-bit two's-complement unscaled integer; the value is `unscaled / 10^scale`.
  case decimal128(precision: Int, scale: Int)
  /// A variable-length list with 32-bit offsets on the wire.
  case list(ArrowField)
  /// A variable-length list with 64-bit offsets on the wire.
  case largeList(ArrowField)

  /// The width in bytes of one value for fixed-width types, nil for the others.
  var fixedWidth: Int? {
    switch self {
    case .int8: return 1
    case .int16: return 2
    case .int32, .float32, .date32: return 4
    case .int64, .float64, .date64, .timestamp: return 8
    case .decimal128: return 16
    case .null, .bool, .utf8, .largeUtf8, .binary, .largeBinary, .list, .largeList: return nil
    }
  }
}

extension ArrowType: CustomStringConvertible {
  /// The type in pyarrow's spelling, so messages read the same as the tools that made the data.
  public var description: String {
    switch self {
    case .null: return "null"
    case .int8: return "int8"
    case .int16: return "int16"
    case .int32: return "int32"
    case .int64: return "int64"
    case .float32: return "float"
    case .float64: return "double"
    case .bool: return "bool"
    case .utf8: return "string"
    case .largeUtf8: return "large_string"
    case .binary: return "binary"
    case .largeBinary: return "large_binary"
    case .date32: return "date32[day]"
    case .date64: return "date64[ms]"
    case .timestamp(let unit, let timezone):
      let units = ["s", "ms", "us", "ns"][Int(unit.rawValue)]
      return timezone.map { "timestamp[\(units), tz=\($0)]" } ?? "timestamp[\(units)]"
    case .decimal128(let precision, let scale): return "decimal128(\(precision), \(scale))"
    case .list(let item): return "list<\(item.name): \(item.type)>"
    case .largeList(let item): return "large_list<\(item.name): \(item.type)>"
    }
  }
}

/// A named, typed column slot of a schema, or the item slot of a list type.
public struct ArrowField: Sendable, Hashable {
  /// The column name (Spark names list items "element", pyarrow "item").
  public var name: String
  /// The logical type.
  public var type: ArrowType
  /// Whether the schema allows nulls; informative only, nulls are read wherever the bitmap has them.
  public var nullable: Bool

  /// Creates a field; fields are nullable unless said otherwise because seg's columns all are.
  public init(name: String, type: ArrowType, nullable: Bool = true) {
    self.name = name
    self.type = type
    self.nullable = nullable
  }
}

/// The ordered fields of a table.
public struct ArrowSchema: Sendable, Hashable {
  /// The fields in column order.
  public var fields: [ArrowField]

  /// Creates a schema from its fields in column order.
  public init(fields: [ArrowField]) {
    self.fields = fields
  }
}

extension ArrowSchema: CustomStringConvertible {
  /// The fields as `(name: type, ...)`, used in schema mismatch errors.
  public var description: String {
    "(" + fields.map { "\($0.name): \($0.type)" }.joined(separator: ", ") + ")"
  }
}
