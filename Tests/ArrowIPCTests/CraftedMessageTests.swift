import Testing

@testable import ArrowIPC

/// Messages built by hand with the module's own FlatBuffers writer, for cases pyarrow will not write.
@Suite("hand-crafted messages")
struct CraftedMessageTests {
  /// An encapsulated stream of one message with `header` and an empty body, then end-of-stream.
  static func stream(_ type: MessageHeaderType, _ header: FlatObject, body: [UInt8] = []) -> [UInt8] {
    let metadata = MessageEncoder.message(headerType: type, header: header, bodyLength: body.count)
    var bytes: [UInt8] = [0xFF, 0xFF, 0xFF, 0xFF]
    withUnsafeBytes(of: Int32(metadata.count).littleEndian) { bytes.append(contentsOf: $0) }
    return bytes + metadata + body + [0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0]
  }

  static func field(_ name: String, code: UInt8, children: [FlatObject] = []) -> FlatObject {
    .table([
      .object(.string(name)), .uint8(1), .uint8(code), .object(.table([])), nil, .object(.tables(children)),
    ])
  }

  @Test func bigEndianSchemaIsRefused() {
    let schema = FlatObject.table([.int16(1), .object(.tables([Self.field("x", code: 6)]))])
    #expect(throws: ArrowIPCError.bigEndian) {
      try ArrowStreamReader.readTable(from: Self.stream(.schema, schema))
    }
  }

  @Test func deeplyNestedListsAreRefusedWithoutExhaustingTheStack() {
    var field = Self.field("leaf", code: 6)
    for _ in 0..<200 { field = Self.field("l", code: 12, children: [field]) }
    let schema = FlatObject.table([.int16(0), .object(.tables([field]))])
    let error = #expect(throws: ArrowIPCError.self) {
      try ArrowStreamReader.readTable(from: Self.stream(.schema, schema))
    }
    #expect(error == .malformed(section: .metadata, reason: "fields nested deeper than 64"))
  }

  @Test func listWithTwoChildrenIsMalformed() {
    let list = Self.field("l", code: 12, children: [Self.field("a", code: 6), Self.field("b", code: 6)])
    let schema = FlatObject.table([.int16(0), .object(.tables([list]))])
    #expect(throws: ArrowIPCError.self) {
      try ArrowStreamReader.readTable(from: Self.stream(.schema, schema))
    }
  }

  @Test func recordBatchBeforeSchema() {
    let batch = MessageEncoder.recordBatch(length: 0, nodes: [], buffers: [])
    #expect(throws: ArrowIPCError.unexpectedMessage("record batch before its schema")) {
      try ArrowStreamReader.readTable(from: Self.stream(.recordBatch, batch))
    }
  }

  @Test func olderMetadataVersion() {
    let metadata = FlatBufferWriter.serialize(.table([.int16(2), .uint8(1), .object(.table([]))]))
    var bytes: [UInt8] = [0xFF, 0xFF, 0xFF, 0xFF]
    withUnsafeBytes(of: Int32(metadata.count).littleEndian) { bytes.append(contentsOf: $0) }
    #expect(throws: ArrowIPCError.unsupportedMetadataVersion(2)) {
      try ArrowStreamReader.readTable(from: bytes + metadata)
    }
  }

  @Test func bufferOutsideBodyIsMalformed() throws {
    let schema = FlatObject.table([.int16(0), .object(.tables([Self.field("flag", code: 6)]))])
    var nodes: [UInt8] = []
    var buffers: [UInt8] = []
    for value: Int64 in [1, 0] { withUnsafeBytes(of: value) { nodes.append(contentsOf: $0) } }
    for value: Int64 in [0, 0, 0, 64] { withUnsafeBytes(of: value) { buffers.append(contentsOf: $0) } }
    let batch = MessageEncoder.recordBatch(length: 1, nodes: nodes, buffers: buffers)
    let bytes =
      Array(Self.stream(.schema, schema).dropLast(8))
      + Self.stream(.recordBatch, batch, body: [1, 0, 0, 0, 0, 0, 0, 0])
    let error = #expect(throws: ArrowIPCError.self) { try ArrowStreamReader.readTable(from: bytes) }
    guard case .malformed(.body, _) = error else {
      Issue.record("expected a body error, got \(String(describing: error))")
      return
    }
  }

  @Test func flatBufferWriterOutputReadsBack() throws {
    let bytes = FlatBufferWriter.serialize(
      .table([
        .int64(-7), .object(.string("héllo")), .uint8(3), nil,
        .object(.structs(elementSize: 16, bytes: Array(0..<32))),
      ]))
    #expect(bytes.count % 8 == 0)
    try bytes.withUnsafeBytes { raw in
      let table = try FlatBuffer(bytes: raw).root()
      #expect(try table.scalar(0, default: Int64(0)) == -7)
      #expect(try table.string(1) == "héllo")
      #expect(try table.scalar(2, default: UInt8(0)) == 3)
      #expect(try table.scalar(3, default: Int32(42)) == 42)
      let vector = try #require(try table.vector(4, elementSize: 16))
      #expect(vector.count == 2)
      #expect((vector.start & 7) == 0)
      #expect(try vector.structField(UInt8.self, element: 1, offset: 3) == 19)
      #expect(try table.table(9) == nil)
    }
  }
}
