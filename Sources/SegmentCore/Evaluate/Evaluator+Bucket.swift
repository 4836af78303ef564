import Columnar

extension Workspace {
  /// `bucket c into E1, E2, ... [as NAME]`: a text column of labelled bands (see `Buckets`), shown with
  /// the count in each band, in band order.
  mutating func bucket(_ command: BucketCommand) throws(EvalError) -> CommandResult {
    let table = try resolveTable(nil)
    let source = try resolveColumn(command.column, in: table)
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
    let (bands, validity) = Buckets.bands(source, edges: edges)
    let (codes, dictionary) = Vector.compact(codes: bands, dictionary: labels, validity: validity)
    let column = Column(
      name: alias.text, storage: .string(codes: codes, dictionary: dictionary), validity: validity)
    let edgeText = command.edges.map { Binder.literalText($0) }.joined(separator: ", ")
    try putComputed(column, on: table, definition: "bucket \(source.name) into \(edgeText) as \(alias.text)")

    var counts = [Int](repeating: 0, count: labels.count)
    for row in 0..<bands.count where validity.map({ $0[row] }) ?? true { counts[Int(bands[row])] += 1 }
    var rows: [[Cell]] = zip(labels, counts).map { label, n in
      [.text(label), .count(n), .share(table.rowCount == 0 ? 0 : Double(n) / Double(table.rowCount))]
    }
    if column.nullCount > 0 {
      rows.append([
        .value(.null), .count(column.nullCount), .share(Double(column.nullCount) / Double(table.rowCount)),
      ])
    }
    let verb = replacing ? "replaced" : "bucketed \(source.name) into"
    let headline = "\(verb) \(column.name) on \(table.name): \(labels.count) bands"
    let listing = ResultTable(
      columns: [
        ResultColumn(column.name), ResultColumn("count", alignment: .right),
        ResultColumn("share", alignment: .right),
      ], rows: rows, chart: .bars(labels: [0], value: 1, note: 2))
    return .sequence([.message(headline), .table(listing)])
  }
}
