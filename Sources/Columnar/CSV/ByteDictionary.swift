/// An insertion-ordered set of byte strings with dense codes, hashing bytes rather than `String`s.
///
/// Used to dictionary-encode text while loading: every row costs one hash and one comparison, and
/// a `String` is made only once per distinct value, at the end (`strings`).
struct ByteDictionary {
  private(set) var arena: [UInt8] = []
  /// `starts[k]..<starts[k + 1]` is entry `k` in `arena`.
  private(set) var starts: [Int] = [0]
  private var hashes: [UInt64] = []
  /// Each entry's first 8 bytes, zero-padded: most keys are that short, so a match is decided by
  /// comparing one word instead of calling `memcmp`.
  private var heads: [UInt64] = []
  private var slots: [Int32]
  private var mask: Int

  init(capacity: Int = 64) {
    var size = 16
    while size < capacity * 2 { size <<= 1 }
    slots = [Int32](repeating: -1, count: size)
    mask = size - 1
  }

  /// The number of distinct entries.
  var count: Int { starts.count - 1 }

  /// The first `min(len, 8)` bytes of `p` as a little-endian word, zero-padded.
  @inline(__always)
  static func head(_ p: UnsafePointer<UInt8>, _ len: Int) -> UInt64 {
    var w: UInt64 = 0
    for i in 0..<min(len, 8) { w |= UInt64(p[i]) << UInt64(i * 8) }
    return w
  }

  /// `head` when 8 bytes may be read at `p` even if `len` is shorter.
  @inline(__always)
  static func headOverreading(_ p: UnsafePointer<UInt8>, _ len: Int) -> UInt64 {
    let w = UnsafeRawPointer(p).loadUnaligned(as: UInt64.self)
    return len >= 8 ? w : w & ((1 << UInt64(len &* 8)) &- 1)
  }

  @inline(__always)
  static func hash(_ p: UnsafePointer<UInt8>, _ len: Int, head: UInt64) -> UInt64 {
    var h = (0x9E37_79B9_7F4A_7C15 ^ UInt64(len) ^ head) &* 0xBF58_476D_1CE4_E5B9
    h ^= h >> 29
    if len > 8 {
      let raw = UnsafeRawPointer(p)
      var i = 8
      while i + 8 <= len {
        h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
        h ^= h >> 29
        i += 8
      }
      if i < len { h ^= Self.head(p + i, len - i) &* 0xD6E8_FEB8_6659_FD93 }
    }
    h = h &* 0x94D0_49BB_1331_11EB
    h ^= h >> 31
    return h
  }

  /// The code of the bytes `p[0..<len]`, adding them when new.
  @inline(__always)
  mutating func insert(_ p: UnsafePointer<UInt8>, _ len: Int) -> UInt32 {
    insert(p, len, head: Self.head(p, len))
  }

  /// `insert` for a caller that already has the bytes' `head`.
  @inline(__always)
  mutating func insert(_ p: UnsafePointer<UInt8>, _ len: Int, head: UInt64) -> UInt32 {
    let h = Self.hash(p, len, head: head)
    var s = Int(truncatingIfNeeded: h) & mask
    let found: Int32 = slots.withUnsafeBufferPointer { sl in
      hashes.withUnsafeBufferPointer { hs in
        heads.withUnsafeBufferPointer { hd in
          while true {
            let e = sl[s]
            if e < 0 { return -1 }
            let k = Int(e)
            if hs[k] == h && hd[k] == head && matches(k, p, len) { return e }
            s = (s + 1) & mask
          }
        }
      }
    }
    if found >= 0 { return UInt32(found) }
    let code = count
    slots[s] = Int32(code)
    hashes.append(h)
    heads.append(head)
    arena.append(contentsOf: UnsafeBufferPointer(start: p, count: len))
    starts.append(arena.count)
    if count * 2 > mask { grow() }
    return UInt32(code)
  }

  /// Whether entry `e`, whose head already matched, holds `p[0..<len]`.
  @inline(__always)
  private func matches(_ e: Int, _ p: UnsafePointer<UInt8>, _ len: Int) -> Bool {
    starts.withUnsafeBufferPointer { st in
      let a = st[e]
      guard st[e + 1] - a == len else { return false }
      if len <= 8 { return true }
      return arena.withUnsafeBufferPointer { buf in memcmp(buf.baseAddress! + a + 8, p + 8, len - 8) == 0 }
    }
  }

  private mutating func grow() {
    let size = (mask + 1) * 2
    slots = [Int32](repeating: -1, count: size)
    mask = size - 1
    for (e, h) in hashes.enumerated() {
      var s = Int(truncatingIfNeeded: h) & mask
      while slots[s] >= 0 { s = (s + 1) & mask }
      slots[s] = Int32(e)
    }
  }

  /// Calls `body` with entry `k`'s bytes.
  func withEntry<R>(_ k: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    arena.withUnsafeBufferPointer { buf in
      body(UnsafeBufferPointer(rebasing: buf[starts[k]..<starts[k + 1]]))
    }
  }

  /// Adds every entry of `other` and returns, for each of its codes, the code here.
  mutating func merge(_ other: ByteDictionary) -> [UInt32] {
    var remap = [UInt32](repeating: 0, count: other.count)
    other.arena.withUnsafeBufferPointer { buf in
      let base = buf.baseAddress ?? UnsafePointer(bitPattern: 1)!
      for k in 0..<other.count {
        remap[k] = insert(base + other.starts[k], other.starts[k + 1] - other.starts[k])
      }
    }
    return remap
  }

  /// The entries as strings: UTF-8 where valid, else Windows-1252 (always, when `latin1`).
  /// Also returns whether any entry needed the fallback.
  func strings(latin1: Bool) -> (strings: [String], usedFallback: Bool) {
    var out: [String] = []
    out.reserveCapacity(count)
    var fallback = false
    for k in 0..<count {
      withEntry(k) { bytes in
        let (s, fell) = TextDecoding.decode(bytes, latin1: latin1)
        fallback = fallback || fell
        out.append(s)
      }
    }
    return (out, fallback)
  }
}

#if canImport(Glibc)
  import Glibc
#else
  import Foundation
#endif
