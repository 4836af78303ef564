import Columnar

extension Workspace {
  /// `bucket c into E1, E2, ... [as NAME]`: a text column of labelled bands (see `Buckets`), shown with
  /// the count in each band, in band order.
  mutating func bucket(_ command: BucketCommand) throws(EvalError) -> CommandResult {
    let table = try resolveSchema(nil)
    let source = try Binder(workspace: self, table: table).column(command.column)
    guard source.type.isNumeric else {
      throw EvalError(
        .wrongType(
          command: "bucket", wants: .numberColumn, value: source.name, type: source.type.displayName),
        at: command.column.range)
    }
    var edges: [Double] = []
    var wholeEdges = true
    for literal in command.edges {
      switch literal.value {
      case .int(let n): edges.append(Double(n))
      case .double(let d):
        edges.append(d)
        wholeEdges = wholeEdges && d == d.rounded()
      default: preconditionFailure("the parser only reads numbers as edges")
      }
      if edges.count > 1, edges[edges.count - 1] <= edges[edges.count - 2] {
        throw EvalError(
          .bucketEdgesDescend(edges[edges.count - 1], after: edges[edges.count - 2]), at: literal.range)
      }
    }
    let alias = command.alias ?? Name(source.name + "_band", at: command.column.range)
    let replacing = try checkComputedName(alias, in: table)
    let labels = Buckets.labels(edges: edges, wholeNumbers: wholeEdges && source.type == .int)
    let edgeText = command.edges.map { Binder.literalText($0) }.joined(separator: ", ")
    let name = alias.text
    let undo = try addColumns(.bands(source.name, edges: edges, labels: labels, as: name), to: table.name)
    let counts: Frame
    do {
      counts = try execute(Query(.countBy([name]), over: Relation(table: table.name)))
    } catch {
      undo.run()
      throw error
    }
    computedColumns[table.name.lowercased(), default: [:]][name.lowercased()] =
      "bucket \(source.name) into \(edgeText) as \(alias.text)"

    // The engine counts groups largest first; the listing goes in band order, nulls last.
    var count: [String?: Int] = [:]
    for row in 0..<counts.rowCount {
      let key: String? = if case .string(let label) = counts.value(name, at: row) { label } else { nil }
      count[key] = counts.integer("count", at: row)
    }
    let rowCount = count.values.reduce(0, +)
    func share(_ n: Int) -> Cell { .share(rowCount == 0 ? 0 : Double(n) / Double(rowCount)) }
    var rows: [[Cell]] = labels.map { label in
      [.text(label), .count(count[label] ?? 0), share(count[label] ?? 0)]
    }
    if let nulls = count[nil] { rows.append([.value(.null), .count(nulls), share(nulls)]) }
    let verb = replacing ? "replaced" : "bucketed \(source.name) into"
    let headline = "\(verb) \(name) on \(table.name): \(labels.count) bands"
    let listing = ResultTable(
      columns: [
        ResultColumn(name), ResultColumn("count", alignment: .right),
        ResultColumn("share", alignment: .right),
      ], rows: rows, chart: .bars(labels: [0], value: 1, note: 2))
    return .sequence([.message(headline), .table(listing)])
  }
}
