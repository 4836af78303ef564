import Columnar
import Testing

@testable import SegmentCore

/// Each aggregate against answers worked out by hand from `ComputedColumnFixture.orders`:
///
///     customer 1: tea 10.0 (2026-10-01, qty 1), cake 5.5 (06-01, qty 3), cake 2.5 (10-30, qty 1)
///     customer 2: cake null (09-01, qty 2), null 4.0 (08-01, qty 1)
///     customer 3: tea 7.0 (10-20, qty 1), jam 7.0 (10-21, qty 2)
///     customers 4, 5, 6: nothing; customer 9 and a null key match no one
@Suite("trait: aggregates joined by key")
struct TraitTests {
  typealias F = ComputedColumnFixture

  private static func ints(_ values: [Int64?]) -> [Value] { values.map { $0.map(Value.int) ?? .null } }
  private static func doubles(_ values: [Double?]) -> [Value] { values.map { $0.map(Value.double) ?? .null } }
  private static func texts(_ values: [String?]) -> [Value] { values.map { $0.map(Value.string) ?? .null } }
  private static func dates(_ values: [String?]) -> [Value] {
    values.map { $0.map { Value.date(F.day($0)) } ?? .null }
  }

  static let aggregates: [(String, [Value])] = [
    ("count(*)", ints([3, 2, 2, 0, 0, 0])),
    ("count(amount)", ints([3, 1, 2, 0, 0, 0])),
    ("count(item)", ints([3, 1, 2, 0, 0, 0])),
    ("sum(amount)", doubles([18, 4, 14, nil, nil, nil])),
    ("sum(qty)", ints([5, 3, 3, nil, nil, nil])),
    ("mean(amount)", doubles([6, 4, 7, nil, nil, nil])),
    ("avg(qty)", doubles([5.0 / 3, 1.5, 1.5, nil, nil, nil])),
    ("min(amount)", doubles([2.5, 4, 7, nil, nil, nil])),
    ("max(amount)", doubles([10, 4, 7, nil, nil, nil])),
    ("min(day)", dates(["2026-06-01", "2026-08-01", "2026-10-20", nil, nil, nil])),
    ("max(day)", dates(["2026-10-30", "2026-09-01", "2026-10-21", nil, nil, nil])),
    ("min(item)", texts(["cake", "cake", "jam", nil, nil, nil])),
    ("max(item)", texts(["tea", "cake", "tea", nil, nil, nil])),
    ("first(item)", texts(["tea", "cake", "tea", nil, nil, nil])),
    ("last(item)", texts(["cake", "cake", "jam", nil, nil, nil])),
    ("first(amount)", doubles([10, 4, 7, nil, nil, nil])),
    ("last(day)", dates(["2026-10-30", "2026-08-01", "2026-10-21", nil, nil, nil])),
    ("most_frequent(item)", texts(["cake", "cake", "jam", nil, nil, nil])),
    ("mode(qty)", ints([1, 1, 1, nil, nil, nil])),
    ("most_frequent(amount)", doubles([2.5, 4, 7, nil, nil, nil])),
    ("distinct_count(item)", ints([2, 1, 2, 0, 0, 0])),
    ("count(distinct amount)", ints([3, 1, 1, 0, 0, 0])),
  ]

  @Test(arguments: aggregates)
  func aggregate(_ aggregate: String, _ expected: [Value]) throws {
    var workspace = try F.workspace()
    try F.run(&workspace, "trait t = \(aggregate) from orders by id = customer")
    #expect(F.values(workspace, "t") == expected)
  }

  @Test func whereFiltersTheSourceRowsWithTheSourcesToday() throws {
    var workspace = try F.workspace()
    // orders' latest date is 2026-10-30, so 30 days reach back to 2026-09-30.
    let result = try F.run(
      &workspace, "trait recent = sum(amount) from orders where day within 30 days by id = customer")
    #expect(F.values(workspace, "recent") == Self.doubles([12.5, nil, 14, nil, nil, nil]))
    #expect(
      F.message(result)
        == "trait recent (Double) on people: 2 of 6 rows matched rows of orders; the other 4 are null")
    try F.run(&workspace, "trait teas = count(*) from orders where item = \"tea\" by id = customer")
    #expect(F.values(workspace, "teas") == Self.ints([1, 0, 1, 0, 0, 0]))
  }

  @Test func traitsMakeSegmentsAndAreReplacedByName() throws {
    var workspace = try F.workspace()
    try F.run(&workspace, "trait bought_cake = count(*) from orders where item = \"cake\" by id = customer")
    try F.run(&workspace, "trait spent = sum(amount) from orders by id = customer")
    try F.run(&workspace, "segment cake_fans = bought_cake > 0 and spent > 5")
    #expect(
      try workspace.segment(named: "cake_fans").map { try workspace.members(of: $0).setIndices() } == [0])
    let replaced = try F.run(&workspace, "trait spent = max(amount) from orders by id = customer")
    #expect(F.message(replaced).hasPrefix("replaced trait spent (Double) on people"))
    #expect(
      try workspace.segment(named: "cake_fans").map { try workspace.members(of: $0).setIndices() } == [0])
  }

  @Test func textKeysAndSparseIntKeysJoinToo() throws {
    var workspace = Workspace()
    try workspace.put(
      try Table(
        name: "events",
        columns: [.string("code", ["b", "a", "b", nil, "z"]), .int("big", [5, 1_000_000_000_000, 5, 7, 5])]))
    try workspace.put(
      try Table(
        name: "accounts",
        columns: [.string("code", ["a", "b", "c", nil]), .int("big", [1_000_000_000_000, 5, -3, 9])]))
    try F.run(&workspace, "trait n = count(*) from events by code")
    #expect(F.values(workspace, "n", table: "accounts") == Self.ints([1, 2, 0, 0]))
    try F.run(&workspace, "trait m = count(*) from events by big")
    #expect(F.values(workspace, "m", table: "accounts") == Self.ints([1, 3, 0, 0]))
  }

  @Test func duplicateKeysAreRefusedWithAnExample() throws {
    var workspace = try F.workspace()
    try F.run(&workspace, "use orders")
    let error = try #require(try F.error(workspace, "trait n = count(*) from orders by customer"))
    #expect(error.kind == .duplicateKey("customer", table: "orders", example: "1"))
    #expect(error.message == "customer is not unique in orders: 1 is on more than one row")
  }

  @Test(arguments: [
    ("trait t = sum(amount) from ordrs by id = customer", "no table named 'ordrs'", ["orders"]),
    ("trait t = sum(amont) from orders by id = customer", "no column 'amont' in table orders", ["amount"]),
    ("trait t = sum(amount) from orders by id", "no column 'id' in table orders", []),
    ("trait t = sum(amount) from orders by idd = customer", "no column 'idd' in table people", ["id"]),
    ("trait t = sum(item) from orders by id = customer", "sum needs numbers; item is String", []),
    ("trait t = mean(day) from orders by id = customer", "mean needs numbers; day is Date", []),
    (
      "trait t = count(*) from orders by name = customer",
      "keys must both be Int or both String; people.name is String, orders.customer is Int", []
    ),
    ("trait age = count(*) from orders by id = customer", "age is a column loaded into people", []),
    (
      "trait t = sum(amount) from orders where itm = \"tea\" by id = customer",
      "no column 'itm' in table orders", ["item"]
    ),
  ])
  func errors(_ command: String, _ message: String, _ suggestions: [String]) throws {
    let error = try #require(try F.error(try F.workspace(), command))
    #expect(error.message == message)
    #expect(error.suggestions == suggestions)
  }

  @Test func parsing() throws {
    let command = try Parser.parse(
      "trait n = count(distinct item) from orders by id = customer where qty > 1")
    guard case .trait(let trait) = command else {
      Issue.record("not a trait")
      return
    }
    #expect(trait.call.aggregate == .distinctCount)
    #expect(trait.call.argument?.text == "item")
    #expect(trait.key.text == "id")
    #expect(trait.sourceKey?.text == "customer")
    #expect(trait.filter != nil)
    #expect(throws: ParseError.self) { try Parser.parse("trait n = summ(amount) from orders by id") }
    #expect(throws: ParseError.self) { try Parser.parse("trait n = sum(*) from orders by id") }
    #expect(throws: ParseError.self) { try Parser.parse("trait n = sum(amount) from orders") }
  }
}

@Suite("trait: sums of cents")
struct TraitSumTests {
  @Test func doubleSumsAreCompensated() throws {
    var workspace = Workspace()
    try workspace.put(
      try Table(
        name: "pay",
        columns: [
          .int("k", [Int64](repeating: 1, count: 10)), .double("x", [Double?](repeating: 0.1, count: 10)),
        ]))
    try workspace.put(try Table(name: "who", columns: [.int("k", [1, 2])]))
    try ComputedColumnFixture.run(&workspace, "trait total = sum(x) from pay by k")
    // Adding 0.1 ten times naively gives 0.9999999999999999.
    #expect(ComputedColumnFixture.values(workspace, "total", table: "who") == [.double(1), .null])
  }
}
