/// Text for the XML parts a workbook is made of, appended to a byte buffer.
struct XMLWriter {
  var bytes: [UInt8] = []

  static let declaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"

  mutating func raw(_ s: String) { bytes.append(contentsOf: s.utf8) }

  mutating func raw(_ b: [UInt8]) { bytes.append(contentsOf: b) }

  mutating func number(_ v: Int) {
    if v >= 0 && v < 10 {
      bytes.append(48 + UInt8(v))
    } else {
      bytes.append(contentsOf: String(v).utf8)
    }
  }

  /// Appends `text` escaped for element content or a double-quoted attribute value.
  ///
  /// Characters XML 1.0 forbids even as references (most C0 controls, U+FFFE, U+FFFF) are dropped;
  /// a carriage return is written `&#13;`, which, unlike a raw one, reads back as itself; and an
  /// underscore that starts something shaped like an Office escape (`_x0041_`) is written `_x005F_`
  /// so readers do not unescape the user's text.
  mutating func text(_ text: String) {
    let utf8 = text.utf8
    let protectEscapes = utf8.contains(95) && OfficeEscapes.needsProtection(utf8)
    var plain = true
    for b in utf8 where b < 0x20 || b == 38 || b == 60 || b == 62 || b == 34 || b == 0xEF {
      plain = false
      break
    }
    if plain && !protectEscapes {
      bytes.append(contentsOf: utf8)
      return
    }
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 38: raw("&amp;")
      case 60: raw("&lt;")
      case 62: raw("&gt;")
      case 34: raw("&quot;")
      case 13: raw("&#13;")
      case 9, 10: bytes.append(UInt8(scalar.value))
      case 0..<0x20, 0xFFFE, 0xFFFF: continue
      case 95 where protectEscapes: raw("_x005F_")
      default: bytes.append(contentsOf: String(scalar).utf8)
      }
    }
  }
}
