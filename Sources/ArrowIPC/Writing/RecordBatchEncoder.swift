/// Lays out the body of one record batch: field nodes, buffer descriptors and the padded buffers.
struct RecordBatchEncoder {
  private(set) var body: [UInt8] = []
  private(set) var nodes: [UInt8] = []
  private(set) var buffers: [UInt8] = []

  /// Appends rows `range` of `column` (already checked against `type` by the writer).
  mutating func append(_ column: ArrowColumn, type: ArrowType, rows range: Range<Int>) throws {
    let nullCount: Int
    if case .null = column.data {
      nullCount = range.count
    } else {
      nullCount = column.validity.map { range.count - $0.setCount(in: range) } ?? 0
    }
    appendNode(length: range.count, nullCount: nullCount)
    if case .null = column.data { return }
    // No bitmap when nothing is null, as Arrow allows; readers treat an empty buffer as all-valid.
    appendBuffer(nullCount > 0 ? column.validity!.packedBytes(range) : [])

    switch column.data {
    case .null: break
    case .int8(let values): appendValues(values, range)
    case .int16(let values): appendValues(values, range)
    case .int32(let values), .date32(let values): appendValues(values, range)
    case .int64(let values), .date64(let values), .timestamp(let values, _, _): appendValues(values, range)
    case .float32(let values): appendValues(values, range)
    case .float64(let values): appendValues(values, range)
    case .bool(let bits): appendBuffer(bits.packedBytes(range))
    case .decimal128(let decimals):
      var bytes: [UInt8] = []
      bytes.reserveCapacity(range.count * 16)
      for i in range {
        withUnsafeBytes(of: decimals.low[i].littleEndian) { bytes.append(contentsOf: $0) }
        withUnsafeBytes(of: decimals.high[i].littleEndian) { bytes.append(contentsOf: $0) }
      }
      appendBuffer(bytes)
    case .utf8(let values), .binary(let values):
      let wide = type == .largeUtf8 || type == .largeBinary
      try appendOffsets(values.offsets, range, wide: wide)
      values.bytes[values.offsets[range.lowerBound]..<values.offsets[range.upperBound]].withUnsafeBytes {
        appendBuffer($0)
      }
    case .list(let offsets, let items):
      let itemType: ArrowType
      switch type {
      case .list(let item), .largeList(let item): itemType = item.type
      default: preconditionFailure("the writer checked that list data has a list type")
      }
      if case .largeList = type {
        try appendOffsets(offsets, range, wide: true)
      } else {
        try appendOffsets(offsets, range, wide: false)
      }
      try append(items, type: itemType, rows: offsets[range.lowerBound]..<offsets[range.upperBound])
    }
  }

  private mutating func appendNode(length: Int, nullCount: Int) {
    for value in [Int64(length), Int64(nullCount)] {
      withUnsafeBytes(of: value.littleEndian) { nodes.append(contentsOf: $0) }
    }
  }

  private mutating func appendValues<T>(_ values: [T], _ range: Range<Int>) {
    values[range].withUnsafeBytes { appendBuffer($0) }
  }

  /// Offsets rebased so that the batch's first row starts at 0, as readers expect.
  private mutating func appendOffsets(_ offsets: [Int], _ range: Range<Int>, wide: Bool) throws {
    let rows = offsets[range.lowerBound...range.upperBound]
    let base = rows.first!
    if wide {
      appendValues(rows.map { Int64($0 - base).littleEndian }, 0..<rows.count)
    } else {
      guard rows.last! - base <= Int(Int32.max) else {
        throw ArrowIPCError.invalidTable(
          "one batch holds more than 2 GiB of strings or list items; write smaller batches or large types")
      }
      appendValues(rows.map { Int32($0 - base).littleEndian }, 0..<rows.count)
    }
  }

  private mutating func appendBuffer(_ bytes: [UInt8]) {
    bytes.withUnsafeBytes { appendBuffer($0) }
  }

  /// Records the buffer's place and copies it, padded to 8 bytes as the format requires.
  private mutating func appendBuffer(_ bytes: UnsafeRawBufferPointer) {
    for value in [Int64(body.count), Int64(bytes.count)] {
      withUnsafeBytes(of: value.littleEndian) { buffers.append(contentsOf: $0) }
    }
    body.append(contentsOf: bytes)
    while body.count % 8 != 0 { body.append(0) }
  }
}
