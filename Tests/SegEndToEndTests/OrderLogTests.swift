import Foundation
import Testing

/// End-to-end tests of `group` and `rfm from` (issue 16): the built `seg` on a small order log, exact
/// output, errors on stderr, and a saved session that replays them.
@Suite("group and rfm from end to end")
struct OrderLogTests {
  /// Order lines: customer 10 bought twice (order 2 has two lines), 11 bought once and returned once,
  /// one line has no customer.
  static let log = """
    InvoiceNo,CustomerID,InvoiceDate,Quantity,UnitPrice
    1,10,2010-12-01,6,2.5
    2,10,2010-12-03,2,1.5
    2,10,2010-12-03,1,4
    3,11,2010-12-05,12,0.5
    C4,11,2010-12-06,-2,0.5
    5,NA,2010-12-15,5,1

    """

  /// Runs `commands` after loading the log, in CSV (so messages go to stderr) unless `format` says otherwise.
  func run(_ commands: String, in directory: URL? = nil, format: String = "csv") throws -> SegBinary.Result {
    let directory = try directory ?? SegBinary.temporaryDirectory()
    try Self.log.write(to: directory.appendingPathComponent("tx.csv"), atomically: true, encoding: .utf8)
    return try SegBinary.run(
      ["--no-init", "--format", format, "-c", "load \"tx.csv\"; " + commands], directory: directory)
  }

  @Test func groupMakesOneRowPerCustomerInKeyOrder() throws {
    let result = try run(
      "group tx by CustomerID into buyers with orders = distinct_count(InvoiceNo),"
        + " revenue = sum(Quantity * UnitPrice), last_order = max(InvoiceDate) where Quantity > 0;"
        + " show buyers")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stderr.contains(
        "grouped tx by CustomerID into buyers: 2 rows from 4 rows of tx; left out 1 row by where and 1 with no"
          + " CustomerID\n"), "\(result.stderr)")
    #expect(result.stdout == "CustomerID,orders,revenue,last_order\n10,2,22,2010-12-03\n11,1,6,2010-12-05\n")
  }

  @Test func returnsNetOutOfRevenueAsSQLSumDoes() throws {
    let result = try run(
      "group tx by CustomerID into buyers with revenue = sum(Quantity * UnitPrice); show buyers")
    #expect(result.stdout == "CustomerID,revenue\n10,22\n11,5\n", "\(result.stderr)")
  }

  @Test func errorsNameTheProblemAndChangeNothing() throws {
    let unknown = try run("group tx by CustomerID into b with s = sum(Quantity * UnitPrise)")
    #expect(unknown.status == 1)
    #expect(
      unknown.stderr
        == """
        loaded tx: 6 rows, 5 columns from tx.csv
        error: no column 'UnitPrise' in table tx
          group tx by CustomerID into b with s = sum(Quantity * UnitPrise)
                                                                ^^^^^^^^^
          did you mean 'UnitPrice'?

        """)
    let clash = try run(
      "group tx by CustomerID into b with n = count(*); group tx by CustomerID into b with n = count(*)")
    #expect(clash.status == 1)
    #expect(clash.stderr.contains("error: table b already exists\n"))
    #expect(
      clash.stderr.contains("add 'replace' at the end to rebuild it, or name another table after 'into'"))
  }

  @Test func aSavedSessionReplaysGroupAndRFMFrom() throws {
    let directory = try SegBinary.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let saved = try run(
      "group tx by CustomerID into buyers with revenue = sum(Quantity * UnitPrice), n = count(*) where"
        + " not InvoiceNo starts with \"C\"; rfm from tx by CustomerID date InvoiceDate amount Quantity * UnitPrice"
        + " order InvoiceNo where Quantity > 0; save \"s.seg\" with output", in: directory, format: "table")
    #expect(saved.status == 0, "\(saved.stderr)")
    let script = try String(contentsOf: directory.appendingPathComponent("s.seg"), encoding: .utf8)
    #expect(
      script.contains(
        "\nrfm from tx by CustomerID date InvoiceDate amount Quantity * UnitPrice order InvoiceNo"))
    let check = try SegBinary.run(["--no-init", "run", "--check", "s.seg"], directory: directory)
    #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
  }
}
