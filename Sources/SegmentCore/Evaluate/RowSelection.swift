import Columnar

/// The rows a command works on: a table, and which of its rows (a segment, a `where`, or both).
struct RowSelection {
  /// The table the rows belong to.
  var table: Table
  /// The chosen rows; every row when nil.
  var mask: Bitmap?
  /// What the rows are, for titles: "customers", "segment young", "customers where age > 30".
  var label: String

  /// The number of chosen rows.
  var count: Int { mask?.popcount() ?? table.rowCount }

  /// The chosen row numbers in order.
  /// - Complexity: O(n / 64 + rows).
  var rows: [Int] { mask?.setIndices() ?? Array(0..<table.rowCount) }

  /// Calls `body` with each chosen row number, in order, without building an array.
  @inline(__always)
  func forEachRow(_ body: (Int) -> Void) {
    guard let mask else {
      for row in 0..<table.rowCount { body(row) }
      return
    }
    mask.forEachSetBit(body)
  }
}

extension Workspace {
  /// Resolves a command's rows: a segment or table by name (the current table when none), narrowed by
  /// `where`.
  func select(_ source: RowSource) throws(EvalError) -> RowSelection {
    let (relation, label) = try self.relation(source)
    return try select(relation, label: label)
  }

  /// The rows in memory a relation stands for, called `label` in titles.
  /// - Throws: `EvalError` when the relation's table is on a connection or no longer exists.
  func select(_ relation: Relation, label: String) throws(EvalError) -> RowSelection {
    if isRemote(relation.table) { throw EvalError.needsMemory(relation.table) }
    guard let table = table(named: relation.table) else { throw EvalError(.unknownTable(relation.table)) }
    return RowSelection(table: table, mask: try memoryRows(relation), label: label)
  }

  /// The relation a command's rows stand for, and what to call it in titles: a segment or table by name
  /// (the current table when none), narrowed by `where`.
  func relation(_ source: RowSource) throws(EvalError) -> (Relation, label: String) {
    var relation: Relation
    let label: String
    let catalog =
      try source.name.map { name throws(EvalError) in try self.catalog(seeking: name.text) } ?? engine.catalog
    if let name = source.name, let segment = segment(named: name.text), catalog.table(named: name.text) == nil
    {
      relation = Relation(table: segment.tableName, filter: try condition(of: segment))
      label = "segment \(segment.name)"
    } else if let name = source.name, catalog.table(named: name.text) == nil {
      let candidates = catalog.tables.map(\.name) + segments.map(\.name)
      if catalog.tables.isEmpty { throw EvalError(.noTable, at: name.range) }
      throw EvalError(
        .unknownName(name.text, table: currentTableName ?? ""), at: name.range,
        suggestions: Suggestions.closest(to: name.text, among: candidates)
      )
      .renamed(.unknownTableOrSegment(name.text))
    } else {
      let table = try resolveSchema(source.name)
      relation = Relation(table: table.name)
      label = table.name
    }
    if let filter = source.filter {
      let schema = try catalogSchema(of: relation.table)
      relation = relation.narrowed(by: try Binder(workspace: self, table: schema).bind(filter))
    }
    return (relation, label)
  }
}

extension EvalError {
  /// The same error with another kind, keeping its place and suggestions.
  func renamed(_ kind: Kind) -> EvalError {
    EvalError(kind, at: range, suggestions: suggestions)
  }
}
