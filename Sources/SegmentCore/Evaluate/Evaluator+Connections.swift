extension Workspace {
  /// `connect "URL" as NAME`: opens a connection with the connector for the URL's scheme; its tables
  /// become `NAME.table`. The journal keeps the URL without its password.
  mutating func connect(_ command: ConnectCommand, interruption: Interruption) throws(EvalError)
    -> CommandOutput
  {
    if settings.safe { throw EvalError(.safeMode(.connect)) }
    let name = command.name
    if connections.contains(where: { $0.name.lowercased() == name.text.lowercased() }) {
      throw EvalError(.connectionNameTaken(name.text), at: name.range)
    }
    let parts = command.url.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
    guard parts.count == 2, parts[1].hasPrefix("//"), !parts[0].isEmpty else {
      throw EvalError(.notAURL, at: command.urlRange)
    }
    let scheme = parts[0].lowercased()
    guard let connector = connectors.first(where: { $0.schemes.contains(scheme) }) else {
      let known = connectors.flatMap(\.schemes).map { $0 + "://" }
      throw EvalError(.unknownScheme(scheme, known: known), at: command.urlRange)
    }
    let engine: any RemoteEngine
    do throws(EngineError) {
      engine = try connector.connect(command.url, interruption: interruption)
    } catch {
      throw EvalError(engine: error).renamed(at: command.urlRange)
    }
    connections.append(Connection(name: name.text, engine: engine))
    // The message names neither the URL nor the server's tables: a replayed session prints the same
    // whatever port or database it reconnects to ('tables' lists them).
    let recorded = "connect \(Literal.quoted(engine.displayURL)) as \(name.commandText)"
    return CommandOutput(
      .message("connected \(name.text): its tables are \(name.text).TABLE (see 'tables')"),
      recordedText: recorded)
  }

  /// `disconnect NAME`: closes a connection whose tables no segment uses.
  mutating func disconnect(_ name: Name) throws(EvalError) -> String {
    let connection = try openConnection(name)
    let prefix = connection.name.lowercased() + "."
    if let user = segments.first(where: { $0.tableName.lowercased().hasPrefix(prefix) }) {
      throw EvalError(
        .connectionInUse(connection.name, segment: user.name, table: user.tableName), at: name.range)
    }
    connections.removeAll { $0.name == connection.name }
    connection.engine.close()
    if let current = currentTableName, current.lowercased().hasPrefix(prefix) { currentTableName = nil }
    return "disconnected \(connection.name)"
  }
}

extension Workspace {
  /// `copy NAME to CONNECTION [as TABLE] [replace]`: a table in memory, or a segment's rows, written to
  /// the server as a new table in row order.
  mutating func copy(_ command: CopyCommand, interruption: Interruption) throws(EvalError) -> String {
    let connection = try openConnection(command.connection)
    let selection = try select(RowSource(name: command.source))
    let columns =
      selection.mask.map { mask in selection.table.columns.map { $0.taking(mask.setIndices()) } }
      ?? selection.table.columns
    let target = command.table?.text ?? command.source.text
    do {
      try connection.engine.store(
        Frame(columns: columns), as: target, replace: command.replace, interruption: interruption)
    } catch {
      throw EvalError(engine: error)
    }
    // A whole table's copy is the same rows read the same way: `describe` of it says how the file was
    // read and where a grouped table came from, as of the table in memory. A segment's rows are a part,
    // whose placeholder counts would be the whole table's: its copy says nothing of them.
    let source = selection.mask == nil ? selection.table.name.lowercased() : ""
    let copied = "\(connection.name).\(target)".lowercased()
    nullPlaceholders[copied] = nullPlaceholders[source]
    compactDateColumns[copied] = compactDateColumns[source]
    tableOrigins[copied] = tableOrigins[source]
    return "copied \(Figures.rows(selection.count)) of \(selection.label) to \(connection.name).\(target)"
  }
}

extension Workspace {
  /// `create table NAME on CONNECTION from "PATH" [replace]`: a table the server reads from a file it
  /// can reach (shared storage, on a cluster), declared there and added to the connection's tables.
  func createTable(_ command: CreateTableCommand, interruption: Interruption) throws(EvalError) -> String {
    let connection = try openConnection(command.connection)
    let table = command.table.text
    let rows: Frame
    do throws(EngineError) {
      try connection.engine.createTable(
        table, from: command.path, replace: command.replace, interruption: interruption)
      rows = try connection.engine.execute(
        Query(.count, over: Relation(table: table)), interruption: interruption)
    } catch {
      throw EvalError(engine: error)
    }
    let columns = (try? connection.engine.schema(of: table).columns.count) ?? 0
    var count: Int64 = 0
    if case .int(let n) = rows.value("count", at: 0) { count = n }
    return "created \(connection.name).\(table): \(Figures.rows(Int(count))), \(columns) columns"
  }

  /// The open connection a command names.
  /// - Throws: `EvalError` naming the unknown connection, with the closest names.
  func openConnection(_ name: Name) throws(EvalError) -> Connection {
    guard let connection = connections.first(where: { $0.name.lowercased() == name.text.lowercased() }) else {
      throw EvalError(
        .unknownConnection(name.text), at: name.range,
        suggestions: Suggestions.closest(to: name.text, among: connections.map(\.name)))
    }
    return connection
  }
}

extension EvalError {
  /// The same error pointing at another place.
  func renamed(at range: SourceRange) -> EvalError {
    EvalError(kind, at: range, suggestions: suggestions)
  }
}
