/// The logical type of a column.
public enum ColumnType: String, Sendable, CaseIterable {
  case int, double, bool, date, timestamp, string, list

  /// The name shown to users in messages and in `describe`.
  public var displayName: String {
    switch self {
    case .int: "Int"
    case .double: "Double"
    case .bool: "Bool"
    case .date: "Date"
    case .timestamp: "Timestamp"
    case .string: "String"
    case .list: "List"
    }
  }

  /// Whether values of this type are numbers (Int or Double).
  public var isNumeric: Bool { self == .int || self == .double }

  /// Whether a column of this type is read by its values' counts rather than by figures (`describe`,
  /// `profile`, persona drafts): text, bools and lists.
  public var isCategorical: Bool { self == .string || self == .bool || self == .list }
}

/// One cell's value, boxed; used where speed does not matter (display, tests, single lookups).
///
/// Kernels should switch on `Column.storage` instead and loop over the typed buffers.
public enum Value: Sendable, Equatable, Hashable {
  case null
  case int(Int64)
  case double(Double)
  case bool(Bool)
  /// Days since 1970-01-01.
  case date(Int32)
  /// Seconds since 1970-01-01T00:00:00, with no time zone.
  case timestamp(Int64)
  case string(String)
  case list([String])

  /// Whether this is `.null`.
  public var isNull: Bool { self == .null }
}

extension Value: CustomStringConvertible {
  /// Plain text of the value as the CSV writer would print it; `null` prints as an empty string.
  public var description: String {
    switch self {
    case .null: ""
    case .int(let v): String(v)
    case .double(let v): DoubleFormat.string(v)
    case .bool(let v): v ? "true" : "false"
    case .date(let d): CivilDate.format(days: d)
    case .timestamp(let s): CivilDate.formatTimestamp(s)
    case .string(let s): s
    case .list(let items): items.joined(separator: ";")
    }
  }
}

/// Deterministic text for doubles, shared by the writer and `Value.description`.
public enum DoubleFormat {
  /// Shortest text that reads back to the same double (Swift's own algorithm), never in
  /// exponent form for magnitudes from 1e-4 up to 1e16: `2.5`, `1000000.0`, `0.0001`, `1e+16`.
  /// Non-finite values print as `nan`, `inf`, `-inf`.
  public static func string(_ v: Double) -> String {
    // Swift's description is already shortest round-trip and switches to exponents only outside
    // [1e-4, 2^53), which is what we want; it is spelled out here so the rule has one home.
    v.description
  }
}
