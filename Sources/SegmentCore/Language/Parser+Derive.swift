/// The computed-column commands: `derive`, `bucket` and `trait`.
extension Parser {
  /// `derive NAME = EXPR`
  mutating func deriveCommand() throws(ParseError) -> DeriveCommand {
    let column = try name("a name for the new column")
    guard acceptSymbol("=") else {
      throw unexpected("'=' and an expression, e.g. derive \(column.text) = total_spend / orders")
    }
    if atEnd { throw unexpected("an expression, e.g. total_spend / orders") }
    return DeriveCommand(name: column, expression: try expression())
  }

  /// `bucket c into E1, E2, ... [as NAME]`
  mutating func bucketCommand() throws(ParseError) -> BucketCommand {
    let column = try name("a numeric column to cut into bands")
    try expect("into")
    var edges: [Literal] = []
    repeat {
      guard current.isSymbol("-") || isNumber(current.kind) else {
        throw unexpected("a number where a band starts, e.g. bucket age into 18, 25, 35, 50")
      }
      edges.append(try literal())
    } while acceptSymbol(",")
    var alias: Name?
    if accept("as") { alias = try name("a name for the new column") }
    return BucketCommand(column: column, edges: edges, alias: alias)
  }

  private func isNumber(_ kind: Token.Kind) -> Bool {
    switch kind {
    case .integer, .decimal: true
    default: false
    }
  }

  /// `trait NAME = AGG(EXPR) from TABLE [where P] by KEY [= SOURCE_KEY]`
  mutating func traitCommand() throws(ParseError) -> TraitCommand {
    let column = try name("a name for the trait")
    guard acceptSymbol("=") else {
      throw unexpected(
        "'=' and an aggregate, e.g. trait \(column.text) = sum(amount) from orders by customer_id")
    }
    let call = try aggregateCall()
    try expect("from")
    let source = try tableName("the table to aggregate, e.g. orders")
    var filter: Predicate?
    var key: Name?
    var sourceKey: Name?
    while !atEnd {
      if filter == nil, accept("where") {
        filter = try predicate()
      } else if key == nil, accept("by") {
        key = try name("the key column, e.g. customer_id")
        if acceptSymbol("=") { sourceKey = try name("the key column of \(source.text)") }
      } else {
        throw unexpected(key == nil ? "where or by KEY" : "the end of the command")
      }
    }
    guard let key else {
      throw unexpected("'by' and the key that joins the tables, e.g. by customer_id")
    }
    return TraitCommand(
      name: column, call: call, source: source, filter: filter, key: key, sourceKey: sourceKey)
  }

  /// `AGG(EXPR)`, `count(*)` or `count(distinct EXPR)`: one aggregate of `trait` or `group`.
  mutating func aggregateCall() throws(ParseError) -> AggregateCall {
    let start = current.range
    let spellings = TraitAggregate.spellings.map(\.0)
    guard let word = current.keyword, let found = TraitAggregate.spellings.first(where: { $0.0 == word }),
      tokens[index + 1].isSymbol("(")
    else {
      let near = current.keyword.map { Suggestions.closest(to: $0, among: spellings) } ?? []
      // A function of derive's language is a value per row, not per group: say so.
      if let word = current.keyword, tokens[min(index + 1, tokens.count - 1)].isSymbol("("),
        ExpressionBinder.functionNames.contains(word)
      {
        throw ParseError(
          .unexpectedToken(found: current.describedForError, expected: Parser.aggregateList),
          at: current.range,
          hint: "\(word) gives one value per row; put it inside an aggregate, e.g. "
            + "most_frequent(\(word)(...)), or derive it on the new table afterwards",
          suggestions: near)
      }
      throw unexpected(Parser.aggregateList, suggestions: near)
    }
    _ = advance()
    var aggregate = found.1
    try expectSymbol("(")
    var argument: Expression?
    if aggregate == .count, acceptSymbol("*") {
      aggregate = .countRows
    } else {
      if aggregate == .count, accept("distinct") { aggregate = .distinctCount }
      if current.isSymbol(")") { throw unexpected("a column or an expression of the source table") }
      argument = try expression()
    }
    guard current.isSymbol(")") else { throw unexpected("')' to close \(word)(") }
    let range = start.union(advance().range)
    if case .symbol(let s) = current.kind, ArithmeticOperator(rawValue: s) != nil {
      throw ParseError(
        .unexpectedToken(found: current.describedForError, expected: "one aggregate per column"),
        at: current.range,
        hint: "arithmetic goes inside the aggregate (sum(a * b)); to combine two aggregates, make each a "
          + "column, then derive the result on the new table")
    }
    return AggregateCall(aggregate, argument, at: range)
  }

  /// What an aggregate may be, for errors.
  static let aggregateList =
    "an aggregate: count(*), count, distinct_count, sum, mean, min, max, first, last or most_frequent"
}
