import Columnar

/// Evaluates a `derive` expression over a table, one whole column at a time.
struct ExpressionEvaluator {
  /// The table whose columns the expression names.
  let table: Table
  /// The workspace, for segments in `case when` and for `today`.
  let workspace: Workspace

  /// The expression's value on every row of the table.
  /// - Throws: `EvalError` for unknown columns or functions (with did-you-mean), type errors naming
  ///   both types, and Int overflow.
  /// - Complexity: O(n) per operator, function and `when`.
  func evaluate(_ expression: Expression) throws(EvalError) -> Vector {
    // Each node is a pass over every row: Ctrl-C is seen between passes, not only at the end.
    if workspace.interruption.isRequested { throw EvalError(.interrupted) }
    let n = table.rowCount
    switch expression.kind {
    case .literal(let literal):
      return Vector(literal, count: n)
    case .null:
      return Vector.nulls(n)
    case .column(let name):
      return try Vector(workspace.resolveColumn(name, in: table), name: name)
    case .negate(let inner):
      return try Vector.negate(evaluate(inner), text: inner.text, at: expression.range)
    case .binary:
      return try chain(expression)
    case .call(let function, let arguments):
      return try call(function, arguments, at: expression.range)
    case .caseWhen(let clauses, let otherwise):
      return try caseWhen(clauses, otherwise: otherwise, at: expression.range)
    }
  }

  /// A binary operator and the operators down its left operand (`a + b + c` is `(a + b) + c`), one
  /// after another: a chain of thousands of terms must not recurse once per term. Right operands
  /// recurse, but only as deep as the parser's nesting limit allows.
  private func chain(_ expression: Expression) throws(EvalError) -> Vector {
    var spine: [Expression] = []
    var leftmost = expression
    while case .binary(_, let a, _) = leftmost.kind {
      spine.append(leftmost)
      leftmost = a
    }
    var value = try evaluate(leftmost)
    for node in spine.reversed() {
      guard case .binary(let op, let a, let b) = node.kind else { continue }
      if workspace.interruption.isRequested { throw EvalError(.interrupted) }
      value = try Vector.arithmetic(op, value, evaluate(b), texts: (a.text, b.text), at: node.range)
    }
    return value
  }

  private func caseWhen(_ clauses: [WhenClause], otherwise: Expression?, at range: SourceRange)
    throws(EvalError) -> Vector
  {
    let n = table.rowCount
    var remaining = Bitmap(count: n, allSet: true)
    var branches: [Vector] = []
    var takes: [Bitmap] = []
    var texts: [String] = []
    for clause in clauses {
      // Rows where the condition is unknown fall through to the next `when`, as in SQL.
      let chosen = remaining & (try workspace.members(clause.condition, on: table))
      remaining = remaining & ~chosen
      branches.append(try evaluate(clause.value))
      takes.append(chosen)
      texts.append(clause.value.text)
    }
    if let otherwise {
      branches.append(try evaluate(otherwise))
      takes.append(remaining)
      texts.append(otherwise.text)
    }
    let unified = try Vector.unify(branches, texts: texts, what: "case", at: range)
    let parts = zip(unified, takes).map { v, take in (vector: v, take: take & v.validMask) }
    return Vector.select(parts, count: n)
  }

  /// The day `days_since(x)` counts to: `set today`, else the latest day among x's own values, as a
  /// `within` counts back from its column's latest date.
  func today(latestOf x: Vector, at range: SourceRange) throws(EvalError) -> Int32 {
    if let today = workspace.settings.today { return today }
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
    guard let latest else { throw EvalError(.noToday, at: range) }
    return latest
  }
}
