import Foundation
import Testing

@testable import Columnar

/// `text` as UTF-16 bytes in the given byte order, after a byte order mark when `mark` is true.
func utf16Bytes(_ text: String, bigEndian: Bool, mark: Bool = true) -> [UInt8] {
  var bytes: [UInt8] = []
  for unit in (mark ? [0xFEFF] : []) + Array(text.utf16) {
    let (high, low) = (UInt8(unit >> 8), UInt8(unit & 0xFF))
    bytes += bigEndian ? [high, low] : [low, high]
  }
  return bytes
}

/// The values of every column of a table, in order, for comparing two loads of the same data.
func cells(_ r: LoadReport) -> [[Value]] { r.table.columns.map(\.values) }

@Suite("Encodings and line ends")
struct EncodingAndLineEndTests {
  /// Excel's "Unicode Text": tab-separated, CRLF line ends, names outside ASCII and outside the BMP.
  static let unicodeText =
    "name\tcity\tage\tjoined\r\nZoë\tKraków\t31\t2024-01-02\r\nJosé\t東京\t42\t2024-02-03\r\n"
    + "😀 Ann\t\"Paris, Île-de-France\"\t7\t2024-03-04\r\n"

  @Test(arguments: [false, true], ["\t", ","])
  func utf16WithAMarkLoadsLikeUTF8(bigEndian: Bool, delimiter: String) throws {
    let text = Self.unicodeText.replacingOccurrences(of: "\t", with: delimiter)
    let utf8 = try load(text)
    let r = try load(bytes: utf16Bytes(text, bigEndian: bigEndian))
    #expect(r.encoding == (bigEndian ? .utf16BigEndian : .utf16LittleEndian))
    #expect(r.delimiter == Array(delimiter.utf8)[0])
    #expect(r.table.columns.map(\.name) == ["name", "city", "age", "joined"])
    #expect(r.types == [.string, .string, .int, .date])
    #expect(r.column("name").values == [.string("Zoë"), .string("José"), .string("😀 Ann")])
    #expect(r.column("city").value(at: 2) == .string("Paris, Île-de-France"))
    #expect(cells(r) == cells(utf8))
    #expect(r.warnings.isEmpty)
  }

  @Test func utf16WithoutAMarkWhenAsked() throws {
    let r = try load(bytes: utf16Bytes(Self.unicodeText, bigEndian: false, mark: false)) {
      $0.encoding = .utf16LittleEndian
    }
    #expect(cells(r) == cells(try load(Self.unicodeText)))
  }

  @Test(arguments: [false, true])
  func unpairedSurrogatesBecomeReplacementCharactersWithAWarning(bigEndian: Bool) throws {
    // A high surrogate with no low one after it, on line 3, and a low surrogate alone on line 4.
    var bytes = utf16Bytes("name\tage\r\nAnn\t1\r\nB", bigEndian: bigEndian)
    bytes += bigEndian ? [0xD8, 0x3D] : [0x3D, 0xD8]
    bytes += utf16Bytes("b\t2\r\n", bigEndian: bigEndian, mark: false)
    bytes += bigEndian ? [0xDE, 0x00] : [0x00, 0xDE]
    bytes += utf16Bytes("Cy\t3\r\n", bigEndian: bigEndian, mark: false)
    let r = try load(bytes: bytes)
    #expect(r.column("name").values == [.string("Ann"), .string("B\u{FFFD}b"), .string("\u{FFFD}Cy")])
    #expect(r.column("age").values == [.int(1), .int(2), .int(3)])
    let order = bigEndian ? "UTF-16BE" : "UTF-16LE"
    #expect(
      r.warnings == [
        "'test.csv' is not valid \(order) (first bad character on line 3); "
          + "characters that could not be decoded were read as \u{FFFD}"
      ])
  }

  @Test func anOddLastByteIsReplaced() throws {
    let r = try load(bytes: utf16Bytes("n\nab\n", bigEndian: false) + [0x41])
    #expect(r.column("n").values == [.string("ab"), .string("\u{FFFD}")])
    #expect(r.warnings.count == 1)
  }

  static let lfText =
    "id,name,joined,note\n1,Ann,2024-01-02,\"two\nlines\"\n2,Bob,2024-02-03,plain\n\n3,\"Cy, Jr\",,\"say \"\"hi\"\"\"\n"

  @Test(arguments: [7, 1 << 21])
  func carriageReturnLineEndsLoadLikeLineFeeds(chunk: Int) throws {
    var text = Self.lfText
    for i in 4..<300 { text += "\(i),n\(i % 17),2024-05-\(10 + i % 18),x\(i)\n" }
    let mac = text.replacingOccurrences(of: "\n", with: "\r")
    let expected = try load(text) { $0.chunkBytes = chunk }
    let r = try load(mac) { $0.chunkBytes = chunk }
    #expect(r.table.rowCount == 299)
    #expect(r.types == [.int, .string, .date, .string])
    #expect(r.column("note").value(at: 0) == .string("two\nlines"))
    #expect(cells(r) == cells(expected))
    #expect(r.warnings.isEmpty)
  }

  @Test func carriageReturnsInsideAFileWithLineFeedsStayText() throws {
    let r = try load("a,b\n\"x\ry\",1\n")
    #expect(r.column("a").values == [.string("x\ry")])
  }

  @Test func utf16WithCarriageReturnLineEnds() throws {
    let text = "name\tage\rZoë\t31\rJosé\t42\r"
    let r = try load(bytes: utf16Bytes(text, bigEndian: false))
    #expect(r.column("name").values == [.string("Zoë"), .string("José")])
    #expect(r.column("age").values == [.int(31), .int(42)])
  }
}
