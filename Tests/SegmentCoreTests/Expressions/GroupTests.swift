import Columnar
import Testing

@testable import SegmentCore

private typealias F = ComputedColumnFixture

/// `group` and `rfm from` against answers worked out by hand from `ComputedColumnFixture.orders`
/// (see `TraitTests` for the rows per customer; customer 9 has one tea for 100.0 on 2026-10-30 and one
/// row has no customer).
@Suite("group: one row per key from an order log")
struct GroupTests {
  static let all =
    "group orders by customer into buyers with n = count(*), spend = sum(amount), q = sum(qty * 2),"
    + " last = max(day), top = most_frequent(item), items = distinct_count(item)"

  @Test func eachAggregateOverColumnsAndExpressionsInKeyOrder() throws {
    var workspace = try F.workspace()
    let result = try F.run(&workspace, Self.all)
    #expect(
      F.message(result)
        == "grouped orders by customer into buyers: 4 rows from 8 rows of orders; left out 1 row with no customer"
    )
    #expect(workspace.currentTableName == "buyers")
    #expect(F.values(workspace, "customer", table: "buyers") == [.int(1), .int(2), .int(3), .int(9)])
    #expect(F.values(workspace, "n", table: "buyers") == [.int(3), .int(2), .int(2), .int(1)])
    #expect(
      F.values(workspace, "spend", table: "buyers") == [.double(18), .double(4), .double(14), .double(100)])
    #expect(F.values(workspace, "q", table: "buyers") == [.int(10), .int(6), .int(6), .int(10)])
    #expect(
      F.values(workspace, "last", table: "buyers")
        == [F.day("2026-10-30"), F.day("2026-09-01"), F.day("2026-10-21"), F.day("2026-10-30")].map(
          Value.date))
    // Customer 3's tie (tea, jam) goes to the smallest value, as in trait.
    #expect(
      F.values(workspace, "top", table: "buyers") == [
        .string("cake"), .string("cake"), .string("jam"), .string("tea"),
      ])
    #expect(F.values(workspace, "items", table: "buyers") == [.int(2), .int(1), .int(2), .int(1)])
  }

  @Test func textKeysComeInByteOrderAndNullKeysAreCounted() throws {
    var workspace = try F.workspace()
    let result = try F.run(
      &workspace, "group orders by item into products with n = count(*), buyers = distinct_count(customer)")
    #expect(
      F.message(result)
        == "grouped orders by item into products: 3 rows from 8 rows of orders; left out 1 row with no item")
    #expect(
      F.values(workspace, "item", table: "products") == [.string("cake"), .string("jam"), .string("tea")])
    #expect(F.values(workspace, "n", table: "products") == [.int(3), .int(1), .int(4)])
    #expect(F.values(workspace, "buyers", table: "products") == [.int(2), .int(1), .int(3)])
  }

  @Test(arguments: [
    "group orders by customer into c with n = count(*) where item = \"tea\"",
    "group orders where item = \"tea\" by customer into c with n = count(*)",
  ])
  func whereLeavesOutRowsAndGroupsWithNoRowLeft(_ command: String) throws {
    var workspace = try F.workspace()
    let result = try F.run(&workspace, command)
    #expect(
      F.message(result)
        == "grouped orders by customer into c: 3 rows from 3 rows of orders; left out 5 rows by where and 1 with no customer"
    )
    #expect(F.values(workspace, "customer", table: "c") == [.int(1), .int(3), .int(9)])
    #expect(F.values(workspace, "n", table: "c") == [.int(1), .int(1), .int(1)])
  }

  @Test func describeSaysWhereTheTableCameFromAndLoadForgetsIt() throws {
    var workspace = try F.workspace()
    try F.run(&workspace, "group orders by customer into c with n = count(*) where qty > 1")
    guard case .table(let described) = try F.run(&workspace, "describe c") else {
      Issue.record("describe gives a table")
      return
    }
    #expect(described.footer == "grouped from orders by customer where qty > 1")
    guard case .table(let plain) = try F.run(&workspace, "describe orders") else { return }
    #expect(plain.footer == nil)
  }

  @Test func anExistingTableNeedsReplaceAndAFailedGroupChangesNothing() throws {
    var workspace = try F.workspace()
    let taken = try #require(try F.error(workspace, "group orders by customer into people with n = count(*)"))
    #expect(taken.message == "table people already exists")
    #expect(taken.hint == "add 'replace' at the end to rebuild it, or name another table after 'into'")
    let own = try #require(try F.error(workspace, "group orders by customer into Orders with n = count(*)"))
    #expect(own.message == "the new table cannot replace orders, the table it is made from")
    try F.run(&workspace, "group orders by customer into c with n = count(*)")
    let again = try F.run(&workspace, "group orders by customer into c with n = sum(qty) replace")
    #expect(F.message(again).hasPrefix("grouped orders by customer into c (replaced): 4 rows"))
    #expect(F.values(workspace, "n", table: "c") == [.int(5), .int(3), .int(3), .int(5)])
    // A failing aggregate leaves no table behind.
    #expect(try F.error(workspace, "group orders by customer into d with n = count(*), s = sum(item)") != nil)
    #expect(workspace.table(named: "d") == nil)
  }

  @Test(arguments: [
    ("group ordrs by customer into c with n = count(*)", "no table named 'ordrs'", ["orders"]),
    ("group orders by custmer into c with n = count(*)", "no column 'custmer' in table orders", ["customer"]),
    ("group orders by customer into c with s = sum(amont)", "no column 'amont' in table orders", ["amount"]),
    (
      "group orders by customer into c with s = sum(amont * 2)", "no column 'amont' in table orders",
      ["amount"]
    ),
    ("group orders by customer into c with s = sum(item)", "sum needs numbers; item is String", []),
    (
      "group orders by customer into c with s = mean(lower(item))",
      "mean needs numbers; lower(item) is String", []
    ),
    ("group orders by customer into c with n = count(*), n = sum(qty)", "column 'n' is named twice", []),
    ("group orders by customer into c with customer = count(*)", "column 'customer' is named twice", []),
    (
      "group orders by customer into c with n = count(*) where itm = \"tea\"",
      "no column 'itm' in table orders",
      ["item"]
    ),
  ])
  func errors(_ command: String, _ message: String, _ suggestions: [String]) throws {
    let error = try #require(try F.error(try F.workspace(), command))
    #expect(error.message == message)
    #expect(error.suggestions == suggestions)
  }

  @Test(arguments: [
    (
      "group orders by customer into c with x = item",
      "expected an aggregate: count(*), count, distinct_count, sum, mean, min, max, first, last or"
        + " most_frequent, found 'item'", nil as String?
    ),
    (
      "group orders by customer into c with x = lower(item)",
      "expected an aggregate: count(*), count, distinct_count, sum, mean, min, max, first, last or"
        + " most_frequent, found 'lower'",
      "lower gives one value per row; put it inside an aggregate, e.g. most_frequent(lower(...)), or derive"
        + " it on the new table afterwards"
    ),
    (
      "group orders by customer into c with x = sum(qty) / count(*)",
      "expected one aggregate per column, found '/'",
      "arithmetic goes inside the aggregate (sum(a * b)); to combine two aggregates, make each a column, then"
        + " derive the result on the new table"
    ),
    ("group orders by customer with n = count(*)", nil, nil),
    ("group orders by customer into c", nil, nil),
  ])
  func parseErrors(_ command: String, _ message: String?, _ hint: String?) throws {
    #expect(throws: ParseError.self) { try Parser.parse(command) }
    do {
      _ = try Parser.parse(command)
    } catch {
      if let message { #expect(error.message == message) }
      if let hint { #expect(error.hint == hint) }
    }
  }

  @Test func anIntSumThatOverflowsIsTheUsualError() throws {
    var workspace = Workspace()
    try workspace.put(
      try Table(name: "big", columns: [.int("k", [1, 1, 2]), .int("v", [Int64.max, 1, 5])]))
    let error = try #require(try F.error(workspace, "group big by k into g with s = sum(v)"))
    #expect(error.kind == .sumOverflow(row: 0))
    #expect(error.message == "the sum overflows for row 1: use mean, or sum a Double column")
    #expect(workspace.table(named: "g") == nil)
  }

  @Test func aRaisedFlagStopsAGroupAndChangesNothing() throws {
    let workspace = try F.workspace()
    let stop = Interruption()
    stop.request()
    var draft = workspace
    #expect {
      _ = try draft.run(try Parser.parse(Self.all), interruption: stop)
    } throws: { error in
      (error as? EvalError)?.kind == .interrupted
    }
    #expect(workspace.table(named: "buyers") == nil)
  }

  @Test func traitTakesExpressions() throws {
    var workspace = try F.workspace()
    let result = try F.run(&workspace, "trait q = sum(qty * 2) from orders by id = customer")
    #expect(
      F.message(result) == "trait q (Int) on people: 3 of 6 rows matched rows of orders; the other 3 are null"
    )
    #expect(F.values(workspace, "q") == [.int(10), .int(6), .int(6), .null, .null, .null])
  }

  @Test func segmentsOnAGroupedTableProfileAgainstTraitsOfTheLog() throws {
    var workspace = try F.workspace()
    try F.run(&workspace, "group orders by customer into buyers with n = count(*), spend = sum(amount)")
    try F.run(&workspace, "trait teas = count(*) from orders where item = \"tea\" by customer")
    try F.run(&workspace, "segment regulars = n >= 2")
    try F.run(&workspace, "profile regulars all")
    #expect(F.values(workspace, "teas", table: "buyers") == [.int(1), .int(0), .int(1), .int(1)])
  }
}

@Suite("rfm from: an order log scored in one step")
struct RFMFromTests {
  /// 300 order lines of 60 customers (ids 100-159 in shuffled order), several lines per order, some
  /// returns (negative quantities), a few rows with no customer.
  static func log() throws -> Table {
    var customers: [Int64?] = []
    var orders: [Int64] = []
    var days: [Int32?] = []
    var quantity: [Int64] = []
    var price: [Double] = []
    var state: UInt64 = 12345
    func next(_ n: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(n))
    }
    for i in 0..<300 {
      customers.append(i % 37 == 5 ? nil : Int64(100 + (i * 7) % 60))
      orders.append(Int64(1000 + i / 3 + next(4)))
      days.append(F.day("2026-01-01") + Int32(next(300)))
      quantity.append(next(10) == 0 ? -Int64(1 + next(3)) : Int64(1 + next(5)))
      price.append(Double(next(2000)) / 100)
    }
    return try Table(
      name: "tx",
      columns: [
        .int("cust", customers), .int("invoice", orders.map { Optional($0) }), .date("day", days: days),
        .int("qty", quantity.map { Optional($0) }), .double("price", price.map { Optional($0) }),
      ])
  }

  static func scores(_ workspace: Workspace, _ table: String) -> [[Value]] {
    ["cust", "r", "f", "m", "rfm"].map { F.values(workspace, $0, table: table) }
  }

  @Test(arguments: [
    (
      "rfm from tx by cust date day amount qty * price order invoice where qty > 0 into a",
      "group tx by cust into b with last_order = max(day), orders = distinct_count(invoice),"
        + " revenue = sum(qty * price) where qty > 0"
    ),
    (
      "rfm from tx by cust date day amount qty * price into a",
      "group tx by cust into b with last_order = max(day), orders = count(*), revenue = sum(qty * price)"
    ),
  ])
  func scoresTheSameAsGroupThenRFM(_ oneStep: String, _ group: String) throws {
    var workspace = Workspace()
    try workspace.put(try Self.log())
    try F.run(&workspace, oneStep)
    try F.run(&workspace, group)
    try F.run(&workspace, "rfm recency last_order frequency orders monetary revenue")
    let a = Self.scores(workspace, "a")
    #expect(a[0].count == 60)
    #expect(a == Self.scores(workspace, "b"))
    for column in ["last_order", "orders", "revenue"] {
      #expect(F.values(workspace, column, table: "a") == F.values(workspace, column, table: "b"))
    }
  }

  @Test func theNewTableIsNamedAfterTheLogAndNeedsReplaceToBeRebuilt() throws {
    var workspace = Workspace()
    try workspace.put(try Self.log())
    let result = try F.run(&workspace, "rfm from tx by cust date day amount qty * price order invoice")
    #expect(
      F.message(result)
        == "grouped tx by cust into tx_rfm: 60 rows from 292 rows of tx; left out 8 rows with no cust;"
        + " last_order = max(day), orders = distinct_count(invoice), revenue = sum(qty * price)")
    #expect(workspace.currentTableName == "tx_rfm")
    #expect(workspace.segment(named: "champions")?.tableName == "tx_rfm")
    let error = try #require(try F.error(workspace, "rfm from tx by cust date day amount qty * price"))
    #expect(error.message == "table tx_rfm already exists")
    try F.run(&workspace, "rfm from tx by cust date day amount qty * price replace")
    #expect(F.values(workspace, "orders", table: "tx_rfm").first != nil)
  }

  @Test(arguments: [
    ("rfm from tx by cust date dy amount price", "no column 'dy' in table tx", ["day"]),
    ("rfm from tx by cust date day amount day", "sum needs numbers; day is Date", []),
    ("rfm from tx by cust date day amount prce", "no column 'prce' in table tx", ["price"]),
    (
      "rfm from tx by cust date invoice amount price as of 2026-06-01",
      "'as of' needs a date recency column: invoice already counts days, so its smallest value is the most recent",
      []
    ),
  ])
  func errors(_ command: String, _ message: String, _ suggestions: [String]) throws {
    var workspace = Workspace()
    try workspace.put(try Self.log())
    let error = try #require(try F.error(workspace, command))
    #expect(error.message == message)
    #expect(error.suggestions == suggestions)
    #expect(workspace.table(named: "tx_rfm") == nil)
  }
}

@Suite("group, rfm from and trait: command text")
struct GroupCommandTextTests {
  static let cases = [
    "group tx by CustomerID into buyers with orders = distinct_count(InvoiceNo), revenue = sum(Quantity * UnitPrice),"
      + " last_order = max(InvoiceDate), top_country = most_frequent(Country) where Quantity > 0",
    "group `order log` by `Customer ID` into `my buyers` with n = count(*), m = mean(a - b) replace",
    "group tx by k into t with f = first(lower(name)), l = last(x), c = count(y) where not code starts with \"C\"",
    "rfm from tx by CustomerID date InvoiceDate amount Quantity * UnitPrice order InvoiceNo where Quantity > 0",
    "rfm from tx by k date d amount price as of 2026-11-01 into scored replace",
    // Tables on a connection, the source and the new one.
    "group pg.orders by customer_id into pg.buyers with n = count(*)",
    "group pg.`order log` by k into pg.`my buyers` with n = count(*) replace",
    "rfm from sc.orders by k date d amount price into sc.scored",
    "trait spend = sum(Quantity * UnitPrice) from tx where Quantity > 0 by CustomerID",
    "trait n = count(*) from orders by id = customer",
  ]

  @Test(arguments: cases)
  func readsBackAsTheSameCommand(_ source: String) throws {
    let command = try Parser.parse(source)
    let text = try #require(Self.text(command))
    #expect(text == source)
    let again = try Parser.parse(text)
    #expect(Self.text(again) == text)
    #expect(ScriptSplitter.statements(in: text).map(\.text) == [text])
  }

  @Test func otherSpellingsPrintInOne() throws {
    let command = try Parser.parse(
      "group tx where Quantity > 0 by k into t with a = avg(x), d = count(distinct y), m = mode(z)")
    #expect(
      Self.text(command)
        == "group tx by k into t with a = mean(x), d = distinct_count(y), m = most_frequent(z) where Quantity > 0"
    )
  }

  static func text(_ command: Command) -> String? {
    switch command {
    case .group(let group): return group.commandText
    case .rfmFrom(let rfm): return rfm.commandText
    case .trait(let trait): return trait.commandText
    default: return nil
    }
  }
}
