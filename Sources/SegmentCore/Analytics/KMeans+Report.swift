import Columnar

extension KMeansFit {
  /// One row per cluster: its segment (named by `segmentNames`, in cluster order), size, share of the
  /// clustered rows and centre in the columns' own units.
  func table(data: KMeansData, columnNames: [String], segmentNames: [String]) -> ResultTable {
    let d = data.dimension
    let rows: [[Cell]] = sizes.indices.map { c in
      let centre = data.original(centres[c * d..<(c + 1) * d])
      return [.text(segmentNames[c]), .count(sizes[c]), .share(Double(sizes[c]) / Double(data.count))]
        + centre.map { .number($0, decimals: 2) }
    }
    let (x, y) = tellingColumns(dimension: d)
    return ResultTable(
      columns: [
        ResultColumn("segment"), ResultColumn("size", alignment: .right),
        ResultColumn("share", alignment: .right),
      ] + columnNames.map { ResultColumn($0, alignment: .right) },
      rows: rows,
      footer: "shares are of the clustered rows; centres are each cluster's mean, in the columns' own units",
      chart: .clusters(label: 0, size: 1, x: 3 + x, y: 3 + y))
  }

  /// The two columns (by index) along which the centres lie furthest apart, in standardised units and
  /// weighted by cluster size: the plane in which a scatter of the centres tells the clusters apart.
  /// With one column, both are that column.
  func tellingColumns(dimension d: Int) -> (Int, Int) {
    let total = Double(max(1, sizes.reduce(0, +)))
    let spread: [Double] = (0..<d).map { j in
      var mean = 0.0
      for c in sizes.indices { mean += centres[c * d + j] * Double(sizes[c]) / total }
      var variance = 0.0
      for c in sizes.indices {
        let deviation = centres[c * d + j] - mean
        variance += deviation * deviation * Double(sizes[c]) / total
      }
      return variance
    }
    // Ties go to the earlier column, so the choice never depends on sort stability.
    let order = (0..<d).sorted { spread[$0] > spread[$1] || (spread[$0] == spread[$1] && $0 < $1) }
    guard order.count > 1 else { return (0, 0) }
    return (min(order[0], order[1]), max(order[0], order[1]))
  }

  /// Per cluster: its member rows of a table with `tableRows` rows, in label order.
  func members(rows: [Int32], tableRows: Int) -> [Bitmap] {
    let wordCount = (tableRows + 63) / 64
    var words = [[UInt64]](repeating: [UInt64](repeating: 0, count: wordCount), count: sizes.count)
    for (i, row) in rows.enumerated() {
      words[Int(labels[i])][Int(row) >> 6] |= 1 << UInt64(row & 63)
    }
    return words.map { Bitmap(words: $0, count: tableRows) }
  }

  /// The `cluster` column: 1...k for clustered rows, null for rows left out.
  func column(rows: [Int32], tableRows: Int) -> Column {
    var values = [Int8](repeating: 0, count: tableRows)
    var valid = Bitmap(count: tableRows, allSet: false)
    for (i, row) in rows.enumerated() {
      values[Int(row)] = Int8(labels[i] + 1)
      valid[Int(row)] = true
    }
    return Column(name: "cluster", storage: .int(.int8(values)), validity: valid)
  }
}

/// The table `cluster k=A..B` prints: inertia and mean silhouette per k.
struct KChoice {
  /// Per k: k, inertia, mean silhouette.
  var rows: [(k: Int, inertia: Double, silhouette: Double)] = []

  /// The table, with a bar for the silhouette, best k marked.
  func table(sampled: Int, points: Int) -> ResultTable {
    let best = rows.max { $0.silhouette < $1.silhouette || ($0.silhouette == $1.silhouette && $0.k > $1.k) }
    let cells: [[Cell]] = rows.map { row in
      let top = Int(((best?.silhouette ?? 0) * 1000).rounded())
      let n = Int((row.silhouette * 1000).rounded())
      let bar = n > 0 && top > 0 ? Histogram.bar(n, of: top) : ""
      return [
        .count(row.k), .number(row.inertia, decimals: 1), .number(row.silhouette, decimals: 3),
        .text(row.k == best?.k ? "best" : ""), .text(bar),
      ]
    }
    let sample =
      sampled < points
      ? "silhouette on a fixed sample of \(Figures.grouped(sampled)) of the \(Figures.rows(points))"
      : "silhouette on all \(Figures.rows(points))"
    return ResultTable(
      columns: [
        ResultColumn("k", alignment: .right), ResultColumn("inertia", alignment: .right),
        ResultColumn("silhouette", alignment: .right), ResultColumn("best"),
        ResultColumn("", isDecoration: true),
      ], rows: cells,
      footer: "\(sample); a higher silhouette (at most 1) means tighter, better separated clusters;"
        + " inertia always falls as k grows: look for the elbow",
      chart: .elbow(k: 0, inertia: 1, silhouette: 2, best: 3))
  }
}
