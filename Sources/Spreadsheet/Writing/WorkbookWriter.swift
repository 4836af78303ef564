import Columnar

#if canImport(Glibc)
  import Glibc
#endif

/// Writes a table as an Excel workbook (.xlsx) of one worksheet.
///
/// Cells keep their types: Int and Double as numbers, Bool as booleans, dates and timestamps as day
/// serials with a `yyyy-mm-dd` (`yyyy-mm-dd hh:mm:ss`) format, text and lists (joined with `;`) as
/// shared strings, nulls as no cell. The header row is bold and frozen, and columns are as wide as
/// their header and first thousand values. `WorkbookReader` reads the file back to the same table.
public enum WorkbookWriter {
  /// The most rows a worksheet holds, the header included (Excel's limit).
  public static let maxRows = 1_048_576
  /// The most columns a worksheet holds (Excel's limit, column XFD).
  public static let maxColumns = 16_384

  /// Writes `table` to `path` atomically (see `AtomicFile`): a failure leaves no partial file behind.
  /// - Parameters:
  ///   - rows: the rows to write, in this order; `nil` writes all.
  ///   - sheetName: the worksheet's name, made valid for Excel; nil uses the table's name.
  /// - Returns: the number of bytes written.
  /// - Throws: `WriteError` for more rows or columns than a worksheet holds, or the system's reason.
  /// - Complexity: O(rows × columns).
  @discardableResult
  public static func write(_ table: Table, rows: [Int]? = nil, sheetName: String? = nil, to path: String)
    throws(WriteError) -> Int
  {
    let bytes = try encode(table, rows: rows, sheetName: sheetName, file: path)
    try WriteError.export(bytes, to: path)
    return bytes.count
  }

  /// The bytes `write` would put in the file.
  /// - Throws: `WriteError` for more rows or columns than a worksheet holds.
  public static func encode(
    _ table: Table, rows: [Int]? = nil, sheetName: String? = nil, file: String = "<memory>"
  ) throws(WriteError) -> [UInt8] {
    let rowCount = rows?.count ?? table.rowCount
    guard rowCount < maxRows else {
      throw WriteError(
        file: file,
        message: "\(rowCount) rows do not fit in an Excel worksheet, which holds \(maxRows - 1) under its "
          + "header; export a segment, or write .csv")
    }
    guard table.columns.count <= maxColumns else {
      throw WriteError(
        file: file,
        message:
          "\(table.columns.count) columns do not fit in an Excel worksheet, which holds \(maxColumns); "
          + "write .csv instead")
    }
    var strings = SharedStringTable()
    let sheet = SheetWriter(table: table, rows: rows).xml(strings: &strings)
    let name = validSheetName(sheetName ?? table.name)
    var zip = ZipWriter()
    zip.add("[Content_Types].xml", Array(Package.contentTypes.utf8))
    zip.add("_rels/.rels", Array(Package.rootRelationships.utf8))
    zip.add("xl/workbook.xml", Package.workbook(sheetName: name))
    zip.add("xl/_rels/workbook.xml.rels", Array(Package.workbookRelationships.utf8))
    zip.add("xl/styles.xml", Array(Package.styles.utf8))
    zip.add("xl/worksheets/sheet1.xml", sheet)
    zip.add("xl/sharedStrings.xml", strings.xml())
    return zip.finish()
  }

  /// A name Excel accepts for a sheet: at most 31 characters, none of `[ ] : * ? / \`, not starting
  /// or ending with an apostrophe, not empty.
  static func validSheetName(_ name: String) -> String {
    var s = String(name.filter { !"[]:*?/\\".contains($0) }.prefix(31))
    while s.hasPrefix("'") { s.removeFirst() }
    while s.hasSuffix("'") { s.removeLast() }
    return s.isEmpty ? "Sheet1" : s
  }
}

/// The strings of a workbook, each stored once and referred to by index from the cells.
struct SharedStringTable {
  private var index: [String: Int] = [:]
  private var order: [String] = []
  /// Cells that refer to a string, which the part states beside the number of distinct strings.
  private var references = 0

  /// The index of `s`, added if new.
  mutating func add(_ s: String) -> Int {
    references += 1
    if let i = index[s] { return i }
    index[s] = order.count
    order.append(s)
    return order.count - 1
  }

  /// Counts one more cell referring to a string already added.
  mutating func reuse() { references += 1 }

  func xml() -> [UInt8] {
    var out = XMLWriter()
    out.raw(XMLWriter.declaration)
    out.raw(#"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count=""#)
    out.number(references)
    out.raw(#"" uniqueCount=""#)
    out.number(order.count)
    out.raw(#"">"#)
    for s in order {
      let edges = s.first.map(\.isWhitespace) == true || s.last.map(\.isWhitespace) == true
      out.raw(edges ? #"<si><t xml:space="preserve">"# : "<si><t>")
      out.text(s)
      out.raw("</t></si>")
    }
    out.raw("</sst>")
    return out.bytes
  }
}
