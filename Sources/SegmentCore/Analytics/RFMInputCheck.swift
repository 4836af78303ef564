import Columnar

/// What `rfm` checks in its input before scoring, so that it refuses or flags tables it would score
/// as nonsense (issue 20): a recency column of dates written as numbers (19970101), which it would
/// read as days since and rank backwards, and a table of order lines, where it would score each line
/// as a customer.
enum RFMInputCheck {
  /// The smallest and largest values a number recency column may hold and still read as dates written
  /// yyyymmdd. As days since the last purchase they would be 52,000 years and more, so no real
  /// recency in days falls in this range.
  static let yyyymmddRange: ClosedRange<Double> = 1900_01_01...2199_12_31

  /// Whether a number recency column running from `min` to `max` holds dates written yyyymmdd.
  static func looksLikeYYYYMMDD(min: Double, max: Double) -> Bool {
    yyyymmddRange.contains(min) && yyyymmddRange.contains(max)
  }

  /// Words that start the name of a column of customer ids (`CustomerID`, `client_no`, `user`).
  private static let customerWords = [
    "customer", "cust", "client", "user", "member", "account", "buyer", "shopper", "subscriber",
    "household", "patron", "guest", "contact", "person",
  ]
  /// Words that end the name of an id column (`CustomerID`, `client_no`, `member_number`).
  private static let idWords = ["id", "no", "nr", "num", "number", "code", "key", "ref"]

  /// The column that most likely identifies the customer of each row: the first Int or text column
  /// named like a customer id (`CustomerID`, `customer_id`, `client`), else the first named `id`; nil
  /// when none is. Names are compared lowercased with everything but letters and digits removed.
  static func customerKey(among columns: [(name: String, type: ColumnType)]) -> String? {
    let keys = columns.filter { $0.type == .int || $0.type == .string }.map(\.name)
    func squeezed(_ name: String) -> String {
      String(name.lowercased().unicodeScalars.filter { ("a"..."z").contains($0) || ("0"..."9").contains($0) })
    }
    let customer = keys.first { name in
      let s = squeezed(name)
      return customerWords.contains { word in
        s == word || (s.hasPrefix(word) && idWords.contains { s.dropFirst(word.count).hasSuffix($0) })
      }
    }
    return customer ?? keys.first { squeezed($0) == "id" }
  }

  /// Ids that stand on more than one row, from `countBy([key])`'s groups.
  struct RepeatedKeys: Equatable {
    /// How many distinct ids stand on more than one row.
    var ids = 0
    /// The most rows any one id stands on.
    var most = 0
    /// Rows with no id.
    var nullRows = 0

    /// Reads a frame of `countBy([key])`: the key column and `count`, largest groups first.
    init(frame: Frame, key: String) {
      for row in 0..<frame.rowCount {
        guard case .int(let n) = frame.value("count", at: row) else { continue }
        if case .null = frame.value(key, at: row) {
          nullRows += Int(n)
        } else if n > 1 {
          ids += 1
          most = max(most, Int(n))
        }
      }
    }

    /// Creates the figures directly.
    init(ids: Int, most: Int, nullRows: Int) {
      self.ids = ids
      self.most = most
      self.nullRows = nullRows
    }

    /// The warning for a table whose ids repeat, with how to make one row per customer; nil when none
    /// does.
    func warning(key: String, table: String, recency: String) -> String? {
      guard ids > 0 else { return nil }
      let values = ids == 1 ? "1 \(key) value appears" : "\(Figures.grouped(ids)) \(key) values appear"
      var counts = "up to \(Figures.grouped(most)) rows each"
      if nullRows > 0 { counts += "; \(Figures.rows(nullRows)) \(nullRows == 1 ? "has" : "have") no \(key)" }
      return "\(values) on more than one row (\(counts)): rfm scores rows, not customers; score the order"
        + " log per customer instead: rfm from \(Name.tableCommandText(for: table)) by"
        + " \(Name.commandText(for: key)) date \(Name.commandText(for: recency)) amount ... [order ...]"
    }
  }
}
