import Testing

@testable import SegmentCore

@Suite("Script documents")
struct ScriptDocumentTests {
  @Test func recordedOutputFollowsItsCell() {
    let text = """
      # seg 0.1.0 session, saved 2026-05-14 09:30 UTC
      # file: data/c.csv (1,234 bytes, sha256 \(String(repeating: "ab", count: 32)))

      load "data/c.csv"
      #> loaded c: 3 rows
      #>
      #>   indented

      set today 2026-11-01
      segment a = age < 30; segments
      #> one
      tables
      """
    let document = ScriptDocument.parse(text, notebook: false)
    #expect(
      document.files == [
        FileFingerprint(path: "data/c.csv", size: 1234, sha256: String(repeating: "ab", count: 32))
      ])
    #expect(document.cells.count == 3)
    #expect(document.cells[0].recorded == ["loaded c: 3 rows", "", "  indented"])
    #expect(document.cells[0].line == 4)
    #expect(
      document.cells[1]
        == ScriptDocument.Cell(
          code: "set today 2026-11-01\nsegment a = age < 30; segments", line: 9, recorded: ["one"]))
    #expect(document.cells[2] == ScriptDocument.Cell(code: "tables", line: 12, recorded: nil))
  }

  @Test func aContinuedCommandStaysOneCell() {
    let document = ScriptDocument.parse("count \\\n\n  by gender\n#> x\n", notebook: false)
    #expect(document.cells.count == 1)
    #expect(document.cells[0].recorded == ["x"])
  }

  @Test func notebookBlocksAndTheirOutput() {
    let text = """
      # seg session

      - file: `my file (2).csv` (12 bytes, sha256 \(String(repeating: "0", count: 64)))

      ```seg
      load sample
      ```

      ```
      loaded customers
      ```

      Some prose.

      ```seg
      tables
      ```

      ```python
      not output
      ```
      """
    let document = ScriptDocument.parse(text, notebook: true)
    #expect(document.files.map(\.path) == ["my file (2).csv"])
    #expect(
      document.cells == [
        ScriptDocument.Cell(code: "load sample", line: 6, recorded: ["loaded customers"]),
        ScriptDocument.Cell(code: "tables", line: 16, recorded: nil),
      ])
  }

  @Test func outputLinesKeepInnerAndTrailingBlankLines() {
    #expect(ScriptDocument.outputLines("") == [])
    #expect(ScriptDocument.outputLines("a\n") == ["a"])
    #expect(ScriptDocument.outputLines("a\n\nb\n\n") == ["a", "", "b", ""])
  }

  @Test func headerLinesRoundTrip() {
    let file = FileFingerprint(path: "a (b).csv", size: 1_234_567, sha256: String(repeating: "f", count: 64))
    #expect(file.headerText == "file: a (b).csv (1,234,567 bytes, sha256 \(file.sha256))")
    #expect(FileFingerprint(headerLine: "# " + file.headerText) == file)
    #expect(FileFingerprint(headerLine: "- " + file.headerText) == file)
    #expect(FileFingerprint(headerLine: "# today: 2026-11-01") == nil)
    #expect(FileFingerprint(headerLine: "# file: x.csv (12 bytes, sha256 short)") == nil)
  }
}
