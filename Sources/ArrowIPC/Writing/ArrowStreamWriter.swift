/// Encodes an `ArrowTable` as an Arrow IPC stream: a schema message, record batches, end-of-stream.
///
/// The output is what Spark Connect's `LocalRelation.data` expects and what pyarrow's
/// `ipc.open_stream` and Arrow Java's `ArrowStreamReader` read. Bodies are uncompressed and
/// little-endian; a column without nulls gets no validity bitmap.
public struct ArrowStreamWriter: Sendable {
  /// The most rows one record batch holds; larger tables are split into several batches.
  public var maxRowsPerBatch: Int

  /// Creates a writer.
  /// - Parameter maxRowsPerBatch: rows per record batch; 65,536 keeps each batch a few MB for
  ///   typical columns, which both pyarrow and Spark read without large single allocations.
  public init(maxRowsPerBatch: Int = 65_536) {
    precondition(maxRowsPerBatch > 0, "a batch must hold at least one row")
    self.maxRowsPerBatch = maxRowsPerBatch
  }

  /// The IPC stream bytes of `table`; a table without rows still gets one empty batch.
  /// - Throws: `ArrowIPCError.invalidTable` when a column disagrees with its field or the row count.
  /// - Complexity: O(rows × columns); values are copied once into the output.
  public func write(_ table: ArrowTable) throws -> [UInt8] {
    try TableValidator.validate(table)
    var output: [UInt8] = []
    appendMessage(
      MessageEncoder.message(headerType: .schema, header: MessageEncoder.schema(table.schema), bodyLength: 0),
      body: [], to: &output)
    var start = 0
    repeat {
      let end = min(start + maxRowsPerBatch, table.rowCount)
      var batch = RecordBatchEncoder()
      for (column, field) in zip(table.columns, table.schema.fields) {
        try batch.append(column, type: field.type, rows: start..<end)
      }
      let header = MessageEncoder.recordBatch(length: end - start, nodes: batch.nodes, buffers: batch.buffers)
      appendMessage(
        MessageEncoder.message(headerType: .recordBatch, header: header, bodyLength: batch.body.count),
        body: batch.body, to: &output)
      start = end
    } while start < table.rowCount
    output.append(contentsOf: [0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0])
    return output
  }

  private func appendMessage(_ metadata: [UInt8], body: [UInt8], to output: inout [UInt8]) {
    output.append(contentsOf: [0xFF, 0xFF, 0xFF, 0xFF])
    withUnsafeBytes(of: Int32(metadata.count).littleEndian) { output.append(contentsOf: $0) }
    output.append(contentsOf: metadata)
    output.append(contentsOf: body)
  }
}

/// Checks a table before writing, so that a caller's inconsistent table is an error, not a trap.
enum TableValidator {
  static func validate(_ table: ArrowTable) throws {
    guard table.columns.count == table.schema.fields.count else {
      throw ArrowIPCError.invalidTable(
        "\(table.columns.count) columns for \(table.schema.fields.count) fields")
    }
    guard table.rowCount >= 0 else { throw ArrowIPCError.invalidTable("negative row count") }
    for (column, field) in zip(table.columns, table.schema.fields) {
      guard column.length == table.rowCount else {
        throw ArrowIPCError.invalidTable(
          "column '\(field.name)' has \(column.length) rows, the table \(table.rowCount)")
      }
      try validate(column, type: field.type, name: field.name)
    }
  }

  private static func validate(_ column: ArrowColumn, type: ArrowType, name: String) throws {
    func fail(_ reason: String) -> ArrowIPCError { .invalidTable("column '\(name)': \(reason)") }
    if let validity = column.validity, validity.count != column.length {
      throw fail("validity has \(validity.count) bits for \(column.length) rows")
    }
    func checkOffsets(_ offsets: [Int], limit: Int) throws {
      guard offsets.count == column.length + 1, offsets.first == 0, offsets.last! <= limit,
        zip(offsets, offsets.dropFirst()).allSatisfy({ $0 <= $1 })
      else {
        throw fail("offsets must be \(column.length + 1) non-decreasing values from 0 to at most \(limit)")
      }
    }
    let valueCount: Int?
    switch (column.data, type) {
    case (.null, .null): valueCount = nil
    case (.int8(let v), .int8): valueCount = v.count
    case (.int16(let v), .int16): valueCount = v.count
    case (.int32(let v), .int32), (.date32(let v), .date32): valueCount = v.count
    case (.int64(let v), .int64), (.date64(let v), .date64), (.timestamp(let v, _, _), .timestamp):
      valueCount = v.count
    case (.float32(let v), .float32): valueCount = v.count
    case (.float64(let v), .float64): valueCount = v.count
    case (.bool(let bits), .bool): valueCount = bits.count
    case (.decimal128(let d), .decimal128):
      guard d.high.count == d.low.count else { throw fail("decimal halves differ in length") }
      valueCount = d.count
    case (.utf8(let v), .utf8), (.utf8(let v), .largeUtf8), (.binary(let v), .binary),
      (.binary(let v), .largeBinary):
      try checkOffsets(v.offsets, limit: v.bytes.count)
      valueCount = nil
    case (.list(let offsets, let items), .list(let item)),
      (.list(let offsets, let items), .largeList(let item)):
      try checkOffsets(offsets, limit: items.length)
      try validate(items, type: item.type, name: "\(name).\(item.name)")
      valueCount = nil
    default:
      throw fail("its values do not match the field type \(type)")
    }
    if let valueCount, valueCount != column.length {
      throw fail("\(valueCount) values for \(column.length) rows")
    }
  }
}
