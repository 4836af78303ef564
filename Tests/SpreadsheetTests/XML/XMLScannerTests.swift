import Testing

@testable import Spreadsheet

@Suite("XML scanner")
struct XMLScannerTests {
  /// The text of the first `<t>` in `xml`, decoded.
  func text(_ xml: String) -> String {
    let bytes = Array(xml.utf8)
    return bytes.withUnsafeBufferPointer { buffer in
      var scanner = XMLScanner(buffer.baseAddress!, count: buffer.count)
      var out: [UInt8] = []
      XMLText.appendRichText(&scanner, closing: "si", into: &out)
      return String(decoding: out, as: UTF8.self)
    }
  }

  @Test func entitiesAndCharacterReferencesAreDecoded() {
    #expect(text("<si><t>a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;</t></si>") == #"a & b <c> "d" 'e'"#)
    #expect(text("<si><t>&#233;t&#xE9; &#x1F600; &#13;</t></si>") == "été 😀 \r")
    #expect(text("<si><t>&unknown; &#xZZ;</t></si>") == "&unknown; &#xZZ;")
  }

  @Test func richTextRunsJoinAndPhoneticGuidesAreLeftOut() {
    #expect(
      text(
        #"<si><r><rPr><b/></rPr><t>Ta</t></r><r><t xml:space="preserve">naka </t></r><rPh sb="0"><t>タナカ</t></rPh></si>"#
      )
        == "Tanaka ")
  }

  @Test func cdataIsTextAndCommentsAreNot() {
    #expect(text("<si><t><![CDATA[a<b & c]]><!-- note --> d</t></si>") == "a<b & c d")
  }

  @Test func prefixedNamesAndAttributesInEitherQuotes() {
    let bytes = Array(#"<x:row r='7' x:spans="1:2"><x:c r="B7"/></x:row>"#.utf8)
    bytes.withUnsafeBufferPointer { buffer in
      var xml = XMLScanner(buffer.baseAddress!, count: buffer.count)
      let row = xml.next()!
      #expect(xml.is(row, "row"))
      #expect(xml.attributeInt("r", of: row) == 7)
      #expect(xml.attributeText("spans", of: row) == "1:2")
      let cell = xml.next()!
      #expect(xml.is(cell, "c") && cell.isEmpty)
      #expect(xml.attributeText("r", of: cell) == "B7")
      #expect(xml.attribute("t", of: cell) == nil)
      #expect(xml.next()!.isEnd)
      #expect(xml.next() == nil)
    }
  }

  @Test func officeEscapesUnescapeAndProtectedUnderscoresSurvive() {
    var bytes = Array("a_x000D_b_x005F_x0041_ _xD83D__xDE00_ _x12_".utf8)
    OfficeEscapes.unescape(&bytes)
    #expect(String(decoding: bytes, as: UTF8.self) == "a\rb_x0041_ 😀 _x12_")
  }
}
