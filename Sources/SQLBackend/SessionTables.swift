import Columnar
import SegmentPlan
import Synchronization

/// What a session knows of a SQL engine's tables beyond the server's catalog, by the table's exact name
/// (a server may hold `Sales` and `sales` both):
/// the columns it added (`rfm`, `bucket`, `derive`), kept as recipes and read as a query that computes them over
/// the table, so the server's tables are never altered; and each table's size once counted.
public final class SessionTables: Sendable {
  private struct State {
    var recipes: [String: [ColumnRecipe]] = [:]
    var sizes: [String: Int] = [:]
  }

  private let state = Mutex(State())

  /// Creates an empty store.
  public init() {}

  /// The recipes of a table (by the engine's name for it), oldest first.
  public func recipes(of table: String) -> [ColumnRecipe] {
    state.withLock { $0.recipes[table] ?? [] }
  }

  /// Sets the recipes of a table.
  public func set(_ list: [ColumnRecipe], for table: String) {
    state.withLock { $0.recipes[table] = list.isEmpty ? nil : list }
  }

  /// A table's size, when counted since the catalog was last read.
  public func size(of table: String) -> Int? {
    state.withLock { $0.sizes[table] }
  }

  /// Keeps a table's size.
  public func set(size: Int, for table: String) {
    state.withLock { $0.sizes[table] = size }
  }

  /// Forgets every size: the catalog is read again, as after another client's change.
  public func forgetSizes() {
    state.withLock { $0.sizes = [:] }
  }

  /// Forgets all about a table: it was replaced or dropped.
  public func forget(_ table: String) {
    state.withLock {
      $0.recipes[table] = nil
      $0.sizes[table] = nil
    }
  }
}

extension SQLTable {
  /// The table with the recipes' columns added, in order: each recipe wraps the FROM item in a query
  /// that keeps every column it does not replace and adds its own.
  /// - Parameter tables: the engine's tables by name, as the server holds them, for a trait's source.
  /// - Throws: `EngineError` when a recipe reads a column the table lacks, or a source that is gone.
  public func adding(
    _ recipes: [ColumnRecipe], dialect: any SQLDialect,
    tables: (String) throws(EngineError) -> SQLTable = { (name: String) throws(EngineError) -> SQLTable in
      throw EngineError(.unknownTable(name))
    }
  ) throws(EngineError) -> SQLTable {
    var table = self
    for recipe in recipes {
      if case .trait(let trait) = recipe {
        // The source as it was when the trait was made (see `TraitRecipe.sourceRecipes`).
        let source = try tables(trait.source).adding(trait.sourceRecipes, dialect: dialect, tables: tables)
        table = try table.adding(trait, source: source, dialect: dialect)
        continue
      }
      for layer in try SQLCompiler(
        dialect: dialect, schema: table.schema, from: table.from, rowOrder: rowOrder
      )
      .layers(of: recipe) {
        table = table.adding(layer, dialect: dialect)
      }
    }
    return table
  }

  /// The table with one layer of columns added: `(SELECT columns..., FROM t) AS c`, where a column the
  /// layer replaces keeps its place (as memory replaces a column) and a new one comes last. With a
  /// `join`, the table is read as `joinedBase` joined so, its own columns through that alias.
  func adding(_ layer: [(column: ColumnSchema, sql: String)], dialect: any SQLDialect, join: String? = nil)
    -> SQLTable
  {
    let own = join == nil ? "" : Self.joinedBase(dialect) + "."
    var columns = schema.columns
    var selected = schema.columns.map { own + dialect.identifier($0.name) }
    for (column, sql) in layer {
      let expression = "\(sql) AS \(dialect.identifier(column.name))"
      // The column memory's Table.addColumn replaces: the exact name first, else ignoring case.
      if let i = columns.firstIndex(named: column.name, by: \.name) {
        columns[i] = column
        selected[i] = expression
      } else {
        columns.append(column)
        selected.append(expression)
      }
    }
    if let rowOrder { selected.insert(own + dialect.identifier(rowOrder), at: 0) }
    let read = join.map { "(SELECT * FROM \(self.from)) AS \(Self.joinedBase(dialect)) \($0)" } ?? self.from
    let from =
      "(SELECT \(selected.joined(separator: ", ")) FROM \(read)) AS \(dialect.identifier("seg_computed"))"
    return SQLTable(schema: TableSchema(name: schema.name, columns: columns), from: from, rowOrder: rowOrder)
  }

  /// The alias of the table itself in a layer that joins another query to it.
  static func joinedBase(_ dialect: any SQLDialect) -> String { dialect.identifier("seg_base") }
}

extension SQLCompiler {
  /// A recipe's columns as SQL expressions over this table, in layers: a column of a later layer reads
  /// the columns of the earlier ones (`fm` reads `f` and `m`), which one SELECT cannot do.
  /// - Throws: `EngineError` when the recipe reads a column the table lacks.
  func layers(of recipe: ColumnRecipe) throws(EngineError) -> [[(column: ColumnSchema, sql: String)]] {
    let outputs = recipe.outputs
    switch recipe {
    case .rfm(let recency, let frequency, let monetary):
      let inputs = [recency, frequency, monetary]
      let scored = "(" + inputs.map { "\(column($0)) IS NOT NULL" }.joined(separator: " AND ") + ")"
      let recencyType = try type(of: recency)
      let recencyIsTime = recencyType == .date || recencyType == .timestamp
      // As memory: the scored rows only, ties in row order (or by every column, see tieBreakers).
      let ties = try tieBreakers().joined(separator: ", ")
      var scores: [(ColumnSchema, String)] = []
      for (i, input) in inputs.enumerated() {
        let direction = i == 0 && !recencyIsTime ? "DESC" : "ASC"
        // Memory holds timestamps in whole seconds: a server's fractions of a second must not order rows
        // that memory takes as tied.
        let key =
          i == 0 && recencyType == .timestamp
          ? "floor(\(dialect.epochSeconds(of: column(input))))" : column(input)
        let tile = "ntile(5) OVER (PARTITION BY \(scored) ORDER BY \(key) \(direction), \(ties))"
        scores.append((outputs[i], "CASE WHEN \(scored) THEN \(tile) END"))
      }
      let (r, f, m) = (column("r"), column("f"), column("m"))
      let fm = "\(dialect.cast("\(f) + \(m)", .double)) / 2"
      // The three digits as one number's text: one cast a row, where concat would take three.
      let combination =
        "CASE WHEN \(r) IS NOT NULL THEN \(dialect.cast("\(r) * 100 + \(f) * 10 + \(m)", .string)) END"
      return [scores, [(outputs[3], fm), (outputs[4], combination)]]
    case .bands(let name, let edges, let labels, _):
      let isInt = try type(of: name) == .int
      var cases: [String] = []
      // Highest edge first: a value falls in the band of the greatest edge at or below it.
      for (k, edge) in edges.enumerated().reversed() {
        let bound: String
        if isInt {
          // A whole-number column's band starts at the first whole number at or above the edge.
          let up = edge.rounded(.up)
          bound = String(up >= 9.2e18 ? Int64.max : (up <= -9.2e18 ? Int64.min : Int64(up)))
        } else {
          bound = dialect.numberLiteral(.double(edge))
        }
        cases.append("WHEN \(column(name)) >= \(bound) THEN \(dialect.stringLiteral(labels[k + 1]))")
      }
      cases.append("WHEN \(column(name)) IS NOT NULL THEN \(dialect.stringLiteral(labels[0]))")
      // Memory gives NaN no band; both servers order it above every number, into the top band.
      if !isInt { cases.insert("WHEN \(dialect.isNaN(column(name))) THEN NULL", at: 0) }
      return [[(outputs[0], "CASE \(cases.joined(separator: " ")) END")]]
    case .derived(_, let formula):
      return [[(outputs[0], try self.formula(formula))]]
    case .trait:
      preconditionFailure("a trait joins its source (SQLTable.adding(_:source:dialect:)), it is no layer")
    }
  }
}
