import Columnar
import Dispatch
import Synchronization

/// Built-in synthetic data sets, so that `seg` is useful with no file at all
/// (`load sample customers [rows N] [seed S]`, `load sample orders`).
///
/// The data are deterministic: the same rows and seed give identical tables on any machine, on any
/// day, with any Swift release. Nothing reads the clock; the data end on 2026-10-31 (see
/// `lastDate`), so `today` defaults to that day or just before it. Rows are generated
/// independently, so the first N customers of a larger sample equal the sample of N rows.
///
/// The customers have plausible, correlated traits: incomes follow occupation, education, age and
/// country; channels and devices follow age; spend follows orders and income; loyalty tiers
/// follow spend. The orders table is consistent with the customers generated from the same rows
/// and seed: each customer's order count, total spend (to the cent) and last purchase date match.
public enum SampleData {
  /// The data sets that can be generated.
  public enum Kind: String, CaseIterable, Sendable {
    /// One row per customer: demographics, geography, behaviour and interests.
    case customers
    /// One row per order of the customers generated from the same rows and seed.
    case orders

    /// A one-line description for help text.
    public var summary: String {
      switch self {
      case .customers:
        "synthetic customers: demographics, geography, income, spend, recency, channel, loyalty, interests"
      case .orders:
        "the orders of the sample customers: date, category, product, quantity, amount"
      }
    }

    /// The column names of this data set, in order.
    public var columnNames: [String] {
      switch self {
      case .customers: SampleData.customerColumnNames
      case .orders: SampleData.orderColumnNames
      }
    }
  }

  /// The number of customers generated when no row count is given.
  public static let defaultRows = 5_000
  /// The seed used when none is given.
  public static let defaultSeed: UInt64 = 42
  /// The largest row count the command layer should accept: generating takes a few hundred MB
  /// of memory per million customers (more for orders), so larger requests are likely mistakes.
  public static let maximumRows = 10_000_000

  /// 2019-01-01 as days since 1970-01-01: no signup comes before it.
  public static let firstDate: Int32 = SampleDates.firstDay
  /// 2026-10-31 as days since 1970-01-01: no signup or purchase comes after it.
  public static let lastDate: Int32 = SampleDates.lastDay

  /// Generates the data set `kind`.
  /// - Parameters:
  ///   - kind: customers or orders.
  ///   - rows: the number of customers (for orders too: the orders are those of these customers).
  ///   - seed: any value; each seed gives a different, reproducible data set.
  /// - Precondition: `rows` is not negative.
  /// - Complexity: O(rows) for customers, O(rows + orders) for orders.
  public static func table(_ kind: Kind, rows: Int = defaultRows, seed: UInt64 = defaultSeed) -> Table {
    switch kind {
    case .customers: customers(rows: rows, seed: seed)
    case .orders: orders(rows: rows, seed: seed)
    }
  }

  /// Generates a table named "customers" of `rows` synthetic customers.
  ///
  /// Columns: customer_id, first_name, last_name, gender (F/M/X), birth_date, age (on
  /// 2026-10-31), country, region, city, urban, income (about 8% null), education, occupation,
  /// signup_date, last_purchase_date (null without orders), orders, total_spend, avg_order_value
  /// (null without orders), cart_abandons, email_opt_in, preferred_channel, loyalty_tier, device,
  /// interests (a list of 1 to 4).
  /// - Precondition: `rows` is not negative.
  /// - Complexity: O(rows).
  public static func customers(rows: Int = defaultRows, seed: UInt64 = defaultSeed) -> Table {
    precondition(rows >= 0, "the row count must not be negative")
    return customerTable(drafts(rows: rows, seed: seed))
  }

  /// Generates a table named "orders": the orders of the customers that
  /// `customers(rows: customerRows, seed: seed)` generates, with order ids in date order.
  ///
  /// Columns: order_id, customer_id, order_date, category, product, quantity, amount.
  /// - Precondition: `customerRows` is not negative.
  /// - Complexity: O(customerRows + orders).
  public static func orders(rows customerRows: Int = defaultRows, seed: UInt64 = defaultSeed) -> Table {
    precondition(customerRows >= 0, "the row count must not be negative")
    return orderTable(drafts(rows: customerRows, seed: seed, summingOrders: false), seed: seed)
  }

  /// Generates `kind`, or returns nil as soon as `interruption` is raised (Ctrl-C in the shell).
  /// - Complexity: O(rows) for customers, O(rows + orders) for orders.
  public static func table(
    _ kind: Kind, rows: Int, seed: UInt64, interruption: Interruption
  ) -> Table? {
    precondition(rows >= 0, "the row count must not be negative")
    let summing = kind == .customers
    guard let drafts = drafts(rows: rows, seed: seed, summingOrders: summing, interruption: interruption)
    else {
      return nil
    }
    return kind == .customers ? customerTable(drafts) : orderTable(drafts, seed: seed)
  }

  /// The customers with ids 1...rows.
  static func drafts(rows: Int, seed: UInt64, summingOrders: Bool = true) -> [CustomerDraft] {
    drafts(rows: rows, seed: seed, summingOrders: summingOrders, interruption: nil)!
  }

  /// Customers are independent of each other, so large samples are drafted in blocks on every core;
  /// each block checks the interruption flag as it goes.
  static func drafts(rows: Int, seed: UInt64, summingOrders: Bool, interruption: Interruption?)
    -> [CustomerDraft]?
  {
    let blockSize = 16_384
    let blocks = (rows + blockSize - 1) / blockSize
    guard blocks > 1 else {
      if interruption?.isRequested == true { return nil }
      return (0..<rows).map { CustomerDraft(id: $0 + 1, seed: seed, summingOrders: summingOrders) }
    }
    let results = BlockResults(count: blocks)
    DispatchQueue.concurrentPerform(iterations: blocks) { block in
      if interruption?.isRequested == true { return }
      let range = (block * blockSize)..<min(rows, (block + 1) * blockSize)
      results.store(block, range.map { CustomerDraft(id: $0 + 1, seed: seed, summingOrders: summingOrders) })
    }
    if interruption?.isRequested == true { return nil }
    return results.joined()
  }
}

/// Per-block results written by concurrent workers, each block exactly once.
private final class BlockResults: Sendable {
  private let blocks: Mutex<[[CustomerDraft]]>

  init(count: Int) {
    blocks = Mutex(Array(repeating: [], count: count))
  }

  func store(_ index: Int, _ drafts: [CustomerDraft]) {
    blocks.withLock { $0[index] = drafts }
  }

  func joined() -> [CustomerDraft] {
    blocks.withLock { $0.flatMap { $0 } }
  }
}
