import Columnar

/// How often one value of a column occurs in a segment against its base (DESIGN §4, `explain index`).
struct TraitIndex: Sendable, Equatable {
  /// The column.
  var column: String
  /// The value as people read it.
  var value: String
  /// Members holding the value (for a list column: members whose list holds it).
  var count: Int
  /// Its share of the members with a value.
  var share: Double
  /// Its share of the base's rows with a value.
  var baseShare: Double
  /// 100 × share / base share: 100 is as common as in the base, 200 twice as common.
  var index: Double
  /// How many standard errors the share stands from the base's share (a one-sample test of a
  /// proportion): below 2 the difference may be chance.
  var z: Double
}

/// The segment figures personas are drafted from and checked against.
enum SegmentFigures {
  /// Fewer members than this make a figure weak evidence.
  static let minimumRows = 30
  /// An index in 90...110 says the value is about as common as in the base: weak evidence of a lean.
  static let neutralIndex = 90.0...110.0
  /// A share closer than this many standard errors to the base's could be chance.
  static let minimumZ = 2.0

  /// True when a trait is too thin to assert: few members hold it, its index is near 100, or its
  /// share is within two standard errors of the base's.
  static func isWeak(_ trait: TraitIndex) -> Bool {
    trait.count < minimumRows || neutralIndex.contains(trait.index) || abs(trait.z) < minimumZ
  }

  /// The value to state for a single-valued field: the most over-represented one with strong
  /// evidence; else, to flag as weak, the most over-represented one enough members hold.
  static func strongest(_ traits: [TraitIndex]) -> TraitIndex? {
    traits.first { !isWeak($0) && $0.index > 100 } ?? traits.first { $0.count >= minimumRows } ?? traits.first
  }

  /// The first column of `table` named one of `names` (case-insensitive) that `accepts` allows.
  static func column(_ table: Table, _ names: [String], where accepts: (Column) -> Bool = { _ in true })
    -> Column?
  {
    for name in names {
      if let column = table.column(named: name), accepts(column) {
        return column
      }
    }
    return nil
  }

  /// Numbers and the categories figures can be read from.
  static func isNumber(_ column: Column) -> Bool { column.type == .int || column.type == .double }
  static func isCategory(_ column: Column) -> Bool {
    column.type == .string || column.type == .bool || column.type == .list
  }

  /// The 25th, 50th and 75th percentiles of a numeric column over chosen rows (nulls left out), with
  /// how many rows had a value; nil when none had. Continuous quantiles, as `stats`.
  /// - Complexity: O(k log k) for the k chosen rows.
  static func quartiles(_ column: Column, rows: Bitmap?) -> (
    count: Int, p25: Double, median: Double, p75: Double
  )? {
    var values: [Double] = []
    let read: (Int) -> Double
    switch column.storage {
    case .int(let buffer): read = { Double(buffer[$0]) }
    case .double(let a): read = { a[$0] }
    default: return nil
    }
    let take: (Int) -> Void = { row in if !column.isNull(row) { values.append(read(row)) } }
    if let rows { rows.forEachSetBit(take) } else { (0..<column.count).forEach(take) }
    guard !values.isEmpty else { return nil }
    values.sort()
    func quantile(_ q: Double) -> Double {
      let position = q * Double(values.count - 1)
      let lower = Int(position.rounded(.down))
      let upper = min(lower + 1, values.count - 1)
      return values[lower] + (values[upper] - values[lower]) * (position - Double(lower))
    }
    return (values.count, quantile(0.25), quantile(0.5), quantile(0.75))
  }

  /// Every value of a category column (text, bool, or list items) with its index in `members`
  /// against all rows, the most over-represented first (ties: more members, then value order).
  /// - Complexity: O(n) over the column's rows (list items included).
  static func traits(_ column: Column, members: Bitmap) -> [TraitIndex] {
    var labels: [String] = []
    var inSegment: [Int] = []
    var inBase: [Int] = []
    var segmentRows = 0
    var baseRows = 0
    switch column.storage {
    case .list(let offsets, let codes, let dictionary):
      labels = dictionary
      inSegment = Array(repeating: 0, count: dictionary.count)
      inBase = inSegment
      for row in 0..<column.count where !column.isNull(row) {
        let member = members[row]
        baseRows += 1
        if member { segmentRows += 1 }
        for i in Int(offsets[row])..<Int(offsets[row + 1]) {
          inBase[Int(codes[i])] += 1
          if member { inSegment[Int(codes[i])] += 1 }
        }
      }
    case .string, .bool:
      let index = column.groupIndex()
      labels = index.values.map { Figures.text($0) }
      inSegment = Array(repeating: 0, count: labels.count)
      inBase = inSegment
      for row in 0..<column.count where !column.isNull(row) {
        let key = Int(index.keys[row])
        baseRows += 1
        inBase[key] += 1
        if members[row] {
          segmentRows += 1
          inSegment[key] += 1
        }
      }
    default:
      return []
    }
    var found: [TraitIndex] = []
    for i in labels.indices where inSegment[i] > 0 {
      let share = Double(inSegment[i]) / Double(segmentRows)
      let baseShare = Double(inBase[i]) / Double(baseRows)
      let spread = (baseShare * (1 - baseShare) / Double(segmentRows)).squareRoot()
      found.append(
        TraitIndex(
          column: column.name, value: labels[i], count: inSegment[i], share: share, baseShare: baseShare,
          index: 100 * share / baseShare, z: spread == 0 ? 0 : (share - baseShare) / spread))
    }
    return found.sorted {
      if $0.index != $1.index { return $0.index > $1.index }
      if $0.count != $1.count { return $0.count > $1.count }
      return $0.value.utf8.lexicographicallyPrecedes($1.value.utf8)
    }
  }

  /// The value most members hold (ties in value order), when any member has one.
  static func mostCommon(_ column: Column, members: Bitmap) -> TraitIndex? {
    traits(column, members: members).max {
      $0.count != $1.count ? $0.count < $1.count : $1.value.utf8.lexicographicallyPrecedes($0.value.utf8)
    }
  }

  /// An index as people read it: a whole number.
  static func index(_ x: Double) -> String { Figures.fixed(x, decimals: 0) }

  /// "index 182: 74.1% of members vs 40.7% of customers, 306 members".
  static func describe(_ trait: TraitIndex, base: String) -> String {
    "index \(index(trait.index)): \(Figures.percent(trait.share)) of members vs "
      + "\(Figures.percent(trait.baseShare)) of \(base), \(members(trait.count))"
  }

  /// "1 member" or "306 members".
  static func members(_ n: Int) -> String { n == 1 ? "1 member" : "\(Figures.grouped(n)) members" }

  /// A figure as a draft states it: thousands grouped, whole numbers bare, others with two decimals.
  static func amount(_ x: Double) -> String {
    guard abs(x) < 1e15 else { return Figures.shortest(x) }
    if x == x.rounded() { return Figures.grouped(Int(x)) }
    let text = Figures.fixed(x, decimals: 2)
    guard let dot = text.firstIndex(of: "."), let whole = Int(text[..<dot]) else { return text }
    return (whole == 0 && x < 0 ? "-" : "") + Figures.grouped(whole) + text[dot...]
  }
}
