/// Hands out the field nodes and buffers of one record batch in schema order (depth-first).
///
/// Each `Buffer` is an offset and length relative to the batch body; both are checked against the
/// body before a view of it is returned, so a decoder never reads outside the message.
struct RecordBatchCursor {
  private let nodes: FlatVector?
  private let buffers: FlatVector?
  private let body: UnsafeRawBufferPointer
  private let bodyOffset: Int
  private var nodeIndex = 0
  private var bufferIndex = 0

  init(nodes: FlatVector?, buffers: FlatVector?, body: UnsafeRawBufferPointer, bodyOffset: Int) {
    self.nodes = nodes
    self.buffers = buffers
    self.body = body
    self.bodyOffset = bodyOffset
  }

  /// The size of the batch body; no non-null array can have more rows than the body has bits.
  var bodyCount: Int { body.count }

  /// The next `FieldNode`: the array's length and its null count.
  mutating func nextNode() throws -> (length: Int, nullCount: Int) {
    guard let nodes, nodeIndex < nodes.count else {
      throw ArrowIPCError.malformed(
        section: .metadata, reason: "record batch has fewer field nodes than its schema")
    }
    let length = try nodes.structField(Int64.self, element: nodeIndex, offset: 0)
    let nullCount = try nodes.structField(Int64.self, element: nodeIndex, offset: 8)
    nodeIndex += 1
    guard length >= 0, nullCount >= 0, nullCount <= length else {
      throw ArrowIPCError.malformed(
        section: .metadata, reason: "field node with length \(length) and null count \(nullCount)")
    }
    // Every array needs at least one body bit per row except Null arrays, which are checked later.
    guard length <= Int64(Int32.max) * 64 else {
      throw ArrowIPCError.malformed(section: .metadata, reason: "field node length \(length) is implausible")
    }
    return (Int(length), Int(nullCount))
  }

  /// The next buffer as a view of the body.
  mutating func nextBuffer() throws -> UnsafeRawBufferPointer {
    guard let buffers, bufferIndex < buffers.count else {
      throw ArrowIPCError.malformed(
        section: .metadata, reason: "record batch has fewer buffers than its schema")
    }
    let offset = try buffers.structField(Int64.self, element: bufferIndex, offset: 0)
    let length = try buffers.structField(Int64.self, element: bufferIndex, offset: 8)
    bufferIndex += 1
    guard offset >= 0, length >= 0, offset <= Int64(body.count), length <= Int64(body.count) - offset else {
      throw ArrowIPCError.malformed(
        section: .body,
        reason: "buffer \(bufferIndex - 1) (offset \(offset), length \(length)) lies outside the "
          + "\(body.count)-byte body at byte \(bodyOffset)")
    }
    return UnsafeRawBufferPointer(rebasing: body[Int(offset)..<Int(offset + length)])
  }
}
