import Columnar
import SegmentPlan

/// Spark SQL (4.0 and later, as Spark Connect runs it): backquoted identifiers, `?` placeholders bound
/// as positional arguments, lists as `array<string>`. Strings compare by bytes already (the default
/// collation is UTF8_BINARY), `/` always divides as doubles, and a literal such as `0.5` is a decimal,
/// so doubles are written with Spark's `D` suffix.
///
/// The engine sets the session's time zone to UTC and makes names case-sensitive, so that days, and
/// columns that differ only by case, mean what they mean in memory.
public struct SparkSQLDialect: SQLDialect {
  /// Creates the dialect.
  public init() {}

  public var name: String { "Spark SQL" }

  public func identifier(_ name: String) -> String {
    "`" + name.doubling("`") + "`"
  }

  public func stringLiteral(_ value: String) -> String {
    // Spark reads backslash escapes inside string literals, so a backslash is escaped as well as a quote.
    var out = "'"
    for c in value {
      switch c {
      case "\\": out += "\\\\"
      case "'": out += "\\'"
      default: out.append(c)
      }
    }
    return out + "'"
  }

  public func placeholder(_ n: Int) -> String { "?" }

  public func dateLiteral(days: Int32) -> String { "DATE '\(CivilDate.format(days: days))'" }

  public func bytewise(_ text: String) -> String { text }

  public func day(of timestamp: String) -> String { "CAST(\(timestamp) AS DATE)" }

  public func dayNumber(of date: String) -> String { "CAST(unix_date(\(date)) AS BIGINT)" }

  // The session's time zone is UTC (SparkConnectClient sets it), so a timestamp's seconds are UTC's.
  public func epochSeconds(of timestamp: String) -> String { "unix_seconds(CAST(\(timestamp) AS TIMESTAMP))" }

  public func year(of date: String) -> String { "CAST(year(\(date)) AS BIGINT)" }

  public func month(of date: String) -> String { "CAST(month(\(date)) AS BIGINT)" }

  public func floorDivide(_ a: String, _ b: Int) -> String { "CAST(floor((\(a)) / \(b)) AS BIGINT)" }

  public func quotient(_ a: String, _ b: String) -> String { "(\(a) DIV \(b))" }

  public func numberLiteral(_ value: Value) -> String {
    if case .double = value { return plainNumber(value) + "D" }
    return plainNumber(value)
  }

  public func isNaN(_ expression: String) -> String { "isnan(\(expression))" }

  /// A managed Parquet table, whatever the session's default source.
  public func createTable(_ table: String, as query: String) -> String {
    "CREATE TABLE \(table) USING parquet AS \(query)"
  }

  public func typeName(_ type: ColumnType) -> String {
    switch type {
    case .int: "BIGINT"
    case .double: "DOUBLE"
    case .bool: "BOOLEAN"
    case .date: "DATE"
    case .timestamp: "TIMESTAMP"
    case .string: "STRING"
    case .list: "ARRAY<STRING>"
    }
  }

  public func addDays(_ date: String, _ days: String, subtracting: Bool) -> String {
    "\(subtracting ? "date_sub" : "date_add")(\(date), CAST(\(days) AS INT))"
  }

  public func makeDate(year: String, month: String, day: String) -> String {
    "make_date(CAST(\(year) AS INT), CAST(\(month) AS INT), CAST(\(day) AS INT))"
  }

  // Below 2^52 a double fits a BIGINT, and the cast drops the fraction.
  public func truncate(_ double: String) -> String { "CAST(CAST(\(double) AS BIGINT) AS DOUBLE)" }

  public func lower(_ text: String) -> String { "lower(\(text))" }

  public func upper(_ text: String) -> String { "upper(\(text))" }

  // The JVM's `%` of doubles is IEEE's exact remainder, with the sign of the dividend.
  public func remainder(ofDouble a: String, _ b: String) -> String? { "(\(a) % \(b))" }

  public func quantile(_ q: Double, of expression: String) -> String {
    // `percentile` interpolates between the two nearest values, as `percentile_cont` and seg do.
    "percentile(\(expression), \(q)D)"
  }

  public func countWhere(_ condition: SQLText) -> SQLText {
    "count(*) FILTER (WHERE " + condition + ")"
  }

  public func textTest(_ match: TextMatch, _ text: String, _ needle: SQLText) -> SQLText {
    switch match {
    case .contains: return "contains(\(text), " + needle + ")"
    case .startsWith: return "startswith(\(text), " + needle + ")"
    case .endsWith: return "endswith(\(text), " + needle + ")"
    case .equalsIgnoringCase: return "(" + foldingCase(SQLText(text)) + " = " + foldingCase(needle) + ")"
    }
  }

  public func listAny(_ list: String, equalTo items: [SQLText]) -> SQLText {
    "(CASE WHEN \(list) IS NULL THEN NULL ELSE exists(\(list), seg_item -> seg_item IN ("
      + SQLText.joined(items, separator: ", ") + ")) END)"
  }

  public func listAny(_ list: String, _ match: TextMatch, _ needle: SQLText) -> SQLText {
    "(CASE WHEN \(list) IS NULL THEN NULL ELSE exists(\(list), seg_item -> "
      + textTest(match, "seg_item", needle) + ") END)"
  }

  public func listText(_ list: String) -> String { "array_join(\(list), ';')" }

  public func explode(_ list: String, alias: String) -> String {
    "LATERAL VIEW explode(CASE WHEN \(list) IS NULL THEN array(CAST(NULL AS STRING)) ELSE \(list) END) "
      + "\(alias) AS \(alias)"
  }
}
