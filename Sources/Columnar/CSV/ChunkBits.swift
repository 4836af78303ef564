/// Bit arrays local to one chunk, in the word layout of `Bitmap` (bit `r` of a chunk is row `r`,
/// least significant bit first), so chunks are joined a word at a time instead of a bool at a time.
enum ChunkBits {
  /// `count` set bits; the bits past `count` in the last word are clear, as `append` relies on.
  static func allSet(_ count: Int) -> [UInt64] {
    var words = [UInt64](repeating: ~0, count: (count + 63) >> 6)
    if count & 63 != 0 { words[words.count - 1] = (1 << UInt64(count & 63)) &- 1 }
    return words
  }

  /// Whether bit `bit` is set; an empty array stands for all bits set.
  @inline(__always) static func isSet(_ words: [UInt64], _ bit: Int) -> Bool {
    words.isEmpty || words[bit >> 6] >> UInt64(bit & 63) & 1 != 0
  }

  @inline(__always) static func clear(_ words: UnsafeMutablePointer<UInt64>, _ bit: Int) {
    words[bit >> 6] &= ~(1 << UInt64(bit & 63))
  }

  @inline(__always) static func set(_ words: UnsafeMutablePointer<UInt64>, _ bit: Int) {
    words[bit >> 6] |= 1 << UInt64(bit & 63)
  }

  /// ORs the first `count` bits of `src` into `dst` starting at bit `base`.
  /// - Complexity: O(`count` / 64).
  static func append(_ src: [UInt64], count: Int, into dst: inout [UInt64], at base: Int) {
    guard count > 0 else { return }
    let shift = UInt64(base & 63)
    let last = (count + 63) >> 6
    dst.withUnsafeMutableBufferPointer { d in
      src.withUnsafeBufferPointer { s in
        for k in 0..<last {
          var w = s[k]
          if k == last - 1 && count & 63 != 0 { w &= (1 << UInt64(count & 63)) &- 1 }
          let at = (base >> 6) + k
          d[at] |= w << shift
          if shift != 0 && at + 1 < d.count { d[at + 1] |= w >> (64 - shift) }
        }
      }
    }
  }

  /// Sets bits `from..<to` of `dst`.
  /// - Complexity: O((`to` - `from`) / 64).
  static func setRange(_ dst: inout [UInt64], _ from: Int, _ to: Int) {
    var i = from
    while i < to && i & 63 != 0 {
      dst[i >> 6] |= 1 << UInt64(i & 63)
      i += 1
    }
    while i + 64 <= to {
      dst[i >> 6] = ~0
      i += 64
    }
    while i < to {
      dst[i >> 6] |= 1 << UInt64(i & 63)
      i += 1
    }
  }
}
