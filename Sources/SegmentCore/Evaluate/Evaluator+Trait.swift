import Columnar

extension Workspace {
  /// `trait NAME = AGG(c) from TABLE [where P] by KEY [= SOURCE_KEY]`: a column of the current table
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
    let replacing = try checkComputedName(command.name, in: table)
    let values = try command.column.map { name throws(EvalError) in try resolveColumn(name, in: source) }
    if let values { try checkAggregate(command, values) }

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
    let column = try aggregate(command, all, values)
    let argument = command.aggregate == .countRows ? "" : "(\(command.column?.text ?? ""))"
    let definition =
      "trait \(command.name.text) = \(command.aggregate.rawValue)\(argument) from \(source.name) by \(key.name)"
    try putComputed(column, on: table, definition: definition)

    let matched = all.hasRows().popcount()
    let rest = table.rowCount - matched
    let zero =
      command.aggregate == .countRows || command.aggregate == .count || command.aggregate == .distinctCount
    let restText = rest == 0 ? "" : "; the other \(Figures.grouped(rest)) are \(zero ? "0" : "null")"
    let verb = replacing ? "replaced trait" : "trait"
    return .message(
      "\(verb) \(column.name) (\(column.type.displayName)) on \(table.name): "
        + "\(Figures.grouped(matched)) of \(Figures.rows(table.rowCount)) matched rows of \(source.name)\(restText)"
    )
  }

  private func checkAggregate(_ command: TraitCommand, _ values: Column) throws(EvalError) {
    let name = command.aggregate.rawValue
    if values.type == .list && command.aggregate != .count {
      throw EvalError(
        .listNotAllowed(column: values.name, in: .aggregate(name)),
        at: command.column?.range)
    }
    if (command.aggregate == .sum || command.aggregate == .mean) && !values.type.isNumeric {
      throw EvalError(
        .wrongType(command: name, wants: .numbers, value: values.name, type: values.type.displayName),
        at: command.column?.range)
    }
  }

  private func aggregate(_ command: TraitCommand, _ all: TraitAggregation, _ values: Column?)
    throws(EvalError)
    -> Column
  {
    let name = command.name.text
    guard let values else { return counts(all.countRows(), name) }
    let rows = all.skippingNulls(of: values)
    switch command.aggregate {
    case .countRows, .count:
      return counts(rows.countRows(), name)
    case .sum, .mean:
      let mean = command.aggregate == .mean
      if case .int(let buffer) = values.storage, !mean {
        do {
          let (sums, has) = try rows.sums(buffer.asInt64)
          return Column(name: name, storage: .int(.narrowest(sums)), validity: has)
        } catch {
          throw EvalError(
            .sumOverflow(row: error.row),
            at: command.aggregateRange)
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
        rows.extremeRows(values.orderKeys(), largest: command.aggregate == .max), name: name)
    case .first, .last:
      return values.gathering(rows.firstRows(last: command.aggregate == .last), name: name)
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
