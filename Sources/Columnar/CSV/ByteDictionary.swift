/// An insertion-ordered set of byte strings with dense codes, hashing bytes rather than `String`s.
///
/// Used to dictionary-encode text while loading: every row costs one hash and one comparison, and
/// a `String` is made only once per distinct value, at the end (`strings`).
struct ByteDictionary {
  /// One slot of the open-addressing table. The key's length, first 8 bytes and hash sit beside
  /// its code, so a lookup reads one slot and, for keys of up to 8 bytes, nothing else.
  private struct Slot {
    var hash: UInt64 = 0
    var head: UInt64 = 0
    var length: Int32 = 0
    var code: Int32 = -1
  }

  private(set) var arena: [UInt8] = []
  /// `starts[k]..<starts[k + 1]` is entry `k` in `arena`.
  private(set) var starts: [Int] = [0]
  private var slots: [Slot]
  private var mask: Int
  /// A key's first slot is the top bits of its hash (`hash >> shift`): the low bits of a product
  /// depend only on the low bytes of the key, and keys like `City 308` differ in the last ones.
  private var shift: UInt64

  init(capacity: Int = 64) {
    var size = 16
    while size < capacity * 2 { size <<= 1 }
    slots = [Slot](repeating: Slot(), count: size)
    mask = size - 1
    shift = UInt64(64 - size.trailingZeroBitCount)
  }

  /// The number of distinct entries.
  var count: Int { starts.count - 1 }

  /// The first `min(len, 8)` bytes of `p` as a little-endian word, zero-padded.
  @inline(__always)
  static func head(_ p: UnsafePointer<UInt8>, _ len: Int) -> UInt64 {
    if len >= 8 { return UnsafeRawPointer(p).loadUnaligned(as: UInt64.self) }
    var w: UInt64 = 0
    for i in 0..<min(len, 8) { w |= UInt64(p[i]) << UInt64(i * 8) }
    return w
  }

  @inline(__always)
  static func hash(_ p: UnsafePointer<UInt8>, _ len: Int, head: UInt64) -> UInt64 {
    var h = (head ^ UInt64(truncatingIfNeeded: len) &* 0x9E37_79B9_7F4A_7C15) &* 0xBF58_476D_1CE4_E5B9
    if len > 8 {
      let raw = UnsafeRawPointer(p)
      var i = 8
      while i + 8 <= len {
        h = (h ^ (h >> 29) ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x94D0_49BB_1331_11EB
        i += 8
      }
      if i < len { h = (h ^ (h >> 29) ^ Self.head(p + i, len - i)) &* 0x94D0_49BB_1331_11EB }
    }
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
    let length = Int32(truncatingIfNeeded: len)
    var s = Int(truncatingIfNeeded: h >> shift)
    let found: Int32 = slots.withUnsafeBufferPointer { sl in
      while true {
        let slot = sl[s]
        if slot.code < 0 { return -1 }
        if slot.hash == h && slot.head == head && slot.length == length
          && (len <= 8 || tailMatches(slot.code, p, len))
        {
          return slot.code
        }
        s = (s + 1) & mask
      }
    }
    if found >= 0 { return UInt32(found) }
    return add(p, len, Slot(hash: h, head: head, length: length, code: Int32(count)), at: s)
  }

  /// Whether entry `code`'s bytes after the first 8 equal `p[8..<len]`.
  private func tailMatches(_ code: Int32, _ p: UnsafePointer<UInt8>, _ len: Int) -> Bool {
    arena.withUnsafeBufferPointer { buf in
      memcmp(buf.baseAddress! + starts[Int(code)] + 8, p + 8, len - 8) == 0
    }
  }

  private mutating func add(_ p: UnsafePointer<UInt8>, _ len: Int, _ slot: Slot, at s: Int) -> UInt32 {
    slots[s] = slot
    arena.append(contentsOf: UnsafeBufferPointer(start: p, count: len))
    starts.append(arena.count)
    if count * 2 > mask { grow() }
    return UInt32(slot.code)
  }

  private mutating func grow() {
    let old = slots
    let size = (mask + 1) * 2
    slots = [Slot](repeating: Slot(), count: size)
    mask = size - 1
    shift -= 1
    for slot in old where slot.code >= 0 {
      var s = Int(truncatingIfNeeded: slot.hash >> shift)
      while slots[s].code >= 0 { s = (s + 1) & mask }
      slots[s] = slot
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
