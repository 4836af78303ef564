import Columnar

extension Workspace {
  /// Adds the columns of a recipe to a table, on whichever engine holds it: a table in memory gains
  /// them computed now (its segments are checked as after any change); a connection's table gains them
  /// as a query the server runs, the server's table left as it was. The one place the two differ, so
  /// that `rfm`, `bucket` and `derive` ask nothing of where a table lives.
  /// - Returns: how to put back the connection's earlier recipes for the table, should the command
  ///   fail later (a table in memory needs none: a failed command's workspace is dropped).
  /// - Throws: `EvalError` when the engine refuses; nothing changes then.
  mutating func addColumns(_ recipe: ColumnRecipe, to tableName: String) throws(EvalError) -> ComputedUndo {
    if let connection = EngineRouter(memory: memory, connections: connections).connection(holding: tableName)
    {
      let local = String(tableName[tableName.index(after: tableName.firstIndex(of: ".")!)...])
      let earlier = connection.engine.columnRecipes(of: local)
      do {
        try connection.engine.defineColumns(
          ColumnRecipe.appending(recipe, to: earlier), on: local, interruption: interruption)
      } catch {
        throw EvalError(engine: error)
      }
      let undo = ComputedUndo(engine: connection.engine, table: local, recipes: earlier)
      // As after any change of a table in memory: a column its segments read must still suit them.
      do {
        try refreshSegments(of: tableName)
      } catch {
        undo.run()
        throw error
      }
      return undo
    }
    guard var table = table(named: tableName) else { throw EvalError(.noTable) }
    for column in try recipe.columns(of: table, in: self) {
      do { try table.addColumn(column) } catch { throw EvalError(.table(error)) }
    }
    try put(table)
    return ComputedUndo(engine: nil, table: tableName, recipes: [])
  }

  /// The recipes of the columns the session added to a connection's table (`pg.orders`), oldest
  /// first; none for a table in memory, whose added columns hold their values.
  func addedRecipes(of tableName: String) -> [ColumnRecipe] {
    let router = EngineRouter(memory: memory, connections: connections)
    guard let connection = router.connection(holding: tableName) else { return [] }
    return connection.engine.columnRecipes(of: router.route(tableName).local)
  }
}

/// How to take back the columns `addColumns` gave a connection's table, when the command that added
/// them fails afterwards.
struct ComputedUndo {
  let engine: (any RemoteEngine)?
  let table: String
  let recipes: [ColumnRecipe]

  /// Puts the connection's recipes back as they were, without a round trip to a server that may be
  /// gone; nothing for a table in memory.
  func run() {
    engine?.restoreColumns(recipes, on: table)
  }
}

extension ColumnRecipe {
  /// The columns computed over a table in memory (the workspace gives the rows of a formula's
  /// conditions, and Ctrl-C).
  /// - Throws: `EvalError` when an input has a type the recipe cannot use (callers check first), or a
  ///   formula's value cannot be computed (an Int that overflows).
  func columns(of table: Table, in workspace: Workspace) throws(EvalError) -> [Column] {
    func input(_ name: String) throws(EvalError) -> Column {
      guard let column = table.column(named: name) else {
        throw EvalError(.unknownColumn(name, table: table.name))
      }
      return column
    }
    switch self {
    case .rfm(let recency, let frequency, let monetary):
      let (r, f, m) = (try input(recency), try input(frequency), try input(monetary))
      do {
        return try RFMScores.compute(recency: r, frequency: f, monetary: m).columns()
      } catch {
        throw EvalError(.rfmInput(role: error.role, column: error.column, type: error.type.displayName))
      }
    case .bands(let name, let edges, let labels, let alias):
      let source = try input(name)
      let (bands, validity) = Buckets.bands(source, edges: edges)
      let (codes, dictionary) = Vector.compact(codes: bands, dictionary: labels, validity: validity)
      return [Column(name: alias, storage: .string(codes: codes, dictionary: dictionary), validity: validity)]
    case .derived(let name, let formula):
      let vector = try ExpressionEvaluator(table: table, workspace: workspace).evaluate(formula)
      guard let column = vector.column(named: name) else {
        throw EvalError(.nullEverywhere(expression: formula.text), at: formula.range)
      }
      return [column]
    case .trait(let trait):
      return [try workspace.traitColumn(trait, on: table)]
    case .cluster(let cluster):
      var inputs: [Column] = []
      for name in cluster.columns { inputs.append(try input(name)) }
      return [cluster.column(over: inputs)]
    }
  }
}
