import MemoryBackend

/// A connection a session opened: its name and the engine behind it.
public struct Connection: Sendable {
  /// The name given with `as`: its tables are `NAME.table`.
  public var name: String
  /// The engine.
  public var engine: any RemoteEngine
}

/// Every engine of a workspace seen as one: in-memory tables by their names, a connection's tables as
/// `connection.table`. Queries go to the engine that holds their table, under that engine's own name
/// for it, so commands never ask where a table lives.
struct EngineRouter: Engine {
  let memory: MemoryEngine
  let connections: [Connection]

  /// The engine that holds a table, the table's name there, and the connection's name (nil for memory).
  func route(_ table: String) -> (engine: any Engine, local: String, connection: String?) {
    if let connection = connection(holding: table), let dot = table.firstIndex(of: ".") {
      return (connection.engine, String(table[table.index(after: dot)...]), connection.name)
    }
    return (memory, table, nil)
  }

  /// The connection whose table `table` names (`pg.customers`), or nil for a table in memory.
  func connection(holding table: String) -> Connection? {
    guard let dot = table.firstIndex(of: ".") else { return nil }
    return connections.first { $0.name.lowercased() == table[..<dot].lowercased() }
  }

  var catalog: Catalog {
    var tables = memory.catalog.tables
    for connection in connections {
      for table in connection.engine.catalog.tables {
        tables.append(TableSchema(name: connection.name + "." + table.name, columns: table.columns))
      }
    }
    return Catalog(tables: tables)
  }

  func schema(of table: String) throws(EngineError) -> TableSchema {
    let (engine, local, connection) = route(table)
    var schema = try engine.schema(of: local)
    if let connection { schema.name = connection + "." + schema.name }
    return schema
  }

  func execute(_ query: Query, interruption: Interruption) throws(EngineError) -> Frame {
    let (engine, local, _) = route(query.relation.table)
    var routed = query
    routed.relation.table = local
    return try engine.execute(routed, interruption: interruption)
  }
}
