extension Parser {
  mutating func segmentDefinition() throws(ParseError) -> SegmentDefinition {
    let segmentName = try name("a name for the segment")
    guard acceptSymbol("=") else {
      throw unexpected("'=' and a condition, e.g. segment \(segmentName.text) = age < 30")
    }
    if atEnd { throw unexpected("a condition, e.g. age between 18 and 25") }
    let predicate = try predicate()
    var snapshot = false
    if accept("as") {
      try expect("of")
      try expect("snapshot")
      snapshot = true
    }
    return SegmentDefinition(
      name: segmentName, predicate: predicate, definition: text(of: predicate.range), snapshot: snapshot)
  }

  /// `[NAME] [where P]` at the start of commands that read rows.
  mutating func rowSource(stops: Set<String>) throws(ParseError) -> RowSource {
    var source = RowSource()
    if let word = current.identifier, case .word = current.kind, !stops.contains(word.lowercased()),
      word.lowercased() != "where"
    {
      source.name = try tableName("a table or segment name")
    } else if case .quotedIdentifier = current.kind {
      source.name = try tableName("a table or segment name")
    }
    if accept("where") { source.filter = try predicate() }
    return source
  }

  /// `in SEG` after a command's columns.
  mutating func inSegment(into source: inout RowSource) throws(ParseError) {
    if accept("in") { source.name = try name("a segment name") }
    if accept("where") { source.filter = try predicate() }
  }

  mutating func countCommand() throws(ParseError) -> CountCommand {
    var source = try rowSource(stops: ["by"])
    var groups: [Name] = []
    if accept("by") { groups = try nameList("a column to group by") }
    if source.filter == nil, accept("where") { source.filter = try predicate() }
    return CountCommand(source: source, groups: groups)
  }

  mutating func statsCommand() throws(ParseError) -> StatsCommand {
    let columns = try nameList("a numeric column")
    var source = RowSource()
    try inSegment(into: &source)
    var group: Name?
    if accept("by") { group = try name("a column to group by") }
    if source.filter == nil, source.name == nil { try inSegment(into: &source) }
    return StatsCommand(columns: columns, source: source, group: group)
  }

  mutating func histogramCommand() throws(ParseError) -> HistogramCommand {
    let column = try name("a column")
    var source = RowSource()
    try inSegment(into: &source)
    var bins: Int?
    if accept("bins") {
      let n = try count("a number of bins")
      guard (1...100).contains(n) else {
        throw ParseError(
          .invalidValue(String(n), reason: "bins must be between 1 and 100"), at: tokens[index - 1].range)
      }
      bins = n
    }
    return HistogramCommand(column: column, source: source, bins: bins)
  }

  mutating func topCommand() throws(ParseError) -> TopCommand {
    let n = try count("how many rows, e.g. top 10 by total_spend")
    try expect("by")
    let column = try name("a column to rank by")
    var source = RowSource()
    try inSegment(into: &source)
    var columns: [Name]?
    if accept("columns") { columns = try nameList("a column name") }
    return TopCommand(count: n, column: column, source: source, columns: columns)
  }
}
