import Columnar

extension Workspace {
  /// `trait NAME = AGG(EXPR) from TABLE [where P] by KEY [= SOURCE_KEY]`: a column of the current table
  /// aggregated from the matching rows of another table of the same engine, in memory or on a server.
  ///
  /// Rows without matching source rows get null, except for the counts (`count`, `distinct_count`),
  /// which are 0. `first` and `last` follow the source table's row order and skip nulls, as the other
  /// aggregates do.
  mutating func trait(_ command: TraitCommand) throws(EvalError) -> CommandResult {
    let table = try resolveSchema(nil)
    let source = try resolveSchema(command.source)
    let router = EngineRouter(memory: memory, connections: connections)
    let (here, there) = (router.route(table.name), router.route(source.name))
    guard here.connection?.lowercased() == there.connection?.lowercased() else {
      func place(_ connection: String?) -> String { connection.map { "on \($0)" } ?? "in memory" }
      throw EvalError(
        .traitAcrossEngines(
          table: table.name, tableWhere: place(here.connection), source: source.name,
          sourceWhere: place(there.connection)), at: command.source.range)
    }
    let key = try Binder(workspace: self, table: table).column(command.key)
    let sourceKeyName = command.sourceKey ?? Name(key.name, at: command.key.range)
    let sourceKey = try Binder(workspace: self, table: source).column(sourceKeyName)
    guard key.type == sourceKey.type, key.type == .int || key.type == .string else {
      throw EvalError(
        .keyTypeMismatch(
          table: table.name, key: key.name, keyType: key.type.displayName, source: source.name,
          sourceKey: sourceKey.name, sourceKeyType: sourceKey.type.displayName), at: sourceKeyName.range)
    }
    let replacing = try checkComputedName(command.name, in: table)
    let argument = try aggregateArgument(command.call, on: source)
    let filter = try command.filter.map { p throws(EvalError) in
      try Binder(workspace: self, table: source).bind(p)
    }
    try checkUnique(key, of: table, at: command.key.range)

    let name = command.name.text
    let recipe = TraitRecipe(
      name: name, aggregate: command.call.aggregate, argument: argument, source: there.local,
      sourceRecipes: addedRecipes(of: source.name), filter: filter, key: key.name, sourceKey: sourceKey.name)
    let undo: ComputedUndo
    do {
      undo = try addColumns(.trait(recipe), to: table.name)
    } catch {
      guard case .sumOverflow = error.kind else { throw error }
      throw EvalError(error.kind, at: command.call.range)
    }
    // The rows that got a value: above 0 for the counts, not null for the others.
    let matched: Condition =
      command.call.isCount ? .compare(name, .greater, .int(0)) : .isNull(name, negated: true)
    let (rows, hits) = try countAdded(
      matched, on: table.name, undo: undo, computing: command.call.commandText, at: command.call.range)
    computedColumns[table.name.lowercased(), default: [:]][name.lowercased()] =
      "trait \(name) = \(command.call.commandText) from \(source.name) by \(key.name)"

    let rest = rows - hits
    let restText =
      rest == 0
      ? ""
      : "; the other \(Figures.grouped(rest)) \(rest == 1 ? "is" : "are") \(command.call.isCount ? "0" : "null")"
    let verb = replacing ? "replaced trait" : "trait"
    return .message(
      "\(verb) \(name) (\(recipe.type.displayName)) on \(table.name): "
        + "\(Figures.grouped(hits)) of \(Figures.rows(rows)) matched rows of \(source.name)\(restText)")
  }

  /// A trait's column over a table in memory, its source in memory too (`trait` has checked the names,
  /// the key types and that the key is unique).
  /// - Throws: `EvalError.sumOverflow` (without a position: `trait` adds it) and Ctrl-C.
  func traitColumn(_ trait: TraitRecipe, on table: Table) throws(EvalError) -> Column {
    guard let source = self.table(named: trait.source), let key = table.column(named: trait.key),
      let sourceKey = source.column(named: trait.sourceKey)
    else { throw EvalError(.unknownTable(trait.source)) }
    var targets: [Int32]
    do {
      targets = try TraitJoin.targets(key: key, sourceKey: sourceKey)
    } catch {
      switch error {
      case .duplicate(let example):
        throw EvalError(.duplicateKey(key.name, table: table.name, example: example))
      case .types:
        throw EvalError(
          .keyTypeMismatch(
            table: table.name, key: key.name, keyType: key.type.displayName, source: source.name,
            sourceKey: sourceKey.name, sourceKeyType: sourceKey.type.displayName))
      }
    }
    if let filter = trait.filter, let keep = try memoryRows(Relation(table: source.name, filter: filter)) {
      (~keep).forEachSetBit { targets[$0] = -1 }
    }
    let values = try trait.argument.map { f throws(EvalError) in try aggregateValues(f, on: source) }
    let all = TraitAggregation(targets: targets, rowCount: table.rowCount)
    return try aggregate(trait.aggregate, all, values, name: trait.name, at: nil)
  }

  /// Refuses a key that holds a value on more than one row, naming the first repeat in row order.
  private func checkUnique(_ key: ColumnSchema, of table: TableSchema, at range: SourceRange)
    throws(EvalError)
  {
    let repeated = try execute(Query(.firstRepeat(key.name), over: Relation(table: table.name)))
    guard repeated.rowCount > 0 else { return }
    let example: String
    switch repeated.column(key.name)?.value(at: 0) {
    case .string(let s)?: example = "\"\(s)\""
    case .int(let n)?: example = String(n)
    default: return
    }
    throw EvalError(.duplicateKey(key.name, table: table.name, example: example), at: range)
  }

  /// What a trait aggregates, bound over the source: a column as it is (a list too, which only `count`
  /// may read), or an expression as `derive` binds it; nil for `count(*)`.
  /// - Throws: `EvalError` for unknown columns (with did-you-mean), an expression's errors, a list or a
  ///   type the aggregate cannot read, and an expression that is null on every row.
  func aggregateArgument(_ call: AggregateCall, on source: TableSchema) throws(EvalError) -> ColumnFormula? {
    guard let argument = call.argument else { return nil }
    let formula: ColumnFormula
    if case .column(let name) = argument.kind {
      let column = try Binder(workspace: self, table: source).column(name)
      formula = ColumnFormula(
        .column(column.name), type: column.type, text: column.name,
        span: argument.range.start..<argument.range.end)
    } else {
      formula = try ExpressionBinder(workspace: self, table: source).bind(argument)
    }
    guard let type = formula.type else {
      throw EvalError(.nullEverywhere(expression: argument.text), at: argument.range)
    }
    let name = call.aggregate.rawValue
    if type == .list && call.aggregate != .count {
      throw EvalError(.listNotAllowed(column: argument.text, in: .aggregate(name)), at: argument.range)
    }
    if (call.aggregate == .sum || call.aggregate == .mean) && !type.isNumeric {
      throw EvalError(
        .wrongType(command: name, wants: .numbers, value: argument.text, type: type.displayName),
        at: argument.range)
    }
    return formula
  }

  /// A bound argument's value on each row of a table in memory: a column as it is, else computed as
  /// `derive` computes it.
  func aggregateValues(_ argument: ColumnFormula, on source: Table) throws(EvalError) -> Column {
    if case .column(let name) = argument.kind, let column = source.column(named: name) { return column }
    let vector = try ExpressionEvaluator(table: source, workspace: self).evaluate(argument)
    guard let column = vector.column(named: argument.text) else {
      throw EvalError(.nullEverywhere(expression: argument.text), at: argument.range)
    }
    return column
  }

  /// One aggregate per target of `all`, as a column named `name`.
  /// - Throws: `EvalError.sumOverflow` at `range` when an Int sum does not fit in 64 bits.
  /// - Complexity: one pass over the source rows (two for `distinct_count` and `most_frequent`).
  func aggregate(
    _ aggregate: TraitAggregate, _ all: TraitAggregation, _ values: Column?, name: String,
    at range: SourceRange?
  ) throws(EvalError) -> Column {
    guard let values else { return counts(all.countRows(), name) }
    let rows = all.skippingNulls(of: values)
    switch aggregate {
    case .countRows, .count:
      return counts(rows.countRows(), name)
    case .sum, .mean:
      let mean = aggregate == .mean
      if case .int(let buffer) = values.storage, !mean {
        do {
          let (sums, has) = try rows.sums(buffer.asInt64)
          return Column(name: name, storage: .int(.narrowest(sums)), validity: has)
        } catch {
          throw EvalError(.sumOverflow(row: error.row), at: range)
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
        rows.extremeRows(values.orderKeys(), largest: aggregate == .max), name: name)
    case .first, .last:
      return values.gathering(rows.firstRows(last: aggregate == .last), name: name)
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
