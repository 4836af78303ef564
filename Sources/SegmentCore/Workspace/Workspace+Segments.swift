import Columnar

extension Workspace {
  /// The segment named `name` (case-insensitive).
  public func segment(named name: String) -> Segment? {
    segments.first { $0.name.lowercased() == name.lowercased() }
  }

  /// The date `within` counts back from: `set today`, else the latest date in the table (never the clock).
  /// - Complexity: O(n) over the table's date and timestamp columns.
  public func today(for table: Table) -> Int32? {
    if let today = settings.today { return today }
    var latest: Int32?
    for column in table.columns {
      switch column.storage {
      case .date(let days):
        for row in 0..<column.count where !column.isNull(row) { latest = max(latest ?? days[row], days[row]) }
      case .timestamp(let seconds):
        for row in 0..<column.count where !column.isNull(row) {
          let day = Int32(seconds[row] >= 0 ? seconds[row] / 86_400 : (seconds[row] - 86_399) / 86_400)
          latest = max(latest ?? day, day)
        }
      default: continue
      }
    }
    return latest
  }

  /// Defines or replaces a segment on the current table. Returns true when it replaced one.
  mutating func defineSegment(_ name: Name, predicate: Predicate, definition: String, snapshot: Bool)
    throws(EvalError) -> (Segment, replaced: Bool)
  {
    let table = try resolveTable(nil)
    if table.column(named: name.text) != nil {
      throw EvalError(
        .unsupported("\(name.text) is a column of \(table.name): pick another segment name"), at: name.range)
    }
    if predicate.references.contains(where: { $0.text.lowercased() == name.text.lowercased() })
      || dependents(of: name.text).contains(where: { user in
        predicate.references.contains { $0.text.lowercased() == user.lowercased() }
      })
    {
      throw EvalError(
        .unsupported("segment \(name.text) cannot be defined in terms of itself"), at: predicate.range)
    }
    let members = try PredicateEvaluator(table: table, workspace: self).members(predicate)
    let segment = Segment(
      name: name.text, tableName: table.name, predicate: predicate, definition: definition,
      isSnapshot: snapshot,
      members: members)
    if let i = segments.firstIndex(where: { $0.name.lowercased() == name.text.lowercased() }) {
      segments[i] = segment
      try refreshSegments(of: table.name)
      return (segment, true)
    }
    segments.append(segment)
    return (segment, false)
  }

  /// Removes a segment that no other segment uses.
  mutating func dropSegment(_ name: Name) throws(EvalError) -> Segment {
    guard let i = segments.firstIndex(where: { $0.name.lowercased() == name.text.lowercased() }) else {
      throw EvalError(
        .unknownSegment(name.text), at: name.range,
        suggestions: Suggestions.closest(to: name.text, among: segments.map(\.name)))
    }
    if let user = segments.first(where: { s in
      s.predicate.references.contains { $0.text.lowercased() == name.text.lowercased() }
    }) {
      throw EvalError(.segmentInUse(segments[i].name, usedBy: user.name), at: name.range)
    }
    if let persona = personas.first(where: { $0.segment.lowercased() == name.text.lowercased() }) {
      throw EvalError(.segmentHasPersona(segments[i].name, persona: persona.name), at: name.range)
    }
    return segments.remove(at: i)
  }

  /// Names of the segments that use `name`, directly or through others.
  func dependents(of name: String) -> [String] {
    var found: [String] = []
    var frontier = [name.lowercased()]
    while let next = frontier.popLast() {
      for s in segments where s.predicate.references.contains(where: { $0.text.lowercased() == next }) {
        if !found.contains(s.name) {
          found.append(s.name)
          frontier.append(s.name.lowercased())
        }
      }
    }
    return found
  }

  /// Recomputes the dynamic segments of a table after it changed, in definition order (a segment only
  /// uses segments defined before it).
  /// - Throws: `EvalError` naming the first segment the change breaks.
  mutating func refreshSegments(of tableName: String) throws(EvalError) {
    guard let table = table(named: tableName) else { return }
    for i in segments.indices where segments[i].tableName.lowercased() == tableName.lowercased() {
      if segments[i].isSnapshot {
        guard segments[i].members.count == table.rowCount else {
          throw EvalError(
            .brokenSegment(
              segments[i].name,
              reason:
                "it is a snapshot of \(Figures.rows(segments[i].members.count)) and the table now has \(Figures.rows(table.rowCount))"
            ))
        }
        continue
      }
      do {
        segments[i].members = try PredicateEvaluator(table: table, workspace: self).members(
          segments[i].predicate)
      } catch {
        throw EvalError(.brokenSegment(segments[i].name, reason: error.message))
      }
    }
  }
}
