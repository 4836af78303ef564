import Columnar

/// Binds a parsed predicate to one table's schema: every name resolved (with did-you-mean), every
/// literal checked against its column's type, `within` counted from seg's *today*, and segment names
/// replaced by their definitions. The one place a predicate's mistakes are found, for every engine.
struct Binder {
  let workspace: Workspace
  let table: TableSchema

  /// The condition a predicate stands for on `table`.
  /// - Throws: `EvalError` at the first mistake from the left, pointing at it.
  func bind(_ predicate: Predicate) throws(EvalError) -> Condition {
    switch predicate.kind {
    case .and, .or: return try chain(predicate)
    case .not(let p): return .not(try bind(p))
    case .reference(let name): return try reference(name)
    case .isNull(let name, let negated):
      return .isNull(try column(name).name, negated: negated)
    case .compare(let name, let op, let literal):
      let column = try self.column(name)
      switch column.type {
      case .list:
        throw EvalError(.listNotAllowed(column: column.name, in: .comparison), at: name.range)
      case .bool:
        guard op == .equal || op == .notEqual else {
          throw EvalError(.boolNeedsEquality(column: column.name), at: literal.range)
        }
      default: break
      }
      return .compare(column.name, op, try Binder.value(literal, for: column))
    case .between(let name, let low, let high, let negated):
      let column = try self.column(name)
      guard column.type != .bool, column.type != .list else {
        throw EvalError(
          .wrongType(
            command: "between", wants: .numbersDatesOrText, value: column.name, type: column.type.displayName),
          at: name.range)
      }
      return .between(
        column.name, try Binder.value(low, for: column), try Binder.value(high, for: column), negated: negated
      )
    case .oneOf(let name, let items, let negated):
      let column = try self.column(name)
      var values: [Value] = []
      for item in items {
        // A list's items are text whatever they look like.
        let itemType = column.type == .list ? ColumnSchema(name: column.name, type: .string) : column
        values.append(try Binder.value(item, for: itemType, reported: column))
      }
      return .oneOf(column.name, values, negated: negated)
    case .text(let name, let match, let literal, let negated):
      let column = try self.column(name)
      guard column.type == .string || column.type == .list else {
        throw EvalError(
          .textTestNeedsText(test: match.rawValue, column: column.name, type: column.type.displayName),
          at: name.range)
      }
      guard case .string(let needle) = literal.value else { throw Binder.mismatch(column, literal) }
      return .text(column.name, match, needle, negated: negated)
    case .within(let name, let amount, let unit):
      let column = try dateColumn(name, what: "within")
      guard let today = workspace.today(forTableNamed: table.name, column: column.name) else {
        throw EvalError(.noToday, at: name.range)
      }
      return .dayRange(column.name, from: DateMath.subtract(amount, unit: unit, from: today), through: today)
    case .before(let name, let literal), .after(let name, let literal):
      let isBefore = { if case .before = predicate.kind { return true } else { return false } }()
      let column = try dateColumn(name, what: isBefore ? "before" : "after")
      guard case .date(let day) = literal.value else {
        preconditionFailure("the parser only allows dates here")
      }
      return isBefore
        ? .dayRange(column.name, from: nil, through: day - 1)
        : .dayRange(column.name, from: day + 1, through: nil)
    }
  }

  /// An `and`/`or` and those down its left operand, bound left to right in a loop: a chain of
  /// thousands of clauses must not recurse once per clause.
  private func chain(_ predicate: Predicate) throws(EvalError) -> Condition {
    var spine: [Predicate] = []
    var leftmost = predicate
    while true {
      switch leftmost.kind {
      case .and(let a, _), .or(let a, _):
        spine.append(leftmost)
        leftmost = a
        continue
      default: break
      }
      break
    }
    var condition = try bind(leftmost)
    for node in spine.reversed() {
      switch node.kind {
      case .and(_, let b): condition = .and(condition, try bind(b))
      case .or(_, let b): condition = .or(condition, try bind(b))
      default: break
      }
    }
    return condition
  }

  /// A segment's membership, or a Bool column's true rows.
  private func reference(_ name: Name) throws(EvalError) -> Condition {
    if let segment = workspace.segment(named: name.text) {
      guard segment.tableName == table.name else {
        throw EvalError(
          .segmentOnOtherTable(segment.name, table: segment.tableName, current: table.name), at: name.range)
      }
      if let frozen = segment.frozen { return .frozen(segment.name, rows: frozen) }
      return .segment(segment.name, try bind(segment.predicate))
    }
    if let column = table.column(named: name.text) {
      guard column.type == .bool else {
        throw EvalError(.notACondition(column.name, type: column.type.displayName), at: name.range)
      }
      return .isTrue(column.name)
    }
    let candidates =
      workspace.segments.filter { $0.tableName == table.name }.map(\.name) + table.columns.map(\.name)
    throw EvalError(
      .unknownName(name.text, table: table.name), at: name.range,
      suggestions: Suggestions.closest(to: name.text, among: candidates))
  }

  /// The column a name stands for, with did-you-mean when there is none.
  func column(_ name: Name) throws(EvalError) -> ColumnSchema {
    guard let column = table.column(named: name.text) else {
      throw EvalError(
        .unknownColumn(name.text, table: table.name), at: name.range,
        suggestions: table.suggestions(for: name.text))
    }
    return column
  }

  private func dateColumn(_ name: Name, what: String) throws(EvalError) -> ColumnSchema {
    let column = try self.column(name)
    guard column.type == .date || column.type == .timestamp else {
      throw EvalError(
        .wrongType(command: what, wants: .dateColumn, value: column.name, type: column.type.displayName),
        at: name.range)
    }
    return column
  }

  /// A literal as a value of the column's type: numbers for number columns, days for dates (an ISO
  /// string counts as a date), text for text, true/false for Bool.
  private static func value(_ literal: Literal, for column: ColumnSchema, reported: ColumnSchema? = nil)
    throws(EvalError) -> Value
  {
    switch (column.type, literal.value) {
    case (.int, .int(let n)), (.double, .int(let n)): return .int(n)
    case (.int, .double(let d)), (.double, .double(let d)): return .double(d)
    case (.date, .date(let d)), (.timestamp, .date(let d)): return .date(d)
    case (.date, .string(let s)), (.timestamp, .string(let s)):
      if let d = CivilDate.parseISODate(s) { return .date(d) }
    case (.string, .string(let s)): return .string(s)
    case (.bool, .bool(let b)): return .bool(b)
    case (.bool, .string(let s)):
      // The spellings the loader reads as Bool (bank.csv's "yes"/"no"): a user types the file's own.
      switch s.lowercased() {
      case "true", "yes": return .bool(true)
      case "false", "no": return .bool(false)
      default: break
      }
    default: break
    }
    throw mismatch(reported ?? column, literal)
  }

  static func mismatch(_ column: ColumnSchema, _ literal: Literal) -> EvalError {
    EvalError(
      .typeMismatch(
        column: column.name, columnType: column.type.displayName, literal: literalText(literal),
        literalType: literal.typeName),
      at: literal.range)
  }

  /// A literal as messages quote it.
  static func literalText(_ literal: Literal) -> String {
    switch literal.value {
    case .int(let n): return String(n)
    case .double(let d): return Figures.shortest(d)
    case .string(let s): return "\"\(s)\""
    case .date(let d): return CivilDate.format(days: d)
    case .bool(let b): return b ? "true" : "false"
    }
  }
}
