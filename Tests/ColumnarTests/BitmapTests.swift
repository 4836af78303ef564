import Testing

@testable import Columnar

@Suite("Bitmap")
struct BitmapTests {
  @Test(arguments: [0, 1, 63, 64, 65, 128, 129])
  func allSetAndClear(count: Int) {
    let on = Bitmap(count: count, allSet: true)
    let off = Bitmap(count: count, allSet: false)
    #expect(on.count == count)
    #expect(on.popcount() == count)
    #expect(off.popcount() == 0)
    #expect(on.words.count == (count + 63) / 64)
    #expect((~off) == on)
    #expect((~on).popcount() == 0)
  }

  @Test(arguments: [1, 63, 64, 65])
  func setAndGetLastBit(count: Int) {
    var b = Bitmap(count: count, allSet: false)
    b[count - 1] = true
    #expect(b[count - 1])
    #expect(b.popcount() == 1)
    #expect(b.setIndices() == [count - 1])
    b[count - 1] = false
    #expect(b == Bitmap(count: count, allSet: false))
  }

  @Test func leastSignificantBitFirst() {
    var b = Bitmap(count: 65, allSet: false)
    b[0] = true
    b[64] = true
    #expect(b.words == [1, 1])
  }

  @Test(arguments: [0, 1, 63, 64, 65])
  func appendMatchesInit(count: Int) {
    let bits = (0..<count).map { $0 % 3 == 0 }
    var b = Bitmap(count: 0, allSet: false)
    for bit in bits { b.append(bit) }
    #expect(b == Bitmap(bits))
    #expect(b.popcount() == bits.filter { $0 }.count)
  }

  @Test func andOr() {
    let a = Bitmap([true, true, false, false])
    let b = Bitmap([true, false, true, false])
    #expect((a & b) == Bitmap([true, false, false, false]))
    #expect((a | b) == Bitmap([true, true, true, false]))
  }
}
