import Columnar

/// A parsed `profile SEG [vs SEG] [all | columns a, b]`.
public struct ProfileCommand: Sendable, Equatable {
  /// The segment to describe.
  public var segment: Name
  /// The segment to compare with; the whole table when nil.
  public var base: Name?
  /// The columns to profile; when nil, every column but ids and the columns that define the segments
  /// (see `ProfileColumns`), or every column at all under `all`.
  public var columns: [Name]?
  /// True for `all`: ids and the segments' defining columns are profiled too.
  public var includesAll: Bool

  /// Creates a profile command.
  public init(segment: Name, base: Name? = nil, columns: [Name]? = nil, includesAll: Bool = false) {
    self.segment = segment
    self.base = base
    self.columns = columns
    self.includesAll = includesAll
  }
}

/// The two groups of rows a profile sets against each other, and what its shares are "of".
///
/// Against the whole table, shares and index use the table as the base (as marketers read an index),
/// but the z-scores test the segment against the *rest* of the table: the table contains the segment,
/// so the two are not independent samples, while segment and rest are disjoint. The pooled proportion
/// of segment and rest is then exactly the table's share, so z and index speak of the same base.
/// Against another segment, both shares and z use that segment as it is.
///
/// The groups are conditions on the table, so any engine counts them (`Workspace.profileLines`).
struct ProfileScope {
  /// The table both groups belong to, as its engine names it.
  var table: String
  /// The segment's rows.
  var segment: Condition
  /// What the segment is called in headers.
  var segmentLabel: String
  /// The comparison segment's rows, or nil for the whole table (tested against the rest).
  var comparison: Condition?
  /// What the base is called in headers: the table's or the comparison segment's name.
  var baseLabel: String
  /// The table's rows.
  var rowCount: Int
  /// The segment's size.
  var segmentCount: Int
  /// The comparison segment's size (0 against the whole table).
  var comparisonCount: Int

  /// The size of the group the segment is tested against: the comparison, or the rest of the table.
  var otherCount: Int { comparison == nil ? rowCount - segmentCount : comparisonCount }

  /// The rows shares in the base are of: the comparison segment's, or every row.
  var baseCount: Int { comparison == nil ? rowCount : comparisonCount }

  /// The rows the segment is tested against: the comparison, or the table's rows outside the segment.
  var other: Condition { comparison ?? .not(segment) }

  /// The rows shares in the base are of, as a relation.
  var base: Relation {
    Relation(table: table, filter: comparison)
  }
}

/// The statistics behind `profile`, written out so that tests can check them by hand.
enum ProfileStatistics {
  /// The rows below which a count is too small to trust a normal approximation.
  static let smallCount = 30
  /// The expected count below which a two-proportion test is unreliable (the usual rule for χ² tests).
  static let smallExpected = 5.0

  /// The pooled two-proportion z-score of `a` of `n1` against `b` of `n2`.
  ///
  /// z = (a/n1 − b/n2) / √(p(1 − p)(1/n1 + 1/n2)) with the pooled p = (a + b)/(n1 + n2). Nil when it is
  /// undefined: an empty group, or a value that every row or no row has (p = 0 or 1).
  static func proportionZ(_ a: Int, of n1: Int, _ b: Int, of n2: Int) -> Double? {
    guard n1 > 0, n2 > 0 else { return nil }
    let p = Double(a + b) / Double(n1 + n2)
    guard p > 0, p < 1 else { return nil }
    let se = (p * (1 - p) * (1 / Double(n1) + 1 / Double(n2))).squareRoot()
    return (Double(a) / Double(n1) - Double(b) / Double(n2)) / se
  }

  /// Whether a two-proportion test of `a` of `n1` against `b` of `n2` rests on too few rows: a group
  /// under 30 rows, or an expected count under 5 in either group, of rows with the value (n × pooled p)
  /// or without it (n × (1 − pooled p)).
  ///
  /// These are what make the normal approximation, and so z, uncertain. The observed counts are not:
  /// a value that 423 members hold and nobody else does is the clearest finding a profile can make,
  /// not an unreliable one.
  static func isSmall(_ a: Int, of n1: Int, _ b: Int, of n2: Int) -> Bool {
    guard n1 >= smallCount, n2 >= smallCount else { return true }
    let p = Double(a + b) / Double(n1 + n2)
    let expected = [Double(n1) * p, Double(n1) * (1 - p), Double(n2) * p, Double(n2) * (1 - p)]
    return expected.min()! < smallExpected
  }

  /// Welch's z-score for the difference of two means: (m1 − m2) / √(v1/n1 + v2/n2), with sample
  /// variances v. Nil when a group has fewer than two values or both variances are 0.
  static func welchZ(
    mean1: Double, variance1: Double, count1: Int, mean2: Double, variance2: Double, count2: Int
  )
    -> Double?
  {
    guard count1 > 1, count2 > 1 else { return nil }
    let se = (variance1 / Double(count1) + variance2 / Double(count2)).squareRoot()
    guard se > 0, se.isFinite else { return nil }
    return (mean1 - mean2) / se
  }

  /// The index of marketing: 100 × share in the segment ÷ share in the base; nil when the base has none.
  static func index(share: Double, baseShare: Double) -> Double? {
    baseShare > 0 ? 100 * share / baseShare : nil
  }
}

/// What one line of a profile found, in terms a persona draft can state.
struct ProfileFinding: Sendable, Equatable {
  /// What kind of line it is, with the figures it sets side by side.
  enum Kind: Sendable, Equatable {
    /// A category's value, with its share in the segment and in the base.
    case category(value: String, share: Double, baseShare: Double)
    /// A number, date or timestamp column: its mean in the segment and in the base as shown, and
    /// whether the segment's is higher (later, for dates).
    case number(mean: String, baseMean: String, higher: Bool, isTime: Bool)
  }

  /// The column.
  var column: String
  /// The line's figures.
  var kind: Kind
  /// Members with the value, or with a value of the number.
  var count: Int
  /// True when the test rests on too few rows (the `small` note).
  var isSmall: Bool
}

/// One line of a profile, a category or a number, with what it is sorted by.
struct ProfileLine {
  /// The cells shown.
  var cells: [Cell]
  /// What the line found.
  var finding: ProfileFinding
  /// The z-score, when defined.
  var z: Double?
  /// The index (categories) or the ratio of means × 100 (numbers), when defined.
  var index: Double?
  /// The column's position in the table, then the value's position in value order, for ties.
  var position: (column: Int, value: Int)

  /// Most distinctive first: larger |z| as shown (one decimal; undefined last), then the index further
  /// from 100 as shown (whole numbers), then table order and value order. Comparing the shown figures
  /// keeps lines that look equal in a stable order instead of one decided by the last bit of a Double.
  static func distinctiveFirst(_ a: ProfileLine, _ b: ProfileLine) -> Bool {
    let za = a.z.map { (abs($0) * 10).rounded() } ?? -1
    let zb = b.z.map { (abs($0) * 10).rounded() } ?? -1
    if za != zb { return za > zb }
    let da = a.index.map { abs($0.rounded() - 100) } ?? -1
    let db = b.index.map { abs($0.rounded() - 100) } ?? -1
    if da != db { return da > db }
    if a.position.column != b.position.column { return a.position.column < b.position.column }
    return a.position.value < b.position.value
  }
}
