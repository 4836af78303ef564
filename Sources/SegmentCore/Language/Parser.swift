/// Turns one command's source text into a `Command`.
///
/// The parser is a small recursive-descent reader over the lexer's tokens. Each grammar area lives in
/// its own `Parser+Area.swift` extension. Every failure is a `ParseError` that points at the token
/// where the command went wrong and says what was expected there.
public struct Parser {
  var tokens: [Token]
  var index = 0
  /// The command's characters, to quote a predicate as the user wrote it.
  var source: [Character] = []
  /// How many parentheses, `not`s and minus signs the parser is inside: each is a level of recursion
  /// here and in every walk of the tree, so it is bounded (`maximumDepth`).
  var depth = 0

  /// The deepest nesting a condition or an expression may have: far beyond what anyone types, and
  /// well below what exhausts the main thread's 8 MB stack in a debug build, where binding a
  /// condition takes about 8 KB a level and parsing an expression about 9 KB.
  static let maximumDepth = 256

  /// Parses one command (no `;` splitting; see `ScriptSplitter`).
  /// - Throws: `ParseError` with the source range of the offending token.
  public static func parse(_ source: String) throws(ParseError) -> Command {
    var parser = Parser(tokens: try Lexer.tokenize(source))
    parser.source = Array(source)
    let command = try parser.command()
    try parser.expectEnd()
    return command
  }

  init(tokens: [Token]) {
    self.tokens = tokens
  }

  var current: Token { tokens[index] }

  /// Enters one level of nesting of `what` ("condition", "expression") at the current token.
  /// - Throws: `ParseError.tooDeep` past `maximumDepth`; the caller leaves the level with `depth -= 1`.
  mutating func nest(_ what: String) throws(ParseError) {
    depth += 1
    guard depth <= Parser.maximumDepth else {
      throw ParseError(
        .tooDeep(what, limit: Parser.maximumDepth), at: current.range,
        hint: "split it: define a segment or derive a column for the inner part, and use its name")
    }
  }

  var atEnd: Bool { current.kind == .end }

  mutating func advance() -> Token {
    let token = tokens[index]
    if index < tokens.count - 1 { index += 1 }
    return token
  }

  /// Consumes the keyword if it is next.
  mutating func accept(_ keyword: String) -> Bool {
    guard current.isKeyword(keyword) else { return false }
    _ = advance()
    return true
  }

  /// Consumes the symbol if it is next.
  mutating func acceptSymbol(_ symbol: String) -> Bool {
    guard current.isSymbol(symbol) else { return false }
    _ = advance()
    return true
  }

  func unexpected(_ expected: String, suggestions: [String] = []) -> ParseError {
    if case .unknown(let c) = current.kind {
      return ParseError(.unexpectedCharacter(c), at: current.range, hint: "expected \(expected)")
    }
    return ParseError(
      .unexpectedToken(found: current.describedForError, expected: expected), at: current.range,
      suggestions: suggestions)
  }

  mutating func expect(_ keyword: String) throws(ParseError) {
    guard accept(keyword) else {
      let near = current.keyword.map { Suggestions.closest(to: $0, among: [keyword]) } ?? []
      throw unexpected("'\(keyword)'", suggestions: near)
    }
  }

  mutating func expectSymbol(_ symbol: String) throws(ParseError) {
    guard acceptSymbol(symbol) else { throw unexpected("'\(symbol)'") }
  }

  mutating func expectEnd() throws(ParseError) {
    guard atEnd else { throw unexpected("the end of the command") }
  }

  /// Reads a table, column or segment name: a bare word or a backtick name.
  mutating func name(_ what: String) throws(ParseError) -> Name {
    guard let text = current.identifier else { throw unexpected(what) }
    return Name(text, at: advance().range)
  }

  /// Reads a table's name: a name, or `connection.table` (and `connection.schema.table`) for a table on
  /// a connection.
  mutating func tableName(_ what: String) throws(ParseError) -> Name {
    var name = try self.name(what)
    while acceptSymbol(".") {
      let part = try self.name("the rest of the table's name after '.'")
      name = Name(name.text + "." + part.text, at: name.range.union(part.range))
    }
    return name
  }

  /// Reads a comma-separated list of names.
  mutating func nameList(_ what: String) throws(ParseError) -> [Name] {
    var names = [try name(what)]
    while acceptSymbol(",") { names.append(try name(what)) }
    return names
  }

  /// The source text of a range, as the user typed it.
  func text(of range: SourceRange) -> String {
    String(source[min(range.start, source.count)..<min(range.end, source.count)])
  }

  mutating func string(_ what: String) throws(ParseError) -> (String, SourceRange) {
    guard case .string(let s) = current.kind else { throw unexpected(what) }
    return (s, advance().range)
  }

  /// Reads a non-negative integer, naming what it is for in errors.
  mutating func count(_ what: String) throws(ParseError) -> Int {
    if current.isSymbol("-") {
      // The minus and the number it belongs to, as written.
      let next = tokens[min(index + 1, tokens.count - 1)]
      var range = current.range
      var written = "-"
      if case .integer(let n) = next.kind {
        range = SourceRange(range.start, next.range.end)
        written += String(n)
      }
      throw ParseError(.invalidValue(written, reason: "\(what) must be zero or more"), at: range)
    }
    guard case .integer(let n) = current.kind else { throw unexpected(what) }
    _ = advance()
    return Int(n)
  }

  mutating func onOff(_ what: String) throws(ParseError) -> Bool {
    if accept("on") || accept("true") || accept("yes") { return true }
    if accept("off") || accept("false") || accept("no") { return false }
    throw unexpected("on or off for \(what)")
  }

  mutating func command() throws(ParseError) -> Command {
    guard let word = current.keyword else {
      if atEnd { throw unexpected("a command") }
      throw unexpected("a command word such as 'load', 'show' or 'help'")
    }
    guard let commandWord = CommandWord(word: word) else {
      throw ParseError(
        .unknownCommand(current.text), at: current.range, hint: "type 'help' to list the commands",
        suggestions: Suggestions.closest(to: word, among: CommandRegistry.words))
    }
    _ = advance()
    switch commandWord {
    case .help:
      return .help(topic: atEnd ? nil : try name("a command name"))
    case .quit: return .quit
    case .load: return .load(try load())
    case .tables: return .tables
    case .use: return .use(try tableName("a table name"))
    case .describe: return .describe(atEnd ? nil : try tableName("a table name"))
    case .show:
      if accept("persona") { return .persona(.show(try personaName())) }
      return .show(try show())
    case .set: return .set(try setting())
    case .export:
      if accept("personas") { return .persona(try personaExport()) }
      return .export(try export())
    case .segment: return .segment(try segmentDefinition())
    case .segments: return .segments
    case .drop:
      if accept("persona") { return .persona(.drop(try personaName())) }
      guard accept("segment") else {
        let near = current.keyword.map { Suggestions.closest(to: $0, among: ["segment", "persona"]) }
        throw unexpected("'segment' or 'persona'", suggestions: near ?? [])
      }
      return .dropSegment(try name("a segment name"))
    case .count: return .count(try countCommand())
    case .stats: return .stats(try statsCommand())
    case .histogram: return .histogram(try histogramCommand())
    case .top: return .top(try topCommand())
    case .profile: return .profile(try profileCommand())
    case .compare: return .compare(try compareCommand())
    case .rank: return .rank(try rankCommand())
    case .trend: return .trend(try trendCommand())
    case .derive: return .derive(try deriveCommand())
    case .bucket: return .bucket(try bucketCommand())
    case .trait: return .trait(try traitCommand())
    case .rfm:
      if accept("from") { return .rfmFrom(try rfmFromCommand()) }
      return .rfm(try rfmCommand())
    case .group: return .group(try groupCommand())
    case .cluster: return .cluster(try clusterCommand())
    case .persona: return .persona(try personaCommand())
    case .personas: return .persona(.list)
    case .save: return .session(.save(try saveCommand()))
    case .history: return .session(.history(try historyFilter()))
    case .run:
      let (path, range) = try string("a script's file name in quotes, such as \"session.seg\"")
      return .session(.run(path: path, range: range))
    case .restore: return .session(.restore)
    case .explain: return .explain(topic: try explainTopic())
    case .lesson: return .lesson(try lessonCommand())
    case .sql: return .sql(try sqlRequest())
    case .connect: return .connect(try connectCommand())
    case .disconnect: return .disconnect(try name("a connection's name"))
    case .copy: return .copy(try copyCommand())
    case .create: return .create(try createTableCommand())
    }
  }
}
