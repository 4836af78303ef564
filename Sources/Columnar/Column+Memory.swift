extension Column {
  /// The bytes the column's buffers hold: values, dictionary text and validity bits.
  ///
  /// Counts payload only (element sizes times counts, UTF-8 bytes of dictionary entries), not array
  /// headers or allocator slack, so the figure is the same on every machine.
  /// - Complexity: O(d) for d dictionary entries.
  public var byteCount: Int {
    let validityBytes = validity.map { $0.words.count * 8 } ?? 0
    switch storage {
    case .int(let buffer):
      let width: Int
      switch buffer {
      case .int8: width = 1
      case .int16: width = 2
      case .int32: width = 4
      case .int64: width = 8
      }
      return buffer.count * width + validityBytes
    case .double(let a): return a.count * 8 + validityBytes
    case .bool(let bits): return bits.words.count * 8 + validityBytes
    case .date(let a): return a.count * 4 + validityBytes
    case .timestamp(let a): return a.count * 8 + validityBytes
    case .string(let codes, let dictionary):
      return codes.count * 4 + dictionary.reduce(0) { $0 + $1.utf8.count } + validityBytes
    case .list(let offsets, let codes, let dictionary):
      return offsets.count * 4 + codes.count * 4 + dictionary.reduce(0) { $0 + $1.utf8.count } + validityBytes
    }
  }
}

extension Table {
  /// The bytes all columns' buffers hold (see `Column.byteCount`).
  public var byteCount: Int { columns.reduce(0) { $0 + $1.byteCount } }
}
