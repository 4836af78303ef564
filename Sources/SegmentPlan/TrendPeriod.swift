import Columnar

/// The periods `trend` counts by. Each period has a whole-number key, consecutive periods having
/// consecutive keys, so that the empty periods between two others are simply the keys between.
public enum TrendPeriod: String, Sendable, Hashable, CaseIterable {
  /// ISO 8601 weeks, Monday to Sunday, labelled by ISO week-year: `2026-W05`.
  case week
  /// Calendar months: `2026-08`.
  case month
  /// Calendar quarters: `2026-Q3`.
  case quarter
  /// Calendar years: `2026`.
  case year

  /// The key of the period holding a day (days since 1970-01-01).
  public func key(days: Int32) -> Int {
    switch self {
    case .week:
      // 1970-01-01 was a Thursday, so day −3 was a Monday: weeks start where (days + 3) is a multiple of 7.
      return TrendPeriod.floorDivide(Int(days) + 3, 7)
    case .month:
      let date = CivilDate.components(days: days)
      return date.year * 12 + date.month - 1
    case .quarter:
      let date = CivilDate.components(days: days)
      return date.year * 4 + (date.month - 1) / 3
    case .year:
      return CivilDate.components(days: days).year
    }
  }

  /// The label of a period key.
  public func label(_ key: Int) -> String {
    switch self {
    case .week:
      // A week belongs to the ISO week-year of its Thursday; its number counts Thursdays in that year.
      // In Int: the Thursday of a week at either end of the dates lies up to 3 days past Int32, and
      // its year past the ±5,000,000 that CivilDate.days accepts.
      let thursday = key * 7
      let year = CivilDate.components(dayNumber: thursday).year
      let dayOfYear = thursday - CivilDate.dayNumber(year: year, month: 1, day: 1)
      return "\(TrendPeriod.padded(year, 4))-W\(TrendPeriod.padded(dayOfYear / 7 + 1, 2))"
    case .month:
      let year = TrendPeriod.floorDivide(key, 12)
      return "\(TrendPeriod.padded(year, 4))-\(TrendPeriod.padded(key - year * 12 + 1, 2))"
    case .quarter:
      let year = TrendPeriod.floorDivide(key, 4)
      return "\(TrendPeriod.padded(year, 4))-Q\(key - year * 4 + 1)"
    case .year:
      return TrendPeriod.padded(key, 4)
    }
  }

  public static func floorDivide(_ a: Int, _ b: Int) -> Int {
    a >= 0 ? a / b : -((-a + b - 1) / b)
  }

  private static func padded(_ n: Int, _ width: Int) -> String {
    let digits = String(n.magnitude)
    return (n < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - digits.count)) + digits
  }
}
