import Columnar

/// Calendar arithmetic for `within 3 months` and friends.
enum DateMath {
  /// The day `amount` units before `day`, or `nil` when that day lies before the first day a date can
  /// hold (`Int32.min`): then every date up to `day` is within the range, so the range is open below.
  /// Months and years keep the day of the month, clamped to the month's length (2026-05-31 minus 3
  /// months is 2026-02-28). Checked arithmetic throughout: `amount` may be any count a user types.
  static func subtract(_ amount: Int, unit: DurationUnit, from day: Int32) -> Int32? {
    switch unit {
    case .days, .weeks:
      let (days, overflow) = amount.multipliedReportingOverflow(by: unit == .weeks ? 7 : 1)
      guard !overflow else { return nil }
      return dayNumber(Int(day).subtractingReportingOverflow(days))
    case .months, .years:
      let (months, overflow) = amount.multipliedReportingOverflow(by: unit == .months ? 1 : 12)
      guard !overflow else { return nil }
      let (y, m, d) = CivilDate.components(days: day)
      let (total, under) = (y * 12 + (m - 1)).subtractingReportingOverflow(months)
      guard !under else { return nil }
      let year = total >= 0 ? total / 12 : (total - 11) / 12
      // Int32 day numbers end near the year -5,877,641; earlier years hold no date.
      guard year > -6_000_000 else { return nil }
      let month = total - year * 12 + 1
      let dayOfMonth = min(d, CivilDate.daysInMonth(year: year, month: month))
      return dayNumber((CivilDate.dayNumber(year: year, month: month, day: dayOfMonth), false))
    }
  }

  /// A day number that fits a date, or `nil` for one before every date.
  private static func dayNumber(_ result: (partialValue: Int, overflow: Bool)) -> Int32? {
    guard !result.overflow, result.partialValue >= Int(Int32.min) else { return nil }
    return Int32(result.partialValue)
  }
}
