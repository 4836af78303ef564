/// A direct-mapped cache of recent texts of up to 16 bytes and their dictionary codes, in front of
/// `ByteDictionary`: most fields of a text column repeat a short value, and a hit costs two word
/// comparisons instead of a hash-table probe. One cache serves all columns of a chunk; entries
/// are tagged with their column.
struct TextCache {
  struct Entry {
    var low: UInt64 = 0
    var high: UInt64 = 0
    /// `length << 24 | code`.
    var meta: UInt32 = 0
    var column: Int32 = -1
  }

  static let bits = 11
  let entries: UnsafeMutablePointer<Entry>

  /// Allocates a cache; the owner calls `deallocate`.
  static func make() -> TextCache {
    let e = UnsafeMutablePointer<Entry>.allocate(capacity: 1 << bits)
    e.initialize(repeating: Entry(), count: 1 << bits)
    return TextCache(entries: e)
  }

  func deallocate() { entries.deallocate() }

  /// Forgets every entry: codes belong to one chunk's dictionaries.
  func clear() { entries.update(repeating: Entry(), count: 1 << Self.bits) }

  /// The first 16 bytes of a field of `len` bytes (1-16) at `q`, zero-padded, read as two words;
  /// 16 bytes from `q` must be readable.
  @inline(__always)
  static func key(_ q: UnsafePointer<UInt8>, _ len: Int) -> (UInt64, UInt64) {
    let raw = UnsafeRawPointer(q)
    let w0 = raw.loadUnaligned(as: UInt64.self)
    let w1 = raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
    // Masks of the field's bytes, by shifts below 64 (`&>>` then needs no overshift test).
    if len > 8 { return (w0, w1 & (~0 &>> UInt64(128 &- len &* 8))) }
    return (w0 & (~0 &>> UInt64(64 &- len &* 8)), 0)
  }

  @inline(__always)
  static func slot(_ low: UInt64, _ high: UInt64, _ len: Int) -> Int {
    let h =
      (low ^ (high &+ UInt64(truncatingIfNeeded: len)) &* 0x9E37_79B9_7F4A_7C15) &* 0xBF58_476D_1CE4_E5B9
    return Int(truncatingIfNeeded: h >> UInt64(64 - bits))
  }

  /// The cached code of the key in `column`, or nil.
  @inline(__always)
  func code(_ low: UInt64, _ high: UInt64, _ len: Int, column: Int, slot: Int) -> UInt32? {
    let e = entries[slot]
    guard
      e.column == Int32(truncatingIfNeeded: column) && e.low == low && e.high == high
        && Int(e.meta >> 24) == len
    else { return nil }
    return e.meta & 0xFF_FFFF
  }

  @inline(__always)
  func remember(_ low: UInt64, _ high: UInt64, _ len: Int, code: UInt32, column: Int, slot: Int) {
    guard code < 1 << 24 else { return }
    entries[slot] = Entry(
      low: low, high: high, meta: UInt32(len) << 24 | code, column: Int32(truncatingIfNeeded: column))
  }
}
