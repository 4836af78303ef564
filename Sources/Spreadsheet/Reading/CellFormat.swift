import Columnar

/// How a cell's number is meant, read from its style's number format: Excel stores dates and times
/// as day counts (serials) and only the format says a number is one.
enum CellFormat: Equatable {
  case number
  case date
  case dateTime
  /// A time of day or a duration (`h:mm`, `[h]:mm:ss`), read as text `HH:MM:SS`.
  case time

  /// The format of each built-in number format id that is a date or time (ECMA-376 part 1,
  /// 18.8.30); 27-36 and 50-58 are the East Asian date formats.
  static func builtIn(_ id: Int) -> CellFormat {
    switch id {
    case 14...17, 27...31, 34...36, 50...58: .date
    case 22: .dateTime
    case 18...21, 32, 33, 45...47: .time
    default: .number
    }
  }

  /// The format a format code describes: date parts (`y`, `d`, or `m` with no hour or second
  /// beside it) and time parts (`h`, `s`, elapsed `[h]`), outside quoted text, escapes and brackets.
  /// Only the first section counts (the one for positive numbers).
  static func of(code: String) -> CellFormat {
    var date = false
    var time = false
    var month = false
    var bytes = Array(code.utf8).makeIterator()
    scan: while let c = bytes.next() {
      switch c >= 65 && c <= 90 ? c | 0x20 : c {
      case 34:  // `"` quoted text
        while let q = bytes.next(), q != 34 {}
      case 92, 95, 42:  // `\x` escape, `_x` padding, `*x` fill
        _ = bytes.next()
      case 91:  // `[...]`: colour, locale or condition, or an elapsed time `[h]`
        var inside: [UInt8] = []
        while let q = bytes.next(), q != 93 { inside.append(q | 0x20) }
        if let first = inside.first, inside.allSatisfy({ $0 == first }), [104, 109, 115].contains(first) {
          time = true
        }
      case 59:  // `;` ends the first section
        break scan
      case 121, 100: date = true  // y, d
      case 104, 115: time = true  // h, s
      case 109: month = true  // m: month, or minutes beside h or s
      default: break
      }
    }
    // `General` has no date letters but an `e`; a lone `m` (`mmm`) is a month.
    if month && !time { date = true }
    switch (date, time) {
    case (true, true): return .dateTime
    case (true, false): return .date
    case (false, true): return .time
    case (false, false): return .number
    }
  }

  /// By `cellXfs` index, the format of every cell style in a `styles.xml` part.
  static func styles(_ bytes: [UInt8]) -> [CellFormat] {
    bytes.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return [] }
      var xml = XMLScanner(base, count: buffer.count)
      var custom: [Int: CellFormat] = [:]
      var styles: [CellFormat] = []
      var inCellStyles = false
      while let tag = xml.next() {
        if xml.is(tag, "cellXfs") {
          inCellStyles = !tag.isEnd && !tag.isEmpty
        } else if tag.isEnd {
          continue
        } else if xml.is(tag, "numFmt"), let id = xml.attributeInt("numFmtId", of: tag) {
          custom[id] = of(code: xml.attributeText("formatCode", of: tag) ?? "")
        } else if inCellStyles, xml.is(tag, "xf") {
          let id = xml.attributeInt("numFmtId", of: tag) ?? 0
          styles.append(custom[id] ?? builtIn(id))
        }
      }
      return styles
    }
  }
}

/// Excel's day counts as the CSV reader's date text.
enum ExcelDate {
  /// 1899-12-30 and 1904-01-01 as days since 1970-01-01.
  static let epoch1900 = -25_569
  static let epoch1904 = -24_107

  /// The text for `serial` under `format` (`.date`, `.dateTime` or `.time`): `2024-03-01`,
  /// `2024-03-01 14:30:00` or `14:30:00`; nil for a number no date can have.
  ///
  /// Serials before 1900-03-01 follow Lotus 1-2-3's belief that 1900 was a leap year, as Excel
  /// does: serial 1 is 1900-01-01, 59 is 1900-02-28, and 60, the day that never was, reads as 02-28.
  static func text(serial: Double, format: CellFormat, uses1904: Bool) -> String? {
    guard serial.isFinite, abs(serial) < 3_000_000 else { return nil }
    let seconds = Int64((serial * 86_400).rounded())
    var days = Int(seconds.floorDivided(by: 86_400))
    let secondOfDay = Int(seconds - Int64(days) * 86_400)
    if format == .time {
      // A duration may pass 24 hours (`[h]:mm`); hours are then counted on.
      let total = Int(seconds)
      guard total >= 0 else { return nil }
      return "\(pad(total / 3600)):\(pad(total / 60 % 60)):\(pad(total % 60))"
    }
    if uses1904 {
      days += epoch1904
    } else {
      days += days < 61 ? epoch1900 + 1 : epoch1900
      if serial >= 60 && serial < 61 { days -= 1 }
    }
    guard let day32 = Int32(exactly: days) else { return nil }
    let date = CivilDate.format(days: day32)
    if format == .date { return date }
    return date + " \(pad(secondOfDay / 3600)):\(pad(secondOfDay / 60 % 60)):\(pad(secondOfDay % 60))"
  }

  private static func pad(_ v: Int) -> String { v < 10 ? "0\(v)" : String(v) }
}

extension Int64 {
  fileprivate func floorDivided(by d: Int64) -> Int64 {
    let q = self / d
    return (self % d != 0 && (self < 0) != (d < 0)) ? q - 1 : q
  }
}
