/// Turns field bytes into `String`s: UTF-8 when valid, Windows-1252 otherwise.
package enum TextDecoding {
  /// Windows-1252's 0x80-0x9F; the five undefined bytes map to the C1 controls, as Python does.
  static let cp1252High: [UInt32] = [
    0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152,
    0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122,
    0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
  ]

  /// Decodes `bytes`; the flag says whether Windows-1252 was used because they were not UTF-8.
  static func decode(_ bytes: UnsafeBufferPointer<UInt8>, latin1: Bool) -> (String, Bool) {
    var ascii = true
    for b in bytes where b >= 0x80 {
      ascii = false
      break
    }
    if ascii { return (String(decoding: bytes, as: UTF8.self), false) }
    if !latin1, let s = String(validating: bytes, as: UTF8.self) { return (s, false) }
    return (windows1252(bytes), !latin1)
  }

  /// Decodes every byte as Windows-1252.
  static func windows1252(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    var scalars = String.UnicodeScalarView()
    for b in bytes {
      let v = b >= 0x80 && b < 0xA0 ? cp1252High[Int(b - 0x80)] : UInt32(b)
      scalars.append(Unicode.Scalar(v)!)
    }
    return String(scalars)
  }

  /// The offset of the first byte that breaks UTF-8 in `p[a..<b]`, or nil.
  /// - Complexity: O(b - a).
  static func firstInvalidUTF8(_ p: UnsafePointer<UInt8>, _ a: Int, _ b: Int) -> Int? {
    var i = a
    while i < b {
      let c = p[i]
      if c < 0x80 {
        i += 1
        continue
      }
      let len: Int
      if c & 0xE0 == 0xC0 && c >= 0xC2 {
        len = 2
      } else if c & 0xF0 == 0xE0 {
        len = 3
      } else if c & 0xF8 == 0xF0 && c <= 0xF4 {
        len = 4
      } else {
        return i
      }
      guard i + len <= b else { return i }
      for k in 1..<len where p[i + k] & 0xC0 != 0x80 { return i }
      i += len
    }
    return nil
  }
}
