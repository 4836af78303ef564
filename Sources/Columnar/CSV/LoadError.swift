/// Why a file (CSV text or an Excel workbook) could not be loaded; no table is created when this is
/// thrown.
///
/// `line` is the 1-based physical line where the offending record starts (for an unterminated
/// quote, where the quote opened). `column` is the 1-based *field* number within that record
/// (not a byte column): for too many fields the first extra field, for too few the first missing
/// one, for an unterminated quote the field whose quote is never closed.
public struct LoadError: Error, Sendable, Equatable {
  /// What went wrong.
  public enum Kind: Sendable, Equatable {
    /// No file at the path.
    case fileNotFound
    /// The path names a directory.
    case isDirectory
    /// The path names a device or a socket, which may never end (`/dev/zero`).
    case notAFile
    /// The file exists but cannot be read (permissions, I/O error).
    case unreadable
    /// The file has no records.
    case emptyFile
    /// A record has a different number of fields from the header.
    case raggedRow(expected: Int, found: Int)
    /// A quoted field runs to the end of the file.
    case unterminatedQuote
    /// The interruption callback asked to stop.
    case interrupted
    /// The file is larger than the reader's 2 GiB limit.
    case tooLarge
    /// The file is not an Excel workbook that can be read: not a zip archive, a damaged or truncated
    /// one, an encrypted or Excel 97-2003 (.xls) file, or a zip archive of something else.
    case notAWorkbook
    /// The workbook has no sheet of that name; `sheets` are the names it has, in order.
    case unknownSheet(String, sheets: [String])
    /// The file became shorter while it was read (another process truncated or rewrote it).
    case changedWhileLoading
    /// The file is not text: a compressed file, an image, a database... (see `FileSignature`).
    case notText
    /// The header (or first row) has more fields than the reader keeps columns.
    case tooManyColumns(Int)
  }

  /// What went wrong.
  public var kind: Kind
  /// The path or source name as given by the caller.
  public var file: String
  /// The 1-based physical line, when the problem is at a place in the file.
  public var line: Int?
  /// The 1-based field number within the record, when known.
  public var column: Int?
  /// Lowercase text without a final period saying what is wrong and what would be right.
  public var message: String

  /// Creates an error.
  public init(kind: Kind, file: String, line: Int? = nil, column: Int? = nil, message: String) {
    self.kind = kind
    self.file = file
    self.line = line
    self.column = column
    self.message = message
  }
}

extension LoadError: CustomStringConvertible {
  /// `file:line:column: message`, leaving out the parts that are unknown.
  public var description: String {
    var s = file
    if let line { s += ":\(line)" }
    if line != nil, let column { s += ":\(column)" }
    return s + ": " + message
  }
}

extension LoadError {
  static func ragged(file: String, line: Int, expected: Int, found: Int, hadHeader: Bool) -> LoadError {
    let reason =
      hadHeader
      ? "the header has \(expected) column\(expected == 1 ? "" : "s")"
      : "the first row has \(expected) field\(expected == 1 ? "" : "s")"
    let noun = found == 1 ? "field" : "fields"
    return LoadError(
      kind: .raggedRow(expected: expected, found: found), file: file, line: line,
      column: found > expected ? expected + 1 : found + 1,
      message: "line \(line) has \(found) \(noun), expected \(expected) (\(reason))")
  }

  static func unterminated(file: String, line: Int, field: Int) -> LoadError {
    LoadError(
      kind: .unterminatedQuote, file: file, line: line, column: field,
      message: "the quote opened on line \(line) in field \(field) is never closed; "
        + "close it, or write a quote inside a quoted field as two quotes (\"\")")
  }

  static func empty(file: String) -> LoadError {
    LoadError(
      kind: .emptyFile, file: file,
      message:
        "'\(file)' is empty; expected a header line and rows of comma, tab or semicolon separated values")
  }

  static func interrupted(file: String) -> LoadError {
    LoadError(kind: .interrupted, file: file, message: "loading '\(file)' was interrupted")
  }

  static func tooLarge(file: String, bytes: Int) -> LoadError {
    LoadError(
      kind: .tooLarge, file: file,
      message: "'\(file)' has \(bytes) bytes; files up to 2 GiB can be loaded")
  }

  static func changed(file: String, bytes: Int, now: Int) -> LoadError {
    LoadError(
      kind: .changedWhileLoading, file: file,
      message: "'\(file)' changed while it was being loaded (it had \(bytes) bytes, then only \(now)); "
        + "load it again once whatever writes it has finished")
  }
}
