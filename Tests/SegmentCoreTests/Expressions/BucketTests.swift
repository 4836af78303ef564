import Columnar
import Testing

@testable import SegmentCore

@Suite("bucket: bands and labels")
struct BucketTests {
  typealias F = ComputedColumnFixture

  private func texts(_ values: [String?]) -> [Value] { values.map { $0.map(Value.string) ?? .null } }

  @Test func wholeNumberEdgesGiveInclusiveLabels() throws {
    var workspace = try F.workspace()
    let result = try F.run(&workspace, "bucket age into 18, 25, 35, 50")
    // ages 20, 35, nil, 50, 17, 64
    #expect(F.values(workspace, "age_band") == texts(["18-24", "35-49", nil, "50+", "<18", "50+"]))
    #expect(F.message(result) == "bucketed age into age_band on people: 5 bands")
    // The listing keeps band order (empty bands included) and counts the nulls last.
    guard case .sequence(let parts) = result, case .table(let listing) = parts[1] else {
      Issue.record("no listing")
      return
    }
    #expect(
      listing.rows.map { Renderer.displayText($0[0]) } == ["<18", "18-24", "25-34", "35-49", "50+", ""])
    #expect(listing.rows.map { Renderer.displayText($0[1]) } == ["1", "1", "0", "1", "2", "1"])
  }

  @Test(arguments: [
    ([18.0, 19, 25], true, ["<18", "18", "19-24", "25+"]),
    ([18.0, 25], false, ["<18", "[18, 25)", "25+"]),
    ([-5.0, 0, 2.5], false, ["<-5", "[-5, 0)", "[0, 2.5)", "2.5+"]),
    ([100.0], true, ["<100", "100+"]),
  ])
  func labels(_ edges: [Double], _ wholeNumbers: Bool, _ expected: [String]) {
    #expect(Buckets.labels(edges: edges, wholeNumbers: wholeNumbers) == expected)
  }

  @Test func doubleColumnsGetHalfOpenBandsAndNaNIsNull() throws {
    var workspace = try F.workspace()
    try F.run(&workspace, "bucket spend into 10, 50.5, 100 as spend_band")
    // spend 100, 0, 50.5, nil, 12.25, 300
    #expect(
      F.values(workspace, "spend_band")
        == texts(["100+", "<10", "[50.5, 100)", nil, "[10, 50.5)", "100+"]))
    var nan = Workspace()
    try nan.put(try Table(name: "t", columns: [.double("v", [.nan, 1, nil, -1])]))
    try F.run(&nan, "bucket v into 0")
    #expect(F.values(nan, "v_band", table: "t") == texts([nil, "0+", nil, "<0"]))
  }

  @Test func aDecimalEdgeOnAnIntColumnStartsAtTheNextWholeNumber() throws {
    var workspace = try F.workspace()
    try F.run(&workspace, "bucket age into 17.5, 40 as b")
    #expect(F.values(workspace, "b") == texts(["[17.5, 40)", "[17.5, 40)", nil, "40+", "<17.5", "40+"]))
  }

  @Test(arguments: [
    ("bucket age into 30, 20", "bucket edges must ascend: 20 comes after 30"),
    ("bucket age into 30, 30", "bucket edges must ascend: 30 comes after 30"),
    ("bucket name into 1, 2", "bucket needs a number column; name is String"),
    ("bucket agee into 1", "no column 'agee' in table people"),
    ("bucket age into 1 as spend", "spend is a column loaded into people"),
  ])
  func errors(_ command: String, _ message: String) throws {
    let error = try #require(try F.error(try F.workspace(), command))
    #expect(error.message == message)
  }

  @Test func edgesMustBeNumbers() {
    #expect(throws: ParseError.self) { try Parser.parse("bucket age into \"a\"") }
    #expect(throws: ParseError.self) { try Parser.parse("bucket age 18, 25") }
  }

  @Test func rebucketingReplacesTheBand() throws {
    var workspace = try F.workspace()
    try F.run(&workspace, "bucket age into 18, 25, 35, 50 as band")
    let result = try F.run(&workspace, "bucket age into 40 as band")
    #expect(F.message(result) == "replaced band on people: 2 bands")
    #expect(F.values(workspace, "band") == texts(["<40", "<40", nil, "40+", "<40", "40+"]))
  }
}
