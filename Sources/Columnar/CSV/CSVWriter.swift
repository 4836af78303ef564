#if canImport(Glibc)
  import Glibc
#else
  import Foundation
#endif

/// Why a table could not be written.
public struct WriteError: Error, Sendable, Equatable {
  /// The path being written.
  public var file: String
  /// Lowercase text without a final period saying what is wrong (the path aside: callers name it).
  public var message: String

  /// Creates an error.
  public init(file: String, message: String) {
    self.file = file
    self.message = message
  }
}

extension WriteError {
  /// Writes an exported file's bytes atomically (see `AtomicFile`), readable by all (0644); a failure is
  /// a `WriteError` naming the file and the system's reason. The one way every export writes.
  public static func export(_ bytes: [UInt8], to path: String) throws(WriteError) {
    do {
      try AtomicFile.write(bytes, to: path, permissions: 0o644)
    } catch {
      throw WriteError(file: path, message: error.reason(writing: path))
    }
  }
}

/// Writes tables as RFC 4180 CSV: a header line, `\n` line ends, fields quoted only when they hold
/// the delimiter, a quote, a line break, or leading/trailing blanks.
///
/// Nulls are empty fields; dates are ISO (`2026-08-01`), timestamps `2026-08-01 14:05:00`, bools
/// in the words their file wrote (`yes`/`no`, see `BoolWords`) or `true`/`false`, lists joined with `;`, doubles by `DoubleFormat` (shortest round-trip text,
/// `1000000.0` rather than `1e+06`).
public enum CSVWriter {
  /// Writes `table` to `path` atomically (see `AtomicFile`): a failure leaves no partial file behind.
  /// - Parameters:
  ///   - rows: the rows to write, in this order; `nil` writes all.
  ///   - columns: the columns to write, by name; `nil` writes all.
  /// - Returns: the number of bytes written.
  /// - Throws: `WriteError` naming an unknown column or the system's reason for failing.
  /// - Complexity: O(rows × columns).
  @discardableResult
  public static func write(
    _ table: Table, rows: [Int]? = nil, columns: [String]? = nil, to path: String,
    delimiter: UInt8 = UInt8(ascii: ",")
  ) throws(WriteError) -> Int {
    let bytes = try encode(table, rows: rows, columns: columns, delimiter: delimiter, file: path)
    try WriteError.export(bytes, to: path)
    return bytes.count
  }

  /// The CSV bytes `write` would put in the file.
  /// - Throws: `WriteError` when a requested column does not exist.
  public static func encode(
    _ table: Table, rows: [Int]? = nil, columns: [String]? = nil, delimiter: UInt8 = UInt8(ascii: ","),
    file: String = "<memory>"
  ) throws(WriteError) -> [UInt8] {
    var chosen: [Column] = []
    for name in columns ?? table.columns.map(\.name) {
      guard let c = table.column(named: name) else {
        throw WriteError(file: file, message: "no column '\(name)' in table \(table.name)")
      }
      chosen.append(c)
    }
    var out: [UInt8] = []
    out.reserveCapacity(64 * table.rowCount + 64)
    for (j, c) in chosen.enumerated() {
      if j > 0 { out.append(delimiter) }
      appendField(c.name, to: &out, delimiter: delimiter)
    }
    out.append(10)
    func emit(_ r: Int) {
      for (j, c) in chosen.enumerated() {
        if j > 0 { out.append(delimiter) }
        if c.isNull(r) { continue }
        switch c.storage {
        case .int(let b): out.append(contentsOf: String(b[r]).utf8)
        case .string(let codes, let dictionary):
          appendField(dictionary[Int(codes[r])], to: &out, delimiter: delimiter)
        case .bool(let bits) where c.boolWords != nil:
          appendField(c.boolWords!.word(bits[r]), to: &out, delimiter: delimiter)
        default: appendField(c.value(at: r).description, to: &out, delimiter: delimiter)
        }
      }
      out.append(10)
    }
    if let rows {
      for r in rows { emit(r) }
    } else {
      for r in 0..<table.rowCount { emit(r) }
    }
    return out
  }

  private static func appendField(_ s: String, to out: inout [UInt8], delimiter: UInt8) {
    appendField(bytes: s.utf8, to: &out, delimiter: delimiter)
  }

  /// Appends a field's UTF-8 bytes, quoted when it holds the delimiter, a quote, a line break or
  /// blanks at either end (which an unquoted field would lose); the one rule for every CSV seg writes,
  /// the workbook reader's too.
  @inlinable
  public static func appendField<Bytes: BidirectionalCollection<UInt8>>(
    bytes utf8: Bytes, to out: inout [UInt8], delimiter: UInt8
  ) {
    var needs = false
    for b in utf8 where b == delimiter || b == 34 || b == 10 || b == 13 {
      needs = true
      break
    }
    if let f = utf8.first, f == 32 || f == 9 { needs = true }
    if let l = utf8.last, l == 32 || l == 9 { needs = true }
    // An empty string is written bare: the reader takes empty fields (quoted or not) as null anyway.
    if !needs {
      out.append(contentsOf: utf8)
      return
    }
    out.append(34)
    for b in utf8 {
      if b == 34 { out.append(34) }
      out.append(b)
    }
    out.append(34)
  }


}
