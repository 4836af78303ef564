import Columnar

/// How often a categorical column's values occur in the table, in the segment and in the comparison
/// segment, as the engine counted them (`Operation.valueCounts`).
struct CategoryCounts {
  /// One non-null value's rows: in the table, in the segment, in the comparison (0 without one).
  struct Tally {
    var value: Value
    var table: Int
    var segment: Int
    var comparison: Int
  }

  /// The non-null values, most frequent in the table first (ties in value order); for a wide column,
  /// only the most frequent of them.
  var values: [Tally]
  /// The null rows (for a list: null lists), counted as the values are.
  var nulls: Tally
  /// The distinct non-null values in the table.
  var distinct: Int
  /// The rows of the table, the segment and the comparison, added up over the groups, when every group
  /// was fetched and each row is in one group (not a list, whose rows count once per item).
  var sizes: (rows: Int, segment: Int, comparison: Int)?

  /// Columns with more distinct values than this show only their most frequent values in a profile.
  static let wideColumn = 50
  /// How many values a wide column shows.
  static let wideColumnShown = 10
  /// How many of a column's values a profile asks the engine for: every value of a column that is not
  /// wide, and enough of a wide one's most frequent to show `wideColumnShown` of them even when values
  /// neither segment holds are dropped.
  static let fetched = 200
}

extension ProfileScope {
  /// The profile lines of one categorical column, and a note when the column was narrowed.
  ///
  /// Each value gets its count in the segment, its share of the segment's rows, its share of the base's
  /// rows, the index and the z-score (see `ProfileScope` for which rows each is of). Ids are left out
  /// before this (`ProfileColumns`).
  func categoryLines(_ column: ColumnSchema, position: Int, counts: CategoryCounts) -> (
    lines: [ProfileLine], note: String?
  ) {
    let nS = segmentCount
    let nO = otherCount
    let vsComparison = comparison != nil
    let other = { (t: CategoryCounts.Tally) in vsComparison ? t.comparison : t.table - t.segment }
    let base = { (t: CategoryCounts.Tally) in vsComparison ? t.comparison : t.table }
    // Value order: text in byte order, false before true; a tally keeps its place for ties.
    let ordered = counts.values.sorted { a, b in
      switch (a.value, b.value) {
      case (.bool(let x), .bool(let y)): return !x && y
      default:
        return Figures.text(a.value).utf8.lexicographicallyPrecedes(Figures.text(b.value).utf8)
      }
    }
    var slots = ordered.enumerated().filter { $0.element.segment + other($0.element) > 0 }
    var note: String?
    if counts.distinct > CategoryCounts.wideColumn {
      // The values most frequent in the whole table, so that a wide column shows the same values for
      // every segment rather than whichever rare names a small segment happens to hold twice.
      slots = Array(
        slots.sorted {
          $0.element.table != $1.element.table ? $0.element.table > $1.element.table : $0.offset < $1.offset
        }.prefix(CategoryCounts.wideColumnShown)
      ).sorted { $0.offset < $1.offset }
      note = "\(column.name) (the \(slots.count) most frequent of \(counts.distinct) values)"
    }
    var rows = slots.map {
      (
        label: Figures.text($0.element.value, words: column.boolWords), order: $0.offset,
        a: $0.element.segment, b: other($0.element), base: base($0.element)
      )
    }
    let nulls = counts.nulls
    if nulls.segment + other(nulls) > 0 {
      rows.append(
        (label: "(null)", order: ordered.count, a: nulls.segment, b: other(nulls), base: base(nulls)))
    }
    let baseRows = baseCount
    let lines = rows.map { row in
      let share = nS == 0 ? 0 : Double(row.a) / Double(nS)
      let baseShare = baseRows == 0 ? 0 : Double(row.base) / Double(baseRows)
      let index = ProfileStatistics.index(share: share, baseShare: baseShare)
      let z = ProfileStatistics.proportionZ(row.a, of: nS, row.b, of: nO)
      let small = ProfileStatistics.isSmall(row.a, of: nS, row.b, of: nO)
      let finding = ProfileFinding(
        column: column.name, kind: .category(value: row.label, share: share, baseShare: baseShare),
        count: row.a, isSmall: small)
      return ProfileLine(
        cells: [
          .text(column.name), .text(row.label), .count(row.a), .share(share), .share(baseShare),
          index.map { .number($0, decimals: 0) } ?? .text(""),
          z.map { .number($0, decimals: 1) } ?? .text(""),
          .text(small ? ProfileLine.smallMarker : ""),
        ], finding: finding, z: z, index: index, position: (position, row.order))
    }
    return (lines, note)
  }
}

extension ProfileLine {
  /// The marker of a line whose test rests on too few rows.
  static let smallMarker = "small"
}
