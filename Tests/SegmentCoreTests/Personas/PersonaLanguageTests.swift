import Testing

@testable import SegmentCore

@Suite("Persona language")
struct PersonaLanguageTests {
  /// A value line for each field, and the items it must give.
  static let samples: [PersonaField: (line: String, items: [String])] = [
    .name: ("name \"Sarah Jones\"", ["Sarah Jones"]),
    .age: ("age 32", ["32"]),
    .gender: ("gender F", ["F"]),
    .location: ("location \"Leeds, UK\"", ["Leeds, UK"]),
    .job: ("job Marketing manager", ["Marketing manager"]),
    .industry: ("industry software", ["software"]),
    .education: ("education \"master's degree\"", ["master's degree"]),
    .income: ("income 58,000 a year", ["58,000 a year"]),
    .family: ("family \"married, two children\"", ["married, two children"]),
    .bio: ("bio \"Runs a team of six.\"", ["Runs a team of six."]),
    .quote: ("quote 'It has to just work.'", ["It has to just work."]),
    .goals: ("goals \"Streamline the workflow\", \"Prove ROI\"", ["Streamline the workflow", "Prove ROI"]),
    .motivations: ("motivations recognition, time with family", ["recognition", "time with family"]),
    .pains: ("pains \"Too many tools\"", ["Too many tools"]),
    .objections: ("objections \"Too expensive\", \"Another login\"", ["Too expensive", "Another login"]),
    .triggers: ("triggers \"End of quarter\"", ["End of quarter"]),
    .channels: ("channels email, linkedin", ["email", "linkedin"]),
    .device: ("device desktop", ["desktop"]),
    .interests: ("interests travel, cooking", ["travel", "cooking"]),
    .habits: ("habits \"buys monthly\"", ["buys monthly"]),
    .traits: ("traits \"higher MntWines\", Plan premium", ["higher MntWines", "Plan premium"]),
    .tech: ("tech HIGH", ["high"]),
    .websites: ("websites hbr.org, \"news.ycombinator.com\"", ["hbr.org", "news.ycombinator.com"]),
    .brands: ("brands Apple, Patagonia", ["Apple", "Patagonia"]),
  ]

  static func block(_ lines: [String]) -> String {
    (["persona \"Sarah\" for busy"] + lines.map { "  " + $0 } + ["end"]).joined(separator: "\n")
  }

  @Test(arguments: PersonaField.allCases)
  func everyFieldParsesInABlockAndWithSet(_ field: PersonaField) throws {
    let sample = try #require(Self.samples[field])
    guard case .persona(.define(_, _, let entries)) = try Parser.parse(Self.block([sample.line])) else {
      Issue.record("not a persona block")
      return
    }
    #expect(entries.map(\.field) == [field])
    #expect(entries.first?.items == sample.items)
    guard case .persona(.set(let name, let entry)) = try Parser.parse("persona Sarah set \(sample.line)")
    else {
      Issue.record("not a set")
      return
    }
    #expect(name.text == "Sarah")
    #expect(entry.items == sample.items)
  }

  @Test(arguments: [
    ("pain_points", PersonaField.pains), ("frustrations", .pains), ("job_title", .job),
    ("buying_triggers", .triggers), ("preferred_channels", .channels), ("tech_savviness", .tech),
    ("favourite_websites", .websites), ("favorite_brands", .brands), ("AGE", .age),
  ])
  func aliasesNameTheirField(_ word: String, _ field: PersonaField) {
    #expect(PersonaField.named(word) == field)
  }

  @Test func aBlockKeepsEveryLineAndListsAccumulate() throws {
    let text = Self.block(["age 32", "goals \"a\"", "", "goals \"b\", c", "tech 4"])
    guard case .persona(.define(let name, let segment, let entries)) = try Parser.parse(text) else {
      Issue.record("not a block")
      return
    }
    #expect(name.text == "Sarah")
    #expect(segment.text == "busy")
    #expect(entries.map(\.field) == [.age, .goals, .goals, .tech])
    #expect(entries[2].items == ["b", "c"])
  }

  @Test func anUnknownFieldPointsAtItsLineWithDidYouMean() {
    let text = Self.block(["age 32", "agee 33"])
    #expect {
      try Parser.parse(text)
    } throws: { error in
      guard let error = error as? ParseError else { return false }
      let diagnostic = Diagnostic(error, source: text, location: "p.seg:10").rendered(color: false)
      return error.suggestions == ["age"]
        && diagnostic.hasPrefix(
          "p.seg:12: error: expected a persona field, found 'agee'\n    agee 33\n    ^^^^\n")
        && diagnostic.contains("did you mean 'age'?")
    }
  }

  @Test(arguments: [
    ("persona \"S\" for x\n  age 3", "the persona block for S is not finished"),
    ("persona \"S\" for x\n  age 3\n  age 4\nend", "age: is given twice in this block"),
    ("persona \"S\" for x\n  tech 9\nend", "9: tech savviness is 1 to 5, or low, medium or high"),
    ("persona \"S\" for x\n  age thirty\nend", "expected an age in whole years, e.g. age 32, found 'thirty'"),
    ("persona \"S\" for x\n  age\nend", "expected a value for age, found nothing"),
    ("persona \"S\" for x\nend\nage 3", "expected nothing after the block's 'end', found 'age'"),
    (
      "persona \"S\" for x age 3",
      "expected the end of the line: the fields go on the lines below, then a line 'end', found 'age'"
    ),
    ("persona S add quote \"hi\"", "quote: holds one value, so there is nothing to add to"),
    ("persona \"\" set age 3", "\"\": a persona needs a name"),
    ("persona S set segment", "expected a segment name, e.g. persona Maya set segment young, found the end of the command"),
    (
      "persona S fro x",
      "expected 'for SEGMENT' to start a block, 'set FIELD VALUE' or 'add FIELD VALUE', found 'fro'"
    ),
  ])
  func mistakesSayWhatWouldBeRight(_ source: String, _ message: String) {
    #expect {
      try Parser.parse(source)
    } throws: { error in
      (error as? ParseError)?.message == message
    }
  }

  @Test func otherPersonaCommandsParse() throws {
    #expect(try Parser.parse("personas") == .persona(.list))
    guard case .persona(.draft(let segment, nil)) = try Parser.parse("persona draft for young") else {
      Issue.record("not a draft")
      return
    }
    #expect(segment.text == "young")
    guard case .persona(.draft(_, let alias?)) = try Parser.parse("persona draft for young as \"Zoe K\"")
    else {
      Issue.record("not a named draft")
      return
    }
    #expect(alias.text == "Zoe K")
    guard case .persona(.show(let shown)) = try Parser.parse("show persona \"Zoe K\"") else {
      Issue.record("not a show persona")
      return
    }
    #expect(shown.text == "Zoe K")
    guard case .persona(.drop(let dropped)) = try Parser.parse("drop persona zoe") else {
      Issue.record("not a drop persona")
      return
    }
    #expect(dropped.text == "zoe")
    guard
      case .persona(.export(let path, _, true)) = try Parser.parse("export personas to \"p.json\" replace")
    else {
      Issue.record("not an export")
      return
    }
    #expect(path == "p.json")
    // A persona named draft is written in quotes; a table named personas in backticks.
    guard case .persona(.set(let draft, _)) = try Parser.parse("persona draft set age 3") else {
      Issue.record("a persona named draft")
      return
    }
    #expect(draft.text == "draft")
    guard case .persona(.bind(let bound, let segment)) = try Parser.parse("persona \"Zoe K\" set segment young")
    else {
      Issue.record("persona set segment")
      return
    }
    #expect(bound.text == "Zoe K" && segment.text == "young")
    guard case .export(let export) = try Parser.parse("export `personas` to \"p.csv\"") else {
      Issue.record("a table named personas")
      return
    }
    #expect(export.source.text == "personas")
  }
}
