import Columnar
import SegmentPlan
import Testing

@testable import SegmentCore

/// Ten hand-made shop customers with nulls, and segments `first` (rows 0-4), `spenders` (spend ≥ 20:
/// rows 1-4) and `f` (gender F: rows 4, 7, 8, 9), for the analytics tests.
///
/// | row | id | gender | spend | joined     | vip   | tags   |
/// |-----|----|--------|-------|------------|-------|--------|
/// | 0   | 1  | M      | 10    | 2026-01-05 | true  | a, b   |
/// | 1   | 2  | M      | 20    | 2026-01-06 | true  | a      |
/// | 2   | 3  | M      | 30    | 2026-02-10 | false | (none) |
/// | 3   | 4  | M      | 40    | 2026-04-01 | false | null   |
/// | 4   | 5  | F      | 50    | null       | true  | b      |
/// | 5   | 6  | M      | 1     | 2026-01-20 | false | a, b   |
/// | 6   | 7  | M      | 2     | 2026-03-15 | false | a      |
/// | 7   | 8  | F      | 3     | 2025-12-31 | false | (none) |
/// | 8   | 9  | F      | 4     | 2026-01-01 | false | null   |
/// | 9   | 10 | F      | null  | 2026-06-30 | null  | b      |
func makeShop() throws -> Workspace {
  let day = { (m: Int, d: Int) -> Int32? in CivilDate.days(year: 2026, month: m, day: d) }
  let joined: [Int32?] = [
    day(1, 5), day(1, 6), day(2, 10), day(4, 1), nil, day(1, 20), day(3, 15),
    CivilDate.days(year: 2025, month: 12, day: 31), day(1, 1), day(6, 30),
  ]
  let tagSets: [[String]?] = [["a", "b"], ["a"], [], nil, ["b"]]
  let table = try Table(
    name: "shop",
    columns: [
      .int("id", (1...10).map { Int64($0) }),
      .string("gender", ["M", "M", "M", "M", "F", "M", "M", "F", "F", "F"]),
      .double("spend", [10, 20, 30, 40, 50, 1, 2, 3, 4, nil]),
      .date("joined", days: joined),
      .bool("vip", [true, true, false, false, true, false, false, false, false, nil]),
      .list("tags", (0..<10).map { tagSets[$0 % 5] }),
    ])
  var workspace = Workspace()
  try workspace.put(table)
  for definition in [
    "segment first = id <= 5", "segment spenders = spend >= 20", "segment f = gender = \"F\"",
  ] {
    _ = try workspace.run(try Parser.parse(definition), interruption: Interruption())
  }
  return workspace
}

extension Workspace {
  /// Runs one command's text and returns its result tables.
  mutating func resultTables(_ text: String) throws -> [ResultTable] {
    switch try run(try Parser.parse(text), interruption: Interruption()).result {
    case .table(let table): return [table]
    case .sequence(let parts):
      return parts.compactMap { if case .table(let t) = $0 { t } else { nil } }
    default: return []
    }
  }
}

extension ResultTable {
  /// Every cell as the table renderer shows it.
  var texts: [[String]] { rows.map { $0.map(Renderer.displayText) } }
}

@Suite("Profile statistics")
struct ProfileStatisticsTests {
  @Test func pooledProportionZMatchesTheTextbookFormula() throws {
    // p = 60/200 = 0.3; se = √(0.3 · 0.7 · (1/100 + 1/100)) = 0.0648; z = 0.2 / se
    let z = try #require(ProfileStatistics.proportionZ(40, of: 100, 20, of: 100))
    #expect(abs(z - 3.0861) < 0.0001)
    #expect(ProfileStatistics.proportionZ(0, of: 0, 3, of: 10) == nil)
    #expect(ProfileStatistics.proportionZ(10, of: 10, 5, of: 5) == nil)
  }

  @Test func welchZAndSmallCounts() throws {
    let z = try #require(
      ProfileStatistics.welchZ(mean1: 10, variance1: 4, count1: 20, mean2: 8, variance2: 9, count2: 30))
    #expect(abs(z - 2 / 0.5.squareRoot()) < 1e-12)
    #expect(
      ProfileStatistics.welchZ(mean1: 1, variance1: 0, count1: 1, mean2: 0, variance2: 1, count2: 5) == nil)
    // Ordinary counts in groups of 100: reliable, whatever the counts themselves.
    #expect(!ProfileStatistics.isSmall(29, of: 100, 40, of: 100))
    #expect(!ProfileStatistics.isSmall(3, of: 100, 12, of: 100))  // expected 7.5 with the value
    // A value 423 members hold and nobody else: the clearest finding, not an unreliable one.
    #expect(!ProfileStatistics.isSmall(423, of: 1_000, 0, of: 40_000))
    // A group under 30 rows.
    #expect(ProfileStatistics.isSmall(20, of: 29, 400, of: 1_000))
    #expect(ProfileStatistics.isSmall(20, of: 1_000, 10, of: 29))
    // Expected count 1000 · 0.004 = 4 < 5 in the first group although both counts reach 30.
    #expect(ProfileStatistics.isSmall(30, of: 1_000, 10_000, of: 2_500_000))
    // Expected count without the value under 5: nearly every row holds it (58 · 0.0399 = 2.3).
    #expect(ProfileStatistics.isSmall(58, of: 58, 4_750, of: 4_942))
    // On the edge: exactly 5 expected is enough (n1 = 50, pooled p = 0.1).
    #expect(!ProfileStatistics.isSmall(5, of: 50, 45, of: 450))
    #expect(ProfileStatistics.isSmall(4, of: 49, 45, of: 450))
  }

  @Test func theRestOfATableHasTheMomentsOfItsOwnRows() throws {
    // All: 10, 20, 30, 40, 50, 60; the part: 20, 50; the rest: 10, 30, 40, 60 (mean 35, variance 1300 / 3).
    func group(_ values: [Double]) throws -> MeasuredGroup {
      let frame = Frame(columns: [
        Column.int("count.0", [Int64(values.count)]),
        Column.double("mean.0", [values.reduce(0, +) / Double(values.count)]),
        Column.double(
          "var.0",
          [
            values.map { ($0 - values.reduce(0, +) / Double(values.count)) }.map { $0 * $0 }.reduce(0, +)
              / Double(values.count - 1)
          ]),
      ])
      return MeasuredGroup(frame, column: 0)
    }
    let rest = try group([10, 20, 30, 40, 50, 60]).without(try group([20, 50]))
    #expect(rest.count == 4)
    #expect(abs((rest.mean ?? 0) - 35) < 1e-9)
    #expect(abs((rest.variance ?? 0) - 1300.0 / 3) < 1e-9)
    #expect(try group([10, 20]).without(try group([10, 20])).count == 0)
    #expect(try group([10, 20]).without(try group([20])).variance == nil)
  }
}

@Suite("Profile")
struct ProfileTests {
  @Test func categoriesAgainstTheTableTestTheRestAndSortByZThenIndex() throws {
    var shop = try makeShop()
    let tables = try shop.resultTables("profile first columns gender, vip")
    #expect(tables.count == 1)
    #expect(
      tables[0].texts == [
        ["vip", "true", "3", "60.0%", "30.0%", "200", "2.1", "small"],
        ["gender", "F", "1", "20.0%", "40.0%", "50", "-1.3", "small"],
        ["gender", "M", "4", "80.0%", "60.0%", "133", "1.3", "small"],
        ["vip", "false", "2", "40.0%", "60.0%", "67", "-1.3", "small"],
        ["vip", "(null)", "0", "0.0%", "10.0%", "0", "-1.1", "small"],
      ])
    #expect(tables[0].footer?.contains("against the rest of shop") == true)
  }

  @Test func versusASegmentUsesItsSharesAsTheBase() throws {
    var shop = try makeShop()
    _ = try shop.resultTables("segment second = id > 5")
    let rows = try shop.resultTables("profile first vs second columns gender")[0].texts
    // second is exactly the rest, so z is as against the table, but the base shares are second's.
    // Equal |z|: the index further from 100 comes first.
    #expect(rows[0] == ["gender", "M", "4", "80.0%", "40.0%", "200", "1.3", "small"])
    #expect(rows[1] == ["gender", "F", "1", "20.0%", "60.0%", "33", "-1.3", "small"])
  }

  @Test func numbersShowMeansMediansAndWelchZ() throws {
    var shop = try makeShop()
    let tables = try shop.resultTables("profile first columns spend, joined")
    let rows = tables[0].texts
    // spend in first: 10..50 (mean 30, median 30); table: nine values, mean 160/9, median 10;
    // rest 1..4: z = 27.5 / √(250/5 + (5/3)/4) = 3.87
    #expect(rows[0] == ["spend", "5", "30.00", "17.78", "12.22", "30.00", "10.00", "20.00", "3.9", "small"])
    // joined in first: Jan 5, Jan 6, Feb 10, Apr 1 → median halfway between Jan 6 and Feb 10.
    #expect(rows[1][0] == "joined" && rows[1][1] == "4" && rows[1][5] == "2026-01-23")
  }

  @Test func listsCountRowsPerItemAndNullRows() throws {
    var shop = try makeShop()
    let rows = try shop.resultTables("profile f columns tags")[0].texts
    // f = rows 4, 7, 8, 9: tags b, (none), null, b → b in 2 of 4; table: b in 4 of 10
    let b = try #require(rows.first { $0[1] == "b" })
    #expect(b[2] == "2" && b[3] == "50.0%" && b[4] == "40.0%" && b[5] == "125")
    let null = try #require(rows.first { $0[1] == "(null)" })
    #expect(null[2] == "1" && null[4] == "20.0%")
  }

  @Test func idsAndDefiningColumnsAreSkippedUnlessNamedOrAll() throws {
    var shop = try makeShop()
    let tables = try shop.resultTables("profile f")
    let columns = Set(tables.flatMap(\.texts).map { $0[0] })
    #expect(columns == ["spend", "joined", "vip", "tags"])
    #expect(
      tables.last?.footer?.hasSuffix(
        "\nskipped (profile f all includes them): id (an id); gender (defines f)") == true)
    let all = try shop.resultTables("profile f all")
    #expect(Set(all.flatMap(\.texts).map { $0[0] }) == ["id", "gender", "spend", "joined", "vip", "tags"])
    #expect(all.last?.footer?.contains("skipped") == false)
    let named = try shop.resultTables("profile f columns id, gender")
    #expect(Set(named.flatMap(\.texts).map { $0[0] }) == ["id", "gender"])
  }

  @Test func bothSegmentsDefiningColumnsAreSkippedAgainstAnother() throws {
    var shop = try makeShop()
    let tables = try shop.resultTables("profile spenders vs f")
    #expect(!tables.flatMap(\.texts).contains { $0[0] == "spend" || $0[0] == "gender" })
    #expect(
      tables.last?.footer?.split(separator: "\n").last.map(String.init)
        == "skipped (profile spenders vs f all includes them): id (an id); spend (defines spenders); "
        + "gender (defines f)")
  }

  @Test func definingColumnsFollowTheSegmentsADefinitionNames() throws {
    var shop = try makeShop()
    _ = try shop.resultTables("segment loyal = spenders and not vip or joined within 30 days")
    let loyal = try #require(shop.segment(named: "loyal"))
    #expect(shop.definingColumns(of: loyal) == ["spend", "joined", "vip"])
    let first = try #require(shop.segment(named: "first"))
    #expect(shop.definingColumns(of: first) == ["id"])
  }

  @Test(arguments: [
    ("id", true), ("ID", true), ("customer_id", true), ("Customer ID", true), ("CustomerID", true),
    ("orderId", true), ("order2ID", true), ("paid", false), ("valid", false), ("PAID", false),
    ("Idle", false), ("idea", false), ("UUID", false), ("kid", false),
  ])
  func identifierNames(name: String, isIdentifier: Bool) {
    #expect(ProfileColumns.isIdentifierName(name) == isIdentifier)
  }

  @Test func idsByValues() throws {
    func column(_ name: String, _ type: ColumnType) -> ColumnSchema { ColumnSchema(name: name, type: type) }
    typealias Facts = ProfileColumns.Facts
    // Named like an id: numbers whatever they hold; text when at least 90% distinct.
    #expect(ProfileColumns.isIdentifier(column("CustomerID", .int), facts: Facts(values: 5, distinct: 3)))
    #expect(ProfileColumns.isIdentifier(column("score_id", .double), facts: nil))
    #expect(
      ProfileColumns.isIdentifier(column("customer_id", .string), facts: Facts(values: 10, distinct: 9)))
    #expect(
      !ProfileColumns.isIdentifier(column("product_id", .string), facts: Facts(values: 10, distinct: 5)))
    // Any name: text all distinct, or whole numbers all distinct in a dense range.
    #expect(ProfileColumns.isIdentifier(column("email", .string), facts: Facts(values: 3, distinct: 3)))
    #expect(
      ProfileColumns.isIdentifier(column("row", .int), facts: Facts(values: 4, distinct: 4, min: 1, max: 4)))
    // All distinct, but spread wider than twice their count: ordinary numbers.
    #expect(
      !ProfileColumns.isIdentifier(
        column("income", .int), facts: Facts(values: 3, distinct: 3, min: 30_000, max: 52_000)))
    #expect(!ProfileColumns.isIdentifier(column("spend", .double), facts: Facts(values: 3, distinct: 3)))
    #expect(!ProfileColumns.isIdentifier(column("city", .string), facts: Facts(values: 2, distinct: 1)))
    #expect(!ProfileColumns.isIdentifier(column("email", .string), facts: Facts(values: 1, distinct: 1)))
    #expect(!ProfileColumns.isIdentifier(column("row", .int), facts: nil))
  }

  /// The id rule reads the right facts of a real table: a dense row number and an e-mail column are
  /// left out by their values, whatever they are called.
  @Test func idsAreFoundByTheirValuesInATable() throws {
    let table = try Table(
      name: "people",
      columns: [
        .int("row", (1...40).map { Int64(41 - $0) }),
        .string("email", (1...40).map { "user\($0)@x.org" }),
        .string("gender", (1...40).map { $0 % 2 == 0 ? "F" : "M" }),
        .int("age", (1...40).map { Int64(20 + $0 % 7) }),
      ])
    var workspace = Workspace()
    try workspace.put(table)
    _ = try workspace.resultTables("segment women = gender = \"F\"")
    let tables = try workspace.resultTables("profile women")
    #expect(
      tables.last?.footer?.contains(
        "skipped (profile women all includes them): row, email (ids); gender (defines women)") == true)
  }

  @Test func wideColumnsShowTheirMostFrequentValues() throws {
    let names = (0..<120).map { "v\($0 % 60)" } + ["v0", "v1"]
    var workspace = Workspace()
    try workspace.put(
      try Table(name: "w", columns: [.string("name", names), .int("n", (0..<122).map { Int64($0 % 7) })]))
    _ = try workspace.resultTables("segment s = n < 3")
    let tables = try workspace.resultTables("profile s")
    // v0 and v1 are the most frequent (3 rows each); the rest tie at 2 and are taken in value order.
    let shown = Set(tables[0].texts.map { $0[1] })
    #expect(shown == Set(["v0", "v1"] + (10...17).map { "v\($0)" }))
    #expect(tables.last?.footer?.contains("name (the 10 most frequent of 60 values)") == true)
  }

  /// Past the values a profile asks an engine for (`CategoryCounts.fetched`), the most frequent still
  /// show, the distinct count is the table's, and the nulls are counted apart.
  @Test func aVeryWideColumnKeepsItsNullsAndDistinctCount() throws {
    // 500 rows: v0..v9 twice as often as the other 290 values, and 20 nulls.
    var names: [String?] = (0..<10).flatMap { ["v\($0)", "v\($0)", "v\($0)"] }
    names += (10..<300).map { "v\($0)" }
    names += (0..<(500 - names.count - 20)).map { "v\(10 + $0 % 290)" }
    names += [String?](repeating: nil, count: 20)
    var workspace = Workspace()
    try workspace.put(
      try Table(name: "w", columns: [.string("name", names), .int("n", (0..<500).map { Int64($0 % 2) })]))
    _ = try workspace.resultTables("segment s = n = 0")
    let tables = try workspace.resultTables("profile s")
    let rows = tables[0].texts
    #expect(Set(rows.map { $0[1] }) == Set((0..<10).map { "v\($0)" } + ["(null)"]))
    // Every other row is in s: 10 of the 20 nulls.
    #expect(rows.first { $0[1] == "(null)" }?[2] == "10")
    #expect(tables.last?.footer?.contains("name (the 10 most frequent of 300 values)") == true)
  }

  @Test func emptySegmentAndWholeTable() throws {
    var shop = try makeShop()
    _ = try shop.resultTables("segment none = id > 100")
    let empty = try shop.run(try Parser.parse("profile none"), interruption: Interruption())
    #expect(empty.result == .message("segment none is empty: there is nothing to profile"))
    _ = try shop.resultTables("segment everyone = id >= 1")
    let whole = try shop.resultTables("profile everyone columns gender")[0]
    #expect(whole.texts.allSatisfy { $0[5] == "100" && $0[6] == "" })
    #expect(whole.footer?.contains("the whole table") == true)
  }

  @Test func headersAreDistinctSoJSONKeysAreToo() throws {
    var shop = try makeShop()
    for table in try shop.resultTables("profile first") {
      #expect(Set(table.columns.map(\.name)).count == table.columns.count)
    }
  }

  @Test func errorsNameTheSegment() throws {
    var shop = try makeShop()
    #expect(throws: EvalError.self) { try shop.resultTables("profile frist") }
    do {
      _ = try shop.resultTables("profile frist")
    } catch let error as EvalError {
      #expect(error.suggestions == ["first"])
    }
    #expect(throws: EvalError.self) { try shop.resultTables("profile first columns spnd") }
  }
}
