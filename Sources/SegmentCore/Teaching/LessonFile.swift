/// A mistake in a lesson file, with the line it is on.
public struct LessonFileError: Error, Sendable, Equatable {
  /// The 1-based line, or 0 for the file as a whole.
  public var line: Int
  /// What is wrong and what would be right: lowercase, no final period.
  public var message: String

  /// Creates an error.
  public init(line: Int, _ message: String) {
    self.line = line
    self.message = message
  }

  /// "line 7: ..." (or the message alone for the whole file).
  public var described: String { line > 0 ? "line \(line): \(message)" : message }
}

/// Every mistake found in a lesson file, in line order.
public struct LessonFileErrors: Error, Sendable, Equatable {
  /// The mistakes.
  public var errors: [LessonFileError]
}

/// Reads the line-based lesson format documented in `Lessons/README.md`:
///
/// ```
/// lesson: First segments
/// summary: Define a segment and read what it says.
/// step: Load the data
/// say: seg comes with made-up customers.
/// do: Load them.
/// answer: load sample
/// expect: table customers
/// hint: The command is: load sample
/// ```
public enum LessonFile {
  /// The keys a line may start with.
  static let keys = ["lesson", "summary", "step", "say", "do", "answer", "expect", "hint", "done"]

  /// Parses a lesson, reporting every mistake at once.
  /// - Throws: `LessonFileErrors` with the line of each mistake.
  public static func parse(_ text: String) throws(LessonFileErrors) -> Lesson {
    var errors: [LessonFileError] = []
    var title: String?
    var summary = ""
    var steps: [LessonStep] = []
    // Steps whose `expect:` lines were all wrong: their own error says so, "no expect" would be noise.
    var triedToExpect: Set<Int> = []
    for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let number = index + 1
      let line = raw.trimmingWhitespace()
      if line.isEmpty || line.hasPrefix("#") { continue }
      guard let colon = line.firstIndex(of: ":") else {
        errors.append(
          LessonFileError(line: number, "expected 'key: text', such as 'say: ...' or 'expect: ...'"))
        continue
      }
      let key = line[..<colon].trimmingWhitespace().lowercased()
      let value = line[line.index(after: colon)...].trimmingWhitespace()
      guard keys.contains(key) else {
        let near = Suggestions.closest(to: key, among: keys)
        let guess = near.first.map { ": did you mean '\($0)'?" } ?? ""
        errors.append(
          LessonFileError(
            line: number, "unknown key '\(key)'\(guess) (keys: \(keys.joined(separator: ", ")))"))
        continue
      }
      if value.isEmpty {
        errors.append(LessonFileError(line: number, "'\(key):' needs some text after it"))
        continue
      }
      switch key {
      case "lesson":
        if title != nil {
          errors.append(LessonFileError(line: number, "a file holds one lesson: 'lesson:' twice"))
        }
        title = value
      case "summary": summary = summary.isEmpty ? value : summary + " " + value
      case "step": steps.append(LessonStep(title: value, line: number))
      default:
        guard !steps.isEmpty else {
          errors.append(
            LessonFileError(line: number, "'\(key):' belongs to a step: start one with 'step: TITLE'"))
          continue
        }
        if key == "expect" { triedToExpect.insert(steps.count - 1) }
        add(key, value, line: number, to: &steps[steps.count - 1], errors: &errors)
      }
    }
    if title == nil { errors.insert(LessonFileError(line: 0, "the file has no 'lesson: TITLE' line"), at: 0) }
    if steps.isEmpty && title != nil { errors.append(LessonFileError(line: 0, "the lesson has no 'step:'")) }
    for (i, step) in steps.enumerated() {
      errors += missingParts(of: step, expectWritten: triedToExpect.contains(i))
    }
    guard errors.isEmpty, let title else {
      throw LessonFileErrors(errors: errors.sorted { $0.line < $1.line })
    }
    return Lesson(title: title, summary: summary, steps: steps)
  }

  private static func add(
    _ key: String, _ value: String, line: Int, to step: inout LessonStep, errors: inout [LessonFileError]
  ) {
    switch key {
    case "say": step.say.append(value)
    case "do": step.task = step.task.isEmpty ? value : step.task + " " + value
    case "answer":
      if step.answer.isEmpty { step.answerLine = line }
      step.answer.append(value)
    case "hint": step.hints.append(value)
    case "done": step.done = step.done.map { $0 + " " + value } ?? value
    case "expect":
      do {
        step.expectations.append(LessonExpectation(kind: try expectation(value), line: line))
      } catch {
        let guess = error.suggestions.first.map { ": did you mean '\($0)'?" } ?? ""
        errors.append(LessonFileError(line: line, "after 'expect:', " + error.message + guess))
      }
    default: break
    }
  }

  private static func missingParts(of step: LessonStep, expectWritten: Bool) -> [LessonFileError] {
    var missing: [String] = []
    if step.task.isEmpty { missing.append("'do:' (what to type)") }
    if step.answer.isEmpty { missing.append("'answer:' (a command that passes)") }
    if step.expectations.isEmpty && !expectWritten { missing.append("'expect:' (what to check)") }
    if step.hints.isEmpty { missing.append("'hint:' (help after a wrong try)") }
    guard !missing.isEmpty else { return [] }
    return [
      LessonFileError(line: step.line, "step '\(step.title)' has no " + missing.joined(separator: ", "))
    ]
  }

  /// Reads the text after `expect:`.
  static func expectation(_ text: String) throws(ParseError) -> LessonExpectation.Kind {
    var parser = Parser(tokens: try Lexer.tokenize(text))
    parser.source = Array(text)
    let kinds = "table, column, segment, persona or output column"
    guard let word = parser.current.keyword else { throw parser.unexpected(kinds) }
    _ = parser.advance()
    switch word {
    case "table":
      let name = try parser.name("a table name")
      var rows: Int?
      if parser.accept("rows") { rows = try parser.count("a number of rows") }
      try parser.expectEnd()
      return .table(name.text, rows: rows)
    case "column", "columns":
      let names = try parser.nameList("a column name")
      try parser.expectEnd()
      return .columns(names.map(\.text))
    case "segment":
      let name: String? = parser.acceptSymbol("*") ? nil : try parser.name("a segment name or *").text
      if parser.atEnd {
        guard let name else { throw parser.unexpected("'= CONDITION' after segment *") }
        return .segment(name: name, condition: nil, conditionText: "")
      }
      try parser.expectSymbol("=")
      let start = parser.current.range.start
      let condition = try parser.predicate()
      try parser.expectEnd()
      return .segment(name: name, condition: condition, conditionText: String(Array(text)[start...]))
    case "persona":
      try parser.expect("for")
      let segment: String? = parser.acceptSymbol("*") ? nil : try parser.name("a segment name or *").text
      var fields: [PersonaField] = []
      if parser.accept("with") {
        for name in try parser.nameList("a persona field such as quote") {
          guard let field = PersonaField(rawValue: name.text.lowercased()) else {
            throw ParseError(
              .invalidValue(name.text, reason: "not a persona field"), at: name.range,
              suggestions: Suggestions.closest(to: name.text, among: PersonaField.allCases.map(\.rawValue)))
          }
          fields.append(field)
        }
      }
      try parser.expectEnd()
      return .persona(segment: segment, fields: fields)
    case "output":
      try parser.expect("column")
      let name = try parser.name("a column name")
      try parser.expectEnd()
      return .outputColumn(name.text)
    default:
      throw ParseError(
        .unexpectedToken(found: "'\(word)'", expected: kinds), at: SourceRange(0, word.count),
        suggestions: Suggestions.closest(
          to: word, among: ["table", "column", "segment", "persona", "output"]))
    }
  }
}
