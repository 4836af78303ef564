/// Turns a FlatBuffers `Schema` table (Schema.fbs) into an `ArrowSchema`.
enum SchemaDecoder {
  /// Nested lists deeper than this are refused so hostile metadata cannot exhaust the stack.
  static let maximumNesting = 64

  /// Decodes the schema, refusing big-endian data, dictionary encoding and unsupported types.
  static func decode(_ schema: FlatTable) throws -> ArrowSchema {
    if try schema.scalar(0, default: Int16(0)) != 0 { throw ArrowIPCError.bigEndian }
    var fields: [ArrowField] = []
    if let vector = try schema.vector(1, elementSize: 4) {
      for i in 0..<vector.count {
        fields.append(try decodeField(try vector.table(at: i), depth: 0))
      }
    }
    return ArrowSchema(fields: fields)
  }

  private static func decodeField(_ field: FlatTable, depth: Int) throws -> ArrowField {
    guard depth < maximumNesting else {
      throw ArrowIPCError.malformed(section: .metadata, reason: "fields nested deeper than \(maximumNesting)")
    }
    let name = try field.string(0) ?? ""
    let nullable = try field.bool(1, default: false)
    if try field.table(4) != nil { throw ArrowIPCError.dictionaryEncoded(field: name) }
    let typeCode = try field.scalar(2, default: UInt8(0))
    let parameters = try field.table(3)

    func scalar<T: FixedWidthInteger>(_ slot: Int, _ defaultValue: T) throws -> T {
      try parameters?.scalar(slot, default: defaultValue) ?? defaultValue
    }
    func unsupported(_ type: String) -> ArrowIPCError { .unsupportedType(field: name, type: type) }
    func onlyChild() throws -> ArrowField {
      guard let children = try field.vector(5, elementSize: 4), children.count == 1 else {
        throw ArrowIPCError.malformed(
          section: .metadata, reason: "list column '\(name)' needs exactly one child")
      }
      return try decodeField(try children.table(at: 0), depth: depth + 1)
    }

    let type: ArrowType
    switch typeCode {
    case 1: type = .null
    case 2:
      let bitWidth = try scalar(0, Int32(0))
      guard try parameters?.bool(1, default: false) ?? false else { throw unsupported("uint\(bitWidth)") }
      switch bitWidth {
      case 8: type = .int8
      case 16: type = .int16
      case 32: type = .int32
      case 64: type = .int64
      default: throw unsupported("int\(bitWidth)")
      }
    case 3:
      switch try scalar(0, Int16(0)) {
      case 1: type = .float32
      case 2: type = .float64
      default: throw unsupported("halffloat")
      }
    case 4: type = .binary
    case 5: type = .utf8
    case 6: type = .bool
    case 7:
      let bitWidth = try scalar(2, Int32(128))
      guard bitWidth == 128 else { throw unsupported("decimal\(bitWidth)") }
      type = .decimal128(precision: Int(try scalar(0, Int32(0))), scale: Int(try scalar(1, Int32(0))))
    case 8:
      type = try scalar(0, Int16(1)) == 0 ? .date32 : .date64
    case 10:
      guard let unit = ArrowTimeUnit(rawValue: try scalar(0, Int16(0))) else {
        throw ArrowIPCError.malformed(section: .metadata, reason: "unknown time unit in column '\(name)'")
      }
      let timezone = try parameters?.string(1)
      type = .timestamp(unit: unit, timezone: timezone?.isEmpty == false ? timezone : nil)
    case 12: type = .list(try onlyChild())
    case 19: type = .largeBinary
    case 20: type = .largeUtf8
    case 21: type = .largeList(try onlyChild())
    default:
      let names = [
        9: "time", 11: "interval", 13: "struct", 14: "union", 15: "fixed_size_binary",
        16: "fixed_size_list", 17: "map", 18: "duration", 22: "run_end_encoded", 23: "binary_view",
        24: "string_view", 25: "list_view", 26: "large_list_view",
      ]
      throw unsupported(names[Int(typeCode)] ?? "type code \(typeCode)")
    }
    return ArrowField(name: name, type: type, nullable: nullable)
  }
}
