import Columnar
import Testing

@testable import SegmentCore

/// SQL's ntile(N) OVER (ORDER BY key, rowid) the slow, obvious way: sort, then DuckDB's formula.
func referenceNTile(_ keys: [UInt64], buckets: Int) -> [UInt8] {
  let n = keys.count
  guard n > 0 else { return [] }
  let order = (0..<n).sorted { keys[$0] < keys[$1] || (keys[$0] == keys[$1] && $0 < $1) }
  let tiles = min(buckets, n)
  let size = n / tiles
  let large = n - tiles * size
  let small = large * (size + 1)
  var out = [UInt8](repeating: 0, count: n)
  for (p, row) in order.enumerated() {
    out[row] = UInt8(p < small ? 1 + p / (size + 1) : 1 + large + (p - small) / size)
  }
  return out
}

/// A table with one row per value of `recency`, `frequency` and `monetary`.
func rfmWorkspace(
  recency: [Int32?], frequency: [Int64?], monetary: [Double?]
) throws -> Workspace {
  let table = try Table(
    name: "people",
    columns: [
      .int("id", (0..<recency.count).map { Int64($0) }), .date("last", days: recency),
      .int("orders", frequency), .double("spend", monetary),
    ])
  var workspace = Workspace()
  try workspace.put(table)
  return workspace
}

func rfmCommand(_ recency: String = "last", asOf: Int32? = nil) -> RFMCommand {
  RFMCommand(
    recency: Name(recency, at: SourceRange(0, 1)), frequency: Name("orders", at: SourceRange(0, 1)),
    monetary: Name("spend", at: SourceRange(0, 1)), asOf: asOf)
}

@Suite("RFM: ntile, scores and segments")
struct RFMTests {
  @Test(arguments: [0, 1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 47, 48, 49, 63, 64, 65, 101, 1_003, 20_011])
  func ntileMatchesTheSortedDefinition(n: Int) {
    var random = SampleRandom(seed: 9, stream: UInt64(n), purpose: 1)
    // Few distinct keys (many ties), many distinct keys, and wide spans that need several passes.
    let shapes: [[UInt64]] = [
      (0..<n).map { _ in UInt64(random.below(4)) },
      (0..<n).map { _ in UInt64(random.below(1_000_000)) },
      (0..<n).map { _ in OrderKey.double(random.logNormal(mu: 4, sigma: 2)) },
      (0..<n).map { _ in random.next() },
      (0..<n).map { i in i % 10 == 0 ? UInt64.max - UInt64(random.below(3)) : UInt64(random.below(50)) },
      [UInt64](repeating: 7, count: n),
    ]
    for keys in shapes {
      #expect(NTile.tiles(keys, buckets: 5) == referenceNTile(keys, buckets: 5))
    }
  }

  @Test func ntileEdgesFollowDuckDB() {
    // Fewer rows than tiles: one row per tile, in order.
    #expect(NTile.tiles([30, 10, 20], buckets: 5) == [3, 1, 2])
    // 7 rows: the first two tiles take the extra rows (2, 2, 1, 1, 1).
    #expect(NTile.tiles([0, 1, 2, 3, 4, 5, 6], buckets: 5) == [1, 1, 2, 2, 3, 4, 5])
    // Ties split across tiles by row order.
    #expect(NTile.tiles([5, 5, 5, 5, 5, 5], buckets: 5) == [1, 1, 2, 3, 4, 5])
    #expect(NTile.tiles([], buckets: 5) == [])
  }

  @Test func orderKeysSortLikeNumbers() {
    let doubles: [Double] = [-.infinity, -1e300, -2.5, -0.0, 0.0, 1e-300, 3, .infinity, .nan]
    let keys = doubles.map(OrderKey.double)
    #expect(keys == keys.sorted())
    #expect(OrderKey.double(-0.0) == OrderKey.double(0.0))
    let ints: [Int64] = [.min, -1, 0, 1, .max]
    #expect(ints.map(OrderKey.int) == ints.map(OrderKey.int).sorted())
  }

  @Test func datesScoreTheLatestHighestAndDaysTheFewest() throws {
    let days: [Int32?] = [100, 500, 300, 200, 400]
    var workspace = try rfmWorkspace(recency: days, frequency: [1, 2, 3, 4, 5], monetary: [5, 4, 3, 2, 1])
    _ = try workspace.rfm(rfmCommand())
    let table = try workspace.resolveTable(nil)
    #expect(table.column(named: "r")!.values == [1, 5, 3, 2, 4].map { Value.int($0) })
    #expect(table.column(named: "f")!.values == [1, 2, 3, 4, 5].map { Value.int($0) })
    #expect(table.column(named: "m")!.values == [5, 4, 3, 2, 1].map { Value.int($0) })
    #expect(
      table.column(named: "rfm")!.values == ["115", "524", "333", "242", "451"].map { Value.string($0) })
    // The same recency as "days since": 100 days ago is the oldest.
    var asDays = try Table(
      name: "p",
      columns: [
        .int("since", [100, 500, 300, 200, 400]), .int("orders", [1, 2, 3, 4, 5]),
        .double("spend", [5, 4, 3, 2, 1]),
      ])
    var other = Workspace()
    try other.put(asDays)
    _ = try other.rfm(rfmCommand("since"))
    asDays = try other.resolveTable(nil)
    #expect(asDays.column(named: "r")!.values == [5, 1, 3, 4, 2].map { Value.int($0) })
  }

  @Test func rowsWithANullAreNotScoredAndTheRestAreTiledAmongThemselves() throws {
    var workspace = try rfmWorkspace(
      recency: [1, 2, nil, 4, 5, 6, 7], frequency: [1, 2, 3, nil, 5, 6, 7], monetary: [1, 2, 3, 4, 5, 6, nil])
    let result = try workspace.rfm(rfmCommand())
    let table = try workspace.resolveTable(nil)
    #expect(table.column(named: "r")!.values == [.int(1), .int(2), .null, .null, .int(3), .int(4), .null])
    #expect(table.column(named: "rfm")!.nullCount == 3)
    guard case .sequence(let parts) = result.result, case .message(let headline) = parts.first else {
      Issue.record("rfm should print a headline and a table")
      return
    }
    #expect(headline.contains("scored 4 rows; 3 rows with a null in last, orders or spend not scored"))
  }

  @Test func segmentGridCoversEveryScoreOnce() {
    var seen = Set<Int>()
    for r in 1...5 {
      for f in 1...5 {
        for m in 1...5 { seen.insert(RFMSegment.index(r: UInt8(r), f: UInt8(f), m: UInt8(m))) }
      }
    }
    #expect(seen == Set(RFMSegment.all.indices))
    let name = { (r: UInt8, f: UInt8, m: UInt8) in RFMSegment.all[RFMSegment.index(r: r, f: f, m: m)].name }
    #expect(name(5, 5, 5) == "champions")
    #expect(name(4, 4, 4) == "champions")
    #expect(name(3, 5, 5) == "loyal")
    #expect(name(5, 3, 3) == "loyal")
    #expect(name(5, 2, 2) == "potential_loyalist")
    #expect(name(5, 1, 1) == "new_customers")
    #expect(name(4, 1, 2) == "promising")
    #expect(name(3, 2, 2) == "need_attention")
    #expect(name(2, 1, 1) == "about_to_sleep")
    #expect(name(2, 5, 5) == "at_risk")
    #expect(name(1, 3, 3) == "at_risk")
    #expect(name(1, 5, 4) == "cant_lose_them")
    #expect(name(1, 2, 2) == "hibernating")
    #expect(name(1, 1, 2) == "lost")
  }

  @Test func segmentMembersAreTheirPredicatesAndPartitionTheScoredRows() throws {
    let session = Session()
    let run = session.perform(
      "load sample rows 3000 seed 5; rfm recency last_purchase_date frequency orders monetary total_spend")
    #expect(!run.failed, "\(run.emissions)")
    let workspace = session.workspace
    let table = try workspace.resolveTable(nil)
    var union = Bitmap(count: table.rowCount, allSet: false)
    var total = 0
    for spec in RFMSegment.all {
      let segment = try #require(workspace.segment(named: spec.name))
      let members = try workspace.members(of: segment)
      #expect((union & members).popcount() == 0, "\(spec.name) overlaps another RFM segment")
      union = union | members
      total += try workspace.size(of: segment)
    }
    #expect(union == table.column(named: "r")!.validMask)
    #expect(total == union.popcount())
  }

  @Test func runningAgainReplacesColumnsAndSegments() throws {
    let session = Session()
    let command = "rfm recency last_purchase_date frequency orders monetary total_spend"
    _ = session.perform("load sample rows 500 seed 3; \(command); segment vip = champions and age < 40")
    let columns = try session.workspace.resolveTable(nil).columns.count
    let again = session.perform("\(command) as of 2026-12-31")
    #expect(!again.failed, "\(again.emissions)")
    #expect(again.emissions.map(\.text).joined().contains("replaced columns r, f, m"))
    #expect(try session.workspace.resolveTable(nil).columns.count == columns)
    #expect(session.workspace.segments.count == RFMSegment.all.count + 1)
  }

  @Test(arguments: [
    ("rfm recency city frequency orders monetary total_spend", "recency needs a date, or a number of days"),
    ("rfm recency last_purchase_date frequency signup_date monetary total_spend", "frequency needs a number"),
    ("rfm recency orders frequency orders monetary total_spend as of 2026-01-01", "'as of' needs a date"),
    ("rfm recency last_purchase_date frequency orderz monetary total_spend", "no column 'orderz'"),
  ])
  func badColumnsAreErrorsThatChangeNothing(command: String, message: String) {
    let session = Session()
    _ = session.perform("load sample rows 100")
    let run = session.perform(command)
    #expect(run.failed)
    #expect(run.emissions.map(\.text).joined().contains(message), "\(run.emissions)")
    #expect(session.workspace.segments.isEmpty)
  }

  @Test(arguments: [
    "rfm recency a frequency b", "rfm recency a recency b frequency c monetary d", "rfm recency a as of x",
  ])
  func incompleteCommandsDoNotParse(source: String) {
    #expect(throws: ParseError.self) { try Parser.parse(source) }
  }

  @Test func clausesMayComeInAnyOrder() throws {
    let command = try Parser.parse("rfm monetary s as of 2026-01-02 frequency f recency r")
    guard case .rfm(let rfm) = command else { throw ParseErrorForTest() }
    #expect(rfm.recency.text == "r" && rfm.frequency.text == "f" && rfm.monetary.text == "s")
    #expect(rfm.asOf == CivilDate.days(year: 2026, month: 1, day: 2))
  }
}

struct ParseErrorForTest: Error {}
