import Columnar
import Testing

@testable import SegmentCore

@Suite("Rank")
struct RankTests {
  @Test func sumRanksWithShareOfTheTableTotal() throws {
    var shop = try makeShop()
    let table = try shop.resultTables("rank segments by sum(spend)")[0]
    // first 10+20+30+40+50, spenders 20..50, f 50+3+4 (one null); the table's total is 160.
    #expect(
      table.texts.map { Array($0.prefix(5)) } == [
        ["1", "first", "5", "150.00", "93.8%"], ["2", "spenders", "4", "140.00", "87.5%"],
        ["3", "f", "4", "57.00", "35.6%"],
      ])
    #expect(table.footer?.contains("160.00") == true)
  }

  @Test(arguments: [
    ("mean(spend)", ["spenders", "first", "f"], ["35.00", "30.00", "19.00"]),
    ("median(spend)", ["spenders", "first", "f"], ["35.00", "30.00", "4.00"]),
    ("avg(spend)", ["spenders", "first", "f"], ["35.00", "30.00", "19.00"]),
  ])
  func meansAndMediansHaveNoShare(aggregate: String, order: [String], values: [String]) throws {
    var shop = try makeShop()
    let table = try shop.resultTables("rank segments by \(aggregate)")[0]
    #expect(table.texts.map { $0[1] } == order)
    #expect(table.texts.map { $0[3] } == values)
    #expect(!table.columns.contains { $0.name == "share" })
    #expect(table.footer?.contains("no share of a total") == true)
  }

  @Test func countsRowsOrValuesWithTiesInDefinitionOrder() throws {
    var shop = try makeShop()
    let rows = try shop.resultTables("rank segments by count(*)")[0].texts
    #expect(
      rows.map { [$0[1], $0[3], $0[4]] } == [
        ["first", "5", "50.0%"], ["spenders", "4", "40.0%"], ["f", "4", "40.0%"],
      ])
    let values = try shop.resultTables("rank segments by count(spend)")[0].texts
    // f has a null spend; the table has 9 spends.
    #expect(
      values.map { [$0[1], $0[3], $0[4]] } == [
        ["first", "5", "55.6%"], ["spenders", "4", "44.4%"], ["f", "3", "33.3%"],
      ])
    #expect(try shop.resultTables("rank segments by count")[0].texts.count == 3)
  }

  @Test func emptySegmentRanksLastWithABlankMean() throws {
    var shop = try makeShop()
    _ = try shop.resultTables("segment none = id > 100")
    let rows = try shop.resultTables("rank segments by mean(spend)")[0].texts
    #expect(rows.last?[1] == "none" && rows.last?[3] == "")
  }

  @Test func unknownAggregateSuggestsTheClosest() {
    do {
      _ = try Parser.parse("rank segments by summ(spend)")
      Issue.record("expected an error")
    } catch {
      #expect(error.suggestions == ["sum"])
    }
  }

  @Test func needsNumbersAndSegments() throws {
    var shop = try makeShop()
    #expect(throws: EvalError.self) { try shop.resultTables("rank segments by sum(gender)") }
    #expect(throws: EvalError.self) { try shop.resultTables("rank segments by sum(spnd)") }
    try shop.put(try Table(name: "other", columns: [.int("x", [1, 2, 3])]))
    #expect(throws: EvalError.self) { try shop.resultTables("rank segments by sum(x)") }
  }
}
