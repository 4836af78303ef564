import Foundation
import Testing

@testable import SegmentCore

@Suite("Teaching: running a lesson")
struct LessonRunnerTests {
  let state: String
  let session: Session

  init() throws {
    state = NSTemporaryDirectory() + "seg-lessons-\(UUID().uuidString)"
    session = Session()
    session.lessonLibrary = LessonLibrary(
      directories: [LessonFileTests.lessons], progressFile: state + "/seg/lessons")
  }

  func out(_ p: Performance) -> String { p.emissions.map(\.text).joined() }

  func progress() -> String { (try? String(contentsOfFile: state + "/seg/lessons", encoding: .utf8)) ?? "" }

  @Test func aLearnerGoesThroughTheFirstLessonWithOneWrongAnswer() {
    let start = out(session.perform("lesson 1"))
    #expect(start.contains("Lesson 1: First segments (5 steps)"))
    #expect(start.contains("Step 1 of 5: Load the sample customers"))
    #expect(out(session.perform("load sample")).contains("✓ Loaded."))
    // Looking around is not a wrong try.
    let look = out(session.perform("describe"))
    #expect(!look.contains("Not yet") && !look.contains("✓"))
    let wrong = out(session.perform("segment big_spenders = total_spend > 50"))
    #expect(wrong.contains("✗ Not yet: segment big_spenders has 3,885 rows; this step asks for 973 rows"))
    #expect(wrong.contains("hint: The form is: segment NAME = CONDITION."))
    #expect(!wrong.contains("or type:"))
    // The membership is checked, not the text: an equivalent condition passes.
    #expect(out(session.perform("segment big_spenders = not (total_spend <= 500)")).contains("Step 3 of 5"))
    #expect(progress().contains("first-segments step 3"))
    #expect(
      out(session.perform("segment young_men = age between 18 and 25 and gender = \"M\"")).contains("Step 4"))
    #expect(out(session.perform("count big_spenders by loyalty_tier")).contains("Step 5 of 5"))
    let last = out(session.perform("segment young_savers = age < 30 and not big_spenders"))
    #expect(last.contains("Lesson done: First segments."))
    #expect(progress().contains("first-segments done"))
    #expect(session.lessonUnderWay == nil)
    // Lesson commands are about the session: never cells.
    #expect(!session.cells.contains { $0.hasPrefix("lesson") })
    #expect(out(session.perform("lesson")).contains("│ 1 │ first-segments         │ First segments"))
  }

  @Test func aSecondWrongTryShowsTheAnswerAndAFailedCommandCounts() {
    _ = session.perform("lesson first-segments; load sample")
    let failed = session.perform("segment big_spenders = total_spendd > 500")
    #expect(out(failed).contains("✗ Not yet: that command failed"))
    let second = out(session.perform("segment big_spenders = total_spend > 5000"))
    #expect(second.contains("or type: segment big_spenders = total_spend > 500"))
  }

  @Test func progressSurvivesANewSessionWhichCatchesUp() throws {
    _ = session.perform("lesson 1; load sample; segment big_spenders = total_spend > 500; lesson stop")
    #expect(progress().contains("first-segments step 3"))
    let next = Session()
    next.lessonLibrary = session.lessonLibrary
    let resumed = out(next.perform("lesson 1"))
    #expect(resumed.contains("welcome back: picking up at step 3"))
    #expect(resumed.contains("seg ran:\n  load sample\n  segment big_spenders = total_spend > 500"))
    #expect(try next.workspace.segment(named: "big_spenders").map { try next.workspace.size(of: $0) } == 973)
    #expect(
      out(next.perform("segment young_men = gender = \"M\" and age between 18 and 25")).contains("Step 4"))
  }

  @Test func nextSkipsByRunningTheAnswerAndStopNeedsALesson() {
    #expect(session.perform("lesson next").failed)
    _ = session.perform("lesson 3")
    let skipped = out(session.perform("lesson next"))
    #expect(skipped.contains("skipped step 1; seg ran its answer"))
    #expect(session.workspace.table(named: "customers") != nil)
    #expect(session.lessonUnderWay?.step == 2)
    _ = session.perform("lesson stop")
    #expect(session.lessonUnderWay == nil)
    #expect(session.perform("lesson stop").failed)
  }

  @Test func unknownLessonsSayWhatExists() {
    let p = session.perform("lesson 9")
    #expect(p.failed && out(p).contains("no lesson 9: they are numbered 1 to"))
    let q = session.perform("lesson first-segment")
    #expect(out(q).contains("did you mean 'first-segments'?"))
  }

  @Test func aLessonFileOutsideTheLibraryRuns() throws {
    let path = state + "-tiny.lesson"
    try """
    lesson: Tiny
    step: Young
    do: Define a segment of customers under 30, any name.
    answer: segment young = age < 30
    expect: segment * = age < 30
    hint: age < 30
    """.write(toFile: path, atomically: true, encoding: .utf8)
    _ = session.perform("load sample")
    #expect(out(session.perform("lesson \"\(path)\"")).contains("Step 1 of 1: Young"))
    #expect(out(session.perform("segment under30 = age <= 29")).contains("Lesson done: Tiny."))
  }
}
