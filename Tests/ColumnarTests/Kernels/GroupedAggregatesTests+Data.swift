import Testing

@testable import Columnar

/// SplitMix64: a seeded generator, so a failing case reproduces from its description.
struct AggregatesRandom: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
  /// A uniform fraction in 0..<1.
  mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}

/// The kinds of values a case holds, each steering the kernel down a different path.
enum ValueShape: String, CaseIterable, CustomTestStringConvertible, Sendable {
  /// Ages 18–85: the whole-type histogram.
  case int8
  /// Full Int8 range, both extremes.
  case int8Extremes
  /// Small counts with many duplicates.
  case int16
  case int32
  /// Mostly one value with rare far outliers a sample tends to miss: clamped buckets.
  case int32Outliers
  /// Full-range 64-bit values: 128-bit sums, keys differing in every bit.
  case int64Wide
  case int64Small
  /// Lognormal-ish money with 2 decimals.
  case doubleMoney
  /// Negatives, zeros of both signs and heavy duplicates.
  case doubleSigned
  /// Values in 0..<1 with rare ±1e300.
  case doubleOutliers
  /// One repeated value.
  case doubleConstant
  /// Every 48th row (the rows a 4096-row sample of 200,000 visits) holds 1000, the rest spread
  /// widely: the histogram is fitted to the sample, so most values fall in the clamped end buckets.
  case int32Decoy
  case doubleDecoy

  var testDescription: String { rawValue }

  func values(_ n: Int, _ rng: inout AggregatesRandom) -> ColumnStorage {
    func ints(_ make: (inout AggregatesRandom) -> Int64) -> [Int64] { (0..<n).map { _ in make(&rng) } }
    switch self {
    case .int8: return .int(.int8(ints { Int64.random(in: 18...85, using: &$0) }.map { Int8($0) }))
    case .int8Extremes:
      return .int(.int8(ints { [-128, 127, 0, -1][Int($0.next() % 4)] }.map { Int8($0) }))
    case .int16: return .int(.int16(ints { Int64.random(in: -300...300, using: &$0) }.map { Int16($0) }))
    case .int32:
      return .int(
        .int32(ints { Int64.random(in: -2_000_000_000...2_000_000_000, using: &$0) }.map { Int32($0) }))
    case .int32Outliers:
      return .int(
        .int32(
          ints { r in
            let u = r.next() % 1000
            return u == 0 ? 1_000_000_000 : u == 1 ? -5 : u < 500 ? 1000 : 1001
          }.map { Int32($0) }))
    case .int64Wide: return .int(.int64(ints { Int64(bitPattern: $0.next()) }))
    case .int64Small: return .int(.int64(ints { Int64.random(in: -40...40, using: &$0) }))
    case .doubleMoney:
      return .double(
        (0..<n).map { _ in
          let x = rng.unit()
          return (5000 / (1 + 400 * x * x) * 100).rounded() / 100
        })
    case .doubleSigned:
      return .double(
        (0..<n).map { _ in
          [-2.5, -0.0, 0.0, 1.25, 3, -1e-300, 7.75][Int(rng.next() % 7)] + Double(rng.next() % 3)
        })
    case .doubleOutliers:
      return .double(
        (0..<n).map { _ in
          let u = rng.next() % 2000
          return u == 0 ? 1e300 : u == 1 ? -1e300 : rng.unit()
        })
    case .doubleConstant: return .double([Double](repeating: 42.125, count: n))
    case .int32Decoy:
      return .int(
        .int32((0..<n).map { $0 % 48 == 0 ? 1000 : Int32.random(in: -1_000_000...1_000_000, using: &rng) }))
    case .doubleDecoy:
      return .double(
        (0..<n).map {
          $0 % 48 == 0 ? 1000 : Double(Int32.random(in: -1_000_000...1_000_000, using: &rng)) / 8
        })
    }
  }
}

/// One randomized input: its shape, size, groups and the share of null and chosen rows.
struct Case: CustomStringConvertible {
  var shape: ValueShape
  var rows: Int
  var groupCount: Int
  var nulls: Double
  var selected: Double
  var seed: UInt64

  var description: String {
    "\(shape) rows=\(rows) groups=\(groupCount) nulls=\(nulls) selected=\(selected) seed=\(seed)"
  }

  /// The column, group keys (`nil` for one group) and selection; the last group is left empty.
  func make() -> CaseData {
    var rng = AggregatesRandom(seed: seed &* 1000 &+ UInt64(rows))
    let storage = shape.values(rows, &rng)
    let valid = (0..<rows).map { _ in rng.unit() >= nulls }
    let chosen = (0..<rows).map { _ in rng.unit() < selected }
    let usable = Swift.max(1, groupCount - 1)
    let groups: [UInt32]? =
      groupCount == 1 ? nil : (0..<rows).map { _ in UInt32(rng.next() % UInt64(usable)) }
    let column = Column(name: "x", storage: storage, validity: Bitmap(valid))
    return CaseData(column: column, groups: groups, rows: selected >= 1 ? nil : Bitmap(chosen))
  }
}

struct CaseData {
  var column: Column
  var groups: [UInt32]?
  var rows: Bitmap?
}
