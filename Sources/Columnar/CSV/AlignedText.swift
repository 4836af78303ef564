/// Text laid out in columns separated by runs of spaces (fixed-width exports such as
/// `   00001 19970101   1   11.77`), rewritten as tab-separated text for the CSV tokenizer.
///
/// A run of spaces, tabs or carriage returns between two fields becomes one tab; runs at the start
/// or end of a line are dropped, so they never make empty fields. A field that begins with a quote
/// keeps its spaces (and line breaks) up to the closing quote; quoting is then left to the
/// tokenizer as in any CSV file. Every line feed is kept, so line numbers in messages are those of
/// the original file.
enum AlignedText {
  /// The delimiter byte that stands for "runs of spaces" in `LoadOptions.delimiter` and
  /// `LoadReport.delimiter`: a single space as a delimiter would make the padding of aligned columns
  /// into empty fields, which no one wants.
  static let marker: UInt8 = 32
  /// The delimiter of the rewritten text.
  static let separator: UInt8 = 9

  @inline(__always) static func isBlank(_ c: UInt8) -> Bool { c == 32 || c == 9 || c == 13 }

  /// The bytes `p[start..<end]` rewritten with one tab between fields (never longer than the input).
  /// - Complexity: O(`end - start`).
  static func rewrite(_ p: UnsafePointer<UInt8>, from start: Int, to end: Int) -> [UInt8] {
    let capacity = max(end - start, 0)
    return [UInt8](unsafeUninitializedCapacity: capacity) { out, count in
      var o = 0
      var i = start
      var fieldOnLine = false
      var pendingSeparator = false
      while i < end {
        let c = p[i]
        if c == CSVTokenizer.newline {
          out[o] = c
          o += 1
          i += 1
          fieldOnLine = false
          pendingSeparator = false
          continue
        }
        if isBlank(c) {
          pendingSeparator = fieldOnLine
          i += 1
          continue
        }
        if pendingSeparator {
          out[o] = separator
          o += 1
          pendingSeparator = false
        }
        fieldOnLine = true
        if c == CSVTokenizer.quote {
          // Quotes toggle; a doubled quote closes and reopens, so it stays inside the field.
          var inQuotes = false
          while i < end {
            let b = p[i]
            if !inQuotes && (isBlank(b) || b == CSVTokenizer.newline) { break }
            if b == CSVTokenizer.quote { inQuotes.toggle() }
            out[o] = b
            o += 1
            i += 1
          }
        } else {
          while i < end {
            let b = p[i]
            if isBlank(b) || b == CSVTokenizer.newline { break }
            out[o] = b
            o += 1
            i += 1
          }
        }
      }
      count = o
    }
  }
}
