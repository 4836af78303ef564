import Testing

@testable import Columnar

/// The tokenizer's fast paths against its general one: the block bits against a byte-by-byte scan,
/// and `scanPlainRecord` against `scanRecord` on every record of inputs that mix plain records with
/// every case the fast path must hand back (quotes, CRLF, ragged rows, long fields, the last bytes).
@Suite("CSV tokenizer")
struct TokenizerTests {
  /// A deterministic pseudo-random generator (xorshift), so failures replay.
  struct Noise {
    var state: UInt64
    init(_ seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 | 1 }
    mutating func next(_ bound: Int) -> Int {
      state ^= state << 13
      state ^= state >> 7
      state ^= state << 17
      return Int(truncatingIfNeeded: state >> 1) % bound
    }
  }

  static let delimiters: [UInt8] = [44, 59, 9, 124]

  @Test(arguments: delimiters)
  func blockBitsMarkEveryDelimiterAndLineFeed(delimiter: UInt8) {
    var noise = Noise(UInt64(delimiter))
    // Every byte value appears, delimiters and line feeds often, bytes above 0x7F too.
    let bytes: [UInt8] = (0..<4096).map { _ in
      switch noise.next(6) {
      case 0: delimiter
      case 1: 10
      default: UInt8(noise.next(256))
      }
    }
    bytes.withUnsafeBufferPointer { buf in
      let tok = CSVTokenizer(p: buf.baseAddress!, n: buf.count, delimiter: delimiter)
      for base in 0...(buf.count - 64) {
        var expected: UInt64 = 0
        for k in 0..<64 where buf[base + k] == delimiter || buf[base + k] == 10 { expected |= 1 << UInt64(k) }
        #expect(tok.blockBits(base) == expected, "block at \(base)")
      }
    }
  }

  /// Records of `columns` fields: mostly plain, some with quoted fields (empty, multi-line, with a
  /// delimiter or doubled quotes inside), CRLF endings, empty fields, fields longer than a block, a
  /// missing or an extra field, and blank lines.
  static func mixedText(seed: UInt64, columns: Int, delimiter: Character) -> String {
    var noise = Noise(seed)
    var text = ""
    for _ in 0..<400 {
      var fields = columns
      if noise.next(25) == 0 { fields += noise.next(2) == 0 ? -1 : 1 }
      var record: [String] = []
      for _ in 0..<max(fields, 1) {
        switch noise.next(40) {
        case 0: record.append("\"q\(delimiter)uoted\"")
        case 1: record.append("\"with \"\"escaped\"\" quotes\"")
        case 2: record.append("")
        case 3: record.append(String(repeating: "long", count: 20 + noise.next(30)))
        case 4: record.append("mid\"quote")
        case 5: record.append("\"\"")
        case 6: record.append("\"multi\nline\"")
        case 7, 8: record.append("\"v\(noise.next(1000))\"")
        default: record.append("v\(noise.next(1000))")
        }
      }
      text += record.joined(separator: String(delimiter))
      switch noise.next(10) {
      case 0: text += "\r\n"
      case 1: text += "\n\n"
      default: text += "\n"
      }
    }
    // A last record without a line break, ending in a carriage return.
    text += Array(repeating: "end", count: columns).joined(separator: String(delimiter)) + "\r"
    return text
  }

  @Test(arguments: [(1, 44), (3, 44), (8, 59), (24, 9), (5, 124)] as [(Int, UInt8)])
  func plainRecordsScanAsTheGeneralPathDoes(columns: Int, delimiter: UInt8) {
    let text = Self.mixedText(
      seed: UInt64(columns * 256) + UInt64(delimiter), columns: columns,
      delimiter: Character(Unicode.Scalar(delimiter)))
    let bytes = Array(text.utf8)
    bytes.withUnsafeBufferPointer { buf in
      let tok = CSVTokenizer(p: buf.baseAddress!, n: buf.count, delimiter: delimiter)
      var fast = [UInt64](repeating: 0, count: columns)
      var general = [UInt64](repeating: 0, count: columns)
      var fastCursor = BlockCursor()
      var generalCursor = BlockCursor()
      var plain = 0
      var handedBack = 0
      var i = tok.skipBlankLines(0)
      while i < buf.count {
        let end = fast.withUnsafeMutableBufferPointer {
          tok.scanPlainRecord(from: i, fields: columns, into: $0.baseAddress!, stride: 1, cursor: &fastCursor)
        }
        let r = general.withUnsafeMutableBufferPointer {
          tok.scanRecord(
            from: i, maxFields: columns, into: $0.baseAddress!, stride: 1, cursor: &generalCursor)
        }
        if end >= 0 {
          plain += 1
          #expect(end == r.end, "record at \(i)")
          #expect(r.fields == columns && r.openQuote < 0, "record at \(i)")
          #expect(fast == general, "record at \(i)")
        } else {
          handedBack += 1
        }
        i = tok.skipBlankLines(r.end)
      }
      // Both paths were exercised.
      #expect(plain > 50)
      #expect(handedBack > 10)
    }
  }

  @Test func aFileOfPlainRecordsLoadsAsTheGeneralPathWouldSplitIt() throws {
    // Big enough for the fast path; every record must come back with its fields intact.
    var text = "id,name,score\r\n"
    for i in 0..<2000 { text += "\(i),name \(i % 17),\(i % 3 == 0 ? "" : String(i * 7))\r\n" }
    let r = try load(text)
    #expect(r.table.rowCount == 2000)
    #expect(r.column("name").value(at: 1999) == .string("name 10"))
    #expect(r.column("score").value(at: 1999) == .int(13993))
    #expect(r.column("score").value(at: 1998) == .null)
  }
}
