extension CustomerDraft {
  /// An occupation consistent with age (students are young, retirees old) and education.
  static func occupation(age: Int, education: Int, _ rng: inout SampleRandom) -> Int {
    let studentShare: Double =
      switch age {
      case ..<22: 0.7
      case 22..<25: 0.35
      case 25..<30: 0.08
      case 30..<40: 0.01
      default: 0
      }
    if rng.chance(studentShare) { return SampleCatalog.student }
    let retiredShare: Double =
      switch age {
      case 67...: 0.9
      case 62..<67: 0.45
      case 58..<62: 0.12
      default: 0
      }
    if rng.chance(retiredShare) { return SampleCatalog.retired }
    return rng.pick(SampleCatalog.occupationsByEducation[education])
  }

  /// An annual income: the occupation's median, scaled by country, career stage and education,
  /// times a log-normal spread, rounded to the hundred as people report it.
  static func income(
    occupation: Int, education: Int, age: Int, country: SampleGeography.Country, urban: Bool,
    _ rng: inout SampleRandom
  ) -> Int {
    let median = SampleCatalog.occupations[occupation].medianIncome
    let career: Double =
      switch occupation {
      case SampleCatalog.student, SampleCatalog.retired: 1
      default:
        switch age {
        case ..<25: 0.72
        case 25..<35: 0.9
        case 35..<45: 1.05
        case 45..<55: 1.15
        default: 1.1
        }
      }
    let schooling = [0.9, 0.95, 1.0, 1.1, 1.2][education]
    let city = urban ? 1.08 : 0.95
    let value =
      median * country.incomeFactor * career * schooling * city * rng.logNormal(mu: 0, sigma: 0.35)
    return max(3_000, Int((value / 100).rounded()) * 100)
  }

  /// One to four interests, drawn without replacement with weights nudged by gender and age.
  static func interests(gender: UInt8, age: Int, _ rng: inout SampleRandom) -> UInt16 {
    var weights = SampleCatalog.interestWeights
    // outdoor, travel, tech, fashion, fitness, cooking, gaming, books, music, home, beauty, sports
    switch gender {
    case 0:
      for (index, factor) in [(3, 1.8), (10, 2.5), (5, 1.3), (6, 0.5), (11, 0.6), (2, 0.7)] {
        weights[index] *= factor
      }
    case 1:
      for (index, factor) in [(10, 0.25), (3, 0.6), (6, 1.6), (11, 1.6), (2, 1.4)] {
        weights[index] *= factor
      }
    default: break
    }
    if age < 30 {
      for (index, factor) in [(6, 2.0), (4, 1.5), (8, 1.5), (9, 0.5), (7, 0.8)] { weights[index] *= factor }
    } else if age >= 55 {
      for (index, factor) in [(6, 0.3), (9, 1.8), (7, 1.5), (1, 1.3), (5, 1.3), (4, 0.7), (8, 0.8)] {
        weights[index] *= factor
      }
    }
    let count = 1 + rng.pick(CustomerDraft.interestCounts)
    var mask: UInt16 = 0
    for _ in 0..<count {
      let index = rng.pick(weights)
      mask |= 1 << UInt16(index)
      weights[index] = 0
    }
    return mask
  }

  private static let interestCounts = WeightTable([30, 35, 25, 10])
}
