/// A worksheet's cells as text, in row order: what the sheet would say if it were saved as CSV.
///
/// Each cell's value becomes the text the CSV reader would see for it: shared and inline strings
/// decoded, booleans `true`/`false`, dates and times from their serials as `2024-03-01` or
/// `2024-03-01 14:30:00` (by the style's number format and the workbook's date system), numbers as
/// stored (shortest round-trip text), formulas by their cached value. Error values (`#N/A`) and empty
/// cells are left out, so they load as nulls.
struct SheetCells {
  /// Cell values, one after another; cell `k` is `text[ends[k - 1]..<ends[k]]`.
  private(set) var text: [UInt8] = []
  private(set) var ends: [Int] = []
  /// 1-based row and column of each cell.
  private(set) var rows: [Int32] = []
  private(set) var columns: [Int32] = []

  /// The number of cells that hold a value.
  var count: Int { ends.count }

  /// The bytes of all values together.
  var textCount: Int { text.count }

  /// The first and last rows with a value and the rightmost column with one (1-based); the sheet
  /// must have a value.
  var span: (firstRow: Int, lastRow: Int, columns: Int) {
    (Int(rows[0]), Int(rows[count - 1]), Int(columns.max()!))
  }

  /// The bytes of cell `k`.
  func value(_ k: Int) -> Range<Int> { (k == 0 ? 0 : ends[k - 1])..<ends[k] }

  /// Scans the `<sheetData>` of a worksheet part.
  /// - Parameter interruption: polled every 65,536 cells; when it returns true, scanning stops and
  ///   the result is nil.
  /// - Complexity: O(part size).
  static func scan(
    _ part: UnsafeBufferPointer<UInt8>, workbook: WorkbookParts, interruption: (@Sendable () -> Bool)?
  ) -> SheetCells? {
    var cells = SheetCells()
    guard let base = part.baseAddress else { return cells }
    cells.text.reserveCapacity(part.count / 4)
    var xml = XMLScanner(base, count: part.count)
    var row = 0
    var nextColumn = 1
    var inData = false
    var ordered = true
    while let tag = xml.next() {
      if xml.is(tag, "sheetData") {
        if tag.isEnd || tag.isEmpty { break }
        inData = true
        continue
      }
      guard inData, !tag.isEnd else { continue }
      if xml.is(tag, "row") {
        row = xml.attributeInt("r", of: tag) ?? row + 1
        nextColumn = 1
      } else if xml.is(tag, "c") {
        var column = nextColumn
        if let reference = xml.attribute("r", of: tag), let (c, r) = Self.reference(xml.p, reference) {
          column = c
          row = r
        }
        nextColumn = column + 1
        if tag.isEmpty { continue }
        let before = cells.text.count
        cells.readValue(&xml, cell: tag, workbook: workbook)
        guard cells.text.count > before, row > 0, row <= Int(Int32.max), column <= Int(Int32.max) else {
          continue
        }
        if let lastRow = cells.rows.last,
          Int(lastRow) > row || (Int(lastRow) == row && Int(cells.columns.last!) >= column)
        {
          ordered = false
        }
        cells.ends.append(cells.text.count)
        cells.rows.append(Int32(row))
        cells.columns.append(Int32(column))
        if cells.count & 0xFFFF == 0, let interruption, interruption() { return nil }
      }
    }
    if !ordered { cells.sort() }
    return cells
  }

  /// Appends the value of the cell whose start tag is `cell`, reading up to its end tag.
  private mutating func readValue(_ xml: inout XMLScanner, cell: XMLScanner.Tag, workbook: WorkbookParts) {
    let type = xml.attribute("t", of: cell)
    let kind = type.map { xml.p[$0.lowerBound] } ?? 110
    let isFormulaString = type.map { $0.count == 3 } ?? false
    let start = text.count
    while let tag = xml.next() {
      if tag.isEnd {
        if xml.is(tag, "c") { break }
        continue
      }
      if xml.is(tag, "v") {
        guard !tag.isEmpty, let close = xml.next() else { continue }
        append(value: tag.end..<close.start, kind: kind, formulaString: isFormulaString, xml, cell, workbook)
      } else if xml.is(tag, "is") {
        guard !tag.isEmpty else { continue }
        XMLText.appendRichText(&xml, closing: "is", into: &text)
        OfficeEscapes.unescape(&text, from: start)
      } else {
        xml.skip(tag)  // a formula's text, or an extension list
      }
    }
  }

  private mutating func append(
    value: Range<Int>, kind: UInt8, formulaString: Bool, _ xml: XMLScanner, _ cell: XMLScanner.Tag,
    _ workbook: WorkbookParts
  ) {
    let p = xml.p
    switch kind {
    case 115 where formulaString:  // t="str": a formula's text result
      let start = text.count
      xml.decode(value, into: &text)
      OfficeEscapes.unescape(&text, from: start)
    case 115:  // t="s": an index into the shared strings
      var index = 0
      for i in value {
        let d = p[i] &- 48
        guard d < 10, index < Int(Int32.max) else { return }
        index = index * 10 + Int(d)
      }
      guard !value.isEmpty, index < workbook.sharedStrings.count else { return }
      text.append(contentsOf: workbook.sharedStrings.bytes[workbook.sharedStrings.range(index)])
    case 98:  // t="b"
      text.append(contentsOf: value.first.map { p[$0] == 49 } == true ? Self.trueText : Self.falseText)
    case 101:  // t="e": #N/A, #DIV/0! and the like have no value
      return
    case 100:  // t="d": ISO 8601 text
      appendISODate(value, xml)
    default:  // t="n" or none: a number, perhaps a date by its style
      var a = value.lowerBound
      var b = value.upperBound
      while a < b, XMLScanner.isSpace(p[a]) { a += 1 }
      while b > a, XMLScanner.isSpace(p[b - 1]) { b -= 1 }
      guard a < b else { return }
      let style = xml.attributeInt("s", of: cell) ?? 0
      let format = style < workbook.styles.count ? workbook.styles[style] : .number
      if format != .number,
        let serial = Double(String(decoding: UnsafeBufferPointer(start: p + a, count: b - a), as: UTF8.self)),
        let date = ExcelDate.text(serial: serial, format: format, uses1904: workbook.uses1904)
      {
        text.append(contentsOf: date.utf8)
      } else {
        text.append(contentsOf: UnsafeBufferPointer(start: p + a, count: b - a))
      }
    }
  }

  /// `2024-03-01T00:00:00` reads as the date alone; with a time of day, as `2024-03-01 14:30:00`.
  private mutating func appendISODate(_ value: Range<Int>, _ xml: XMLScanner) {
    var bytes: [UInt8] = []
    xml.decode(value, into: &bytes)
    guard let t = bytes.firstIndex(of: 84) else {
      text.append(contentsOf: bytes)
      return
    }
    let time = bytes[(t + 1)...]
    if time.allSatisfy({ $0 == 48 || $0 == 58 || $0 == 46 || $0 == 90 }) {
      text.append(contentsOf: bytes[..<t])
    } else {
      bytes[t] = 32
      text.append(contentsOf: bytes)
    }
  }

  /// `AB12` → column 28, row 12; nil for anything else (`$A$1` is not used in cell references).
  static func reference(_ p: UnsafePointer<UInt8>, _ range: Range<Int>) -> (column: Int, row: Int)? {
    var i = range.lowerBound
    var column = 0
    while i < range.upperBound, (p[i] | 0x20) &- 97 < 26, column < 1 << 20 {
      column = column * 26 + Int((p[i] | 0x20) &- 96)
      i += 1
    }
    var row = 0
    let digits = i
    while i < range.upperBound, p[i] &- 48 < 10, row < Int(Int32.max) {
      row = row * 10 + Int(p[i] &- 48)
      i += 1
    }
    guard column > 0, i > digits, i == range.upperBound else { return nil }
    return (column, row)
  }

  /// Puts cells written out of order (rare, but not forbidden) in row and column order; of two
  /// values for the same cell, the later one wins.
  private mutating func sort() {
    let order = (0..<count).sorted {
      (rows[$0], columns[$0], $0) < (rows[$1], columns[$1], $1)
    }
    var sorted = SheetCells()
    for (n, k) in order.enumerated() {
      if n + 1 < order.count, rows[order[n + 1]] == rows[k], columns[order[n + 1]] == columns[k] { continue }
      sorted.text.append(contentsOf: text[value(k)])
      sorted.ends.append(sorted.text.count)
      sorted.rows.append(rows[k])
      sorted.columns.append(columns[k])
    }
    self = sorted
  }

  private static let trueText = Array("true".utf8)
  private static let falseText = Array("false".utf8)
}
