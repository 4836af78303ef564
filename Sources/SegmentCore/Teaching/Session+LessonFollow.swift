extension Session {
  /// Checks a command the learner ran against the current step: a pass moves on, a wrong try gets the
  /// hint. Commands of another kind than the step's answer (a `describe` to look around) are left alone
  /// unless they happen to pass the step.
  /// - Parameters:
  ///   - command: the parsed command, nil when it did not parse.
  ///   - text: what was typed.
  ///   - before: the workspace before the command.
  ///   - result: the command's result, nil when it failed.
  func followLesson(
    _ command: Command?, text: String, before: Workspace, result: CommandResult?,
    into performance: inout Performance
  ) {
    lessons.lastResult = result
    guard let active = lessons.active else { return }
    if let command, command.isAboutSession { return }
    let step = active.current
    let isTry: Bool
    if let command, let answer = try? Parser.parse(step.answer.first ?? "") {
      isTry = Self.kind(of: command) == Self.kind(of: answer)
    } else {
      isTry = Self.firstWord(text) == Self.firstWord(step.answer.first ?? "")
    }
    guard let result else {
      if isTry { wrongTry("that command failed (see the error above)", into: &performance) }
      return
    }
    let unmet = step.expectations.lazy.compactMap { $0.unmet(in: self.workspace, result: result) }.first
    let metBefore = step.expectations.allSatisfy { $0.unmet(in: before, result: nil) == nil }
    if unmet == nil && (isTry || !metBefore) {
      performance.emissions.append(Emission(.out, "✓ " + (step.done ?? "Right.") + "\n"))
      advance(into: &performance)
    } else if isTry {
      wrongTry(unmet ?? "this step wants something to change", into: &performance)
    }
  }

  private func wrongTry(_ reason: String, into performance: inout Performance) {
    guard var active = lessons.active else { return }
    active.wrongTries += 1
    lessons.active = active
    var lines = ["✗ Not yet: \(reason)"]
    lines += active.current.hints.map { "  hint: \($0)" }
    if active.wrongTries >= 2 {
      lines.append("  or type: " + active.current.answer.joined(separator: "\n           "))
    }
    performance.emissions.append(Emission(.out, lines.joined(separator: "\n") + "\n"))
  }

  /// Moves to the next step, or finishes the lesson after the last.
  func advance(into performance: inout Performance) {
    guard var active = lessons.active else { return }
    active.step += 1
    active.wrongTries = 0
    lessons.active = active
    if active.step >= active.lesson.steps.count {
      saveProgress(.done, into: &performance)
      lessons.active = nil
      let next = active.number.map { " Type 'lesson' to pick the next one (lesson \($0 + 1))." } ?? ""
      let back = returnToOwnWork()
      performance.emissions.append(
        Emission(.out, "\nLesson done: \(active.lesson.title).\(next)\n" + (back.isEmpty ? "" : back + "\n")))
      return
    }
    saveProgress(.step(active.step + 1), into: &performance)
    performance.emissions.append(Emission(.out, "\n" + stepText(active) + "\n"))
  }

  /// The current step as the learner reads it.
  func stepText(_ active: ActiveLesson) -> String {
    let step = active.current
    var lines = ["Step \(active.step + 1) of \(active.lesson.steps.count): \(step.title)"]
    for paragraph in step.say {
      lines += ExplainCatalog.wrap(paragraph, width: 76).map { "  " + $0 }
    }
    lines += ExplainCatalog.wrap(step.task, width: 74).enumerated().map { ($0 == 0 ? "  → " : "    ") + $1 }
    return lines.joined(separator: "\n")
  }

  /// A command's kind for comparing with a step's answer: its case name (`segment`, `persona`...).
  static func kind(of command: Command) -> String {
    let described = String(describing: command)
    return String(described.prefix { $0 != "(" })
  }

  static func firstWord(_ text: String) -> String {
    String(text.trimmingWhitespace().prefix { $0.isLetter }).lowercased()
  }
}
