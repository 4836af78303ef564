import Columnar
import Testing

@testable import SegmentCore

@Suite("Renderers")
struct RendererTests {
  let table = ResultTable(
    columns: [
      ResultColumn("name"), ResultColumn("n", alignment: .right), ResultColumn("share", alignment: .right),
    ],
    rows: [
      [.value(.string("Zoë, \"Z\"")), .value(.int(12)), .share(0.125)],
      [.value(.null), .value(.int(3)), .share(1)],
    ],
    footer: "2 rows")

  @Test func boxTable() {
    let text = Renderer.render(.table(table), format: .table, style: .plain)
    #expect(
      text == """
        ┌──────────┬────┬────────┐
        │ name     │ n  │ share  │
        ├──────────┼────┼────────┤
        │ Zoë, "Z" │ 12 │  12.5% │
        │          │  3 │ 100.0% │
        └──────────┴────┴────────┘
        2 rows

        """)
  }

  @Test func csv() {
    let text = Renderer.render(.table(table), format: .csv, style: .plain)
    #expect(text == "name,n,share\n\"Zoë, \"\"Z\"\"\",12,0.1250\n,3,1.0000\n")
  }

  @Test func json() {
    let text = Renderer.render(.table(table), format: .json, style: .plain)
    #expect(
      text == """
        [
          {"name": "Zoë, \\"Z\\"", "n": 12, "share": 0.1250},
          {"name": null, "n": 3, "share": 1.0000}
        ]

        """)
  }

  @Test func markdown() {
    let text = Renderer.render(.table(table), format: .markdown, style: .plain)
    #expect(
      text
        == "| name | n | share |\n|---|---:|---:|\n| Zoë, \"Z\" | 12 | 12.5% |\n|  | 3 | 100.0% |\n\n2 rows\n"
    )
  }

  @Test func wideTablesDropColumnsAndSaySo() {
    let wide = ResultTable(
      columns: (0..<30).map { ResultColumn("column_\($0)") }, rows: [(0..<30).map { _ in .text("x") }])
    let text = Renderer.render(.table(wide), format: .table, style: RenderStyle(color: false, width: 60))
    #expect(text.split(separator: "\n").allSatisfy { $0.count <= 60 || $0.contains("not shown") })
    #expect(text.contains("25 more columns not shown"))
  }

  @Test func longCellsAreClipped() {
    let long = ResultTable(columns: [ResultColumn("a")], rows: [[.text(String(repeating: "y", count: 50))]])
    let text = Renderer.render(.table(long), format: .table, style: .plain)
    #expect(text.contains(String(repeating: "y", count: 31) + "…"))
  }

  @Test func diagnosticWithCaretAndSuggestion() {
    let d = Diagnostic(
      message: "no column 'agee' in table customers", source: "show columns agee", range: SourceRange(13, 17),
      hint: nil, suggestions: ["age"], location: "x.seg:3")
    #expect(
      d.rendered(color: false) == """
        x.seg:3: error: no column 'agee' in table customers
          show columns agee
                       ^^^^
          did you mean 'age'?

        """)
  }

  /// Issue 18: a cell of a CSV file must not retitle the terminal or write its clipboard.
  @Test func controlCharactersAreShownNotObeyedInTables() {
    let table = ResultTable(
      title: "t\u{1B}[2J", columns: [ResultColumn("name\u{07}")],
      rows: [[.text("\u{1B}]0;pwned\u{07}x")], [.text("\u{1B}]52;c;ZXZpbA==\u{1B}\\")], [.text("del\u{7F} c1\u{9B}")]],
      footer: "f\u{1B}")
    let text = Renderer.render(.table(table), format: .table, style: .plain)
    #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) })
    #expect(text.contains("␛]0;pwned␇x"))
    #expect(text.contains("␛]52;c;ZXZpbA==␛\\"))
    #expect(text.contains("del␡ c1\u{FFFD}"))
    #expect(Renderer.render(.message("a\u{1B}b\nc"), format: .table, style: .plain) == "a␛b\nc\n")
    // Data formats keep the data as it is: CSV raw, JSON escaped.
    #expect(Renderer.render(.table(table), format: .csv, style: .plain).contains("\u{1B}]0;pwned\u{07}x"))
    #expect(Renderer.render(.table(table), format: .json, style: .plain).contains("\\u001b]0;pwned\\u0007x"))
  }
}
