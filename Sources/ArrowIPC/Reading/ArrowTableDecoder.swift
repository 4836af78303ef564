/// Decodes one or more Arrow IPC streams into a single `ArrowTable`.
///
/// Spark Connect returns a result as many `ArrowBatch` payloads, each a complete IPC stream (a
/// schema, record batches, maybe an end-of-stream marker). Feed each payload to `append(stream:)`
/// as it arrives and call `finish()` once; every stream must carry the same schema. Streams
/// concatenated into one byte buffer are accepted too.
///
/// After `append(stream:)` throws, the decoder holds a partial batch and must be discarded.
public final class ArrowTableDecoder {
  /// The schema of the first stream, once one has been read.
  public private(set) var schema: ArrowSchema?
  private var builders: [ColumnBuilder] = []
  private var rowCount = 0

  /// Creates an empty decoder.
  public init() {}

  /// Decodes the messages of one stream payload (or of several concatenated streams).
  /// - Throws: `ArrowIPCError` for truncated, malformed or unsupported input.
  /// - Complexity: O(bytes); values are copied once into the decoder's buffers.
  public func append(stream bytes: UnsafeRawBufferPointer) throws {
    var framer = MessageFramer(bytes: bytes)
    var inStream = false
    while let item = try framer.next() {
      switch item {
      case .endOfStream:
        inStream = false
      case .message(let message):
        switch MessageHeaderType(rawValue: message.headerType) {
        case .schema:
          guard let header = message.header else { throw missingHeader("schema") }
          try adopt(SchemaDecoder.decode(header))
          inStream = true
        case .recordBatch:
          guard inStream else { throw ArrowIPCError.unexpectedMessage("record batch before its schema") }
          guard let header = message.header else { throw missingHeader("record batch") }
          try appendRecordBatch(header, message: message)
        case .dictionaryBatch:
          throw ArrowIPCError.unexpectedMessage("dictionary batch (dictionary encoding is not supported)")
        case .tensor, .sparseTensor:
          throw ArrowIPCError.unexpectedMessage("tensor message in a table stream")
        case nil:
          throw ArrowIPCError.malformed(
            section: .metadata, reason: "unknown message type \(message.headerType)")
        }
      }
    }
  }

  /// Decodes the messages of one stream payload held in an array.
  /// - Throws: `ArrowIPCError` for truncated, malformed or unsupported input.
  public func append(stream bytes: [UInt8]) throws {
    try bytes.withUnsafeBytes { try append(stream: $0) }
  }

  /// The table of every row appended so far.
  /// - Throws: `ArrowIPCError.missingSchema` when no stream held a schema.
  /// - Complexity: O(rows × columns), one copy of the values.
  public func finish() throws -> ArrowTable {
    guard let schema else { throw ArrowIPCError.missingSchema }
    return ArrowTable(schema: schema, columns: builders.map { $0.finish() }, rowCount: rowCount)
  }

  private func adopt(_ decoded: ArrowSchema) throws {
    guard let schema else {
      schema = decoded
      builders = decoded.fields.map(ColumnBuilder.init(field:))
      return
    }
    // Nullability may differ between Spark's partitions; names and types may not.
    let strip = { (s: ArrowSchema) in s.fields.map { "\($0.name): \($0.type)" } }
    guard strip(schema) == strip(decoded) else {
      throw ArrowIPCError.schemaMismatch(expected: schema.description, found: decoded.description)
    }
  }

  private func appendRecordBatch(_ header: FlatTable, message: EncapsulatedMessage) throws {
    if let compression = try header.table(3) {
      let codec = try compression.scalar(0, default: Int8(0))
      throw ArrowIPCError.compressedBody(
        codec: codec == 0 ? "LZ4_FRAME" : codec == 1 ? "ZSTD" : "code \(codec)")
    }
    let length = try header.scalar(0, default: Int64(0))
    guard length >= 0 else {
      throw ArrowIPCError.malformed(section: .metadata, reason: "record batch with \(length) rows")
    }
    guard length <= Int64(Int.max - rowCount) else {
      throw ArrowIPCError.malformed(section: .metadata, reason: "more rows than an Int can count")
    }
    var cursor = RecordBatchCursor(
      nodes: try header.vector(1, elementSize: 16), buffers: try header.vector(2, elementSize: 16),
      body: message.body, bodyOffset: message.bodyOffset)
    for builder in builders {
      let count = try builder.appendArray(from: &cursor)
      guard count == length else {
        throw ArrowIPCError.malformed(
          section: .metadata,
          reason: "column '\(builder.field.name)' has \(count) rows in a batch of \(length)")
      }
    }
    rowCount += Int(length)
  }

  private func missingHeader(_ kind: String) -> ArrowIPCError {
    .malformed(section: .metadata, reason: "\(kind) message without its header table")
  }
}

/// One-call reading of whole inputs.
public enum ArrowStreamReader {
  /// Decodes one IPC stream (or several concatenated ones) into a table.
  /// - Throws: `ArrowIPCError` for truncated, malformed or unsupported input.
  /// - Complexity: O(bytes).
  public static func readTable(from stream: [UInt8]) throws -> ArrowTable {
    let decoder = ArrowTableDecoder()
    try decoder.append(stream: stream)
    return try decoder.finish()
  }

  /// Decodes a list of IPC stream payloads, such as Spark Connect's `ArrowBatch.data`, into one table.
  /// - Throws: `ArrowIPCError`; `.missingSchema` when `streams` is empty.
  /// - Complexity: O(total bytes).
  public static func readTable(fromStreams streams: [[UInt8]]) throws -> ArrowTable {
    let decoder = ArrowTableDecoder()
    for stream in streams { try decoder.append(stream: stream) }
    return try decoder.finish()
  }
}
