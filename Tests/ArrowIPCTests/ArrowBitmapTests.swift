import Testing

@testable import ArrowIPC

@Suite("ArrowBitmap")
struct ArrowBitmapTests {
  static let counts = [0, 1, 7, 8, 9, 63, 64, 65, 130]

  /// Bit i of the pattern; irregular so shifted copies cannot match by accident.
  static func bit(_ i: Int) -> Bool { (i * 7 + i / 3) % 5 < 2 }

  @Test(arguments: counts, counts)
  func appendPackedAtAnyAlignment(prefix: Int, count: Int) {
    var bitmap = ArrowBitmap((0..<prefix).map { _ in true })
    let bits = (0..<count).map(Self.bit)
    // Pack with garbage in the unused high bits of the last byte, as some writers leave them.
    var packed = [UInt8](repeating: 0, count: (count + 7) / 8)
    for (i, b) in bits.enumerated() where b { packed[i / 8] |= 1 << UInt8(i % 8) }
    if count % 8 != 0 { packed[packed.count - 1] |= 0xFF << UInt8(count % 8) }
    packed.withUnsafeBytes { bitmap.appendPacked($0, bitCount: count) }
    #expect(bitmap == ArrowBitmap(Array(repeating: true, count: prefix) + bits))
    #expect(bitmap.setCount == prefix + bits.filter { $0 }.count)
  }

  @Test(arguments: counts, counts)
  func packedBytesOfAnyRange(start: Int, count: Int) {
    let bits = (0..<(start + count)).map(Self.bit)
    let bitmap = ArrowBitmap(bits)
    let packed = bitmap.packedBytes(start..<start + count)
    #expect(packed.count == (count + 7) / 8)
    for i in 0..<count {
      #expect((packed[i / 8] >> UInt8(i % 8)) & 1 == (bits[start + i] ? 1 : 0))
    }
    if count % 8 != 0 { #expect(packed.last! >> UInt8(count % 8) == 0) }
    #expect(bitmap.setCount(in: start..<start + count) == bits[start...].filter { $0 }.count)
  }

  @Test(arguments: counts, counts)
  func appendRepeatingKeepsTheTailClear(prefix: Int, count: Int) {
    var bitmap = ArrowBitmap((0..<prefix).map(Self.bit))
    bitmap.appendRepeating(true, count: count)
    bitmap.appendRepeating(false, count: 3)
    #expect(
      bitmap
        == ArrowBitmap(
          (0..<prefix).map(Self.bit) + Array(repeating: true, count: count) + [false, false, false]))
  }
}
