import Columnar
import SegmentPlan
import Testing

@testable import SegmentCore

/// Warnings for a text value typed in the wrong case, on the shop of `makeShop()` (gender M or F; tags
/// a, b).
@Suite("Case hints")
struct CaseHintTests {
  func warnings(_ text: String, in workspace: inout Workspace) throws -> [String] {
    try workspace.run(try Parser.parse(text), interruption: Interruption()).warnings
  }

  @Test func aValueInTheWrongCaseNamesTheSpellingInTheData() throws {
    var shop = try makeShop()
    #expect(
      try warnings("segment men = gender = \"m\"", in: &shop) == [
        "no row has gender = \"m\"; did you mean \"M\" (6 rows)?"
      ])
    #expect(
      try warnings("count where gender in (\"f\", \"M\")", in: &shop) == [
        "no row has gender = \"f\"; did you mean \"F\" (4 rows)?"
      ])
    #expect(try warnings("show shop where not (gender = \"f\") or spend > 5", in: &shop).count == 1)
    #expect(
      try warnings("stats spend in first where tags in (\"A\")", in: &shop) == [
        "no row has \"A\" in tags; did you mean \"a\" (4 rows)?"
      ])
  }

  @Test func noHintWhenTheValueMatchesOrNothingIsClose() throws {
    var shop = try makeShop()
    #expect(try warnings("segment men = gender = \"M\"", in: &shop).isEmpty)
    #expect(try warnings("count where gender = \"x\"", in: &shop).isEmpty)
    #expect(try warnings("count where gender != \"m\"", in: &shop).isEmpty)
    #expect(try warnings("count where gender not in (\"m\")", in: &shop).isEmpty)
    // The segments a condition names were checked when they were made.
    _ = try shop.run(try Parser.parse("segment odd = gender = \"m\""), interruption: Interruption())
    #expect(try warnings("count where odd", in: &shop).isEmpty)
  }

  @Test func severalSpellingsLargestFirst() throws {
    var workspace = Workspace()
    try workspace.put(
      try Table(
        name: "t", columns: [.string("tier", ["gold", "GOLD", "gold", "Gold", "silver", "gOLD", "golD"])]))
    #expect(
      try warnings("count where tier = \"GoLd\"", in: &workspace) == [
        "no row has tier = \"GoLd\"; did you mean \"gold\" (2 rows) or \"GOLD\" (1 row) or \"Gold\" (1 row) or 2 more?"
      ])
  }

  @Test func onlyTheLettersAToZFold() {
    #expect(TextMatch.foldingCase("ÉTÉ Gold-1") == "ÉtÉ gold-1")
    #expect(TextMatch.foldingCase("") == "")
  }

  @Test func comparisonsAreTheTypedEqualitiesOfTextColumns() throws {
    let schema = TableSchema(
      name: "t",
      columns: [
        ColumnSchema(name: "City", type: .string), ColumnSchema(name: "age", type: .int),
        ColumnSchema(name: "tags", type: .list),
      ])
    let predicate = try #require(
      Parser.parse("segment s = city = \"perth\" and (age = 3 or tags in (\"x\", \"y\")) or city = \"perth\"")
        .segmentDefinition?.predicate)
    #expect(
      Workspace.textComparisons(in: predicate, table: schema) == [
        TextComparison(column: "City", value: "perth", isList: false),
        TextComparison(column: "tags", value: "x", isList: true),
        TextComparison(column: "tags", value: "y", isList: true),
      ])
  }
}

extension Command {
  fileprivate var segmentDefinition: SegmentDefinition? {
    if case .segment(let definition) = self { definition } else { nil }
  }
}
