import Columnar

/// How two or three segments of one table overlap: their sizes, each pair's overlap with its Jaccard
/// index (|A ∩ B| ÷ |A ∪ B|), and the exclusive parts of the Venn diagram.
struct SegmentComparison {
  /// The segments' names and members, all of one table.
  var segments: [(name: String, members: Bitmap)]
  /// The table's name, for titles.
  var tableName: String

  /// Creates a comparison of two or three segments.
  init(_ segments: [(name: String, members: Bitmap)], table: String) {
    precondition((2...3).contains(segments.count), "compare takes two or three segments")
    self.segments = segments
    self.tableName = table
  }

  private var rowCount: Int { segments[0].members.count }

  private func share(_ n: Int, of total: Int) -> Cell {
    total == 0 ? .text("") : .share(Double(n) / Double(total))
  }

  /// The three tables: sizes, overlaps and parts.
  /// - Complexity: O(n / 64) per bitmap operation, a few dozen of them.
  var tables: [ResultTable] { [sizes, overlaps, parts] }

  /// Each segment's size and share of the table.
  var sizes: ResultTable {
    ResultTable(
      title: "segments of \(tableName)",
      columns: [
        ResultColumn("segment"), ResultColumn("size", alignment: .right),
        ResultColumn("share of \(tableName)", alignment: .right),
      ],
      rows: segments.map {
        [.text($0.name), .count($0.members.popcount()), share($0.members.popcount(), of: rowCount)]
      })
  }

  /// Each pair's rows in both, as a share of each, and the pair's Jaccard index.
  var overlaps: ResultTable {
    var rows: [[Cell]] = []
    for i in segments.indices {
      for j in segments.indices where j > i {
        let a = segments[i].members
        let b = segments[j].members
        let both = (a & b).popcount()
        let either = (a | b).popcount()
        rows.append([
          .text(segments[i].name), .text(segments[j].name), .count(both), share(both, of: a.popcount()),
          share(both, of: b.popcount()),
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
    let n = segments.count
    var rows: [[Cell]] = []
    // Regions in a reading order: one segment only, then pairs, then all three, then none.
    let regions = (1..<(1 << n)).sorted { a, b in
      a.nonzeroBitCount != b.nonzeroBitCount ? a.nonzeroBitCount < b.nonzeroBitCount : a < b
    }
    let everyone = Bitmap(count: rowCount, allSet: true)
    for region in regions + [0] {
      var mask = everyone
      for (i, segment) in segments.enumerated() {
        mask = mask & (region & (1 << i) != 0 ? segment.members : ~segment.members)
      }
      let count = mask.popcount()
      rows.append([.text(label(region)), .count(count), share(count, of: rowCount)])
    }
    return ResultTable(
      title: "exclusive parts",
      columns: [
        ResultColumn("part"), ResultColumn("rows", alignment: .right),
        ResultColumn("share of \(tableName)", alignment: .right),
      ],
      rows: rows, footer: "each row of \(tableName) is in exactly one part")
  }

  private func label(_ region: Int) -> String {
    let n = segments.count
    let inside = segments.indices.filter { region & (1 << $0) != 0 }.map { segments[$0].name }
    switch inside.count {
    case 0: return n == 2 ? "neither" : "none of them"
    case 1: return "only \(inside[0])"
    case n: return n == 2 ? "both" : "all three"
    default:
      let outside = segments.indices.filter { region & (1 << $0) == 0 }.map { segments[$0].name }
      return "\(inside.joined(separator: " and ")), not \(outside.joined(separator: " or "))"
    }
  }
}
