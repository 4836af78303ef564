/// Opens connections to engines reached over the network. The `seg` executable hands SegmentCore the
/// connectors it was built with, so SegmentCore itself never links a database client.
public protocol Connector: Sendable {
  /// The URL schemes it opens, lowercase: `postgresql`, `postgres`.
  var schemes: [String] { get }

  /// Opens a connection.
  /// - Parameters:
  ///   - url: the URL as the user wrote it (it may hold a password).
  ///   - interruption: raised on Ctrl-C while connecting.
  /// - Throws: `EngineError` naming what failed (a bad URL, a refused connection, a wrong password).
  func connect(_ url: String, interruption: Interruption) throws(EngineError) -> any RemoteEngine
}

/// An engine reached over a connection.
public protocol RemoteEngine: Engine {
  /// The URL without its password, as sessions record it.
  var displayURL: String { get }
  /// Closes the connection; the engine answers nothing afterwards.
  func close()
  /// Reads the server's catalog again, for tables made or dropped by others since it was last read.
  func reloadCatalog(interruption: Interruption) throws(EngineError)

  /// Writes rows as a new table on the server (replacing one of that name when `replace`), keeping
  /// their order, and adds it to the catalog.
  /// - Throws: `EngineError` when the table exists and `replace` is false, or the server refuses.
  func store(_ rows: Frame, as table: String, replace: Bool, interruption: Interruption) throws(EngineError)

  /// Declares a table over a file the server itself reads (a path or URI of storage it can reach), with
  /// the column types the server infers, and adds it to the catalog.
  /// - Throws: `EngineError.unsupported` from engines that read no files for seg; `.server` when the
  ///   file cannot be read; `.unsupported` when the table exists and `replace` is false.
  func createTable(_ name: String, from path: String, replace: Bool, interruption: Interruption)
    throws(EngineError)

  /// Writes a table grouped from one of its own tables (see `GroupRecipe`; the source read with the
  /// columns the session added to it) on the server, by one statement, so that no row crosses the
  /// network; replaces one of that name when `replace`, and adds it to the catalog.
  /// - Throws: `EngineError` when the table exists and `replace` is false, or the server refuses; the
  ///   old table is left as it was then.
  func storeGroup(_ group: GroupRecipe, as table: String, replace: Bool, interruption: Interruption)
    throws(EngineError)

  /// The recipes of the columns the session added to a table, oldest first (see `defineColumns`).
  func columnRecipes(of table: String) -> [ColumnRecipe]

  /// Sets the columns a table has beyond its own for the rest of the session: those of `recipes`,
  /// computed from its other columns in order, without altering the table on the server.
  /// - Throws: `EngineError` when the table is unknown or the server refuses; nothing changes then.
  func defineColumns(_ recipes: [ColumnRecipe], on table: String, interruption: Interruption)
    throws(EngineError)

  /// Puts back recipes a table had before (already checked then), without asking the server: how a
  /// failed or dropped command takes back the columns it added, even when the connection broke.
  func restoreColumns(_ recipes: [ColumnRecipe], on table: String)
}
