import Columnar
import SQLBackend

extension Workspace {
  /// `group TABLE by KEY into NEW with NAME = AGG(EXPR), ... [where P] [replace]`: a new table with one
  /// row per non-null KEY of TABLE, in key order (see `GroupKeys` and `GroupRecipe`), holding KEY and the
  /// aggregates, computed as `trait` computes them. The new table is written where its source is (in
  /// memory, or on the source's server by one statement, so that no row crosses the network), becomes
  /// the current one and remembers where it came from (`describe` shows it).
  /// - Throws: `EvalError` before anything changes: an unknown table or column (with did-you-mean), a
  ///   column named twice, an existing NEW without `replace`, NEW naming TABLE or another engine
  ///   (`.groupElsewhere`), a server's Double or Timestamp key (`.groupKeyOnServer`), an aggregate's
  ///   errors, the server's errors, `.interrupted` on Ctrl-C (checked between the passes).
  /// - Complexity: in memory one pass to group the keys, then one (or two) per aggregate, as `trait`.
  mutating func group(_ command: GroupCommand) throws(EvalError) -> CommandOutput {
    CommandOutput(.message(try makeGroup(try bindGroup(command))))
  }

  /// A `group` bound against its source's engine: what to compute, where to write it, and the figures
  /// of its message.
  struct BoundGroup {
    /// What the engine computes, its tables by the engine's own names.
    var recipe: GroupRecipe
    /// The source and the new table as the session names them (`pg.orders`, `pg.buyers`).
    var source: String
    var target: String
    /// The new table's name on its engine.
    var local: String
    var targetRange: SourceRange
    /// The connection that holds the source and gets the new table; nil in memory.
    var connection: Connection?
    var replace: Bool
    /// True when a table of the new table's name exists, to be replaced.
    var replaces: Bool
    /// Where each column's aggregate was written, for an error in computing it.
    var columnRanges: [SourceRange]
    /// What `describe` says of the table's origin.
    var origin: String
    /// Source rows with a key that passed the filter.
    var usedRows: Int
    /// Source rows the filter left out (nil without a filter).
    var filteredOut: Int?
    /// Source rows (among those the filter kept) with a null key.
    var nullKeyRows: Int
  }

  /// Binds a `group` against its source's engine and counts the rows its message names, changing
  /// nothing (see `group` for what it refuses).
  func bindGroup(_ command: GroupCommand) throws(EvalError) -> BoundGroup {
    let source = try resolveSchema(command.source)
    let router = EngineRouter(memory: memory, connections: connections)
    let from = router.route(source.name)
    let into = router.route(command.target.text)
    let connection = router.connection(holding: source.name)
    guard into.connection?.lowercased() == from.connection?.lowercased() else {
      let suggested = from.connection.map { "\($0).\(into.local)" } ?? into.local
      throw EvalError(
        .groupElsewhere(source: source.name, connection: from.connection, suggested: suggested),
        at: command.target.range)
    }
    let binder = Binder(workspace: self, table: source)
    let key = try binder.column(command.key)
    if key.type == .list {
      throw EvalError(.listNotAllowed(column: key.name, in: .groupKey), at: command.key.range)
    }
    if connection != nil && (key.type == .double || key.type == .timestamp) {
      throw EvalError(
        .groupKeyOnServer(key: key.name, type: key.type.displayName, table: source.name),
        at: command.key.range)
    }
    if into.local.lowercased() == from.local.lowercased() {
      throw EvalError(.newTableIsSource(source.name), at: command.target.range)
    }
    let existing =
      connection.map { c in c.engine.catalog.table(named: into.local).map { "\(c.name).\($0.name)" } }
      ?? table(named: into.local)?.name
    if let existing, !command.replace {
      throw EvalError(.tableExists(existing), at: command.target.range)
    }
    try checkColumnNames(command.columns, key: key.name)
    var columns: [GroupRecipe.Column] = []
    for column in command.columns {
      if interruption.isRequested { throw EvalError(.interrupted) }
      columns.append(
        GroupRecipe.Column(
          name: column.name.text, aggregate: column.call.aggregate,
          argument: try aggregateArgument(column.call, on: source)))
    }
    let filter = try command.filter.map { p throws(EvalError) in try binder.bind(p) }
    // The source's rows, those the filter keeps and those among them with no key.
    let noKey = Condition.isNull(key.name, negated: false)
    let counts = try execute(
      Query(.countWhere(filter.map { [$0, .and($0, noKey)] } ?? [noKey]), over: Relation(table: source.name)))
    let rows = counts.integer("rows")
    let filteredOut = filter == nil ? nil : rows - counts.integer("n.0")
    let nullKeyRows = counts.integer(filter == nil ? "n.0" : "n.1")
    var origin = "grouped from \(source.name) by \(key.name)"
    if let filter = command.filter { origin += " where \(filter.commandText)" }
    return BoundGroup(
      recipe: GroupRecipe(source: from.local, key: key.name, columns: columns, filter: filter),
      source: source.name, target: connection.map { "\($0.name).\(into.local)" } ?? into.local,
      local: into.local, targetRange: command.target.range, connection: connection, replace: command.replace,
      replaces: existing != nil, columnRanges: command.columns.map(\.call.range), origin: origin,
      usedRows: rows - (filteredOut ?? 0) - nullKeyRows, filteredOut: filteredOut, nullKeyRows: nullKeyRows)
  }

  /// Writes a bound group's table on its engine and makes it current; returns the message, "grouped tx
  /// by CustomerID into buyers: 4,339 rows from 14,000 rows of tx; left out 300 rows by where and 5,000
  /// with no CustomerID", the same on every engine. Under `sql`, a server's table is not written: the
  /// statement that makes it is logged, and the message is empty.
  /// - Parameter deferringSegments: true when the caller adds the columns the old table's segments read
  ///   and puts the table again (`rfm from` in memory), which recomputes them then.
  mutating func makeGroup(_ group: BoundGroup, deferringSegments: Bool = false) throws(EvalError) -> String {
    let name: String
    let rows: Int
    if let connection = group.connection {
      if let sqlLog {
        // `sql group ...` shows the statement that makes the table, to run anywhere, and makes nothing.
        guard let engine = connection.engine as? any CatalogedSQLEngine else { return "" }
        do {
          let select = try engine.groupedSelect(group.recipe)
          sqlLog.append([engine.dialect.createTable(engine.dialect.identifier(group.local), as: select) + ";"]
          )
        } catch {
          throw EvalError(engine: error)
        }
        return ""
      }
      do throws(EngineError) {
        try connection.engine.storeGroup(
          group.recipe, as: group.local, replace: group.replace, interruption: interruption)
        rows = try EngineRouter(memory: memory, connections: connections)
          .execute(Query(.count, over: Relation(table: group.target)), interruption: interruption)
          .integer("count")
      } catch {
        throw EvalError(engine: error)
      }
      name = try resolveSchema(Name(group.target, at: group.targetRange)).name
      currentTableName = name
    } else {
      var table = try groupedTable(group)
      if let old = self.table(named: table.name) { table.name = old.name }
      _ = deferringSegments ? putBeforeItsColumns(table) : try put(table)
      name = table.name
      rows = table.rowCount
    }
    tableOrigins[name.lowercased()] = group.origin
    // The old table's computed columns and null placeholders are gone with it.
    computedColumns[name.lowercased()] = nil
    nullPlaceholders[name.lowercased()] = nil
    var text =
      "grouped \(group.source) by \(group.recipe.key) into \(name)\(group.replaces ? " (replaced)" : ""): "
      + "\(Figures.rows(rows)) from \(Figures.rows(group.usedRows)) of \(group.source)"
    var left: [String] = []
    if let filteredOut = group.filteredOut, filteredOut > 0 {
      left.append("\(Figures.rows(filteredOut)) by where")
    }
    if group.nullKeyRows > 0 {
      left.append(
        (left.isEmpty ? Figures.rows(group.nullKeyRows) : Figures.grouped(group.nullKeyRows))
          + " with no \(group.recipe.key)")
    }
    if !left.isEmpty { text += "; left out " + left.joined(separator: " and ") }
    return text
  }

  /// A bound group's table computed in memory, not yet put in the workspace.
  private func groupedTable(_ group: BoundGroup) throws(EvalError) -> Table {
    guard let source = table(named: group.recipe.source), let key = source.column(named: group.recipe.key)
    else { throw EvalError(.unknownTable(group.recipe.source)) }
    var groups = GroupKeys(key)
    if let filter = group.recipe.filter,
      let keep = try memoryRows(Relation(table: source.name, filter: filter))
    {
      var targets = groups.targets
      (~keep).forEachSetBit { targets[$0] = -1 }
      groups = GroupKeys(renumbering: targets, count: groups.count, nullRows: groups.nullRows)
    }
    if interruption.isRequested { throw EvalError(.interrupted) }
    let all = TraitAggregation(targets: groups.targets, rowCount: groups.count)
    var made = [key.gathering(all.firstRows(last: false), name: key.name)]
    for (column, range) in zip(group.recipe.columns, group.columnRanges) {
      if interruption.isRequested { throw EvalError(.interrupted) }
      let values = try column.argument.map { a throws(EvalError) in try aggregateValues(a, on: source) }
      made.append(try aggregate(column.aggregate, all, values, name: column.name, at: range))
    }
    do {
      return try Table(name: group.local, columns: made)
    } catch {
      throw EvalError(.table(error), at: group.targetRange)
    }
  }

  /// Refuses a column named twice (the key among them).
  private func checkColumnNames(_ columns: [GroupColumn], key: String) throws(EvalError) {
    var names: [String] = [key.lowercased()]
    for column in columns {
      if names.contains(column.name.text.lowercased()) {
        throw EvalError(.duplicateColumn(column.name.text), at: column.name.range)
      }
      names.append(column.name.text.lowercased())
    }
  }
}

extension GroupKeys {
  /// Groups already numbered in key order, of which some may have lost every row (to a filter):
  /// those are dropped and the rest renumbered, keeping their order.
  init(renumbering targets: [Int32], count: Int, nullRows: Int) {
    var kept = [Int32](repeating: -1, count: count)
    for t in targets where t >= 0 { kept[Int(t)] = 0 }
    var next: Int32 = 0
    for g in kept.indices where kept[g] == 0 {
      kept[g] = next
      next += 1
    }
    self.targets = kept.withUnsafeBufferPointer { k in targets.map { $0 >= 0 ? k[Int($0)] : -1 } }
    self.count = Int(next)
    self.nullRows = nullRows
  }
}
