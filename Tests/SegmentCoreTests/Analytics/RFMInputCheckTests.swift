import Columnar
import Testing

@testable import SegmentCore

/// `rfm` refuses dates written as numbers and warns on order lines (issue 20 item 2).
@Suite("rfm input checks")
struct RFMInputCheckTests {
  @Test(
    arguments: [
      (["InvoiceNo", "CustomerID", "Country"], "CustomerID"),
      (["id", "customer_id", "spend"], "customer_id"),
      (["ID", "Recency"], "ID"),
      (["Client No", "amount"], "Client No"),
      (["user", "clicks"], "user"),
      (["custid", "x"], "custid"),
      (["paid", "amount", "order_id"], nil),
      (["customer_since", "customers"], nil),
    ] as [([String], String?)])
  func theCustomerKeyIsFoundByName(columns: [String], key: String?) {
    #expect(RFMInputCheck.customerKey(among: columns.map { ($0, ColumnType.int) }) == key)
  }

  @Test func onlyIntAndTextColumnsCanBeKeys() {
    #expect(RFMInputCheck.customerKey(among: [("customer_id", .double), ("id", .string)]) == "id")
    #expect(RFMInputCheck.customerKey(among: [("customer_id", .date)]) == nil)
  }

  @Test(arguments: [
    (19_970_101.0, 19_981_231.0, true), (20_260_101, 20_261_101, true), (0, 400, false),
    (19_970_101, 2_000_000_000, false), (1_899_1231, 19_970_101, false),
  ])
  func yyyymmddIsARangeNoDaysSinceReaches(min: Double, max: Double, looksLikeDates: Bool) {
    #expect(RFMInputCheck.looksLikeYYYYMMDD(min: min, max: max) == looksLikeDates)
  }

  func workspace(ids: [Int64?], last: [Int64]) throws -> Workspace {
    let n = ids.count
    let table = try Table(
      name: "lines",
      columns: [
        .int("CustomerID", ids), .int("last", last.map { Optional($0) }),
        .int("orders", (0..<n).map { Int64($0 + 1) }), .double("spend", (0..<n).map { Double($0) * 2 }),
      ])
    var workspace = Workspace()
    try workspace.put(table)
    return workspace
  }

  @Test func aRecencyOfYYYYMMDDNumbersIsRefusedWithTheFix() throws {
    var workspace = try workspace(ids: [1, 2, 3], last: [19_970_101, 19_980_630, 19_970_515])
    #expect {
      _ = try workspace.rfm(rfmCommand())
    } throws: { error in
      (error as? EvalError)?.message == "recency last holds numbers from 19970101 to 19980630, dates written"
        + " yyyymmdd rather than days since the last purchase, which would score the oldest buyers best:"
        + " make it a date first, e.g. derive last_date = date(last), then rfm recency last_date ..."
    }
    #expect(workspace.segments.isEmpty)
  }

  @Test func repeatedCustomerIdsWarnAndStillScore() throws {
    var workspace = try workspace(ids: [7, 7, 7, 8, 9, 9, nil, nil], last: [1, 2, 3, 4, 5, 6, 7, 8])
    let output = try workspace.rfm(rfmCommand())
    #expect(
      output.warnings == [
        "2 CustomerID values appear on more than one row (up to 3 rows each; 2 rows have no CustomerID): rfm"
          + " scores rows, not customers; score the order log per customer instead: rfm from lines by"
          + " CustomerID date last amount ... [order ...]"
      ])
    #expect(try workspace.resolveTable(nil).column(named: "r")?.nullCount == 0)
  }

  @Test(arguments: [0, 1, 64])
  func uniqueIdsDoNotWarn(rows: Int) throws {
    var workspace = try workspace(
      ids: (0..<rows).map { Int64($0) }, last: (0..<rows).map { Int64($0 % 30) })
    #expect(try workspace.rfm(rfmCommand()).warnings.isEmpty)
  }

  @Test func dateReadsYYYYMMDDNumbersAndNullsWhatIsNoDate() throws {
    var workspace = Workspace()
    try workspace.put(
      try Table(
        name: "t", columns: [.int("d", [19_970_101, 20_240_229, 20_230_229, 1997, -19_970_101, nil])]))
    _ = try ComputedColumnFixture.run(&workspace, "derive x = date(d)")
    let day = { (y: Int, m: Int, d: Int) in Value.date(CivilDate.days(year: y, month: m, day: d)!) }
    #expect(
      ComputedColumnFixture.values(workspace, "x", table: "t") == [
        day(1997, 1, 1), day(2024, 2, 29), .null, .null, .null, .null,
      ])
    #expect(
      try ComputedColumnFixture.error(workspace, "derive y = date(\"x\")")?.message.contains("yyyymmdd")
        == true)
  }
}
