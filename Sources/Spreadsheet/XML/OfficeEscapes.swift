import Columnar

/// The `_xHHHH_` escapes of Office Open XML strings (ECMA-376 part 1, 22.9.2.19, ST_Xstring).
///
/// XML 1.0 cannot carry most control characters, even as `&#N;` references, so Excel writes them as
/// `_x0007_`; and since a carriage return in XML text reads back as a line feed, Excel also writes
/// `\r` as `_x000D_`. A literal `_x` that looks like an escape is itself written `_x005F_x...`.
enum OfficeEscapes {
  /// Replaces every `_xHHHH_` in `bytes` by the UTF-16 unit it names (pairs of surrogates combined).
  /// - Complexity: O(bytes.count).
  static func unescape(_ bytes: inout [UInt8], from start: Int = 0) {
    guard let first = firstEscape(bytes, from: start) else { return }
    var out = Array(bytes[..<first])
    var i = first
    while i < bytes.count {
      if let unit = unit(bytes, at: i) {
        var scalar = UInt32(unit)
        var next = i + 7
        if unit >= 0xD800 && unit < 0xDC00, let low = Self.unit(bytes, at: next),
          low >= 0xDC00 && low < 0xE000
        {
          scalar = 0x10000 + (UInt32(unit) - 0xD800) << 10 + (UInt32(low) - 0xDC00)
          next += 7
        }
        if Unicode.Scalar(scalar) != nil {
          TextDecoding.appendUTF8(scalar, to: &out)
        } else {
          TextDecoding.appendUTF8(0xFFFD, to: &out)
        }
        i = next
      } else {
        out.append(bytes[i])
        i += 1
      }
    }
    bytes.removeSubrange(start...)
    bytes.append(contentsOf: out[start...])
  }

  /// Whether `text` holds something `unescape` would change, so the writer must protect its `_`.
  static func needsProtection(_ text: some Collection<UInt8>) -> Bool {
    firstEscape(Array(text), from: 0) != nil
  }

  private static func firstEscape(_ bytes: [UInt8], from start: Int) -> Int? {
    var i = start
    while i + 7 <= bytes.count {
      if bytes[i] == 95, unit(bytes, at: i) != nil { return i }
      i += 1
    }
    return nil
  }

  /// The code unit of `_xHHHH_` at `i`.
  private static func unit(_ bytes: [UInt8], at i: Int) -> UInt16? {
    guard i + 7 <= bytes.count, bytes[i] == 95, bytes[i + 1] == 120, bytes[i + 6] == 95 else { return nil }
    var v: UInt16 = 0
    for j in (i + 2)..<(i + 6) {
      let b = bytes[j]
      let d: UInt16
      if b &- 48 < 10 {
        d = UInt16(b &- 48)
      } else if (b | 0x20) &- 97 < 6 {
        d = UInt16((b | 0x20) &- 87)
      } else {
        return nil
      }
      v = v << 4 | d
    }
    return v
  }
}
