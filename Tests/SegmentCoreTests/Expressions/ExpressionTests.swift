import Columnar
import Testing

@testable import SegmentCore

/// One expression and the values it must give on the six fixture people.
struct ExpressionCase: Sendable, CustomTestStringConvertible {
  var expression: String
  var expected: [Value]
  var type: ColumnType
  var testDescription: String { expression }

  init(_ expression: String, _ type: ColumnType, _ expected: [Value]) {
    self.expression = expression
    self.type = type
    self.expected = expected
  }
}

private func ints(_ values: [Int64?]) -> [Value] { values.map { $0.map(Value.int) ?? .null } }
private func doubles(_ values: [Double?]) -> [Value] { values.map { $0.map(Value.double) ?? .null } }
private func texts(_ values: [String?]) -> [Value] { values.map { $0.map(Value.string) ?? .null } }

@Suite("derive: operators and functions")
struct ExpressionTests {
  // people: age 20, 35, nil, 50, 17, 64; spend 100, 0, 50.5, nil, 12.25, 300; orders_n 4, 0, 2, 1, nil, 3
  static let arithmetic: [ExpressionCase] = [
    ExpressionCase("age + 1", .int, ints([21, 36, nil, 51, 18, 65])),
    ExpressionCase("age - orders_n", .int, ints([16, 35, nil, 49, nil, 61])),
    ExpressionCase("age * 2", .int, ints([40, 70, nil, 100, 34, 128])),
    ExpressionCase("age / orders_n", .double, doubles([5, nil, nil, 50, nil, 64.0 / 3])),
    ExpressionCase("age % orders_n", .int, ints([0, nil, nil, 0, nil, 1])),
    ExpressionCase("spend / 2", .double, doubles([50, 0, 25.25, nil, 6.125, 150])),
    ExpressionCase("spend + age", .double, doubles([120, 35, nil, nil, 29.25, 364])),
    ExpressionCase("spend % 3", .double, doubles([1, 0, 2.5, nil, 0.25, 0])),
    ExpressionCase("spend / 0", .double, doubles([nil, nil, nil, nil, nil, nil])),
    ExpressionCase("100 / spend", .double, doubles([1, nil, 100 / 50.5, nil, 100 / 12.25, 100.0 / 300])),
    ExpressionCase("-age", .int, ints([-20, -35, nil, -50, -17, -64])),
    ExpressionCase("-(spend - 100)", .double, doubles([-0.0, 100, 49.5, nil, 87.75, -200])),
    ExpressionCase("2 + 3 * 4", .int, ints([14, 14, 14, 14, 14, 14])),
    ExpressionCase("(2 + 3) * 4", .int, ints([20, 20, 20, 20, 20, 20])),
    ExpressionCase("10 - 4 - 3", .int, ints([3, 3, 3, 3, 3, 3])),
    ExpressionCase("7 / 2", .double, doubles([3.5, 3.5, 3.5, 3.5, 3.5, 3.5])),
    ExpressionCase("age + null", .int, ints([nil, nil, nil, nil, nil, nil])),
    ExpressionCase("null * spend", .double, doubles([nil, nil, nil, nil, nil, nil])),
  ]

  static let functions: [ExpressionCase] = [
    // today is the latest date in people: 2026-10-31.
    ExpressionCase("days_since(joined)", .int, ints([30, 289, nil, 304, 0, 975])),
    ExpressionCase("year(joined)", .int, ints([2026, 2026, nil, 2025, 2026, 2024])),
    ExpressionCase("month(joined)", .int, ints([10, 1, nil, 12, 10, 2])),
    ExpressionCase("joined - joined", .int, ints([0, 0, nil, 0, 0, 0])),
    ExpressionCase(
      "joined + 1", .date,
      ["2026-10-02", "2026-01-16", nil, "2026-01-01", "2026-11-01", "2024-03-01"].map {
        $0.map { Value.date(CivilDate.parseISODate($0)!) } ?? .null
      }),
    ExpressionCase("lower(name)", .string, texts(["ann", "bob", nil, "émile", "ann", "zoë"])),
    ExpressionCase("upper(name)", .string, texts(["ANN", "BOB", nil, "ÉMILE", "ANN", "ZOË"])),
    ExpressionCase("length(name)", .int, ints([3, 3, nil, 5, 3, 3])),
    ExpressionCase("coalesce(spend, age, 0)", .double, doubles([100, 0, 50.5, 50, 12.25, 300])),
    ExpressionCase("coalesce(orders_n, age)", .int, ints([4, 0, 2, 1, 17, 3])),
    ExpressionCase("coalesce(name, \"?\")", .string, texts(["Ann", "bob", "?", "Émile", "ann", "Zoë"])),
    ExpressionCase("coalesce(null, age)", .int, ints([20, 35, nil, 50, 17, 64])),
    ExpressionCase("round(spend / 3, 2)", .double, doubles([33.33, 0, 16.83, nil, 4.08, 100])),
    ExpressionCase("round(spend / 4)", .double, doubles([25, 0, 13, nil, 3, 75])),
    ExpressionCase("round(0 - spend / 4)", .double, doubles([-25, 0, -13, nil, -3, -75])),
    ExpressionCase("round(age, -1)", .int, ints([20, 40, nil, 50, 20, 60])),
    ExpressionCase("round(age)", .int, ints([20, 35, nil, 50, 17, 64])),
    ExpressionCase("abs(age - 40)", .int, ints([20, 5, nil, 10, 23, 24])),
    ExpressionCase("abs(spend - 100)", .double, doubles([0, 100, 49.5, nil, 87.75, 200])),
  ]

  static let cases: [ExpressionCase] = [
    // A null age makes every condition unknown, so the row falls through to else, as in SQL.
    ExpressionCase(
      "case when age < 18 then \"minor\" when age >= 60 then \"senior\" else \"adult\" end", .string,
      texts(["adult", "adult", "adult", "adult", "minor", "senior"])),
    ExpressionCase("case when spend > 50 then spend end", .double, doubles([100, nil, 50.5, nil, nil, 300])),
    ExpressionCase("case when age > 30 then 1 else 0.5 end", .double, doubles([0.5, 1, 0.5, 1, 0.5, 1])),
    ExpressionCase("case when young then 1 else 0 end", .int, ints([1, 0, 0, 0, 1, 0])),
    ExpressionCase(
      "case when (age > 30 and spend > 10) or name = \"Ann\" then age * 10 else null end", .int,
      ints([200, nil, nil, nil, nil, 640])),
    ExpressionCase(
      "case when age > 40 then name when age > 18 then lower(name) end", .string,
      texts(["ann", "bob", nil, "Émile", nil, "Zoë"])),
  ]

  @Test(arguments: arithmetic + functions + cases)
  func computes(_ c: ExpressionCase) throws {
    var workspace = try ComputedColumnFixture.workspace()
    try ComputedColumnFixture.run(&workspace, "segment young = age < 30")
    try ComputedColumnFixture.run(&workspace, "derive x = \(c.expression)")
    let column = try #require(workspace.table(named: "people")?.column(named: "x"))
    #expect(column.type == c.type)
    let got = column.values
    #expect(got.count == c.expected.count)
    for (row, (g, e)) in zip(got, c.expected).enumerated() {
      if case .double(let a) = g, case .double(let b) = e {
        #expect(abs(a - b) <= 1e-9 * max(1, abs(b)), "row \(row): \(a) vs \(b)")
      } else {
        #expect(g == e, "row \(row)")
      }
    }
  }

  @Test func daysSinceCountsFromSetToday() throws {
    var workspace = try ComputedColumnFixture.workspace()
    try ComputedColumnFixture.run(&workspace, "set today 2026-11-10")
    try ComputedColumnFixture.run(&workspace, "derive d = days_since(joined)")
    #expect(ComputedColumnFixture.values(workspace, "d") == ints([40, 299, nil, 314, 10, 985]))
  }

  /// With no day among x's values and no `set today`, every row's answer is null, as on a server,
  /// rather than an error the servers would not give.
  @Test func daysSinceOfNoDatesIsNullEverywhere() throws {
    var workspace = try ComputedColumnFixture.workspace()
    try ComputedColumnFixture.run(&workspace, "derive none = case when age > 1000 then joined end")
    try ComputedColumnFixture.run(&workspace, "derive d = days_since(none)")
    #expect(ComputedColumnFixture.values(workspace, "d") == ints([nil, nil, nil, nil, nil, nil]))
  }

  /// Text functions as SQL servers compute them: characters are code points (a combining accent is one
  /// of its own), and a Σ that ends a word lowers to ς (Unicode's Final_Sigma), elsewhere to σ.
  @Test func textFunctionsFollowSQL() throws {
    var workspace = try ComputedColumnFixture.workspace()
    try ComputedColumnFixture.run(&workspace, "derive n = length(\"cafe\u{301}\")")
    #expect(ComputedColumnFixture.values(workspace, "n").first == .int(5))
    try ComputedColumnFixture.run(&workspace, "derive g = lower(\"ΟΔΟΣ ΣΑΣ Σ ΑΣ. ΣΑ\")")
    #expect(ComputedColumnFixture.values(workspace, "g").first == .string("οδος σας σ ας. σα"))
  }

  @Test func derivedTextsHaveDistinctDictionaryEntriesInFirstAppearanceOrder() throws {
    var workspace = try ComputedColumnFixture.workspace()
    try ComputedColumnFixture.run(&workspace, "derive x = lower(name)")
    let column = try #require(workspace.table(named: "people")?.column(named: "x"))
    guard case .string(_, let dictionary) = column.storage else {
      Issue.record("not a string column")
      return
    }
    #expect(dictionary == ["ann", "bob", "émile", "zoë"])
  }
}
