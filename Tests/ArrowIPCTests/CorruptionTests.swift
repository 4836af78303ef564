import Testing

@testable import ArrowIPC

/// Damaged input must throw `ArrowIPCError`, never trap, and a table that does come back must be
/// internally consistent (the writer's own checks accept it).
@Suite("truncated, corrupt and fuzzed streams")
struct CorruptionTests {
  /// The byte positions at which a message (or end-of-stream marker) of `bytes` ends.
  static func messageBoundaries(_ bytes: [UInt8]) throws -> Set<Int> {
    try bytes.withUnsafeBytes { raw in
      var framer = MessageFramer(bytes: raw)
      var ends: Set<Int> = [0]
      while try framer.next() != nil { ends.insert(framer.position) }
      return ends
    }
  }

  /// Reads `bytes`; returns the error, or nil after checking the table is consistent.
  static func readChecked(_ bytes: [UInt8]) -> ArrowIPCError? {
    do {
      let table = try ArrowStreamReader.readTable(from: bytes)
      #expect(throws: Never.self) { try TableValidator.validate(table) }
      return nil
    } catch let error as ArrowIPCError {
      return error
    } catch {
      Issue.record("unexpected error type \(error)")
      return nil
    }
  }

  @Test(arguments: Fixture.small)
  func everyTruncationThrowsUnlessAtAMessageBoundary(name: String) throws {
    let bytes = try Fixture.bytes(name)
    let boundaries = try Self.messageBoundaries(bytes)
    for length in 0..<bytes.count {
      let error = Self.readChecked(Array(bytes[0..<length]))
      if !boundaries.contains(length) {
        #expect(error != nil, "prefix of \(length) bytes of \(name) was accepted")
      }
    }
  }

  @Test func truncationNamesTheSection() throws {
    let bytes = try Fixture.bytes("primitives")
    let schemaMetadataLength = Int(bytes[4]) | Int(bytes[5]) << 8 | Int(bytes[6]) << 16
    let batchStart = 8 + schemaMetadataLength
    let batchMetadataLength = Int(bytes[batchStart + 4]) | Int(bytes[batchStart + 5]) << 8
    let bodyStart = batchStart + 8 + batchMetadataLength
    let cases: [(Int, ArrowStreamSection)] = [
      (2, .header), (6, .header), (20, .metadata), (batchStart + 5, .header), (batchStart + 40, .metadata),
      (bodyStart + 10, .body), (bytes.count - 12, .body),
    ]
    for (length, section) in cases {
      let error = Self.readChecked(Array(bytes[0..<length]))
      guard case .truncated(let found, _, _, _) = error else {
        Issue.record("prefix \(length): expected truncation in \(section), got \(String(describing: error))")
        continue
      }
      #expect(found == section, "prefix \(length)")
    }
  }

  @Test func corruptMetadataAndBodyThrow() throws {
    let bytes = try Fixture.bytes("lists")
    // Schema metadata: point the root offset far outside the message.
    var badRoot = bytes
    badRoot[8] = 0xF0
    badRoot[9] = 0xFF
    #expect(Self.readChecked(badRoot) != nil)
    // Header: a negative metadata length.
    var negative = bytes
    negative[7] = 0x80
    guard case .malformed(.header, let reason) = Self.readChecked(negative) else {
      Issue.record("a negative metadata length was not refused as a header error")
      return
    }
    #expect(reason.hasPrefix("negative metadata length"))
    // Body: shrink the announced body by cutting its end and patching nothing, so buffers overrun.
    let batchStart = 8 + (Int(bytes[4]) | Int(bytes[5]) << 8)
    #expect(Self.readChecked(Array(bytes[0..<(batchStart + 300)]) + [0, 0, 0, 0]) != nil)
  }

  @Test func twentyThousandMutationsNeverCrash() throws {
    let fixtures = try Fixture.small.map(Fixture.bytes)
    var random = SplitMix64(state: 0x5EED_A770)
    let extremes: [UInt32] = [0, 1, 0x7FFF_FFFF, 0x8000_0000, 0xFFFF_FFFF, 0xFFFF_FFF8, 0x0001_0000]
    var accepted = 0
    for _ in 0..<20_000 {
      var bytes = fixtures[Int.random(in: 0..<fixtures.count, using: &random)]
      switch Int.random(in: 0..<5, using: &random) {
      case 0:  // Flip a few bytes.
        for _ in 0..<Int.random(in: 1...4, using: &random) {
          bytes[Int.random(in: 0..<bytes.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
        }
      case 1:  // Overwrite an aligned 32-bit word (offsets, lengths) with an extreme value.
        let at = Int.random(in: 0..<bytes.count / 4, using: &random) * 4
        let value = extremes.randomElement(using: &random)!
        for k in 0..<4 { bytes[at + k] = UInt8(truncatingIfNeeded: value >> (8 * UInt32(k))) }
      case 2:  // Truncate anywhere.
        bytes = Array(bytes[0..<Int.random(in: 0..<bytes.count, using: &random)])
      case 3:  // Insert or delete a byte, shifting everything after it.
        let at = Int.random(in: 0..<bytes.count, using: &random)
        if Bool.random(using: &random) { bytes.remove(at: at) } else { bytes.insert(0xFF, at: at) }
      default:  // Flip one bit.
        let at = Int.random(in: 0..<bytes.count, using: &random)
        bytes[at] ^= 1 << UInt8.random(in: 0..<8, using: &random)
      }
      if Self.readChecked(bytes) == nil { accepted += 1 }
    }
    // Many single-bit flips land in values or padding and still decode; most mutations must not.
    #expect(accepted > 0 && accepted < 20_000)
  }
}
