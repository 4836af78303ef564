/// A FlatBuffers object to serialize: the writer describes a message as a tree of these.
///
/// The usual FlatBuffers builder writes back to front; this module's messages are small, so it
/// instead lays the tree out front to back, parents before children, which keeps every unsigned
/// offset pointing forward as the format requires and makes alignment easy to see.
indirect enum FlatObject {
  /// A table whose field `i` is `fields[i]`; nil fields are absent.
  case table([FlatField?])
  case string(String)
  /// A vector of offsets to tables.
  case tables([FlatObject])
  /// A vector of fixed-size structs of `elementSize` bytes, given as their little-endian bytes.
  case structs(elementSize: Int, bytes: [UInt8])
}

/// One field of a `FlatObject.table`.
enum FlatField {
  case uint8(UInt8)
  case int16(Int16)
  case int32(Int32)
  case int64(Int64)
  case object(FlatObject)

  var size: Int {
    switch self {
    case .uint8: return 1
    case .int16: return 2
    case .int32, .object: return 4
    case .int64: return 8
    }
  }
}

/// Serializes a `FlatObject` tree into a FlatBuffers buffer.
struct FlatBufferWriter {
  private var bytes: [UInt8] = []

  /// The buffer for `root`, padded to a multiple of 8 bytes as Arrow's message framing wants.
  static func serialize(_ root: FlatObject) -> [UInt8] {
    var writer = FlatBufferWriter()
    writer.bytes = [0, 0, 0, 0]
    let rootPosition = writer.write(root)
    writer.patchOffset(at: 0, to: rootPosition)
    writer.pad(to: 8)
    return writer.bytes
  }

  /// Writes `object` and its children after everything written so far; returns its position.
  private mutating func write(_ object: FlatObject) -> Int {
    switch object {
    case .table(let fields):
      return writeTable(fields)
    case .string(let string):
      pad(to: 4)
      let position = bytes.count
      let utf8 = Array(string.utf8)
      append(UInt32(utf8.count))
      bytes.append(contentsOf: utf8)
      bytes.append(0)
      return position
    case .tables(let elements):
      pad(to: 4)
      let position = bytes.count
      append(UInt32(elements.count))
      let slots = elements.indices.map { position + 4 + 4 * $0 }
      bytes.append(contentsOf: repeatElement(0, count: 4 * elements.count))
      for (slot, element) in zip(slots, elements) {
        patchOffset(at: slot, to: write(element))
      }
      return position
    case .structs(let elementSize, let structBytes):
      // Structs of 64-bit fields must start 8-aligned, so the 4-byte length sits at 4 mod 8.
      while bytes.count % 8 != 4 { bytes.append(0) }
      let position = bytes.count
      append(UInt32(structBytes.count / elementSize))
      bytes.append(contentsOf: structBytes)
      return position
    }
  }

  private mutating func writeTable(_ fields: [FlatField?]) -> Int {
    pad(to: 2)
    let vtablePosition = bytes.count
    let vtableSize = 4 + 2 * fields.count
    bytes.append(contentsOf: repeatElement(0, count: vtableSize))
    pad(to: 8)
    let tablePosition = bytes.count
    append(Int32(tablePosition - vtablePosition))
    // Widest fields first keeps padding small; each field is aligned to its own size.
    let order = fields.indices.filter { fields[$0] != nil }.sorted { fields[$0]!.size > fields[$1]!.size }
    var pendingObjects: [(slot: Int, object: FlatObject)] = []
    for index in order {
      let field = fields[index]!
      pad(to: field.size)
      patchUInt16(at: vtablePosition + 4 + 2 * index, UInt16(bytes.count - tablePosition))
      switch field {
      case .uint8(let value): append(value)
      case .int16(let value): append(value)
      case .int32(let value): append(value)
      case .int64(let value): append(value)
      case .object(let object):
        pendingObjects.append((bytes.count, object))
        append(UInt32(0))
      }
    }
    patchUInt16(at: vtablePosition, UInt16(vtableSize))
    patchUInt16(at: vtablePosition + 2, UInt16(bytes.count - tablePosition))
    for (slot, object) in pendingObjects {
      patchOffset(at: slot, to: write(object))
    }
    return tablePosition
  }

  private mutating func append<T: FixedWidthInteger>(_ value: T) {
    withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
  }

  private mutating func pad(to alignment: Int) {
    while bytes.count % alignment != 0 { bytes.append(0) }
  }

  private mutating func patchUInt16(at position: Int, _ value: UInt16) {
    bytes[position] = UInt8(truncatingIfNeeded: value)
    bytes[position + 1] = UInt8(truncatingIfNeeded: value >> 8)
  }

  private mutating func patchOffset(at position: Int, to target: Int) {
    let offset = UInt32(target - position)
    for i in 0..<4 { bytes[position + i] = UInt8(truncatingIfNeeded: offset >> (8 * UInt32(i))) }
  }
}
