import Columnar

extension Workspace {
  /// `trait NAME = AGG(EXPR) from TABLE [where P] by KEY [= SOURCE_KEY]`: a column of the current table
  /// aggregated from the matching rows of another table.
  ///
  /// Rows without matching source rows get null, except for the counts (`count`, `distinct_count`),
  /// which are 0. `first` and `last` follow the source table's row order and skip nulls, as the other
  /// aggregates do.
  mutating func trait(_ command: TraitCommand) throws(EvalError) -> CommandResult {
    let table = try resolveTable(nil)
    let source = try resolveTable(command.source)
    let key = try resolveColumn(command.key, in: table)
    let sourceKeyName = command.sourceKey ?? Name(key.name, at: command.key.range)
    let sourceKey = try resolveColumn(sourceKeyName, in: source)
    let replacing = try checkComputedName(command.name, in: try catalogSchema(of: table.name))
    let values = try aggregateInput(command.call, on: source)

    var targets: [Int32]
    do {
      targets = try TraitJoin.targets(key: key, sourceKey: sourceKey)
    } catch {
      switch error {
      case .duplicate(let example):
        throw EvalError(.duplicateKey(key.name, table: table.name, example: example), at: command.key.range)
      case .types:
        throw EvalError(
          .keyTypeMismatch(
            table: table.name, key: key.name, keyType: key.type.displayName, source: source.name,
            sourceKey: sourceKey.name, sourceKeyType: sourceKey.type.displayName), at: sourceKeyName.range)
      }
    }
    if let filter = command.filter {
      let keep = try members(filter, on: source)
      (~keep).forEachSetBit { targets[$0] = -1 }
    }
    let all = TraitAggregation(targets: targets, rowCount: table.rowCount)
    let column = try aggregate(command.call, all, values, name: command.name.text)
    let definition =
      "trait \(command.name.text) = \(command.call.commandText) from \(source.name) by \(key.name)"
    try putComputed(column, on: table, definition: definition)

    let matched = all.hasRows().popcount()
    let rest = table.rowCount - matched
    let restText =
      rest == 0 ? "" : "; the other \(Figures.grouped(rest)) are \(command.call.isCount ? "0" : "null")"
    let verb = replacing ? "replaced trait" : "trait"
    return .message(
      "\(verb) \(column.name) (\(column.type.displayName)) on \(table.name): "
        + "\(Figures.grouped(matched)) of \(Figures.rows(table.rowCount)) matched rows of \(source.name)\(restText)"
    )
  }

  /// The values an aggregate reads, one per row of `source`: a column as it is (a list too, which
  /// `count` may read), or an expression computed as `derive` computes it; nil for `count(*)`.
  /// - Throws: `EvalError` for unknown columns (with did-you-mean), an expression's errors, a list or a
  ///   type the aggregate cannot read, and an expression that is null on every row.
  func aggregateInput(_ call: AggregateCall, on source: Table) throws(EvalError) -> Column? {
    guard let argument = call.argument else { return nil }
    let values: Column
    if case .column(let name) = argument.kind {
      values = try resolveColumn(name, in: source)
    } else {
      let formula = try ExpressionBinder(workspace: self, table: try catalogSchema(of: source.name)).bind(
        argument)
      let vector = try ExpressionEvaluator(table: source, workspace: self).evaluate(formula)
      guard let column = vector.column(named: argument.text) else {
        throw EvalError(.nullEverywhere(expression: argument.text), at: argument.range)
      }
      values = column
    }
    let name = call.aggregate.rawValue
    if values.type == .list && call.aggregate != .count {
      throw EvalError(.listNotAllowed(column: values.name, in: .aggregate(name)), at: argument.range)
    }
    if (call.aggregate == .sum || call.aggregate == .mean) && !values.type.isNumeric {
      throw EvalError(
        .wrongType(command: name, wants: .numbers, value: argument.text, type: values.type.displayName),
        at: argument.range)
    }
    return values
  }

  /// One aggregate per target of `all`, as a column named `name`.
  /// - Throws: `EvalError.sumOverflow` when an Int sum does not fit in 64 bits.
  /// - Complexity: one pass over the source rows (two for `distinct_count` and `most_frequent`).
  func aggregate(_ call: AggregateCall, _ all: TraitAggregation, _ values: Column?, name: String)
    throws(EvalError) -> Column
  {
    guard let values else { return counts(all.countRows(), name) }
    let rows = all.skippingNulls(of: values)
    switch call.aggregate {
    case .countRows, .count:
      return counts(rows.countRows(), name)
    case .sum, .mean:
      let mean = call.aggregate == .mean
      if case .int(let buffer) = values.storage, !mean {
        do {
          let (sums, has) = try rows.sums(buffer.asInt64)
          return Column(name: name, storage: .int(.narrowest(sums)), validity: has)
        } catch {
          throw EvalError(.sumOverflow(row: error.row), at: call.range)
        }
      }
      let doubles: [Double]
      switch values.storage {
      case .int(let buffer): doubles = buffer.asInt64.map(Double.init)
      case .double(let a): doubles = a
      default: preconditionFailure("checked numeric")
      }
      var (sums, has) = rows.sums(doubles)
      if mean {
        let counts = rows.countRows()
        for t in sums.indices where counts[t] > 0 { sums[t] /= Double(counts[t]) }
      }
      for t in sums.indices where !has[t] { sums[t] = 0 }
      return Column(name: name, storage: .double(sums), validity: has)
    case .min, .max:
      return values.gathering(
        rows.extremeRows(values.orderKeys(), largest: call.aggregate == .max), name: name)
    case .first, .last:
      return values.gathering(rows.firstRows(last: call.aggregate == .last), name: name)
    case .distinctCount:
      return counts(rows.distinctAndMode(values.orderKeys()).distinct, name)
    case .mostFrequent:
      return values.gathering(rows.distinctAndMode(values.orderKeys()).modeRows, name: name)
    }
  }

  private func counts(_ values: [Int64], _ name: String) -> Column {
    Column(name: name, storage: .int(.narrowest(values)), validity: nil)
  }
}
