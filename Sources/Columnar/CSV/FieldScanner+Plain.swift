/// What `FieldScanner.plainNumber` found.
struct PlainNumber {
  /// The text is `-?digits(.digits)?`, short enough for the exact paths below.
  var ok = false
  var isInt = false
  var negative = false
  /// All digits, integer and fraction, as one integer.
  var mantissa: UInt64 = 0
  var fractionDigits = 0
  var intDigits = 0

  var int: Int64 { negative ? -Int64(mantissa) : Int64(mantissa) }

  /// The value as `FieldScanner.number` computes it: one rounding (Clinger's fast path), or the
  /// exact conversion of an integer.
  var double: Double {
    let v = fractionDigits == 0 ? Double(mantissa) : Double(mantissa) / FieldScanner.pow10[fractionDigits]
    return negative ? -v : v
  }
}

extension FieldScanner {
  /// Recognises the untrimmed numbers most files hold, `-?digits(.digits)?` with at most 18
  /// digits, in one scan; everything else (signs, groups, currency, exponents, blanks, long
  /// mantissas) is left to `number`, which agrees with this on every text accepted here.
  @inline(__always)
  static func plainNumber(_ q: UnsafePointer<UInt8>, _ a: Int, _ b: Int) -> PlainNumber {
    var r = PlainNumber()
    var i = a
    if q[i] == 45 {
      r.negative = true
      i &+= 1
    }
    let intStart = i
    var m: UInt64 = 0
    while i < b {
      let d = q[i] &- 48
      if d >= 10 { break }
      m = m &* 10 &+ UInt64(d)
      i &+= 1
    }
    r.intDigits = i &- intStart
    guard r.intDigits > 0 && r.intDigits <= 18 else { return r }
    if i == b {
      r.ok = true
      r.isInt = true
      r.mantissa = m
      return r
    }
    guard q[i] == 46 else { return r }
    i &+= 1
    let fracStart = i
    while i < b {
      let d = q[i] &- 48
      if d >= 10 { break }
      m = m &* 10 &+ UInt64(d)
      i &+= 1
    }
    r.fractionDigits = i &- fracStart
    // `5.` and long mantissas take the general path, which handles them exactly.
    guard i == b && r.fractionDigits > 0 && r.intDigits &+ r.fractionDigits <= 18 && m < 1 << 53 else {
      return r
    }
    r.ok = true
    r.mantissa = m
    return r
  }

  /// The day number of exactly `YYYY-MM-DD` (untrimmed), or nil for any other text or a date that
  /// does not exist; agrees with `dateTime` and `days` on every text it accepts.
  @inline(__always)
  static func isoDay(_ q: UnsafePointer<UInt8>, _ a: Int, _ b: Int) -> Int32? {
    guard b &- a == 10 && q[a &+ 4] == 45 && q[a &+ 7] == 45 else { return nil }
    @inline(__always) func digit(_ k: Int) -> Int { Int(q[a &+ k] &- 48) }
    let y0 = digit(0)
    let y1 = digit(1)
    let y2 = digit(2)
    let y3 = digit(3)
    let m0 = digit(5)
    let m1 = digit(6)
    let d0 = digit(8)
    let d1 = digit(9)
    // Bytes below '0' wrap to large values, so one comparison per digit suffices.
    guard y0 < 10 && y1 < 10 && y2 < 10 && y3 < 10 && m0 < 10 && m1 < 10 && d0 < 10 && d1 < 10 else {
      return nil
    }
    let year = y0 * 1000 + y1 * 100 + y2 * 10 + y3
    let month = m0 * 10 + m1
    let day = d0 * 10 + d1
    guard
      month >= 1 && month <= 12 && day >= 1
        && (day <= 28 || day <= CivilDate.daysInMonth(year: year, month: month))
    else { return nil }
    return Int32(CivilDate.unchecked(year: year, month: month, day: day))
  }
}
