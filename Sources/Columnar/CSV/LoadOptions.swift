/// The text encoding of a CSV file.
public enum TextEncoding: String, Sendable, Equatable {
  /// UTF-8 (the default, and what a BOM announces).
  case utf8
  /// Windows-1252, the superset of ISO-8859-1 that spreadsheet exports use.
  case latin1
  /// UTF-16 with the low byte first, as Excel's "Unicode Text" writes it; read only when a byte
  /// order mark announces it.
  case utf16LittleEndian
  /// UTF-16 with the high byte first; read only when a byte order mark announces it.
  case utf16BigEndian

  /// The name shown to users.
  public var displayName: String {
    switch self {
    case .utf8: "UTF-8"
    case .latin1: "Windows-1252"
    case .utf16LittleEndian: "UTF-16LE"
    case .utf16BigEndian: "UTF-16BE"
    }
  }
}

/// Told of each part of a file parsed, from whichever thread parsed it: the part's size in bytes and
/// the size of all the bytes being parsed.
public typealias LoadProgress = @Sendable (_ parsed: Int, _ total: Int) -> Void

/// How to read a CSV file; every `nil` means "detect from the data".
public struct LoadOptions: Sendable, Equatable {
  /// The field delimiter; `nil` sniffs among `,` `;` tab and `|`, then runs of spaces.
  ///
  /// A space (`32`) means runs of spaces and tabs, as in whitespace-aligned (fixed-width) text:
  /// leading and trailing ones make no fields, and a run between two fields is one delimiter.
  public var delimiter: UInt8? = nil
  /// Whether the first record is a header; `nil` detects it.
  public var header: Bool? = nil
  /// The encoding; `nil` reads UTF-8 and falls back to Windows-1252 for values that are not UTF-8.
  public var encoding: TextEncoding? = nil
  /// Skip records with the wrong number of fields (counting them) instead of failing.
  public var skipBadRows = false
  /// The most bytes of records per parallel work unit (smaller files get smaller chunks, so every
  /// core has work); tests lower it to exercise chunk boundaries.
  public var chunkBytes = 1 << 21

  /// Options that detect everything.
  public init() {}
}

/// A loaded table and what the reader found out or had to assume while loading it.
public struct LoadReport: Sendable {
  /// The table, named as asked.
  public var table: Table
  /// The delimiter used (given or sniffed).
  public var delimiter: UInt8
  /// Whether the first record was used as the header.
  public var hadHeader: Bool
  /// `.latin1` when the caller asked for it or when some values were not UTF-8; a UTF-16 variant
  /// when the file began with its byte order mark.
  public var encoding: TextEncoding
  /// Notes for the user, lowercase without a final period (encoding fallback, unparseable dates).
  public var warnings: [String]
  /// Records skipped because of a wrong field count (only with `skipBadRows`).
  public var skippedRows: Int
  /// The physical line numbers (1-based) of the first five skipped records.
  public var firstSkippedLines: [Int]
  /// Per column, the placeholder texts read as null and how often, e.g. `["Income": ["NA": 24]]`.
  /// Empty fields are not listed.
  public var nullPlaceholders: [String: [String: Int]]
  /// The columns of whole numbers written yyyymmdd (`19970101`) that were read as dates, in column
  /// order (see `CompactDates` for when that happens).
  public var compactDateColumns: [String] = []
  /// When the table has one column although another delimiter splits the lines into more fields:
  /// that delimiter (`32` for runs of spaces) and its field count, for a warning that suggests it.
  public var otherSplit: DelimiterHint? = nil
}

/// A delimiter that would have split a file read as one column into more fields.
public struct DelimiterHint: Sendable, Equatable {
  /// The delimiter byte; `32` stands for runs of spaces.
  public var delimiter: UInt8
  /// The number of fields most of the first lines have under it.
  public var fields: Int

  /// Creates a hint.
  public init(delimiter: UInt8, fields: Int) {
    self.delimiter = delimiter
    self.fields = fields
  }
}
