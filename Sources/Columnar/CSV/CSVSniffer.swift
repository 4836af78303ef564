/// Guesses the delimiter and whether the first record is a header, from the start of the file.
enum CSVSniffer {
  static let candidates: [UInt8] = [44, 9, 59, 124]  // , tab ; |
  static let sampleBytes = 1 << 16
  static let sampleRecords = 50

  /// The candidate that splits the first records into the same number (> 1) of fields most
  /// consistently, preferring more fields; `,` when none does.
  /// - Complexity: O(64 KiB).
  static func delimiter(_ p: UnsafePointer<UInt8>, _ n: Int, from start: Int) -> UInt8 {
    let end = min(n, start + sampleBytes)
    let out = UnsafeMutablePointer<UInt64>.allocate(capacity: 1)
    defer { out.deallocate() }
    var best: UInt8 = 44
    var bestScore = (0.0, 0)
    for d in candidates {
      let t = CSVTokenizer(p: p, n: end, delimiter: d)
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
      guard records > 0, let (mode, hits) = counts.max(by: { ($0.value, $0.key) < ($1.value, $1.key) }),
        mode > 1
      else { continue }
      let consistency = Double(hits) / Double(records)
      let score = (consistency >= 0.9 ? 1.0 : consistency, mode)
      if score > bestScore {
        bestScore = score
        best = d
      }
    }
    return best
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
