import Columnar
import Testing

@testable import SegmentCore

@Suite("Counts, stats, histograms and top")
struct AnalysisTests {
  func csv(_ commands: String) -> [String] {
    let session = Session()
    let p = session.perform("set format csv; " + commands)
    #expect(!p.failed, "\(p.emissions)")
    return p.emissions.filter { $0.stream == .out }.map(\.text).joined().split(separator: "\n").map(
      String.init)
  }

  @Test func countByOrdersGroupsBySizeThenValueWithNullsLast() throws {
    let workspace = try makeWorkspace(rows: 10)
    let table = try workspace.count(
      CountCommand(source: RowSource(), groups: [Name("city", at: SourceRange(0, 4))]))
    let labels = table.rows.map { Renderer.displayText($0[0]) }
    #expect(labels == ["Perth", "San José", "Sandton", "Zürich", ""])
    #expect(table.rows.map { Renderer.displayText($0[1]) } == ["2", "2", "2", "2", "2"])
    _ = workspace
  }

  @Test func statsQuantilesInterpolateLikeDuckDB() throws {
    let workspace = try makeWorkspace(rows: 8)
    let result = try workspace.stats(
      StatsCommand(columns: [Name("spend", at: SourceRange(0, 5))], source: RowSource(), group: nil))
    // spend: 0, 100.5, 201, 301.5, null, 502.5, 603, 703.5 → 7 values
    let row = result.rows[0].map(Renderer.displayText)
    #expect(row == ["spend", "7", "344.57", "301.50", "150.75", "552.75", "0", "703.5", "2412.00"])
  }

  @Test func histogramBinsWholeNumbersAndCountsNulls() throws {
    let workspace = try makeWorkspace(rows: 8)
    let result = try workspace.histogram(
      HistogramCommand(column: Name("age", at: SourceRange(0, 3)), source: RowSource(), bins: 3))
    let labels = result.rows.map { Renderer.displayText($0[0]) }
    let counts = result.rows.map { Renderer.displayText($0[1]) }
    // ages 18, 21, 24, 30, 33, 36 (two nulls): span 19, width 7
    #expect(labels == ["18 – 24", "25 – 31", "32 – 36", "(null)"])
    #expect(counts == ["3", "1", "2", "2"])
  }

  @Test func topRanksHighestFirstSkipsNullsAndKeepsRowOrderOnTies() throws {
    let session = Session()
    _ = session.perform("load sample rows 400 seed 2; segment m = gender = \"M\"")
    let viaTop = session.perform("set format csv; top 5 by total_spend in m columns customer_id, total_spend")
    let viaSort = session.perform(
      "show m columns customer_id, total_spend sort by total_spend desc, customer_id limit 5")
    let topLines = viaTop.emissions.map(\.text).joined().split(separator: "\n").dropFirst(2).prefix(5)
    let sortLines = viaSort.emissions.map(\.text).joined().split(separator: "\n").dropFirst(1).prefix(5)
    #expect(Array(topLines) == Array(sortLines))
  }

  @Test func countShareIsOfTheWholeTable() {
    let lines = csv("load sample rows 1000 seed 4; count where age < 30")
    let fields = lines[lines.count - 1].split(separator: ",")
    let n = Double(fields[0])!
    #expect(fields[1] == Substring(Figures.fixed(n / 1000, decimals: 4)))
  }
}
