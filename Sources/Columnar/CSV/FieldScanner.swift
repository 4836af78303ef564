#if canImport(Glibc)
  import Glibc
#else
  import Foundation
#endif

/// Byte-level recognisers for one field's text; shared by type inference and conversion so both
/// agree on what a value is. All functions take a half-open byte range `[a, b)` of `p`.
enum FieldScanner {
  /// Texts that always mean "missing", whatever the column's type.
  static let strongNulls: [String] = ["NA", "N/A", "NULL", "null", "Null", "NaN", "nan", "#N/A"]
  static let strongNullBytes: [[UInt8]] = strongNulls.map { Array($0.utf8) }
  /// Texts that mean "missing" only where that lets the column be numeric, a date or a bool;
  /// in a text column they stay values (bank.csv's `unknown` is a category of its own).
  /// The last entry stands for any run of blanks.
  static let weakNulls: [String] = [
    "?", "-", "--", "unknown", "Unknown", "UNKNOWN", "#DIV/0!", "#VALUE!", "n/a", "na", "nil", " ",
  ]
  static let weakNullBytes: [[UInt8]] = weakNulls.map { Array($0.utf8) }
  static let blankIndex = weakNulls.count - 1

  @inline(__always) static func isBlank(_ c: UInt8) -> Bool { c == 32 || c == 9 }

  /// Trims spaces and tabs from both ends of `[a, b)`.
  @inline(__always)
  static func trim(_ p: UnsafePointer<UInt8>, _ a: Int, _ b: Int) -> (Int, Int) {
    var a = a
    var b = b
    while a < b && isBlank(p[a]) { a += 1 }
    while b > a && isBlank(p[b - 1]) { b -= 1 }
    return (a, b)
  }

  /// Classifies an untrimmed field: 0 = a value, -1 = empty, `-2 - k` = strong placeholder
  /// `strongNulls[k]`, `k + 1` = weak placeholder `weakNulls[k]`.
  @inline(__always)
  static func nullKind(_ p: UnsafePointer<UInt8>, _ a0: Int, _ b0: Int) -> Int {
    if a0 == b0 { return -1 }
    let (a, b) = trim(p, a0, b0)
    if a == b { return blankIndex + 1 }
    let n = b - a
    if n > 7 { return 0 }
    let c = p[a]
    // Every placeholder starts with one of these bytes; most values are rejected here.
    guard c == 78 || c == 110 || c == 35 || c == 63 || c == 45 || c == 117 || c == 85 else { return 0 }
    for (k, s) in strongNullBytes.enumerated() where s.count == n && equal(p, a, s) { return -2 - k }
    for (k, s) in weakNullBytes.enumerated() where s.count == n && equal(p, a, s) { return k + 1 }
    return 0
  }

  @inline(__always)
  static func equal(_ p: UnsafePointer<UInt8>, _ a: Int, _ s: [UInt8]) -> Bool {
    for i in 0..<s.count where p[a + i] != s[i] { return false }
    return true
  }

  /// Whether the trimmed text is `true`/`false`/`yes`/`no` in any case; the bool value or nil.
  @inline(__always)
  static func bool(_ p: UnsafePointer<UInt8>, _ a: Int, _ b: Int) -> Bool? {
    let n = b - a
    guard n >= 2 && n <= 5 else { return nil }
    var w: UInt64 = 0
    for i in 0..<n { w = w << 8 | UInt64(p[a + i] | 0x20) }
    switch w {
    case 0x74_72_75_65, 0x79_65_73: return true  // true, yes
    case 0x66_61_6c_73_65, 0x6e_6f: return false  // false, no
    default: return nil
    }
  }
}

/// What `FieldScanner.number` found.
struct NumberScan {
  var isNumber = false
  var isInt = false
  var int: Int64 = 0
  var double: Double = 0
  /// The integer part used `,` thousands groups.
  var grouped = false
  /// The integer part has four or more digits without groups.
  var longUngrouped = false
  /// 0 none, 1 `$`, 2 `£`, 3 `€`.
  var currency: UInt8 = 0
}

extension FieldScanner {
  /// Recognises `[+-][currency]digits[,ddd...][.digits][e[+-]digits][currency]` in trimmed text.
  static func number(_ p: UnsafePointer<UInt8>, _ a: Int, _ b: Int, wantDouble: Bool) -> NumberScan {
    var r = NumberScan()
    var i = a
    var negative = false
    var signSeen = false
    if i < b && (p[i] == 45 || p[i] == 43) {
      negative = p[i] == 45
      signSeen = true
      i += 1
    }
    let (cur, afterCur) = currency(p, i, b)
    if cur != 0 {
      r.currency = cur
      i = afterCur
      if !signSeen && i < b && (p[i] == 45 || p[i] == 43) {
        negative = p[i] == 45
        i += 1
      }
    }
    var mantissa: UInt64 = 0
    var significant = 0
    var exp10 = 0
    var truncated = false
    var intAcc: UInt64 = 0
    var intOverflow = false
    var intDigits = 0
    var sawComma = false
    var sinceComma = 0
    while i < b {
      let d = p[i] &- 48
      if d < 10 {
        intDigits += 1
        sinceComma += 1
        let (m1, o1) = intAcc.multipliedReportingOverflow(by: 10)
        let (m2, o2) = m1.addingReportingOverflow(UInt64(d))
        if o1 || o2 { intOverflow = true } else { intAcc = m2 }
        if significant < 19 {
          mantissa = mantissa &* 10 &+ UInt64(d)
          if mantissa != 0 { significant += 1 }
        } else {
          exp10 += 1
          truncated = true
        }
        i += 1
      } else if d == 44 &- 48 && intDigits > 0 {  // ','
        if sawComma ? sinceComma != 3 : intDigits > 3 { return r }
        sawComma = true
        sinceComma = 0
        i += 1
      } else {
        break
      }
    }
    if sawComma && sinceComma != 3 { return r }
    var fracDigits = 0
    var isInt = true
    if i < b && p[i] == 46 {  // '.'
      isInt = false
      i += 1
      while i < b, p[i] &- 48 < 10 {
        let d = p[i] &- 48
        fracDigits += 1
        if significant < 19 {
          mantissa = mantissa &* 10 &+ UInt64(d)
          if mantissa != 0 { significant += 1 }
          exp10 -= 1
        } else {
          truncated = true
        }
        i += 1
      }
    }
    guard intDigits + fracDigits > 0 else { return r }
    if i < b && (p[i] | 0x20) == 101 {  // 'e'
      isInt = false
      i += 1
      var expNegative = false
      if i < b && (p[i] == 45 || p[i] == 43) {
        expNegative = p[i] == 45
        i += 1
      }
      var e = 0
      var n = 0
      while i < b, p[i] &- 48 < 10, n < 4 {
        e = e * 10 + Int(p[i] &- 48)
        n += 1
        i += 1
      }
      guard n > 0 else { return r }
      exp10 += expNegative ? -e : e
    }
    if r.currency == 0 {
      var j = i
      while j < b && isBlank(p[j]) { j += 1 }
      let (cur2, after2) = currency(p, j, b)
      if cur2 != 0 {
        r.currency = cur2
        i = after2
      }
    }
    guard i == b else { return r }
    r.isNumber = true
    r.grouped = sawComma
    r.longUngrouped = !sawComma && intDigits >= 4
    if isInt && !intOverflow && intAcc <= (negative ? 1 << 63 : UInt64(Int64.max)) {
      r.isInt = true
      r.int = negative ? Int64(truncatingIfNeeded: 0 &- intAcc) : Int64(intAcc)
    }
    if wantDouble {
      if !truncated && mantissa < 1 << 53 && exp10 >= -22 && exp10 <= 22 {
        // Clinger's fast path: both operands are exact, so one rounding gives the right answer.
        var v = Double(mantissa)
        v = exp10 < 0 ? v / pow10[-exp10] : v * pow10[exp10]
        r.double = negative ? -v : v
      } else {
        r.double = slowDouble(p, a, b, negative: negative)
      }
    }
    return r
  }

  static let pow10: [Double] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17,
    1e18, 1e19, 1e20, 1e21, 1e22,
  ]

  /// Recognises a currency sign at `i`: `$`, `£`, `€` in UTF-8, or `£`/`€` in Windows-1252.
  @inline(__always)
  static func currency(_ p: UnsafePointer<UInt8>, _ i: Int, _ b: Int) -> (UInt8, Int) {
    guard i < b else { return (0, i) }
    switch p[i] {
    case 36: return (1, i + 1)
    case 0xC2 where i + 1 < b && p[i + 1] == 0xA3: return (2, i + 2)
    case 0xA3: return (2, i + 1)
    case 0xE2 where i + 2 < b && p[i + 1] == 0x82 && p[i + 2] == 0xAC: return (3, i + 3)
    case 0x80: return (3, i + 1)
    default: return (0, i)
    }
  }

  /// Exact conversion through `strtod` for long mantissas and large exponents.
  static func slowDouble(_ p: UnsafePointer<UInt8>, _ a: Int, _ b: Int, negative: Bool) -> Double {
    var buf = [CChar]()
    buf.reserveCapacity(b - a + 2)
    if negative { buf.append(45) }
    for i in a..<b {
      let c = p[i]
      if c &- 48 < 10 || c == 46 || c == 45 || c == 43 || (c | 0x20) == 101 {
        buf.append(CChar(bitPattern: c))
      }
    }
    // The sign may have been kept twice (before and in the loop); drop the duplicate.
    if negative && buf.count > 1 && buf[1] == 45 { buf.removeFirst() }
    buf.append(0)
    return buf.withUnsafeBufferPointer { strtod($0.baseAddress!, nil) }
  }
}
