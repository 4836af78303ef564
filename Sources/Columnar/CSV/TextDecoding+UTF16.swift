/// UTF-16 files, as Excel's "Unicode Text" export writes them (little-endian, with a byte order
/// mark, tab-separated): decoded to UTF-8 once, before anything else reads the bytes, so the
/// tokenizer, the sniffer and the converters only ever see UTF-8.
extension TextDecoding {
  /// The byte order announced by a UTF-16 byte order mark at the start of `bytes`, or nil.
  static func utf16ByteOrder(_ bytes: UnsafeRawBufferPointer) -> TextEncoding? {
    guard bytes.count >= 2 else { return nil }
    switch (bytes[0], bytes[1]) {
    case (0xFF, 0xFE): return .utf16LittleEndian
    case (0xFE, 0xFF): return .utf16BigEndian
    default: return nil
    }
  }

  /// Appends `scalar` (a valid Unicode scalar value) as UTF-8: the one encoder for the UTF-16 decoder
  /// and the workbook reader's character references.
  @inline(__always)
  package static func appendUTF8(_ scalar: UInt32, to out: inout [UInt8]) {
    switch scalar {
    case 0..<0x80:
      out.append(UInt8(scalar))
    case 0x80..<0x800:
      out.append(UInt8(0xC0 | scalar >> 6))
      out.append(UInt8(0x80 | scalar & 0x3F))
    case 0x800..<0x10000:
      out.append(UInt8(0xE0 | scalar >> 12))
      out.append(UInt8(0x80 | (scalar >> 6) & 0x3F))
      out.append(UInt8(0x80 | scalar & 0x3F))
    default:
      out.append(UInt8(0xF0 | scalar >> 18))
      out.append(UInt8(0x80 | (scalar >> 12) & 0x3F))
      out.append(UInt8(0x80 | (scalar >> 6) & 0x3F))
      out.append(UInt8(0x80 | scalar & 0x3F))
    }
  }

  /// UTF-8 bytes from UTF-16 code units in `bytes` (after the byte order mark).
  ///
  /// An unpaired surrogate becomes U+FFFD, as a lone byte that is not UTF-8 becomes Windows-1252:
  /// the rest of the file is still worth loading, and the caller warns with the line of the first
  /// one. A trailing odd byte is replaced the same way.
  /// - Returns: the bytes, and the offset in them of the first replacement character, or nil.
  /// - Complexity: O(bytes).
  static func utf8(fromUTF16 bytes: UnsafeRawBufferPointer, bigEndian: Bool) -> (
    bytes: [UInt8], firstReplacement: Int?
  ) {
    let units = bytes.count / 2
    var out: [UInt8] = []
    // ASCII text doubles in size as UTF-16; most of what CSV files hold shrinks back to half.
    out.reserveCapacity(units + units / 8 + 16)
    var firstReplacement: Int?
    @inline(__always) func unit(_ k: Int) -> UInt32 {
      let a = UInt32(bytes[2 * k])
      let b = UInt32(bytes[2 * k + 1])
      return bigEndian ? a << 8 | b : b << 8 | a
    }
    @inline(__always) func append(_ v: UInt32) { appendUTF8(v, to: &out) }
    @inline(__always) func replace() {
      if firstReplacement == nil { firstReplacement = out.count }
      append(0xFFFD)
    }
    var k = 0
    while k < units {
      let u = unit(k)
      k += 1
      if u < 0xD800 || u > 0xDFFF {
        append(u)
      } else if u <= 0xDBFF, k < units, case let low = unit(k), low >= 0xDC00 && low <= 0xDFFF {
        append(0x10000 + ((u - 0xD800) << 10 | (low - 0xDC00)))
        k += 1
      } else {
        replace()
      }
    }
    if bytes.count % 2 == 1 { replace() }
    return (out, firstReplacement)
  }
}
