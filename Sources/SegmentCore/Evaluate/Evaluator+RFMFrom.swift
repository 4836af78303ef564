import Columnar

extension Workspace {
  /// `rfm from TABLE by KEY date c amount EXPR [order c] [where P] [as of DATE] [into NEW] [replace]`:
  /// groups an order log into NEW (`TABLE_rfm` when not named), one row per KEY in key order with
  /// `last_order = max(date)`, `orders = distinct_count(order)` (`count(*)` without `order`) and
  /// `revenue = sum(amount)`, exactly as `group` would, then scores NEW as `rfm` does. So `group ...`
  /// then `rfm recency last_order frequency orders monetary revenue` gives the same scores.
  /// On a connection's order log, NEW is made on that server (`CONN.TABLE_rfm` when not named), as
  /// `group` makes it there, and scored there.
  /// - Throws: what `group` and `rfm` throw, before anything changes. What rfm would refuse of the
  ///   recency column is refused of the log's date column before the table is made (on a server, a
  ///   failure of the scoring itself still leaves the grouped table written).
  mutating func rfmFrom(_ command: RFMFromCommand) throws(EvalError) -> CommandOutput {
    try checkRecency(of: command)
    let names = RFMFromCommand.columnNames
    let router = EngineRouter(memory: memory, connections: connections)
    let source = router.route(command.source.text)
    let defaultTarget =
      source.connection.map { "\($0).\(RFMFromCommand.defaultTarget(for: source.local))" }
      ?? RFMFromCommand.defaultTarget(for: command.source.text)
    let target = command.target ?? Name(defaultTarget, at: command.source.range)
    let frequency: AggregateCall
    if let order = command.order {
      frequency = AggregateCall(
        .distinctCount, Expression(.column(order), at: order.range, text: order.commandText), at: order.range)
    } else {
      frequency = AggregateCall(.countRows, nil, at: command.key.range)
    }
    let columns = [
      GroupColumn(
        name: Name(names.recency, at: command.date.range),
        call: AggregateCall(
          .max, Expression(.column(command.date), at: command.date.range, text: command.date.commandText),
          at: command.date.range)),
      GroupColumn(
        name: Name(names.frequency, at: command.order?.range ?? command.key.range), call: frequency),
      GroupColumn(
        name: Name(names.monetary, at: command.amount.range),
        call: AggregateCall(.sum, command.amount, at: command.amount.range)),
    ]
    let group = try bindGroup(
      GroupCommand(
        source: command.source, key: command.key, target: target, columns: columns, filter: command.filter,
        replace: command.replace))
    var grouped = try makeGroup(group, deferringSegments: true)
    // `sql rfm from ...` on a server shows the statement that would make the table; nothing is made to
    // score.
    if sqlLog != nil && group.connection != nil { return CommandOutput(.message(grouped)) }
    let rfm = RFMCommand(
      recency: Name(names.recency, at: command.date.range),
      frequency: Name(names.frequency, at: command.order?.range ?? command.key.range),
      monetary: Name(names.monetary, at: command.amount.range), asOf: command.asOf,
      asOfRange: command.asOfRange)
    var output = try self.rfm(rfm, madeBy: command.commandText)
    grouped +=
      "; last_order = max(\(command.date.commandText)), orders = "
      + (command.order.map { "distinct_count(\($0.commandText))" } ?? "count(*)")
      + ", revenue = sum(\(command.amount.commandText))"
    if case .sequence(let parts) = output.result {
      output.result = .sequence([.message(grouped)] + parts)
    } else {
      output.result = .sequence([.message(grouped), output.result])
    }
    return output
  }

  /// Refuses a log whose date column rfm could not score as recency, as `rfm` would refuse the grouped
  /// `last_order = max(date)`: a type with no order of days, `as of` over numbers of days, and numbers
  /// that are dates written yyyymmdd (when every value of the column is one, every customer's latest
  /// is one too).
  private func checkRecency(of command: RFMFromCommand) throws(EvalError) {
    let log = try resolveSchema(command.source)
    let date = try Binder(workspace: self, table: log).column(command.date)
    guard RFMScores.canScore(role: "recency", date.type) else {
      throw EvalError(
        .rfmInput(role: "recency", column: date.name, type: date.type.displayName), at: command.date.range)
    }
    if command.asOf != nil && (date.type == .int || date.type == .double) {
      throw EvalError(.asOfNeedsDate(recency: date.name), at: command.asOfRange)
    }
    try refuseDatesWrittenAsNumbers(date, of: log.name, at: command.date.range)
  }
}
