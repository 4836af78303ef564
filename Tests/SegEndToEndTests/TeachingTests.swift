import Foundation
import Testing

@Suite("End to end: explain, lessons and the newcomer's first minute")
struct TeachingTests {
  let state: URL

  init() throws {
    state = try SegBinary.temporaryDirectory()
  }

  var environment: [String: String] {
    [
      "XDG_STATE_HOME": state.path,
      "SEG_LESSONS": SegBinary.repositoryRoot.appendingPathComponent("Lessons").path,
    ]
  }

  @Test func explainListsTopicsAndShowsOne() throws {
    let list = try SegBinary.run(["-c", "explain"])
    #expect(list.status == 0)
    #expect(list.stdout.contains("segments-vs-personas"))
    let rfm = try SegBinary.run(["-c", "explain rfm"])
    #expect(rfm.stdout.hasPrefix("RFM: recency, frequency and monetary value\n"))
    #expect(rfm.stdout.contains("  rfm recency last_purchase_date frequency orders monetary total_spend\n"))
  }

  @Test func lessonCheckPassesTheTeachersLessonAndNamesLinesInABadOne() throws {
    let good = try SegBinary.run(
      ["-c", "lesson check \"Lessons/04-spend-per-order.lesson\""], directory: SegBinary.repositoryRoot)
    #expect(good.status == 0, "\(good.stderr)")
    #expect(good.stdout.contains("4 steps; every answer passes its step"))
    let bad = state.appendingPathComponent("bad.lesson")
    try "lesson: Bad\nstep: One\ndo: x\nanswer: load sample\nexpect: table customers\nhitn: h\n"
      .write(to: bad, atomically: true, encoding: .utf8)
    let result = try SegBinary.run(["-c", "lesson check \"\(bad.path)\""])
    #expect(result.status == 1)
    #expect(result.stderr.contains("\(bad.path):6: unknown key 'hitn': did you mean 'hint'?"))
  }

  @Test func progressIsKeptBetweenRunsInTheStateDirectory() throws {
    let first = try SegBinary.run(
      [], input: "lesson 1\nload sample\nlesson stop\n", environment: environment)
    #expect(first.stdout.contains("✓ Loaded."))
    let file = try String(contentsOf: state.appendingPathComponent("seg/lessons"), encoding: .utf8)
    #expect(file.contains("first-segments step 2"))
    let second = try SegBinary.run([], input: "lesson\nlesson 1\n", environment: environment)
    #expect(second.stdout.contains("stopped at step 2"))
    #expect(second.stdout.contains("welcome back: picking up at step 2"))
    #expect(second.stdout.contains("Step 2 of 5: A segment on one trait"))
  }

  /// Issue 20 item 6: a lesson's `load sample` failed once the learner's own customers table had
  /// clusters (replacing it would break their segments); lessons now run in a workspace of their own.
  @Test func aLessonRunsBesideTheLearnersOwnWorkAndGivesItBack() throws {
    let work = try SegBinary.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: work) }
    let input = """
      load sample customers rows 800
      cluster k=3 on income, age
      segment mine = age > 40
      lesson 1
      load sample
      segment big_spenders = total_spend > 500
      lesson stop
      segments
      save "after.seg"

      """
    let result = try SegBinary.run(["--no-init"], input: input, directory: work, environment: environment)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("replaced customers: 5,000 rows, 24 columns (sample, seed 42)"))
    #expect(result.stdout.contains("✓ Loaded."))
    #expect(result.stdout.contains("segment big_spenders: 973 rows (19.5% of customers)"))
    #expect(
      result.stdout.contains(
        "'lesson 1' picks up there; back to your own work: table customers, 4 segments, using customers"))
    // The learner's segments are back, on their 800 rows; the lesson's are gone.
    #expect(result.stdout.contains("│ mine "))
    #expect(!result.stdout.contains("│ big_spenders"))
    // Only the learner's own commands are the session's cells.
    let saved = try String(contentsOf: work.appendingPathComponent("after.seg"), encoding: .utf8)
    #expect(saved.contains("load sample customers rows 800\n"))
    #expect(!saved.contains("big_spenders"))
    #expect(!saved.contains("\nload sample\n"))
  }

  @Test func setExplainOnAddsALineToEachResult() throws {
    let result = try SegBinary.run(["-c", "load sample; set explain on; segment big = total_spend > 500"])
    #expect(
      result.stdout.hasSuffix(
        "in marketing terms: this segment is 19.5% of customers and brings 60.9% of revenue (total_spend)\n"))
  }

  @Test func helpHasALearningGroupAndATypoSuggestsTheCommand() throws {
    let help = try SegBinary.run(["-c", "help"])
    #expect(help.stdout.contains("Learning:\n  explain"))
    #expect(help.stdout.contains("e.g. lesson 1"))
    let typo = try SegBinary.run(["-c", "lesosn"])
    #expect(typo.stderr.contains("did you mean 'lesson'?"))
  }
}

@Suite(
  "Pseudo-terminal: a learner takes the first lesson",
  .enabled(if: Tmux.isInstalled, "tmux is not installed; install tmux to run the pseudo-terminal tests"))
struct InteractiveLessonTests {
  @Test func firstLessonWithOneWrongAnswer() throws {
    let shell = try Tmux()
    try shell.waitForPrompt()
    #expect(shell.screen().contains("'lesson' to learn"))
    // An empty Enter does nothing: no error, no new cell.
    shell.press("Enter")
    try shell.waitFor("a second empty prompt") { $0.lines.filter { Tmux.isEmptyPrompt($0) }.count >= 2 }
    #expect(!shell.screen().contains("error"))
    func enter(_ text: String, then what: String, _ condition: @escaping (Tmux.Screen) -> Bool) throws {
      shell.type(text)
      shell.press("Enter")
      try shell.waitFor(what) { condition($0) && Tmux.isEmptyPrompt($0.lastLine) }
    }
    try enter("lesson 1", then: "step 1") { $0.contains("Step 1 of 5: Load the sample customers") }
    try enter("load sample", then: "step 2") { $0.contains("Step 2 of 5: A segment on one trait") }
    try enter("segment big_spenders = total_spend > 50", then: "the hint") {
      $0.contains("✗ Not yet: segment big_spenders has 3,885 rows") && $0.contains("hint: The form is")
    }
    try enter("segment big_spenders = total_spend > 500", then: "step 3") { $0.contains("Step 3 of 5") }
    try enter("segment young_men = gender = \"M\" and age between 18 and 25", then: "step 4") {
      $0.contains("Step 4 of 5")
    }
    try enter("count big_spenders by loyalty_tier", then: "step 5") { $0.contains("Step 5 of 5") }
    try enter("segment young_savers = age < 30 and not big_spenders", then: "the end") {
      $0.contains("Lesson done: First segments.")
    }
    try enter("lesson", then: "the list") { $0.contains("first-segments") && $0.contains("done") }
    shell.type("quit")
    shell.press("Enter")
    #expect(try shell.waitForExit() == 0)
    let progress = try String(contentsOfFile: shell.home + "/state/seg/lessons", encoding: .utf8)
    #expect(progress.contains("first-segments done"))
  }
}
