import Columnar
import SegmentPlan

/// `derive`'s formulas as SQL expressions that give, row for row, the values memory computes: Int
/// arithmetic in BIGINT, Doubles in double precision, null where memory divides by zero, rounding half
/// away from zero computed exactly, and days counted as seg counts them.
extension SQLCompiler {
  /// A formula as a SQL expression of its own type, or of `type` when given (an Int widened to a
  /// Double, a typeless null cast), as the branches of `case` and the arguments of `coalesce` need.
  /// - Throws: `EngineError` for what the server cannot compute exactly as memory does.
  func formula(_ f: ColumnFormula, as type: ColumnType? = nil) throws(EngineError) -> String {
    guard let own = f.type else { return null(type) }
    let sql: String
    switch f.kind {
    case .literal(let value): sql = literal(value, own)
    case .null: return null(type ?? own)
    case .column(let name): sql = own == .int || own == .double ? cast(column(name), own) : column(name)
    case .negate(let x): sql = "(- \(try formula(x)))"
    case .arithmetic: sql = try chain(f)
    case .function(let function, let arguments): sql = try call(function, arguments, own)
    case .caseWhen(let branches, let otherwise):
      var parts = ["CASE"]
      for branch in branches {
        parts.append(
          "WHEN \(try condition(branch.condition).inlined(dialect)) THEN \(try formula(branch.value, as: own))"
        )
      }
      if let otherwise { parts.append("ELSE \(try formula(otherwise, as: own))") }
      sql = (parts + ["END"]).joined(separator: " ")
    }
    if let type, type != own { return cast(sql, type) }
    return sql
  }

  private func cast(_ sql: String, _ type: ColumnType) -> String { dialect.cast(sql, type) }

  private func null(_ type: ColumnType?) -> String {
    type.map { cast("NULL", $0) } ?? "NULL"
  }

  private func literal(_ value: Value, _ type: ColumnType) -> String {
    switch value {
    case .int, .double: cast(dialect.numberLiteral(value), type)
    case .string(let s): cast(dialect.stringLiteral(s), .string)
    case .date(let days): dialect.dateLiteral(days: days)
    case .bool(let b): b ? "TRUE" : "FALSE"
    default: null(type)
    }
  }

  /// An operator and the operators down its left operand, built in a loop (see
  /// `ColumnFormula.leftSpine`).
  private func chain(_ f: ColumnFormula) throws(EngineError) -> String {
    let (leftmost, spine) = f.leftSpine
    var sql = try formula(leftmost)
    var type = leftmost.type
    for node in spine.reversed() {
      guard case .arithmetic(let op, _, let b) = node.kind else { continue }
      sql = try arithmetic(op, (sql, type), (try formula(b), b.type), node.type)
      type = node.type
    }
    return sql
  }

  /// `a op b` of the given types, giving `result` (the binder's type rules).
  private func arithmetic(
    _ op: ArithmeticOperator, _ a: (sql: String, type: ColumnType?), _ b: (sql: String, type: ColumnType?),
    _ result: ColumnType?
  ) throws(EngineError) -> String {
    // A typeless null makes every row null, of the other operand's type.
    guard a.type != nil, b.type != nil, let result else { return null(result) }
    switch (a.type, b.type) {
    case (.date, .date):
      return cast("\(dialect.dayNumber(of: a.sql)) - \(dialect.dayNumber(of: b.sql))", .int)
    case (.date, .int):
      return dialect.addDays(a.sql, b.sql, subtracting: op == .subtract)
    case (.int, .date):
      return dialect.addDays(b.sql, a.sql, subtracting: false)
    default: break
    }
    // An Int beside a Double, or under `/`, is widened; a Double is one already.
    func double(_ operand: (sql: String, type: ColumnType?)) -> String {
      operand.type == .double ? operand.sql : cast(operand.sql, .double)
    }
    let (x, y) = result == .int ? (a.sql, b.sql) : (double(a), double(b))
    switch op {
    case .add, .subtract, .multiply:
      return "(\(x) \(op.rawValue) \(y))"
    case .divide:
      return "(\(double(a)) / NULLIF(\(double(b)), 0))"
    case .remainder:
      // Memory's remainder by zero is null; by -1 it is 0, which the servers give too.
      if result == .int { return "(\(x) % NULLIF(\(y), 0))" }
      guard let sql = dialect.remainder(ofDouble: x, "NULLIF(\(y), 0)") else {
        throw EngineError(
          .unsupported(
            "\(dialect.name) cannot compute % of Double values exactly as seg does; "
              + "load the table into memory first (load NAME.TABLE as T), or use whole numbers"))
      }
      return sql
    }
  }

  private func call(_ function: FormulaFunction, _ arguments: [ColumnFormula], _ type: ColumnType)
    throws(EngineError) -> String
  {
    if function == .coalesce {
      var parts: [String] = []
      for argument in arguments { parts.append(try formula(argument, as: type)) }
      return "COALESCE(\(parts.joined(separator: ", ")))"
    }
    let argument = arguments[0]
    let x = try formula(argument)
    switch (function, argument.type) {
    case (.round(let digits), .int):
      return digits < 0 ? roundedInt(x, step: FormulaFunction.roundingScale(digits: digits)) : x
    case (.round(let digits), _):
      let s = dialect.numberLiteral(.double(Double(FormulaFunction.roundingScale(digits: digits))))
      return digits >= 0
        ? "(\(roundedAway("(\(x) * \(s))")) / \(s))" : "(\(roundedAway("(\(x) / \(s))")) * \(s))"
    case (.daysSince(let today), let t):
      let day = dialect.dayNumber(of: t == .timestamp ? dialect.day(of: x) : x)
      let from = today.map { String($0) } ?? "max(\(day)) OVER ()"
      return cast("\(from) - \(day)", .int)
    case (.year, let t):
      return dialect.year(of: t == .timestamp ? dialect.day(of: x) : x)
    case (.month, let t):
      return dialect.month(of: t == .timestamp ? dialect.day(of: x) : x)
    case (.date, .int):
      return date(fromDigits: x)
    case (.date, .timestamp):
      return dialect.day(of: x)
    case (.date, _):
      return x
    case (.lower, _): return dialect.lower(x)
    case (.upper, _): return dialect.upper(x)
    case (.length, _): return dialect.length(x)
    case (.abs, _): return "abs(\(x))"
    case (.coalesce, _): preconditionFailure("coalesce is written above")
    }
  }

  /// A whole number rounded to a multiple of `step` (a power of ten), half away from zero, as memory
  /// rounds: the remainder decides, so no intermediate sum can overflow.
  private func roundedInt(_ x: String, step: Int64) -> String {
    let r = "(\(x) % \(step))"
    let down = "(\(x) - \(r))"
    return
      "CASE WHEN \(r) >= \(step / 2) THEN \(down) + \(step) WHEN \(r) <= -\(step / 2) THEN \(down) - \(step) "
      + "ELSE \(down) END"
  }

  /// A double rounded to a whole number, half away from zero, exactly as Swift's
  /// `rounded(.toNearestOrAwayFromZero)`: the whole part plus the whole part of twice the fraction
  /// (-1, 0 or 1), both exact. From 2^52 up a double is whole already (and NaN or infinity stays).
  private func roundedAway(_ v: String) -> String {
    let whole = dialect.truncate(v)
    return
      "CASE WHEN abs(\(v)) < 4503599627370496.0 THEN \(whole) + \(dialect.truncate("2 * (\(v) - \(whole))")) "
      + "ELSE \(v) END"
  }

  /// The day a whole number written yyyymmdd stands for; null when the digits are no real date
  /// (19970230, 1997), so that a typo never becomes another day.
  private func date(fromDigits n: String) -> String {
    let year = dialect.quotient(n, "10000")
    let month = "(\(dialect.quotient(n, "100")) % 100)"
    let day = "(\(n) % 100)"
    // The first of the month plus the days: a day past the month's end lands in the next month. The
    // year and month are clamped so that no row, whatever its digits, makes the server fail; the
    // checks around it (CASE, which runs in order) decide which rows get a date.
    let first = dialect.makeDate(
      year: "GREATEST(1, LEAST(9999, \(year)))", month: "GREATEST(1, LEAST(12, \(month)))", day: "1")
    let candidate = dialect.addDays(first, "\(day) - 1", subtracting: false)
    return
      "CASE WHEN \(n) BETWEEN 10101 AND 99991231 AND \(month) BETWEEN 1 AND 12 AND \(day) BETWEEN 1 AND 31 "
      + "THEN CASE WHEN \(dialect.month(of: candidate)) = \(month) THEN \(candidate) END END"
  }
}
