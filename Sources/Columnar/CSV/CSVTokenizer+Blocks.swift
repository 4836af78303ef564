#if canImport(_Builtin_intrinsics.intel)
  import _Builtin_intrinsics.intel
#endif

/// Where the delimiters and line feeds are in one 64-byte block of the input, one bit per byte.
///
/// Finding the end of an unquoted field is then a shift and a trailing-zero count instead of a
/// loop with a branch per byte; one block serves about nine fields of a typical file. The bits are
/// facts about the bytes, so a cursor stays valid whatever the tokenizer did in between (quoted
/// fields are scanned separately).
struct BlockCursor {
  /// The offset of the block's first byte.
  var base = Int.min / 2
  /// Bit `k` is set when byte `base + k` is a delimiter or a line feed.
  var bits: UInt64 = 0
}

extension CSVTokenizer {
  /// The offset of the first delimiter or line feed at or after `i`, or `n`.
  @inline(__always)
  func nextBreak(from i: Int, _ cursor: inout BlockCursor) -> Int {
    var from = i
    while true {
      let offset = from &- cursor.base
      if offset >= 0 && offset < 64 {
        let m = cursor.bits & (~0 << UInt64(offset))
        if m != 0 { return cursor.base &+ m.trailingZeroBitCount }
        from = cursor.base &+ 64
      }
      if from &+ 64 > n { return breakBytewise(from: from) }
      cursor.base = from
      cursor.bits = blockBits(from)
    }
  }

  /// Scans a record that has exactly `fields` fields, each starting before the input's last 64
  /// bytes and either unquoted or quoted without doubled quotes and closed right before a break:
  /// the common cases, in a loop of a few instructions per field that reads each field's end off
  /// the block bits. Stores the spans as `scanRecord` does and returns the offset just past the
  /// record's line break, or -1 for any other record, which the caller then scans with
  /// `scanRecord` (spans stored here are overwritten).
  @inline(__always)
  func scanPlainRecord(
    from start: Int, fields: Int, into out: UnsafeMutablePointer<UInt64>, stride: Int,
    cursor: inout BlockCursor
  ) -> Int {
    let limit = n &- 64
    var base = cursor.base
    var bits = cursor.bits
    defer { cursor = BlockCursor(base: base, bits: bits) }
    var i = start
    var o = out
    var f = 0
    while true {
      guard i < limit && f < fields else { return -1 }
      if p[i] == Self.quote {
        // The inner bytes, as `scanRecord` reports a quoted field without doubled quotes.
        guard let q = closingQuote(from: i &+ 1), q &+ 2 < n else { return -1 }
        let k = q &+ 1
        o.pointee = UInt64(truncatingIfNeeded: i &+ 1) | UInt64(truncatingIfNeeded: q) << 32
        o += stride
        f &+= 1
        let c = p[k]
        if c == delimiter {
          i = k &+ 1
          continue
        }
        guard f == fields else { return -1 }
        if c == Self.newline { return k &+ 1 }
        return c == Self.cr && p[k &+ 1] == Self.newline ? k &+ 2 : -1
      }
      var k: Int
      let offset = i &- base
      if UInt(bitPattern: offset) < 64 && bits >> UInt64(offset) != 0 {
        k = i &+ (bits >> UInt64(offset)).trailingZeroBitCount
      } else {
        var b = i
        while true {
          guard b &+ 64 <= n else { return -1 }
          let found = blockBits(b)
          if found != 0 {
            base = b
            bits = found
            k = b &+ found.trailingZeroBitCount
            break
          }
          b &+= 64
        }
      }
      o.pointee = UInt64(truncatingIfNeeded: i) | UInt64(truncatingIfNeeded: k) << 32
      o += stride
      f &+= 1
      if p[k] == delimiter {
        i = k &+ 1
        continue
      }
      guard f == fields else { return -1 }
      // Only a record's last field can end in the CR of a CRLF line break.
      if k > i && p[k &- 1] == Self.cr {
        (o - stride).pointee = UInt64(truncatingIfNeeded: i) | UInt64(truncatingIfNeeded: k &- 1) << 32
      }
      return k &+ 1
    }
  }

  /// The offset of the first quote at or after `from`, looked for 64 bytes at a time while whole
  /// blocks remain; nil when there is none there (`scanRecord` then takes the record).
  @inline(__always)
  func closingQuote(from: Int) -> Int? {
    var b = from
    while b &+ 64 <= n {
      let found = matchBits(b, Self.quote, Self.quote)
      if found != 0 { return b &+ found.trailingZeroBitCount }
      b &+= 64
    }
    return nil
  }

  /// The delimiter and line-feed bits of `p[base ..< base + 64]`.
  @inline(__always)
  func blockBits(_ base: Int) -> UInt64 { matchBits(base, delimiter, Self.newline) }

  /// The bits of the bytes equal to `x` or `y` in `p[base ..< base + 64]`.
  @inline(__always)
  func matchBits(_ base: Int, _ x: UInt8, _ y: UInt8) -> UInt64 {
    #if canImport(_Builtin_intrinsics.intel)
      // SSE2, which every x86-64 processor has: 16 bytes compared per instruction.
      let xx = _mm_set1_epi8(CChar(bitPattern: x))
      let yy = _mm_set1_epi8(CChar(bitPattern: y))
      let raw = UnsafeRawPointer(p + base)
      var bits: UInt64 = 0
      for k in 0..<4 {
        let v = _mm_loadu_si128(raw.advanced(by: k &* 16).assumingMemoryBound(to: __m128i.self))
        let m = _mm_or_si128(_mm_cmpeq_epi8(v, xx), _mm_cmpeq_epi8(v, yy))
        bits |= UInt64(UInt16(truncatingIfNeeded: _mm_movemask_epi8(m))) << UInt64(k &* 16)
      }
      return bits
    #else
      let xx = SWAR.broadcast(x)
      let yy = SWAR.broadcast(y)
      let raw = UnsafeRawPointer(p + base)
      var bits: UInt64 = 0
      for k in 0..<8 {
        let w = raw.loadUnaligned(fromByteOffset: k &* 8, as: UInt64.self)
        let m = SWAR.zeroBytes(w ^ xx) | SWAR.zeroBytes(w ^ yy)
        bits |= SWAR.gather(m) << UInt64(k &* 8)
      }
      return bits
    #endif
  }

  /// `nextBreak` for the last bytes of the input, where a whole block cannot be read.
  private func breakBytewise(from i: Int) -> Int {
    var k = i
    while k < n {
      let c = p[k]
      if c == delimiter || c == Self.newline { return k }
      k &+= 1
    }
    return n
  }
}

/// Byte-parallel tests on 64-bit words (little-endian: byte `k` of a word is the byte at offset `k`).
enum SWAR {
  static let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F

  /// `c` in every byte.
  @inline(__always) static func broadcast(_ c: UInt8) -> UInt64 { UInt64(c) &* 0x0101_0101_0101_0101 }

  /// Bit 7 of each byte that is zero in `x`, and no other bit. Exact (unlike the shorter
  /// `(x - 0x01..) & ~x & 0x80..`, which can flag a 0x01 byte above a zero byte).
  @inline(__always) static func zeroBytes(_ x: UInt64) -> UInt64 {
    ~(((x & low7) &+ low7) | x | low7)
  }

  /// Bit 7 of byte `k` of `m` moved to bit `k`, for `m` with no other bits set: the multiplier
  /// sends each byte's bit to a distinct position of the top byte, without carries.
  @inline(__always) static func gather(_ m: UInt64) -> UInt64 {
    ((m >> 7) &* 0x0102_0408_1020_4080) >> 56
  }
}
