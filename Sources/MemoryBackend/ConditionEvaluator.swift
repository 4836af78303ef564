import Columnar
import SegmentPlan

/// Evaluates bound conditions over one table with Columnar's vectorised filters, in SQL's three-valued
/// logic. Conditions arrive checked against the schema, so nothing here can fail.
struct ConditionEvaluator {
  let table: Table
  let version: UInt64
  let cache: SelectionCache

  /// The rows where `condition` is true.
  func members(_ condition: Condition) -> Bitmap {
    evaluate(condition).isTrue
  }

  /// A segment's members, remembered for the table's version: a segment is computed once until its
  /// table changes (DESIGN §6). Ad-hoc filters are not remembered, so a repeated query costs what the
  /// first did and benchmarks measure work, not the cache.
  private func segmentMembers(_ definition: Condition) -> Bitmap {
    if let known = cache.selection(definition, version: version) { return known }
    let rows = evaluate(definition).isTrue
    cache.store(rows, for: definition, version: version)
    return rows
  }

  /// An `and`/`or` and those down its left operand, in a loop: a chain of thousands of clauses must
  /// not recurse once per clause.
  private func chain(_ condition: Condition) -> Truth {
    let (leftmost, spine) = condition.leftSpine
    var truth = evaluate(leftmost)
    for node in spine.reversed() {
      switch node {
      case .and(_, let b): truth = truth && evaluate(b)
      case .or(_, let b): truth = truth || evaluate(b)
      default: break
      }
    }
    return truth
  }

  func evaluate(_ condition: Condition) -> Truth {
    switch condition {
    case .and, .or: return chain(condition)
    case .not(let c): return !evaluate(c)
    case .segment(_, let definition): return Truth.certain(segmentMembers(definition))
    case .frozen(_, let rows): return Truth.certain(rows)
    case .isNull(let name, let negated):
      let column = self.column(name)
      return Truth.certain(negated ? column.validMask : ~column.validMask)
    case .isTrue(let name):
      let column = self.column(name)
      return Truth(isTrue: column.boolEquals(true), isKnown: column.validity)
    case .compare(let name, let op, let value):
      let column = self.column(name)
      if op == .notEqual {
        let equal = Filters.compare(column, .equal, value)
        return Truth(isTrue: column.validity.map { $0 & ~equal } ?? ~equal, isKnown: column.validity)
      }
      return Truth(isTrue: Filters.compare(column, op, value), isKnown: column.validity)
    case .between(let name, let low, let high, let negated):
      let column = self.column(name)
      return truth(Filters.between(column, low, high), of: column, negated: negated)
    case .oneOf(let name, let values, let negated):
      let column = self.column(name)
      return truth(Filters.oneOf(column, values), of: column, negated: negated)
    case .text(let name, let match, let needle, let negated):
      let column = self.column(name)
      return truth(Filters.text(column, match, needle), of: column, negated: negated)
    case .dayRange(let name, let from, let through):
      let column = self.column(name)
      let rows = column.dayRange(from ?? Int32.min, through ?? Int32.max)
      return Truth(isTrue: rows, isKnown: column.validity)
    }
  }

  /// A test's truth: unknown where the column is null (the filters never set a null row).
  private func truth(_ mask: Bitmap, of column: Column, negated: Bool) -> Truth {
    guard negated else { return Truth(isTrue: mask, isKnown: column.validity) }
    return Truth(isTrue: column.validity.map { $0 & ~mask } ?? ~mask, isKnown: column.validity)
  }

  private func column(_ name: String) -> Column {
    guard let column = table.column(named: name) else {
      preconditionFailure("condition names column \(name), which \(table.name) lacks: bind it first")
    }
    return column
  }
}
