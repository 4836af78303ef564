import Columnar
import SQLBackend
import SegmentPlan
import Testing

/// A table with one column of every type, the compiler for it, and helpers to read SQL in tests.
enum Fixture {
  static let dialect = PostgreSQLDialect()

  /// `customers`: one column of every `ColumnType`.
  static let schema = TableSchema(
    name: "customers",
    columns: [
      ColumnSchema(name: "age", type: .int),
      ColumnSchema(name: "spend", type: .double),
      ColumnSchema(name: "active", type: .bool),
      ColumnSchema(name: "joined", type: .date),
      ColumnSchema(name: "seen", type: .timestamp),
      ColumnSchema(name: "region", type: .string),
      ColumnSchema(name: "tags", type: .list),
    ])

  static let compiler = SQLCompiler(dialect: dialect, schema: schema, from: dialect.identifier("customers"))

  /// A compiler over `schema`'s table with other columns.
  static func compiler(_ columns: [(String, ColumnType)], table: String = "t") -> SQLCompiler {
    let schema = TableSchema(name: table, columns: columns.map { ColumnSchema(name: $0.0, type: $0.1) })
    return SQLCompiler(dialect: dialect, schema: schema, from: dialect.identifier(table))
  }

  /// Days since 1970-01-01 of a calendar day.
  static func day(_ year: Int, _ month: Int, _ day: Int) -> Int32 {
    CivilDate.days(year: year, month: month, day: day)!
  }

  static var everyone: Relation { Relation(table: "customers") }

  static func filtered(_ condition: Condition) -> Relation {
    Relation(table: "customers", filter: condition)
  }
}

/// SQL written over several lines for reading, as the one line the compiler writes: each line break and
/// the indentation after it become one space.
func oneLine(_ text: String) -> String {
  text.split(separator: "\n").map { $0.drop { $0 == " " } }.joined(separator: " ")
}

/// Expected SQL: the text with placeholders and the parameters bound to them.
struct ExpectedSQL: Sendable, CustomTestStringConvertible {
  let sql: String
  let parameters: [String]

  init(_ sql: String, _ parameters: [String] = []) {
    self.sql = oneLine(sql)
    self.parameters = parameters
  }

  var testDescription: String { sql }
}

/// A condition and the SQL it compiles to.
struct ConditionCase: Sendable, CustomTestStringConvertible {
  let condition: Condition
  let expected: ExpectedSQL

  init(_ condition: Condition, _ sql: String, _ parameters: [String] = []) {
    self.condition = condition
    self.expected = ExpectedSQL(sql, parameters)
  }

  var testDescription: String { expected.sql }
}

/// A query and the SQL of its one statement.
struct QueryCase: Sendable, CustomTestStringConvertible {
  let query: Query
  let compiler: SQLCompiler
  let expected: ExpectedSQL

  init(
    _ operation: Operation, over relation: Relation = Fixture.everyone,
    compiler: SQLCompiler = Fixture.compiler,
    _ sql: String, _ parameters: [String] = []
  ) {
    self.query = Query(operation, over: relation)
    self.compiler = compiler
    self.expected = ExpectedSQL(sql, parameters)
  }

  var testDescription: String { expected.sql }
}

/// Where the SQL string literal opening at `start` (a quote) ends: the index after its closing quote, a
/// doubled quote inside being one escaped quote; nil when it never closes.
func endOfStringLiteral(in text: String, at start: String.Index) -> String.Index? {
  precondition(text[start] == "'")
  var i = text.index(after: start)
  while i < text.endIndex {
    if text[i] == "'" {
      let next = text.index(after: i)
      if next < text.endIndex, text[next] == "'" {
        i = text.index(after: next)
        continue
      }
      return next
    }
    i = text.index(after: i)
  }
  return nil
}
