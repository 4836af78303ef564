import Foundation
import Testing

@testable import SegmentCore

@Suite("Teaching: lesson files")
struct LessonFileTests {
  static let lessons = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Lessons").path

  static var files: [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: lessons)) ?? []).filter { $0.hasSuffix(".lesson") }
      .sorted()
  }

  @Test func thereAreAtLeastFourLessons() {
    #expect(Self.files.count >= 4)
  }

  /// Each lesson's answers, run in order in a fresh session, pass their steps.
  @Test(arguments: files)
  func everyLessonInTheRepositoryChecksClean(file: String) throws {
    let text = try String(contentsOfFile: Self.lessons + "/" + file, encoding: .utf8)
    #expect(LessonCheck.check(text).map(\.described) == [])
  }

  @Test func aGoodFileParsesIntoSteps() throws {
    let lesson = try LessonFile.parse(
      """
      # a comment
      lesson: Tiny
      summary: One step.

      step: Load
        say: First paragraph.
        say: Second paragraph.
        do: Load the sample.
        answer: load sample
        expect: table customers rows 5000
        expect: column age, city
        hint: Type load sample
        done: Good.
      step: Persona
        do: Write one.
        answer: persona "Sam" for young
        answer: age 30
        answer: end
        expect: persona for * with age
        expect: segment * = age < 30
        expect: output column index
        hint: see help persona
      """)
    #expect(lesson.title == "Tiny" && lesson.summary == "One step.")
    #expect(lesson.steps.count == 2)
    #expect(lesson.steps[0].say == ["First paragraph.", "Second paragraph."])
    #expect(
      lesson.steps[0].expectations.map(\.kind) == [
        .table("customers", rows: 5000), .columns(["age", "city"]),
      ])
    #expect(lesson.steps[0].done == "Good.")
    #expect(lesson.steps[1].answerText == "persona \"Sam\" for young\nage 30\nend")
    #expect(lesson.steps[1].answerLine == 16)
    #expect(lesson.steps[1].expectations[0].kind == .persona(segment: nil, fields: [.age]))
    guard case .segment(nil, .some, "age < 30") = lesson.steps[1].expectations[1].kind else {
      Issue.record("segment * = CONDITION read as \(lesson.steps[1].expectations[1].kind)")
      return
    }
    #expect(lesson.steps[1].expectations[2].kind == .outputColumn("index"))
  }

  @Test(arguments: [
    ("step: a\n", [0, 1], "no 'lesson: TITLE' line"),
    ("lesson: x\n", [0], "the lesson has no 'step:'"),
    ("lesson: x\nsay: too early\n", [0, 2], "belongs to a step"),
    (
      "lesson: x\nstep: s\ndo: d\nanswer: load sample\nexpect: table t\nhnt: h\n", [2, 6],
      "did you mean 'hint'?"
    ),
    ("lesson: x\nstep: s\ndo: d\nanswer: a\nexpect: segmnt b\nhint: h\n", [5], "did you mean 'segment'?"),
    (
      "lesson: x\nstep: s\ndo: d\nanswer: a\nexpect: persona for b with quot\nhint: h\n", [5],
      "not a persona field"
    ),
    ("lesson: x\nstep: s\ndo: d\nanswer: a\nexpect: segment b = age <\nhint: h\n", [5], "after 'expect:'"),
    ("lesson: x\nstep: s\nno colon here\n", [2, 3], "expected 'key: text'"),
  ])
  func badFilesNameTheirLines(text: String, lines: [Int], message: String) {
    do {
      _ = try LessonFile.parse(text)
      Issue.record("parsed a bad lesson")
    } catch {
      #expect(error.errors.map(\.line) == lines)
      #expect(error.errors.contains { $0.message.contains(message) }, "\(error.errors)")
    }
  }

  @Test func checkRunsTheAnswersAndReportsTheLineThatFails() {
    let text = """
      lesson: Wrong
      step: Load
      do: load
      answer: load sample
      expect: table customers
      hint: h
      step: Segment
      do: segment
      answer: segment big = total_spend > 500
      expect: segment big = total_spend > 600
      hint: h
      step: Broken
      do: x
      answer: segment x = agee < 3
      expect: segment x
      hint: h
      """
    let errors = LessonCheck.check(text)
    #expect(errors.map(\.line) == [10, 14])
    #expect(errors[0].message.contains("does not pass this: segment big has 973 rows; this step asks for"))
    #expect(errors[1].message.contains("no column 'agee'"))
  }

  @Test func progressRoundTripsInNameOrder() {
    var progress = LessonProgress()
    progress.standings["b-lesson"] = .step(3)
    progress.standings["a-lesson"] = .done
    #expect(progress.text.hasSuffix("a-lesson done\nb-lesson step 3\n"))
    #expect(LessonProgress(text: progress.text + "garbage\nc step x\n") == progress)
  }

  @Test func lessonNamesDropTheNumber() {
    #expect(LessonLibrary.lessonName("01-first-segments.lesson") == "first-segments")
    #expect(LessonLibrary.lessonName("my.lesson") == "my")
  }
}
