import Columnar

#if canImport(Glibc)
  import Glibc
#endif

/// A forward scanner over XML bytes that yields one tag at a time, with no tree and no copies.
///
/// A worksheet of 100,000 rows is some 100 MB of XML, mostly `<c r="B7" s="1"><v>42</v></c>`: a
/// general parser's events, strings and dictionaries per cell would cost more than the rest of the
/// load. The scanner knows just enough XML for the parts a workbook has: tags with attributes,
/// text with entities, and comments, processing instructions, DOCTYPE and CDATA skipped or read as
/// text. Namespace prefixes are dropped from element names (`x:row` is `row`), as producers differ.
struct XMLScanner {
  /// One start, end or empty-element tag, by byte offsets into the scanned text.
  struct Tag {
    /// The element's local name (after any prefix).
    var name: Range<Int>
    /// Everything between the name and the closing `>` or `/>`.
    var attributes: Range<Int>
    /// `</name>`.
    var isEnd: Bool
    /// `<name ... />`.
    var isEmpty: Bool
    /// The offset of `<`.
    var start: Int
    /// The offset just after `>`.
    var end: Int
  }

  let p: UnsafePointer<UInt8>
  let n: Int
  /// Where the next search for a tag starts.
  var position = 0

  init(_ p: UnsafePointer<UInt8>, count: Int) {
    self.p = p
    self.n = count
  }

  /// The next tag from `position`, skipping declarations, comments and CDATA; nil at the end or at
  /// a tag that never closes.
  /// - Complexity: O(bytes up to the tag's end).
  mutating func next() -> Tag? {
    while position < n {
      guard let found = memchr(p + position, 60, n - position) else {
        position = n
        return nil
      }
      let lt = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - p
      guard lt + 1 < n else {
        position = n
        return nil
      }
      let first = p[lt + 1]
      if first == 63 || first == 33 {  // `<?` or `<!`
        position = skipMarkup(from: lt)
        continue
      }
      var i = lt + 1
      let isEnd = first == 47
      if isEnd { i += 1 }
      var nameStart = i
      while i < n, !Self.endsName(p[i]) {
        if p[i] == 58 { nameStart = i + 1 }  // a prefix ends at ':'
        i += 1
      }
      let name = nameStart..<i
      let attributesStart = i
      var quote: UInt8 = 0
      while i < n {
        let c = p[i]
        if quote != 0 {
          if c == quote { quote = 0 }
        } else if c == 34 || c == 39 {
          quote = c
        } else if c == 62 {
          break
        }
        i += 1
      }
      guard i < n else {
        position = n
        return nil
      }
      let isEmpty = p[i - 1] == 47
      position = i + 1
      return Tag(
        name: name, attributes: attributesStart..<(isEmpty ? i - 1 : i), isEnd: isEnd, isEmpty: isEmpty,
        start: lt, end: i + 1)
    }
    return nil
  }

  /// Whether `tag`'s local name is `name` (ASCII).
  @inline(__always) func `is`(_ tag: Tag, _ name: StaticString) -> Bool {
    let count = name.utf8CodeUnitCount
    guard tag.name.count == count else { return false }
    return memcmp(p + tag.name.lowerBound, name.utf8Start, count) == 0
  }

  /// The raw (still escaped) value of the attribute whose local name is `name`, if present.
  /// - Complexity: O(the tag's length).
  func attribute(_ name: StaticString, of tag: Tag) -> Range<Int>? {
    let count = name.utf8CodeUnitCount
    var i = tag.attributes.lowerBound
    let end = tag.attributes.upperBound
    while i < end {
      while i < end, Self.isSpace(p[i]) { i += 1 }
      var nameStart = i
      while i < end, p[i] != 61, !Self.isSpace(p[i]) {
        if p[i] == 58 { nameStart = i + 1 }
        i += 1
      }
      let nameEnd = i
      while i < end, Self.isSpace(p[i]) { i += 1 }
      guard i < end, p[i] == 61 else { return nil }
      i += 1
      while i < end, Self.isSpace(p[i]) { i += 1 }
      guard i < end, p[i] == 34 || p[i] == 39 else { return nil }
      let quote = p[i]
      let valueStart = i + 1
      i = valueStart
      while i < end, p[i] != quote { i += 1 }
      if nameEnd - nameStart == count, memcmp(p + nameStart, name.utf8Start, count) == 0 {
        return valueStart..<i
      }
      i += 1
    }
    return nil
  }

  /// The attribute's value decoded as text.
  func attributeText(_ name: StaticString, of tag: Tag) -> String? {
    guard let range = attribute(name, of: tag) else { return nil }
    var bytes: [UInt8] = []
    decode(range, into: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The attribute's value as a non-negative decimal integer, if it is one.
  func attributeInt(_ name: StaticString, of tag: Tag) -> Int? {
    guard let range = attribute(name, of: tag), !range.isEmpty, range.count < 19 else { return nil }
    var v = 0
    for i in range {
      let d = p[i] &- 48
      guard d < 10 else { return nil }
      v = v * 10 + Int(d)
    }
    return v
  }

  /// Moves past the end tag matching `tag` (which must be a start tag), skipping what is inside.
  mutating func skip(_ tag: Tag) {
    guard !tag.isEmpty, !tag.isEnd else { return }
    var depth = 1
    while let inner = next() {
      if inner.isEmpty { continue }
      depth += inner.isEnd ? -1 : 1
      if depth == 0 { return }
    }
  }

  /// Appends the text in `range` to `out` with entity and character references replaced and CDATA
  /// sections copied as they are; comments inside are dropped.
  /// - Complexity: O(range.count).
  func decode(_ range: Range<Int>, into out: inout [UInt8]) {
    var i = range.lowerBound
    let end = range.upperBound
    while i < end {
      let c = p[i]
      if c == 38, let (scalar, next) = reference(at: i, end: end) {
        TextDecoding.appendUTF8(scalar, to: &out)
        i = next
      } else if c == 60 {
        i = decodeMarkup(at: i, end: end, into: &out)
      } else {
        out.append(c)
        i += 1
      }
    }
  }

  /// `&name;` or `&#N;` or `&#xH;` at `i`: the scalar and the offset after `;`.
  private func reference(at i: Int, end: Int) -> (UInt32, Int)? {
    var j = i + 1
    while j < end, j - i < 12, p[j] != 59 { j += 1 }
    guard j < end, p[j] == 59 else { return nil }
    let body = UnsafeBufferPointer(start: p + i + 1, count: j - i - 1)
    let scalar: UInt32?
    if body.first == 35 {
      let hex = body.count > 1 && (body[1] | 0x20) == 120
      var v: UInt32 = 0
      var digits = 0
      for b in body.dropFirst(hex ? 2 : 1) {
        let d: UInt32
        if b &- 48 < 10 {
          d = UInt32(b &- 48)
        } else if hex, (b | 0x20) &- 97 < 6 {
          d = UInt32((b | 0x20) &- 87)
        } else {
          return nil
        }
        v = v &* (hex ? 16 : 10) &+ d
        digits += 1
      }
      scalar = digits > 0 && digits <= 8 ? v : nil
    } else {
      switch String(decoding: body, as: UTF8.self) {
      case "amp": scalar = 38
      case "lt": scalar = 60
      case "gt": scalar = 62
      case "quot": scalar = 34
      case "apos": scalar = 39
      default: scalar = nil
      }
    }
    guard let scalar, Unicode.Scalar(scalar) != nil else { return nil }
    return (scalar, j + 1)
  }

  /// CDATA inside text is copied; a comment or instruction is dropped; any other `<` stops the text.
  private func decodeMarkup(at i: Int, end: Int, into out: inout [UInt8]) -> Int {
    if starts(with: "<![CDATA[", at: i, end: end) {
      var j = i + 9
      while j < end, !starts(with: "]]>", at: j, end: end) {
        out.append(p[j])
        j += 1
      }
      return min(j + 3, end)
    }
    if starts(with: "<!--", at: i, end: end) || starts(with: "<?", at: i, end: end) {
      return min(skipMarkup(from: i), end)
    }
    return end
  }

  private func starts(with literal: StaticString, at i: Int, end: Int) -> Bool {
    let count = literal.utf8CodeUnitCount
    return i + count <= end && memcmp(p + i, literal.utf8Start, count) == 0
  }

  /// The offset after a `<?...?>`, `<!--...-->`, `<![CDATA[...]]>` or `<!DOCTYPE ...>` at `i`.
  private func skipMarkup(from i: Int) -> Int {
    let terminator: StaticString =
      starts(with: "<!--", at: i, end: n) ? "-->" : starts(with: "<![CDATA[", at: i, end: n) ? "]]>" : ">"
    var j = i + 2
    while j < n, !starts(with: terminator, at: j, end: n) { j += 1 }
    return min(j + terminator.utf8CodeUnitCount, n)
  }

  @inline(__always) static func isSpace(_ c: UInt8) -> Bool { c == 32 || c == 10 || c == 13 || c == 9 }

  @inline(__always) private static func endsName(_ c: UInt8) -> Bool {
    c == 62 || c == 47 || isSpace(c)
  }
}
