import SQLBackend

extension Workspace {
  /// The dialect `sql` writes: PostgreSQL until a connection names another.
  static let defaultDialect: any SQLDialect = PostgreSQLDialect()

  /// `sql SEGMENT` prints the query a segment stands for; `sql COMMAND` runs the command on a copy of
  /// the workspace (which is then dropped: nothing changes) and prints each statement it ran.
  func sql(_ request: SQLRequest, interruption: Interruption) throws(EvalError) -> CommandOutput {
    switch request {
    case .segment(let name):
      let segment = try namedSegment(name, for: "sql")
      let relation = Relation(table: segment.tableName, filter: try condition(of: segment))
      let router = EngineRouter(memory: memory, connections: connections)
      do {
        let compiler = try RecordingEngine.compiler(for: segment.tableName, in: router)
        return CommandOutput(.text(try compiler.selectAll(relation).inlined(compiler.dialect) + ";"))
      } catch {
        throw EvalError(engine: error)
      }
    case .command(let command):
      switch command {
      case .sql, .connect, .disconnect, .copy, .create:
        throw EvalError(.noSQL(aboutSession: false))
      default: break
      }
      if command.isAboutSession {
        throw EvalError(.noSQL(aboutSession: true))
      }
      var copy = self
      let log = SQLLog()
      copy.sqlLog = log
      // The copy is dropped, but the columns rfm or bucket add on a connection live in its engine.
      let recipes = connectionRecipes()
      defer { restoreConnectionRecipes(recipes) }
      _ = try copy.run(command, interruption: interruption)
      let statements = log.all
      guard !statements.isEmpty else {
        return CommandOutput(.message("this command runs no query on a table"))
      }
      return CommandOutput(.text(statements.joined(separator: "\n")))
    }
  }
}

extension Workspace {
  /// The recipes of the columns added to each connection's tables (by connection, then table).
  func connectionRecipes() -> [[(table: String, recipes: [ColumnRecipe])]] {
    connections.map { connection in
      connection.engine.catalog.tables.map { ($0.name, connection.engine.columnRecipes(of: $0.name)) }
    }
  }

  /// Puts back the recipes `connectionRecipes` read, where they changed since.
  func restoreConnectionRecipes(_ saved: [[(table: String, recipes: [ColumnRecipe])]]) {
    for (connection, tables) in zip(connections, saved) {
      for (table, recipes) in tables where connection.engine.columnRecipes(of: table) != recipes {
        connection.engine.restoreColumns(recipes, on: table)
      }
    }
  }
}
