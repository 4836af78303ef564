import Columnar
import Foundation
import Testing

@testable import Spreadsheet

/// A fresh directory for a test's files, removed by the caller.
func scratchDirectory() throws -> URL {
  let url = FileManager.default.temporaryDirectory.appendingPathComponent("seg-xlsx-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}

/// Every column's name, type and every value, so two tables can be compared with one `#expect`.
func contents(_ table: Table) -> [String] {
  table.columns.map { column in
    "\(column.name): \(column.type.displayName) = "
      + (0..<column.count).map { column.isNull($0) ? "null" : "\(column.value(at: $0))" }.joined(
        separator: " | ")
  }
}

/// A workbook assembled part by part, for shapes seg's writer never makes (inline strings, styles,
/// formulas, sparse cells, two sheets, the 1904 system).
struct HandMadeWorkbook {
  var sheets: [(name: String, xml: String)]
  var sharedStrings: [String] = []
  /// `numFmt` entries (id, code) and `cellXfs` number format ids, in style order.
  var numberFormats: [(Int, String)] = []
  var cellFormats: [Int] = [0]
  var uses1904 = false

  func bytes() -> [UInt8] {
    let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    var zip = ZipWriter()
    zip.add(
      "_rels/.rels",
      Array(
        (#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
          + #"<Relationship Id="rId1" Type="\#(rel)/officeDocument" Target="xl/workbook.xml"/></Relationships>"#)
          .utf8))
    var workbook = #"<workbook xmlns="\#(main)" xmlns:r="\#(rel)">"#
    if uses1904 { workbook += #"<workbookPr date1904="1"/>"# }
    workbook += "<sheets>"
    var rels = #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
    for (i, sheet) in sheets.enumerated() {
      workbook += #"<sheet name="\#(sheet.name)" sheetId="\#(i + 1)" r:id="rId\#(i + 1)"/>"#
      rels +=
        #"<Relationship Id="rId\#(i + 1)" Type="\#(rel)/worksheet" Target="worksheets/sheet\#(i + 1).xml"/>"#
      zip.add(
        "xl/worksheets/sheet\(i + 1).xml",
        Array(#"<worksheet xmlns="\#(main)"><sheetData>\#(sheet.xml)</sheetData></worksheet>"#.utf8))
    }
    workbook += "</sheets></workbook>"
    rels += #"<Relationship Id="rS" Type="\#(rel)/styles" Target="styles.xml"/>"#
    rels += #"<Relationship Id="rT" Type="\#(rel)/sharedStrings" Target="sharedStrings.xml"/>"#
    rels += "</Relationships>"
    zip.add("xl/workbook.xml", Array(workbook.utf8))
    zip.add("xl/_rels/workbook.xml.rels", Array(rels.utf8))
    var styles = #"<styleSheet xmlns="\#(main)"><numFmts>"#
    for (id, code) in numberFormats { styles += #"<numFmt numFmtId="\#(id)" formatCode="\#(code)"/>"# }
    styles += #"</numFmts><cellStyleXfs><xf numFmtId="22"/></cellStyleXfs><cellXfs>"#
    for id in cellFormats { styles += #"<xf numFmtId="\#(id)" fontId="0"/>"# }
    styles += "</cellXfs></styleSheet>"
    zip.add("xl/styles.xml", Array(styles.utf8))
    let strings = sharedStrings.map { "<si><t>\($0)</t></si>" }.joined()
    zip.add("xl/sharedStrings.xml", Array(#"<sst xmlns="\#(main)">\#(strings)</sst>"#.utf8))
    return zip.finish()
  }

  /// Writes the workbook to `name` in `directory` and returns its path.
  func write(to directory: URL, _ name: String) throws -> String {
    let url = directory.appendingPathComponent(name)
    try Data(bytes()).write(to: url)
    return url.path
  }
}
