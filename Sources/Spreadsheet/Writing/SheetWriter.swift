import Columnar

/// The worksheet part of an exported table: a bold, frozen header row, then one row per table row.
struct SheetWriter {
  let table: Table
  let rows: [Int]?

  /// The number of rows measured for column widths: enough to see typical values, cheap on millions.
  static let widthSample = 1_000

  /// The worksheet's XML; strings go into `strings`.
  /// - Complexity: O(rows × columns).
  func xml(strings: inout SharedStringTable) -> [UInt8] {
    let columns = table.columns
    let rowCount = rows?.count ?? table.rowCount
    let letters = (0..<columns.count).map { Array(Self.columnName($0 + 1).utf8) }
    // Dictionary codes to shared string indexes, filled as codes are first met (a segment may use
    // few of a column's values).
    var stringIndex = columns.map { column -> [Int32] in
      switch column.storage {
      case .string(_, let dictionary), .list(_, _, let dictionary):
        [Int32](repeating: -1, count: dictionary.count)
      default: []
      }
    }
    var out = XMLWriter()
    out.bytes.reserveCapacity(rowCount * columns.count * 24 + 4096)
    out.raw(XMLWriter.declaration)
    out.raw(#"<worksheet xmlns="\#(Package.main)" xmlns:r="\#(Package.relationships)">"#)
    let last = columns.isEmpty ? "A1" : "\(Self.columnName(columns.count))\(rowCount + 1)"
    out.raw(#"<dimension ref="A1:\#(last)"/>"#)
    out.raw(#"<sheetViews><sheetView workbookViewId="0">"#)
    out.raw(#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#)
    out.raw(#"<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>"#)
    out.raw(#"<sheetFormatPr defaultRowHeight="15"/>"#)
    if !columns.isEmpty {
      out.raw("<cols>")
      for (j, column) in columns.enumerated() {
        out.raw(#"<col min="\#(j + 1)" max="\#(j + 1)" width="\#(width(column))" customWidth="1"/>"#)
      }
      out.raw("</cols>")
    }
    out.raw(#"<sheetData><row r="1">"#)
    for (j, column) in columns.enumerated() {
      out.raw(#"<c r=""#)
      out.raw(letters[j])
      out.raw(#"1" s="\#(Package.Style.header)" t="s"><v>"#)
      out.number(strings.add(column.name))
      out.raw("</v></c>")
    }
    out.raw("</row>")
    for n in 0..<rowCount {
      let r = rows?[n] ?? n
      let rowNumber = n + 2
      out.raw(#"<row r=""#)
      out.number(rowNumber)
      out.raw(#"">"#)
      for (j, column) in columns.enumerated() where !column.isNull(r) {
        cell(column, r, reference: letters[j], rowNumber, &stringIndex[j], &strings, &out)
      }
      out.raw("</row>")
    }
    out.raw("</sheetData></worksheet>")
    return out.bytes
  }

  private func cell(
    _ column: Column, _ r: Int, reference: [UInt8], _ rowNumber: Int, _ codes: inout [Int32],
    _ strings: inout SharedStringTable, _ out: inout XMLWriter
  ) {
    func open(_ attributes: String) {
      out.raw(#"<c r=""#)
      out.raw(reference)
      out.number(rowNumber)
      out.raw(attributes)
    }
    func shared(_ code: Int, _ text: () -> String) {
      if codes[code] < 0 { codes[code] = Int32(strings.add(text())) } else { strings.reuse() }
      open(#"" t="s"><v>"#)
      out.number(Int(codes[code]))
      out.raw("</v></c>")
    }
    // A value Excel cannot hold as a date, written as text (which loads back as the same date).
    func inline(_ text: String) {
      open(#"" t="inlineStr"><is><t>"#)
      out.text(text)
      out.raw("</t></is></c>")
    }
    switch column.storage {
    case .int(let values):
      open(#""><v>"#)
      out.raw(String(values[r]))
      out.raw("</v></c>")
    case .double(let values):
      // Excel has no NaN or infinity; such a value is left out, as a null.
      guard values[r].isFinite else { return }
      open(#""><v>"#)
      out.raw(DoubleFormat.string(values[r]))
      out.raw("</v></c>")
    case .bool(let bits):
      open(bits[r] ? #"" t="b"><v>1</v></c>"# : #"" t="b"><v>0</v></c>"#)
    case .date(let days):
      guard let serial = Self.serial(days: Int(days[r])) else {
        inline(CivilDate.format(days: days[r]))
        return
      }
      open(#"" s="\#(Package.Style.date)"><v>"#)
      out.number(serial)
      out.raw("</v></c>")
    case .timestamp(let seconds):
      let (days, secondOfDay) = CivilDate.splitTimestamp(seconds[r])
      guard let serial = Self.serial(days: Int(days)) else {
        inline(CivilDate.formatTimestamp(seconds[r]))
        return
      }
      open(#"" s="\#(Package.Style.timestamp)"><v>"#)
      out.raw(DoubleFormat.string(Double(serial * 86_400 + Int(secondOfDay)) / 86_400))
      out.raw("</v></c>")
    case .string(let values, let dictionary):
      let code = Int(values[r])
      shared(code) { dictionary[code] }
    case .list:
      // Lists are text joined with `;`, as in CSV; their items repeat but their combinations vary.
      open(#"" t="s"><v>"#)
      out.number(strings.add(column.value(at: r).description))
      out.raw("</v></c>")
    }
  }

  /// Excel's serial for a day (days since 1970-01-01) in the 1900 date system; nil before
  /// 1900-03-01, where Excel's calendar has a day that never was, and after 9999-12-31.
  static func serial(days: Int) -> Int? {
    let serial = days - ExcelDate.epoch1900
    return serial >= 61 && serial <= 2_958_465 ? serial : nil
  }

  /// `1` → `A`, `27` → `AA`.
  static func columnName(_ number: Int) -> String {
    var n = number
    var letters: [UInt8] = []
    while n > 0 {
      n -= 1
      letters.append(65 + UInt8(n % 26))
      n /= 26
    }
    return String(decoding: letters.reversed(), as: UTF8.self)
  }

  /// A column's width in characters: its header or its widest value among the first rows, plus a
  /// margin, between 8 and 60.
  private func width(_ column: Column) -> Int {
    var widest = column.name.count + 2  // the header is bold
    let sample = min(rows?.count ?? table.rowCount, Self.widthSample)
    for n in 0..<sample {
      let r = rows?[n] ?? n
      if column.isNull(r) { continue }
      let length: Int
      switch column.storage {
      case .date: length = 10
      case .timestamp: length = 19
      case .bool: length = 5
      case .string(let codes, let dictionary): length = dictionary[Int(codes[r])].count
      default: length = column.value(at: r).description.count
      }
      widest = max(widest, length)
    }
    return min(60, max(8, widest + 2))
  }
}
