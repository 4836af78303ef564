/// A bounds-checked view of one FlatBuffers buffer (the metadata of one IPC message).
///
/// FlatBuffers readers usually trust their input; this one checks every offset against the buffer
/// before following it, because the bytes come from the network. A bad offset throws
/// `ArrowIPCError.malformed(section: .metadata, ...)` instead of reading out of bounds.
struct FlatBuffer {
  let bytes: UnsafeRawBufferPointer

  /// Reads a little-endian integer of type `T` at `position`.
  func scalar<T: FixedWidthInteger>(_: T.Type, at position: Int) throws -> T {
    guard position >= 0, position <= bytes.count - MemoryLayout<T>.size else {
      throw FlatBuffer.error(
        "a \(MemoryLayout<T>.size)-byte value at offset \(position) lies outside the "
          + "\(bytes.count)-byte metadata")
    }
    return T(littleEndian: bytes.loadUnaligned(fromByteOffset: position, as: T.self))
  }

  /// Follows the unsigned 32-bit offset stored at `position` to the object it points to.
  func follow(at position: Int) throws -> Int {
    let target = position + Int(try scalar(UInt32.self, at: position))
    guard target < bytes.count else {
      throw FlatBuffer.error("offset at \(position) points past the end of the metadata")
    }
    return target
  }

  /// The root table, whose offset is the buffer's first four bytes.
  func root() throws -> FlatTable {
    try FlatTable(buffer: self, position: try follow(at: 0))
  }

  static func error(_ reason: String) -> ArrowIPCError {
    .malformed(section: .metadata, reason: reason)
  }
}

/// A table inside a `FlatBuffer`: its position and the vtable that says where each field lives.
struct FlatTable {
  let buffer: FlatBuffer
  let position: Int
  private let vtable: Int
  private let vtableSize: Int
  private let tableSize: Int

  init(buffer: FlatBuffer, position: Int) throws {
    self.buffer = buffer
    self.position = position
    // The vtable sits at `position - soffset`; the signed offset may point either way.
    vtable = position - Int(try buffer.scalar(Int32.self, at: position))
    vtableSize = Int(try buffer.scalar(UInt16.self, at: vtable))
    tableSize = Int(try buffer.scalar(UInt16.self, at: vtable + 2))
    guard vtableSize >= 4, vtableSize & 1 == 0, vtable + vtableSize <= buffer.bytes.count else {
      throw FlatBuffer.error("vtable at \(vtable) has an invalid size \(vtableSize)")
    }
    guard tableSize >= 4, position + tableSize <= buffer.bytes.count else {
      throw FlatBuffer.error("table at \(position) has an invalid size \(tableSize)")
    }
  }

  /// The absolute position of field `slot` holding `size` bytes, or nil when the field is absent.
  private func fieldPosition(_ slot: Int, size: Int) throws -> Int? {
    let entry = 4 + 2 * slot
    guard entry + 2 <= vtableSize else { return nil }
    let offset = Int(try buffer.scalar(UInt16.self, at: vtable + entry))
    guard offset != 0 else { return nil }
    guard offset + size <= tableSize else {
      throw FlatBuffer.error("field \(slot) of the table at \(position) lies outside the table")
    }
    return position + offset
  }

  /// The integer in field `slot`, or `defaultValue` when the field is absent.
  func scalar<T: FixedWidthInteger>(_ slot: Int, default defaultValue: T) throws -> T {
    guard let at = try fieldPosition(slot, size: MemoryLayout<T>.size) else { return defaultValue }
    return try buffer.scalar(T.self, at: at)
  }

  /// The boolean in field `slot`, or `defaultValue` when the field is absent.
  func bool(_ slot: Int, default defaultValue: Bool) throws -> Bool {
    try scalar(slot, default: UInt8(defaultValue ? 1 : 0)) != 0
  }

  /// The table that field `slot` points to, or nil when the field is absent.
  func table(_ slot: Int) throws -> FlatTable? {
    guard let at = try fieldPosition(slot, size: 4) else { return nil }
    return try FlatTable(buffer: buffer, position: try buffer.follow(at: at))
  }

  /// The string in field `slot`, or nil when the field is absent; invalid UTF-8 becomes U+FFFD.
  func string(_ slot: Int) throws -> String? {
    guard let vector = try vector(slot, elementSize: 1) else { return nil }
    let bytes = UnsafeRawBufferPointer(rebasing: buffer.bytes[vector.start..<vector.start + vector.count])
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The vector in field `slot` whose elements are `elementSize` bytes, or nil when absent.
  func vector(_ slot: Int, elementSize: Int) throws -> FlatVector? {
    guard let at = try fieldPosition(slot, size: 4) else { return nil }
    let lengthPosition = try buffer.follow(at: at)
    let count = Int(try buffer.scalar(UInt32.self, at: lengthPosition))
    let start = lengthPosition + 4
    guard count <= (buffer.bytes.count - start) / elementSize else {
      throw FlatBuffer.error("vector of \(count) elements at \(lengthPosition) runs past the metadata")
    }
    return FlatVector(buffer: buffer, start: start, count: count, elementSize: elementSize)
  }
}

/// A vector inside a `FlatBuffer`, already checked to lie inside it.
struct FlatVector {
  let buffer: FlatBuffer
  let start: Int
  let count: Int
  let elementSize: Int

  /// The table that element `i` (an offset) points to.
  func table(at i: Int) throws -> FlatTable {
    try FlatTable(buffer: buffer, position: try buffer.follow(at: start + i * elementSize))
  }

  /// The integer at byte `offset` within struct element `i`.
  func structField<T: FixedWidthInteger>(_: T.Type, element i: Int, offset: Int) throws -> T {
    try buffer.scalar(T.self, at: start + i * elementSize + offset)
  }
}
