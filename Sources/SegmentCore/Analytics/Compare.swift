import Columnar

/// How two or three segments of one table overlap: their sizes, each pair's overlap with its Jaccard
/// index (|A ∩ B| ÷ |A ∪ B|), and the exclusive parts of the Venn diagram.
struct SegmentComparison {
  /// The segments' names, all of one table.
  var names: [String]
  /// The rows of each region of the Venn diagram: `regionCounts[r]` counts the rows inside exactly
  /// the segments whose bits are set in `r` (bit i for `names[i]`); region 0 is the rows in none.
  var regionCounts: [Int]
  /// The table's name, for titles.
  var tableName: String

  /// Creates a comparison of two or three segments.
  init(names: [String], regionCounts: [Int], table: String) {
    precondition((2...3).contains(names.count), "compare takes two or three segments")
    precondition(regionCounts.count == 1 << names.count, "one count per region")
    self.names = names
    self.regionCounts = regionCounts
    self.tableName = table
  }

  private var rowCount: Int { regionCounts.reduce(0, +) }

  /// The rows in every segment of `mask` (bit i for `names[i]`), whatever the others.
  private func rows(inAll mask: Int) -> Int {
    regionCounts.indices.filter { $0 & mask == mask }.reduce(0) { $0 + regionCounts[$1] }
  }

  /// The rows in at least one segment of `mask`.
  private func rows(inAny mask: Int) -> Int {
    regionCounts.indices.filter { $0 & mask != 0 }.reduce(0) { $0 + regionCounts[$1] }
  }

  private func share(_ n: Int, of total: Int) -> Cell {
    total == 0 ? .text("") : .share(Double(n) / Double(total))
  }

  /// The three tables: sizes, overlaps and parts.
  var tables: [ResultTable] { [sizes, overlaps, parts] }

  /// Each segment's size and share of the table.
  var sizes: ResultTable {
    ResultTable(
      title: "segments of \(tableName)",
      columns: [
        ResultColumn("segment"), ResultColumn("size", alignment: .right),
        ResultColumn("share of \(tableName)", alignment: .right),
      ],
      rows: names.indices.map { i in
        [.text(names[i]), .count(rows(inAll: 1 << i)), share(rows(inAll: 1 << i), of: rowCount)]
      }, chart: .bars(labels: [0], value: 1, note: 2))
  }

  /// Each pair's rows in both, as a share of each, and the pair's Jaccard index.
  var overlaps: ResultTable {
    var rows: [[Cell]] = []
    for i in names.indices {
      for j in names.indices where j > i {
        let both = self.rows(inAll: 1 << i | 1 << j)
        let either = self.rows(inAny: 1 << i | 1 << j)
        rows.append([
          .text(names[i]), .text(names[j]), .count(both), share(both, of: self.rows(inAll: 1 << i)),
          share(both, of: self.rows(inAll: 1 << j)),
          either == 0 ? .text("") : .number(Double(both) / Double(either), decimals: 3),
        ])
      }
    }
    return ResultTable(
      title: "overlaps",
      columns: [
        ResultColumn("a"), ResultColumn("b"), ResultColumn("in both", alignment: .right),
        ResultColumn("share of a", alignment: .right), ResultColumn("share of b", alignment: .right),
        ResultColumn("jaccard", alignment: .right),
      ],
      rows: rows, footer: "jaccard = in both ÷ in either (1 = the same rows, 0 = none shared)")
  }

  /// Every region of the Venn diagram: rows in exactly the named segments, and rows in none.
  var parts: ResultTable {
    let n = names.count
    var rows: [[Cell]] = []
    // Regions in a reading order: one segment only, then pairs, then all three, then none.
    let regions = (1..<(1 << n)).sorted { a, b in
      a.nonzeroBitCount != b.nonzeroBitCount ? a.nonzeroBitCount < b.nonzeroBitCount : a < b
    }
    for region in regions + [0] {
      let count = regionCounts[region]
      rows.append([.text(label(region)), .count(count), share(count, of: rowCount)])
    }
    return ResultTable(
      title: "exclusive parts",
      columns: [
        ResultColumn("part"), ResultColumn("rows", alignment: .right),
        ResultColumn("share of \(tableName)", alignment: .right),
      ],
      rows: rows, footer: "each row of \(tableName) is in exactly one part",
      chart: .bars(labels: [0], value: 1, note: 2))
  }

  private func label(_ region: Int) -> String {
    let n = names.count
    let inside = names.indices.filter { region & (1 << $0) != 0 }.map { names[$0] }
    switch inside.count {
    case 0: return n == 2 ? "neither" : "none of them"
    case 1: return "only \(inside[0])"
    case n: return n == 2 ? "both" : "all three"
    default:
      let outside = names.indices.filter { region & (1 << $0) == 0 }.map { names[$0] }
      return "\(inside.joined(separator: " and ")), not \(outside.joined(separator: " or "))"
    }
  }
}
