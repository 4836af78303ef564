extension Parser {
  /// `save "x.seg" [with output] [replace]`, `save notebook "x.md" [replace]` or
  /// `save report "x.html" [replace]`.
  mutating func saveCommand() throws(ParseError) -> SaveCommand {
    let stated: SaveForm? = accept("notebook") ? .notebook : accept("report") ? .report : nil
    let (path, range) = try string("a file name in quotes, such as \"session.seg\"")
    let form = stated ?? SaveForm.implied(by: path)
    var command = SaveCommand(
      path: path, range: range, form: form, withOutput: form != .script, replace: false)
    while !atEnd {
      if accept("with") {
        try expect("output")
        command.withOutput = true
      } else if accept("replace") {
        command.replace = true
      } else {
        let near = current.keyword.map { Suggestions.closest(to: $0, among: ["with", "replace"]) } ?? []
        throw unexpected("'with output', 'replace' or the end of the command", suggestions: near)
      }
    }
    return command
  }

  /// `history`, `history 5`, `history 5-9` or `history grep TEXT`.
  mutating func historyFilter() throws(ParseError) -> HistoryFilter {
    if atEnd { return .all }
    if accept("grep") {
      if case .string(let text) = current.kind {
        _ = advance()
        return .grep(text)
      }
      guard !atEnd else { throw unexpected("the text to look for") }
      // Bare words, as typed after grep in a shell: everything to the end of the command.
      let start = current.range.start
      while !atEnd { _ = advance() }
      return .grep(text(of: SourceRange(start, tokens[index - 1].range.end)))
    }
    guard case .integer = current.kind else {
      throw unexpected("a cell number, a range such as 5-9, or grep TEXT")
    }
    let firstRange = current.range
    let first = try count("a cell number")
    var last = first
    if acceptSymbol("-") { last = try count("the last cell number") }
    guard first <= last else {
      throw ParseError(
        .invalidValue("\(first)-\(last)", reason: "a range goes from the lower number to the higher"),
        at: SourceRange(firstRange.start, tokens[index - 1].range.end))
    }
    return .cells(first...last)
  }
}
