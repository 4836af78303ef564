import Columnar

extension Workspace {
  mutating func defineSegment(_ definition: SegmentDefinition) throws(EvalError) -> CommandResult {
    let (segment, replaced) = try defineSegment(
      definition.name, predicate: definition.predicate, definition: definition.definition,
      snapshot: definition.snapshot)
    let table = try resolveSchema(nil)
    let base = try execute(Query(.count, over: Relation(table: table.name))).integer("count")
    let size = try self.size(of: segment)
    let share = base == 0 ? 0 : Double(size) / Double(base)
    let verb = replaced ? "replaced" : "segment"
    let frozen = segment.isSnapshot ? ", frozen as a snapshot" : ""
    let headline =
      "\(verb) \(segment.name): \(Figures.rows(size)) (\(Figures.percent(share)) of \(table.name))\(frozen)"
    let clauses = definition.predicate.topLevelClauses
    guard clauses.count > 1 else { return .message(headline) }
    // Which condition shrinks the segment most: each clause alone, and the running intersection, as
    // count queries (the left-nested `and` of the first clauses is what the previous query filtered by).
    let binder = Binder(workspace: self, table: table)
    var running: Condition?
    var rows: [[Cell]] = []
    for clause in clauses {
      let condition = try binder.bind(clause)
      running = running.map { .and($0, condition) } ?? condition
      let alone = try execute(Query(.count, over: Relation(table: table.name, filter: condition)))
        .integer("count")
      let soFar = try execute(Query(.count, over: Relation(table: table.name, filter: running)))
        .integer("count")
      rows.append([
        .text(Parser.quote(clause, in: definition)), .count(alone),
        .share(base == 0 ? 0 : Double(alone) / Double(base)), .count(soFar),
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
      footer: segments.isEmpty ? "no segments yet: try 'segment young = age < 30'" : nil)
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
