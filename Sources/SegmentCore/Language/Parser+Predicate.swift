extension Parser {
  /// Words that end a predicate inside a larger command (`show ... where P sort by c`).
  static let predicateStops: Set<String> = [
    "sort", "limit", "by", "columns", "in", "as", "bins", "into", "with", "replace", "date", "amount",
    "order",
  ]

  /// Reads a predicate: `or` binds loosest, then `and`, then `not`.
  mutating func predicate() throws(ParseError) -> Predicate {
    try nest("condition")
    defer { depth -= 1 }
    var left = try conjunction()
    while current.isKeyword("or") {
      _ = advance()
      let right = try conjunction()
      left = Predicate(.or(left, right), at: left.range.union(right.range))
    }
    return left
  }

  mutating func conjunction() throws(ParseError) -> Predicate {
    var left = try negation()
    while current.isKeyword("and") {
      _ = advance()
      let right = try negation()
      left = Predicate(.and(left, right), at: left.range.union(right.range))
    }
    return left
  }

  mutating func negation() throws(ParseError) -> Predicate {
    if current.isKeyword("not") {
      try nest("condition")
      defer { depth -= 1 }
      let start = advance().range
      let inner = try negation()
      return Predicate(.not(inner), at: start.union(inner.range))
    }
    if current.isSymbol("(") {
      let open = advance().range
      let inner = try predicate()
      guard current.isSymbol(")") else {
        throw unexpected("')' to close the '(' at column \(open.start + 1)")
      }
      let close = advance().range
      return Predicate(inner.kind, at: open.union(close))
    }
    return try condition()
  }

  mutating func condition() throws(ParseError) -> Predicate {
    guard current.identifier != nil, !current.isKeyword("and"), !current.isKeyword("or") else {
      throw unexpected("a column or segment name")
    }
    let column = try name("a column or segment name")
    func done(_ kind: Predicate.Kind) -> Predicate {
      Predicate(kind, at: column.range.union(tokens[index - 1].range))
    }
    if case .symbol(let s) = current.kind, let op = ComparisonOperator(rawValue: s) {
      _ = advance()
      return done(.compare(column, op, try literal()))
    }
    let negated = accept("not")
    if accept("between") {
      let low = try literal()
      try expect("and")
      return done(.between(column, low, try literal(), negated: negated))
    }
    if accept("in") {
      try expectSymbol("(")
      var items = [try literal()]
      while acceptSymbol(",") { items.append(try literal()) }
      try expectSymbol(")")
      return done(.oneOf(column, items, negated: negated))
    }
    if accept("contains") { return done(.text(column, .contains, try textLiteral(), negated: negated)) }
    if accept("starts") {
      try expect("with")
      return done(.text(column, .startsWith, try textLiteral(), negated: negated))
    }
    if accept("ends") {
      try expect("with")
      return done(.text(column, .endsWith, try textLiteral(), negated: negated))
    }
    if negated { throw unexpected("between, in, contains, starts with or ends with after 'not'") }
    if accept("is") {
      let isNot = accept("not")
      try expect("null")
      return done(.isNull(column, negated: isNot))
    }
    if accept("within") {
      let amount = try count("a number of days, weeks, months or years")
      guard let word = current.keyword,
        let unit = DurationUnit.allCases.first(where: {
          $0.rawValue == word || $0.rawValue.dropLast() == word
        })
      else {
        throw unexpected(
          "days, weeks, months or years",
          suggestions: current.keyword.map {
            Suggestions.closest(to: $0, among: DurationUnit.allCases.map(\.rawValue))
          } ?? [])
      }
      _ = advance()
      return done(.within(column, amount: amount, unit: unit))
    }
    if accept("before") { return done(.before(column, try dateLiteral())) }
    if accept("after") { return done(.after(column, try dateLiteral())) }
    if atEnd || current.isKeyword("and") || current.isKeyword("or") || current.isSymbol(")")
      || current.keyword.map(Parser.predicateStops.contains) == true
    {
      return Predicate(.reference(column), at: column.range)
    }
    let words = [
      "between", "in", "contains", "starts", "ends", "is", "within", "before", "after", "and", "or",
    ]
    throw unexpected(
      "a comparison (= != < <= > >=), between, in, contains, starts with, ends with, is null, within, "
        + "before or after",
      suggestions: current.keyword.map { Suggestions.closest(to: $0, among: words) } ?? [])
  }

  /// Reads a literal value; a leading `-` makes a negative number.
  mutating func literal() throws(ParseError) -> Literal {
    let start = current.range
    if current.isSymbol("-") {
      _ = advance()
      switch current.kind {
      case .integer(let n): return Literal(.int(-n), at: start.union(advance().range))
      case .decimal(let d): return Literal(.double(-d), at: start.union(advance().range))
      default: throw unexpected("a number after '-'")
      }
    }
    switch current.kind {
    case .integer(let n): return Literal(.int(n), at: advance().range)
    case .decimal(let d): return Literal(.double(d), at: advance().range)
    case .string(let s): return Literal(.string(s), at: advance().range)
    case .date(let d): return Literal(.date(d), at: advance().range)
    case .word(let w) where ["true", "false"].contains(w.lowercased()):
      return Literal(.bool(w.lowercased() == "true"), at: advance().range)
    case .word(let w) where w.lowercased() == "null":
      throw ParseError(
        .unexpectedToken(found: "null", expected: "a value"), at: current.range,
        hint: "test for nulls with 'is null' or 'is not null'")
    case .word:
      throw ParseError(
        .unexpectedToken(found: current.describedForError, expected: "a value"), at: current.range,
        hint: "put text in quotes: \"\(current.text)\"")
    default:
      throw unexpected("a value (a number, \"text\", a date such as 2026-08-01, true or false)")
    }
  }

  mutating func textLiteral() throws(ParseError) -> Literal {
    guard case .string = current.kind else { throw unexpected("text in quotes") }
    return try literal()
  }

  mutating func dateLiteral() throws(ParseError) -> Literal {
    guard case .date = current.kind else { throw unexpected("a date such as 2026-08-01") }
    return try literal()
  }
}
