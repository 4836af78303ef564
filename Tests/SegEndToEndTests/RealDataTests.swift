import Foundation
import Testing

/// Loads every real data set in `../shared/data` through the built `seg`, as a user would.
/// These run only where the data sets exist beside the checkout.
@Suite("Real data sets", .enabled(if: FileManager.default.fileExists(atPath: SegBinary.sharedData.path)))
struct RealDataTests {
  struct DataFile: Sendable, CustomStringConvertible {
    var path: String
    var rows: Int
    var columns: Int
    /// Column name → expected type name in `describe`.
    var types: [String: String]
    var description: String { path }
  }

  static let files: [DataFile] = [
    DataFile(
      path: "customer_personality/marketing_campaign.csv", rows: 2_240, columns: 29,
      types: ["ID": "Int", "Income": "Int", "Dt_Customer": "Date", "Marital_Status": "String"]),
    DataFile(
      path: "bank_marketing/bank.csv", rows: 4_521, columns: 17,
      types: ["age": "Int", "job": "String", "balance": "Int", "pdays": "Int"]),
    DataFile(
      path: "online_retail/online_retail_sample_20k.csv", rows: 20_000, columns: 8,
      types: [
        "InvoiceNo": "String", "Quantity": "Int", "InvoiceDate": "Timestamp", "UnitPrice": "Double",
        "CustomerID": "Int",
      ]),
    DataFile(
      path: "olist_ecommerce_sample/olist_orders_dataset.csv", rows: 8_000, columns: 8,
      types: ["order_purchase_timestamp": "Timestamp", "order_delivered_customer_date": "Timestamp"]),
    DataFile(
      path: "olist_ecommerce_sample/olist_customers_dataset.csv", rows: -1, columns: 5,
      types: ["customer_zip_code_prefix": "Int", "customer_state": "String"]),
    DataFile(
      path: "olist_ecommerce_sample/olist_order_items_dataset.csv", rows: -1, columns: 7,
      types: ["price": "Double", "shipping_limit_date": "Timestamp"]),
    DataFile(
      path: "olist_ecommerce_sample/olist_order_payments_dataset.csv", rows: -1, columns: 5,
      types: ["payment_value": "Double", "payment_type": "String"]),
    DataFile(
      path: "wholesale_customers/Wholesale customers data.csv", rows: 440, columns: 12,
      types: ["Channel": "Int", "Fresh": "Int"]),
    DataFile(
      path: "wholesale_customers/Wholesale_customers_with_CustomerID.k-ishwari.csv", rows: 440, columns: 9,
      types: ["CustomerID": "Int", "Delicassen": "Int"]),
  ]

  @Test(arguments: files)
  func loadsWithTheRightShape(_ file: DataFile) throws {
    let path = SegBinary.sharedData.appendingPathComponent(file.path).path
    let result = try SegBinary.run(["--format", "csv", "-c", "load \"\(path)\" as t; describe"])
    #expect(result.status == 0, "\(result.stderr)")
    // In CSV the sentence goes to stderr (after any warning) and stdout holds only the table.
    let first = result.stderr.split(separator: "\n").first { $0.hasPrefix("loaded t: ") }.map(String.init) ?? ""
    if file.rows >= 0 {
      let rows = Int(file.rows).formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_US")))
      #expect(first.hasPrefix("loaded t: \(rows) rows, \(file.columns) columns"), "\(first)")
    } else {
      #expect(first.contains(", \(file.columns) columns"), "\(first)")
    }
    var types: [String: String] = [:]
    for line in result.stdout.split(separator: "\n").dropFirst() {
      let fields = line.split(separator: ",", omittingEmptySubsequences: false)
      if fields.count > 1 { types[String(fields[0])] = String(fields[1]) }
    }
    for (column, type) in file.types {
      #expect(types[column] == type, "\(file.path): \(column)")
    }
  }

  @Test func invalidUTF8IsReadAsWindows1252WithAWarning() throws {
    let path = SegBinary.sharedData.appendingPathComponent("wholesale_customers/Wholesale customers data.csv")
      .path
    let result = try SegBinary.run(["-c", "load \"\(path)\""])
    #expect(result.status == 0)
    #expect(result.stderr.contains("warning:"))
    #expect(
      result.stderr.lowercased().contains("windows-1252") || result.stderr.lowercased().contains("latin"))
  }

  /// Issue 19 item 1: on Olist's orders, whose estimated delivery dates lie months after the latest
  /// purchase, "within 90 days" of the purchase date counted back from the table's latest date (a
  /// delivery estimate) and found 672 orders; counted from the latest purchase it is 963, and the
  /// output says which date it used.
  @Test func withinCountsBackFromItsOwnColumnsLatestDate() throws {
    let path = SegBinary.sharedData.appendingPathComponent("olist_ecommerce_sample/olist_orders_dataset.csv").path
    let result = try SegBinary.run([
      "-c", "load \"\(path)\" as orders; segment recent = order_purchase_timestamp within 90 days",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stdout.hasSuffix(
        """
        segment recent: 963 rows (12.0% of orders)
        within counts back from the latest order_purchase_timestamp, 2018-10-03 (set today to pin another date)

        """))
    // Pinned, today is what the user said and needs no note.
    let pinned = try SegBinary.run([
      "-c",
      "load \"\(path)\" as orders; set today 2018-10-03; segment recent = order_purchase_timestamp within 90 days",
    ])
    #expect(pinned.stdout.hasSuffix("today is 2018-10-03\nsegment recent: 963 rows (12.0% of orders)\n"))
  }

  /// Issue 14 item 4: bank.csv's y column holds "yes"/"no", read as Bool; a user types the file's own
  /// spelling, in any case, in comparisons and lists.
  @Test func aYesNoColumnMatchesTheFilesOwnSpelling() throws {
    let path = SegBinary.sharedData.appendingPathComponent("bank_marketing/bank.csv").path
    let result = try SegBinary.run([
      "--format", "csv", "-c",
      "load \"\(path)\" as bank; count where y = \"Yes\"; count where y = true; count where y in (\"NO\"); "
        + "count where y != \"no\"",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout == "count,share\n521,0.1152\ncount,share\n521,0.1152\ncount,share\n4000,0.8848\n"
      + "count,share\n521,0.1152\n")
    let wrong = try SegBinary.run(["-c", "load \"\(path)\" as bank; count where y = \"maybe\""])
    #expect(wrong.status == 1)
    #expect(wrong.stderr.contains("error: y is Bool, \"maybe\" is a String"))
    #expect(wrong.stderr.contains("a Bool matches true or false (also \"yes\" or \"no\", as files spell them): y = true"))
  }
}
