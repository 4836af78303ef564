import Columnar

/// Binds a `derive` (or `trait`) expression to one table's schema: every column resolved (with
/// did-you-mean), every condition bound, every node typed. The one place an expression's type
/// mistakes are found, for every engine, in the order the user reads them (left to right).
struct ExpressionBinder {
  let workspace: Workspace
  let table: TableSchema

  /// Every function name, for help and did-you-mean.
  static let functionNames = [
    "abs", "coalesce", "date", "days_since", "length", "lower", "month", "round", "upper", "year",
  ]

  /// The formula an expression stands for on `table`.
  /// - Throws: `EvalError` for unknown columns or functions, a list column, a wrong number of
  ///   arguments, and operand types that do not fit (naming the operand and its type).
  func bind(_ expression: Expression) throws(EvalError) -> ColumnFormula {
    switch expression.kind {
    case .literal(let literal):
      let (value, type) = Self.value(of: literal)
      return node(.literal(value), type, expression)
    case .null:
      return node(.null, nil, expression)
    case .column(let name):
      let column = try Binder(workspace: workspace, table: table).column(name)
      guard column.type != .list else {
        throw EvalError(.listNotAllowed(column: column.name, in: .expression), at: name.range)
      }
      return node(.column(column.name), column.type, expression)
    case .negate(let inner):
      let x = try bind(inner)
      switch x.type {
      case .int, .double, nil: return node(.negate(x), x.type, expression)
      case let type?:
        throw EvalError(
          .wrongType(command: "-", wants: .number, value: inner.text, type: type.displayName),
          at: expression.range)
      }
    case .binary:
      return try chain(expression)
    case .call(let function, let arguments):
      return try call(function, arguments, expression)
    case .caseWhen(let clauses, let otherwise):
      let binder = Binder(workspace: workspace, table: table)
      var branches: [FormulaBranch] = []
      for clause in clauses {
        let condition = try binder.bind(clause.condition)
        branches.append(FormulaBranch(condition: condition, value: try bind(clause.value)))
      }
      let other = try otherwise.map { e throws(EvalError) in try bind(e) }
      let values = branches.map(\.value) + (other.map { [$0] } ?? [])
      let type = try Self.commonType(values, what: "case", at: expression.range)
      return node(.caseWhen(branches, otherwise: other), type, expression)
    }
  }

  /// An operator and the operators down its left operand, one after another (see
  /// `ColumnFormula.leftSpine`).
  private func chain(_ expression: Expression) throws(EvalError) -> ColumnFormula {
    var spine: [Expression] = []
    var leftmost = expression
    while case .binary(_, let a, _) = leftmost.kind {
      spine.append(leftmost)
      leftmost = a
    }
    var value = try bind(leftmost)
    for e in spine.reversed() {
      guard case .binary(let op, let a, let b) = e.kind else { continue }
      let right = try bind(b)
      let type = try Self.arithmeticType(op, value.type, right.type, texts: (a.text, b.text), at: e.range)
      value = node(.arithmetic(op, value, right), type, e)
    }
    return value
  }

  private func call(_ function: Name, _ arguments: [Expression], _ expression: Expression)
    throws(EvalError) -> ColumnFormula
  {
    let range = expression.range
    let name = function.text.lowercased()
    guard Self.functionNames.contains(name) else {
      throw EvalError(
        .unknownFunction(function.text), at: function.range,
        suggestions: Suggestions.closest(to: function.text, among: Self.functionNames))
    }
    func arity(_ takes: EvalError.Arity) -> EvalError {
      EvalError(.wrongArgumentCount(function: name, takes: takes), at: range)
    }
    if name == "coalesce" {
      guard !arguments.isEmpty else { throw arity(.oneOrMore) }
      var values: [ColumnFormula] = []
      for argument in arguments { values.append(try bind(argument)) }
      let type = try Self.commonType(values, what: "coalesce", at: range)
      return node(.function(.coalesce, values), type, expression)
    }
    if name == "round" {
      guard arguments.count == 1 || arguments.count == 2 else { throw arity(.numberAndDigits) }
      var digits = 0
      if arguments.count == 2 {
        guard case .literal(let literal) = arguments[1].kind, case .int(let d) = literal.value, abs(d) <= 15
        else { throw EvalError(.roundDigits, at: arguments[1].range) }
        digits = Int(d)
      }
      let x = try bind(arguments[0])
      switch x.type {
      case .int, .double, nil: return node(.function(.round(digits: digits), [x]), x.type, expression)
      case let type?:
        throw EvalError(
          .wrongType(command: "round", wants: .number, value: arguments[0].text, type: type.displayName),
          at: arguments[0].range)
      }
    }
    guard arguments.count == 1 else { throw arity(.one) }
    let argument = arguments[0]
    let x = try bind(argument)
    // A typeless null stays one, whatever the function.
    guard let type = x.type else {
      return node(.function(try Self.function(name, today: nil), [x]), nil, expression)
    }
    func wrong(_ needs: EvalError.Wanted) -> EvalError {
      EvalError(
        .wrongType(command: name, wants: needs, value: argument.text, type: type.displayName),
        at: argument.range)
    }
    let result: ColumnType
    switch (name, type) {
    case ("days_since", .date), ("days_since", .timestamp), ("year", .date), ("year", .timestamp),
      ("month", .date), ("month", .timestamp):
      result = .int
    case ("days_since", _), ("year", _), ("month", _): throw wrong(.date)
    case ("date", .int), ("date", .date), ("date", .timestamp): result = .date
    case ("date", _): throw wrong(.yyyymmdd)
    case ("lower", .string), ("upper", .string): result = .string
    case ("length", .string): result = .int
    case ("lower", _), ("upper", _), ("length", _): throw wrong(.text)
    case ("abs", .int), ("abs", .double): result = type
    default: throw wrong(.number)
    }
    let today = workspace.settings.today
    return node(.function(try Self.function(name, today: today), [x]), result, expression)
  }

  private static func function(_ name: String, today: Int32?) throws(EvalError) -> FormulaFunction {
    switch name {
    case "abs": return .abs
    case "date": return .date
    case "days_since": return .daysSince(today: today)
    case "length": return .length
    case "lower": return .lower
    case "upper": return .upper
    case "year": return .year
    case "month": return .month
    default: preconditionFailure("coalesce and round are bound before, and every other name is checked")
    }
  }

  private func node(_ kind: ColumnFormula.Kind, _ type: ColumnType?, _ expression: Expression)
    -> ColumnFormula
  {
    let span = expression.range.start..<expression.range.end
    if let source = expression.sourceCharacters {
      return ColumnFormula(kind, type: type, source: source, span: span)
    }
    return ColumnFormula(kind, type: type, text: expression.text, span: span)
  }

  /// A literal as a value, with its type.
  static func value(of literal: Literal) -> (Value, ColumnType) {
    switch literal.value {
    case .int(let n): (.int(n), .int)
    case .double(let d): (.double(d), .double)
    case .string(let s): (.string(s), .string)
    case .date(let d): (.date(d), .date)
    case .bool(let b): (.bool(b), .bool)
    }
  }

  /// The type of `a op b`, or the error that names the operand that does not fit. A typeless null
  /// takes the other operand's type, as in SQL (`age + null` is a null Int).
  static func arithmeticType(
    _ op: ArithmeticOperator, _ a: ColumnType?, _ b: ColumnType?, texts: @autoclosure () -> (String, String),
    at range: SourceRange
  ) throws(EvalError) -> ColumnType? {
    func numericOrNull(_ t: ColumnType?) -> Bool { t == nil || t == .int || t == .double }
    switch (a, b) {
    case (.int, .int): return op == .divide ? .double : .int
    case (.date, .date) where op == .subtract: return .int
    case (.date, .int) where op == .add || op == .subtract: return .date
    case (.int, .date) where op == .add: return .date
    case (nil, _) where numericOrNull(b) || b == .date: return b
    case (_, nil) where numericOrNull(a) || a == .date: return a
    default:
      guard numericOrNull(a), numericOrNull(b) else {
        let bad = numericOrNull(a) ? (texts().1, b) : (texts().0, a)
        throw EvalError(
          .wrongType(command: op.rawValue, wants: .numbers, value: bad.0, type: bad.1?.displayName ?? "null"),
          at: range)
      }
      return .double
    }
  }

  /// The one type that `case` branches or `coalesce` arguments share: Int with Double gives Double, and
  /// the typeless null takes the others' type (nil when all are null).
  static func commonType(_ values: [ColumnFormula], what: String, at range: SourceRange)
    throws(EvalError) -> ColumnType?
  {
    let typed = values.filter { $0.type != nil }
    guard let first = typed.first, let firstType = first.type else { return nil }
    let types = Set(typed.compactMap(\.type))
    if types.count == 1 { return firstType }
    if types == [.int, .double] { return .double }
    let other = typed.first { $0.type != firstType }!
    throw EvalError(
      .mixedTypes(
        command: what, first: first.text, firstType: firstType.displayName, second: other.text,
        secondType: other.type!.displayName), at: range)
  }
}
