/// The shapes of date text the reader understands.
enum DateShape: UInt8 {
  /// `YYYY-MM-DD` or `YYYY/MM/DD`.
  case iso = 1
  /// `A/B/YYYY`: month first (US) or day first, decided per column.
  case slash = 2
  /// `A-B-YYYY`, as in dd-mm-yyyy exports.
  case dash = 4
  /// `A.B.YYYY`, as in European exports.
  case dot = 8
}

/// What `FieldScanner.dateTime` found; for non-ISO shapes `first`/`second` are not yet day or month.
struct DateScan {
  var ok = false
  var shape = DateShape.iso
  var year = 0
  var first = 0
  var second = 0
  var hasTime = false
  var secondOfDay: Int64 = 0
}

/// The order of day and month in non-ISO dates.
enum DateOrder: UInt8, Sendable {
  case monthFirst, dayFirst
}

extension FieldScanner {
  /// Recognises a date, optionally followed by ` HH:MM[:SS[.fff]]` or `THH:MM...` and `Z`.
  ///
  /// For non-ISO shapes both fields must be 1-31 and not both above 12; the calendar check waits
  /// until the column's order is known (`days(_:order:)`). ISO dates are checked here.
  static func dateTime(_ p: UnsafePointer<UInt8>, _ a: Int, _ b: Int) -> DateScan {
    var r = DateScan()
    guard b - a >= 8, p[a] &- 48 < 10 else { return r }
    var i = a
    func digits(_ maxLen: Int) -> (Int, Int) {
      var v = 0
      var n = 0
      while i < b && n < maxLen, p[i] &- 48 < 10 {
        v = v * 10 + Int(p[i] &- 48)
        n += 1
        i += 1
      }
      return (v, n)
    }
    let (x, nx) = digits(4)
    guard i < b else { return r }
    let sep = p[i]
    guard sep == 45 || sep == 47 || sep == 46 else { return r }
    i += 1
    let (y, ny) = digits(2)
    guard ny > 0, i < b, p[i] == sep else { return r }
    i += 1
    if nx == 4 {
      guard sep != 46 else { return r }
      let (z, nz) = digits(2)
      guard nz > 0, CivilDate.days(year: x, month: y, day: z) != nil else { return r }
      r.shape = .iso
      r.year = x
      r.first = y
      r.second = z
    } else {
      guard nx <= 2 else { return r }
      let (z, nz) = digits(4)
      guard nz == 4, x >= 1, y >= 1, x <= 31, y <= 31, x <= 12 || y <= 12 else { return r }
      r.shape = sep == 47 ? .slash : sep == 45 ? .dash : .dot
      r.year = z
      r.first = x
      r.second = y
    }
    if i < b && (p[i] == 32 || p[i] == 84) {
      i += 1
      let (h, nh) = digits(2)
      guard nh > 0, h < 24, i < b, p[i] == 58 else { return r }
      i += 1
      let (m, nm) = digits(2)
      guard nm == 2, m < 60 else { return r }
      var s = 0
      if i < b && p[i] == 58 {
        i += 1
        let (sv, ns) = digits(2)
        guard ns == 2, sv < 61 else { return r }
        s = min(sv, 59)
        if i < b && p[i] == 46 {
          i += 1
          while i < b, p[i] &- 48 < 10 { i += 1 }
        }
      }
      if i < b && p[i] == 90 { i += 1 }  // 'Z': the time is kept as written, without a zone
      r.hasTime = true
      r.secondOfDay = Int64(h * 3600 + m * 60 + s)
    }
    guard i == b else { return r }
    r.ok = true
    return r
  }

  /// The day number of a scanned date, or nil when it does not exist in the calendar.
  @inline(__always)
  static func days(_ d: DateScan, order: DateOrder) -> Int32? {
    switch d.shape {
    case .iso: CivilDate.days(year: d.year, month: d.first, day: d.second)
    default:
      order == .dayFirst
        ? CivilDate.days(year: d.year, month: d.second, day: d.first)
        : CivilDate.days(year: d.year, month: d.first, day: d.second)
    }
  }
}
