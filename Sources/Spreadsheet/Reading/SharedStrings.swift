/// The workbook's shared string table (`xl/sharedStrings.xml`), decoded once into one byte arena.
///
/// A string is the text of its `<t>` elements, rich-text runs (`<r><t>`) joined; phonetic guides
/// (`<rPh>`, the readings Japanese Excel stores beside names) are not part of the text.
struct SharedStrings {
  private(set) var bytes: [UInt8] = []
  /// String `i` is `bytes[offsets[i]..<offsets[i + 1]]`.
  private(set) var offsets: [Int] = [0]

  init() {}

  /// Decodes the `<si>` items of a shared strings part.
  /// - Complexity: O(part size).
  init(_ part: [UInt8]) {
    part.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return }
      var xml = XMLScanner(base, count: buffer.count)
      while let tag = xml.next() {
        guard !tag.isEnd, xml.is(tag, "si") else { continue }
        let start = bytes.count
        if !tag.isEmpty { XMLText.appendRichText(&xml, closing: "si", into: &bytes) }
        OfficeEscapes.unescape(&bytes, from: start)
        offsets.append(bytes.count)
      }
    }
  }

  /// The number of strings.
  var count: Int { offsets.count - 1 }

  /// The bytes of string `index`.
  func range(_ index: Int) -> Range<Int> { offsets[index]..<offsets[index + 1] }
}

/// Text content of the rich-text elements shared strings and inline strings use.
enum XMLText {
  /// Appends the text of every `<t>` up to the end tag `closing`, leaving out phonetic runs.
  static func appendRichText(_ xml: inout XMLScanner, closing: StaticString, into out: inout [UInt8]) {
    while let tag = xml.next() {
      if tag.isEnd {
        if xml.is(tag, closing) { return }
        continue
      }
      if xml.is(tag, "rPh") {
        xml.skip(tag)
      } else if xml.is(tag, "t"), !tag.isEmpty {
        let start = tag.end
        guard let end = xml.next() else { return }
        xml.decode(start..<end.start, into: &out)
      }
    }
  }
}
