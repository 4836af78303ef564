#if canImport(Glibc)
  import Glibc
#else
  import Foundation
#endif

/// Reads CSV/TSV files into typed, columnar tables.
///
/// The file is split into chunks of about `LoadOptions.chunkBytes` at line breaks; both cores
/// tokenize chunks and infer and convert each chunk's columns while its bytes are in cache. A
/// chunk that started inside a quoted field (its guess of a record boundary was wrong) is parsed
/// again from where the previous chunk really ended, and a chunk whose local type guess differs
/// from the whole column's type is converted again, so the result never depends on chunking.
public enum CSVReader {
  /// Loads the file at `path`.
  /// - Parameters:
  ///   - tableName: the name of the resulting table.
  ///   - interruption: polled once per chunk; returning true stops the load.
  ///   - progress: told, from any thread, of each chunk parsed: its size in bytes and the size of all
  ///     the bytes being parsed, so a front end can show how far a long load has got.
  /// - Throws: `LoadError` for a missing, unreadable or empty file, a directory, a record with the
  ///   wrong number of fields (unless `skipBadRows`), an unterminated quote, or an interruption.
  /// - Complexity: O(file size), on all cores.
  public static func load(
    path: String, tableName: String, options: LoadOptions = .init(),
    interruption: (@Sendable () -> Bool)? = nil, progress: LoadProgress? = nil
  ) throws(LoadError) -> LoadReport {
    let file = try FileBytes(path, interruption: interruption)
    return try file.withUnsafeBytes { raw in
      Result { () throws(LoadError) -> LoadReport in
        // An Excel workbook (.xlsx, .xlsm) is a zip archive: say what it is, not a field count.
        // (seg itself sends workbooks to Spreadsheet's WorkbookReader before they get here.)
        if raw.count >= 4 && raw[0] == 0x50 && raw[1] == 0x4B && raw[2] == 3 && raw[3] == 4 {
          throw LoadError(
            kind: .notAWorkbook, file: path,
            message: "'\(path)' is a zip archive, such as an Excel workbook, not CSV text; "
              + "read workbooks with WorkbookReader")
        }
        return try load(
          bytes: raw, source: path, tableName: tableName, options: options, interruption: interruption,
          progress: progress, mapped: file.isMapped)
      }
    }.get()
  }

  /// Loads CSV text held in memory; `source` names it in errors and warnings.
  /// - Complexity: O(bytes), on all cores.
  public static func load(
    bytes: [UInt8], source: String, tableName: String, options: LoadOptions = .init(),
    interruption: (@Sendable () -> Bool)? = nil
  ) throws(LoadError) -> LoadReport {
    try bytes.withUnsafeBytes { raw in
      Result { () throws(LoadError) -> LoadReport in
        try load(
          bytes: raw, source: source, tableName: tableName, options: options, interruption: interruption)
      }
    }.get()
  }

  /// Loads CSV text from a buffer that stays valid for the duration of the call.
  /// - Complexity: O(bytes), on all cores.
  public static func load(
    bytes: UnsafeRawBufferPointer, source: String, tableName: String, options: LoadOptions = .init(),
    interruption: (@Sendable () -> Bool)? = nil
  ) throws(LoadError) -> LoadReport {
    try load(
      bytes: bytes, source: source, tableName: tableName, options: options, interruption: interruption,
      mapped: false)
  }

  /// `mapped`: the bytes are a read-only file mapping (`FileBytes`), whose pages the load maps
  /// and unmaps chunk by chunk.
  private static func load(
    bytes: UnsafeRawBufferPointer, source: String, tableName: String, options: LoadOptions,
    interruption: (@Sendable () -> Bool)?, progress: LoadProgress? = nil, mapped: Bool
  ) throws(LoadError) -> LoadReport {
    guard bytes.count < Int(Int32.max) else { throw .tooLarge(file: source, bytes: bytes.count) }
    guard let base = bytes.baseAddress, bytes.count > 0 else { throw .empty(file: source) }
    let mark = TextDecoding.utf16ByteOrder(bytes)
    var utf16 = mark ?? FileSignature.utf16WithoutMark(bytes)
    if options.encoding == .utf16LittleEndian || options.encoding == .utf16BigEndian {
      utf16 = options.encoding
    }
    if utf16 == nil, let kind = FileSignature.binaryKind(bytes) {
      throw LoadError(kind: .notText, file: source, message: "'\(source)' is \(kind.name), not CSV text; \(kind.advice)")
    }
    if utf16 != nil || LineEnds.areCarriageReturnsOnly(bytes) {
      return try loadCopy(
        bytes, utf16: utf16, skipping: mark == nil ? 0 : 2, source: source, tableName: tableName,
        options: options, interruption: interruption, progress: progress)
    }
    let loader = CSVLoad(
      p: base.assumingMemoryBound(to: UInt8.self), n: bytes.count, source: source, options: options,
      interruption: interruption, progress: progress, mapped: mapped)
    return try loader.run(tableName: tableName)
  }

  /// Loads a UTF-8 copy of `bytes` with LF line ends, for a UTF-16 file (`utf16` is its byte order,
  /// `skipping` the length of its byte order mark) or one whose lines end with CR alone.
  private static func loadCopy(
    _ bytes: UnsafeRawBufferPointer, utf16: TextEncoding?, skipping: Int, source: String, tableName: String,
    options: LoadOptions, interruption: (@Sendable () -> Bool)?, progress: LoadProgress?
  ) throws(LoadError) -> LoadReport {
    var text: [UInt8]
    var replacement: Int?
    if let utf16 {
      (text, replacement) = TextDecoding.utf8(
        fromUTF16: UnsafeRawBufferPointer(rebasing: bytes[skipping...]), bigEndian: utf16 == .utf16BigEndian)
    } else {
      text = Array(bytes)
    }
    if text.withUnsafeBytes(LineEnds.areCarriageReturnsOnly) { LineEnds.convertCarriageReturns(&text) }
    // The copy is UTF-8 now: the byte order asked for must not send it here again.
    var options = options
    if utf16 != nil { options.encoding = nil }
    var report = try text.withUnsafeBytes { raw in
      Result { () throws(LoadError) -> LoadReport in
        try load(
          bytes: raw, source: source, tableName: tableName, options: options, interruption: interruption,
          progress: progress, mapped: false)
      }
    }.get()
    if let utf16 {
      report.encoding = utf16
      if let replacement {
        let line = text.withUnsafeBufferPointer {
          CSVTokenizer(p: $0.baseAddress!, n: $0.count, delimiter: report.delimiter).line(of: replacement)
        }
        report.warnings.insert(
          "'\(source)' is not valid \(utf16.displayName) (first bad character on line \(line)); "
            + "characters that could not be decoded were read as \u{FFFD}", at: 0)
      }
    }
    return report
  }
}
