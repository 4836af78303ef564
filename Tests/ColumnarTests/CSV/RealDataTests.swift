import Testing

@testable import Columnar

/// `../shared/data` next to the repository, when this machine has it.
let sharedData: String? = {
  var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
  parts.removeLast(4)  // Tests/ColumnarTests/CSV/RealDataTests.swift
  let dir = parts.joined(separator: "/") + "/../shared/data"
  var st = stat()
  return stat(dir, &st) == 0 ? dir : nil
}()

#if canImport(Glibc)
  import Glibc
#endif

@Suite("Real data sets", .enabled(if: sharedData != nil))
struct RealDataTests {
  func load(_ file: String) throws -> LoadReport {
    try CSVReader.load(path: sharedData! + "/" + file, tableName: "t")
  }

  @Test func customerPersonality() throws {
    let r = try load("customer_personality/marketing_campaign.csv")
    #expect(r.delimiter == 9)
    #expect(r.table.rowCount == 2240)
    #expect(r.column("Dt_Customer").type == .date)
    #expect(r.column("Dt_Customer").value(at: 0) == .date(CivilDate.days(year: 2012, month: 9, day: 4)!))
    #expect(r.column("Income").type == .int)
    #expect(r.column("Income").nullCount == 24)
    #expect(r.column("Response").type == .int)
  }

  @Test func bank() throws {
    let r = try load("bank_marketing/bank.csv")
    #expect(r.delimiter == 59)
    #expect(r.table.rowCount == 4521)
    #expect(r.table.columns.count == 17)
    #expect(r.column("age").type == .int)
    #expect(r.column("y").type == .bool)
    #expect(r.column("poutcome").type == .string)
    #expect(r.column("pdays").value(at: 0) == .int(-1))
  }

  @Test func onlineRetail() throws {
    let r = try load("online_retail/online_retail_sample_20k.csv")
    #expect(r.table.rowCount == 20_000)
    #expect(r.types == [.string, .string, .string, .int, .timestamp, .double, .int, .string])
    #expect(r.column("CustomerID").nullCount == 5078)
    #expect(r.nullPlaceholders["CustomerID"] == ["NA": 5078])
  }

  @Test(arguments: [
    ("olist_customers_dataset.csv", 8000), ("olist_orders_dataset.csv", 8000),
    ("olist_order_items_dataset.csv", 9116), ("olist_order_payments_dataset.csv", 8349),
  ])
  func olist(file: String, rows: Int) throws {
    let r = try load("olist_ecommerce_sample/" + file)
    #expect(r.table.rowCount == rows)
    if file == "olist_orders_dataset.csv" {
      #expect(r.column("order_purchase_timestamp").type == .timestamp)
      #expect(r.column("order_delivered_customer_date").type == .timestamp)
      #expect(r.column("order_delivered_customer_date").nullCount > 0)
    }
  }

  @Test func wholesaleDirty() throws {
    let r = try load("wholesale_customers/Wholesale customers data.csv")
    #expect(r.table.rowCount == 440)
    #expect(r.encoding == .latin1)
    #expect(r.warnings.count == 1)
    #expect(r.table.columns.map(\.name).suffix(4) == ["column_9", "column_10", "column_11", "column_12"])
    #expect(r.column("column_12").nullCount == 432)
    #expect(r.column("Fresh").type == .int)
  }

  @Test func wholesaleClean() throws {
    let r = try load("wholesale_customers/Wholesale_customers_with_CustomerID.k-ishwari.csv")
    #expect(r.table.rowCount == 440)
    #expect(r.table.columns.count == 9)
    #expect(r.encoding == .utf8)
  }
}
