/// A lesson under way in a session.
struct ActiveLesson: Sendable {
  /// The name its progress is kept under.
  var name: String
  /// Its number in the library, nil for a lesson run from a file.
  var number: Int?
  var lesson: Lesson
  /// The current step, from 0.
  var step: Int
  /// Wrong tries at the current step: the second one also shows the answer.
  var wrongTries = 0

  var current: LessonStep { lesson.steps[step] }
}

/// A session's lessons: where they come from, the one under way, and the last command's result, which
/// the step checks (and `lesson check` reads).
struct LessonState: Sendable {
  var library = LessonLibrary()
  var active: ActiveLesson?
  var lastResult: CommandResult?
  /// The learner's own workspace, set aside while lessons run in a fresh one of their own: a lesson's
  /// `load sample` must not collide with the learner's tables, and the learner's work must come back
  /// as it was. Its cells are not the session's: they are neither saved nor journaled.
  var ownWork: Workspace?
  /// The columns the learner had added to connections' tables (rfm, bucket, derive) when lessons began:
  /// a connection's engine is shared with the lesson's workspace, so what a lesson adds there is taken
  /// back with the rest of the lesson.
  var ownRecipes: [[(table: String, recipes: [ColumnRecipe])]] = []
}

extension Session {
  /// Where lessons are found and progress is kept; the front end sets it (the core reads no environment).
  public var lessonLibrary: LessonLibrary {
    get { lessons.library }
    set { lessons.library = newValue }
  }

  /// The name and step (from 1) of the lesson under way, if any.
  public var lessonUnderWay: (name: String, step: Int)? {
    lessons.active.map { ($0.name, $0.step + 1) }
  }

  /// Runs a `lesson` command; none of them becomes a cell.
  func run(_ command: LessonCommand, text: String, location: String?, into performance: inout Performance)
    -> Bool
  {
    do {
      switch command {
      case .list: emit(.table(lessonListing()), into: &performance)
      case .start(let reference): try startLesson(reference, into: &performance)
      case .next: try skipStep(into: &performance)
      case .stop: try stopLesson(into: &performance)
      case .check(let path):
        let source = try ScriptFile.read(path)
        let errors = LessonCheck.check(source)
        guard errors.isEmpty else {
          let count = errors.count == 1 ? "1 mistake" : "\(errors.count) mistakes"
          let lines = errors.map { "  " + ($0.line > 0 ? "\(path):\($0.line): " : "") + $0.message }
          let headline = Diagnostic(
            message: "\(path) has \(count)", source: nil, range: nil, hint: nil, suggestions: [],
            location: nil)
          performance.emissions.append(
            Emission(.err, headline.rendered(color: false) + lines.joined(separator: "\n") + "\n"))
          return false
        }
        let lesson = try? LessonFile.parse(source)
        let steps = lesson.map { $0.steps.count == 1 ? "1 step" : "\($0.steps.count) steps" } ?? ""
        emit(
          .message("\(path): lesson '\(lesson?.title ?? "")', \(steps); every answer passes its step"),
          into: &performance)
      }
    } catch let error as EvalError {
      return fail(Diagnostic(error, source: text, location: location), text: nil, into: &performance)
    } catch let error as SessionError {
      return fail(Diagnostic(error, source: text, location: location), text: nil, into: &performance)
    } catch {
      return false
    }
    return true
  }

  func emit(_ result: CommandResult, into performance: inout Performance) {
    let rendered = Renderer.render(result, format: .table, style: style)
    if !rendered.isEmpty { performance.emissions.append(Emission(.out, rendered)) }
  }

  func lessonListing() -> ResultTable {
    let progress = LessonProgress.load(lessons.library.progressFile)
    var rows: [[Cell]] = []
    for (index, entry) in lessons.library.entries().enumerated() {
      let lesson: Lesson
      do {
        lesson = try LessonFile.parse(try ScriptFile.read(entry.path))
      } catch {
        rows.append([
          .count(index + 1), .text(entry.name), .text("(cannot be read: lesson check it)"), .text(""),
          .text(""),
        ])
        continue
      }
      var standing: String
      switch progress.standings[entry.name] {
      case .done: standing = "done"
      case .step(let n): standing = "stopped at step \(min(n, lesson.steps.count))"
      case nil: standing = "not started"
      }
      if let active = lessons.active, active.name == entry.name {
        standing = "under way: step \(active.step + 1)"
      }
      rows.append([
        .count(index + 1), .text(entry.name), .text(lesson.title), .count(lesson.steps.count),
        .text(standing),
      ])
    }
    var footer = "type 'lesson 1' to start; 'lesson N' starts or resumes lesson N"
    if let active = lessons.active {
      footer =
        "a lesson is under way at step \(active.step + 1) of \(active.lesson.steps.count): "
        + "'lesson \(active.number.map(String.init) ?? active.name)' shows the step again, 'lesson next' skips it, "
        + "'lesson stop' leaves"
    } else if rows.isEmpty {
      footer = "no lessons found; run one from a file with lesson \"FILE.lesson\""
    }
    return ResultTable(
      columns: [
        ResultColumn("#", alignment: .right), ResultColumn("lesson"), ResultColumn("title"),
        ResultColumn("steps", alignment: .right), ResultColumn("progress"),
      ],
      rows: rows, footer: footer)
  }

  private func startLesson(_ reference: LessonReference, into performance: inout Performance) throws {
    let entries = lessons.library.entries()
    var number: Int?
    let entry: LessonEntry
    switch reference {
    case .number(let n, let range):
      guard n >= 1, n <= entries.count else {
        throw EvalError(.noLessonNumbered(n, count: entries.count), at: range)
      }
      number = n
      entry = entries[n - 1]
    case .name(let name, let range):
      guard let i = entries.firstIndex(where: { $0.name == name.lowercased() }) else {
        throw EvalError(
          .unknownLesson(name), at: range,
          suggestions: Suggestions.closest(to: name.lowercased(), among: entries.map(\.name)))
      }
      number = i + 1
      entry = entries[i]
    case .file(let path):
      let file = path.split(separator: "/").last.map(String.init) ?? path
      entry = LessonEntry(name: LessonLibrary.lessonName(file), path: path)
    }
    let lesson: Lesson
    do {
      lesson = try LessonFile.parse(try ScriptFile.read(entry.path))
    } catch let errors as LessonFileErrors {
      throw EvalError(.invalidLesson(path: entry.path, first: errors.errors.first))
    }
    if let active = lessons.active, active.name == entry.name {
      emit(.text(stepText(active)), into: &performance)
      return
    }
    let progress = LessonProgress.load(lessons.library.progressFile)
    var step = 0
    var intro =
      "Lesson \(number.map { "\($0)" } ?? entry.name): \(lesson.title) (\(lesson.steps.count) steps)"
    if !lesson.summary.isEmpty {
      intro += "\n" + ExplainCatalog.wrap(lesson.summary, width: 78).joined(separator: "\n")
    }
    switch progress.standings[entry.name] {
    case .step(let n) where n > 1 && n <= lesson.steps.count:
      step = n - 1
      intro += "\nwelcome back: picking up at step \(n)"
    case .done: intro += "\nyou finished this lesson before; here it is again from the start"
    default: break
    }
    intro +=
      "\nEvery command runs as usual and is checked against the step. 'lesson next' skips a step, "
      + "'lesson stop' leaves."
    lessons.active = nil
    // A fresh workspace for each lesson; the learner's own is set aside once, whatever lessons follow.
    if lessons.ownWork == nil {
      lessons.ownWork = workspace
      lessons.ownRecipes = workspace.connections.isEmpty ? [] : workspace.connectionRecipes()
    }
    workspace = Workspace(forLessonBeside: lessons.ownWork ?? workspace)
    intro +=
      "\nThe lesson has a workspace of its own: it starts with copies of your tables but none of your "
      + "segments or personas, and your own work comes back as it was when the lesson ends or you stop it; "
      + "what you type here is not saved with your session."
    emit(.text(intro), into: &performance)
    catchUp(lesson, before: step, into: &performance)
    let active = ActiveLesson(name: entry.name, number: number, lesson: lesson, step: step)
    lessons.active = active
    saveProgress(.step(step + 1), into: &performance)
    emit(.text("\n" + stepText(active)), into: &performance)
  }

  /// Runs the answers of earlier steps whose results are missing, so a resumed lesson can go on.
  private func catchUp(_ lesson: Lesson, before step: Int, into performance: inout Performance) {
    var ran: [String] = []
    for earlier in lesson.steps.prefix(step) {
      let missing = earlier.expectations.contains {
        $0.isAboutState && $0.unmet(in: workspace, result: nil) != nil
      }
      guard missing else { continue }
      var quiet = Performance()
      perform(earlier.answerText, origin: nil, keepGoing: false, firstLine: 1, into: &quiet)
      performance.emissions += quiet.emissions.filter { $0.stream == .err }
      ran += earlier.answer
    }
    if !ran.isEmpty {
      emit(
        .text(
          "to bring back the earlier steps' results, seg ran:\n"
            + ran.map { "  " + $0 }.joined(separator: "\n")), into: &performance)
    }
  }

  private func skipStep(into performance: inout Performance) throws {
    guard var active = lessons.active else {
      throw EvalError(.noLessonUnderWay(skipping: true))
    }
    let step = active.current
    lessons.active = nil
    let missing = step.expectations.contains {
      $0.isAboutState && $0.unmet(in: workspace, result: nil) != nil
    }
    var text = "skipped step \(active.step + 1)"
    if missing {
      text +=
        "; seg ran its answer so the next steps can go on:\n"
        + step.answer.map { "  " + $0 }.joined(separator: "\n")
      emit(.text(text), into: &performance)
      perform(step.answerText, origin: nil, keepGoing: false, firstLine: 1, into: &performance)
    } else {
      emit(.text(text), into: &performance)
    }
    active.wrongTries = 0
    lessons.active = active
    advance(into: &performance)
  }

  private func stopLesson(into performance: inout Performance) throws {
    guard let active = lessons.active else {
      throw EvalError(.noLessonUnderWay(skipping: false))
    }
    lessons.active = nil
    let resume = active.number.map { "lesson \($0)" } ?? "lesson \"FILE\""
    emit(
      .message(
        "left '\(active.lesson.title)' at step \(active.step + 1) of \(active.lesson.steps.count); "
          + "'\(resume)' picks up there; " + returnToOwnWork()),
      into: &performance)
  }

  /// Puts the learner's own workspace back after a lesson, and says what it holds.
  func returnToOwnWork() -> String {
    guard let own = lessons.ownWork else { return "" }
    workspace = own
    own.restoreConnectionRecipes(lessons.ownRecipes)
    lessons.ownWork = nil
    lessons.ownRecipes = []
    let tables = own.tables.map(\.name)
    guard !tables.isEmpty else { return "back to your own work (no tables yet)" }
    let segments = own.segments.count
    return
      "back to your own work: \(tables.count == 1 ? "table" : "tables") \(tables.joined(separator: ", "))"
      + (segments == 0 ? "" : ", \(segments) segment\(segments == 1 ? "" : "s")")
      + (own.currentTableName.map { ", using \($0)" } ?? "")
  }

  func saveProgress(_ standing: LessonProgress.Standing, into performance: inout Performance) {
    guard let active = lessons.active, let path = lessons.library.progressFile else { return }
    var progress = LessonProgress.load(path)
    // Finishing once is kept: replaying a finished lesson never makes it look unfinished.
    if progress.standings[active.name] == .done, standing != .done { return }
    progress.standings[active.name] = standing
    do {
      try progress.save(to: path)
    } catch {
      warn("lesson progress is not kept: \(error.message)", into: &performance)
    }
  }
}
