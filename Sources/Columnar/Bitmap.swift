/// A fixed-length sequence of bits stored in 64-bit words, least significant bit first.
///
/// Columns use it as a validity mask in the Apache Arrow sense: a set bit means the row holds a
/// value, a clear bit means the row is null. Bits past `count` in the last word are always zero, so
/// two bitmaps with the same bits compare equal and `popcount()` never over-counts.
public struct Bitmap: Sendable, Equatable, Hashable {
  /// The number of bits.
  public private(set) var count: Int
  /// The storage words; bit `i` lives in `words[i >> 6]` at position `i & 63`.
  public private(set) var words: [UInt64]

  /// Creates a bitmap of `count` bits, all set or all clear.
  /// - Complexity: O(`count` / 64).
  public init(count: Int, allSet: Bool) {
    precondition(count >= 0, "a bitmap cannot have a negative length")
    self.count = count
    let wordCount = (count + 63) >> 6
    words = [UInt64](repeating: allSet ? ~0 : 0, count: wordCount)
    if allSet { clearTail() }
  }

  /// Creates a bitmap from words that the caller filled; bits past `count` are cleared.
  public init(words: [UInt64], count: Int) {
    precondition(words.count == (count + 63) >> 6, "word count does not match bit count")
    self.count = count
    self.words = words
    clearTail()
  }

  /// Creates a bitmap whose bit `i` is `bits[i]`.
  /// - Complexity: O(`bits.count`).
  public init(_ bits: [Bool]) {
    self.init(count: bits.count, allSet: false)
    for (i, b) in bits.enumerated() where b {
      words[i >> 6] |= 1 << UInt64(i & 63)
    }
  }

  /// The bit at `i`.
  public subscript(i: Int) -> Bool {
    get {
      precondition(i >= 0 && i < count, "bit index \(i) out of range 0..<\(count)")
      return words[i >> 6] & (1 << UInt64(i & 63)) != 0
    }
    set {
      precondition(i >= 0 && i < count, "bit index \(i) out of range 0..<\(count)")
      let mask: UInt64 = 1 << UInt64(i & 63)
      if newValue { words[i >> 6] |= mask } else { words[i >> 6] &= ~mask }
    }
  }

  /// The number of set bits.
  /// - Complexity: O(`count` / 64).
  public func popcount() -> Int {
    var n = 0
    for w in words { n &+= w.nonzeroBitCount }
    return n
  }

  /// Whether every bit is set.
  public var allSet: Bool { popcount() == count }

  /// Appends one bit.
  public mutating func append(_ bit: Bool) {
    if count & 63 == 0 { words.append(0) }
    if bit { words[count >> 6] |= 1 << UInt64(count & 63) }
    count += 1
  }

  /// Bitwise and of two bitmaps of equal length.
  public static func & (a: Bitmap, b: Bitmap) -> Bitmap {
    precondition(a.count == b.count, "bitmaps differ in length")
    var r = a
    for i in r.words.indices { r.words[i] &= b.words[i] }
    return r
  }

  /// Bitwise or of two bitmaps of equal length.
  public static func | (a: Bitmap, b: Bitmap) -> Bitmap {
    precondition(a.count == b.count, "bitmaps differ in length")
    var r = a
    for i in r.words.indices { r.words[i] |= b.words[i] }
    return r
  }

  /// Bitwise complement (bits past `count` stay clear).
  public static prefix func ~ (a: Bitmap) -> Bitmap {
    var r = a
    for i in r.words.indices { r.words[i] = ~r.words[i] }
    r.clearTail()
    return r
  }

  /// The indices of the set bits, in increasing order.
  /// - Complexity: O(`count` / 64 + number of set bits).
  public func setIndices() -> [Int] {
    var out: [Int] = []
    out.reserveCapacity(popcount())
    for (wi, var w) in words.enumerated() {
      while w != 0 {
        out.append(wi << 6 | w.trailingZeroBitCount)
        w &= w &- 1
      }
    }
    return out
  }

  private mutating func clearTail() {
    let tail = count & 63
    if tail != 0, !words.isEmpty { words[words.count - 1] &= (1 << UInt64(tail)) &- 1 }
  }
}
