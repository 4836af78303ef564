import Columnar
import SQLBackend
import SegmentPlan
import Testing

@Suite("SQL quoting")
struct QuotingTests {
  let dialect = Fixture.dialect

  @Test(
    "identifiers are double-quoted, inner double quotes doubled",
    arguments: [
      ("Annual Income (k$)", #""Annual Income (k$)""#),
      (#"a"b"#, #""a""b""#),
      (#"""#, #""""""#),
      ("select", #""select""#),
      ("order", #""order""#),
      ("Mixed Case", #""Mixed Case""#),
      ("naïve 東京", #""naïve 東京""#),
      ("x'y", #""x'y""#),
      ("$1", #""$1""#),
    ])
  func identifier(name: String, quoted: String) {
    #expect(dialect.identifier(name) == quoted)
  }

  @Test(
    "string literals are single-quoted, inner single quotes doubled, nothing else escaped",
    arguments: [
      ("plain", "'plain'"),
      ("O'Brien", "'O''Brien'"),
      ("''", "''''''"),
      (#"C:\path\n"#, #"'C:\path\n'"#),
      ("$1", "'$1'"),
      ("Zürich 東京 🎉", "'Zürich 東京 🎉'"),
      ("line one\nline two", "'line one\nline two'"),
      ("'; DROP TABLE customers; --", "'''; DROP TABLE customers; --'"),
      (#"a"b"#, #"'a"b'"#),
    ])
  func stringLiteral(value: String, literal: String) {
    #expect(dialect.stringLiteral(value) == literal)
  }

  static let hostileValues = [
    "O'Brien",
    "''",
    #"back\slash\"#,
    #"\'"#,
    "$1",
    "$2 and $1",
    "Zürich 東京 🎉 e\u{301}",
    "line one\nline two\r\n",
    "'; DROP TABLE customers; --",
    "' OR '1'='1",
    "x'); DELETE FROM customers; --",
    "/* comment */ -- dash",
    #"a"b"#,
    "",
  ]

  /// Every statement that binds the value, with the text it has for any value.
  static func statements(binding value: String) throws -> [(text: SQLText, template: String)] {
    let compiler = Fixture.compiler([(#"a"b"#, .string), ("Annual Income (k$)", .list), ("select", .int)])
    let where_ = Relation(table: "t", filter: .compare(#"a"b"#, .equal, .string(value)))
    return [
      (try compiler.condition(.compare(#"a"b"#, .equal, .string(value))), #"("a""b" = $1)"#),
      (
        try compiler.condition(.oneOf("Annual Income (k$)", [.string(value)], negated: false)),
        #"("Annual Income (k$)" && CAST(ARRAY[$1] AS TEXT[]))"#
      ),
      (
        try compiler.condition(.text(#"a"b"#, .startsWith, value, negated: true)),
        #"(NOT starts_with("a""b", $1))"#
      ),
      (
        try #require(try compiler.statement(Query(.count, over: where_))),
        #"SELECT count(*) AS "count" FROM "t" WHERE ("a""b" = $1)"#
      ),
    ]
  }

  @Test("a user's string is a parameter: never in the statement run, verbatim in the parameters")
  func valuesAreParameters() throws {
    for value in Self.hostileValues {
      for (text, template) in try Self.statements(binding: value) {
        let run = text.withPlaceholders(dialect)
        #expect(run == template, "value \(value.debugDescription)")
        if value.count > 2 && !value.hasPrefix("$") {
          #expect(!run.contains(value), "value \(value.debugDescription) leaked into \(run)")
        }
        #expect(text.parameters == [value])
      }
    }
  }

  @Test("shown inline, a user's string is one literal token, its quotes doubled")
  func inlinedValuesAreOneToken() throws {
    for value in Self.hostileValues {
      let literal = "'" + value.replacing("'", with: "''") + "'"
      for (text, template) in try Self.statements(binding: value) {
        let shown = text.inlined(dialect)
        #expect(shown == template.replacing("$1", with: literal))
        // The literal opens where the placeholder was and closes exactly where the value ends.
        let start = try #require(template.firstRange(of: "$1")).lowerBound
        let opening = shown.index(
          shown.startIndex, offsetBy: template.distance(from: template.startIndex, to: start))
        let end = try #require(endOfStringLiteral(in: shown, at: opening), "unclosed literal in \(shown)")
        #expect(String(shown[opening..<end]) == literal)
        #expect(String(shown[end...]) == String(template[template.index(start, offsetBy: 2)...]))
      }
    }
  }

  @Test("the injection attempt from the brief, in full")
  func injection() throws {
    let value = "'; DROP TABLE customers; --"
    let text = try Fixture.compiler.condition(.compare("region", .equal, .string(value)))
    #expect(text.withPlaceholders(dialect) == #"("region" = $1)"#)
    #expect(!text.withPlaceholders(dialect).contains("DROP"))
    #expect(text.parameters == [value])
    #expect(text.inlined(dialect) == #"("region" = '''; DROP TABLE customers; --')"#)
  }

  @Test("several parameters are numbered in the order they appear")
  func parameterNumbering() throws {
    let condition = Condition.and(
      .compare("region", .equal, .string("$2")),
      .or(
        .text("region", .endsWith, "'", negated: false),
        .oneOf("tags", [.string("a"), .string("b")], negated: true)))
    let text = try Fixture.compiler.condition(condition)
    #expect(
      text.withPlaceholders(dialect)
        == #"(("region" = $1) AND ((right("region", char_length($2)) = $3) OR "#
        + #"(NOT ("tags" && CAST(ARRAY[$4, $5] AS TEXT[])))))"#)
    #expect(text.parameters == ["$2", "'", "'", "a", "b"])
    #expect(
      text.inlined(dialect)
        == #"(("region" = '$2') AND ((right("region", char_length('''')) = '''') OR "#
        + #"(NOT ("tags" && CAST(ARRAY['a', 'b'] AS TEXT[])))))"#)
  }

  @Test("column names are quoted wherever the compiler writes them")
  func awkwardColumnNames() throws {
    let compiler = Fixture.compiler([
      ("Annual Income (k$)", .double), (#"a"b"#, .string), ("select", .int), ("order", .date),
    ])
    let relation = Relation(table: "t", filter: .compare("select", .greater, .int(1)))
    #expect(
      try compiler.statement(Query(.countBy([#"a"b"#, "select"]), over: relation))?.withPlaceholders(dialect)
        == oneLine(
          #"""
          SELECT "a""b" AS "a""b", "select" AS "select", count(*) AS "count" FROM "t"
          WHERE ("select" > 1) GROUP BY 1, 2
          ORDER BY count(*) DESC, ("a""b" COLLATE "C") ASC NULLS LAST, "select" ASC NULLS LAST
          """#))
    #expect(
      try compiler.statement(
        Query(.summarize(["Annual Income (k$)"], by: "order", quantiles: []), over: relation))?
        .withPlaceholders(dialect)
        == oneLine(
          #"""
          SELECT "order" AS "order", count(*) AS "rows", count("Annual Income (k$)") AS "count.0",
          sum(CAST("Annual Income (k$)" AS DOUBLE PRECISION)) AS "sum.0",
          min(CAST("Annual Income (k$)" AS DOUBLE PRECISION)) AS "min.0",
          max(CAST("Annual Income (k$)" AS DOUBLE PRECISION)) AS "max.0"
          FROM "t" WHERE ("select" > 1) GROUP BY 1 ORDER BY count(*) DESC, "order" ASC NULLS LAST
          """#))
  }

  @Test(
    "the table in FROM is written as given, already quoted",
    arguments: [
      (#"my "big" table"#, #"SELECT count(*) AS "count" FROM "my ""big"" table""#),
      ("select", #"SELECT count(*) AS "count" FROM "select""#),
      ("Customers 2024 ($)", #"SELECT count(*) AS "count" FROM "Customers 2024 ($)""#),
    ])
  func tableNames(table: String, sql: String) throws {
    let compiler = Fixture.compiler([("age", .int)], table: table)
    #expect(
      try compiler.statement(Query(.count, over: Relation(table: table)))?.withPlaceholders(dialect) == sql)
    #expect(
      try compiler.selectAll(Relation(table: table)).withPlaceholders(dialect)
        == sql.replacing(#"count(*) AS "count""#, with: "*"))
  }

  @Test("a schema-qualified FROM item")
  func qualifiedTable() throws {
    let from = dialect.identifier("sales") + "." + dialect.identifier(#"cust"omers"#)
    let compiler = SQLCompiler(dialect: dialect, schema: Fixture.schema, from: from)
    #expect(
      try compiler.selectAll(Fixture.filtered(.isTrue("active"))).withPlaceholders(dialect)
        == #"SELECT * FROM "sales"."cust""omers" WHERE ("active" = TRUE)"#)
  }
}
