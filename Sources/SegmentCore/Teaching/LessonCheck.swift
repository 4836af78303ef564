/// Validates a lesson file: its format, then every step's answer run in a fresh session, in order, on
/// the sample data the lesson loads, checked against the step's expectations.
public enum LessonCheck {
  /// Every mistake in the lesson, with its line; empty when the lesson is sound.
  /// - Complexity: runs each answer once; a lesson on the 5,000-row sample takes well under a second.
  public static func check(_ text: String) -> [LessonFileError] {
    let lesson: Lesson
    do {
      lesson = try LessonFile.parse(text)
    } catch {
      return error.errors
    }
    var errors: [LessonFileError] = []
    let session = Session()
    for (index, step) in lesson.steps.enumerated() {
      let before = session.workspace
      let performance = session.perform(step.answerText)
      if performance.failed {
        let message =
          performance.emissions.first { $0.stream == .err }?.text
          .split(separator: "\n").first.map(String.init) ?? "error"
        errors.append(
          LessonFileError(line: step.answerLine, "the answer of step \(index + 1) fails: \(message)"))
        break
      }
      if let answer = try? Parser.parse(step.answer.first ?? ""), answer.isAboutSession {
        errors.append(
          LessonFileError(
            line: step.answerLine,
            "the answer of step \(index + 1) is about the session; a step needs a command that works on the data"
          ))
      }
      for expectation in step.expectations {
        if let unmet = expectation.unmet(in: session.workspace, result: session.lessons.lastResult) {
          errors.append(
            LessonFileError(
              line: expectation.line, "the answer of step \(index + 1) does not pass this: \(unmet)"))
        }
      }
      let alreadyMet = step.expectations.allSatisfy { $0.unmet(in: before, result: nil) == nil }
      if alreadyMet {
        errors.append(
          LessonFileError(
            line: step.line,
            "step \(index + 1) passes before its answer runs: expect something the step changes"))
      }
    }
    return errors
  }
}
