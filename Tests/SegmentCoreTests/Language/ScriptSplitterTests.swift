import Testing

@testable import SegmentCore

@Suite("Script splitting")
struct ScriptSplitterTests {
  @Test func semicolonsCommentsAndContinuations() {
    let script = """
      # a comment
      load sample; tables   # trailing comment
      show columns a, \\
        b limit 3
      show "x;#y"

      help
      """
    let statements = ScriptSplitter.statements(in: script)
    #expect(
      statements == [
        Statement(text: "load sample", line: 2), Statement(text: "tables", line: 2),
        Statement(text: "show columns a,    b limit 3", line: 3), Statement(text: "show \"x;#y\"", line: 5),
        Statement(text: "help", line: 7),
      ])
  }

  @Test func crlfLinesAndEmptyInput() {
    #expect(ScriptSplitter.statements(in: "tables\r\nhelp\r\n").map(\.text) == ["tables", "help"])
    #expect(ScriptSplitter.statements(in: "").isEmpty)
    #expect(ScriptSplitter.statements(in: " ; ;\n#only\n").isEmpty)
  }

  @Test func needsMoreInputOnlyAfterABackslash() {
    #expect(ScriptSplitter.needsMoreInput("show \\"))
    #expect(ScriptSplitter.needsMoreInput("show \\   # comment"))
    #expect(!ScriptSplitter.needsMoreInput("show"))
    #expect(!ScriptSplitter.needsMoreInput("show \"a\\\""))
  }
}
