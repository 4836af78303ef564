import Columnar
import SegmentPlan
import Synchronization

/// What a session knows of a SQL engine's tables beyond the server's catalog, by the table's exact name
/// (a server may hold `Sales` and `sales` both):
/// the columns it added (`rfm`, `bucket`, `derive`, `trait`), kept as recipes and read as a query that
/// computes them over the table, so the server's tables are never altered; the session's copies of the
/// costly ones (see `KeptTable`); and each table's size once counted.
public final class SessionTables: Sendable {
  private struct State {
    var recipes: [String: [ColumnRecipe]] = [:]
    var sizes: [String: Int] = [:]
    var kept: [String: KeptTable] = [:]
    /// Per table, the costly recipes a query has read from their definitions, not yet kept.
    var readOnce: [String: [ColumnRecipe]] = [:]
    /// Kept copies no longer read, dropped before the next query.
    var discarded: [KeptCopy] = []
    var keptMade = 0
    var keepsCopies = true
  }

  private let state = Mutex(State())

  /// Creates an empty store.
  public init() {}

  /// The recipes of a table (by the engine's name for it), oldest first.
  public func recipes(of table: String) -> [ColumnRecipe] {
    state.withLock { $0.recipes[table] ?? [] }
  }

  /// Sets the recipes of a table; a kept copy of columns no longer among them is discarded. Unless the
  /// list only grew, the command that sets them reads them next, and that counts as their first read
  /// (see `wasReadBefore`): rfm run again is measured as rfm, not as a read of a copy.
  public func set(_ list: [ColumnRecipe], for table: String) {
    state.withLock {
      let old = $0.recipes[table] ?? []
      $0.recipes[table] = list.isEmpty ? nil : list
      if !(list.count > old.count && list.starts(with: old)) { $0.readOnce[table] = nil }
      if let kept = $0.kept[table], !list.starts(with: kept.recipes) { Self.discard(table, &$0) }
    }
  }

  /// A table's size, when counted since the catalog was last read.
  public func size(of table: String) -> Int? {
    state.withLock { $0.sizes[table] }
  }

  /// Keeps a table's size.
  public func set(size: Int, for table: String) {
    state.withLock { $0.sizes[table] = size }
  }

  /// Forgets every size and discards every kept copy: the catalog is read again, as after another
  /// client's change, so the rows are read afresh.
  public func forgetSizes() {
    state.withLock {
      $0.sizes = [:]
      for table in $0.kept.keys.sorted() { Self.discard(table, &$0) }
    }
  }

  /// Forgets all about a table: it was replaced or dropped.
  public func forget(_ table: String) {
    state.withLock {
      $0.recipes[table] = nil
      $0.sizes[table] = nil
      $0.readOnce[table] = nil
      Self.discard(table, &$0)
    }
  }

  /// The session's copy of a table's costly columns, when one is kept.
  public func kept(of table: String) -> KeptTable? {
    state.withLock { $0.kept[table] }
  }

  /// True when a query has read these costly recipes of a table from their definitions before; else
  /// notes that one does now. The command that adds a column reads it once (rfm's summary, a trait's
  /// count), and only columns read again are worth a copy.
  public func wasReadBefore(_ recipes: [ColumnRecipe], of table: String) -> Bool {
    state.withLock {
      if $0.readOnce[table] == recipes { return true }
      $0.readOnce[table] = recipes
      return false
    }
  }

  /// False once the server refused to make a copy: the session then computes its columns in every
  /// query, as it does where the engine keeps no copies.
  public var keepsCopies: Bool {
    state.withLock { $0.keepsCopies }
  }

  /// Makes no more copies in this session.
  public func stopKeepingCopies() {
    state.withLock { $0.keepsCopies = false }
  }

  /// A name for the next kept copy, never used before in this session.
  public func newKeptName() -> String {
    state.withLock {
      $0.keptMade += 1
      return KeptTable.namePrefix + String($0.keptMade)
    }
  }

  /// Records a kept copy of a table, discarding the one it replaces.
  public func keep(_ kept: KeptTable, for table: String) {
    state.withLock {
      Self.discard(table, &$0)
      $0.kept[table] = kept
    }
  }

  /// The discarded copies, handed out once.
  public func takeDiscarded() -> [KeptCopy] {
    state.withLock { state in
      defer { state.discarded = [] }
      return state.discarded
    }
  }

  private static func discard(_ table: String, _ state: inout State) {
    if let old = state.kept.removeValue(forKey: table) { state.discarded.append(old.copy) }
  }
}

/// A session's copy, on the server, of a table with its costly added columns computed once (rfm's three
/// windows, a trait's join): later commands read it rather than computing them again in every query. It
/// is made by the second query that reads the columns (the command that adds them reads them once, and
/// a column read once is not worth a copy), lives as long as the connection (a temporary table), holds
/// the table's rows as they were when it was made, and is made again after the catalog is read
/// (`tables`) or the recipes change. A copy made after more columns were added is made from the last
/// one, so each costly column is computed once.
public struct KeptTable: Sendable {
  /// The recipes whose columns it holds: the first ones of the table's.
  public var recipes: [ColumnRecipe]
  /// The table as read from the copy: the columns of the table and of the recipes.
  public var table: SQLTable
  /// The copy as the engine made it.
  public var copy: KeptCopy

  /// Creates a kept copy's description.
  public init(recipes: [ColumnRecipe], table: SQLTable, copy: KeptCopy) {
    self.recipes = recipes
    self.table = table
    self.copy = copy
  }

  /// How the names of kept copies begin; the catalog leaves such tables out.
  public static let namePrefix = "seg_kept_"
}

/// A copy of rows an engine keeps for the session, as the engine made it (PostgreSQL: a temporary
/// table; Spark: a view of checkpointed rows).
public struct KeptCopy: Sendable, Equatable {
  /// How a query reads it: a FROM item (the quoted name).
  public var from: String
  /// What else the engine needs to drop it (Spark: the id of the checkpointed rows); empty if nothing.
  public var handle: String

  /// Describes a copy.
  public init(from: String, handle: String = "") {
    self.from = from
    self.handle = handle
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
      if case .cluster(let cluster) = recipe {
        table = try table.adding(cluster, dialect: dialect)
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
    case .cluster:
      preconditionFailure("a cluster column takes three queries (SQLTable.adding(_:dialect:)), not a layer")
    }
  }
}

extension ColumnRecipe {
  /// True for the columns a session keeps a copy of rather than compute in every later query: rfm's
  /// (three windows, each a sort of the scored rows) and a trait's (a join of the source grouped by
  /// key). A derived or bucket column costs no more than the expression written into the query.
  var isWorthKeeping: Bool {
    switch self {
    case .rfm, .trait: return true
    // k distances of d terms a row: no dearer than a derived column's arithmetic.
    case .bands, .derived, .cluster: return false
    }
  }
}
