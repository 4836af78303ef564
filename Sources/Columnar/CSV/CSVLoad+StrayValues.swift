/// A column of dates (or numbers) with a few values that are not is read as text, because a type
/// must fit every value. That is the safe reading (nothing is dropped, and a replay gives the same
/// table), but it looks right and then behaves wrong: `before`, `within` and `>` refuse the column.
/// So the load keeps it as text and says which values are in the way and what to do about them.
extension CSVLoad {
  /// What a text column would have been without its stray values.
  enum MeantType: String {
    case dates, numbers
  }

  /// The few values that kept a column from being read as dates or numbers.
  struct StrayValues: Equatable {
    var meant: MeantType
    /// Values that are not of `meant`.
    var stray: Int
    /// Values that are not null and not a placeholder such as `?` or `unknown`.
    var values: Int
    /// The first stray value and its row.
    var first: String
    var firstRow: Int
  }

  /// At most this share of a column's values may be stray for it to count as meant to be typed.
  static let strayShare = 0.1

  /// The stray values of a text column, when at most a tenth of its values are not dates (or
  /// numbers) and the rest are.
  /// - Complexity: O(distinct values) for a column whose first distinct values are mostly dates
  ///   or numbers, then O(rows); O(1) for other columns.
  static func strayValues(in column: Column) -> StrayValues? {
    guard case .string(let codes, let dictionary) = column.storage, !dictionary.isEmpty else { return nil }
    // Most text columns are told apart by their first few distinct values.
    let sample = dictionary.prefix(16).map(kind)
    for meant in [MeantType.dates, .numbers] {
      let typed = sample.filter { $0 == .typed(meant) }.count
      let other = sample.filter { $0 == .other }.count
      guard typed >= 3 * other, typed > 0 else { continue }
      var isStray = [Bool](repeating: false, count: dictionary.count)
      var isPlaceholder = [Bool](repeating: false, count: dictionary.count)
      var strayEntries = 0
      for (e, text) in dictionary.enumerated() {
        switch kind(text) {
        case .typed(let t) where t == meant: break
        case .placeholder: isPlaceholder[e] = true
        default:
          isStray[e] = true
          strayEntries += 1
        }
        if e >= 64 && Double(strayEntries) > strayShare * Double(e + 1) { return nil }
      }
      guard strayEntries > 0 else { return nil }
      var stray = 0
      var values = 0
      var firstRow = -1
      for r in 0..<codes.count where !column.isNull(r) {
        let e = Int(codes[r])
        if isPlaceholder[e] { continue }
        values += 1
        if isStray[e] {
          stray += 1
          if firstRow < 0 { firstRow = r }
        }
      }
      guard Double(stray) <= strayShare * Double(values) else { return nil }
      return StrayValues(
        meant: meant, stray: stray, values: values, first: dictionary[Int(codes[firstRow])],
        firstRow: firstRow)
    }
    return nil
  }

  private enum ValueKind: Equatable {
    case typed(MeantType), placeholder, other
  }

  /// Whether `text` reads as a date (or timestamp), a number, a placeholder that a typed column
  /// reads as null, or none of these; by the rules of `ColumnStats.observe`.
  private static func kind(_ text: String) -> ValueKind {
    var text = text
    return text.withUTF8 { buf -> ValueKind in
      guard let p = buf.baseAddress, !buf.isEmpty else { return .placeholder }
      if FieldScanner.nullKind(p, 0, buf.count) != 0 { return .placeholder }
      let (a, b) = FieldScanner.trim(p, 0, buf.count)
      if FieldScanner.number(p, a, b, wantDouble: false).isNumber { return .typed(.numbers) }
      if FieldScanner.dateTime(p, a, b).ok { return .typed(.dates) }
      return .other
    }
  }

  /// The warning for a column's stray values; `line` is the file line of the first one.
  static func strayWarning(column: String, _ s: StrayValues, line: Int) -> String {
    let first = s.first.count > 40 ? String(s.first.prefix(40)) + "..." : s.first
    let one = s.meant == .dates ? "a date" : "a number"
    let what = s.stray == 1 ? "values is not \(one)" : "values are not \(s.meant.rawValue)"
    let fix = s.stray == 1 ? "correct or empty it" : "correct or empty them"
    return "column '\(column)' was read as text because \(s.stray) of \(s.values) \(what) "
      + "(the first is \"\(first)\" on line \(line)); \(fix) in the file and load it again to read the "
      + "column as \(s.meant.rawValue)"
  }

  /// The byte offset where the table's row `row` starts in the file, found by reading the records
  /// of its chunk again the way `ChunkParser` accepted them.
  /// - Complexity: O(chunk size); used only for messages.
  func recordOffset(ofRow row: Int, in results: [ChunkResult], parser: ChunkParser) -> Int {
    var before = 0
    for r in results {
      guard row < before + r.rows else {
        before += r.rows
        continue
      }
      let tok = parser.tokenizer
      var spans = [UInt64](repeating: 0, count: max(parser.columns, 1))
      var i = tok.skipBlankLines(r.start)
      var seen = before
      while i < r.end {
        let scan = spans.withUnsafeMutableBufferPointer {
          tok.scanRecord(from: i, maxFields: parser.columns, into: $0.baseAddress!)
        }
        if scan.fields == parser.columns || (scan.fields > parser.columns && scan.extrasEmpty) {
          if seen == row { return i }
          seen += 1
        }
        i = tok.skipBlankLines(scan.end)
      }
      return r.start
    }
    return n
  }
}
