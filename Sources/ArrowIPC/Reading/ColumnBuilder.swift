/// Accumulates one column across record batches (and streams) into contiguous storage.
///
/// Fixed-width values are kept as raw little-endian bytes and copied into a typed array once, in
/// `finish()`; strings and lists keep rebased `Int` offsets so batches with 32- or 64-bit offsets
/// concatenate into one buffer. A class, because list columns own a child builder that grows in place.
final class ColumnBuilder {
  let field: ArrowField
  private(set) var length = 0
  private var validity: ArrowBitmap?
  private var fixedBytes: [UInt8] = []
  private var bits = ArrowBitmap(count: 0, allSet: false)
  private var offsets: [Int] = [0]
  private var child: ColumnBuilder?

  init(field: ArrowField) {
    self.field = field
    switch field.type {
    case .list(let item), .largeList(let item): child = ColumnBuilder(field: item)
    default: break
    }
  }

  /// Appends the next array of this column from `cursor`; returns its length.
  @discardableResult
  func appendArray(from cursor: inout RecordBatchCursor) throws -> Int {
    let node = try cursor.nextNode()
    let count = node.length
    guard count <= Int.max - length else { throw malformed("more rows than an Int can count") }
    if case .null = field.type {
      // Null arrays carry no buffers at all (Columnar.html, "Null Layout").
      length += count
      return count
    }
    guard count <= cursor.bodyCount * 8 + 8 else {
      throw malformed("\(count) rows cannot fit in a \(cursor.bodyCount)-byte body")
    }
    let validityBuffer = try cursor.nextBuffer()
    if node.nullCount > 0 {
      guard validityBuffer.count >= (count + 7) / 8 else {
        throw malformed("validity bitmap of \(validityBuffer.count) bytes for \(count) rows")
      }
      if validity == nil { validity = ArrowBitmap(count: length, allSet: true) }
      validity!.appendPacked(validityBuffer, bitCount: count)
    } else if validity != nil {
      validity!.appendRepeating(true, count: count)
    }

    switch field.type {
    case .null:
      break
    case .bool:
      let values = try cursor.nextBuffer()
      guard values.count >= (count + 7) / 8 else {
        throw malformed("boolean buffer of \(values.count) bytes for \(count) rows")
      }
      bits.appendPacked(values, bitCount: count)
    case .utf8, .binary:
      try appendVariable(count: count, offsetWidth: 4, from: &cursor)
    case .largeUtf8, .largeBinary:
      try appendVariable(count: count, offsetWidth: 8, from: &cursor)
    case .list:
      try appendList(count: count, offsetWidth: 4, from: &cursor)
    case .largeList:
      try appendList(count: count, offsetWidth: 8, from: &cursor)
    case .int8, .int16, .int32, .int64, .float32, .float64, .date32, .date64, .timestamp, .decimal128:
      let width = field.type.fixedWidth!
      let values = try cursor.nextBuffer()
      guard count <= values.count / width else {
        throw malformed("value buffer of \(values.count) bytes for \(count) \(width)-byte values")
      }
      fixedBytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: values[0..<count * width]))
    }
    length += count
    return count
  }

  private func appendVariable(count: Int, offsetWidth: Int, from cursor: inout RecordBatchCursor) throws {
    let offsetBuffer = try cursor.nextBuffer()
    let data = try cursor.nextBuffer()
    guard count > 0 else { return }  // An empty array may omit its offsets entirely.
    let rowOffsets = try OffsetBuffer(offsetBuffer, count: count, width: offsetWidth, column: field.name)
    let first = rowOffsets.offset(0)
    let last = try rowOffsets.validateMonotonic(upTo: data.count)
    let base = fixedBytes.count - first
    offsets.reserveCapacity(offsets.count + count)
    for i in 1...count { offsets.append(base + rowOffsets.offset(i)) }
    fixedBytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: data[first..<last]))
  }

  private func appendList(count: Int, offsetWidth: Int, from cursor: inout RecordBatchCursor) throws {
    let offsetBuffer = try cursor.nextBuffer()
    let child = child!
    let childBase = child.length
    let childCount = try child.appendArray(from: &cursor)
    guard count > 0 else { return }
    let rowOffsets = try OffsetBuffer(offsetBuffer, count: count, width: offsetWidth, column: field.name)
    guard rowOffsets.offset(0) == 0 else {
      // Arrow's C++, Java and this module's writers rebase list offsets to 0; others are not handled.
      throw ArrowIPCError.unsupportedType(field: field.name, type: "list whose offsets do not start at 0")
    }
    _ = try rowOffsets.validateMonotonic(upTo: childCount)
    offsets.reserveCapacity(offsets.count + count)
    for i in 1...count { offsets.append(childBase + rowOffsets.offset(i)) }
  }

  /// The finished column.
  /// - Complexity: O(`length`), one copy of the values.
  func finish() -> ArrowColumn {
    let data: ArrowColumnData
    switch field.type {
    case .null: data = .null
    case .int8: data = .int8(typed())
    case .int16: data = .int16(typed())
    case .int32: data = .int32(typed())
    case .int64: data = .int64(typed())
    case .float32: data = .float32(typed())
    case .float64: data = .float64(typed())
    case .date32: data = .date32(typed())
    case .date64: data = .date64(typed())
    case .timestamp(let unit, let timezone): data = .timestamp(typed(), unit: unit, timezone: timezone)
    case .bool: data = .bool(bits)
    case .utf8, .largeUtf8: data = .utf8(ArrowVariableBytes(offsets: offsets, bytes: fixedBytes))
    case .binary, .largeBinary: data = .binary(ArrowVariableBytes(offsets: offsets, bytes: fixedBytes))
    case .decimal128(let precision, let scale):
      let halves: [UInt64] = typed()
      data = .decimal128(
        ArrowDecimal128Values(
          low: stride(from: 0, to: halves.count, by: 2).map { halves[$0] },
          high: stride(from: 1, to: halves.count, by: 2).map { Int64(bitPattern: halves[$0]) },
          precision: precision, scale: scale))
    case .list, .largeList: data = .list(offsets: offsets, values: child!.finish())
    }
    return ArrowColumn(length: length, validity: validity, data: data)
  }

  /// The raw value bytes reinterpreted as `T` (the host is little-endian, like the stream).
  private func typed<T>() -> [T] {
    let count = fixedBytes.count / MemoryLayout<T>.stride
    return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
      fixedBytes.withUnsafeBytes { source in
        UnsafeMutableRawBufferPointer(buffer).copyMemory(
          from: UnsafeRawBufferPointer(rebasing: source[0..<count * MemoryLayout<T>.stride]))
      }
      initialized = count
    }
  }

  private func malformed(_ reason: String) -> ArrowIPCError {
    .malformed(section: .body, reason: "column '\(field.name)': \(reason)")
  }
}

/// A checked view of an offsets buffer holding `count + 1` little-endian integers of `width` bytes.
private struct OffsetBuffer {
  let bytes: UnsafeRawBufferPointer
  let count: Int
  let width: Int
  let column: String

  init(_ bytes: UnsafeRawBufferPointer, count: Int, width: Int, column: String) throws {
    guard count < bytes.count / width else {
      throw ArrowIPCError.malformed(
        section: .body, reason: "column '\(column)': offsets buffer of \(bytes.count) bytes for \(count) rows"
      )
    }
    self.bytes = bytes
    self.count = count
    self.width = width
    self.column = column
  }

  func offset(_ i: Int) -> Int {
    width == 4
      ? Int(Int32(littleEndian: bytes.loadUnaligned(fromByteOffset: i * 4, as: Int32.self)))
      : Int(Int64(littleEndian: bytes.loadUnaligned(fromByteOffset: i * 8, as: Int64.self)))
  }

  /// Checks that offsets never decrease and stay in `0...limit`; returns the last offset.
  func validateMonotonic(upTo limit: Int) throws -> Int {
    var previous = offset(0)
    guard previous >= 0 else { throw error("negative offset \(previous)") }
    for i in 1...count {
      let next = offset(i)
      guard next >= previous else { throw error("offset \(next) after \(previous) at row \(i)") }
      previous = next
    }
    guard previous <= limit else { throw error("offset \(previous) past the \(limit) values") }
    return previous
  }

  private func error(_ reason: String) -> ArrowIPCError {
    .malformed(section: .body, reason: "column '\(column)': \(reason)")
  }
}
