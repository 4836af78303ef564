import Columnar
import Testing

@testable import SegmentCore

@Suite("Sample data: shape and determinism")
struct SampleDataTests {
  static let customerTypes: [(String, ColumnType)] = [
    ("customer_id", .int), ("first_name", .string), ("last_name", .string), ("gender", .string),
    ("birth_date", .date), ("age", .int), ("country", .string), ("region", .string), ("city", .string),
    ("urban", .bool), ("income", .int), ("education", .string), ("occupation", .string),
    ("signup_date", .date), ("last_purchase_date", .date), ("orders", .int), ("total_spend", .double),
    ("avg_order_value", .double), ("cart_abandons", .int), ("email_opt_in", .bool),
    ("preferred_channel", .string), ("loyalty_tier", .string), ("device", .string), ("interests", .list),
  ]

  static let orderTypes: [(String, ColumnType)] = [
    ("order_id", .int), ("customer_id", .int), ("order_date", .date), ("category", .string),
    ("product", .string), ("quantity", .int), ("amount", .double),
  ]

  @Test("customers have the documented columns and row count", arguments: [0, 1, 2, 63, 64, 65, 1_000])
  func customerShape(rows: Int) throws {
    let table = SampleData.customers(rows: rows, seed: 3)
    #expect(table.name == "customers")
    #expect(table.rowCount == rows)
    #expect(table.columns.map(\.name) == Self.customerTypes.map(\.0))
    #expect(table.columns.map(\.type) == Self.customerTypes.map(\.1))
    #expect(SampleData.Kind.customers.columnNames == Self.customerTypes.map(\.0))
    let ids = try SampleView(table).ints("customer_id")
    #expect(ids == (0..<rows).map { Int64($0 + 1) })
  }

  @Test("orders have the documented columns and one row per customer order", arguments: [0, 1, 2, 65, 1_000])
  func orderShape(rows: Int) throws {
    let table = SampleData.orders(rows: rows, seed: 3)
    let customers = SampleView(SampleData.customers(rows: rows, seed: 3))
    #expect(table.name == "orders")
    #expect(table.columns.map(\.name) == Self.orderTypes.map(\.0))
    #expect(table.columns.map(\.type) == Self.orderTypes.map(\.1))
    #expect(SampleData.Kind.orders.columnNames == Self.orderTypes.map(\.0))
    let expected = try customers.ints("orders").reduce(0) { $0 + Int($1 ?? 0) }
    #expect(table.rowCount == expected)
    let ids = try SampleView(table).ints("order_id")
    #expect(ids == (0..<table.rowCount).map { Int64($0 + 1) })
  }

  @Test("table(_:) dispatches on the kind", arguments: SampleData.Kind.allCases)
  func tableByKind(kind: SampleData.Kind) {
    let table = SampleData.table(kind, rows: 20, seed: 9)
    #expect(table.name == kind.rawValue)
    #expect(table.columns.map(\.name) == kind.columnNames)
    #expect(!kind.summary.isEmpty)
  }

  @Test("the same rows and seed give identical tables", arguments: SampleData.Kind.allCases)
  func deterministic(kind: SampleData.Kind) {
    let a = SampleData.table(kind, rows: 400, seed: 11)
    let b = SampleData.table(kind, rows: 400, seed: 11)
    #expect(a.rowCount == b.rowCount)
    for (x, y) in zip(a.columns, b.columns) {
      #expect(x.values == y.values, "column \(x.name) differs between two runs")
    }
  }

  @Test("a different seed gives different data", arguments: SampleData.Kind.allCases)
  func seedMatters(kind: SampleData.Kind) {
    let a = SampleData.table(kind, rows: 200, seed: 1)
    let b = SampleData.table(kind, rows: 200, seed: 2)
    let differing = zip(a.columns, b.columns).filter { $0.0.values != $0.1.values }.map(\.0.name)
    // Ids are the same by design; nearly everything else should differ.
    #expect(differing.count >= a.columns.count - 2, "only \(differing) differ")
  }

  @Test("the first N customers of a larger sample are the sample of N")
  func prefixStable() {
    let small = SampleData.customers(rows: 50, seed: 5)
    let large = SampleData.customers(rows: 300, seed: 5)
    for (x, y) in zip(small.columns, large.columns) {
      #expect(x.values == Array(y.values.prefix(50)), "column \(x.name)")
    }
  }

  @Test("the defaults are 5,000 rows and seed 42")
  func defaults() throws {
    #expect(SampleData.defaultRows == 5_000)
    #expect(SampleData.defaultSeed == 42)
    let table = SampleData.customers()
    #expect(table.rowCount == 5_000)
    let explicit = SampleData.customers(rows: 5_000, seed: 42)
    #expect(try SampleView(table).strings("last_name") == SampleView(explicit).strings("last_name"))
  }

  @Test("the data end on 2026-10-31 and begin on 2019-01-01")
  func dateRange() throws {
    #expect(CivilDate.format(days: SampleData.firstDate) == "2019-01-01")
    #expect(CivilDate.format(days: SampleData.lastDate) == "2026-10-31")
    let view = SampleView(SampleData.customers(rows: 5_000, seed: 42))
    let signups = try view.dates("signup_date").compactMap { $0 }
    let last = try view.dates("last_purchase_date").compactMap { $0 }
    #expect(signups.allSatisfy { (SampleData.firstDate...SampleData.lastDate).contains($0) })
    #expect(last.allSatisfy { $0 <= SampleData.lastDate })
    // `today` defaults to the latest date of the compared column: with 5,000 customers, the end date.
    #expect(last.max() == SampleData.lastDate)
  }

  /// A fingerprint of the default sample's first customers and their orders. When the generator
  /// changes on purpose, update it; when it changes on another machine or toolchain, determinism
  /// (the promise that a saved session replays identically) is broken.
  @Test("a known seed gives known tables")
  func knownAnswer() throws {
    let customers = SampleData.customers(rows: 200, seed: 42)
    let view = SampleView(customers)
    let names = try zip(view.strings("first_name"), view.strings("last_name")).prefix(3)
      .map { "\($0 ?? "") \($1 ?? "")" }
    #expect(names == Self.knownNames)
    #expect(Self.fnv1a(customers) == Self.knownCustomersHash)
    #expect(Self.fnv1a(SampleData.orders(rows: 200, seed: 42)) == Self.knownOrdersHash)
  }

  static let knownNames = ["Joshua Kennedy", "Ethan Wright", "Bilal Benali"]
  static let knownCustomersHash: UInt64 = 1_623_591_943_749_082_451
  static let knownOrdersHash: UInt64 = 9_199_502_103_795_142_703

  /// FNV-1a over every cell's text; unlike `Hasher`, the same on every run and machine.
  static func fnv1a(_ table: Table) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for column in table.columns {
      for value in column.values {
        for byte in (value.description + "\u{1F}").utf8 {
          hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
      }
    }
    return hash
  }
}
