/// A growable sequence of bits in 64-bit words, least significant bit first, as Arrow lays them out.
///
/// Used both for validity (a set bit means the row holds a value) and for the values of boolean
/// columns. Bits past `count` in the last word are always zero, so equal bitmaps compare equal and
/// `setCount` never over-counts.
public struct ArrowBitmap: Sendable, Hashable {
  /// The number of bits.
  public private(set) var count: Int
  /// The storage; bit `i` lives in `words[i >> 6]` at position `i & 63`.
  public private(set) var words: [UInt64]

  /// Creates a bitmap of `count` bits, all set or all clear.
  /// - Complexity: O(`count` / 64).
  public init(count: Int, allSet: Bool) {
    precondition(count >= 0, "a bitmap cannot have a negative length")
    self.count = 0
    self.words = []
    appendRepeating(allSet, count: count)
  }

  /// Creates a bitmap whose bit `i` is `bits[i]`.
  /// - Complexity: O(`bits.count`).
  public init(_ bits: [Bool]) {
    self.init(count: bits.count, allSet: false)
    for (i, bit) in bits.enumerated() where bit {
      words[i >> 6] |= 1 << UInt64(i & 63)
    }
  }

  /// The bit at `i`.
  public subscript(i: Int) -> Bool {
    precondition(i >= 0 && i < count, "bit index \(i) out of range 0..<\(count)")
    return words[i >> 6] & (1 << UInt64(i & 63)) != 0
  }

  /// The number of set bits.
  /// - Complexity: O(`count` / 64).
  public var setCount: Int {
    var n = 0
    for word in words { n &+= word.nonzeroBitCount }
    return n
  }

  /// Appends one bit.
  public mutating func append(_ bit: Bool) {
    if count & 63 == 0 { words.append(0) }
    if bit { words[count >> 6] |= 1 << UInt64(count & 63) }
    count += 1
  }

  /// Appends `count` copies of `bit`.
  /// - Complexity: O(`count` / 64).
  public mutating func appendRepeating(_ bit: Bool, count added: Int) {
    precondition(added >= 0, "cannot append a negative number of bits")
    guard added > 0 else { return }
    let newCount = count + added
    let newWordCount = (newCount + 63) >> 6
    if bit {
      // Fill the partial last word, then whole words; the tail is cleared below.
      if count & 63 != 0 { words[words.count - 1] |= ~0 << UInt64(count & 63) }
      words.append(contentsOf: repeatElement(~0, count: newWordCount - words.count))
    } else {
      words.append(contentsOf: repeatElement(0, count: newWordCount - words.count))
    }
    count = newCount
    clearTail()
  }

  /// Appends the first `bitCount` bits of an Arrow bit-packed buffer (LSB first within each byte).
  ///
  /// - Precondition: `bytes.count * 8 >= bitCount`; callers check this against untrusted lengths.
  /// - Complexity: O(`bitCount` / 8).
  mutating func appendPacked(_ bytes: UnsafeRawBufferPointer, bitCount: Int) {
    precondition(bitCount >= 0 && bytes.count * 8 >= bitCount, "bit-packed buffer too short")
    guard bitCount > 0 else { return }
    let newCount = count + bitCount
    words.append(contentsOf: repeatElement(0, count: ((newCount + 63) >> 6) - words.count))
    let byteCount = (bitCount + 7) >> 3
    words.withUnsafeMutableBufferPointer { words in
      var position = count
      if position & 7 == 0 {
        // Byte-aligned destination: each source byte lands inside one word.
        for i in 0..<byteCount {
          words[position >> 6] |= UInt64(bytes[i]) << UInt64(position & 63)
          position += 8
        }
      } else {
        for i in 0..<byteCount {
          let byte = UInt64(bytes[i])
          let shift = UInt64(position & 63)
          words[position >> 6] |= byte << shift
          if shift > 56, (position >> 6) + 1 < words.count {
            words[(position >> 6) + 1] |= byte >> (64 - shift)
          }
          position += 8
        }
      }
    }
    count = newCount
    clearTail()
  }

  /// The bits `range` packed into bytes, LSB first, as Arrow buffers hold them.
  /// - Complexity: O(`range.count`).
  func packedBytes(_ range: Range<Int>) -> [UInt8] {
    precondition(range.lowerBound >= 0 && range.upperBound <= count, "bit range out of bounds")
    var out = [UInt8](repeating: 0, count: (range.count + 7) >> 3)
    if range.lowerBound & 63 == 0 {
      // Word-aligned source (every batch start when batches are multiples of 64 rows).
      let firstWord = range.lowerBound >> 6
      for i in 0..<out.count {
        out[i] = UInt8(truncatingIfNeeded: words[firstWord + (i >> 3)] >> UInt64((i & 7) * 8))
      }
      if range.count & 7 != 0 { out[out.count - 1] &= UInt8((1 << (range.count & 7)) - 1) }
    } else {
      for (i, bit) in range.enumerated() where self[bit] {
        out[i >> 3] |= 1 << UInt8(i & 7)
      }
    }
    return out
  }

  /// The number of set bits in `range`.
  /// - Complexity: O(`range.count`).
  func setCount(in range: Range<Int>) -> Int {
    if range == 0..<count { return setCount }
    var n = 0
    for i in range where self[i] { n += 1 }
    return n
  }

  private mutating func clearTail() {
    let tail = count & 63
    if tail != 0 { words[words.count - 1] &= (1 << UInt64(tail)) - 1 }
  }
}
