import Columnar

extension SampleData {
  static let orderColumnNames = [
    "order_id", "customer_id", "order_date", "category", "product", "quantity", "amount",
  ]

  /// The orders of the drafts, numbered in date order (customer id, then the customer's own
  /// sequence, breaking ties within a day).
  static func orderTable(_ drafts: [CustomerDraft], seed: UInt64) -> Table {
    var lines: [OrderLine] = []
    var owners: [Int32] = []
    var total = 0
    for draft in drafts { total += Int(draft.orders) }
    lines.reserveCapacity(total)
    owners.reserveCapacity(total)
    for draft in drafts {
      draft.forEachOrder(seed: seed) { line in
        lines.append(line)
        owners.append(Int32(draft.id))
      }
    }

    // A counting sort by day: stable, so ties keep customer order, and linear in the row count.
    let firstDay = SampleDates.firstDay
    let dayCount = Int(SampleDates.lastDay - firstDay) + 1
    var starts = [Int](repeating: 0, count: dayCount + 1)
    for line in lines { starts[Int(line.day - firstDay) + 1] += 1 }
    for day in 0..<dayCount { starts[day + 1] += starts[day] }
    var order = [Int](repeating: 0, count: lines.count)
    for (index, line) in lines.enumerated() {
      let slot = Int(line.day - firstDay)
      order[starts[slot]] = index
      starts[slot] += 1
    }

    let columns: [Column] = [
      .int("order_id", (0..<lines.count).map { Int64($0 + 1) }),
      .int("customer_id", order.map { Int64(owners[$0]) }),
      .date("order_date", days: order.map { lines[$0].day }),
      SampleColumns.strings("category", order.map { lines[$0].category }, SampleCatalog.categoryNames),
      SampleColumns.strings("product", order.map { lines[$0].product }, SampleCatalog.productNames),
      .int("quantity", order.map { Int64(lines[$0].quantity) }),
      .double("amount", order.map { Double(lines[$0].cents) / 100 }),
    ]
    return makeTable("orders", columns)
  }
}
