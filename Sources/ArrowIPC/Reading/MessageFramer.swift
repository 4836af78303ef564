/// The kinds of message a `Message.header` union can hold (Message.fbs `MessageHeader`).
enum MessageHeaderType: UInt8 {
  case schema = 1
  case dictionaryBatch = 2
  case recordBatch = 3
  case tensor = 4
  case sparseTensor = 5
}

/// One encapsulated IPC message: its decoded `Message` table and its body bytes.
struct EncapsulatedMessage {
  let headerType: UInt8
  let header: FlatTable?
  let body: UnsafeRawBufferPointer
  /// Where the body starts in the whole input, for error messages.
  let bodyOffset: Int
}

/// Splits IPC stream bytes into encapsulated messages (Columnar.html, "Encapsulated message format").
///
/// Each message is `0xFFFFFFFF`, an int32 metadata length, the FlatBuffers `Message` padded to 8
/// bytes, then `bodyLength` body bytes. Streams written before Arrow 0.15 omit the continuation
/// marker; a zero length (with or without the marker) ends a stream.
struct MessageFramer {
  let bytes: UnsafeRawBufferPointer
  private(set) var position = 0

  init(bytes: UnsafeRawBufferPointer) {
    self.bytes = bytes
  }

  enum Item {
    case message(EncapsulatedMessage)
    case endOfStream
  }

  /// The next message or end-of-stream marker, or nil when the input is exhausted.
  mutating func next() throws -> Item? {
    guard position < bytes.count else { return nil }
    var length = try readInt32(section: .header)
    if length == -1 {  // 0xFFFFFFFF: the continuation marker, then the real length.
      length = try readInt32(section: .header)
    }
    if length == 0 { return .endOfStream }
    guard length > 0 else {
      throw ArrowIPCError.malformed(section: .header, reason: "negative metadata length \(length)")
    }
    let metadataStart = position
    try require(Int(length), section: .metadata)
    let metadata = FlatBuffer(
      bytes: UnsafeRawBufferPointer(rebasing: bytes[metadataStart..<metadataStart + Int(length)]))
    position += Int(length)

    let message = try metadata.root()
    let version = try message.scalar(0, default: Int16(0))
    // V4 (Arrow 0.8) and V5 (1.0) share the layouts read here; later versions are assumed compatible.
    guard version >= 3 else { throw ArrowIPCError.unsupportedMetadataVersion(Int(version)) }
    let headerType = try message.scalar(1, default: UInt8(0))
    let header = try message.table(2)
    let bodyLength = try message.scalar(3, default: Int64(0))
    guard bodyLength >= 0 else {
      throw ArrowIPCError.malformed(section: .metadata, reason: "negative body length \(bodyLength)")
    }
    let bodyStart = position
    guard bodyLength <= Int64(bytes.count - bodyStart) else {
      throw ArrowIPCError.truncated(
        section: .body, offset: bodyStart, needed: Int(clamping: bodyLength),
        available: bytes.count - bodyStart)
    }
    position += Int(bodyLength)
    let body = UnsafeRawBufferPointer(rebasing: bytes[bodyStart..<position])
    return .message(
      EncapsulatedMessage(headerType: headerType, header: header, body: body, bodyOffset: bodyStart))
  }

  private mutating func readInt32(section: ArrowStreamSection) throws -> Int32 {
    try require(4, section: section)
    let value = Int32(littleEndian: bytes.loadUnaligned(fromByteOffset: position, as: Int32.self))
    position += 4
    return value
  }

  private func require(_ count: Int, section: ArrowStreamSection) throws {
    guard count <= bytes.count - position else {
      throw ArrowIPCError.truncated(
        section: section, offset: position, needed: count, available: bytes.count - position)
    }
  }
}
