import Columnar

extension Workspace {
  /// `rfm recency c frequency c monetary c [as of DATE]`: scores the current table's rows, adds the
  /// columns `r`, `f`, `m`, `fm` and `rfm`, and defines the named RFM segments (see `RFMSegment`).
  /// Running it again replaces those columns and segments. The scores are the engine's (see
  /// `ColumnRecipe.rfm`), and the summary one `summarize` query by `rfm`, so a connection's table is
  /// scored on its server.
  /// - Complexity: in memory O(n) (see `NTile`), plus one pass to sum up the scored rows.
  /// - Throws: `EvalError` also when a number recency column holds dates written yyyymmdd; a table
  ///   whose customer ids repeat (order lines) is scored with a warning.
  /// - Parameter madeBy: the command the columns are recorded as made by, when not `command` itself
  ///   (`rfm from`).
  mutating func rfm(_ command: RFMCommand, madeBy: String? = nil) throws(EvalError) -> CommandOutput {
    let table = try resolveSchema(nil)
    let names = [command.recency, command.frequency, command.monetary]
    let binder = Binder(workspace: self, table: table)
    var inputs: [ColumnSchema] = []
    for name in names { inputs.append(try binder.column(name)) }
    let outputs = ColumnRecipe.rfmColumns
    if let i = inputs.firstIndex(where: { outputs.contains($0.name.lowercased()) }) {
      throw EvalError(.rfmReadsOwnOutput(inputs[i].name), at: names[i].range)
    }
    for (i, role) in ["recency", "frequency", "monetary"].enumerated()
    where !RFMScores.canScore(role: role, inputs[i].type) {
      throw EvalError(
        .rfmInput(role: role, column: inputs[i].name, type: inputs[i].type.displayName), at: names[i].range)
    }
    let warnings = try checkRFMInput(table: table.name, recency: inputs[0], at: names[0].range)
    let isTime = inputs[0].type == .date || inputs[0].type == .timestamp
    if command.asOf != nil && !isTime {
      throw EvalError(.asOfNeedsDate(recency: inputs[0].name), at: command.asOfRange)
    }
    let asOf = isTime ? (command.asOf ?? today(forTableNamed: table.name, column: inputs[0].name)) : nil
    let replaced = outputs.contains { table.column(named: $0) != nil }
    let segmentNames = try modelSegmentNames(RFMSegment.all.map(\.name), on: table.name)
    let undo = try addColumns(
      .rfm(recency: inputs[0].name, frequency: inputs[1].name, monetary: inputs[2].name), to: table.name)
    let summary: RFMSummary
    do {
      try defineModelSegments(
        zip(segmentNames, RFMSegment.all).map { ($0, $1.definition) }, on: table.name,
        madeBy: (outputs, madeBy ?? command.text))
      let frame = try execute(
        Query(
          .summarize([inputs[2].name, inputs[0].name], by: "rfm", quantiles: [], wholeDays: true),
          over: Relation(table: table.name)))
      summary = RFMSummary(frame: frame, recencyAsOf: asOf)
    } catch {
      undo.run()
      throw error
    }

    let unscored = summary.tableRows - summary.scoredCount
    var headline = "rfm on \(table.name): scored \(Figures.rows(summary.scoredCount))"
    if unscored > 0 {
      headline +=
        "; \(Figures.rows(unscored)) with a null in \(inputs[0].name), \(inputs[1].name) or"
        + " \(inputs[2].name) not scored"
    }
    var recencyNote = "recency \(inputs[0].name), the fewest days scoring 5"
    if let asOf {
      let source =
        command.asOf != nil ? "" : settings.today != nil ? " (set today)" : " (its latest date)"
      recencyNote =
        "recency \(inputs[0].name) as of \(CivilDate.format(days: asOf))\(source), the latest scoring 5"
    }
    var listing = summary.table(
      revenueDecimals: inputs[2].type == .int ? 0 : 2,
      recencyHeader: isTime ? "days since (mean)" : "\(inputs[0].name) (mean)", segmentNames: segmentNames)
    listing.title =
      "\(recencyNote); frequency \(inputs[1].name); monetary \(inputs[2].name) (revenue)"
    listing.footer =
      "shares are of the scored rows; \(replaced ? "replaced" : "added") columns r, f, m (quintiles 1-5 as SQL ntile(5), 5 best), fm = (f + m) / 2"
      + " and rfm, and \(replaced ? "replaced " : "")these \(RFMSegment.all.count) segments: see 'segments'"
      + prefixNote(segmentNames, plain: RFMSegment.all[0].name)
    return CommandOutput(.sequence([.message(headline), .table(listing)]), warnings: warnings)
  }

  /// Refuses a number recency column of dates written yyyymmdd, and warns when the table's customer
  /// ids (see `RFMInputCheck.customerKey`) repeat. Both figures come from the engine's queries.
  /// - Returns: the warnings.
  private func checkRFMInput(table: String, recency: ColumnSchema, at range: SourceRange) throws(EvalError)
    -> [String]
  {
    try refuseDatesWrittenAsNumbers(recency, of: table, at: range)
    let schema = try catalogSchema(of: table)
    guard let key = RFMInputCheck.customerKey(among: schema.columns.map { ($0.name, $0.type) }) else {
      return []
    }
    // Ids nearly always are distinct, which counting them tells in a fraction of what grouping them
    // costs (a group-by over a million ids costs several times what rfm does).
    let range = try execute(Query(.valueRange([key]), over: Relation(table: table)))
    if range.integer("count.0", at: 0) == range.integer("distinct.0", at: 0) { return [] }
    let groups = try execute(Query(.countBy([key]), over: Relation(table: table)))
    let repeated = RFMInputCheck.RepeatedKeys(frame: groups, key: key)
    return repeated.warning(key: key, table: table, recency: recency.name).map { [$0] } ?? []
  }

  /// Refuses a number recency column whose values, from its least to its greatest, are dates written
  /// yyyymmdd, which rfm would score as days (the oldest buyers best). Other types pass.
  func refuseDatesWrittenAsNumbers(_ recency: ColumnSchema, of table: String, at range: SourceRange)
    throws(EvalError)
  {
    guard recency.type == .int || recency.type == .double else { return }
    let frame = try execute(
      Query(.summarize([recency.name], by: nil, quantiles: []), over: Relation(table: table)))
    if case .double(let low) = frame.value("min.0", at: 0),
      case .double(let high) = frame.value("max.0", at: 0),
      RFMInputCheck.looksLikeYYYYMMDD(min: low, max: high)
    {
      throw EvalError(.recencyLooksLikeDates(recency.name, min: low, max: high), at: range)
    }
  }

  /// Defines or replaces segments on a table by their definitions (over the columns the table just
  /// gained), so that later changes of the table recompute them like any segment. The columns
  /// `madeBy.columns` are recorded as computed by `madeBy.command`, so a persona notices when they are
  /// made again differently.
  /// - Precondition: no segment of another table has one of the names (see `modelSegmentNames`).
  mutating func defineModelSegments(
    _ specs: [(name: String, definition: String)], on tableName: String,
    madeBy: (columns: [String], command: String)
  ) throws(EvalError) {
    let table = try catalogSchema(of: tableName)
    for spec in specs {
      if table.column(named: spec.name) != nil {
        throw EvalError(.predefinedSegmentIsColumn(spec.name, table: table.name))
      }
      guard case .segment(let parsed)? = try? Parser.parse("segment \(spec.name) = \(spec.definition)") else {
        preconditionFailure("built-in segment \(spec.name) does not parse: \(spec.definition)")
      }
      let segment = Segment(
        name: spec.name, tableName: table.name, predicate: parsed.predicate, definition: parsed.definition,
        frozen: nil)
      if let i = segments.firstIndex(where: { $0.name.lowercased() == spec.name.lowercased() }) {
        precondition(segments[i].tableName == table.name, "\(spec.name) belongs to \(segments[i].tableName)")
        segments[i] = segment
      } else {
        segments.append(segment)
      }
    }
    for column in madeBy.columns {
      computedColumns[table.name.lowercased(), default: [:]][column.lowercased()] = madeBy.command
    }
  }

  /// The names for the segments `cluster` or `rfm` makes on `tableName`: `names` themselves, unless a
  /// segment of another table already has one of them (its personas must keep standing for it), or
  /// this table's segments were named with its prefix before; then all of them prefixed with the
  /// table's name, as in `wholesale_cluster_1`.
  /// - Throws: when the prefixed names are taken by another table's segments too.
  func modelSegmentNames(_ names: [String], on tableName: String) throws(EvalError) -> [String] {
    let prefixed = names.map { Workspace.identifier(tableName) + "_" + $0 }
    func holder(_ name: String) -> Segment? { segment(named: name) }
    if prefixed.contains(where: { holder($0)?.tableName == tableName }) { return prefixed }
    guard let taken = names.compactMap(holder).first(where: { $0.tableName != tableName }) else {
      return names
    }
    if let clash = prefixed.compactMap(holder).first(where: { $0.tableName != tableName }) {
      throw EvalError(
        .modelSegmentsTaken(taken.name, clash.name, table: clash.tableName, making: tableName))
    }
    return prefixed
  }

  /// The footer's note when the segments carry their table's name (`plain` being the usual first name).
  func prefixNote(_ names: [String], plain: String) -> String {
    guard names.first != plain else { return "" }
    guard let other = segment(named: plain), other.tableName != segment(named: names[0])?.tableName else {
      return " (named after the table, as when they were first made)"
    }
    return " (named after the table: \(plain) and the like group rows of \(other.tableName))"
  }

  /// `cluster k=N on a, b [seed S] [scale standard|robust]` adds a `cluster` column and segments
  /// `cluster_1` ...; `cluster k=A..B on ...` prints inertia, silhouette and the smallest cluster per
  /// k and changes nothing. Both warn when a cluster holds under 1% of the rows (a few outliers).
  /// - Complexity: O(starts · iterations · n · k · d) per k, plus O(2,000² · d) per k for the
  ///   silhouette.
  mutating func cluster(_ command: ClusterCommand, interruption: Interruption) throws(EvalError)
    -> CommandOutput
  {
    let table = try resolveSchema(nil)
    let binder = Binder(workspace: self, table: table)
    var names: [String] = []
    for name in command.columns {
      let column = try binder.column(name)
      guard column.type.isNumeric else {
        throw EvalError(
          .clusterNeedsNumbers(column: column.name, type: column.type.displayName),
          at: name.range)
      }
      if names.contains(column.name) { throw EvalError(.duplicateColumn(column.name), at: name.range) }
      names.append(column.name)
    }
    // The fit reads every row, in the table's row order, from whichever engine holds the table; its
    // column goes back as a recipe the engine computes (on a server, in every later query).
    let rows = try execute(Query(.rows(names, order: [], limit: Int.max), over: Relation(table: table.name)))
    let columns = names.compactMap { rows.column($0) }
    let data = KMeansData(columns: columns, scaling: command.scaling)
    let excluded = rows.rowCount - data.count
    guard data.count >= command.k.upperBound else {
      throw EvalError(
        .tooFewRows(k: command.k.upperBound, table: table.name, rows: data.count), at: command.kRange)
    }
    var warnings: [String] = []
    for (j, name) in names.enumerated() where data.constant[j] && data.count > 0 {
      warnings.append("\(name) has one value in every clustered row, so it separates nothing")
    }
    for (j, name) in names.enumerated() where data.fellBack[j] {
      warnings.append(
        "\(name) has an interquartile range of 0 (over half its rows hold one value), so robust"
          + " scaling used its mean and standard deviation for it, with no fences")
    }
    var scaling = "standardised"
    if command.scaling == .robust {
      let held = data.clipped.reduce(0, +)
      scaling = "robust scaling: median and IQR"
      if held > 0 {
        scaling += ", \(Figures.grouped(held)) value\(held == 1 ? "" : "s") held at the far-out fences"
      }
    }
    var headline =
      "cluster on \(table.name) by \(names.joined(separator: ", ")) (\(scaling)): \(Figures.rows(data.count))"
    if excluded > 0 { headline += "; \(Figures.rows(excluded)) with a null left out" }
    let stop = { interruption.isRequested }
    let robust = command.scaling == .robust ? nil : robustCommand(command)
    if command.comparesK {
      let sample = Silhouette.sample(count: data.count, seed: command.seed)
      var choice = KChoice(points: data.count)
      for k in command.k {
        guard let fit = KMeansFit.fit(data, k: k, seed: command.seed, stop: stop) else {
          throw EvalError(.interrupted)
        }
        let s = Silhouette.mean(
          points: data.points, dimension: data.dimension, labels: fit.labels, k: k, sample: sample)
        choice.rows.append((k, fit.inertia, s, fit.sizes.last ?? 0))
      }
      headline += "; k-means++ seed \(command.seed); nothing was changed"
      return CommandOutput(
        .sequence([.message(headline), .table(choice.table(sampled: sample.count))]),
        warnings: warnings + choice.warnings(robust: robust))
    }
    let k = command.k.lowerBound
    guard let fit = KMeansFit.fit(data, k: k, seed: command.seed, stop: stop) else {
      throw EvalError(.interrupted)
    }
    let replaced = table.column(named: ClusterRecipe.columnName) != nil
    let segmentNames = try modelSegmentNames((1...k).map { "cluster_\($0)" }, on: table.name)
    let prefix = String(segmentNames[0].dropLast("1".count))
    try dropOldClusterSegments(named: prefix, beyond: k, on: table.name)
    let undo = try addColumns(.cluster(fit.recipe(data: data, columns: names)), to: table.name)
    do {
      try defineModelSegments(
        zip(segmentNames, 1...k).map { ($0, "cluster = \($1)") }, on: table.name,
        madeBy: ([ClusterRecipe.columnName], command.text))
    } catch {
      undo.run()
      throw error
    }
    let settled =
      fit.converged
      ? "settled after \(fit.iterations) iterations" : "stopped at \(KMeansFit.iterationLimit) iterations"
    headline +=
      "; k-means++ seed \(command.seed), \(settled); inertia \(Figures.fixed(fit.inertia, decimals: 1))"
    var result = fit.table(data: data, columnNames: names, segmentNames: segmentNames)
    result.footer =
      (result.footer ?? "")
      + "; \(replaced ? "replaced" : "added") column cluster and segments \(segmentNames[0])"
      + " to \(segmentNames[k - 1])"
      + prefixNote(segmentNames, plain: "cluster_1")
    if let warning = fit.degenerateWarning(points: data.count, robust: robust, segmentNames: segmentNames) {
      warnings.append(warning)
    }
    return CommandOutput(.sequence([.message(headline), .table(result)]), warnings: warnings)
  }

  /// The command as typed, with `scale robust`: what a warning suggests trying.
  private func robustCommand(_ command: ClusterCommand) -> String {
    let k = command.comparesK ? "\(command.k.lowerBound)..\(command.k.upperBound)" : "\(command.k.lowerBound)"
    let columns = command.columns.map { Name.commandText(for: $0.text) }.joined(separator: ", ")
    let seed = command.seed == ClusterCommand.defaultSeed ? "" : " seed \(command.seed)"
    return "cluster k=\(k) on \(columns)\(seed) scale robust"
  }

  /// Removes the segments (`prefix` then a number) an earlier `cluster` made on this table with more
  /// clusters.
  private mutating func dropOldClusterSegments(named prefix: String, beyond k: Int, on tableName: String)
    throws(EvalError)
  {
    let old = segments.filter { segment in
      guard segment.tableName == tableName, segment.name.hasPrefix(prefix),
        let n = Int(segment.name.dropFirst(prefix.count))
      else { return false }
      return n > k && segment.definition == "cluster = \(n)"
    }
    for segment in old {
      if let user = segments.first(where: { s in
        s.predicate.references.contains { $0.text.lowercased() == segment.name.lowercased() }
      }) {
        throw EvalError(.segmentInUse(segment.name, usedBy: user.name))
      }
      segments.removeAll { $0.name == segment.name }
    }
  }
}
