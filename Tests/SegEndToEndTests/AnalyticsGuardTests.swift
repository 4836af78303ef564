import Foundation
import Testing

/// End-to-end tests of what `rfm` and `cluster` refuse or warn about (issue 20 items 2 and 3): the
/// built `seg` on small files, exact messages.
@Suite("rfm and cluster guards end to end")
struct AnalyticsGuardTests {
  /// Customers whose last purchase is written yyyymmdd, as many exports do.
  /// Five yyyymmdd days under a name that does not say "date": too few for the loader to read as
  /// dates (issue 16), so they stay numbers.
  static let numericDates = """
    customer_id,last_buy,orders,spend
    1,19970104,3,120
    2,19981228,1,40
    3,19980315,7,800
    4,19970620,2,60
    5,19981101,4,310

    """

  /// Order lines: customer 10 bought three times, 11 twice, one line has no customer.
  static let orderLines = """
    InvoiceNo,CustomerID,InvoiceDate,Quantity,UnitPrice
    536365,10,2010-12-01,6,2.55
    536366,10,2010-12-03,2,1.85
    536367,11,2010-12-05,12,0.65
    536368,12,2010-12-09,1,7.95
    536369,10,2010-12-12,3,2.10
    536370,11,2010-12-14,8,4.25
    536371,NA,2010-12-15,5,1.00

    """

  /// 400 ordinary order lines and three huge ones.
  static let outliers: String = {
    var lines = ["sku,qty,price"]
    for i in 0..<400 { lines.append("\(i + 1),\(1 + (i * 7) % 20),\(Double(10 + (i * 13) % 50) / 10)") }
    lines += ["401,80995,2.08", "402,-80995,2.08", "403,12,38970"]
    return lines.joined(separator: "\n") + "\n"
  }()

  func run(_ commands: String, file: String, named name: String) throws -> SegBinary.Result {
    let directory = try SegBinary.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    try file.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
    return try SegBinary.run(["--no-init", "-c", "load \"\(name)\"; " + commands], directory: directory)
  }

  @Test func rfmRefusesDatesWrittenAsNumbersAndSaysHowToFixThem() throws {
    let refused = try run(
      "rfm recency last_buy frequency orders monetary spend", file: Self.numericDates, named: "c.csv")
    #expect(refused.status == 1)
    #expect(
      refused.stderr == """
        error: recency last_buy holds numbers from 19970104 to 19981228, dates written yyyymmdd rather than \
        days since the last purchase, which would score the oldest buyers best: make it a date first, e.g. \
        derive last_buy_date = date(last_buy), then rfm recency last_buy_date ...
          rfm recency last_buy frequency orders monetary spend
                      ^^^^^^^^

        """)
    let fixed = try run(
      "set format csv; derive last_buy_date = date(last_buy);"
        + " rfm recency last_buy_date frequency orders monetary spend; show columns customer_id, r",
      file: Self.numericDates, named: "c.csv")
    #expect(fixed.status == 0, "\(fixed.stderr)")
    // The latest purchase (customer 2, 1998-12-28) now scores 5 and the oldest (1) scores 1.
    #expect(fixed.stdout.contains("customer_id,r\n1,1\n2,5\n3,3\n4,2\n5,4\n"), "\(fixed.stdout)")
    // Named as a day, the same digits load as dates, and rfm scores them as they are.
    let named = try run(
      "set format csv; rfm recency last_day frequency orders monetary spend; show columns customer_id, r",
      file: Self.numericDates.replacingOccurrences(of: "last_buy", with: "last_day"), named: "c.csv")
    #expect(named.status == 0, "\(named.stderr)")
    #expect(named.stdout.contains("customer_id,r\n1,1\n2,5\n3,3\n4,2\n5,4\n"), "\(named.stdout)")
  }

  @Test func rfmOnOrderLinesWarnsThatItScoresRows() throws {
    let result = try run(
      "rfm recency InvoiceDate frequency Quantity monetary UnitPrice", file: Self.orderLines, named: "o.csv")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stderr.contains(
        "warning: 2 CustomerID values appear on more than one row (up to 3 rows each; 1 row has no"
          + " CustomerID): rfm scores rows, not customers; score the order log per customer instead:"
          + " rfm from o by CustomerID date InvoiceDate amount ... [order ...]\n"), "\(result.stderr)")
    #expect(result.stdout.contains("rfm on o: scored 7 rows"))
  }

  @Test func clusterOnOutliersWarnsAndScaleRobustFindsSegments() throws {
    let result = try run(
      "cluster k=2..4 on qty, price; cluster k=3 on qty, price scale robust", file: Self.outliers,
      named: "lines.csv")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stderr.contains(
        "warning: k=4's silhouette of 0.992 comes from setting 1 row apart in a cluster of its own (under 1%"
          + " of rows), not from segments; every k from 2 to 4 has a cluster under 1% of rows, so none is"
          + " marked best; try 'cluster k=2..4 on qty, price scale robust', which holds extreme values at the"
          + " fences\n"), "\(result.stderr)")
    #expect(
      result.stdout.contains(
        """
        │ k │ inertia │ silhouette │ smallest │ best │                                │
        ├───┼─────────┼────────────┼──────────┼──────┼────────────────────────────────┤
        │ 2 │   403.0 │      0.991 │        1 │      │ ██████████████████████████████ │
        │ 3 │   200.9 │      0.991 │        1 │      │ ██████████████████████████████ │
        │ 4 │     0.0 │      0.992 │        1 │      │ ██████████████████████████████ │
        """), "\(result.stdout)")
    #expect(
      result.stdout.contains(
        """
        cluster on lines by qty, price (robust scaling: median and IQR, 3 values held at the far-out fences): \
        403 rows; k-means++ seed 42, settled after 8 iterations; inertia 131.2
        ┌───────────┬──────┬───────┬─────────┬────────┐
        │ segment   │ size │ share │ qty     │ price  │
        ├───────────┼──────┼───────┼─────────┼────────┤
        │ cluster_1 │  149 │ 37.0% │  559.97 │   3.12 │
        │ cluster_2 │  129 │ 32.0% │    7.72 │ 307.01 │
        │ cluster_3 │  125 │ 31.0% │ -641.75 │   2.28 │
        └───────────┴──────┴───────┴─────────┴────────┘
        """), "\(result.stdout)")
    // One warning only: the robust clustering has no cluster under 1% of the rows.
    #expect(result.stderr.components(separatedBy: "warning:").count == 2, "\(result.stderr)")
  }

  @Test func helpShowsScaleRobust() throws {
    let result = try SegBinary.run(["--no-init", "-c", "help cluster"])
    #expect(result.stdout.contains("cluster k=N on a, b, c [seed S] [scale standard|robust]"))
  }
}

/// The same on the real online_retail order lines, where issue 20 found them.
@Suite(
  "rfm and cluster guards on online_retail",
  .enabled(
    if: FileManager.default.fileExists(
      atPath: SegBinary.sharedData.appendingPathComponent("online_retail/online_retail_sample_20k.csv").path))
)
struct OnlineRetailGuardTests {
  func run(_ commands: String) throws -> SegBinary.Result {
    let path = SegBinary.sharedData.appendingPathComponent("online_retail/online_retail_sample_20k.csv").path
    return try SegBinary.run(["--no-init", "-c", "load \"\(path)\" as retail; " + commands])
  }

  @Test func rfmWarnsThatCustomerIdsRepeat() throws {
    let result = try run("rfm recency InvoiceDate frequency Quantity monetary UnitPrice")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stderr.contains(
        "warning: 2,149 CustomerID values appear on more than one row (up to 301 rows each; 5,078 rows have no"
          + " CustomerID): rfm scores rows, not customers"), "\(result.stderr)")
  }

  @Test func choosingKNeitherPicksAnOutlierSplitNorLetsInertiaRise() throws {
    let result = try run("set format csv; cluster k=2..8 on Quantity, UnitPrice")
    #expect(result.status == 0, "\(result.stderr)")
    // The k table's rows: k, inertia, silhouette, smallest, best.
    let rows = result.stdout.split(separator: "\n").map {
      $0.split(separator: ",", omittingEmptySubsequences: false)
    }
    .filter { $0.count == 5 && Int($0[0]) != nil }
    let inertia = rows.compactMap { Double($0[1]) }
    #expect(inertia.count == 7 && zip(inertia, inertia.dropFirst()).allSatisfy { $1 <= $0 }, "\(inertia)")
    #expect(rows.allSatisfy { $0[4] == "" }, "\(result.stdout)")
    #expect(
      result.stderr.contains("k=2's silhouette of 0.995 comes from setting 3 rows apart"), "\(result.stderr)")
  }
}
