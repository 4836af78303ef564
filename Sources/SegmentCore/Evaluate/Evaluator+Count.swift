import Columnar

extension Workspace {
  /// `count [NAME] [where P] [by c, d]`: bound to the table's schema, run as queries on the engine that
  /// holds the table, and shaped here from the frames, the same for every engine.
  func count(_ command: CountCommand) throws(EvalError) -> ResultTable {
    let (relation, _) = try self.relation(command.source)
    let schema = try catalogSchema(of: relation.table)
    var keys: [ColumnSchema] = []
    for name in command.groups {
      let column = try Binder(workspace: self, table: schema).column(name)
      if column.type == .list, keys.contains(where: { $0.type == .list }) {
        throw EvalError(.listNotAllowed(column: column.name, in: .secondGroup), at: name.range)
      }
      keys.append(column)
    }
    // Which date a `within` counted back from, when today is not pinned.
    let within = withinNote(relation.filter).map { "; " + $0 } ?? ""
    guard !keys.isEmpty else {
      // The table's rows and the chosen ones in one pass: a server scans the table once.
      let sizes = try execute(
        Query(.countWhere(relation.filter.map { [$0] } ?? []), over: Relation(table: relation.table)))
      let total = sizes.integer("rows")
      let matched = relation.filter == nil ? total : sizes.integer("n.0")
      return ResultTable(
        columns: [ResultColumn("count", alignment: .right), ResultColumn("share", alignment: .right)],
        rows: [[.count(matched), .share(total == 0 ? 0 : Double(matched) / Double(total))]],
        footer: "share of \(Figures.rows(total)) in \(schema.name)\(within)")
    }
    let (groups, total, matched) = try groupCounts(keys, of: relation)
    // The frame holds the key columns in order, then the counts (`Operation.countBy`).
    let counts = groups.columns[keys.count]
    var rows: [[Cell]] = []
    for row in 0..<groups.rowCount {
      guard case .int(let n) = counts.value(at: row) else { continue }
      rows.append(
        zip(keys, groups.columns).map { key, column in key.cell(column.value(at: row)) } + [
          .count(Int(n)), .share(matched == 0 ? 0 : Double(n) / Double(matched)),
        ])
    }
    let header =
      keys.map { ResultColumn($0.name) } + [
        ResultColumn("count", alignment: .right), ResultColumn("share", alignment: .right),
      ]
    let note = keys.contains { $0.type == .list } ? "; a row counts once per item of a list" : ""
    let of = matched == total ? Figures.rows(total) : "\(Figures.rows(matched)) of \(Figures.grouped(total))"
    return ResultTable(
      columns: header, rows: rows, footer: "\(groups.rowCount) groups, \(of)\(note)\(within)",
      chart: .bars(labels: Array(keys.indices), value: keys.count, note: keys.count + 1))
  }

  /// A count by's groups, the table's rows and the chosen rows. Without a list key one query answers
  /// all three in one pass over the table; a list key counts a row once per item, so the sizes are
  /// asked for apart.
  private func groupCounts(_ keys: [ColumnSchema], of relation: Relation) throws(EvalError)
    -> (groups: Frame, total: Int, matched: Int)
  {
    let names = keys.map(\.name)
    if keys.contains(where: { $0.type == .list }) {
      let sizes = try execute(
        Query(.countWhere(relation.filter.map { [$0] } ?? []), over: Relation(table: relation.table)))
      let total = sizes.integer("rows")
      let groups = try execute(Query(.countBy(names), over: relation))
      return (groups, total, relation.filter == nil ? total : sizes.integer("n.0"))
    }
    let groups = try execute(Query(.countByInTable(names), over: relation))
    guard groups.rowCount > 0 else {
      // No row is chosen, so no group holds the table's size: it is asked for apart.
      return (groups, try execute(Query(.count, over: Relation(table: relation.table))).integer("count"), 0)
    }
    var matched = 0
    let counts = groups.columns[keys.count]
    for row in 0..<groups.rowCount {
      if case .int(let n) = counts.value(at: row) { matched += Int(n) }
    }
    guard case .int(let total) = groups.value("rows", at: 0) else { return (groups, matched, matched) }
    return (groups, Int(total), matched)
  }
}
