import Columnar
import MemoryBackend
import SQLBackend

/// Everything a session has made: its tables, the current table and its settings.
///
/// A value type, so that a command runs on a copy and the copy replaces the original only when the
/// command succeeds: a failed command changes nothing.
public struct Workspace: Sendable {
  /// The in-memory engine, which holds the loaded tables and answers queries over them.
  public private(set) var memory = MemoryEngine()
  /// The name of the table that commands use when none is named.
  public internal(set) var currentTableName: String?
  /// The session's settings.
  public var settings = Settings()
  /// True while `seg run --check` replays a script: a check must be re-runnable, so the files its
  /// cells wrote the last time it ran are written again instead of being refused as existing.
  var overwritesFiles = false
  /// The segments, in the order they were defined.
  public internal(set) var segments: [Segment] = []
  /// The personas, in the order they were made; each stands for a segment by name.
  public internal(set) var personas: [Persona] = []
  /// Per table (lowercased name), per column: the placeholder texts read as null (`NA`, `?`...) and how
  /// often, so `describe` can say what was treated as missing.
  public internal(set) var nullPlaceholders: [String: [String: [String: Int]]] = [:]
  /// Per table (lowercased name), the columns (lowercased) that the loader read as dates from whole
  /// numbers written yyyymmdd, so `describe` can say so.
  public internal(set) var compactDateColumns: [String: Set<String>] = [:]
  /// Per table (lowercased name), the columns that `derive`, `bucket` and `trait` made (lowercased name)
  /// with the command that made each: these may be redefined, while loaded columns are never overwritten.
  public internal(set) var computedColumns: [String: [String: String]] = [:]

  /// Per table (lowercased name) that `group` or `rfm from` made: where it came from ("grouped from tx
  /// by CustomerID where Quantity > 0"), for `describe`. A `load` under the same name forgets it.
  public internal(set) var tableOrigins: [String: String] = [:]

  /// The flag the running command's queries poll; `run` sets it to the front end's.
  var interruption = Interruption()

  /// Creates an empty workspace.
  public init() {}

  /// A workspace for a lesson, beside the learner's `own`: the same tables and settings (a lesson may
  /// build on a table the learner loaded), but none of the learner's segments or personas, so that
  /// a lesson's `load sample` or `segment young` cannot break or replace them. Tables are values:
  /// what the lesson does to its copies never reaches the learner's.
  init(forLessonBeside own: Workspace) {
    self = own
    segments = []
    personas = []
  }

  /// The tables, in the order they were first loaded.
  public var tables: [Table] { memory.tables }

  /// The connections opened with `connect`, in the order they were opened.
  public internal(set) var connections: [Connection] = []
  /// What can open connections, by URL scheme: handed in by the executable.
  public var connectors: [any Connector] = []

  /// Every engine as one: queries go to the engine that holds their table. While `sql` runs a
  /// command, each query's SQL is written down too.
  public var engine: any Engine {
    let router = EngineRouter(memory: memory, connections: connections)
    guard let sqlLog else { return router }
    return RecordingEngine(router: router, log: sqlLog)
  }

  /// Set while `sql COMMAND` runs the command, to collect the statements it runs.
  var sqlLog: SQLLog?

  /// The table named `name` (exact match first, then case-insensitive).
  public func table(named name: String) -> Table? {
    memory.table(named: name)
  }

  /// The table a command names, or the current table when it names none.
  /// - Throws: `EvalError` when no table is loaded or none has that name (with did-you-mean).
  public func resolveTable(_ name: Name?) throws(EvalError) -> Table {
    guard let name else {
      if let current = currentTableName, isRemote(current) { throw EvalError.needsMemory(current) }
      guard let current = currentTableName, let table = table(named: current) else {
        throw EvalError(.noTable)
      }
      return table
    }
    if isRemote(name.text) { throw EvalError.needsMemory(name.text, at: name.range) }
    guard let table = table(named: name.text) else {
      if tables.isEmpty { throw EvalError(.noTable, at: name.range) }
      throw EvalError(
        .unknownTable(name.text), at: name.range,
        suggestions: Suggestions.closest(to: name.text, among: tables.map(\.name)))
    }
    return table
  }

  /// The schema of the table a command names (in memory or on a connection), or of the current table.
  /// - Throws: `EvalError` when no table is loaded or none has that name (with did-you-mean).
  func resolveSchema(_ name: Name?) throws(EvalError) -> TableSchema {
    guard let name else {
      guard let current = currentTableName else { throw EvalError(.noTable) }
      return try catalogSchema(of: current)
    }
    let catalog = try self.catalog(seeking: name.text)
    guard let schema = catalog.table(named: name.text) else {
      // With no tables at all the hint is to load one; a connection's missing table is just missing.
      if catalog.tables.isEmpty && !isRemote(name.text) { throw EvalError(.noTable, at: name.range) }
      throw EvalError(
        .unknownTable(name.text), at: name.range, suggestions: catalog.suggestions(for: name.text))
    }
    return schema
  }

  /// Every engine's tables, for looking up `name`. When `name` is a connection's table that its catalog
  /// lacks, the catalog is read again first (once): someone may have made the table since it was read.
  func catalog(seeking name: String) throws(EvalError) -> Catalog {
    let catalog = engine.catalog
    guard catalog.table(named: name) == nil,
      let connection = EngineRouter(memory: memory, connections: connections).connection(holding: name)
    else { return catalog }
    do {
      try connection.engine.reloadCatalog(interruption: interruption)
    } catch {
      throw EvalError(engine: error)
    }
    return engine.catalog
  }

  /// Whether a table is on a connection rather than in memory.
  func isRemote(_ tableName: String) -> Bool {
    EngineRouter(memory: memory, connections: connections).connection(holding: tableName) != nil
  }

  /// Adds or replaces a table and makes it current. Returns true when a table of that name was replaced.
  /// Its dynamic segments are recomputed; a change that would break one is an error and changes nothing
  /// (callers run on a copy).
  @discardableResult
  public mutating func put(_ table: Table) throws(EvalError) -> Bool {
    currentTableName = table.name
    guard memory.put(table) else { return false }
    try refreshSegments(of: table.name)
    return true
  }

  /// Adds or replaces a table and makes it current, leaving its segments to be recomputed by the
  /// next `put` of it: for a command that rebuilds a table and then adds the columns its segments read
  /// (`rfm from ... replace`). Returns true when a table of that name was replaced.
  mutating func putBeforeItsColumns(_ table: Table) -> Bool {
    currentTableName = table.name
    return memory.put(table)
  }

  /// Makes an existing table current, in memory or on a connection, and returns its schema.
  @discardableResult
  public mutating func use(_ name: Name) throws(EvalError) -> TableSchema {
    let schema = try resolveSchema(name)
    currentTableName = schema.name
    return schema
  }

  /// Names a completion may offer: tables, the current table's columns and its segments.
  public var completionNames: (tables: [String], columns: [String], segments: [String]) {
    let current = currentTableName.flatMap { table(named: $0) }
    let onCurrent = segments.filter { $0.tableName == current?.name }.map(\.name)
    return (tables.map(\.name), current?.columns.map(\.name) ?? [], onCurrent)
  }
}

extension Workspace {
  /// A table name made from a file name: letters, digits and `_`, lowercased, so that it can be typed bare.
  static func tableName(forPath path: String) -> String {
    var base = path.split(separator: "/").last.map(String.init) ?? path
    if let dot = base.lastIndex(of: "."), dot != base.startIndex { base = String(base[..<dot]) }
    return identifier(base)
  }

  /// `text` as a bare name: lowercased, each run of other characters one `_`, never starting with a
  /// digit ("Annual Income (k$)" → "annual_income_k", "pg.customers" → "pg_customers").
  static func identifier(_ text: String) -> String {
    var name = ""
    for c in text.lowercased() {
      if c.isLetter || c.isNumber {
        name.append(c)
      } else if !name.hasSuffix("_") {
        name.append("_")
      }
    }
    while name.hasSuffix("_") { name.removeLast() }
    if name.isEmpty { name = "table" }
    if let first = name.first, first.isNumber { name = "t_" + name }
    return name
  }
}
