import Testing

@testable import SegmentCore

/// One predicate as typed and the text the printer gives for it; `expected` nil means the input is
/// already written the way the printer writes it.
struct PrintCase: Sendable, CustomTestStringConvertible {
  var source: String
  var expected: String?
  var testDescription: String { source }

  init(_ source: String, _ expected: String? = nil) {
    self.source = source
    self.expected = expected
  }
}

@Suite("Predicate text")
struct PredicateTextTests {
  static let cases: [PrintCase] = [
    // Every comparison.
    PrintCase("age = 18"), PrintCase("age != 18"), PrintCase("age < 18"), PrintCase("age <= 18"),
    PrintCase("age > 18"), PrintCase("age >= 18"), PrintCase("age <> 18", "age != 18"),
    PrintCase("AGE>18", "AGE > 18"),
    // Numbers.
    PrintCase("age > -3"), PrintCase("spend > 0.1"), PrintCase("spend > -2.5"), PrintCase("spend = -0.0"),
    PrintCase("spend < 0.000001"), PrintCase("spend > 100000000000000000000.0"),
    PrintCase("spend > 1.50", "spend > 1.5"), PrintCase("spend = 9223372036854775807"),
    PrintCase("spend = -9223372036854775807"),
    // Strings with quotes, backslashes and unicode.
    PrintCase(#"city = "Perth""#), PrintCase("city = 'Perth'", #"city = "Perth""#),
    PrintCase(#"name = "it's""#), PrintCase(#"name = 'say "hi"'"#),
    PrintCase(#"name = 'it\'s'"#, #"name = "it's""#),
    PrintCase(#"name = "both ' and """"#), PrintCase(#"name = 'both '' and "'"#, #"name = "both ' and """"#),
    PrintCase(#"name = "say \"hi\"""#, #"name = 'say "hi"'"#), PrintCase(#"path = "C:\data\\""#),
    PrintCase(#"path = "a\\\b""#), PrintCase(#"note = "a;b # c""#), PrintCase(#"city = "Zürich""#),
    PrintCase(#"prénom = "Zoë 🎉""#), PrintCase(#"city = """#), PrintCase("city = ''", #"city = """#),
    // Dates and Bools.
    PrintCase("joined = 2026-08-01"), PrintCase("joined > 0001-01-01"), PrintCase("opt_in = true"),
    PrintCase("opt_in != FALSE", "opt_in != false"),
    // Odd names.
    PrintCase("`Annual Income (k$)` > 50"), PrintCase(#"`first name` starts with "A""#),
    PrintCase("`and` = 1"), PrintCase("`or` is null"), PrintCase("`not`"), PrintCase("not `not`"),
    PrintCase("`NOT` = 1"), PrintCase("`then` = 1"), PrintCase("`in` = 2", "in = 2"),
    PrintCase("`in` and `by`", "in and by"), PrintCase("`age` > 1", "age > 1"), PrintCase("`2024 sales` > 0"),
    PrintCase("`a-b` = 1"), PrintCase("`` = 1"), PrintCase("`🎉 fans` = true"), PrintCase("日本 = 1"),
    PrintCase("end before 2026-01-01"), PrintCase("between between 1 and 2"), PrintCase("is is not null"),
    PrintCase("_x1 = 1"),
    // Every other form, plain and negated.
    PrintCase("age between 18 and 24"), PrintCase("age not between 18 and 24"),
    PrintCase("joined between 2026-01-01 and 2026-12-31"),
    PrintCase("AGE NOT BETWEEN 1 AND 2", "AGE not between 1 and 2"),
    PrintCase(#"city in ("Perth", "Sydney")"#), PrintCase(#"city not in ("Perth")"#),
    PrintCase("age in (1,-2 , 3.5)", "age in (1, -2, 3.5)"),
    PrintCase(#"name contains "x""#), PrintCase(#"name not contains "x""#),
    PrintCase(#"name starts with "A""#), PrintCase(#"name not starts with "A""#),
    PrintCase(#"name ends with "z""#), PrintCase(#"name not ends with "z""#),
    PrintCase("age is null"), PrintCase("age is not null"),
    PrintCase("last_seen within 3 months"), PrintCase("last_seen within 1 month"),
    PrintCase("last_seen within 1 months", "last_seen within 1 month"), PrintCase("last_seen within 90 days"),
    PrintCase("last_seen within 2 weeks"), PrintCase("last_seen within 1 year"),
    PrintCase("last_seen within 0 days"),
    PrintCase("signup before 2026-01-01"), PrintCase("signup after 2025-12-31"),
    // Segments, and/or/not with and without parentheses.
    PrintCase("vip"), PrintCase("not vip"), PrintCase("vip and not churned"), PrintCase("not not vip"),
    PrintCase("a or b and c"), PrintCase("(a or b) and c"), PrintCase("a and (b or c)"),
    PrintCase("a or (b or c)"), PrintCase("(a or b) or c", "a or b or c"), PrintCase("a and (b and c)"),
    PrintCase("(a and b) or c", "a and b or c"), PrintCase("not (a and b)"), PrintCase("not (a or b)"),
    PrintCase("not a and b"), PrintCase("not (age > 3)", "not age > 3"), PrintCase("((vip))", "vip"),
    PrintCase("a and b or c and d"), PrintCase("(a or b) and (c or d)"), PrintCase("not (a or b) and not c"),
    PrintCase("not (not a or b)"), PrintCase("a or not (b and c) or d"),
    PrintCase(
      #"(age > 18 and city = "Perth") or (vip and last_seen within 30 days)"#,
      #"age > 18 and city = "Perth" or vip and last_seen within 30 days"#),
  ]

  @Test("prints the expected text", arguments: cases)
  func printsExpectedText(_ c: PrintCase) throws {
    let predicate = try SyntaxTree.predicate(c.source)
    #expect(predicate.commandText == (c.expected ?? c.source))
  }

  @Test("reads back as the same tree", arguments: cases)
  func roundTrips(_ c: PrintCase) throws {
    try expectRoundTrip(try SyntaxTree.predicate(c.source))
  }

  /// Trees the parser makes only from parentheses, or not at all, built by hand.
  @Test func handBuiltTreesRoundTrip() throws {
    typealias T = SyntaxTree
    let a = T.predicate(.reference(T.name("a")))
    let b = T.predicate(.reference(T.name("b")))
    let c = T.predicate(.reference(T.name("c")))
    let rightOr = T.predicate(.or(a, T.predicate(.or(b, c))))
    let rightAnd = T.predicate(.and(a, T.predicate(.and(b, c))))
    #expect(rightOr.commandText == "a or (b or c)")
    #expect(rightAnd.commandText == "a and (b and c)")
    let odd = T.predicate(
      .compare(T.name("tab\there"), .equal, T.literal(.string("ends with \\"))))
    #expect(odd.commandText == "`tab\there` = \"ends with \\\\\"")
    try expectRoundTrip(odd)
    try expectRoundTrip(rightOr)
    try expectRoundTrip(rightAnd)
    try expectRoundTrip(
      T.predicate(.compare(T.name("x"), .equal, T.literal(.string("a\\\"b\\\\c\\")))))
  }

  @Test func randomTreesRoundTrip() throws {
    var generator = TreeGenerator(random: SplitMix(state: 2026))
    for _ in 0..<2_000 {
      try expectRoundTrip(generator.predicate(depth: 4))
    }
  }

  /// The text of a predicate survives the script splitter whole, so a saved session reads it back as one
  /// command (no `;`, `#` or quote is misread outside its string).
  @Test(arguments: cases)
  func splitsAsOneStatement(_ c: PrintCase) throws {
    let text = "segment s = " + (try SyntaxTree.predicate(c.source)).commandText
    #expect(ScriptSplitter.statements(in: text).map(\.text) == [text])
  }

  func expectRoundTrip(_ predicate: Predicate, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let text = predicate.commandText
    let reparsed = try SyntaxTree.predicate(text)
    #expect(reparsed.stripped == predicate.stripped, "\(text)", sourceLocation: sourceLocation)
    #expect(reparsed.commandText == text, sourceLocation: sourceLocation)
  }
}
