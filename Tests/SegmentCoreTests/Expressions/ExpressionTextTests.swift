import Testing

@testable import SegmentCore

@Suite("Expression text")
struct ExpressionTextTests {
  static let cases: [PrintCase] = [
    // Literals and null.
    PrintCase("42"), PrintCase("-42"), PrintCase("0.1"), PrintCase("-2.5"), PrintCase("1.50", "1.5"),
    PrintCase("100000000000000000000.0"), PrintCase("0.0000001"), PrintCase(#""it's""#),
    PrintCase(#"'say "hi"'"#), PrintCase(#""both ' and """"#), PrintCase(#""Zoë 🎉""#),
    PrintCase("2026-08-01"),
    PrintCase("true"), PrintCase("False", "false"), PrintCase("null"), PrintCase("NULL", "null"),
    // Columns, plain and odd.
    PrintCase("age"), PrintCase("`Annual Income (k$)`"), PrintCase("`first name` * 2"), PrintCase("`true`"),
    PrintCase("`null`"), PrintCase("`case`"), PrintCase("`and`"), PrintCase("`in`", "in"),
    PrintCase("`2024 sales` + 1"), PrintCase("prénom"), PrintCase("end"), PrintCase("`` + 1"),
    // Arithmetic and its grouping.
    PrintCase("a + b"), PrintCase("a - b"), PrintCase("a * b"), PrintCase("a / b"), PrintCase("a % b"),
    PrintCase("a+b*c", "a + b * c"), PrintCase("(a + b) * c"), PrintCase("a - (b - c)"),
    PrintCase("(a - b) - c", "a - b - c"), PrintCase("a / (b * c)"), PrintCase("a * b / c"),
    PrintCase("a % (b % c)"), PrintCase("(a * b) + (c / d)", "a * b + c / d"), PrintCase("((a))", "a"),
    PrintCase("-a"), PrintCase("-(a + b)"), PrintCase("-a * b"), PrintCase("-(a * b)"),
    PrintCase("- -a", "-(-a)"),
    PrintCase("a - -5"), PrintCase("a * -b"), PrintCase("-5 * a"), PrintCase("-(5)", "-5"),
    PrintCase("- -5", "5"),
    PrintCase("a - -0.5"), PrintCase("(-a) * b", "-a * b"),
    // Functions.
    PrintCase("lower(name)"), PrintCase("now()"), PrintCase("round(spend / orders, 2)"),
    PrintCase("coalesce(a, b, null)"), PrintCase("days_since(signup_date) / 365"),
    PrintCase("ROUND( a+1 )", "ROUND(a + 1)"), PrintCase("-abs(a)"), PrintCase("abs(-a) * 2"),
    // case when, with predicates inside.
    PrintCase(#"case when age < 18 then "minor" else "adult" end"#),
    PrintCase(#"case when vip then 1 when churned then -1 end"#),
    PrintCase(
      #"case when a or b and not c then x + 1 else (case when d then 2 end) * 3 end"#,
      #"case when a or b and not c then x + 1 else case when d then 2 end * 3 end"#),
    PrintCase(#"case when `then` = 1 then `then` end"#),
    PrintCase(#"case when city in ("Perth", "then") then end else when end"#),
    PrintCase(#"case when (a or b) and c then 1 end"#),
    PrintCase(#"case when last_seen within 3 months then "active" end"#),
    PrintCase(
      #"CASE WHEN x NOT BETWEEN 1 AND 2 THEN 0 ELSE 1 END"#,
      #"case when x not between 1 and 2 then 0 else 1 end"#),
    PrintCase("1 + case when a then 2 end"),
  ]

  @Test("prints the expected text", arguments: cases)
  func printsExpectedText(_ c: PrintCase) throws {
    let expression = try SyntaxTree.expression(c.source)
    #expect(expression.commandText == (c.expected ?? c.source))
  }

  @Test("reads back as the same tree", arguments: cases)
  func roundTrips(_ c: PrintCase) throws {
    try expectRoundTrip(try SyntaxTree.expression(c.source))
  }

  /// Right-nested operators come only from parentheses; built by hand they must get them back.
  @Test func handBuiltTreesRoundTrip() throws {
    typealias T = SyntaxTree
    let a = T.expression(.column(T.name("a")))
    let b = T.expression(.column(T.name("b")))
    let c = T.expression(.column(T.name("c")))
    for op in ArithmeticOperator.allCases {
      for inner in ArithmeticOperator.allCases {
        try expectRoundTrip(T.expression(.binary(op, a, T.expression(.binary(inner, b, c)))))
        try expectRoundTrip(T.expression(.binary(op, T.expression(.binary(inner, a, b)), c)))
      }
    }
    let sum = T.expression(.binary(.add, a, T.expression(.binary(.add, b, c))))
    #expect(sum.commandText == "a + (b + c)")
    try expectRoundTrip(T.expression(.negate(T.expression(.negate(a)))))
  }

  @Test func randomTreesRoundTrip() throws {
    var generator = TreeGenerator(random: SplitMix(state: 7))
    for _ in 0..<2_000 {
      try expectRoundTrip(generator.expression(depth: 4))
    }
  }

  /// Doubles come back bit for bit, through the lexer and the parser, including -0.0, the smallest
  /// subnormal, the largest finite value and numbers Swift writes with an exponent.
  @Test func doublesReadBackExactly() throws {
    var random = SplitMix(state: 42)
    var values: [Double] = [
      0, -0.0, 0.1, 0.2, 1.0 / 3, 1e20, 1e-7, 1e15, 1e16, 123_456_789.125, 5e-324, 2.2250738585072014e-308,
      .greatestFiniteMagnitude, -.greatestFiniteMagnitude, .infinity, -.infinity, .pi,
    ]
    while values.count < 3_000 {
      let d = Double(bitPattern: random.next())
      if d.isFinite { values.append(d) }
    }
    for d in values {
      let text = Literal.doubleText(d)
      #expect(!text.contains("e"), "\(text)")
      let expression = try SyntaxTree.expression(text)
      guard case .literal(let literal) = expression.kind, case .double(let back) = literal.value else {
        Issue.record("\(text) did not read back as a Double")
        continue
      }
      #expect(back.bitPattern == d.bitPattern, "\(d) printed as \(text) read back as \(back)")
    }
  }

  @Test(arguments: [
    (0.1, "0.1"), (-2.5, "-2.5"), (1e20, "100000000000000000000.0"), (1e-7, "0.0000001"), (100, "100.0"),
    (-0.0, "-0.0"), (1.5e-5, "0.000015"), (1.25e17, "125000000000000000.0"),
  ])
  func doubleTexts(value: Double, text: String) {
    #expect(Literal.doubleText(value) == text)
  }

  @Test(arguments: [
    ("", #""""#), ("it's", #""it's""#), (#"say "hi""#, #"'say "hi"'"#),
    (#"both ' and ""#, #""both ' and """"#),
    (#"C:\data"#, #""C:\data""#), (#"C:\data\"#, #""C:\data\\""#), (#"\""#, #"'\"'"#), (#"\\"#, #""\\\\""#),
    (#"\'"#, #""\'""#),
  ])
  func stringTexts(value: String, text: String) throws {
    #expect(Literal.quoted(value) == text)
    let expression = try SyntaxTree.expression(text)
    #expect(expression.kind == .literal(Literal(.string(value), at: expression.range)))
  }

  /// A name that needs no backticks has none; every other name gets them.
  @Test(arguments: [
    ("age", "age"), ("_x1", "_x1"), ("prénom", "prénom"), ("日本", "日本"),
    ("Annual Income (k$)", "`Annual Income (k$)`"),
    ("2024", "`2024`"), ("a-b", "`a-b`"), ("", "``"), ("and", "`and`"), ("Or", "`Or`"), ("NOT", "`NOT`"),
    ("then", "`then`"), ("true", "`true`"), ("null", "`null`"), ("case", "`case`"), ("in", "in"),
    ("🎉", "`🎉`"),
  ])
  func nameTexts(name: String, text: String) {
    #expect(Name.commandText(for: name) == text)
    #expect(Completer.quotedIfNeeded(name) == text)
  }

  func expectRoundTrip(_ expression: Expression, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let text = expression.commandText
    let reparsed = try SyntaxTree.expression(text)
    #expect(reparsed.stripped == expression.stripped, "\(text)", sourceLocation: sourceLocation)
    #expect(reparsed.commandText == text, sourceLocation: sourceLocation)
  }
}
