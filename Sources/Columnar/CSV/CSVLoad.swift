/// One load in progress: header, chunks, type decisions and assembly (see `CSVReader`).
struct CSVLoad {
  let p: UnsafePointer<UInt8>
  let n: Int
  let source: String
  let options: LoadOptions
  let interruption: (@Sendable () -> Bool)?
  /// Told of each chunk parsed (the first parse only, not re-parses), for a progress line.
  let progress: LoadProgress?
  /// The bytes are a read-only file mapping, whose pages can be mapped and unmapped at will.
  let mapped: Bool

  static let maxColumns = 16_384

  func run(tableName: String) throws(LoadError) -> LoadReport {
    var start = 0
    if n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF { start = 3 }
    let delimiter = options.delimiter ?? CSVSniffer.delimiter(p, n, from: start)
    var report =
      delimiter == AlignedText.marker
      ? try runAligned(tableName: tableName, from: start)
      : try run(tableName: tableName, delimiter: delimiter, from: start)
    if report.table.columns.count == 1,
      let other = CSVSniffer.otherSplit(p, n, from: start, besides: delimiter)
    {
      report.otherSplit = DelimiterHint(delimiter: other.delimiter, fields: other.fields)
    }
    return report
  }

  /// Loads whitespace-aligned text: a tab-separated rewrite of it (`AlignedText`), whose lines are
  /// the file's lines, so messages name the right ones.
  private func runAligned(tableName: String, from start: Int) throws(LoadError) -> LoadReport {
    let text = AlignedText.rewrite(p, from: start, to: n)
    if let interruption, interruption() { throw .interrupted(file: source) }
    var report = try text.withUnsafeBufferPointer { buf in
      Result { () throws(LoadError) -> LoadReport in
        guard let base = buf.baseAddress, !buf.isEmpty else { throw .empty(file: source) }
        let inner = CSVLoad(
          p: base, n: buf.count, source: source, options: options, interruption: interruption,
          progress: progress, mapped: false)
        return try inner.run(tableName: tableName, delimiter: AlignedText.separator, from: 0)
      }
    }.get()
    report.delimiter = AlignedText.marker
    return report
  }

  private func run(tableName: String, delimiter: UInt8, from start: Int) throws(LoadError) -> LoadReport {
    var start = start
    let tok = CSVTokenizer(p: p, n: n, delimiter: delimiter)
    start = tok.skipBlankLines(start)
    guard start < n else { throw .empty(file: source) }

    // The first record fixes the number of columns and may be the header.
    // One field more than the limit is scanned, to tell a line at the limit from one beyond it.
    var first = [UInt64](repeating: 0, count: Self.maxColumns + 1)
    let head = first.withUnsafeMutableBufferPointer {
      tok.scanRecord(from: start, maxFields: Self.maxColumns + 1, into: $0.baseAddress!)
    }
    if head.openQuote >= 0 { throw unterminated(tok, head.openQuote, head.fields) }
    if head.fields > Self.maxColumns {
      throw LoadError(
        kind: .tooManyColumns(head.fields), file: source, line: tok.line(of: start),
        message: "'\(source)' has more than \(Self.maxColumns) columns on its first line; seg reads at most "
          + "\(Self.maxColumns): split the file, or check that the delimiter is the one it uses")
    }
    let columns = head.fields
    first.removeLast(Self.maxColumns + 1 - columns)
    let listsAllowed = delimiter != 59
    let hadHeader =
      options.header
      ?? CSVSniffer.isHeader(
        p, first: first, sample: sample(tok, from: head.end, columns), listsAllowed: listsAllowed)
    let dataStart = hadHeader ? head.end : start
    var names: [String]
    var usedFallback = false
    if hadHeader {
      let raw: [String?] = first.map { span in
        let a = CSVTokenizer.start(span)
        let b = CSVTokenizer.end(span)
        var bytes = [UInt8](repeating: 0, count: b - a)
        let len =
          CSVTokenizer.needsUnquote(span)
          ? bytes.withUnsafeMutableBufferPointer { CSVTokenizer.unquote(p, a, b, into: $0.baseAddress!) }
          : {
            for i in a..<b { bytes[i - a] = p[i] }; return b - a
          }()
        let (s, fell) = bytes.withUnsafeBufferPointer {
          TextDecoding.decode(UnsafeBufferPointer(rebasing: $0[0..<len]), latin1: options.encoding == .latin1)
        }
        usedFallback = usedFallback || fell
        return s
      }
      names = CSVSniffer.columnNames(raw)
    } else {
      names = (1...max(columns, 1)).prefix(columns).map { "column_\($0)" }
    }

    let parser = ChunkParser(
      tokenizer: tok, columns: columns, skipBadRows: options.skipBadRows, listsAllowed: listsAllowed)
    var results = try parseChunks(parser, from: dataStart, hadHeader: hadHeader)
    let skipped = results.reduce(0) { $0 + $1.skipped }
    let skippedLines = results.flatMap(\.skippedOffsets).prefix(5).map { tok.line(of: $0) }

    // Decide each column's type over the whole file, then redo the parts that guessed otherwise.
    var specs: [ColumnSpec] = []
    var placeholders: [String: [String: Int]] = [:]
    for j in 0..<columns {
      var st = ColumnStats()
      for r in results where !r.stats.isEmpty { st.merge(r.stats[j]) }
      let spec = ColumnSpec.decide(st, listsAllowed: listsAllowed)
      specs.append(spec)
      var found: [String: Int] = [:]
      for (k, c) in st.strong.enumerated() where c > 0 { found[FieldScanner.strongNulls[k], default: 0] += c }
      if spec.weakIsNull {
        for (k, c) in st.weak.enumerated() where c > 0 { found[FieldScanner.weakNulls[k], default: 0] += c }
      }
      if !found.isEmpty { placeholders[names[j]] = found }
    }
    try redoMismatches(&results, parser, specs)

    let latin1 = options.encoding == .latin1
    let slots = Slots<ColumnAssembler.Output>(columns)
    let frozen = results
    let frozenSpecs = specs
    let frozenNames = names
    Parallel.forEach(columns) { j in
      let parts = frozen.map { $0.partials[j]! }
      slots[j] = ColumnAssembler.assemble(
        name: frozenNames[j], spec: frozenSpecs[j], parts: parts, latin1: latin1)
    }
    let outputs = slots.all
    var warnings: [String] = []
    usedFallback = usedFallback || outputs.contains { $0.usedFallback }
    if usedFallback {
      let bad = TextDecoding.firstInvalidUTF8(p, start, n) ?? start
      warnings.append(
        "'\(source)' is not valid UTF-8 (first bad byte on line \(tok.line(of: bad))); "
          + "values that are not UTF-8 were read as Windows-1252")
    }
    for j in 0..<columns {
      let invalid = results.reduce(0) { $0 + ($1.partials[j]?.invalid ?? 0) }
      if invalid > 0 {
        let type = outputs[j].column.type.displayName
        warnings.append(
          "\(invalid) values in column '\(names[j])' are not valid \(type) values and were read as null")
      }
    }
    for j in 0..<columns {
      guard let stray = Self.strayValues(in: outputs[j].column) else { continue }
      let line = tok.line(of: recordOffset(ofRow: stray.firstRow, in: results, parser: parser))
      warnings.append(Self.strayWarning(column: names[j], stray, line: line))
    }
    var columnsRead = outputs.map(\.column)
    var compactDates: [String] = []
    for j in 0..<columns where columnsRead[j].type == .int {
      guard let dates = CompactDates.read(columnsRead[j], named: hadHeader) else { continue }
      columnsRead[j] = dates
      compactDates.append(names[j])
    }
    let table: Table
    do {
      table = try Table(name: tableName, columns: columnsRead)
    } catch {
      preconditionFailure("column names were made unique and lengths equal: \(error)")
    }
    return LoadReport(
      table: table, delimiter: delimiter, hadHeader: hadHeader,
      encoding: latin1 || usedFallback ? .latin1 : .utf8, warnings: warnings, skippedRows: skipped,
      firstSkippedLines: Array(skippedLines), nullPlaceholders: placeholders, compactDateColumns: compactDates
    )
  }

  /// Up to 50 records after the first, for header detection.
  private func sample(_ tok: CSVTokenizer, from: Int, _ columns: Int) -> [[UInt64]] {
    var rows: [[UInt64]] = []
    var buf = [UInt64](repeating: 0, count: max(columns, 1))
    var i = tok.skipBlankLines(from)
    while i < n && rows.count < CSVSniffer.sampleRecords {
      let r = buf.withUnsafeMutableBufferPointer {
        tok.scanRecord(from: i, maxFields: columns, into: $0.baseAddress!)
      }
      if r.openQuote >= 0 { break }
      if r.fields == columns { rows.append(buf) }
      i = tok.skipBlankLines(r.end)
    }
    return rows
  }

  /// Parses all chunks in parallel, then checks that each chunk began where the previous one
  /// really ended, re-parsing (sequentially) any that began inside a quoted field.
  private func parseChunks(_ parser: ChunkParser, from dataStart: Int, hadHeader: Bool) throws(LoadError)
    -> [ChunkResult]
  {
    let size = max(Self.chunkSize(bytes: n - dataStart, limit: options.chunkBytes), 1024)
    var bounds = [dataStart]
    var next = dataStart + size
    while next < n {
      guard let nl = memchr(p + next, 10, n - next) else { break }
      let b = UnsafePointer<UInt8>(nl.assumingMemoryBound(to: UInt8.self)) - p + 1
      if b >= n { break }
      bounds.append(b)
      next = b + size
    }
    bounds.append(n)
    let count = bounds.count - 1
    let slots = Slots<ChunkResult>(count)
    let stop = StopFlag()
    let check = interruption
    let frozenBounds = bounds
    let bytes = SharedBytes(p: p, n: n)
    let mapped = self.mapped
    let progress = self.progress
    let total = n - dataStart
    Parallel.forEach(count) { c in
      if stop.isRaised { return }
      if let check, check() {
        stop.raise()
        return
      }
      let range = frozenBounds[c]..<frozenBounds[c + 1]
      if mapped { FileBytes.populate(bytes.p, range) }
      slots[c] = parser.parse(start: range.lowerBound, stop: range.upperBound)
      if mapped { FileBytes.release(bytes.p, range) }
      progress?(range.count, total)
    }
    if stop.isRaised { throw .interrupted(file: source) }
    var results: [ChunkResult] = []
    var expected = dataStart
    for c in 0..<count {
      var r = slots[c]!
      if r.start != expected {
        if let interruption, interruption() { throw .interrupted(file: source) }
        r = parser.parse(start: expected, stop: max(expected, bounds[c + 1]))
      }
      if let error = r.error {
        switch error {
        case .ragged(let offset, let found):
          throw .ragged(
            file: source, line: parser.tokenizer.line(of: offset), expected: parser.columns, found: found,
            hadHeader: hadHeader)
        case .unterminated(let offset, let field):
          throw unterminated(parser.tokenizer, offset, field)
        }
      }
      expected = r.end
      results.append(r)
    }
    return results
  }

  /// The chunk size for `bytes` of records: `limit`, or less for a file too small to give every
  /// core two chunks (a 2 MB file would otherwise be parsed on one core), but not below 64 KiB,
  /// where the work of a chunk's own dictionaries starts to tell.
  static func chunkSize(bytes: Int, limit: Int) -> Int {
    let cores = max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))
    return min(limit, max(64 << 10, bytes / (2 * cores)))
  }

  /// Converts again, under the whole column's type, the chunk parts that guessed a type that
  /// cannot simply be widened.
  private func redoMismatches(_ results: inout [ChunkResult], _ parser: ChunkParser, _ specs: [ColumnSpec])
    throws(LoadError)
  {
    var todo: [(Int, [ColumnSpec?])] = []
    for (c, r) in results.enumerated() {
      var redo = [ColumnSpec?](repeating: nil, count: specs.count)
      var any = false
      for j in specs.indices where !(r.partials[j]!.spec.fits(specs[j])) {
        redo[j] = specs[j]
        any = true
      }
      if any { todo.append((c, redo)) }
    }
    if todo.isEmpty { return }
    if let interruption, interruption() { throw .interrupted(file: source) }
    let slots = Slots<ChunkResult>(todo.count)
    let frozenTodo = todo
    let frozen = results.map { ($0.start, $0.end) }
    Parallel.forEach(todo.count) { t in
      let (c, redo) = frozenTodo[t]
      slots[t] = parser.parse(start: frozen[c].0, stop: frozen[c].1, specs: redo)
    }
    for (t, (c, redo)) in todo.enumerated() {
      let again = slots[t]!
      for j in redo.indices where redo[j] != nil { results[c].partials[j] = again.partials[j] }
    }
  }

  private func unterminated(_ tok: CSVTokenizer, _ offset: Int, _ field: Int) -> LoadError {
    .unterminated(file: source, line: tok.line(of: offset), field: field)
  }
}

#if canImport(Glibc)
  import Glibc
#else
  import Foundation
#endif
