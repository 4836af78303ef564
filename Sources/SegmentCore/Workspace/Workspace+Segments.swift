import Columnar

extension Workspace {
  /// The segment named `name` (case-insensitive).
  public func segment(named name: String) -> Segment? {
    segments.first { $0.name.lowercased() == name.lowercased() }
  }

  /// The date a `within` on `column` of the table called `name` counts back from: `set today`, else
  /// the column's own latest date (never the clock), asked of the engine that holds the table.
  ///
  /// The column's own, not the table's: an order table's estimated-delivery dates lie ahead of its
  /// purchase dates, and "bought within 90 days" must count back from the latest purchase.
  /// - Complexity: O(n) over the column, once per version of the table.
  func today(forTableNamed name: String, column: String) -> Int32? {
    if let today = settings.today { return today }
    let frame = try? engine.execute(
      Query(.maxDate(column), over: Relation(table: name)), interruption: interruption)
    guard case .date(let day) = frame?.value("max", at: 0) else { return nil }
    return day
  }

  /// Runs a query on the engine that holds its table.
  /// - Throws: `EvalError` when the engine cannot answer, `.interrupted` on Ctrl-C.
  func execute(_ query: Query) throws(EvalError) -> Frame {
    do {
      return try engine.execute(query, interruption: interruption)
    } catch {
      throw EvalError(engine: error)
    }
  }

  /// The condition a segment stands for on its table.
  func condition(of segment: Segment) throws(EvalError) -> Condition {
    let schema = try catalogSchema(of: segment.tableName)
    return try Binder(workspace: self, table: schema).bind(
      Predicate(.reference(Name(segment.name, at: segment.predicate.range)), at: segment.predicate.range))
  }

  /// The number of rows in a segment.
  func size(of segment: Segment) throws(EvalError) -> Int {
    let query = Query(.count, over: Relation(table: segment.tableName, filter: try condition(of: segment)))
    return try execute(query).integer("count")
  }

  /// The member rows of a segment, for the analytics that still read memory directly.
  /// - Complexity: a cache lookup once computed for the table's version; O(n) per condition otherwise.
  func members(of segment: Segment) throws(EvalError) -> Bitmap {
    let relation = Relation(table: segment.tableName, filter: try condition(of: segment))
    guard let rows = try memoryRows(relation) else {
      preconditionFailure("a segment's relation always has a filter")
    }
    return rows
  }

  /// The schema of a table, asked of the engine that holds it.
  func catalogSchema(of tableName: String) throws(EvalError) -> TableSchema {
    do {
      return try engine.schema(of: tableName)
    } catch {
      throw EvalError(engine: error)
    }
  }

  /// Defines or replaces a segment on the current table. Returns true when it replaced one.
  mutating func defineSegment(_ name: Name, predicate: Predicate, definition: String, snapshot: Bool)
    throws(EvalError) -> (Segment, replaced: Bool)
  {
    let table = try resolveSchema(nil)
    if table.column(named: name.text) != nil {
      throw EvalError(.segmentNameIsColumn(name.text, table: table.name), at: name.range)
    }
    if predicate.references.contains(where: { $0.text.lowercased() == name.text.lowercased() })
      || dependents(of: name.text).contains(where: { user in
        predicate.references.contains { $0.text.lowercased() == user.lowercased() }
      })
    {
      throw EvalError(.segmentUsesItself(name.text), at: predicate.range)
    }
    let condition = try Binder(workspace: self, table: table).bind(predicate)
    var frozen: Bitmap?
    if snapshot {
      if isRemote(table.name) { throw EvalError.needsMemory(table.name) }
      frozen = try memoryRows(Relation(table: table.name, filter: condition))
    }
    let segment = Segment(
      name: name.text, tableName: table.name, predicate: predicate, definition: definition, frozen: frozen)
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

  /// What `segment` stands for now: its table, its definition, and the definitions of the segments
  /// and computed columns its definition reads, through any depth.
  func binding(of segment: Segment) -> SegmentBinding {
    var used: [String] = []
    var made: [String] = []
    var seen: Set<String> = []
    var pending = [segment]
    while let next = pending.popLast() {
      guard seen.insert(next.name.lowercased()).inserted else { continue }
      let table = next.tableName.lowercased()
      if next.name != segment.name {
        used.append("\(next.name) = \(next.definition)\(next.isSnapshot ? " (snapshot)" : "")")
      }
      let computed = computedColumns[table] ?? [:]
      for column in next.predicate.comparedColumns + next.predicate.references {
        let key = column.text.lowercased()
        if let command = computed[key], !made.contains(where: { $0.hasPrefix(key + " from ") }) {
          made.append("\(key) from \(command)")
        }
      }
      for name in next.predicate.references.reversed() {
        if let other = self.segment(named: name.text), other.tableName.lowercased() == table {
          pending.append(other)
        }
      }
    }
    return SegmentBinding(
      segment: segment.name, tableName: segment.tableName, definition: segment.definition, usedSegments: used,
      madeColumns: made)
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

  /// Checks the segments of a table after it changed, in definition order (a segment only uses segments
  /// defined before it): each dynamic one must still bind to the new columns, and a snapshot must still
  /// have the table's row count. Their members are computed again when next used.
  /// - Throws: `EvalError` naming the first segment the change breaks.
  mutating func refreshSegments(of tableName: String) throws(EvalError) {
    let schema = try catalogSchema(of: tableName)
    for segment in segments where segment.tableName.lowercased() == tableName.lowercased() {
      if let frozen = segment.frozen, let table = table(named: tableName) {
        guard frozen.count == table.rowCount else {
          throw EvalError(
            .brokenSegment(
              segment.name,
              reason:
                "it is a snapshot of \(Figures.rows(frozen.count)) and the table now has \(Figures.rows(table.rowCount))"
            ))
        }
        continue
      }
      do {
        _ = try Binder(workspace: self, table: schema).bind(segment.predicate)
      } catch {
        throw EvalError(.brokenSegment(segment.name, reason: error.message))
      }
    }
  }
}

extension Workspace {
  /// The rows of `table` (a table this workspace holds) where a predicate is true, for the column
  /// computations that still read memory directly (`case when`, `trait ... where`).
  func members(_ predicate: Predicate, on table: Table) throws(EvalError) -> Bitmap {
    let condition = try Binder(workspace: self, table: try catalogSchema(of: table.name)).bind(predicate)
    return try memoryRows(Relation(table: table.name, filter: condition))
      ?? Bitmap(count: table.rowCount, allSet: true)
  }

  /// The rows of a relation on a table in memory (nil for every row), for the commands that still read
  /// memory directly; the one place they reach past the Engine protocol.
  func memoryRows(_ relation: Relation) throws(EvalError) -> Bitmap? {
    do {
      return try memory.rows(relation, interruption: interruption)
    } catch {
      throw EvalError(engine: error)
    }
  }
}

extension Workspace {
  /// Which date each `within` in a bound condition counted back from, when *today* is not pinned:
  /// "within counts back from the latest last_purchase_date, 2026-10-31". Nil when today is set or
  /// nothing uses it. So the output says which date and column it came from, and a reader can pin
  /// another with `set today`. Read off the bound condition (a `within` is the day range with both
  /// ends), so it asks the engine nothing the binding did not already ask.
  /// - Complexity: O(clauses), walked with a stack: a chain of thousands of clauses must not recurse.
  func withinNote(_ condition: Condition?) -> String? {
    guard settings.today == nil, let condition else { return nil }
    var pending = [condition]
    var latest: [String: Int32] = [:]
    while let next = pending.popLast() {
      switch next {
      case .dayRange(let column, .some, .some(let today)): latest[column] = today
      case .segment(_, let inner), .not(let inner): pending.append(inner)
      case .and(let a, let b), .or(let a, let b):
        pending.append(b)
        pending.append(a)
      default: break
      }
    }
    guard !latest.isEmpty else { return nil }
    let parts = latest.keys.sorted().map { "the latest \($0), \(CivilDate.format(days: latest[$0]!))" }
    return "within counts back from " + parts.joined(separator: ", and from ")
      + " (set today to pin another date)"
  }
}
