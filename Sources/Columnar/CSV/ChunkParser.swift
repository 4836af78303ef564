/// The outcome of parsing one chunk of records.
struct ChunkResult {
  var start: Int
  var end: Int
  var rows = 0
  var error: ChunkError?
  var skipped = 0
  var skippedOffsets: [Int] = []
  var stats: [ColumnStats] = []
  var partials: [Partial?] = []
}

/// A problem found while tokenizing, located by byte offset (turned into lines later).
enum ChunkError {
  case ragged(recordOffset: Int, found: Int)
  case unterminated(quoteOffset: Int, field: Int)
}

/// Tokenizes the records that start in `[start, stop)` and converts their columns.
struct ChunkParser: @unchecked Sendable {  // read-only pointers into the file bytes
  let tokenizer: CSVTokenizer
  let columns: Int
  let skipBadRows: Bool
  let listsAllowed: Bool
  /// Span and scratch buffers that chunks parsed one after another reuse, instead of each chunk
  /// allocating (and the kernel clearing) megabytes of fresh pages.
  let scratchPool = Pool<ChunkScratch>(make: ChunkScratch.init)

  /// Parses a chunk; with `specs` given, converts only the columns whose spec is non-nil and
  /// gathers no statistics; without, infers each column's type within the chunk first (in one
  /// pass, or with `reference` in two: `stats` then `convert`, which tests compare against).
  func parse(start: Int, stop: Int, specs: [ColumnSpec?]? = nil, reference: Bool = false) -> ChunkResult {
    var result = ChunkResult(start: start, end: start)
    let k = max(columns, 1)
    // Spans are stored column by column (`capacity` per column) so conversion reads them in order.
    let buffers = scratchPool.take()
    defer { scratchPool.put(buffers) }
    var capacity = max(64, (stop - start) / max(8, 4 * k) + 16)
    buffers.reserveSpans(capacity * k)
    var spans = buffers.spans
    var rows = 0
    var i = tokenizer.skipBlankLines(start)
    var longest = 0
    var cursor = BlockCursor()
    while i < stop && i < tokenizer.n {
      if rows + 1 > capacity {
        spans = buffers.growSpans(columns: k, rows: rows, from: capacity, to: capacity * 2)
        capacity *= 2
      }
      let plainEnd = tokenizer.scanPlainRecord(
        from: i, fields: columns, into: spans + rows, stride: capacity, cursor: &cursor)
      if plainEnd >= 0 {
        rows += 1
        longest = max(longest, plainEnd - i)
        i = tokenizer.skipBlankLines(plainEnd)
        continue
      }
      let r = tokenizer.scanRecord(
        from: i, maxFields: columns, into: spans + rows, stride: capacity, cursor: &cursor)
      if r.openQuote >= 0 {
        result.error = .unterminated(quoteOffset: r.openQuote, field: r.fields)
        i = tokenizer.n
        break
      }
      if r.fields == columns || (r.fields > columns && r.extrasEmpty) {
        rows += 1
        longest = max(longest, r.end - i)
      } else if skipBadRows {
        result.skipped += 1
        if result.skippedOffsets.count < 5 { result.skippedOffsets.append(i) }
      } else {
        result.error = .ragged(recordOffset: i, found: r.fields)
        break
      }
      i = tokenizer.skipBlankLines(r.end)
    }
    result.end = i
    result.rows = rows
    if result.error != nil { return result }
    buffers.cache.clear()
    let conv = ColumnConverter(
      p: tokenizer.p, spans: spans, stride: capacity, rows: rows, limit: tokenizer.n,
      scratch: buffers.scratch(longest + 16), cache: buffers.cache)
    result.partials = [Partial?](repeating: nil, count: columns)
    if let specs {
      for j in 0..<columns {
        if let spec = specs[j] { result.partials[j] = conv.convert(j, spec) }
      }
    } else {
      result.stats.reserveCapacity(columns)
      for j in 0..<columns {
        if reference {
          let st = conv.stats(j, listsAllowed: listsAllowed)
          result.stats.append(st)
          result.partials[j] = conv.convert(j, ColumnSpec.decide(st, listsAllowed: listsAllowed))
        } else {
          let (st, partial) = conv.read(j, listsAllowed: listsAllowed)
          result.stats.append(st)
          result.partials[j] = partial
        }
      }
    }
    return result
  }
}
