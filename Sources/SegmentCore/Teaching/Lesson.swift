/// A guided lesson read from a `.lesson` file: steps that each explain, ask, and check the result.
public struct Lesson: Sendable, Equatable {
  /// The title, from the `lesson:` line.
  public var title: String
  /// One sentence on what the learner will do, from `summary:`.
  public var summary: String
  /// The steps, in order.
  public var steps: [LessonStep]
}

/// One step of a lesson.
public struct LessonStep: Sendable, Equatable {
  /// The step's title, from its `step:` line.
  public var title: String
  /// The line the step starts on, for errors about it.
  public var line: Int
  /// Paragraphs explaining the idea, from `say:` lines.
  public var say: [String] = []
  /// What the learner is asked to do, from `do:`.
  public var task: String = ""
  /// A command entry that passes the step (its lines, from `answer:`): run by `lesson next` and by
  /// `lesson check`, and shown after a second wrong try.
  public var answer: [String] = []
  /// The line of the first `answer:`.
  public var answerLine: Int = 0
  /// What must hold after the learner's command, all of them.
  public var expectations: [LessonExpectation] = []
  /// Help after a wrong try, from `hint:` lines.
  public var hints: [String] = []
  /// What to say when the step is passed, from `done:`.
  public var done: String?

  /// The answer as one command entry, as the shell would read it.
  public var answerText: String { answer.joined(separator: "\n") }
}

/// A fact a step checks on the workspace after the learner's command: the result, never the text typed.
public struct LessonExpectation: Sendable, Equatable {
  /// What is checked.
  public enum Kind: Sendable, Equatable {
    /// `table NAME [rows N]`: a table with that name (and that many rows).
    case table(String, rows: Int?)
    /// `column a, b`: the current table has these columns.
    case columns([String])
    /// `segment NAME = CONDITION`, `segment * = CONDITION` or `segment NAME`: a segment (that name, or
    /// any) whose members are exactly the rows where the condition holds.
    case segment(name: String?, condition: Predicate?, conditionText: String)
    /// `persona for SEGMENT [with FIELD, ...]` (SEGMENT may be `*`): a persona for that segment with
    /// those fields filled.
    case persona(segment: String?, fields: [PersonaField])
    /// `output column NAME`: the command's result shows a table with that column.
    case outputColumn(String)
  }

  /// What is checked.
  public var kind: Kind
  /// The `expect:` line it was read from.
  public var line: Int

  /// True when the fact is about what the workspace holds, not about one command's output: such a
  /// step can be caught up by running its answer again.
  public var isAboutState: Bool {
    if case .outputColumn = kind { return false }
    return true
  }
}
