/// The expression grammar of `derive`:
///
///     expr    := term (('+' | '-') term)*
///     term    := unary (('*' | '/' | '%') unary)*
///     unary   := '-' unary | primary
///     primary := number | "text" | DATE | true | false | null | '(' expr ')'
///              | case when P then expr [when P then expr]* [else expr] end
///              | function '(' [expr (',' expr)*] ')' | column
extension Parser {
  /// Reads an arithmetic expression.
  mutating func expression() throws(ParseError) -> Expression {
    try nest("expression")
    defer { depth -= 1 }
    var left = try term()
    while case .symbol(let s) = current.kind, s == "+" || s == "-" {
      _ = advance()
      let right = try term()
      left = binary(ArithmeticOperator(rawValue: s)!, left, right)
    }
    return left
  }

  private mutating func term() throws(ParseError) -> Expression {
    var left = try unary()
    while case .symbol(let s) = current.kind, s == "*" || s == "/" || s == "%" {
      _ = advance()
      let right = try unary()
      left = binary(ArithmeticOperator(rawValue: s)!, left, right)
    }
    return left
  }

  private func binary(_ op: ArithmeticOperator, _ a: Expression, _ b: Expression) -> Expression {
    let range = a.range.union(b.range)
    return Expression(.binary(op, a, b), at: range, source: source)
  }

  private mutating func unary() throws(ParseError) -> Expression {
    guard current.isSymbol("-") else { return try primary() }
    try nest("expression")
    defer { depth -= 1 }
    let start = advance().range
    let inner = try unary()
    let range = start.union(inner.range)
    // Fold `-5` into a literal so that it reads back as the number the user wrote.
    if case .literal(let literal) = inner.kind {
      switch literal.value {
      case .int(let n):
        return Expression(.literal(Literal(.int(-n), at: range)), at: range, source: source)
      case .double(let d):
        return Expression(.literal(Literal(.double(-d), at: range)), at: range, source: source)
      default: break
      }
    }
    return Expression(.negate(inner), at: range, source: source)
  }

  private mutating func primary() throws(ParseError) -> Expression {
    let start = current.range
    switch current.kind {
    case .integer, .decimal, .string, .date:
      let literal = try literal()
      return Expression(.literal(literal), at: literal.range, source: source)
    case .symbol("("):
      _ = advance()
      let inner = try expression()
      guard current.isSymbol(")") else {
        throw unexpected("')' to close the '(' at column \(start.start + 1)")
      }
      let range = start.union(advance().range)
      return Expression(inner.kind, at: range, source: source)
    case .word(let word):
      switch word.lowercased() {
      case "true", "false":
        let literal = try literal()
        return Expression(.literal(literal), at: literal.range, source: source)
      case "null":
        _ = advance()
        return Expression(.null, at: start, text: "null")
      case "case":
        return try caseExpression()
      default:
        let name = Name(word, at: advance().range)
        guard current.isSymbol("(") else {
          return Expression(.column(name), at: start, source: source)
        }
        return try call(name)
      }
    case .quotedIdentifier(let name):
      _ = advance()
      return Expression(.column(Name(name, at: start)), at: start, source: source)
    default:
      throw unexpected("a number, a column, a function such as days_since(signup_date), or '('")
    }
  }

  private mutating func call(_ function: Name) throws(ParseError) -> Expression {
    try expectSymbol("(")
    var arguments: [Expression] = []
    if !current.isSymbol(")") {
      arguments.append(try expression())
      while acceptSymbol(",") { arguments.append(try expression()) }
    }
    guard current.isSymbol(")") else { throw unexpected("',' or ')' to close \(function.text)(") }
    let range = function.range.union(advance().range)
    return Expression(.call(function, arguments), at: range, source: source)
  }

  /// `case when P then E ... [else E] end`. The predicate is read from the tokens up to its `then`, so
  /// a bare segment name works there just as in `segment`.
  private mutating func caseExpression() throws(ParseError) -> Expression {
    let start = advance().range
    var clauses: [WhenClause] = []
    var otherwise: Expression?
    guard current.isKeyword("when") else { throw unexpected("'when' after 'case'") }
    while accept("when") {
      let condition = try conditionUntilThen()
      try expect("then")
      clauses.append(WhenClause(condition: condition, value: try expression()))
    }
    if accept("else") { otherwise = try expression() }
    guard current.isKeyword("end") else {
      throw unexpected(otherwise == nil ? "when, else or end" : "'end' to close the case")
    }
    let range = start.union(advance().range)
    return Expression(.caseWhen(clauses, otherwise: otherwise), at: range, source: source)
  }

  private mutating func conditionUntilThen() throws(ParseError) -> Predicate {
    var depth = 0
    var stop = index
    while tokens[stop].kind != .end {
      if tokens[stop].isSymbol("(") { depth += 1 }
      if tokens[stop].isSymbol(")") { depth -= 1 }
      if depth == 0 && tokens[stop].isKeyword("then") { break }
      stop += 1
    }
    guard tokens[stop].isKeyword("then") else {
      if current.kind == .end || current.isKeyword("then") { throw unexpected("a condition after 'when'") }
      // Point at the `end` or `else` that came too early, when there is one.
      index = tokens[index..<stop].firstIndex { $0.isKeyword("end") || $0.isKeyword("else") } ?? stop
      throw unexpected("'then' after the condition")
    }
    if stop == index { throw unexpected("a condition after 'when'") }
    let end = Token(
      kind: .end, range: SourceRange(tokens[stop].range.start, tokens[stop].range.start), text: "")
    var inner = Parser(tokens: Array(tokens[index..<stop]) + [end])
    inner.source = source
    inner.depth = depth
    let condition = try inner.predicate()
    guard inner.atEnd else { throw inner.unexpected("'then' after the condition") }
    index = stop
    return condition
  }
}
