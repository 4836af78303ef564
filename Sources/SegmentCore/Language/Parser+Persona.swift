/// Persona commands (DESIGN §4): a block of `FIELD VALUE` lines between `persona "NAME" for SEG` and
/// `end`, `persona draft for SEG`, and the one-line edits `set` and `add`.
///
/// A block is one command whose text holds its lines (`ScriptSplitter` keeps them together); the
/// lexer drops newlines, so the parser tells the lines apart by where each token stands.
extension Parser {
  mutating func personaCommand() throws(ParseError) -> PersonaCommand {
    // `draft` is a word, not a reserved one: a persona named draft is written "draft".
    if current.isKeyword("draft"), tokens[min(index + 1, tokens.count - 1)].isKeyword("for") {
      _ = advance()
      _ = advance()
      let segment = try name("a segment name, e.g. persona draft for young_men")
      var alias: Name?
      if accept("as") { alias = try personaName() }
      return .draft(segment: segment, name: alias)
    }
    let persona = try personaName()
    if accept("for") { return try personaBlock(persona) }
    if accept("set") {
      // `segment` is no field: it says which segment the persona stands for.
      if accept("segment") {
        return .bind(persona: persona, segment: try name("a segment name, e.g. persona Maya set segment young"))
      }
      return .set(persona: persona, entry: try personaEntry(onLine: nil))
    }
    if accept("add") {
      let entry = try personaEntry(onLine: nil)
      guard entry.field.shape == .list else {
        throw ParseError(
          .invalidValue(entry.field.rawValue, reason: "holds one value, so there is nothing to add to"),
          at: entry.range,
          hint:
            "replace it with 'persona \(personaNameForCommand(persona.text)) set \(entry.field.rawValue) …'")
      }
      return .add(persona: persona, entry: entry)
    }
    throw unexpected(
      "'for SEGMENT' to start a block, 'set FIELD VALUE' or 'add FIELD VALUE'",
      suggestions: current.keyword.map { Suggestions.closest(to: $0, among: ["for", "set", "add"]) } ?? [])
  }

  /// A persona's name: a quoted string (any text) or a bare word.
  mutating func personaName() throws(ParseError) -> Name {
    if case .string(let text) = current.kind {
      guard !text.trimmingWhitespace().isEmpty else {
        throw ParseError(.invalidValue("\"\"", reason: "a persona needs a name"), at: current.range)
      }
      return Name(text, at: advance().range)
    }
    return try name("a persona name, e.g. \"Sarah\"")
  }

  /// `export personas to "FILE" [replace]`, after `export personas`.
  mutating func personaExport() throws(ParseError) -> PersonaCommand {
    try expect("to")
    let (path, range) = try string("a file name in quotes, ending in .md or .json")
    return .export(path: path, range: range, replace: accept("replace"))
  }

  private mutating func personaBlock(_ persona: Name) throws(ParseError) -> PersonaCommand {
    let segment = try name("a segment name")
    let header = line(of: segment.range.start)
    if !atEnd, line(of: current.range.start) == header {
      throw unexpected("the end of the line: the fields go on the lines below, then a line 'end'")
    }
    var entries: [PersonaEntry] = []
    while !atEnd {
      let row = line(of: current.range.start)
      if current.isKeyword("end") {
        _ = advance()
        if !atEnd {
          throw unexpected(
            line(of: current.range.start) == row ? "nothing after 'end'" : "nothing after the block's 'end'")
        }
        return .define(name: persona, segment: segment, entries: entries)
      }
      let entry = try personaEntry(onLine: row)
      if entry.field.shape != .list, entries.contains(where: { $0.field == entry.field }) {
        throw ParseError(
          .invalidValue(entry.field.rawValue, reason: "is given twice in this block"), at: entry.range,
          hint: "keep one \(entry.field.rawValue) line")
      }
      entries.append(entry)
    }
    throw ParseError(
      .unfinishedBlock("the persona block for \(persona.text)"), at: persona.range,
      hint: "end it with a line that says 'end'")
  }

  /// `FIELD VALUE`: on one line of a block (`row`), or to the end of the command when `row` is nil.
  private mutating func personaEntry(onLine row: Int?) throws(ParseError) -> PersonaEntry {
    let fieldToken = current
    guard let word = current.keyword, let field = PersonaField.named(word) else {
      if atEnd { throw unexpected("a persona field such as age, job, quote or goals") }
      let fields = PersonaField.allCases.map(\.rawValue).joined(separator: ", ")
      throw ParseError(
        .unexpectedToken(found: current.describedForError, expected: "a persona field"), at: current.range,
        hint: "the fields are \(fields)" + (row == nil ? "" : "; a line 'end' closes the block"),
        suggestions: current.identifier.map { Suggestions.closest(to: $0, among: PersonaField.words) } ?? [])
    }
    _ = advance()
    var values: [Token] = []
    while !atEnd, row == nil || line(of: current.range.start) == row { values.append(advance()) }
    guard let last = values.last else {
      throw ParseError(
        .unexpectedToken(found: "nothing", expected: "a value for \(field.rawValue)"), at: fieldToken.range,
        hint: "write it after the field, e.g. \(Parser.personaExample(field))")
    }
    let range = fieldToken.range.union(last.range)
    return PersonaEntry(field: field, items: try personaItems(field, values, range: range), range: range)
  }

  private func personaItems(_ field: PersonaField, _ values: [Token], range: SourceRange) throws(ParseError)
    -> [String]
  {
    let valueRange = values[0].range.union(values[values.count - 1].range)
    switch field.shape {
    case .years:
      guard values.count == 1, case .integer(let years) = values[0].kind else {
        throw ParseError(
          .unexpectedToken(
            found: "'\(text(of: valueRange))'", expected: "an age in whole years, e.g. age 32"),
          at: valueRange)
      }
      guard years <= 120 else {
        throw ParseError(.invalidValue(String(years), reason: "an age is 0 to 120 years"), at: valueRange)
      }
      return [String(years)]
    case .level:
      if values.count == 1, case .integer(let n) = values[0].kind, (1...5).contains(n) { return [String(n)] }
      if values.count == 1, let word = values[0].keyword, ["low", "medium", "high"].contains(word) {
        return [word]
      }
      throw ParseError(
        .invalidValue(text(of: valueRange), reason: "tech savviness is 1 to 5, or low, medium or high"),
        at: valueRange)
    case .text:
      return [try personaText(values)]
    case .list:
      var items: [String] = []
      var item: [Token] = []
      var comma = SourceRange(range.end, range.end)
      // A comma after the last value closes the last item, as each comma closes the one before it.
      for token in values + [Token(kind: .symbol(","), range: comma, text: ",")] {
        guard token.isSymbol(",") else {
          item.append(token)
          continue
        }
        guard !item.isEmpty else {
          throw ParseError(
            .unexpectedToken(found: "','", expected: "an item between commas"),
            at: token.range.start == range.end ? comma : token.range, hint: "lists are written a, b, c")
        }
        items.append(try personaText(item))
        item = []
        comma = token.range
      }
      return items
    }
  }

  /// One piece of text: a quoted string, or bare words as typed.
  private func personaText(_ values: [Token]) throws(ParseError) -> String {
    if values.count == 1, case .string(let s) = values[0].kind {
      guard !s.trimmingWhitespace().isEmpty else {
        throw ParseError(.invalidValue("\"\"", reason: "a value cannot be empty"), at: values[0].range)
      }
      return s
    }
    for token in values {
      if case .string = token.kind {
        throw ParseError(
          .unexpectedToken(found: token.describedForError, expected: "one value"), at: token.range,
          hint: "put the whole value in one pair of quotes")
      }
    }
    return text(of: values[0].range.union(values[values.count - 1].range))
  }

  /// The 0-based line of the command's text that a character offset stands on.
  func line(of offset: Int) -> Int {
    var n = 0
    for c in source[0..<min(offset, source.count)] where c.isNewline { n += 1 }
    return n
  }

  /// A line that sets `field`, for hints.
  static func personaExample(_ field: PersonaField) -> String {
    switch field.shape {
    case .years: return "age 32"
    case .level: return "tech high"
    case .list: return "\(field.rawValue) \"first\", \"second\""
    case .text: return "\(field.rawValue) \"...\""
    }
  }
}
