import Columnar

#if canImport(Glibc)
  import Glibc
#endif

/// Reads a worksheet of an Excel workbook (.xlsx, .xlsm) into a typed, columnar table.
///
/// The sheet's cells are turned into the text a CSV export of the sheet would hold (`SheetCells`),
/// and that text goes through `CSVReader` with the delimiter and header fixed: the same type
/// inference, null placeholders, warnings and errors as for CSV, so a workbook and the CSV it was
/// made from give the same table. Dates come from the cells' number formats rather than their text,
/// and error values (`#N/A`) are nulls.
public enum WorkbookReader {
  /// File name endings read as workbooks whatever their first bytes (so a damaged one gets a
  /// workbook's error rather than a CSV reader's).
  public static let extensions: Set<String> = ["xlsx", "xlsm", "xltx", "xltm", "xls"]

  /// Whether `path` should be read as a workbook: it ends in one of `extensions`, or it starts as a
  /// zip archive or an OLE compound file (Excel 97-2003, or any encrypted workbook) does.
  public static func isWorkbook(path: String) -> Bool {
    let name = path.split(separator: "/").last.map(String.init) ?? path
    if let dot = name.lastIndex(of: "."), extensions.contains(name[name.index(after: dot)...].lowercased()) {
      return true
    }
    let fd = open(path, O_RDONLY | O_NONBLOCK)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    var st = stat()
    guard fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFREG else { return false }
    var head = [UInt8](repeating: 0, count: 8)
    let got = head.withUnsafeMutableBytes { read(fd, $0.baseAddress!, 8) }
    guard got >= 4 else { return false }
    return Signature.isZip(head[...]) || (got == 8 && Signature.isOLE(head[...]))
  }

  /// Loads one worksheet of the workbook at `path`.
  /// - Parameters:
  ///   - sheet: the sheet's name (exact, or else ignoring case); nil for the first sheet.
  ///   - header: whether the first row with values names the columns; nil means it does.
  ///   - interruption: polled while the sheet is scanned and then as the CSV reader polls.
  /// - Throws: `LoadError`: the file's own errors as for CSV (missing, unreadable, too large);
  ///   `.notAWorkbook` for anything that is not a readable workbook; `.unknownSheet` listing the
  ///   sheets; `.emptyFile` for a sheet with no values; `.interrupted`.
  /// - Complexity: O(file size + the sheet's XML + rows × columns).
  public static func load(
    path: String, tableName: String, sheet: String? = nil, header: Bool? = nil,
    interruption: (@Sendable () -> Bool)? = nil
  ) throws(LoadError) -> LoadReport {
    let file = try FileBytes(path, interruption: interruption)
    let csv = try file.withUnsafeBytes { raw in
      Result { () throws(LoadError) -> [UInt8] in
        try sheetText(raw, path: path, sheet: sheet, interruption: interruption)
      }
    }.get()
    var options = LoadOptions()
    options.delimiter = UInt8(ascii: ",")
    options.header = header ?? true
    return try CSVReader.load(
      bytes: csv, source: path, tableName: tableName, options: options, interruption: interruption)
  }

  /// The names of the workbook's sheets, in order.
  /// - Throws: `LoadError` as `load` does for a file that is not a readable workbook.
  public static func sheetNames(path: String) throws(LoadError) -> [String] {
    let file = try FileBytes(path)
    return try file.withUnsafeBytes { raw in
      Result { () throws(LoadError) -> [String] in
        try workbook(raw, path: path).parts.sheets.map(\.name)
      }
    }.get()
  }

  /// The chosen sheet's cells as CSV text.
  private static func sheetText(
    _ raw: UnsafeRawBufferPointer, path: String, sheet: String?, interruption: (@Sendable () -> Bool)?
  ) throws(LoadError) -> [UInt8] {
    let (archive, parts) = try workbook(raw, path: path)
    let names = parts.sheets.map(\.name)
    let chosen: WorkbookParts.Sheet
    if let sheet {
      guard
        let found = parts.sheets.first(where: { $0.name == sheet })
          ?? parts.sheets.first(where: { $0.name.lowercased() == sheet.lowercased() })
      else {
        throw .unknownSheet(sheet, file: path, sheets: names)
      }
      chosen = found
    } else {
      chosen = parts.sheets[0]
    }
    guard chosen.isWorksheet, let partName = chosen.part else {
      throw .notAWorksheet(chosen.name, file: path, sheets: parts.sheets.filter(\.isWorksheet).map(\.name))
    }
    let part: [UInt8]
    do throws(WorkbookProblem) {
      guard let bytes = try archive.part(partName) else {
        throw WorkbookProblem.zip(.corrupt("sheet '\(chosen.name)' has no part \(partName) in the archive"))
      }
      part = bytes
    } catch {
      throw .workbook(error, file: path)
    }
    let scanned = part.withUnsafeBufferPointer {
      SheetCells.scan($0, workbook: parts, interruption: interruption)
    }
    guard let cells = scanned else {
      throw LoadError(kind: .interrupted, file: path, message: "loading '\(path)' was interrupted")
    }
    guard cells.count > 0 else { throw .emptySheet(chosen.name, file: path) }
    // A cell past Excel's last row or column means a damaged file; a sparse sheet within them could
    // still span more CSV text (a comma per empty cell) than a file may hold.
    let span = cells.span
    guard span.lastRow <= WorkbookWriter.maxRows, span.columns <= WorkbookWriter.maxColumns else {
      throw .workbook(
        .zip(.corrupt("sheet '\(chosen.name)' has cells past row 1048576 or column XFD")), file: path)
    }
    let textSize = (span.lastRow - span.firstRow + 1) * (span.columns + 1) + cells.textCount * 2
    guard textSize < Int(Int32.max) else {
      throw LoadError(
        kind: .tooLarge, file: path,
        message: "sheet '\(chosen.name)' of '\(path)' spans \(span.lastRow - span.firstRow + 1) rows by "
          + "\(span.columns) columns, over the 2 GiB a loaded file may hold")
    }
    return cells.csv().bytes
  }

  /// The archive and its workbook's parts, or the error that says why the bytes are not a workbook.
  private static func workbook(_ raw: UnsafeRawBufferPointer, path: String) throws(LoadError) -> (
    archive: ZipArchive, parts: WorkbookParts
  ) {
    if raw.count >= 8 && Signature.isOLE(raw[0..<8]) { throw .encryptedOrLegacy(file: path) }
    let archive: ZipArchive
    do {
      archive = try ZipArchive(raw)
    } catch {
      // A file that starts as a zip archive but has no directory at its end was cut short.
      if error == .notZip && raw.count >= 4 && Signature.isZip(raw[0..<4]) { throw .truncated(file: path) }
      throw .workbook(.zip(error), file: path)
    }
    let parts: WorkbookParts
    do {
      parts = try WorkbookParts(archive)
    } catch {
      throw .workbook(error, file: path)
    }
    guard !parts.sheets.isEmpty else { throw .workbook(.notAWorkbook, file: path) }
    return (archive, parts)
  }
}

/// The first bytes that say what a file is.
enum Signature {
  /// `PK\3\4`, a zip archive's first local header (an empty archive starts `PK\5\6`).
  static func isZip(_ head: some Collection<UInt8>) -> Bool {
    head.starts(with: [0x50, 0x4B, 3, 4]) || head.starts(with: [0x50, 0x4B, 5, 6])
  }

  /// An OLE compound file: Excel 97-2003 workbooks, and every password-protected workbook, since
  /// Excel wraps an encrypted .xlsx in one.
  static func isOLE(_ head: some Collection<UInt8>) -> Bool {
    head.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
  }
}
