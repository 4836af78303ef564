import Columnar

extension Parser {
  mutating func load() throws(ParseError) -> LoadCommand {
    if accept("sample") {
      var kind = SampleKind.customers
      var rows = 5_000
      var seed: UInt64 = 42
      var alias: Name?
      if let word = current.keyword, let k = SampleKind(rawValue: word) {
        kind = k
        _ = advance()
      }
      while !atEnd {
        if accept("rows") {
          rows = try count("a number of rows")
          if rows > 20_000_000 {
            throw ParseError(
              .invalidValue(String(rows), reason: "at most 20,000,000 sample rows"),
              at: tokens[index - 1].range)
          }
        } else if accept("seed") {
          seed = UInt64(try count("a seed number"))
        } else if accept("as") {
          alias = try name("a table name")
        } else {
          let kinds = index == 2 ? SampleKind.allCases.map(\.rawValue) : []
          let words = ["rows", "seed", "as"] + kinds
          throw unexpected(
            (kinds.isEmpty ? "" : kinds.joined(separator: ", ") + ", ") + "rows N, seed S or as NAME",
            suggestions: current.keyword.map { Suggestions.closest(to: $0, among: words) } ?? [])
        }
      }
      return LoadCommand(source: .sample(kind: kind, rows: rows, seed: seed), alias: alias)
    }
    let expected = "a file name in quotes, 'sample', or a connection's table such as pg.customers"
    // A connection's table is written CONNECTION.TABLE; a bare file name (customers.csv) needs quotes.
    if current.identifier != nil, index + 2 < tokens.count, tokens[index + 1].kind == .symbol("."),
      !["csv", "tsv", "txt", "xlsx"].contains(tokens[index + 2].keyword ?? "")
    {
      var command = LoadCommand(source: .table(try tableName(expected)))
      if accept("as") { command.alias = try name("a table name") }
      guard atEnd else { throw unexpected("'as NAME' or the end of the command") }
      return command
    }
    let (path, range) = try string(expected)
    var command = LoadCommand(source: .file(path: path, range: range))
    while !atEnd {
      if accept("as") {
        command.alias = try name("a table name")
      } else if accept("delimiter") {
        // Runs of spaces, for whitespace-aligned text; a single space means the same (see LoadOptions).
        if accept("whitespace") {
          command.options.delimiter = UInt8(ascii: " ")
          continue
        }
        let (d, dRange) = try string("a one-character delimiter in quotes, or whitespace")
        let mapped = d == "\\t" || d.lowercased() == "tab" ? "\t" : d
        guard mapped.utf8.count == 1, let byte = mapped.utf8.first else {
          throw ParseError(.invalidValue("\"\(d)\"", reason: "a delimiter is one character"), at: dRange)
        }
        command.options.delimiter = byte
      } else if accept("header") {
        command.options.header = try onOff("header")
      } else if accept("encoding") {
        guard accept("latin1") || accept("windows1252") || accept("cp1252") else {
          if accept("utf8") { continue }
          throw unexpected("latin1 or utf8")
        }
        command.options.latin1 = true
      } else if accept("skip") {
        try expect("bad")
        try expect("rows")
        command.options.skipBadRows = true
      } else if accept("sheet") {
        let (name, nameRange) = try string("a sheet name in quotes")
        command.options.sheet = SheetName(name, at: nameRange)
      } else if accept("distinct") {
        command.options.distinct = true
      } else {
        let words = ["as", "delimiter", "header", "encoding", "skip", "sheet", "distinct"]
        throw unexpected(
          "as, delimiter, header, encoding, skip bad rows, sheet or distinct",
          suggestions: current.keyword.map { Suggestions.closest(to: $0, among: words) } ?? [])
      }
    }
    return command
  }

  mutating func show() throws(ParseError) -> ShowCommand {
    var command = ShowCommand()
    let clauses = ["columns", "where", "sort", "limit"]
    if let word = current.identifier, !clauses.contains(word.lowercased()) {
      command.source.name = try tableName("a table or segment name")
    }
    while !atEnd {
      if accept("where") {
        command.source.filter = try predicate()
      } else if accept("columns") {
        command.columns = try nameList("a column name")
      } else if accept("sort") {
        try expect("by")
        repeat {
          let column = try name("a column name")
          let descending = accept("desc") ? true : (accept("asc") ? false : false)
          command.sort.append(SortKey(column: column, descending: descending))
        } while acceptSymbol(",")
      } else if accept("limit") {
        command.limit = try count("a row limit")
      } else {
        throw unexpected(
          "columns, where, sort by or limit",
          suggestions: current.keyword.map { Suggestions.closest(to: $0, among: clauses) } ?? [])
      }
    }
    return command
  }

  mutating func setting() throws(ParseError) -> SettingChange {
    if accept("format") {
      guard let word = current.keyword, let format = OutputFormat(rawValue: word) else {
        throw unexpected(
          "table, csv, json or markdown",
          suggestions: current.keyword.map {
            Suggestions.closest(to: $0, among: OutputFormat.allCases.map(\.rawValue))
          } ?? [])
      }
      _ = advance()
      return .format(format)
    }
    if accept("today") {
      if accept("off") { return .today(nil) }
      guard case .date(let days) = current.kind else { throw unexpected("a date such as 2026-11-01, or off") }
      _ = advance()
      return .today(days)
    }
    if accept("timer") { return .timer(try onOff("the timer")) }
    if accept("explain") { return .explain(try onOff("explain")) }
    if accept("safe") { return .safe(try onOff("safe mode")) }
    let settings = ["format", "today", "timer", "explain", "safe"]
    throw unexpected(
      "format, today, timer, explain or safe",
      suggestions: current.keyword.map { Suggestions.closest(to: $0, among: settings) } ?? [])
  }

  mutating func export() throws(ParseError) -> ExportCommand {
    let source = try tableName("a table or segment name")
    try expect("to")
    let (path, _) = try string("a file name in quotes")
    let replace = accept("replace")
    return ExportCommand(source: source, path: path, replace: replace)
  }
}
