import SQLBackend
import Testing

@Suite("SQL text")
struct SQLTextTests {
  @Test func parametersAreBoundWhenRunAndQuotedWhenShown() {
    let text = "SELECT * FROM t WHERE a = " + SQLText.parameter("O'Brien") + " AND b = " + .parameter("x")
    let dialect = PostgreSQLDialect()
    #expect(text.withPlaceholders(dialect) == "SELECT * FROM t WHERE a = $1 AND b = $2")
    #expect(text.parameters == ["O'Brien", "x"])
    #expect(text.inlined(dialect) == "SELECT * FROM t WHERE a = 'O''Brien' AND b = 'x'")
  }
}
