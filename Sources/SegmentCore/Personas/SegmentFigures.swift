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
