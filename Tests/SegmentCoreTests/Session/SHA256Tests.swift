import Testing

@testable import SegmentCore

@Suite("SHA-256")
struct SHA256Tests {
  @Test(arguments: [
    ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    (
      "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
    ),
    (
      "The quick brown fox jumps over the lazy dog",
      "d7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592"
    ),
  ])
  func knownVectors(message: String, digest: String) {
    #expect(SHA256.hex(of: Array(message.utf8)) == digest)
  }

  @Test func aMillionAs() {
    var hasher = SHA256()
    let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 1000)
    for _ in 0..<1000 { hasher.update(chunk) }
    #expect(hasher.finalize() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }

  /// Lengths around the 64-byte block and the 56-byte padding boundary, fed in uneven pieces.
  @Test(arguments: [0, 1, 55, 56, 63, 64, 65, 119, 120, 128, 1000])
  func piecesGiveTheSameDigestAsOneUpdate(length: Int) {
    let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
    var pieces = SHA256()
    var start = 0
    var size = 1
    while start < bytes.count {
      let end = min(bytes.count, start + size)
      pieces.update(Array(bytes[start..<end]))
      start = end
      size = size % 70 + 13
    }
    #expect(pieces.finalize() == SHA256.hex(of: bytes))
  }
}
