import Columnar
import Testing

@testable import SegmentCore

@Suite("Trend")
struct TrendTests {
  @Test func monthsBetweenFirstAndLastWithEmptyOnesAndShareOfThePeriod() throws {
    var shop = try makeShop()
    let table = try shop.resultTables("trend first by month of joined")[0]
    // first: Jan 5, Jan 6, Feb 10, Apr 1 (row 4 has no date); the table has 4 rows in January.
    #expect(
      table.texts.map { Array($0.prefix(4)) } == [
        ["2026-01", "2", "4", "50.0%"], ["2026-02", "1", "1", "100.0%"], ["2026-03", "0", "1", "0.0%"],
        ["2026-04", "1", "1", "100.0%"],
      ])
    #expect(table.texts[0][4] == Histogram.bar(2, of: 2) && table.texts[2][4] == "")
    #expect(table.footer?.contains("1 row with no joined") == true)
    #expect(table.columns.last?.isDecoration == true)
  }

  @Test func weeksQuartersAndYears() throws {
    var shop = try makeShop()
    #expect(try shop.resultTables("trend first by week of joined")[0].texts.map { $0[0] }.first == "2026-W02")
    #expect(try shop.resultTables("trend first by week of joined")[0].texts.count == 13)
    #expect(
      try shop.resultTables("trend shop by quarter of joined")[0].texts.map { [$0[0], $0[1]] } == [
        ["2025-Q4", "1"], ["2026-Q1", "6"], ["2026-Q2", "2"],
      ])
    #expect(try shop.resultTables("trend shop by year of joined")[0].texts.map { $0[0] } == ["2025", "2026"])
  }

  @Test(arguments: [
    (2026, 1, 1, "2026-W01"), (2025, 12, 29, "2026-W01"), (2021, 1, 3, "2020-W53"),
    (2024, 12, 30, "2025-W01"),
    (2026, 8, 3, "2026-W32"), (1969, 12, 29, "1970-W01"), (1969, 12, 28, "1969-W52"),
  ])
  func isoWeeks(year: Int, month: Int, day: Int, label: String) throws {
    let days = try #require(CivilDate.days(year: year, month: month, day: day))
    #expect(TrendPeriod.week.label(TrendPeriod.week.key(days: days)) == label)
  }

  /// Weeks at the ends of a date's Int32 day numbers (reachable with `derive d = signup_date - N`):
  /// their years passed what CivilDate.days accepts and the label trapped unwrapping nil.
  @Test(arguments: [Int32.min, Int32.min + 3, -1_830_000_000, 1_830_000_000, Int32.max - 3, Int32.max])
  func weeksAtTheEndsOfTheDates(days: Int32) {
    let label = TrendPeriod.week.label(TrendPeriod.week.key(days: days))
    let year = CivilDate.components(days: days).year
    #expect(
      label.hasPrefix(String(year)) || label.hasPrefix(String(year + 1)) || label.hasPrefix(String(year - 1)))
    #expect(label.contains("-W"))
  }

  @Test func monthAndQuarterLabels() throws {
    let days = try #require(CivilDate.days(year: 2026, month: 8, day: 31))
    #expect(TrendPeriod.month.label(TrendPeriod.month.key(days: days)) == "2026-08")
    #expect(TrendPeriod.quarter.label(TrendPeriod.quarter.key(days: days)) == "2026-Q3")
  }

  @Test func timestampsCountByTheirDay() throws {
    let day = try #require(CivilDate.days(year: 2026, month: 3, day: 31))
    let seconds: [Int64?] = [Int64(day) * 86_400 + 86_399, Int64(day + 1) * 86_400, nil]
    var workspace = Workspace()
    try workspace.put(try Table(name: "events", columns: [.timestamp("at", seconds: seconds)]))
    let rows = try workspace.resultTables("trend events by month of at")[0].texts
    #expect(rows.map { [$0[0], $0[1]] } == [["2026-03", "1"], ["2026-04", "1"]])
  }

  @Test func emptySegmentAndWrongColumn() throws {
    var shop = try makeShop()
    _ = try shop.resultTables("segment none = id > 100")
    let empty = try shop.resultTables("trend none by month of joined")[0]
    #expect(empty.rows.isEmpty && empty.footer == "no dated rows in segment none")
    #expect(throws: EvalError.self) { try shop.resultTables("trend first by month of spend") }
    #expect(throws: ParseError.self) { try Parser.parse("trend first by mnth of joined") }
  }
}
