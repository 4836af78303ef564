import Columnar
import Testing

@testable import SegmentCore

@Suite("Sample data: customers and orders agree")
struct SampleConsistencyTests {
  /// Per-customer aggregates of the orders table.
  struct Rollup {
    var count = 0
    var cents: Int64 = 0
    var first = Int32.max
    var last = Int32.min
  }

  static func rollup(_ orders: SampleView, customers: Int) throws -> [Rollup] {
    var rollups = [Rollup](repeating: Rollup(), count: customers + 1)
    let owners = try orders.ints("customer_id")
    let days = try orders.dates("order_date")
    let amounts = try orders.doubles("amount")
    for row in owners.indices {
      let owner = Int(try #require(owners[row]))
      let day = try #require(days[row])
      let amount = try #require(amounts[row])
      rollups[owner].count += 1
      rollups[owner].cents += cents(amount)
      rollups[owner].first = min(rollups[owner].first, day)
      rollups[owner].last = max(rollups[owner].last, day)
    }
    return rollups
  }

  @Test(
    "order counts, spend to the cent, last purchase and signup agree",
    arguments: [(1, 42), (10, 42), (500, 7), (3_000, 42)] as [(Int, UInt64)])
  func invariants(rows: Int, seed: UInt64) throws {
    let customers = SampleView(SampleData.customers(rows: rows, seed: seed))
    let orders = SampleView(SampleData.orders(rows: rows, seed: seed))
    let rollups = try Self.rollup(orders, customers: rows)
    let counts = try customers.ints("orders")
    let spend = try customers.doubles("total_spend")
    let average = try customers.doubles("avg_order_value")
    let lastPurchase = try customers.dates("last_purchase_date")
    let signup = try customers.dates("signup_date")
    for row in 0..<rows {
      let id = row + 1
      let rollup = rollups[id]
      let count = try #require(counts[row])
      let total = try #require(spend[row])
      #expect(rollup.count == Int(count), "customer \(id): orders")
      #expect(rollup.cents == cents(total), "customer \(id): total_spend \(total)")
      #expect(hasTwoDecimals(total), "customer \(id): total_spend \(total)")
      if count == 0 {
        #expect(total == 0)
        #expect(average[row] == nil, "customer \(id): avg_order_value without orders")
        #expect(lastPurchase[row] == nil, "customer \(id): last purchase without orders")
      } else {
        let day = try #require(signup[row])
        #expect(rollup.last == lastPurchase[row], "customer \(id): last_purchase_date")
        #expect(rollup.first >= day, "customer \(id): an order before signup")
        let avg = try #require(average[row])
        #expect(hasTwoDecimals(avg))
        #expect(abs(avg - total / Double(count)) <= 0.005 + 1e-9, "customer \(id): avg \(avg)")
      }
    }
    #expect(rollups[0].count == 0, "orders of customer 0")
  }

  @Test("order ids follow the order dates")
  func ordersInDateOrder() throws {
    let orders = SampleView(SampleData.orders(rows: 800, seed: 42))
    let days = try orders.dates("order_date").map { try #require($0) }
    #expect(zip(days, days.dropFirst()).allSatisfy { $0 <= $1 })
    #expect(days.allSatisfy { (SampleData.firstDate...SampleData.lastDate).contains($0) })
  }

  @Test("order lines have sane quantities, amounts and products")
  func orderDomains() throws {
    let orders = SampleView(SampleData.orders(rows: 800, seed: 42))
    let quantities = try orders.ints("quantity").map { try #require($0) }
    let amounts = try orders.doubles("amount").map { try #require($0) }
    let categories = try orders.strings("category").map { try #require($0) }
    let products = try orders.strings("product").map { try #require($0) }
    #expect(quantities.allSatisfy { (1...5).contains($0) })
    #expect(share(quantities) { $0 == 1 } > 0.6, "quantity is skewed to 1")
    #expect(amounts.allSatisfy { $0 > 0 && hasTwoDecimals($0) })
    #expect(Set(categories) == Set(SampleCatalog.categoryNames))
    #expect(Set(categories).count == 8)
    // Each product belongs to its own category.
    var categoryOfProduct: [String: String] = [:]
    for category in SampleCatalog.categories {
      for product in category.products { categoryOfProduct[product.name] = category.name }
    }
    for (category, product) in zip(categories, products) {
      #expect(categoryOfProduct[product] == category, "\(product) is not in \(category)")
    }
  }

  @Test("customers without orders are not in the orders table, and some exist")
  func zeroOrderCustomers() throws {
    let customers = SampleView(SampleData.customers(rows: 2_000, seed: 42))
    let counts = try customers.ints("orders").map { try #require($0) }
    let zero = share(counts) { $0 == 0 }
    #expect(zero > 0.02 && zero < 0.2, "share without orders: \(zero)")
    #expect(share(counts) { (1...3).contains($0) } > 0.4, "orders are skewed toward 1-3")
    #expect(counts.max()! >= 20, "orders have a long tail")
  }
}
