import Columnar
import Testing

@testable import SegmentCore

@Suite("Compare")
struct CompareTests {
  @Test func twoSegmentsSizesOverlapAndParts() throws {
    var shop = try makeShop()
    let tables = try shop.resultTables("compare first, spenders")
    #expect(tables.count == 3)
    #expect(tables[0].texts == [["first", "5", "50.0%"], ["spenders", "4", "40.0%"]])
    #expect(tables[1].texts == [["first", "spenders", "4", "80.0%", "100.0%", "0.800"]])
    #expect(
      tables[2].texts == [
        ["only first", "1", "10.0%"], ["only spenders", "0", "0.0%"], ["both", "4", "40.0%"],
        ["neither", "5", "50.0%"],
      ])
  }

  @Test func threeSegmentsHaveEveryRegionOfTheVennDiagram() throws {
    var shop = try makeShop()
    let tables = try shop.resultTables("compare first, spenders, f")
    #expect(
      tables[1].texts == [
        ["first", "spenders", "4", "80.0%", "100.0%", "0.800"],
        ["first", "f", "1", "20.0%", "25.0%", "0.125"],
        ["spenders", "f", "1", "25.0%", "25.0%", "0.143"],
      ])
    #expect(
      tables[2].texts.map { [$0[0], $0[1]] } == [
        ["only first", "1"], ["only spenders", "0"], ["only f", "3"],
        ["first and spenders, not f", "3"], ["first and f, not spenders", "0"],
        ["spenders and f, not first", "0"], ["all three", "1"], ["none of them", "2"],
      ])
    let total = tables[2].texts.reduce(0) { $0 + Int($1[1])! }
    #expect(total == 10)
  }

  @Test func emptySegmentHasNoJaccard() throws {
    var shop = try makeShop()
    _ = try shop.resultTables("segment none = id > 100")
    _ = try shop.resultTables("segment none2 = id < 0")
    let tables = try shop.resultTables("compare none, none2")
    #expect(tables[1].texts == [["none", "none2", "0", "", "", ""]])
  }

  @Test func segmentsMustExistBeDistinctAndShareATable() throws {
    var shop = try makeShop()
    do {
      _ = try shop.resultTables("compare first, spendrs")
      Issue.record("expected an error")
    } catch let error as EvalError {
      #expect(error.suggestions == ["spenders"])
    }
    #expect(throws: EvalError.self) { try shop.resultTables("compare first, first") }
    #expect(throws: EvalError.self) { try shop.resultTables("compare first, shop") }
    try shop.put(try Table(name: "other", columns: [.int("x", [1, 2, 3])]))
    _ = try shop.resultTables("segment small = x < 2")
    do {
      _ = try shop.resultTables("compare first, small")
      Issue.record("expected an error")
    } catch let error as EvalError {
      #expect(error.message == "segment small is on table other, not shop")
    }
  }

  @Test(arguments: ["compare first", "compare first, spenders, f, first", "compare first spenders"])
  func takesTwoOrThreeSegments(source: String) {
    #expect(throws: ParseError.self) { try Parser.parse(source) }
  }
}
