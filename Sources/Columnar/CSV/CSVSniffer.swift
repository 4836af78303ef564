/// Guesses the delimiter and whether the first record is a header, from the start of the file.
enum CSVSniffer {
  static let candidates: [UInt8] = [44, 9, 59, 124]  // , tab ; |
  static let sampleBytes = 1 << 16
  static let sampleRecords = 50

  /// How a delimiter splits the first records of a file: the most common field count, and the
  /// share of records that have it.
  struct Split {
    var delimiter: UInt8
    var fields: Int
    var consistency: Double
    /// Whether some column holds only numbers or dates below the first record (aligned text only).
    var hasNumberColumn = false

    /// Whether nine records in ten or more agree on a count above one.
    var isConsistent: Bool { fields > 1 && consistency >= 0.9 }
  }

  /// The candidate that splits the first records into the same number (> 1) of fields most
  /// consistently, preferring more fields; failing that, runs of spaces (`AlignedText.marker`)
  /// when they split every record alike and a column holds numbers or dates (`alignedSplit`);
  /// `,` when nothing does.
  /// - Complexity: O(64 KiB).
  static func delimiter(_ p: UnsafePointer<UInt8>, _ n: Int, from start: Int) -> UInt8 {
    var best: UInt8 = 44
    var bestScore = (0.0, 0)
    for d in candidates {
      guard let split = split(p, n, from: start, by: d), split.fields > 1 else { continue }
      let score = (split.consistency >= 0.9 ? 1.0 : split.consistency, split.fields)
      if score > bestScore {
        bestScore = score
        best = d
      }
    }
    // Runs of spaces are only a fallback: text fields with spaces in them must never outvote a
    // delimiter that splits the records consistently.
    if bestScore.0 < 1.0, let aligned = alignedSplit(p, n, from: start), aligned.consistency == 1,
      aligned.fields > 1, aligned.hasNumberColumn
    {
      return AlignedText.marker
    }
    return best
  }

  /// For a file read as one column: another delimiter that splits its first records consistently
  /// into more fields (runs of spaces when they make three or more fields, or two with a column of
  /// numbers or dates), for a warning that suggests it; nil when none does.
  /// - Complexity: O(64 KiB).
  static func otherSplit(_ p: UnsafePointer<UInt8>, _ n: Int, from start: Int, besides used: UInt8) -> Split?
  {
    var best: Split?
    for d in candidates where d != used {
      guard let split = split(p, n, from: start, by: d), split.isConsistent else { continue }
      if best.map({ (split.consistency, split.fields) > ($0.consistency, $0.fields) }) ?? true {
        best = split
      }
    }
    if best == nil, used != AlignedText.marker, let aligned = alignedSplit(p, n, from: start),
      aligned.isConsistent, aligned.fields > 2 || aligned.hasNumberColumn
    {
      best = aligned
    }
    return best
  }

  /// How `d` splits the first records (up to 50, within 64 KiB); nil when there are none.
  private static func split(_ p: UnsafePointer<UInt8>, _ n: Int, from start: Int, by d: UInt8) -> Split? {
    let end = min(n, start + sampleBytes)
    let t = CSVTokenizer(p: p, n: end, delimiter: d)
    let out = UnsafeMutablePointer<UInt64>.allocate(capacity: 1)
    defer { out.deallocate() }
    var counts: [Int: Int] = [:]
    var records = 0
    var i = t.skipBlankLines(start)
    while i < end && records < sampleRecords {
      let r = t.scanRecord(from: i, maxFields: 0, into: out)
      if r.openQuote >= 0 || (r.end >= end && end < n) { break }
      counts[r.fields, default: 0] += 1
      records += 1
      i = t.skipBlankLines(r.end)
    }
    guard records > 0, let (mode, hits) = counts.max(by: { ($0.value, $0.key) < ($1.value, $1.key) })
    else { return nil }
    return Split(delimiter: d, fields: mode, consistency: Double(hits) / Double(records))
  }

  /// How runs of spaces split the first records (`AlignedText`), and whether a column holds only
  /// numbers or dates in the records after the first (which may be a header).
  /// - Complexity: O(64 KiB).
  static func alignedSplit(_ p: UnsafePointer<UInt8>, _ n: Int, from start: Int) -> Split? {
    var end = min(n, start + sampleBytes)
    if end < n {
      // Whole lines only: a line cut short would count fewer fields.
      while end > start && p[end - 1] != CSVTokenizer.newline { end -= 1 }
    }
    let text = AlignedText.rewrite(p, from: start, to: end)
    return text.withUnsafeBufferPointer { buf -> Split? in
      guard let q = buf.baseAddress, !buf.isEmpty,
        var split = split(q, buf.count, from: 0, by: AlignedText.separator)
      else { return nil }
      split.delimiter = AlignedText.marker
      guard split.fields > 1 else { return split }
      // Which columns hold only numbers or dates below the first record.
      let t = CSVTokenizer(p: q, n: buf.count, delimiter: AlignedText.separator)
      var spans = [UInt64](repeating: 0, count: split.fields)
      var numeric = [Bool](repeating: true, count: split.fields)
      var rows = 0
      var i = t.skipBlankLines(0)
      var first = true
      while i < buf.count && rows < sampleRecords {
        let r = spans.withUnsafeMutableBufferPointer {
          t.scanRecord(from: i, maxFields: split.fields, into: $0.baseAddress!)
        }
        if r.openQuote >= 0 { break }
        if !first && r.fields == split.fields {
          rows += 1
          for (j, span) in spans.enumerated() where numeric[j] {
            let (a, b) = FieldScanner.trim(q, CSVTokenizer.start(span), CSVTokenizer.end(span))
            numeric[j] =
              !CSVTokenizer.needsUnquote(span)
              && (FieldScanner.number(q, a, b, wantDouble: false).isNumber
                || FieldScanner.dateTime(q, a, b).ok)
          }
        }
        first = false
        i = t.skipBlankLines(r.end)
      }
      split.hasNumberColumn = rows > 0 && numeric.contains(true)
      return split
    }
  }

  /// Whether the first record reads as a header rather than data.
  ///
  /// It is data when one of its fields is a number or a date. Otherwise it is a header when a
  /// column of the following records is numeric, Bool or a date (the text above it is a name), or
  /// when none of its texts reappears in its column below; a first record whose values reappear
  /// in the rows below (`F`, `M`...) is data.
  static func isHeader(
    _ p: UnsafePointer<UInt8>, first: [UInt64], sample: [[UInt64]], listsAllowed: Bool
  ) -> Bool {
    for span in first {
      let (a, b) = FieldScanner.trim(p, CSVTokenizer.start(span), CSVTokenizer.end(span))
      guard a < b, !CSVTokenizer.needsUnquote(span) else { continue }
      if FieldScanner.number(p, a, b, wantDouble: false).isNumber || FieldScanner.dateTime(p, a, b).ok {
        return false
      }
    }
    if sample.isEmpty { return true }
    for (j, span) in first.enumerated() {
      var st = ColumnStats()
      for row in sample {
        let (a, b) = (CSVTokenizer.start(row[j]), CSVTokenizer.end(row[j]))
        let nk = FieldScanner.nullKind(p, a, b)
        if nk == 0 { st.observe(p, a, b, listsAllowed: false) } else if nk > 0 { st.weak[nk - 1] += 1 }
      }
      let kind = ColumnSpec.decide(st, listsAllowed: false).kind
      let head = FieldScanner.nullKind(p, CSVTokenizer.start(span), CSVTokenizer.end(span))
      if head == 0 && kind != .string && kind != .allNull { return true }
    }
    for (j, span) in first.enumerated() {
      let a = CSVTokenizer.start(span)
      let b = CSVTokenizer.end(span)
      guard b > a else { continue }
      for row in sample {
        let (c, d) = (CSVTokenizer.start(row[j]), CSVTokenizer.end(row[j]))
        if d - c == b - a && memcmp(p + a, p + c, b - a) == 0 { return false }
      }
    }
    return true
  }

  /// Column names from header fields: trimmed, empty ones named `column_N` (1-based position),
  /// repeats (ignoring case) suffixed `_2`, `_3`...
  static func columnNames(_ raw: [String?]) -> [String] {
    var used = Set<String>()
    var names: [String] = []
    for (j, r) in raw.enumerated() {
      let trimmed = (r ?? "").trimmingBlanks()
      var name = trimmed.isEmpty ? "column_\(j + 1)" : trimmed
      if used.contains(name.lowercased()) {
        var k = 2
        while used.contains("\(name)_\(k)".lowercased()) { k += 1 }
        name = "\(name)_\(k)"
      }
      used.insert(name.lowercased())
      names.append(name)
    }
    return names
  }
}

extension String {
  /// The string without leading and trailing spaces, tabs and line breaks.
  func trimmingBlanks() -> String {
    let isBlank: (Character) -> Bool = {
      $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" || $0 == "\u{A0}"
    }
    guard let first = firstIndex(where: { !isBlank($0) }), let last = lastIndex(where: { !isBlank($0) })
    else { return "" }
    return String(self[first...last])
  }
}

#if canImport(Glibc)
  import Glibc
#else
  import Foundation
#endif
