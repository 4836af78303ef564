import Columnar

/// R, F and M quintile scores of a table's rows and the named segment of each (DESIGN §4, `rfm`).
///
/// Each score is SQL's `ntile(5) OVER (ORDER BY x, rowid)` over the scored rows only: rows with a null
/// in any of the three columns get no scores. F and M order ascending, so the most frequent and the
/// highest spenders score 5. R is reversed so that the most recent score 5: a date or timestamp
/// column orders ascending (the latest date scores 5), a number column is read as "days since the
/// last purchase" and orders descending (the fewest days score 5).
struct RFMScores: Sendable {
  /// Per table row: R, F and M scores 1...5, or 0 for a row that is not scored.
  var r: [UInt8]
  var f: [UInt8]
  var m: [UInt8]
  /// The number of scored rows.
  var scoredCount: Int

  /// Whether a column of `type` can be scored in `role` ("recency", "frequency" or "monetary"):
  /// numbers, and dates and timestamps for recency.
  static func canScore(role: String, _ type: ColumnType) -> Bool {
    role == "recency" ? [.int, .double, .date, .timestamp].contains(type) : [.int, .double].contains(type)
  }

  /// Scores the rows of three equally long columns.
  /// - Throws: `RFMScoresError` for the first column (in R, F, M order) that has no numeric order:
  ///   text, lists and booleans, or dates for F and M.
  /// - Complexity: O(n): a few passes per column, no full sort (see `NTile`).
  static func compute(recency: Column, frequency: Column, monetary: Column) throws(RFMScoresError)
    -> RFMScores
  {
    for (role, column) in [("recency", recency), ("frequency", frequency), ("monetary", monetary)]
    where !canScore(role: role, column.type) {
      throw RFMScoresError(role: role, column: column.name, type: column.type)
    }
    let n = recency.count
    var valid: Bitmap? = nil
    for column in [recency, frequency, monetary] {
      if let v = column.validity { valid = valid.map { $0 & v } ?? v }
    }
    let rows: [Int32]? = valid.map { mask in
      var list: [Int32] = []
      list.reserveCapacity(mask.popcount())
      mask.forEachSetBit { list.append(Int32($0)) }
      return list
    }
    let recencyIsTime = recency.type == .date || recency.type == .timestamp
    let tileR = NTile.tiles(OrderKey.keys(recency, rows: rows, descending: !recencyIsTime)!, buckets: 5)
    let tileF = NTile.tiles(OrderKey.keys(frequency, rows: rows, descending: false)!, buckets: 5)
    let tileM = NTile.tiles(OrderKey.keys(monetary, rows: rows, descending: false)!, buckets: 5)
    var scores = RFMScores(
      r: [UInt8](repeating: 0, count: n), f: [UInt8](repeating: 0, count: n),
      m: [UInt8](repeating: 0, count: n), scoredCount: tileR.count)
    func place(_ i: Int, at row: Int) {
      scores.r[row] = tileR[i]
      scores.f[row] = tileF[i]
      scores.m[row] = tileM[i]
    }
    if let rows {
      for i in 0..<rows.count { place(i, at: Int(rows[i])) }
    } else {
      for i in 0..<n { place(i, at: i) }
    }
    return scores
  }

  /// The rows not scored are null in every column built here.
  private var validity: Bitmap {
    Bitmap.from(r) { $0 != 0 }
  }

  /// The columns `rfm` adds: `r`, `f`, `m` (Int 1...5), `fm` ((f + m) / 2, Double) and `rfm` (text such
  /// as "545", dictionary-encoded in order of first appearance).
  /// - Complexity: O(n).
  func columns() -> [Column] {
    let valid = validity
    var fm = [Double](repeating: 0, count: r.count)
    var codes = [UInt32](repeating: 0, count: r.count)
    var codeOf = [UInt32](repeating: .max, count: 125)
    var dictionary: [String] = []
    for row in 0..<r.count where r[row] != 0 {
      fm[row] = Double(Int(f[row]) + Int(m[row])) / 2
      let combo = (Int(r[row]) - 1) * 25 + (Int(f[row]) - 1) * 5 + Int(m[row]) - 1
      if codeOf[combo] == .max {
        codeOf[combo] = UInt32(dictionary.count)
        dictionary.append("\(r[row])\(f[row])\(m[row])")
      }
      codes[row] = codeOf[combo]
    }
    func score(_ name: String, _ values: [UInt8]) -> Column {
      Column(name: name, storage: .int(.int8(values.map { Int8($0) })), validity: valid)
    }
    return [
      score("r", r), score("f", f), score("m", m),
      Column(name: "fm", storage: .double(fm), validity: valid),
      Column(name: "rfm", storage: .string(codes: codes, dictionary: dictionary), validity: valid),
    ]
  }
}

/// A column `rfm` cannot score, with the role it was given.
struct RFMScoresError: Error, Equatable {
  /// "recency", "frequency" or "monetary".
  var role: String
  /// The column's name.
  var column: String
  /// Its type.
  var type: ColumnType
}
