/// Proleptic Gregorian calendar arithmetic on day numbers (days since 1970-01-01), no time zones.
///
/// The algorithms are Howard Hinnant's `days_from_civil` / `civil_from_days`, exact for every
/// `Int32` day number.
public enum CivilDate {
  /// The day number of a calendar date, or `nil` when the date does not exist (2026-02-30).
  public static func days(year: Int, month: Int, day: Int) -> Int32? {
    guard month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year: year, month: month),
      year > -5_000_000 && year < 5_000_000
    else { return nil }
    return Int32(unchecked(year: year, month: month, day: day))
  }

  /// The day number of a valid calendar date of any year from -100,000,000 to 100,000,000, as an
  /// `Int` since it may not fit a date's `Int32` (callers check before storing it).
  public static func dayNumber(year: Int, month: Int, day: Int) -> Int {
    precondition(month >= 1 && month <= 12 && abs(year) <= 100_000_000, "dayNumber outside its range")
    return unchecked(year: year, month: month, day: day)
  }

  /// The calendar date of a day number.
  public static func components(days: Int32) -> (year: Int, month: Int, day: Int) {
    components(dayNumber: Int(days))
  }

  /// The calendar date of a day number that may lie past a date's `Int32` (as `dayNumber` gives).
  public static func components(dayNumber: Int) -> (year: Int, month: Int, day: Int) {
    let z = dayNumber + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
  }

  /// ISO text of a day number: `2026-08-01`.
  public static func format(days: Int32) -> String {
    let (y, m, d) = components(days: days)
    return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2)
  }

  /// ISO text of a timestamp with a space: `2026-08-01 14:05:00`.
  public static func formatTimestamp(_ seconds: Int64) -> String {
    let (dayCount, secs) = splitTimestamp(seconds)
    let time = pad(Int(secs / 3600), 2) + ":" + pad(Int(secs / 60 % 60), 2) + ":" + pad(Int(secs % 60), 2)
    return format(days: dayCount) + " " + time
  }

  /// The day number and the seconds into that day of a timestamp.
  public static func splitTimestamp(_ seconds: Int64) -> (days: Int32, secondOfDay: Int64) {
    var d = seconds / 86_400
    var s = seconds % 86_400
    if s < 0 {
      s += 86_400
      d -= 1
    }
    return (Int32(clamping: d), s)
  }

  /// Parses exactly `YYYY-MM-DD`; `nil` for any other text or a date that does not exist.
  public static func parseISODate(_ s: String) -> Int32? {
    let b = Array(s.utf8)
    guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else { return nil }
    guard let y = digits(b, 0, 4), let m = digits(b, 5, 2), let d = digits(b, 8, 2) else { return nil }
    return days(year: y, month: m, day: d)
  }

  /// Parses `YYYY-MM-DD HH:MM[:SS]` (or with `T`) into seconds; `nil` otherwise.
  public static func parseISOTimestamp(_ s: String) -> Int64? {
    let b = Array(s.utf8)
    guard b.count == 16 || b.count == 19, b[10] == UInt8(ascii: " ") || b[10] == UInt8(ascii: "T"),
      let day = parseISODate(String(decoding: b[0..<10], as: UTF8.self)),
      let h = digits(b, 11, 2), b[13] == UInt8(ascii: ":"), let mi = digits(b, 14, 2), h < 24, mi < 60
    else { return nil }
    var sec = 0
    if b.count == 19 {
      guard b[16] == UInt8(ascii: ":"), let s2 = digits(b, 17, 2), s2 < 60 else { return nil }
      sec = s2
    }
    return Int64(day) * 86_400 + Int64(h * 3600 + mi * 60 + sec)
  }

  /// Whether `year` is a leap year.
  public static func isLeapYear(_ year: Int) -> Bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
  }

  /// The number of days in a month (1-12) of a year.
  public static func daysInMonth(year: Int, month: Int) -> Int {
    switch month {
    case 2: isLeapYear(year) ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  /// `days_from_civil` without validation; the caller has checked the ranges. (Wrapping
  /// arithmetic: the checked ranges cannot overflow, and this runs once per date loaded.)
  @inline(__always)
  static func unchecked(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year &- 1 : year
    let era = (y >= 0 ? y : y &- 399) / 400
    let yoe = y &- era &* 400
    let doy = (153 &* (month > 2 ? month &- 3 : month &+ 9) &+ 2) / 5 &+ day &- 1
    let doe = yoe &* 365 &+ yoe / 4 &- yoe / 100 &+ doy
    return era &* 146_097 &+ doe &- 719_468
  }

  private static func pad(_ v: Int, _ width: Int) -> String {
    let s = String(abs(v))
    let padded = s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    return v < 0 ? "-" + padded : padded
  }

  private static func digits(_ b: [UInt8], _ start: Int, _ n: Int) -> Int? {
    var v = 0
    for i in start..<start + n {
      let c = b[i] &- 48
      guard c < 10 else { return nil }
      v = v * 10 + Int(c)
    }
    return v
  }
}
