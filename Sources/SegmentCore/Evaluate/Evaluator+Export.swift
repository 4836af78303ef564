import Columnar
import Spreadsheet

#if canImport(Glibc)
  import Glibc
#endif

extension Workspace {
  /// `export NAME to "file.csv"`: writes a table, or a segment's rows of its table, atomically; a
  /// `.tsv` file with tabs, an `.xlsx` file as an Excel workbook. Other extensions are refused rather
  /// than given CSV text. A table or segment on a connection is fetched whole first, through the same
  /// path as `load`, and written as the same table in memory would be.
  /// - Throws: `EvalError` before any row is fetched for a refused format or path, a file that exists
  ///   or an unknown name; `.interrupted` when Ctrl-C stops the fetch (no file is written then).
  /// - Complexity: O(rows × columns); for a table on a connection, a count and a scan on its server too.
  func export(_ command: ExportCommand, interruption: Interruption) throws(EvalError) -> CommandOutput {
    let fileName = command.path.split(separator: "/").last.map(String.init) ?? command.path
    let dot = fileName.lastIndex(of: ".")
    let ext = dot.map { fileName[fileName.index(after: $0)...].lowercased() } ?? ""
    guard ["", "csv", "tsv", "txt", "xlsx"].contains(ext) else {
      throw EvalError(.exportFormat(path: command.path, format: "." + ext))
    }
    if let refusal = SafeMode.check(write: command.path, safe: settings.safe) { throw EvalError(.safeMode(refusal)) }
    let (relation, label) = try self.relation(RowSource(name: command.source))
    let remote = isRemote(relation.table)
    let selection = remote ? nil : try select(relation, label: label)
    if !command.replace, !overwritesFiles, access(command.path, F_OK) == 0 {
      throw EvalError(.fileExists(command.path))
    }
    // A server's rows come as a table of just the chosen rows (in the engine's order), written whole.
    let table: Table
    let rows: [Int]?
    if let selection {
      table = selection.table
      rows = selection.mask == nil ? nil : selection.rows
    } else {
      table = try fetchRows(
        of: relation, as: relation.table, progress: "exporting \(label)", at: command.source.range,
        interruption: interruption)
      rows = nil
    }
    let isSegment = relation.filter != nil
    let count = rows?.count ?? table.rowCount
    let bytes: Int
    do {
      if ext == "xlsx" {
        // The sheet is named after what was exported: the segment, or the table (a server's without its
        // connection, as `load` would name it).
        let local = table.name.split(separator: ".").last.map(String.init) ?? table.name
        let sheet = isSegment ? command.source.text : local
        bytes = try WorkbookWriter.write(table, rows: rows, sheetName: sheet, to: command.path)
      } else {
        let delimiter = UInt8(ascii: ext == "tsv" ? "\t" : ",")
        bytes = try CSVWriter.write(table, rows: rows, to: command.path, delimiter: delimiter)
      }
    } catch {
      throw EvalError(.write(path: command.path, reason: error.message))
    }
    let what = isSegment ? "\(label) (\(table.name))" : table.name
    return CommandOutput(
      .message(
        "wrote \(Figures.rows(count)) of \(what) to \(command.path) (\(Figures.grouped(bytes)) bytes)"
      ))
  }
}
