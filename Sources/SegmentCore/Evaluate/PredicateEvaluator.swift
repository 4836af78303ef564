import Columnar

/// Evaluates predicates over a table with Columnar's vectorised filters, in SQL's three-valued logic.
struct PredicateEvaluator {
  let table: Table
  let workspace: Workspace

  /// The rows where `predicate` is true.
  func members(_ predicate: Predicate) throws(EvalError) -> Bitmap {
    try evaluate(predicate).isTrue
  }

  func evaluate(_ predicate: Predicate) throws(EvalError) -> Truth {
    switch predicate.kind {
    case .and(let a, let b): return try evaluate(a) && evaluate(b)
    case .or(let a, let b): return try evaluate(a) || evaluate(b)
    case .not(let p): return !(try evaluate(p))
    case .reference(let name): return try reference(name)
    case .isNull(let name, let negated):
      let column = try workspace.resolveColumn(name, in: table)
      return Truth.certain(negated ? column.validMask : ~column.validMask)
    default:
      let (column, mask) = try leaf(predicate)
      let valid = column.validMask
      if isNegated(predicate) { return Truth(isTrue: valid & ~mask, isKnown: valid) }
      return Truth(isTrue: mask, isKnown: valid)
    }
  }

  private func isNegated(_ predicate: Predicate) -> Bool {
    switch predicate.kind {
    case .between(_, _, _, let negated), .oneOf(_, _, let negated), .text(_, _, _, let negated):
      return negated
    default: return false
    }
  }

  /// A segment's membership, or a Bool column's true rows.
  private func reference(_ name: Name) throws(EvalError) -> Truth {
    if let segment = workspace.segment(named: name.text) {
      guard segment.tableName == table.name else {
        throw EvalError(
          .segmentOnOtherTable(segment.name, table: segment.tableName, current: table.name), at: name.range)
      }
      return Truth.certain(segment.members)
    }
    if let column = table.column(named: name.text) {
      guard column.type == .bool else {
        throw EvalError(.notACondition(column.name, type: column.type.displayName), at: name.range)
      }
      return Truth(isTrue: column.boolEquals(true), isKnown: column.validMask)
    }
    let candidates =
      workspace.segments.filter { $0.tableName == table.name }.map(\.name) + table.columns.map(\.name)
    throw EvalError(
      .unknownName(name.text, table: table.name), at: name.range,
      suggestions: Suggestions.closest(to: name.text, among: candidates))
  }

  /// The rows where a comparison-like predicate holds (before negation), with its column.
  private func leaf(_ predicate: Predicate) throws(EvalError) -> (Column, Bitmap) {
    switch predicate.kind {
    case .compare(let name, let op, let literal):
      let column = try workspace.resolveColumn(name, in: table)
      if op == .notEqual {
        let equal = try Filters.compare(column, .equal, literal, name: name)
        return (column, column.validMask & ~equal)
      }
      return (column, try Filters.compare(column, op, literal, name: name))
    case .between(let name, let low, let high, _):
      let column = try workspace.resolveColumn(name, in: table)
      return (column, try Filters.between(column, low, high, name: name))
    case .oneOf(let name, let items, _):
      let column = try workspace.resolveColumn(name, in: table)
      return (column, try Filters.oneOf(column, items, name: name))
    case .text(let name, let match, let literal, _):
      let column = try workspace.resolveColumn(name, in: table)
      return (column, try Filters.text(column, match, literal, name: name))
    case .within(let name, let amount, let unit):
      let column = try workspace.resolveColumn(name, in: table)
      try Filters.requireDate(column, name: name, what: "within")
      guard let today = workspace.today(for: table) else {
        throw EvalError(.noToday, at: name.range)
      }
      let start = DateMath.subtract(amount, unit: unit, from: today)
      return (column, column.dayRange(start, today))
    case .before(let name, let literal), .after(let name, let literal):
      let column = try workspace.resolveColumn(name, in: table)
      let what = { if case .before = predicate.kind { return "before" } else { return "after" } }()
      try Filters.requireDate(column, name: name, what: what)
      guard case .date(let day) = literal.value else {
        preconditionFailure("the parser only allows dates here")
      }
      let mask = what == "before" ? column.dayRange(Int32.min, day - 1) : column.dayRange(day + 1, Int32.max)
      return (column, mask)
    default:
      preconditionFailure("not a leaf predicate")
    }
  }
}
