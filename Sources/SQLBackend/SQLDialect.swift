import Columnar
import SegmentPlan

/// What differs between SQL engines, and nothing else: quoting, placeholders and the few functions
/// whose names or semantics differ. The compiler writes everything else once, so a third dialect
/// (ClickHouse, BigQuery) is one file.
public protocol SQLDialect: Sendable {
  /// The dialect's name, for `sql` and messages: "PostgreSQL".
  var name: String { get }
  /// An identifier quoted so that any name (spaces, quotes, keywords) stands for itself.
  func identifier(_ name: String) -> String
  /// A string written as a literal, every quote escaped: for showing SQL, and for seg's own words
  /// (never a user's value) where no parameter can go, such as the band labels of a FROM item.
  func stringLiteral(_ value: String) -> String
  /// The placeholder of the n-th parameter (from 1).
  func placeholder(_ n: Int) -> String
  /// A date literal for a day number (days since 1970-01-01).
  func dateLiteral(days: Int32) -> String
  /// An expression ordered and compared by bytes (UTF-8), whatever the database's collation.
  func bytewise(_ text: String) -> String
  /// The day (a date) of a timestamp expression.
  func day(of timestamp: String) -> String
  /// Days since 1970-01-01 of a date expression, as an integer.
  func dayNumber(of date: String) -> String
  /// Seconds since 1970-01-01 00:00:00 of a timestamp expression (read as UTC, as seg reads them).
  func epochSeconds(of timestamp: String) -> String
  /// The calendar year and month (1-12) of a date expression, as integers.
  func year(of date: String) -> String
  func month(of date: String) -> String
  /// `floor(a / b)` for integers, rounding towards minus infinity.
  func floorDivide(_ a: String, _ b: Int) -> String
  /// `a / b` for a non-negative integer `a` and a positive `b`, as an integer (the remainder dropped).
  func quotient(_ a: String, _ b: String) -> String
  /// A number as SQL: integers as they are, doubles in a form that reads back to the same value, typed
  /// as a double (not a decimal), so arithmetic with it is the double arithmetic seg does in memory.
  func numberLiteral(_ value: Value) -> String
  /// True where a double-precision expression is NaN (which both servers order above every number).
  func isNaN(_ expression: String) -> String
  /// The continuous quantile `q` (0-1) of an expression, as `percentile_cont`.
  func quantile(_ q: Double, of expression: String) -> String
  /// The number of rows where a condition is true, as an aggregate.
  func countWhere(_ condition: SQLText) -> SQLText
  /// True when the text contains, starts or ends with the needle (a parameter).
  func textTest(_ match: TextMatch, _ text: String, _ needle: SQLText) -> SQLText
  /// For a list column: true when an item equals one of `items`, or passes a text test; null when the
  /// list is null (so that a test of a missing list stays unknown).
  func listAny(_ list: String, equalTo items: [SQLText]) -> SQLText
  func listAny(_ list: String, _ match: TextMatch, _ needle: SQLText) -> SQLText
  /// A list's items joined by `;`, as seg prints lists (for sorting).
  func listText(_ list: String) -> String
  /// The SQL type a column of seg's type is stored and computed as.
  func typeName(_ type: ColumnType) -> String
  /// The statement that makes a table (its name quoted) holding a query's rows.
  func createTable(_ table: String, as query: String) -> String
  /// A date `days` days after (or, `subtracting`, before) a date; `days` is a whole number expression.
  func addDays(_ date: String, _ days: String, subtracting: Bool) -> String
  /// The date of a year, month and day (whole numbers that make a real date).
  func makeDate(year: String, month: String, day: String) -> String
  /// A double-precision expression with its fraction dropped, for values below 2^52 in magnitude
  /// (larger ones are whole already, and callers leave them as they are).
  func truncate(_ double: String) -> String
  /// Text in lower or upper case by Unicode's full case mapping (`ß` upper is `SS`), as Swift maps it,
  /// whatever the server's locale.
  func lower(_ text: String) -> String
  func upper(_ text: String) -> String
  /// The remainder of two double-precision expressions, exact as C's `fmod` (the sign of `a`); nil when
  /// the server has no exact way to compute it.
  func remainder(ofDouble a: String, _ b: String) -> String?
  /// A FROM item that turns a list column into one row per item (a null list into one null item),
  /// with the item in a column named like the alias itself (`alias.alias`), a name the compiler chose
  /// to be no column's.
  func explode(_ list: String, alias: String) -> String
}

extension SQLDialect {
  /// Text with A to Z folded to a to z and nothing else, as `TextMatch.equalsIgnoringCase` folds it:
  /// `translate` maps exactly those letters, where `lower` would follow the server's locale.
  public func foldingCase(_ text: SQLText) -> SQLText {
    "translate(" + text + ", 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"
  }

  /// An expression cast to the SQL type of a seg type: `cast(x, .double)` is a double-precision float,
  /// `cast(n, .string)` an integer's digits.
  public func cast(_ expression: String, _ type: ColumnType) -> String {
    "CAST(\(expression) AS \(typeName(type)))"
  }

  /// The number of characters (code points) of a text, as a whole number: `char_length` is standard
  /// SQL, and both servers count code points, as seg does in memory.
  public func length(_ text: String) -> String { "CAST(char_length(\(text)) AS BIGINT)" }

  /// A number as Swift writes it: integers as they are, doubles in the shortest form that reads back to
  /// the same value (an exponent with an explicit sign, as SQL accepts it). Dialects add their typing.
  public func plainNumber(_ value: Value) -> String {
    switch value {
    case .int(let n): return String(n)
    case .double(let d): return d.description
    default: preconditionFailure("not a number: \(value)")
    }
  }
}
