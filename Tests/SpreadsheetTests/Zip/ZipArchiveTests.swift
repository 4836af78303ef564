import Testing

@testable import Spreadsheet

@Suite("Zip archive")
struct ZipArchiveTests {
  /// Sizes around deflate's block and window sizes, and empty and tiny parts, which are stored.
  @Test(arguments: [0, 1, 63, 64, 65, 32_767, 32_768, 65_537, 1 << 20])
  func whatIsWrittenReadsBack(size: Int) throws {
    var random = SystemRandomNumberGenerator()
    // Half repetitive text, half noise, so both deflate and store paths are taken.
    let text = (0..<size).map { $0 % 2 == 0 ? UInt8($0 % 7 + 65) : UInt8.random(in: 0...255, using: &random) }
    var writer = ZipWriter()
    writer.add("a/part.xml", text)
    writer.add("[Content_Types].xml", Array("<Types/>".utf8))
    let bytes = writer.finish()
    try bytes.withUnsafeBytes { raw in
      let archive = try ZipArchive(raw)
      #expect(try archive.contents(of: "a/part.xml") == text)
      #expect(try archive.contents(of: "A/PART.XML") == text, "part names ignore case")
      #expect(try archive.contents(of: "[Content_Types].xml") == Array("<Types/>".utf8))
      #expect(try archive.contents(of: "missing.xml") == nil)
    }
  }

  @Test func aChangedByteFailsTheChecksumOrTheInflate() throws {
    var writer = ZipWriter()
    writer.add("x.xml", Array(String(repeating: "<row><c>1</c></row>", count: 100).utf8))
    var bytes = writer.finish()
    bytes[40] ^= 0xFF  // inside the deflated data, after the 30-byte header and 5-byte name
    bytes.withUnsafeBytes { raw in
      #expect(throws: ZipArchive.Problem.self) {
        let archive = try ZipArchive(raw)
        _ = try archive.contents(of: "x.xml")
      }
    }
  }

  @Test func bytesWithNoDirectoryAreNotAZip() {
    let text = Array("name,age\nAda,36\n".utf8)
    text.withUnsafeBytes { raw in
      #expect(throws: ZipArchive.Problem.notZip) { _ = try ZipArchive(raw) }
    }
  }

  @Test func theSameTableGivesTheSameBytes() {
    func archive() -> [UInt8] {
      var writer = ZipWriter()
      writer.add("a.xml", Array("<a/>".utf8))
      return writer.finish()
    }
    #expect(archive() == archive())
  }
}
