import Columnar

/// The calendar of the sample: a shop that opened on 2019-01-01 and a data set that ends on
/// 2026-10-31, so that nothing depends on the day the generator runs.
enum SampleDates {
  /// 2019-01-01, the first possible signup.
  static let firstDay: Int32 = day(2019, 1, 1)
  /// 2026-10-31, the last day of the data: no signup or order comes after it.
  static let lastDay: Int32 = day(2026, 10, 31)

  /// The day number of a date that is known to exist.
  static func day(_ year: Int, _ month: Int, _ dayOfMonth: Int) -> Int32 {
    guard let days = CivilDate.days(year: year, month: month, day: dayOfMonth) else {
      preconditionFailure("\(year)-\(month)-\(dayOfMonth) is not a date")
    }
    return days
  }

  static func year(of days: Int32) -> Int { CivilDate.components(days: days).year }

  /// A birthday that makes the customer exactly `age` on 2026-10-31: from 2025-11-01 back `age`
  /// years through 2026-10-31 back `age` years (October 31 exists every year, so no leap trouble).
  static func birthDay(age: Int, _ rng: inout SampleRandom) -> Int32 {
    let earliest = day(2025 - age, 11, 1)
    let latest = day(2026 - age, 10, 31)
    return earliest + Int32(rng.below(Int(latest - earliest) + 1))
  }

  /// The age on `reference` of someone born on `birth`.
  static func age(birth: Int32, on reference: Int32) -> Int {
    let b = CivilDate.components(days: birth)
    let r = CivilDate.components(days: reference)
    let hadBirthday = (r.month, r.day) >= (b.month, b.day)
    return r.year - b.year - (hadBirthday ? 0 : 1)
  }

  /// When a customer signed up, how many orders they placed, and their first and last order days.
  struct Activity {
    var signup: Int32
    var orders: Int32
    var first: Int32
    var last: Int32
  }

  static func activity(affluence: Double, _ rng: inout SampleRandom) -> Activity {
    let span = Double(lastDay - firstDay + 1)
    // Half uniform, half with a density rising over time: the shop grows.
    let u = rng.unit()
    let position = rng.chance(0.5) ? u : u.squareRoot()
    let signup = min(lastDay, firstDay + Int32(position * span))
    let tenure = Double(lastDay - signup)

    // Recent signups often have not bought yet; a few old accounts never did.
    let neverBought = 0.05 + 0.3 * max(0, 1 - tenure / 90)
    if rng.chance(neverBought) {
      return Activity(signup: signup, orders: 0, first: -1, last: -1)
    }
    // A log-normal appetite gives the long tail; tenure and income scale it.
    let appetite = rng.logNormal(mu: -0.5, sigma: 0.9)
    let lambda = min(150, appetite * (0.4 + 0.9 * tenure / 365.25) * affluence.squareRoot().squareRoot())
    let orders = 1 + rng.poisson(lambda)

    let first = min(lastDay, signup + Int32(min(tenure, rng.exponential(mean: 12))))
    var last = first
    if orders > 1 {
      if rng.chance(0.45) {
        // Lapsed: stopped buying at some point.
        last = first + Int32(rng.below(Int(lastDay - first) + 1))
      } else {
        last = max(first, lastDay - Int32(min(3_000, rng.exponential(mean: 90))))
      }
    }
    return Activity(signup: signup, orders: Int32(orders), first: first, last: last)
  }
}
