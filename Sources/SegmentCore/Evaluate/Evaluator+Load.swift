import Columnar
import Spreadsheet

extension Workspace {
  mutating func load(_ command: LoadCommand, interruption: Interruption) throws(EvalError) -> CommandOutput {
    let table: Table
    var warnings: [String] = []
    var detail = ""
    var placeholders: [String: [String: Int]] = [:]
    var compactDates: [String] = []
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
      let name = command.alias?.text ?? Workspace.tableName(forPath: path)
      let report = try loadFile(path, at: range, as: name, command.options, interruption: interruption)
      table = report.table
      warnings = report.warnings
      placeholders = report.nullPlaceholders
      compactDates = report.compactDateColumns
      if let other = report.otherSplit, !WorkbookReader.isWorkbook(path: path) {
        warnings.append(Self.oneColumnWarning(path, other))
      }
      if report.skippedRows > 0 {
        let lines = report.firstSkippedLines.map(String.init).joined(separator: ", ")
        let place = report.firstSkippedLines.count == 1 ? "line \(lines)" : "lines \(lines)"
        let more = report.skippedRows > report.firstSkippedLines.count ? ", ..." : ""
        warnings.append(
          "skipped \(Figures.rows(report.skippedRows)) with the wrong number of fields (\(place)\(more))")
      }
      detail = " from \(path)" + (command.options.sheet.map { ", sheet \"\($0.name)\"" } ?? "")
    case .table(let source):
      // A server's table copied into memory: every column, every row, in the engine's row order.
      let schema = try resolveSchema(source)
      guard isRemote(schema.name) else {
        throw EvalError(.alreadyInMemory(schema.name), at: source.range)
      }
      let local = schema.name.split(separator: ".").last.map(String.init) ?? schema.name
      table = try fetchRows(
        of: Relation(table: schema.name), as: local, progress: "loading \(schema.name)", at: source.range,
        interruption: interruption)
      detail = " from \(schema.name)"
    }
    var named = table
    if let alias = command.alias { named.name = alias.text }
    var dropped = ""
    if command.options.distinct {
      let (kept, count) = named.droppingDuplicateRows()
      named = kept
      dropped =
        count == 0
        ? "; no exact duplicate rows"
        : "; dropped \(Figures.grouped(count)) exact duplicate \(count == 1 ? "row" : "rows")"
    }
    let replaced = try put(named)
    nullPlaceholders[named.name.lowercased()] = placeholders.isEmpty ? nil : placeholders
    compactDateColumns[named.name.lowercased()] =
      compactDates.isEmpty ? nil : Set(compactDates.map { $0.lowercased() })
    tableOrigins[named.name.lowercased()] = nil
    let verb = replaced ? "replaced" : "loaded"
    return CommandOutput(
      .message(
        "\(verb) \(named.name): \(Figures.rows(named.rowCount)), \(named.columns.count) columns\(detail)\(dropped)"
      ),
      warnings: warnings)
  }

  /// The warning for a file read as one column that another delimiter splits into more fields.
  static func oneColumnWarning(_ path: String, _ other: DelimiterHint) -> String {
    let (splitAt, option): (String, String)
    switch other.delimiter {
    case UInt8(ascii: " "): (splitAt, option) = ("runs of spaces", "delimiter whitespace")
    case UInt8(ascii: "\t"): (splitAt, option) = ("tabs", "delimiter \"tab\"")
    default:
      let c = String(UnicodeScalar(other.delimiter))
      (splitAt, option) = ("'\(c)'", "delimiter \"\(c)\"")
    }
    return
      "'\(path)' was read as one column, but its lines have \(other.fields) fields when split at \(splitAt): "
      + "add \(option) to the load to read them as columns"
  }
}

extension Workspace {
  /// Reads a CSV file or, by its name's ending or its first bytes, an Excel workbook.
  private func loadFile(
    _ path: String, at range: SourceRange, as name: String, _ flags: LoadFlags, interruption: Interruption
  ) throws(EvalError) -> LoadReport {
    let isWorkbook = WorkbookReader.isWorkbook(path: path)
    if isWorkbook {
      let csvOnly = [
        flags.delimiter != nil ? "delimiter" : nil, flags.latin1 ? "encoding" : nil,
        flags.skipBadRows ? "skip bad rows" : nil,
      ].compactMap { $0 }
      if let first = csvOnly.first {
        throw EvalError(
          .optionOfOtherFormat(first, path: path, workbook: true),
          at: range)
      }
    } else if let sheet = flags.sheet {
      throw EvalError(
        .optionOfOtherFormat("sheet", path: path, workbook: false),
        at: sheet.range)
    }
    do {
      if isWorkbook {
        return try WorkbookReader.load(
          path: path, tableName: name, sheet: flags.sheet?.name, header: flags.header,
          interruption: { interruption.isRequested })
      }
      var options = LoadOptions()
      options.delimiter = flags.delimiter
      options.header = flags.header
      options.skipBadRows = flags.skipBadRows
      if flags.latin1 { options.encoding = .latin1 }
      let meter = interruption.progress
      meter.start("loading \(path)")
      defer { meter.finish() }
      return try CSVReader.load(
        path: path, tableName: name, options: options, interruption: { interruption.isRequested },
        progress: { meter.advance(by: $0, of: $1) })
    } catch {
      switch error.kind {
      case .interrupted:
        throw EvalError(.interrupted)
      case .unknownSheet(let wanted, let sheets):
        throw EvalError(
          .load(error), at: flags.sheet?.range ?? range,
          suggestions: Suggestions.closest(to: wanted, among: sheets))
      default:
        throw EvalError(.load(error), at: range)
      }
    }
  }
}
