import Columnar

/// Computes a bound `derive` formula over a table in memory, one whole column at a time. The binder
/// has checked names and types; what is left to fail depends on the values (an Int that overflows, a
/// `days_since` with no day to count to).
struct ExpressionEvaluator {
  /// The table whose columns the formula names.
  let table: Table
  /// The workspace, for the rows that `case when` conditions choose, and Ctrl-C.
  let workspace: Workspace

  /// The formula's value on every row of the table.
  /// - Throws: `EvalError` for an Int result that overflows or no day for `days_since` to count to.
  /// - Complexity: O(n) per operator, function and `when`.
  func evaluate(_ formula: ColumnFormula) throws(EvalError) -> Vector {
    // Each node is a pass over every row: Ctrl-C is seen between passes, not only at the end.
    if workspace.interruption.isRequested { throw EvalError(.interrupted) }
    let n = table.rowCount
    switch formula.kind {
    case .literal(let value):
      return Vector(value, count: n)
    case .null:
      return Vector.nulls(n)
    case .column(let name):
      guard let column = table.column(named: name) else {
        throw EvalError(.unknownColumn(name, table: table.name), at: formula.range)
      }
      return try Vector(column, at: formula.range)
    case .negate(let inner):
      return try Vector.negate(evaluate(inner), text: inner.text, at: formula.range)
    case .arithmetic:
      return try chain(formula)
    case .function(let function, let arguments):
      return try call(function, arguments, at: formula.range)
    case .caseWhen(let branches, let otherwise):
      return try caseWhen(branches, otherwise: otherwise, at: formula.range)
    }
  }

  /// An operator and the operators down its left operand, one after another: a chain of thousands of
  /// terms must not recurse once per term. Right operands recurse, but only as deep as the parser's
  /// nesting limit allows.
  private func chain(_ formula: ColumnFormula) throws(EvalError) -> Vector {
    let (leftmost, spine) = formula.leftSpine
    var value = try evaluate(leftmost)
    for node in spine.reversed() {
      guard case .arithmetic(let op, let a, let b) = node.kind else { continue }
      if workspace.interruption.isRequested { throw EvalError(.interrupted) }
      value = try Vector.arithmetic(op, value, evaluate(b), texts: (a.text, b.text), at: node.range)
    }
    return value
  }

  private func caseWhen(_ branches: [FormulaBranch], otherwise: ColumnFormula?, at range: SourceRange)
    throws(EvalError) -> Vector
  {
    let n = table.rowCount
    var remaining = Bitmap(count: n, allSet: true)
    var values: [Vector] = []
    var takes: [Bitmap] = []
    var texts: [String] = []
    for branch in branches {
      // Rows where the condition is unknown fall through to the next `when`, as in SQL.
      let rows =
        try workspace.memoryRows(Relation(table: table.name, filter: branch.condition))
        ?? Bitmap(count: n, allSet: true)
      let chosen = remaining & rows
      remaining = remaining & ~chosen
      values.append(try evaluate(branch.value))
      takes.append(chosen)
      texts.append(branch.value.text)
    }
    if let otherwise {
      values.append(try evaluate(otherwise))
      takes.append(remaining)
      texts.append(otherwise.text)
    }
    let unified = try Vector.unify(values, texts: texts, what: "case", at: range)
    let parts = zip(unified, takes).map { v, take in (vector: v, take: take & v.validMask) }
    return Vector.select(parts, count: n)
  }

  /// The day `days_since(x)` counts to: `today` (`set today`, pinned by the binder), else the latest
  /// day among x's own values, as a `within` counts back from its column's latest date. Any day when
  /// x holds none: every row's answer is null then, as on a server, where the latest is null.
  func today(_ today: Int32?, latestOf x: Vector) -> Int32 {
    if let today { return today }
    var latest: Int32?
    switch x.values {
    case .date(let days):
      for row in 0..<x.count where x.isValid(row) { latest = max(latest ?? days[row], days[row]) }
    case .timestamp(let seconds):
      for row in 0..<x.count where x.isValid(row) {
        let day = CivilDate.splitTimestamp(seconds[row]).days
        latest = max(latest ?? day, day)
      }
    default: break
    }
    return latest ?? 0
  }
}

extension ColumnFormula {
  /// Where the formula stands in the command, as errors point at it.
  var range: SourceRange { SourceRange(span.lowerBound, span.upperBound) }
}
