import Columnar

extension Command {
  /// The conditions the command itself typed, each with the table or segment it reads (nil for the
  /// current table): a segment's definition, a `where`, a trait's `where` on its source table.
  /// Segments a condition names are not among them: their definitions were checked when made.
  var typedConditions: [(predicate: Predicate, source: Name?)] {
    switch self {
    case .segment(let definition): return [(definition.predicate, nil)]
    case .show(let show): return Self.typed(show.source)
    case .count(let count): return Self.typed(count.source)
    case .stats(let stats): return Self.typed(stats.source)
    case .histogram(let histogram): return Self.typed(histogram.source)
    case .top(let top): return Self.typed(top.source)
    case .trait(let trait): return trait.filter.map { [($0, trait.source)] } ?? []
    case .group(let group): return group.filter.map { [($0, group.source)] } ?? []
    case .rfmFrom(let rfm): return rfm.filter.map { [($0, rfm.source)] } ?? []
    default: return []
    }
  }

  private static func typed(_ source: RowSource) -> [(predicate: Predicate, source: Name?)] {
    source.filter.map { [($0, source.name)] } ?? []
  }
}

/// A text comparison a command typed: `column = "value"`, or one value of `column in (...)`.
struct TextComparison: Equatable {
  /// The column as the table spells it.
  var column: String
  /// The value as typed.
  var value: String
  /// True for a list column, whose rows hold the value as one of their items.
  var isList: Bool
}

extension Workspace {
  /// Warnings for the text comparisons `command` typed (`=` and `in`) that no row meets although
  /// rows hold the value spelled with other capitals: `no row has loyalty_tier = "Gold"; did you mean
  /// "gold" (1,234 rows)?`. Case is folded for the letters A to Z only, alike on every engine.
  ///
  /// The figures come from the engine that holds the table, as queries: whether any row meets each
  /// comparison (stopping at the first that does), then for each that met no row the counts of the
  /// spellings that differ from it only in case. So
  /// PostgreSQL and Spark print what memory prints. A hint that cannot be computed is left out: it is
  /// advice, never a reason for a command to fail.
  /// - Complexity: up to one pass over the table per predicate (none past the first row holding each
  ///   value), and one per comparison that met no row.
  func caseHints(for command: Command) -> [String] {
    var hints: [String] = []
    for (predicate, source) in command.typedConditions {
      guard let tableName = hintTable(source), let schema = try? catalogSchema(of: tableName) else {
        continue
      }
      let comparisons = Self.textComparisons(in: predicate, table: schema)
      guard !comparisons.isEmpty else { continue }
      let tests = comparisons.map { Condition.oneOf($0.column, [.string($0.value)], negated: false) }
      // Whether each value is held at all: for the usual one, the first row that holds it answers.
      guard let counts = try? execute(Query(.anyWhere(tests), over: Relation(table: tableName))) else {
        continue
      }
      for (i, comparison) in comparisons.enumerated() where counts.integer("n.\(i)") == 0 {
        if let hint = caseHint(comparison, table: tableName) { hints.append(hint) }
      }
    }
    return hints
  }

  /// The warning for one comparison that met no row, when other spellings of its value exist.
  private func caseHint(_ comparison: TextComparison, table: String) -> String? {
    let folded = Condition.text(comparison.column, .equalsIgnoringCase, comparison.value, negated: false)
    let query = Query(.countBy([comparison.column]), over: Relation(table: table, filter: folded))
    guard let frame = try? execute(query) else { return nil }
    // A list row holding a matching item brings its other items along: keep the matching ones.
    let wanted = TextMatch.foldingCase(comparison.value)
    var spellings: [(text: String, count: Int)] = []
    for row in 0..<frame.rowCount {
      guard case .string(let text) = frame.value(comparison.column, at: row),
        TextMatch.foldingCase(text) == wanted, case .int(let count) = frame.value("count", at: row)
      else { continue }
      spellings.append((text, Int(count)))
    }
    guard !spellings.isEmpty else { return nil }
    let shown = spellings.prefix(Self.spellingsShown).map {
      "\(Literal.quoted($0.text)) (\(Figures.rows($0.count)))"
    }
    let more =
      spellings.count > Self.spellingsShown ? " or \(spellings.count - Self.spellingsShown) more" : ""
    let column = Name.commandText(for: comparison.column)
    let value = Literal.quoted(comparison.value)
    let what = comparison.isList ? "\(value) in \(column)" : "\(column) = \(value)"
    return "no row has \(what); did you mean " + shown.joined(separator: " or ") + more + "?"
  }

  /// How many other spellings a hint names.
  static let spellingsShown = 3

  /// The table rows of a command come from: a segment's, a table's, or the current one.
  private func hintTable(_ source: Name?) -> String? {
    guard let source else { return currentTableName }
    if engine.catalog.table(named: source.text) != nil {
      return engine.catalog.table(named: source.text)?.name
    }
    return segment(named: source.text)?.tableName
  }

  /// The `=` and `in` comparisons of text or list columns with text in `predicate`, each value once,
  /// in the order they stand. `!=` and `not in` are left out: meeting no row is what they ask for.
  /// - Complexity: O(clauses), walked with a stack.
  static func textComparisons(in predicate: Predicate, table: TableSchema) -> [TextComparison] {
    var found: [TextComparison] = []
    var pending = [predicate]
    func add(_ name: Name, _ literal: Literal) {
      guard case .string(let value) = literal.value, let column = table.column(named: name.text),
        column.type == .string || column.type == .list
      else { return }
      let comparison = TextComparison(column: column.name, value: value, isList: column.type == .list)
      if !found.contains(comparison) { found.append(comparison) }
    }
    while let next = pending.popLast() {
      switch next.kind {
      case .compare(let name, .equal, let literal): add(name, literal)
      case .oneOf(let name, let literals, negated: false): for literal in literals { add(name, literal) }
      case .and(let a, let b), .or(let a, let b):
        pending.append(b)
        pending.append(a)
      case .not(let p): pending.append(p)
      default: break
      }
    }
    return found
  }
}
