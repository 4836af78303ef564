import Columnar

/// Calendar arithmetic for `within 3 months` and friends.
enum DateMath {
  /// The day `amount` units before `day`; months and years keep the day of the month, clamped to the
  /// month's length (2026-05-31 minus 3 months is 2026-02-28).
  static func subtract(_ amount: Int, unit: DurationUnit, from day: Int32) -> Int32 {
    switch unit {
    case .days: return day - Int32(clamping: amount)
    case .weeks: return day - Int32(clamping: amount * 7)
    case .months, .years:
      let months = unit == .months ? amount : amount * 12
      let (y, m, d) = CivilDate.components(days: day)
      let total = y * 12 + (m - 1) - months
      let year = total >= 0 ? total / 12 : (total - 11) / 12
      let month = total - year * 12 + 1
      var dayOfMonth = d
      while dayOfMonth > 28, CivilDate.days(year: year, month: month, day: dayOfMonth) == nil {
        dayOfMonth -= 1
      }
      return CivilDate.days(year: year, month: month, day: dayOfMonth) ?? day
    }
  }
}
