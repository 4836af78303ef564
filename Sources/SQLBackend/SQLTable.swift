import Columnar
import SegmentPlan

/// A table of a SQL engine as seg sees it: its schema, how to read it, and whether it keeps seg's row
/// order.
public struct SQLTable: Sendable {
  /// Its schema, by the engine's own name for the table.
  public var schema: TableSchema
  /// The FROM item: the quoted table, or a subquery that reads some columns as seg holds them (numeric
  /// to double, say) and leaves out columns of types seg does not hold.
  public var from: String
  /// `_seg_row` when the table keeps seg's row order (tables seg wrote), else nil.
  public var rowOrder: String?

  /// The name of the column that keeps a table's row order when seg writes it.
  public static let rowOrderColumn = "_seg_row"

  /// Creates a table description.
  public init(schema: TableSchema, from: String, rowOrder: String?) {
    self.schema = schema
    self.from = from
    self.rowOrder = rowOrder
  }

  /// The comment seg writes on a Bool column it copies to a server, so that the server's copy shows its
  /// values in the words the file wrote (`yes`/`no`), as the table in memory does.
  public static func comment(for words: BoolWords) -> String { boolWordsTag + words.text }

  /// The words a column's comment records, when seg wrote it; nil for any other comment.
  public static func boolWords(comment: String?) -> BoolWords? {
    guard let comment, comment.hasPrefix(boolWordsTag) else { return nil }
    return BoolWords(text: String(comment.dropFirst(boolWordsTag.count)))
  }

  private static let boolWordsTag = "seg bool words: "
}

/// A SQL engine whose tables are read from the server's catalog into `SQLTable`s: the catalog, schemas
/// and compilers follow from them the same way on every such engine.
public protocol CatalogedSQLEngine: SQLEngine, RemoteEngine {
  /// The dialect its statements are written in.
  var dialect: any SQLDialect { get }
  /// The tables, as last read from the server.
  var tables: [SQLTable] { get }
  /// Makes the session's copy of a query's rows (see `KeptTable`) under a plain name (letters, digits,
  /// underscores), held on the server as long as the connection at most.
  /// - Throws: `EngineError`, leaving nothing behind.
  func keepCopy(named name: String, of query: String, _ interruption: Interruption) throws(EngineError)
    -> KeptCopy
  /// Drops a copy `keepCopy` made. Best effort: one that cannot be dropped goes with the connection.
  func dropCopy(_ copy: KeptCopy)
}

extension CatalogedSQLEngine {
  public var catalog: Catalog {
    Catalog(tables: tables.map { ((try? withComputedColumns($0)) ?? $0).schema })
  }

  public func schema(of table: String) throws(EngineError) -> TableSchema {
    try stored(table).schema
  }

  public func compiler(for table: String) throws(EngineError) -> SQLCompiler {
    let stored = try stored(table)
    return SQLCompiler(dialect: dialect, schema: stored.schema, from: stored.from, rowOrder: stored.rowOrder)
  }

  public func runningCompiler(for query: Query, _ interruption: Interruption) throws(EngineError)
    -> SQLCompiler
  {
    let table = query.relation.table
    for copy in session.takeDiscarded() { dropCopy(copy) }
    let server = try serverTable(table)
    let name = server.schema.name
    let recipes = session.recipes(of: name)
    guard let last = recipes.lastIndex(where: \.isWorthKeeping) else { return try compiler(for: table) }
    let costly = Array(recipes[...last])
    // The columns a copy holds are read from it, the others computed over it.
    var base = server
    var covered = 0
    if let kept = session.kept(of: name), costly.starts(with: kept.recipes) {
      base = kept.table
      covered = kept.recipes.count
    }
    if covered < costly.count && session.keepsCopies && Self.reads(query, costly: costly, of: recipes)
      && session.wasReadBefore(costly, of: name)
    {
      // Made from the last copy, so each costly column is computed once.
      let computed = try base.adding(Array(costly[covered...]), dialect: dialect, tables: serverTable)
      let copy: KeptCopy?
      do {
        copy = try keepCopy(named: session.newKeptName(), of: "SELECT * FROM \(computed.from)", interruption)
      } catch {
        switch error.kind {
        case .server:
          // Refused (a role without the TEMPORARY privilege, a full disk): the session goes on
          // without copies, and the query computes the columns as it would have without them.
          session.stopKeepingCopies()
          copy = nil
        case .outOfRange:
          // The columns themselves cannot be computed: the query says so, as it would without copies.
          copy = nil
        default: throw error
        }
      }
      if let copy {
        base = SQLTable(schema: computed.schema, from: copy.from, rowOrder: server.rowOrder)
        covered = costly.count
        session.keep(KeptTable(recipes: costly, table: base, copy: copy), for: name)
      }
    }
    let running = try base.adding(Array(recipes[covered...]), dialect: dialect, tables: serverTable)
    return SQLCompiler(
      dialect: dialect, schema: running.schema, from: running.from, rowOrder: running.rowOrder)
  }

  /// True when the query reads a column of the costly recipes, or of a later recipe computed from one:
  /// only such queries count as reads of them (rfm's own checks of its inputs, run again, do not).
  private static func reads(_ query: Query, costly: [ColumnRecipe], of recipes: [ColumnRecipe]) -> Bool {
    guard let read = query.columnsRead else { return true }
    var made = Set(costly.flatMap(\.outputs).map { $0.name.lowercased() })
    for recipe in recipes.dropFirst(costly.count)
    where recipe.inputs.contains(where: { made.contains($0.lowercased()) }) {
      made.formUnion(recipe.outputs.map { $0.name.lowercased() })
    }
    return read.contains { made.contains($0.lowercased()) }
  }

  /// A table by name, the exact spelling first, else ignoring case, with the columns the session added.
  /// - Throws: `EngineError.unknownTable`.
  public func stored(_ name: String) throws(EngineError) -> SQLTable {
    try withComputedColumns(try serverTable(name))
  }

  /// True when a table of that name exists, ignoring case (as a new table's name would clash).
  public func holds(_ name: String) -> Bool {
    tables.contains { $0.schema.name.lowercased() == name.lowercased() }
  }

  public func columnRecipes(of table: String) -> [ColumnRecipe] {
    guard let server = try? serverTable(table) else { return [] }
    return session.recipes(of: server.schema.name)
  }

  /// Sets a table's added columns once the server has compiled and checked the query that computes
  /// them (over no rows).
  public func defineColumns(_ recipes: [ColumnRecipe], on table: String, interruption: Interruption)
    throws(EngineError)
  {
    let server = try serverTable(table)
    if !recipes.isEmpty {
      let added = try server.adding(recipes, dialect: dialect, tables: serverTable)
      _ = try run(SQLText("SELECT count(*) FROM \(added.from) WHERE 1 = 0"), [("count", .int)], interruption)
    }
    session.set(recipes, for: server.schema.name)
  }

  public func restoreColumns(_ recipes: [ColumnRecipe], on table: String) {
    guard let server = try? serverTable(table) else { return }
    session.set(recipes, for: server.schema.name)
  }

  /// After the catalog was read again: forgets the sizes, and the added columns of any table whose
  /// recipes no longer compile (another client dropped or renamed a column they read), so the table
  /// stays usable rather than failing every query.
  public func catalogWasRead() {
    session.forgetSizes()
    for table in tables where !session.recipes(of: table.schema.name).isEmpty {
      if (try? table.adding(session.recipes(of: table.schema.name), dialect: dialect, tables: serverTable))
        == nil
      {
        session.forget(table.schema.name)
      }
    }
  }

  /// A table as the server's catalog describes it.
  private func serverTable(_ name: String) throws(EngineError) -> SQLTable {
    guard let table = tables.first(named: name, by: \.schema.name) else {
      throw EngineError(.unknownTable(name))
    }
    return table
  }

  private func withComputedColumns(_ table: SQLTable) throws(EngineError) -> SQLTable {
    let recipes = session.recipes(of: table.schema.name)
    return recipes.isEmpty ? table : try table.adding(recipes, dialect: dialect, tables: serverTable)
  }
}
