import Columnar

extension Workspace {
  mutating func load(_ command: LoadCommand, interruption: Interruption) throws(EvalError) -> CommandOutput {
    let table: Table
    var warnings: [String] = []
    var detail = ""
    var placeholders: [String: [String: Int]] = [:]
    switch command.source {
    case .sample(let kind, let rows, let seed):
      let sampleKind: SampleData.Kind = kind == .customers ? .customers : .orders
      guard let sample = SampleData.table(sampleKind, rows: rows, seed: seed, interruption: interruption)
      else {
        throw EvalError(.interrupted)
      }
      table = sample
      detail = " (sample, seed \(seed))"
    case .file(let path, let range):
      var options = LoadOptions()
      options.delimiter = command.options.delimiter
      options.header = command.options.header
      options.skipBadRows = command.options.skipBadRows
      if command.options.latin1 { options.encoding = .latin1 }
      let name = command.alias?.text ?? Workspace.tableName(forPath: path)
      let report: LoadReport
      do {
        report = try CSVReader.load(
          path: path, tableName: name, options: options, interruption: { interruption.isRequested })
      } catch {
        if case .interrupted = error.kind { throw EvalError(.interrupted) }
        throw EvalError(.load(error), at: range)
      }
      table = report.table
      warnings = report.warnings
      placeholders = report.nullPlaceholders
      if report.skippedRows > 0 {
        let lines = report.firstSkippedLines.map(String.init).joined(separator: ", ")
        let place = report.firstSkippedLines.count == 1 ? "line \(lines)" : "lines \(lines)"
        let more = report.skippedRows > report.firstSkippedLines.count ? ", ..." : ""
        warnings.append(
          "skipped \(Figures.rows(report.skippedRows)) with the wrong number of fields (\(place)\(more))")
      }
      detail = " from \(path)"
    case .table(let source):
      // A server's table copied into memory: every column, every row, in the engine's row order.
      let schema = try resolveSchema(source)
      guard isRemote(schema.name) else {
        throw EvalError(.unsupported("\(schema.name) is already in memory"), at: source.range)
      }
      let everything = Operation.rows(schema.columns.map(\.name), order: [], limit: Int.max)
      let frame = try execute(Query(everything, over: Relation(table: schema.name)))
      let local = schema.name.split(separator: ".").last.map(String.init) ?? schema.name
      do {
        table = try Table(name: local, columns: frame.columns)
      } catch {
        throw EvalError(.unsupported(error.message), at: source.range)
      }
      detail = " from \(schema.name)"
    }
    var named = table
    if let alias = command.alias { named.name = alias.text }
    let replaced = try put(named)
    nullPlaceholders[named.name.lowercased()] = placeholders.isEmpty ? nil : placeholders
    let verb = replaced ? "replaced" : "loaded"
    return CommandOutput(
      .message(
        "\(verb) \(named.name): \(Figures.rows(named.rowCount)), \(named.columns.count) columns\(detail)"),
      warnings: warnings)
  }
}
