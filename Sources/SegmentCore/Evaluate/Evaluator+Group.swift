import Columnar
import SQLBackend

extension Workspace {
  /// `group TABLE by KEY into NEW with NAME = AGG(EXPR), ... [where P] [replace]`: a new table with one
  /// row per non-null KEY of TABLE, in key order (see `GroupKeys`), holding KEY and the aggregates,
  /// which `trait`'s code computes. The new table becomes the current one and remembers where it came
  /// from (`describe` shows it).
  /// - Throws: `EvalError` before anything changes: an unknown table or column (with did-you-mean), a
  ///   column named twice, an existing NEW without `replace`, NEW naming TABLE, an aggregate's errors,
  ///   `.interrupted` on Ctrl-C (checked between the passes).
  /// - Complexity: one pass to group the keys, then one (or two) per aggregate, as `trait`.
  mutating func group(_ command: GroupCommand) throws(EvalError) -> CommandOutput {
    if isRemote(command.source.text) || isRemote(command.target.text) {
      return CommandOutput(.message(try groupOnServer(command)))
    }
    let built = try groupedTable(
      source: command.source, key: command.key, into: command.target, columns: command.columns,
      filter: command.filter, replace: command.replace)
    let replaced = try putNew(built)
    return CommandOutput(.message(built.summary(replaced: replaced)))
  }

  /// A table grouped from another, not yet put in the workspace.
  struct GroupedTable {
    var table: Table
    var source: String
    var key: String
    /// What `describe` says of the table's origin.
    var origin: String
    /// Source rows with a key that passed the filter.
    var usedRows: Int
    /// Source rows the filter left out (nil without a filter).
    var filteredOut: Int?
    /// Source rows (among those the filter kept) with a null key.
    var nullKeyRows: Int
    var replace: Bool

    func summary(replaced: Bool) -> String {
      GroupedTable.summary(
        source: source, key: key, target: table.name, replaced: replaced, rows: table.rowCount,
        usedRows: usedRows, filteredOut: filteredOut, nullKeyRows: nullKeyRows)
    }

    /// "grouped tx by CustomerID into buyers: 4,339 rows from 14,000 rows of tx; left out 300 rows by
    /// where and 5,000 with no CustomerID", on every engine.
    static func summary(
      source: String, key: String, target: String, replaced: Bool, rows: Int, usedRows: Int,
      filteredOut: Int?,
      nullKeyRows: Int
    ) -> String {
      var text =
        "grouped \(source) by \(key) into \(target)\(replaced ? " (replaced)" : ""): "
        + "\(Figures.rows(rows)) from \(Figures.rows(usedRows)) of \(source)"
      var left: [String] = []
      if let filteredOut, filteredOut > 0 { left.append("\(Figures.rows(filteredOut)) by where") }
      if nullKeyRows > 0 {
        left.append(
          (left.isEmpty ? Figures.rows(nullKeyRows) : Figures.grouped(nullKeyRows)) + " with no \(key)")
      }
      if !left.isEmpty { text += "; left out " + left.joined(separator: " and ") }
      return text
    }
  }

  /// Builds the grouped table without changing the workspace.
  func groupedTable(
    source sourceName: Name, key keyName: Name, into target: Name, columns: [GroupColumn], filter: Predicate?,
    replace: Bool
  ) throws(EvalError) -> GroupedTable {
    let source = try resolveTable(sourceName)
    let key = try resolveColumn(keyName, in: source)
    if key.type == .list {
      throw EvalError(.listNotAllowed(column: key.name, in: .groupKey), at: keyName.range)
    }
    try checkNewTableName(target, source: source, replace: replace)
    try checkColumnNames(columns, key: key.name)
    var inputs: [Column?] = []
    for column in columns {
      if interruption.isRequested { throw EvalError(.interrupted) }
      inputs.append(try aggregateInput(column.call, on: source))
    }
    if interruption.isRequested { throw EvalError(.interrupted) }
    var groups = GroupKeys(key)
    var nullKeyRows = groups.nullRows
    var filteredOut: Int?
    if let filter {
      let keep = try members(filter, on: source)
      filteredOut = source.rowCount - keep.popcount()
      // Null keys are counted among the rows the filter kept, and the groups are those that keep a row.
      nullKeyRows = 0
      for row in 0..<source.rowCount where keep[row] && key.isNull(row) { nullKeyRows += 1 }
      var targets = groups.targets
      (~keep).forEachSetBit { targets[$0] = -1 }
      groups = GroupKeys(renumbering: targets, count: groups.count, nullRows: groups.nullRows)
    }
    if interruption.isRequested { throw EvalError(.interrupted) }
    let all = TraitAggregation(targets: groups.targets, rowCount: groups.count)
    var made = [key.gathering(all.firstRows(last: false), name: key.name)]
    for (column, values) in zip(columns, inputs) {
      if interruption.isRequested { throw EvalError(.interrupted) }
      made.append(
        try aggregate(column.call.aggregate, all, values, name: column.name.text, at: column.call.range))
    }
    let table: Table
    do {
      table = try Table(name: target.text, columns: made)
    } catch {
      throw EvalError(.table(error), at: target.range)
    }
    var origin = "grouped from \(source.name) by \(key.name)"
    if let filter { origin += " where \(filter.commandText)" }
    let used = source.rowCount - (filteredOut ?? 0) - nullKeyRows
    return GroupedTable(
      table: table, source: source.name, key: key.name, origin: origin, usedRows: used,
      filteredOut: filteredOut, nullKeyRows: nullKeyRows, replace: replace)
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

  /// `group` of a server's table: the new table is written on the same server by one statement (see
  /// `RemoteEngine.storeGroup`), so no row crosses the network, and becomes the current table. Its
  /// message is memory's, from a count of the source's rows the filter and the null keys leave out.
  /// - Throws: `EvalError` before anything changes, as the group in memory; `.groupElsewhere` when the
  ///   new table is not named on the source's connection (or a table in memory is grouped into one);
  ///   `.groupKeyOnServer` for a Double or Timestamp key; the server's errors.
  mutating func groupOnServer(_ command: GroupCommand) throws(EvalError) -> String {
    let source = try resolveSchema(command.source)
    let router = EngineRouter(memory: memory, connections: connections)
    let from = router.route(source.name)
    let into = router.route(command.target.text)
    guard let connection = router.connection(holding: source.name),
      into.connection?.lowercased() == connection.name.lowercased()
    else {
      let suggested = from.connection.map { "\($0).\(into.local)" } ?? into.local
      throw EvalError(
        .groupElsewhere(source: source.name, connection: from.connection, suggested: suggested),
        at: command.target.range)
    }
    let binder = Binder(workspace: self, table: source)
    let key = try binder.column(command.key)
    switch key.type {
    case .list: throw EvalError(.listNotAllowed(column: key.name, in: .groupKey), at: command.key.range)
    case .double, .timestamp:
      throw EvalError(
        .groupKeyOnServer(key: key.name, type: key.type.displayName, table: source.name),
        at: command.key.range)
    case .int, .string, .date, .bool: break
    }
    let target = "\(connection.name).\(into.local)"
    if into.local.lowercased() == from.local.lowercased() {
      throw EvalError(.newTableIsSource(source.name), at: command.target.range)
    }
    let existing = connection.engine.catalog.table(named: into.local)
    if let existing, !command.replace {
      throw EvalError(.tableExists("\(connection.name).\(existing.name)"), at: command.target.range)
    }
    try checkColumnNames(command.columns, key: key.name)
    var columns: [GroupRecipe.Column] = []
    for column in command.columns {
      columns.append(
        GroupRecipe.Column(
          name: column.name.text, aggregate: column.call.aggregate,
          argument: try aggregateArgument(column.call, on: source)))
    }
    let filter = try command.filter.map { p throws(EvalError) in try binder.bind(p) }
    // The source's rows, those the filter keeps and those among them with no key, as memory counts them.
    let noKey = Condition.isNull(key.name, negated: false)
    let counts = try execute(
      Query(.countWhere(filter.map { [$0, .and($0, noKey)] } ?? [noKey]), over: Relation(table: source.name)))
    let rows = counts.integer("rows")
    let filteredOut = filter == nil ? nil : rows - counts.integer("n.0")
    let nullKeyRows = counts.integer(filter == nil ? "n.0" : "n.1")
    let recipe = GroupRecipe(source: from.local, key: key.name, columns: columns, filter: filter)
    if let sqlLog {
      // `sql group ...` shows the statement that makes the table, to run anywhere, and makes nothing.
      guard let engine = connection.engine as? any CatalogedSQLEngine else { return "" }
      do {
        let select = try engine.groupedSelect(recipe)
        sqlLog.append([engine.dialect.createTable(engine.dialect.identifier(into.local), as: select) + ";"])
      } catch {
        throw EvalError(engine: error)
      }
      return ""
    }
    let made: Frame
    do throws(EngineError) {
      try connection.engine.storeGroup(
        recipe, as: into.local, replace: command.replace, interruption: interruption)
      made = try router.execute(Query(.count, over: Relation(table: target)), interruption: interruption)
    } catch {
      throw EvalError(engine: error)
    }
    let name = try resolveSchema(Name(target, at: command.target.range)).name
    currentTableName = name
    var origin = "grouped from \(source.name) by \(key.name)"
    if let filter = command.filter { origin += " where \(filter.commandText)" }
    tableOrigins[name.lowercased()] = origin
    computedColumns[name.lowercased()] = nil
    nullPlaceholders[name.lowercased()] = nil
    return GroupedTable.summary(
      source: source.name, key: key.name, target: name, replaced: existing != nil,
      rows: made.integer("count"),
      usedRows: rows - (filteredOut ?? 0) - nullKeyRows, filteredOut: filteredOut, nullKeyRows: nullKeyRows)
  }

  /// Refuses a new table's name that is taken (unless `replace`), or that is its own source's.
  private func checkNewTableName(_ target: Name, source: Table, replace: Bool) throws(EvalError) {
    if target.text.lowercased() == source.name.lowercased() {
      throw EvalError(.newTableIsSource(source.name), at: target.range)
    }
    if isRemote(target.text) { throw EvalError.needsMemory(target.text, at: target.range) }
    if !replace, let existing = table(named: target.text) {
      throw EvalError(.tableExists(existing.name), at: target.range)
    }
  }

  /// Puts a grouped table, current from now on, with its origin. Returns true when it replaced one.
  /// - Parameter deferringSegments: true when the caller adds the columns the old table's segments
  ///   read and puts the table again (`rfm from`), which recomputes them then.
  mutating func putNew(_ built: GroupedTable, deferringSegments: Bool = false) throws(EvalError) -> Bool {
    let old = table(named: built.table.name)
    var table = built.table
    if let old { table.name = old.name }
    let replaced = deferringSegments ? putBeforeItsColumns(table) : try put(table)
    let key = table.name.lowercased()
    tableOrigins[key] = built.origin
    // The old table's computed columns and null placeholders are gone with it.
    computedColumns[key] = nil
    nullPlaceholders[key] = nil
    return replaced
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
