import Columnar

#if canImport(Glibc)
  import Glibc
#endif

extension Workspace {
  /// `export NAME to "file.csv"`: writes a table, or a segment's rows of its table, atomically.
  func export(_ command: ExportCommand) throws(EvalError) -> CommandOutput {
    let selection = try select(RowSource(name: command.source))
    let table = selection.table
    if !command.replace, access(command.path, F_OK) == 0 {
      throw EvalError(.fileExists(command.path))
    }
    let bytes: Int
    do {
      // A table is written whole (rows nil); a segment writes its members, in table order.
      let rows = selection.mask == nil ? nil : selection.rows
      bytes = try CSVWriter.write(table, rows: rows, to: command.path)
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
