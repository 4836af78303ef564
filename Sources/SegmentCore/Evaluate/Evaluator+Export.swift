import Columnar
import Spreadsheet

#if canImport(Glibc)
  import Glibc
#endif

extension Workspace {
  /// `export NAME to "file.csv"`: writes a table, or a segment's rows of its table, atomically; a
  /// `.tsv` file with tabs, an `.xlsx` file as an Excel workbook. Other extensions are refused rather
  /// than given CSV text.
  func export(_ command: ExportCommand) throws(EvalError) -> CommandOutput {
    let fileName = command.path.split(separator: "/").last.map(String.init) ?? command.path
    let dot = fileName.lastIndex(of: ".")
    let ext = dot.map { fileName[fileName.index(after: $0)...].lowercased() } ?? ""
    guard ["", "csv", "tsv", "txt", "xlsx"].contains(ext) else {
      throw EvalError(.exportFormat(path: command.path, format: "." + ext))
    }
    if let refusal = SafeMode.check(write: command.path, safe: settings.safe) { throw EvalError(.safeMode(refusal)) }
    let selection = try select(RowSource(name: command.source))
    let table = selection.table
    if !command.replace, !overwritesFiles, access(command.path, F_OK) == 0 {
      throw EvalError(.fileExists(command.path))
    }
    let bytes: Int
    do {
      // A table is written whole (rows nil); a segment writes its members, in table order.
      let rows = selection.mask == nil ? nil : selection.rows
      if ext == "xlsx" {
        // The sheet is named after what was exported: the segment, or the table.
        let sheet = selection.mask == nil ? table.name : command.source.text
        bytes = try WorkbookWriter.write(table, rows: rows, sheetName: sheet, to: command.path)
      } else {
        let delimiter = UInt8(ascii: ext == "tsv" ? "\t" : ",")
        bytes = try CSVWriter.write(table, rows: rows, to: command.path, delimiter: delimiter)
      }
    } catch {
      throw EvalError(.write(path: command.path, reason: error.message))
    }
    let what = selection.mask == nil ? table.name : "\(selection.label) (\(table.name))"
    return CommandOutput(
      .message(
        "wrote \(Figures.rows(selection.count)) of \(what) to \(command.path) (\(Figures.grouped(bytes)) bytes)"
      ))
  }
}
