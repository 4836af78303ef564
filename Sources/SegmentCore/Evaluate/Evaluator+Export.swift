import Columnar

#if canImport(Glibc)
  import Glibc
#endif

extension Workspace {
  func export(_ command: ExportCommand) throws(EvalError) -> CommandOutput {
    let table = try resolveTable(command.source)
    if !command.replace, access(command.path, F_OK) == 0 {
      throw EvalError(.fileExists(command.path))
    }
    let bytes: Int
    do {
      bytes = try CSVWriter.write(table, rows: nil, columns: nil, to: command.path)
    } catch {
      throw EvalError(.write(path: command.path, reason: error.message))
    }
    return CommandOutput(
      .message(
        "wrote \(Figures.rows(table.rowCount)) of \(table.name) to \(command.path) (\(Figures.grouped(bytes)) bytes)"
      ))
  }
}
