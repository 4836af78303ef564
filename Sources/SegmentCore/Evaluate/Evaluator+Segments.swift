import Columnar

extension Workspace {
  mutating func defineSegment(_ definition: SegmentDefinition) throws(EvalError) -> CommandResult {
    let (segment, replaced) = try defineSegment(
      definition.name, predicate: definition.predicate, definition: definition.definition,
      snapshot: definition.snapshot)
    let table = try resolveSchema(nil)
    // One pass answers it all: the table's rows, the segment's, and for each top-level clause the rows
    // it keeps alone and the running intersection (which condition shrinks the segment most).
    let clauses = definition.predicate.topLevelClauses
    let binder = Binder(workspace: self, table: table)
    var conditions = [try condition(of: segment)]
    var running: Condition?
    if clauses.count > 1 {
      for clause in clauses {
        let alone = try binder.bind(clause)
        running = running.map { .and($0, alone) } ?? alone
        conditions += [alone, running ?? alone]
      }
    }
    let counts = try execute(Query(.countWhere(conditions), over: Relation(table: table.name)))
    let base = counts.integer("rows")
    let size = counts.integer("n.0")
    let share = base == 0 ? 0 : Double(size) / Double(base)
    let verb = replaced ? "replaced" : "segment"
    let frozen = segment.isSnapshot ? ", frozen as a snapshot" : ""
    var headline =
      "\(verb) \(segment.name): \(Figures.rows(size)) (\(Figures.percent(share)) of \(table.name))\(frozen)"
    if let note = withinNote(conditions[0]) { headline += "\n" + note }
    guard clauses.count > 1 else { return .message(headline) }
    var rows: [[Cell]] = []
    for (i, clause) in clauses.enumerated() {
      let alone = counts.integer("n.\(1 + 2 * i)")
      rows.append([
        .text(Parser.quote(clause, in: definition)), .count(alone),
        .share(base == 0 ? 0 : Double(alone) / Double(base)), .count(counts.integer("n.\(2 + 2 * i)")),
      ])
    }
    let breakdown = ResultTable(
      columns: [
        ResultColumn("condition"), ResultColumn("alone", alignment: .right),
        ResultColumn("share", alignment: .right), ResultColumn("so far", alignment: .right),
      ], rows: rows)
    return .sequence([.message(headline), .table(breakdown)])
  }

  func segmentsListing() throws(EvalError) -> ResultTable {
    var rows: [[Cell]] = []
    for segment in segments {
      let base = try execute(Query(.count, over: Relation(table: segment.tableName))).integer("count")
      let size = try self.size(of: segment)
      rows.append(
        [
          .text(segment.name), .text(segment.tableName), .count(size),
          .share(base == 0 ? 0 : Double(size) / Double(base)),
          .text(segment.definition + (segment.isSnapshot ? " (snapshot)" : "")),
        ] + (personas.isEmpty ? [] : [.text(personas(of: segment.name).map(\.name).joined(separator: ", "))]))
    }
    // The persona column appears once there is a persona, so sessions without any read as before.
    return ResultTable(
      columns: [
        ResultColumn("segment"), ResultColumn("table"), ResultColumn("size", alignment: .right),
        ResultColumn("share", alignment: .right), ResultColumn("definition"),
      ] + (personas.isEmpty ? [] : [ResultColumn("persona")]), rows: rows,
      footer: segments.isEmpty ? "no segments yet: try 'segment young = age < 30'" : nil,
      chart: .bars(labels: [0], value: 2, note: 3))
  }
}

extension Parser {
  /// A clause's text as written inside a segment definition.
  static func quote(_ clause: Predicate, in definition: SegmentDefinition) -> String {
    let offset = definition.predicate.range.start
    let chars = Array(definition.definition)
    let start = max(0, clause.range.start - offset)
    let end = min(chars.count, clause.range.end - offset)
    return start < end ? String(chars[start..<end]) : definition.definition
  }
}
