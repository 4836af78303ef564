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
  public static func fixed(_ x: Double, decimals: Int) -> String {
    guard x.isFinite else { return x.isNaN ? "NaN" : (x < 0 ? "-inf" : "inf") }
    let scale = pow10(decimals)
    let scaled = (abs(x) * scale).rounded(.toNearestOrAwayFromZero)
    // Past 2^63 fixed decimals mean nothing; fall back to the shortest form.
    guard scaled < 9.2e18 else { return shortest(x) }
    let units = UInt64(scaled)
    let whole = units / UInt64(scale)
    var text = String(whole)
    if decimals > 0 {
      var fraction = String(units % UInt64(scale))
      while fraction.count < decimals { fraction = "0" + fraction }
      text += "." + fraction
    }
    return (x < 0 && units != 0 ? "-" : "") + text
  }

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
    let text = "\(abs(x))"
    let parts = text.split(separator: "e", maxSplits: 1)
    let exponent = parts.count == 2 ? Int(parts[1]) ?? 0 : 0
    let mantissa = parts[0].split(separator: ".", omittingEmptySubsequences: false)
    let whole = mantissa[0]
    let fraction = mantissa.count > 1 ? mantissa[1] : ""
    var figures = Array((whole + fraction).utf8).map { Int($0) - 48 }
    // The decimal point stands after `point` digits of `figures`.
    var point = whole.count + exponent
    while let first = figures.first, first == 0 {
      figures.removeFirst()
      point -= 1
    }
    guard figures.count > digits else { return x }
    let roundUp = figures[digits] >= 5
    figures.removeLast(figures.count - digits)
    if roundUp {
      var i = digits - 1
      while i >= 0, figures[i] == 9 {
        figures[i] = 0
        i -= 1
      }
      if i >= 0 {
        figures[i] += 1
      } else {
        figures.insert(1, at: 0)
        point += 1
      }
    }
    let digitsText = String(figures.map { Character(String($0)) })
    // Rounding the largest Doubles up can pass the largest finite one: keep those as they are.
    guard let magnitude = Double("0.\(digitsText)e\(point)"), magnitude.isFinite else { return x }
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
