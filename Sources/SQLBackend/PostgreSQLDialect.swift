import Columnar
import SegmentPlan

/// PostgreSQL (12 and later): double-quoted identifiers, `$n` placeholders, `COLLATE "C"` for byte
/// order, lists as `text[]`.
public struct PostgreSQLDialect: SQLDialect {
  /// Creates the dialect.
  public init() {}

  public var name: String { "PostgreSQL" }

  public func identifier(_ name: String) -> String {
    "\"" + name.doubling("\"") + "\""
  }

  public func stringLiteral(_ value: String) -> String {
    // standard_conforming_strings is on by default since 9.1: a backslash is an ordinary character.
    "'" + value.doubling("'") + "'"
  }

  public func placeholder(_ n: Int) -> String { "$\(n)" }

  public func dateLiteral(days: Int32) -> String { "DATE '\(CivilDate.format(days: days))'" }

  public func bytewise(_ text: String) -> String { "(\(text) COLLATE \"C\")" }

  public func day(of timestamp: String) -> String { "CAST(\(timestamp) AS DATE)" }

  public func dayNumber(of date: String) -> String { "(\(date) - DATE '1970-01-01')" }

  public func epochSeconds(of timestamp: String) -> String { "EXTRACT(EPOCH FROM \(timestamp))" }

  public func year(of date: String) -> String { "CAST(EXTRACT(YEAR FROM \(date)) AS BIGINT)" }

  public func month(of date: String) -> String { "CAST(EXTRACT(MONTH FROM \(date)) AS BIGINT)" }

  public func floorDivide(_ a: String, _ b: Int) -> String { "CAST(floor((\(a)) / \(b).0) AS BIGINT)" }

  public func quotient(_ a: String, _ b: String) -> String { "(\(a) / \(b))" }

  public func numberLiteral(_ value: Value) -> String {
    // A literal with a fraction or an exponent is numeric in PostgreSQL; numeric mixed with double
    // precision is computed as double precision, which is what seg does.
    plainNumber(value)
  }

  public func isNaN(_ expression: String) -> String { "(\(expression) = CAST('NaN' AS DOUBLE PRECISION))" }

  public func createTable(_ table: String, as query: String) -> String { "CREATE TABLE \(table) AS \(query)" }

  public func typeName(_ type: ColumnType) -> String {
    switch type {
    case .int: "BIGINT"
    case .double: "DOUBLE PRECISION"
    case .bool: "BOOLEAN"
    case .date: "DATE"
    case .timestamp: "TIMESTAMP"
    case .string: "TEXT"
    case .list: "TEXT[]"
    }
  }

  public func addDays(_ date: String, _ days: String, subtracting: Bool) -> String {
    // date ± integer is a date; a count beyond an integer's range is an error, as in memory.
    "(\(date) \(subtracting ? "-" : "+") CAST(\(days) AS INTEGER))"
  }

  public func makeDate(year: String, month: String, day: String) -> String {
    "make_date(CAST(\(year) AS INTEGER), CAST(\(month) AS INTEGER), CAST(\(day) AS INTEGER))"
  }

  public func truncate(_ double: String) -> String { "trunc(\(double))" }

  // ICU's root locale maps case by Unicode's full rules, as Swift does; the database's own collation
  // (often C) would map A to Z only.
  public func lower(_ text: String) -> String { "lower(\(text) COLLATE \"und-x-icu\")" }

  public func upper(_ text: String) -> String { "upper(\(text) COLLATE \"und-x-icu\")" }

  // PostgreSQL has no `%` for double precision, and its conversion to numeric keeps 15 digits.
  public func remainder(ofDouble a: String, _ b: String) -> String? { nil }

  public func quantile(_ q: Double, of expression: String) -> String {
    "percentile_cont(\(q)) WITHIN GROUP (ORDER BY \(expression))"
  }

  public func countWhere(_ condition: SQLText) -> SQLText {
    "count(*) FILTER (WHERE " + condition + ")"
  }

  public func textTest(_ match: TextMatch, _ text: String, _ needle: SQLText) -> SQLText {
    switch match {
    case .contains: return "(strpos(\(text), " + needle + ") > 0)"
    case .startsWith: return "starts_with(\(text), " + needle + ")"
    case .endsWith: return "(right(\(text), char_length(" + needle + ")) = " + needle + ")"
    case .equalsIgnoringCase: return "(" + foldingCase(SQLText(text)) + " = " + foldingCase(needle) + ")"
    }
  }

  public func listAny(_ list: String, equalTo items: [SQLText]) -> SQLText {
    "(\(list) && CAST(ARRAY[" + SQLText.joined(items, separator: ", ") + "] AS TEXT[]))"
  }

  public func listAny(_ list: String, _ match: TextMatch, _ needle: SQLText) -> SQLText {
    "(CASE WHEN \(list) IS NULL THEN NULL ELSE EXISTS (SELECT 1 FROM unnest(\(list)) AS seg_items(item) WHERE "
      + textTest(match, "seg_items.item", needle) + ") END)"
  }

  public func listText(_ list: String) -> String { "array_to_string(\(list), ';')" }

  public func explode(_ list: String, alias: String) -> String {
    "CROSS JOIN LATERAL unnest(CASE WHEN \(list) IS NULL THEN CAST(ARRAY[NULL] AS TEXT[]) ELSE \(list) END) "
      + "AS \(alias)(\(alias))"
  }
}

extension String {
  /// The text with every `quote` written twice, as SQL escapes a quote inside quotes.
  func doubling(_ quote: Character) -> String {
    var out = ""
    for c in self {
      out.append(c)
      if c == quote { out.append(c) }
    }
    return out
  }
}
