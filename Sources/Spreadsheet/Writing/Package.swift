/// The fixed parts of a one-sheet workbook: content types, relationships, the workbook and styles.
enum Package {
  static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
  static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

  static let contentTypes =
    XMLWriter.declaration
    + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
    + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
    + #"<Default Extension="xml" ContentType="application/xml"/>"#
    + #"<Override PartName="/xl/workbook.xml" "#
    + #"ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
    + #"<Override PartName="/xl/worksheets/sheet1.xml" "#
    + #"ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
    + #"<Override PartName="/xl/styles.xml" "#
    + #"ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
    + #"<Override PartName="/xl/sharedStrings.xml" "#
    + #"ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>"#
    + "</Types>"

  static let rootRelationships =
    XMLWriter.declaration
    + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
    + #"<Relationship Id="rId1" Type="\#(relationships)/officeDocument" Target="xl/workbook.xml"/>"#
    + "</Relationships>"

  static let workbookRelationships =
    XMLWriter.declaration
    + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
    + #"<Relationship Id="rId1" Type="\#(relationships)/worksheet" Target="worksheets/sheet1.xml"/>"#
    + #"<Relationship Id="rId2" Type="\#(relationships)/styles" Target="styles.xml"/>"#
    + #"<Relationship Id="rId3" Type="\#(relationships)/sharedStrings" Target="sharedStrings.xml"/>"#
    + "</Relationships>"

  static func workbook(sheetName: String) -> [UInt8] {
    var out = XMLWriter()
    out.raw(XMLWriter.declaration)
    out.raw(#"<workbook xmlns="\#(main)" xmlns:r="\#(relationships)">"#)
    out.raw(#"<bookViews><workbookView/></bookViews><sheets><sheet name=""#)
    out.text(sheetName)
    out.raw(#"" sheetId="1" r:id="rId1"/></sheets></workbook>"#)
    return out.bytes
  }

  /// Cell style indexes in `styles`.
  enum Style {
    static let header = 1
    static let date = 2
    static let timestamp = 3
  }

  /// Four cell styles: plain, bold (the header), a date and a date with a time.
  static let styles =
    XMLWriter.declaration
    + #"<styleSheet xmlns="\#(main)">"#
    + #"<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/>"#
    + #"<numFmt numFmtId="165" formatCode="yyyy-mm-dd hh:mm:ss"/></numFmts>"#
    + #"<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>"#
    + #"<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>"#
    + #"<fills count="2"><fill><patternFill patternType="none"/></fill>"#
    + #"<fill><patternFill patternType="gray125"/></fill></fills>"#
    + #"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#
    + #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
    + #"<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#
    + #"<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>"#
    + #"<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#
    + #"<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>"#
    + #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#
    + "</styleSheet>"
}
