import Columnar

/// Number formatting that never depends on the locale or the machine, so replayed output is identical.
public enum Figures {
  /// An integer with thousands separators: 1234567 → "1,234,567".
  public static func grouped(_ n: Int) -> String {
    let digits = String(n.magnitude)
    var out = ""
    for (i, c) in digits.enumerated() {
      if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
      out.append(c)
    }
    return n < 0 ? "-" + out : out
  }

  /// "1 row" or "5,000 rows".
  public static func rows(_ n: Int) -> String {
    n == 1 ? "1 row" : "\(grouped(n)) rows"
  }

  /// A number with exactly `decimals` decimals, rounded half away from zero: (2.345, 2) → "2.35".
  ///
  /// The rounding is decided on the decimal digits of `x` taken to `decidingDigits` significant digits,
  /// not on its binary value: a mean whose decimal value is 73.3375 arrives as 73.33750000000001 from
  /// one engine and as 73.33749999999999 from another (they add in different orders), and both show
  /// 73.34, as does 2.345, which a Double holds as 2.34499999999999997.
  public static func fixed(_ x: Double, decimals: Int) -> String {
    guard x.isFinite else { return x.isNaN ? "NaN" : (x < 0 ? "-inf" : "inf") }
    // Past 2^63 units fixed decimals mean nothing; fall back to the shortest form.
    guard abs(x) * pow10(decimals) < 9.2e18 else { return shortest(x) }
    var number = DecimalDigits(x)
    number.round(keeping: decidingDigits)
    number.round(keeping: number.point + decimals)
    var text = number.point > 0 ? String(number.figures(0..<number.point)) : "0"
    if decimals > 0 { text += "." + String(number.figures(number.point..<(number.point + decimals))) }
    return (x < 0 && !number.isZero ? "-" : "") + text
  }

  /// How many significant digits decide how `fixed` rounds: 13, two fewer than a Double carries, so the
  /// error of adding a million numbers in another order (about 10^-13 of the sum) never decides it.
  static let decidingDigits = 13

  /// A size in bytes for people: "812 B", "15.3 KiB", "91.2 MiB", "1.4 GiB".
  public static func bytes(_ n: Int) -> String {
    let units = ["B", "KiB", "MiB", "GiB", "TiB"]
    var value = Double(n)
    var unit = 0
    while value >= 1024, unit < units.count - 1 {
      value /= 1024
      unit += 1
    }
    return unit == 0 ? "\(n) B" : fixed(value, decimals: 1) + " " + units[unit]
  }

  /// A share as a percentage with one decimal: 0.1234 → "12.3%".
  public static func percent(_ share: Double) -> String {
    fixed(share * 100, decimals: 1) + "%"
  }

  /// How many significant digits a Double is shown with: 15, the most that any decimal survives a
  /// round trip through a Double with (C's `DBL_DIG`), and what spreadsheets show. The digits past
  /// them are the error of binary arithmetic, not information: 19.99 − 14.1 is 5.889999999999999 as
  /// a Double, and shows as 5.89. Every value read from a file with 15 digits or fewer shows as typed.
  public static let significantDigits = 15

  /// The shortest text of `x` rounded to `significantDigits`, without exponent for everyday
  /// magnitudes: 94.02000000000001 → "94.02", 12.5 → "12.5", 1e-05 → "0.00001".
  public static func shortest(_ x: Double) -> String {
    let x = significant(x)
    if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
    let text = "\(x)"
    if !text.contains("e") { return text }
    // Swift writes 1e-05 for small numbers; people expect 0.00001.
    if abs(x) < 1, abs(x) >= 1e-9 {
      var decimals = 1
      while decimals < 17, Double(fixed(x, decimals: decimals)) != x { decimals += 1 }
      return fixed(x, decimals: decimals)
    }
    return text
  }

  /// `x` rounded to `digits` significant digits, half away from zero, on the decimal digits of its
  /// shortest round-trip text (so the result never depends on how the platform formats with a locale).
  /// Infinities, NaN and values with no more digits than that come back as they are.
  static func significant(_ x: Double, digits: Int = significantDigits) -> Double {
    guard x.isFinite, x != 0 else { return x }
    var number = DecimalDigits(x)
    guard number.digits.count > digits else { return x }
    number.round(keeping: digits)
    let digitsText = String(number.figures(0..<number.digits.count))
    // Rounding the largest Doubles up can pass the largest finite one: keep those as they are.
    guard let magnitude = Double("0.\(digitsText)e\(number.point)"), magnitude.isFinite else { return x }
    return x < 0 ? -magnitude : magnitude
  }

  private static func pow10(_ n: Int) -> Double {
    var p = 1.0
    for _ in 0..<n { p *= 10 }
    return p
  }

  /// A value of a column as people read it, a Bool in the words its file wrote (`yes`, see `BoolWords`).
  public static func text(_ value: Value, words: BoolWords?) -> String {
    text(words?.spelling(value) ?? value)
  }

  /// A data value as people read it: dates in ISO, doubles in shortest form, lists joined by `;`.
  public static func text(_ value: Value) -> String {
    switch value {
    case .null: return ""
    case .int(let n): return String(n)
    case .double(let d): return shortest(d)
    case .bool(let b): return b ? "true" : "false"
    case .date(let days): return CivilDate.format(days: days)
    case .timestamp(let s): return CivilDate.formatTimestamp(s)
    case .string(let s): return s
    case .list(let items): return items.joined(separator: ";")
    }
  }
}

/// The decimal digits of a finite Double's magnitude, as its shortest round-trip text writes them (so
/// they never depend on how the platform formats with a locale): `digits` without leading zeros, the
/// decimal point after `point` of them (negative or past the end for small and large numbers).
struct DecimalDigits {
  var digits: [UInt8]
  var point: Int

  init(_ x: Double) {
    let text = "\(abs(x))"
    let parts = text.split(separator: "e", maxSplits: 1)
    let exponent = parts.count == 2 ? Int(parts[1]) ?? 0 : 0
    let mantissa = parts[0].split(separator: ".", omittingEmptySubsequences: false)
    let whole = mantissa[0]
    let fraction = mantissa.count > 1 ? mantissa[1] : ""
    digits = Array((whole + fraction).utf8).map { $0 - 48 }
    point = whole.count + exponent
    let zeros = digits.prefix { $0 == 0 }.count
    digits.removeFirst(zeros)
    point -= zeros
    while digits.last == 0 { digits.removeLast() }
  }

  var isZero: Bool { digits.isEmpty }

  /// Keeps the first `count` digits (none when `count` ≤ 0), rounding half away from zero; a carry past
  /// the first digit adds a leading 1.
  mutating func round(keeping count: Int) {
    guard digits.count > count else { return }
    let roundUp = count >= 0 && digits[count] >= 5
    digits.removeLast(digits.count - max(count, 0))
    if roundUp {
      var i = count - 1
      while i >= 0, digits[i] == 9 {
        digits[i] = 0
        i -= 1
      }
      if i >= 0 {
        digits[i] += 1
      } else {
        digits.insert(1, at: 0)
        point += 1
      }
    }
    while digits.last == 0 { digits.removeLast() }
  }

  /// The digit characters at `positions` (counted from the first significant digit), zeros outside
  /// the digits kept.
  func figures(_ positions: Range<Int>) -> [Character] {
    positions.map { i in
      Character(Unicode.Scalar(48 + (i >= 0 && i < digits.count ? digits[i] : 0)))
    }
  }
}
