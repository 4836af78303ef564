import Columnar

/// Counts of a categorical column's values, taken on dictionary codes into arrays: no per-row strings.
enum CategoryTally {
  /// Columns with more distinct values than this show only their most frequent values in a profile.
  static let wideColumn = 50
  /// How many values a wide column shows.
  static let wideColumnShown = 10

  /// Whether a column is profiled by category: strings, bools and lists (by item).
  static func isCategorical(_ column: Column) -> Bool {
    column.type == .string || column.type == .bool || column.type == .list
  }

  /// The value of each slot that `count` counts into: dictionary entries, or false and true.
  static func labels(_ column: Column) -> [String] {
    switch column.storage {
    case .string(_, let dictionary), .list(_, _, let dictionary): return dictionary
    default:
      // A Bool column's values in the words its file wrote (`no`, `yes`), as a user types them.
      let words = column.boolWords
      return [words?.falseWord ?? "false", words?.trueWord ?? "true"]
    }
  }

  /// The slots in value order: strings in byte order (as `groupIndex`), false before true.
  static func valueOrder(_ labels: [String], bool: Bool) -> [Int] {
    guard !bool else { return [0, 1] }
    return labels.indices.sorted { labels[$0].utf8.lexicographicallyPrecedes(labels[$1].utf8) }
  }

  /// How many of the chosen rows hold each slot's value, and how many are null. A list row counts once
  /// per item.
  /// - Parameter rows: The chosen rows, or nil for every row.
  /// - Complexity: O(n / 64 + chosen rows (+ their items for lists)).
  static func count(_ column: Column, rows: Bitmap?) -> (counts: [Int], nulls: Int) {
    let valid = column.validRows(within: rows)
    let chosen = rows?.popcount() ?? column.count
    let nonNull = valid?.popcount() ?? column.count
    var counts: [Int]
    switch column.storage {
    case .string(let codes, let dictionary):
      counts = [Int](repeating: 0, count: dictionary.count)
      codes.withUnsafeBufferPointer { c in
        counts.withUnsafeMutableBufferPointer { n in
          if let valid {
            valid.forEachSetBit { n[Int(c[$0])] += 1 }
          } else {
            for code in c { n[Int(code)] += 1 }
          }
        }
      }
    case .list(let offsets, let codes, let dictionary):
      counts = [Int](repeating: 0, count: dictionary.count)
      codes.withUnsafeBufferPointer { c in
        offsets.withUnsafeBufferPointer { o in
          counts.withUnsafeMutableBufferPointer { n in
            if let valid {
              valid.forEachSetBit { row in for i in Int(o[row])..<Int(o[row + 1]) { n[Int(c[i])] += 1 } }
            } else {
              for code in c { n[Int(code)] += 1 }
            }
          }
        }
      }
    case .bool(let bits):
      let trues = (valid.map { $0 & bits } ?? bits).popcount()
      counts = [nonNull - trues, trues]
    default:
      preconditionFailure("CategoryTally.count on a \(column.type) column")
    }
    return (counts, chosen - nonNull)
  }
}

extension ProfileScope {
  /// The profile lines of one categorical column, and a note when the column was narrowed.
  ///
  /// Each value gets its count in the segment, its share of the segment's rows, its share of the base's
  /// rows, the index and the z-score (see `ProfileScope` for which rows each is of). Ids are left out
  /// before this (`ProfileColumns`).
  /// - Complexity: O(n / 64 + rows counted) per group counted: the table, the segment and the comparison.
  func categoryLines(_ column: Column, position: Int) -> (lines: [ProfileLine], note: String?) {
    let labels = CategoryTally.labels(column)
    let (table, tableNulls) = CategoryTally.count(column, rows: nil)
    let distinct = table.reduce(0) { $0 + ($1 > 0 ? 1 : 0) }
    let nS = segmentCount
    let (segment, segmentNulls) = CategoryTally.count(column, rows: self.segment)
    var other: [Int]
    var otherNulls: Int
    let nO: Int
    if let comparison {
      (other, otherNulls) = CategoryTally.count(column, rows: comparison)
      nO = comparison.popcount()
    } else {
      other = zip(table, segment).map { $0 - $1 }
      otherNulls = tableNulls - segmentNulls
      nO = self.table.rowCount - nS
    }
    // Shares in the base are of the whole table, or of the comparison segment.
    let baseRows = comparison == nil ? self.table.rowCount : nO
    let base = comparison == nil ? table : other
    let baseNulls = comparison == nil ? tableNulls : otherNulls
    var slots = CategoryTally.valueOrder(labels, bool: column.type == .bool).enumerated().filter {
      segment[$0.element] + other[$0.element] > 0
    }
    var note: String?
    if distinct > CategoryTally.wideColumn {
      // The values most frequent in the whole table, so that a wide column shows the same values for
      // every segment rather than whichever rare names a small segment happens to hold twice.
      slots = Array(
        slots.sorted {
          table[$0.element] != table[$1.element]
            ? table[$0.element] > table[$1.element] : $0.offset < $1.offset
        }.prefix(CategoryTally.wideColumnShown)
      ).sorted { $0.offset < $1.offset }
      note = "\(column.name) (the \(slots.count) most frequent of \(distinct) values)"
    }
    var rows = slots.map {
      (
        label: labels[$0.element], order: $0.offset, a: segment[$0.element], b: other[$0.element],
        base: base[$0.element]
      )
    }
    if segmentNulls + otherNulls > 0 {
      rows.append((label: "(null)", order: labels.count, a: segmentNulls, b: otherNulls, base: baseNulls))
    }
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
