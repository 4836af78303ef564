import Columnar

/// SQL being built: text, with the user's strings kept apart as parameters so that no value can change
/// the statement's meaning. Rendered with placeholders to run, or with quoted literals to show.
public struct SQLText: Sendable, Equatable {
  /// A piece of a statement.
  public enum Fragment: Sendable, Equatable {
    /// SQL written by the compiler.
    case sql(String)
    /// A string value from the user: bound as a parameter when run, quoted when shown.
    case parameter(String)
  }

  /// The pieces, in order.
  public private(set) var fragments: [Fragment] = []

  /// Creates SQL text from compiler-written SQL.
  public init(_ sql: String = "") {
    if !sql.isEmpty { fragments = [.sql(sql)] }
  }

  /// A string value, bound as a parameter.
  public static func parameter(_ value: String) -> SQLText {
    var text = SQLText()
    text.fragments = [.parameter(value)]
    return text
  }

  /// Appends compiler-written SQL.
  public mutating func append(_ sql: String) {
    fragments.append(.sql(sql))
  }

  /// Appends other SQL text.
  public mutating func append(_ other: SQLText) {
    fragments.append(contentsOf: other.fragments)
  }

  /// The values of the parameters, in order.
  public var parameters: [String] {
    fragments.compactMap { if case .parameter(let value) = $0 { value } else { nil } }
  }

  /// The statement with each parameter replaced by the dialect's placeholder (`$1`, `?`).
  public func withPlaceholders(_ dialect: any SQLDialect) -> String {
    var out = ""
    var n = 0
    for fragment in fragments {
      switch fragment {
      case .sql(let sql): out += sql
      case .parameter:
        n += 1
        out += dialect.placeholder(n)
      }
    }
    return out
  }

  /// The statement with every parameter written as a quoted literal, to show or paste into a console.
  public func inlined(_ dialect: any SQLDialect) -> String {
    fragments.map { fragment in
      switch fragment {
      case .sql(let sql): return sql
      case .parameter(let value): return dialect.stringLiteral(value)
      }
    }.joined()
  }

  /// Joins pieces of SQL with a separator.
  public static func joined(_ parts: [SQLText], separator: String) -> SQLText {
    var out = SQLText()
    for (i, part) in parts.enumerated() {
      if i > 0 { out.append(separator) }
      out.append(part)
    }
    return out
  }

  public static func + (a: SQLText, b: SQLText) -> SQLText {
    var out = a
    out.append(b)
    return out
  }

  public static func + (a: SQLText, b: String) -> SQLText {
    var out = a
    out.append(b)
    return out
  }

  public static func + (a: String, b: SQLText) -> SQLText {
    var out = SQLText(a)
    out.append(b)
    return out
  }
}
