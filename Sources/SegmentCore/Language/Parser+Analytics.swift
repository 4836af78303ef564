extension Parser {
  /// `profile SEG [vs SEG] [all | columns a, b]`
  mutating func profileCommand() throws(ParseError) -> ProfileCommand {
    var command = ProfileCommand(segment: try name("a segment name"))
    let clauses = ["vs", "all", "columns"]
    while !atEnd {
      if command.base == nil, accept("vs") || accept("versus") {
        command.base = try name("a segment to compare with")
      } else if command.columns == nil, !command.includesAll, accept("all") {
        command.includesAll = true
      } else if command.columns == nil, !command.includesAll, accept("columns") {
        command.columns = try nameList("a column name")
      } else {
        throw unexpected(
          command.columns == nil && !command.includesAll ? "vs SEGMENT, all, or columns a, b" : "vs SEGMENT",
          suggestions: current.keyword.map { Suggestions.closest(to: $0, among: clauses) } ?? [])
      }
    }
    return command
  }

  /// `compare A, B[, C]`
  mutating func compareCommand() throws(ParseError) -> [Name] {
    let first = try name("a segment name")
    guard acceptSymbol(",") else { throw unexpected("',' and a second segment to compare with") }
    var names = [first, try name("a second segment name")]
    while acceptSymbol(",") {
      let extra = try name("a third segment name")
      guard names.count < 3 else {
        throw ParseError(
          .invalidValue(extra.text, reason: "compare takes two or three segments"), at: extra.range)
      }
      names.append(extra)
    }
    return names
  }

  /// `rank segments by AGG(c)`, `AGG` one of sum, mean (avg), median, count; `count(*)` or a bare
  /// `count` counts rows.
  mutating func rankCommand() throws(ParseError) -> RankCommand {
    try expect("segments")
    try expect("by")
    guard let word = current.keyword else { throw unexpected("an aggregate such as sum(total_spend)") }
    guard let aggregate = RankAggregate(word: word) else {
      throw ParseError(
        .unexpectedToken(
          found: current.describedForError, expected: "sum, mean, median or count, e.g. sum(total_spend)"),
        at: current.range,
        suggestions: Suggestions.closest(to: word, among: RankAggregate.allCases.map(\.rawValue)))
    }
    let aggregateRange = advance().range
    guard acceptSymbol("(") else {
      if aggregate == .count && atEnd {
        return RankCommand(aggregate: .count, column: nil, range: aggregateRange)
      }
      throw unexpected("'(' and a column, e.g. \(aggregate.rawValue)(total_spend)")
    }
    var column: Name?
    if aggregate == .count, acceptSymbol("*") || current.isSymbol(")") {
      column = nil
    } else {
      column = try name("a column name")
    }
    try expectSymbol(")")
    return RankCommand(aggregate: aggregate, column: column, range: aggregateRange)
  }

  /// `trend SEG by week|month|quarter|year of c`
  mutating func trendCommand() throws(ParseError) -> TrendCommand {
    let source = try name("a segment or table name")
    try expect("by")
    let periods = TrendPeriod.allCases.map(\.rawValue)
    guard let word = current.keyword, let period = TrendPeriod(rawValue: word) else {
      throw unexpected(
        "week, month, quarter or year",
        suggestions: current.keyword.map { Suggestions.closest(to: $0, among: periods) } ?? [])
    }
    _ = advance()
    try expect("of")
    return TrendCommand(source: source, period: period, column: try name("a date column"))
  }
}
