/// A parsed `lesson` command.
public enum LessonCommand: Sendable, Equatable {
  /// `lesson`: the lessons with the learner's progress.
  case list
  /// `lesson N`, `lesson NAME` or `lesson "FILE.lesson"`: start or resume one.
  case start(LessonReference)
  /// `lesson next`: skip the current step.
  case next
  /// `lesson stop`: leave the lesson; its progress is kept.
  case stop
  /// `lesson check "FILE.lesson"`: validate a teacher's lesson file.
  case check(path: String)
}

/// Which lesson `lesson ...` means.
public enum LessonReference: Sendable, Equatable {
  /// Its number in the `lesson` list, from 1.
  case number(Int, range: SourceRange)
  /// Its name (the file name without the number and `.lesson`), such as `first-segments`.
  case name(String, range: SourceRange)
  /// A lesson file outside the library.
  case file(String)
}

extension Parser {
  /// `explain [TOPIC]`, where a topic may be written with hyphens or spaces: `computed-traits`,
  /// `computed traits`.
  mutating func explainTopic() throws(ParseError) -> Name? {
    if atEnd { return nil }
    if case .string(let text) = current.kind { return Name(text, at: advance().range) }
    var words = [try name("a topic such as segments, rfm or personas")]
    while !atEnd {
      _ = acceptSymbol("-")
      words.append(try name("the rest of the topic's name"))
    }
    let range = words[0].range.union(words[words.count - 1].range)
    return Name(words.map(\.text).joined(separator: "-"), at: range)
  }

  mutating func lessonCommand() throws(ParseError) -> LessonCommand {
    if atEnd { return .list }
    if accept("next") || accept("skip") { return .next }
    if accept("stop") { return .stop }
    if accept("check") {
      let (path, _) = try string("a lesson file's name in quotes, such as \"Lessons/my.lesson\"")
      return .check(path: path)
    }
    if case .integer(let n) = current.kind {
      return .start(.number(Int(n), range: advance().range))
    }
    if case .string(let path) = current.kind {
      _ = advance()
      return .start(.file(path))
    }
    guard current.identifier != nil else {
      throw unexpected("a lesson's number, or next, stop or check \"FILE\"")
    }
    let first = try name("a lesson name")
    var text = first.text
    var range = first.range
    while acceptSymbol("-") {
      let part = try name("the rest of the lesson's name")
      text += "-" + part.text
      range = range.union(part.range)
    }
    return .start(.name(text, range: range))
  }
}
