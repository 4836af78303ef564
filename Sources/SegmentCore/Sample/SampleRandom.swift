/// A small deterministic random number generator for the sample data: xoshiro256** seeded through
/// SplitMix64.
///
/// It deliberately does not conform to `RandomNumberGenerator`: the standard library's
/// `Int.random(in:using:)` and friends may change their algorithms between Swift releases, and the
/// sample tables must stay identical on any machine and toolchain. Every draw goes through the
/// methods below, which use only integer arithmetic and IEEE-754 basic operations.
struct SampleRandom {
  private var s0: UInt64
  private var s1: UInt64
  private var s2: UInt64
  private var s3: UInt64

  /// Creates the generator for one independent stream, such as one customer's attributes.
  ///
  /// Deriving a stream per row (instead of one stream for the whole table) keeps the first N rows
  /// of a larger table equal to the table of N rows, and lets rows be generated in any order.
  init(seed: UInt64, stream: UInt64, purpose: UInt64) {
    var state = seed
    state = SampleRandom.splitMix(&state) ^ (stream &* 0xD1B5_4A32_D192_ED03)
    state = SampleRandom.splitMix(&state) ^ (purpose &* 0x8CB9_2BA7_2F3D_8DD7)
    s0 = SampleRandom.splitMix(&state)
    s1 = SampleRandom.splitMix(&state)
    s2 = SampleRandom.splitMix(&state)
    s3 = SampleRandom.splitMix(&state)
  }

  private static func splitMix(_ state: inout UInt64) -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// The next 64 random bits.
  mutating func next() -> UInt64 {
    let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
    let t = s1 << 17
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = s3 << 45 | s3 >> 19
    return result
  }

  /// A uniform double in [0, 1) with 53 random bits.
  mutating func unit() -> Double {
    Double(next() >> 11) * 0x1.0p-53
  }

  /// A uniform integer in 0..<bound (multiply-high; the bias is below 2⁻³² for our bounds).
  mutating func below(_ bound: Int) -> Int {
    precondition(bound > 0, "below(_:) needs a positive bound")
    return Int(next().multipliedFullWidth(by: UInt64(bound)).high)
  }

  /// True with probability `p`.
  mutating func chance(_ p: Double) -> Bool {
    unit() < p
  }

  /// An approximately standard normal value: the sum of four 16-bit uniforms, rescaled.
  ///
  /// Box–Muller would need `log` and `cos`, whose last bits differ between C libraries; four
  /// uniforms give a bell shape within ±3.46 σ, which is all synthetic customers need.
  mutating func normal() -> Double {
    let bits = next()
    let sum =
      Double(bits & 0xFFFF) + Double((bits >> 16) & 0xFFFF) + Double((bits >> 32) & 0xFFFF)
      + Double(bits >> 48)
    return (sum * 0x1.0p-16 - 2) * 1.732_050_807_568_877_2
  }

  /// A log-normal value `exp(mu + sigma · z)`.
  mutating func logNormal(mu: Double, sigma: Double) -> Double {
    SampleMath.exp(mu + sigma * normal())
  }

  /// An exponential value with the given mean.
  mutating func exponential(mean: Double) -> Double {
    -mean * SampleMath.log(1 - unit())
  }

  /// A Poisson count with mean `lambda` (Knuth's product method; a normal approximation above 30).
  mutating func poisson(_ lambda: Double) -> Int {
    guard lambda > 0 else { return 0 }
    if lambda > 30 {
      return max(0, Int((lambda + lambda.squareRoot() * normal()).rounded()))
    }
    let limit = SampleMath.exp(-lambda)
    var count = 0
    var product = unit()
    while product > limit {
      count += 1
      product *= unit()
    }
    return count
  }

  /// An index drawn with probability proportional to `weights` (all ≥ 0, at least one > 0).
  mutating func pick(_ weights: [Double]) -> Int {
    var total = 0.0
    for weight in weights { total += weight }
    var target = unit() * total
    for (index, weight) in weights.enumerated() {
      target -= weight
      if target < 0 { return index }
    }
    // Rounding can leave a sliver of the total unclaimed; it belongs to the last positive weight.
    return weights.lastIndex(where: { $0 > 0 }) ?? 0
  }

  /// An index drawn from running sums of weights (the last one is the total, > 0).
  mutating func pick(cumulative: [Double]) -> Int {
    let target = unit() * cumulative[cumulative.count - 1]
    for (index, sum) in cumulative.enumerated() where target < sum { return index }
    return cumulative.count - 1
  }

  /// An index drawn with probability proportional to integer `weights`, using integers only.
  mutating func pick(_ weights: WeightTable) -> Int {
    let target = below(weights.total)
    return weights.cumulative.withUnsafeBufferPointer { sums in
      var index = 0
      while index < sums.count - 1 && target >= sums[index] { index += 1 }
      return index
    }
  }
}

/// Integer weights prepared for repeated drawing with `SampleRandom.pick(_:)`.
struct WeightTable: Sendable {
  /// Running sums of the weights.
  let cumulative: [Int]
  /// The sum of all weights (> 0).
  var total: Int { cumulative.last ?? 0 }

  init(_ weights: [Int]) {
    var sums: [Int] = []
    sums.reserveCapacity(weights.count)
    var running = 0
    for weight in weights {
      precondition(weight >= 0, "weights must not be negative")
      running += weight
      sums.append(running)
    }
    precondition(running > 0, "at least one weight must be positive")
    cumulative = sums
  }
}

/// `exp` and `log` from IEEE basic operations only, so that every platform computes the same bits.
enum SampleMath {
  private static let ln2 = 0.693_147_180_559_945_3

  /// e^x, by reduction to 2^k · e^r with |r| ≤ ln2 / 2 and a degree-12 Taylor polynomial for e^r.
  static func exp(_ x: Double) -> Double {
    if x > 700 { return .infinity }
    if x < -700 { return 0 }
    let k = (x / ln2).rounded()
    let r = x - k * ln2
    var sum = inverseFactorials[12]
    for n in stride(from: 11, through: 0, by: -1) {
      sum = sum * r + inverseFactorials[n]
    }
    return Double(sign: .plus, exponent: Int(k), significand: sum)
  }

  /// 1 / n! for n in 0...12, as literals so that no platform computes them differently.
  private static let inverseFactorials: [Double] = [
    1.0, 1.0, 0.5, 0.16666666666666666, 0.041666666666666664, 0.008333333333333333,
    0.001388888888888889, 0.0001984126984126984, 2.48015873015873e-05, 2.7557319223985893e-06,
    2.755731922398589e-07, 2.505210838544172e-08, 2.08767569878681e-09,
  ]

  /// The natural logarithm of a positive x, by x = m · 2^e and the series of atanh((m-1)/(m+1)).
  static func log(_ x: Double) -> Double {
    precondition(x > 0, "log needs a positive argument")
    var e = Int(x.exponent)
    var m = x.significand  // in [1, 2)
    if m > 1.414_213_562_373_095 {
      m /= 2
      e += 1
    }
    let s = (m - 1) / (m + 1)
    let s2 = s * s
    var power = s
    var sum = 0.0
    var n = 1.0
    while n < 40 {
      sum += power / n
      power *= s2
      n += 2
    }
    return 2 * sum + Double(e) * ln2
  }
}
