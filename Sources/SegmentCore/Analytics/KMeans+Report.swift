import Columnar

extension KMeansFit {
  /// One row per cluster: its segment (named by `segmentNames`, in cluster order), size, share of the
  /// clustered rows and centre in the columns' own units.
  func table(data: KMeansData, columnNames: [String], segmentNames: [String]) -> ResultTable {
    let d = data.dimension
    let means = data.memberMeans(labels: labels, k: sizes.count)
    let rows: [[Cell]] = sizes.indices.map { c in
      let centre = means?[c] ?? data.original(centres[c * d..<(c + 1) * d])
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

  /// The `cluster` column as a recipe every engine computes: the centres in the order they were
  /// seeded (the order the fit broke ties in), numbered 1...k from the largest cluster, so the column
  /// holds `labels + 1` on the clustered rows.
  func recipe(data: KMeansData, columns: [String]) -> ClusterRecipe {
    let d = data.dimension
    var seeded: [Double] = []
    for label in seedOrder.map(Int.init) { seeded += centres[label * d..<(label + 1) * d] }
    return ClusterRecipe(
      columns: columns, scales: data.columnScales, centres: seeded, numbers: seedOrder.map { Int($0) + 1 })
  }
}

extension ClusterRecipe {
  /// The `cluster` column over the input columns of a table in memory (Int or Double, in `columns`'
  /// order): the nearest centre's number on the rows that hold all of them, null elsewhere.
  /// - Complexity: O(n · k · d).
  func column(over inputs: [Column]) -> Column {
    let tableRows = inputs.first?.count ?? 0
    let rows = KMeansData.clusterableRows(inputs)
    let values = inputs.map { KMeansData.doubles($0, rows: rows) }
    var numbers = [Int8](repeating: 0, count: tableRows)
    var valid = Bitmap(count: tableRows, allSet: false)
    var point = [Double](repeating: 0, count: inputs.count)
    for (i, row) in rows.enumerated() {
      for j in point.indices { point[j] = values[j][i] }
      numbers[Int(row)] = Int8(number(scaling: &point))
      valid[Int(row)] = true
    }
    return Column(name: ClusterRecipe.columnName, storage: .int(.int8(numbers)), validity: valid)
  }
}

extension KMeansFit {
  /// A cluster this much smaller than the clustered rows (as a share) is not a segment: k-means spent
  /// it on a few extreme values.
  static let degenerateShare = 0.01

  /// Whether a cluster of `size` among `points` clustered rows holds under `degenerateShare` of them.
  static func isDegenerate(size: Int, of points: Int) -> Bool {
    Double(size) < degenerateShare * Double(points)
  }

  /// The warning for the clusters that hold under 1% of the rows each, with what to do; nil when none
  /// does. `robust` says how to rerun the command with robust scaling (nil when it already has it);
  /// `segmentNames` are the clusters' segments, in cluster order.
  func degenerateWarning(points: Int, robust: String?, segmentNames: [String]) -> String? {
    let small = sizes.indices.filter { KMeansFit.isDegenerate(size: sizes[$0], of: points) }
    guard let first = small.first else { return nil }
    let names = KChoice.listed(small.map { segmentNames[$0] })
    let held = small.reduce(0) { $0 + sizes[$1] }
    let verb = small.count == 1 ? "holds" : "hold"
    let each = small.count == 1 ? "under 1%" : "each under 1%"
    let between = small.count == 1 ? "" : " between them"
    var text =
      "\(names) \(verb) \(Figures.grouped(held)) of \(Figures.rows(points))\(between) (\(each)): k-means set"
      + " a few extreme values apart instead of finding segments; "
    if let robust {
      text += "try '\(robust)', which holds extreme values at the fences, or a smaller k"
    } else {
      text +=
        "these rows stand apart even after robust scaling: look at them"
        + " (show where cluster >= \(first + 1)), or try a smaller k"
    }
    return text
  }
}

/// The table `cluster k=A..B` prints: inertia, mean silhouette and smallest cluster per k.
struct KChoice {
  /// Per k: k, inertia, mean silhouette, rows in the smallest cluster.
  var rows: [(k: Int, inertia: Double, silhouette: Double, smallest: Int)] = []
  /// The clustered rows.
  var points: Int

  /// The k of highest silhouette among those whose clusters each hold at least `degenerateShare` of
  /// the rows (ties: the smaller k); nil when every k has a smaller cluster.
  var best: Int? {
    rows.filter { !KMeansFit.isDegenerate(size: $0.smallest, of: points) }
      .max { $0.silhouette < $1.silhouette || ($0.silhouette == $1.silhouette && $0.k > $1.k) }?.k
  }

  /// What the table cannot say by itself: a high silhouette that comes from isolating a few rows, and
  /// inertia that rises with k. `robust` is the command rerun with robust scaling (nil when it is).
  func warnings(robust: String?) -> [String] {
    var warnings: [String] = []
    let top = rows.max { $0.silhouette < $1.silhouette || ($0.silhouette == $1.silhouette && $0.k > $1.k) }
    if let top, KMeansFit.isDegenerate(size: top.smallest, of: points) {
      var text =
        "k=\(top.k)'s silhouette of \(Figures.fixed(top.silhouette, decimals: 3)) comes from setting"
        + " \(Figures.rows(top.smallest)) apart in a cluster of \(top.smallest == 1 ? "its" : "their") own"
        + " (under 1% of rows), not from segments; "
      if let best {
        text += "'best' marks k=\(best), the highest silhouette whose clusters each hold at least 1% of rows"
      } else {
        let ks = rows.map(\.k)
        text +=
          "every k from \(ks.min() ?? 0) to \(ks.max() ?? 0) has a cluster under 1% of rows, so none is"
          + " marked best"
      }
      if let robust { text += "; try '\(robust)', which holds extreme values at the fences" }
      warnings.append(text)
    } else {
      let small = rows.filter { KMeansFit.isDegenerate(size: $0.smallest, of: points) }
      if !small.isEmpty {
        let ks = KChoice.listed(small.map { "\($0.k)" })
        let fewest = small.map(\.smallest).min() ?? 0
        var text =
          "at k=\(ks) the smallest cluster holds under 1% of rows (down to \(Figures.rows(fewest))): k-means"
          + " set a few extreme values apart there, so 'best' leaves \(small.count == 1 ? "it" : "them") out"
        if let robust { text += "; try '\(robust)', which holds extreme values at the fences" }
        warnings.append(text)
      }
    }
    for (a, b) in zip(rows, rows.dropFirst()) where b.inertia > a.inertia {
      warnings.append(
        "inertia rises from k=\(a.k) to k=\(b.k) (\(Figures.fixed(a.inertia, decimals: 1)) to"
          + " \(Figures.fixed(b.inertia, decimals: 1))): k-means settled in a poorer local optimum at k=\(b.k);"
          + " its row is unreliable: try another seed")
    }
    return warnings
  }

  /// The table, with a bar for the silhouette, best k marked.
  func table(sampled: Int) -> ResultTable {
    let best = self.best
    let top = rows.map(\.silhouette).max() ?? 0
    let cells: [[Cell]] = rows.map { row in
      let width = Int((top * 1000).rounded())
      let n = Int((row.silhouette * 1000).rounded())
      let bar = n > 0 && width > 0 ? Histogram.bar(n, of: width) : ""
      return [
        .count(row.k), .number(row.inertia, decimals: 1), .number(row.silhouette, decimals: 3),
        .count(row.smallest), .text(row.k == best ? "best" : ""), .text(bar),
      ]
    }
    let sample =
      sampled < points
      ? "silhouette on a fixed sample of \(Figures.grouped(sampled)) of the \(Figures.rows(points))"
      : "silhouette on all \(Figures.rows(points))"
    return ResultTable(
      columns: [
        ResultColumn("k", alignment: .right), ResultColumn("inertia", alignment: .right),
        ResultColumn("silhouette", alignment: .right), ResultColumn("smallest", alignment: .right),
        ResultColumn("best"), ResultColumn("", isDecoration: true),
      ], rows: cells,
      footer: "\(sample); a higher silhouette (at most 1) means tighter, better separated clusters;"
        + " smallest = rows in the smallest cluster, and best passes over a k whose smallest cluster holds"
        + " under 1% of rows; inertia falls as k grows: look for the elbow",
      chart: .elbow(k: 0, inertia: 1, silhouette: 2, best: 4))
  }

  /// "a", "a and b", "a, b and c".
  static func listed(_ items: [String]) -> String {
    guard items.count > 1 else { return items.first ?? "" }
    return items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
  }
}
