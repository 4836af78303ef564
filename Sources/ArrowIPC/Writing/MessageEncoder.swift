/// Builds the FlatBuffers `Message` trees (Message.fbs, Schema.fbs) that the writer emits.
enum MessageEncoder {
  /// MetadataVersion.V5, what Arrow ≥ 1.0 (and Spark's Arrow Java) writes.
  static let metadataVersion: Int16 = 4

  /// A `Message` carrying `header` of union type `headerType` and announcing `bodyLength` bytes.
  static func message(headerType: MessageHeaderType, header: FlatObject, bodyLength: Int) -> [UInt8] {
    FlatBufferWriter.serialize(
      .table([
        .int16(metadataVersion), .uint8(headerType.rawValue), .object(header), .int64(Int64(bodyLength)),
      ]))
  }

  /// The `Schema` table: little-endian, with every field.
  static func schema(_ schema: ArrowSchema) -> FlatObject {
    .table([.int16(0), .object(.tables(schema.fields.map(field)))])
  }

  /// The `RecordBatch` table; `nodes` and `buffers` are the little-endian bytes of their structs.
  static func recordBatch(length: Int, nodes: [UInt8], buffers: [UInt8]) -> FlatObject {
    .table([
      .int64(Int64(length)), .object(.structs(elementSize: 16, bytes: nodes)),
      .object(.structs(elementSize: 16, bytes: buffers)),
    ])
  }

  private static func field(_ field: ArrowField) -> FlatObject {
    let (code, parameters, children) = typeTable(field.type)
    return .table([
      .object(.string(field.name)), .uint8(field.nullable ? 1 : 0), .uint8(code), .object(.table(parameters)),
      nil, .object(.tables(children.map(self.field))),
    ])
  }

  /// The `Type` union code, the type's parameter table fields and its child fields.
  private static func typeTable(_ type: ArrowType) -> (UInt8, [FlatField?], [ArrowField]) {
    switch type {
    case .null: return (1, [], [])
    case .int8: return (2, [.int32(8), .uint8(1)], [])
    case .int16: return (2, [.int32(16), .uint8(1)], [])
    case .int32: return (2, [.int32(32), .uint8(1)], [])
    case .int64: return (2, [.int32(64), .uint8(1)], [])
    case .float32: return (3, [.int16(1)], [])
    case .float64: return (3, [.int16(2)], [])
    case .binary: return (4, [], [])
    case .utf8: return (5, [], [])
    case .bool: return (6, [], [])
    case .decimal128(let precision, let scale):
      return (7, [.int32(Int32(clamping: precision)), .int32(Int32(clamping: scale)), .int32(128)], [])
    case .date32: return (8, [.int16(0)], [])
    case .date64: return (8, [.int16(1)], [])
    case .timestamp(let unit, let timezone):
      return (10, [.int16(unit.rawValue), timezone.map { .object(.string($0)) }], [])
    case .list(let item): return (12, [], [item])
    case .largeBinary: return (19, [], [])
    case .largeUtf8: return (20, [], [])
    case .largeList(let item): return (21, [], [item])
    }
  }
}
