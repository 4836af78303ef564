import Columnar

/// The columns a profile reads, and those it leaves out unless asked (`profile SEG all`, or naming them).
///
/// Two kinds say nothing about a segment and would crowd the top of a profile:
/// - **ids**, which name rows rather than describe them: a column named like an id (`id`, `…_id`,
///   `… id`, or `…ID`/`…Id` after a lowercase letter or digit: `customer_id`, `CustomerID`) that holds
///   numbers (their mean means nothing) or text at least 90% distinct; and any text column, or whole
///   numbers in a dense range, whose every value is distinct (an e-mail, a row number);
/// - **the columns that define the segments**, here and in the segments their definitions name: a
///   segment `rich = income > 70000` differs on income by definition, which a profile need not prove.
struct ProfileColumns {
  /// The columns to profile, in table order, and whether the user named each.
  var chosen: [(column: ColumnSchema, named: Bool)] = []
  /// The ids left out.
  var ids: [String] = []
  /// The defining columns left out, each with the segment that tests it.
  var defining: [(column: String, segment: String)] = []
  /// The segments whose definitions were read, the profiled one first.
  private var definers: [String] = []

  /// The share of distinct values at or above which text named like an id is one.
  static let nearlyUnique = 0.9

  /// What the id rule reads of a column's values: how many are not null, how many distinct, and for
  /// whole numbers their range.
  struct Facts {
    var values: Int
    var distinct: Int
    var min: Double? = nil
    var max: Double? = nil
  }

  /// Chooses the columns of `table` to profile: every column, less ids and the columns each segment's
  /// definition tests, unless `all`. `facts` holds what the id rule needs of the text and whole-number
  /// columns not named like ids (a column without facts is not an id by its values).
  init(
    table: TableSchema, defining: [(segment: String, columns: [String])], all: Bool, facts: [String: Facts]
  ) {
    var definer: [String: String] = [:]
    for (segment, _) in defining where !definers.contains(segment) { definers.append(segment) }
    for (segment, columns) in defining {
      for column in columns where definer[column.lowercased()] == nil {
        definer[column.lowercased()] = segment
      }
    }
    for column in table.columns {
      if !all, let segment = definer[column.name.lowercased()] {
        self.defining.append((column.name, segment))
      } else if !all, Self.isIdentifier(column, facts: facts[column.name]) {
        ids.append(column.name)
      } else {
        chosen.append((column, false))
      }
    }
  }

  /// Chooses exactly the named columns.
  init(named columns: [ColumnSchema]) {
    chosen = columns.map { ($0, true) }
  }

  /// The columns of a table whose values the id rule reads (`Facts`), before choosing: text, and whole
  /// numbers not named like ids, less the defining columns (unless `all`, when no id is left out).
  static func needingFacts(_ table: TableSchema, defining: Set<String>, all: Bool) -> [ColumnSchema] {
    guard !all else { return [] }
    return table.columns.filter {
      !defining.contains($0.name.lowercased())
        && ($0.type == .string || ($0.type == .int && !isIdentifierName($0.name)))
    }
  }

  /// "skipped (profile rich all includes them): ID (an id); Income (defines rich)"; nil when nothing
  /// was skipped. `again` is the command that would include them.
  func note(including again: String) -> String? {
    var parts: [String] = []
    if !ids.isEmpty { parts.append(ids.joined(separator: ", ") + (ids.count == 1 ? " (an id)" : " (ids)")) }
    for segment in definers {
      let columns = defining.filter { $0.segment == segment }.map(\.column)
      guard !columns.isEmpty else { continue }
      parts.append(columns.joined(separator: ", ") + " (defin\(columns.count == 1 ? "es" : "e") \(segment))")
    }
    guard !parts.isEmpty else { return nil }
    return "skipped (\(again) includes them): " + parts.joined(separator: "; ")
  }

  /// Whether a name reads as an id's: `id`, `customer_id`, `customer id`, `CustomerID`, `orderId`; not
  /// `paid` or `valid`, whose `id` ends a word.
  static func isIdentifierName(_ name: String) -> Bool {
    let lower = name.lowercased()
    if lower == "id" || lower.hasSuffix("_id") || lower.hasSuffix(" id") || lower.hasSuffix("-id") {
      return true
    }
    guard name.hasSuffix("ID") || name.hasSuffix("Id") else { return false }
    let before = name.dropLast(2).last
    return before.map { $0.isLowercase || $0.isNumber } ?? false
  }

  /// Whether a column is an id by the rule above, given what its values are (`Facts`).
  static func isIdentifier(_ column: ColumnSchema, facts: Facts?) -> Bool {
    switch column.type {
    case .int, .double:
      if isIdentifierName(column.name) { return true }
      // Whole numbers, every value distinct, in a range at most twice their count: a row number.
      guard column.type == .int, let facts, facts.values > 1, facts.distinct == facts.values,
        let lo = facts.min, let hi = facts.max
      else { return false }
      return hi - lo + 1 <= 2 * Double(facts.values)
    case .string:
      guard let facts, facts.values > 1 else { return false }
      if facts.distinct == facts.values { return true }
      return isIdentifierName(column.name) && Double(facts.distinct) >= nearlyUnique * Double(facts.values)
    default:
      return false
    }
  }
}

extension Workspace {
  /// The columns of its table that a segment's definition tests, following the segments it names on the
  /// same table (a Bool column named bare counts too), in table order.
  /// - Complexity: O(clauses of the definitions), walked with a stack: chains may be long.
  func definingColumns(of segment: Segment) -> [String] {
    guard let table = try? catalogSchema(of: segment.tableName) else { return [] }
    var found = Set<Int>()
    var visited: Set<String> = [segment.name.lowercased()]
    var pending = [segment.predicate]
    while let next = pending.popLast() {
      switch next.kind {
      case .compare(let name, _, _), .between(let name, _, _, _), .oneOf(let name, _, _),
        .text(let name, _, _, _), .isNull(let name, _), .within(let name, _, _), .before(let name, _),
        .after(let name, _):
        if let i = table.columnIndex(named: name.text) { found.insert(i) }
      case .reference(let name):
        if let other = self.segment(named: name.text),
          other.tableName.lowercased() == segment.tableName.lowercased()
        {
          if visited.insert(other.name.lowercased()).inserted { pending.append(other.predicate) }
        } else if let i = table.columnIndex(named: name.text) {
          found.insert(i)
        }
      case .and(let a, let b), .or(let a, let b):
        pending.append(b)
        pending.append(a)
      case .not(let p):
        pending.append(p)
      }
    }
    // The columns one command made together (rfm's r, f, m, fm and rfm) define the segment together:
    // champions are r >= 4 and fm >= 4, and their high f, m and rfm say nothing more.
    let made = computedColumns[table.name.lowercased()] ?? [:]
    let commands = Set(found.compactMap { made[table.columns[$0].name.lowercased()] })
    for (i, column) in table.columns.enumerated()
    where made[column.name.lowercased()].map(commands.contains) == true {
      found.insert(i)
    }
    return found.sorted().map { table.columns[$0].name }
  }

  /// Whether `column` of `table` holds a model's labels rather than measures (the cluster numbers
  /// `cluster` writes): "lower cluster" says nothing about a segment's people.
  func isModelLabel(_ column: String, of table: String) -> Bool {
    // ClusterCommand.text is what `cluster` records as the maker of its column.
    computedColumns[table.lowercased()]?[column.lowercased()]?.hasPrefix("cluster k=") == true
  }
}
