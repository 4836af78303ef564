import Columnar
import Testing

@testable import SegmentCore

@Suite("derive: errors, replacing and segments")
struct DeriveErrorTests {
  typealias F = ComputedColumnFixture

  @Test(arguments: [
    ("derive x = lower(age)", "lower needs text; age is Int"),
    ("derive x = days_since(name)", "days_since needs a date; name is String"),
    ("derive x = abs(name)", "abs needs a number; name is String"),
    ("derive x = name + 1", "+ needs numbers; name is String"),
    ("derive x = 1 * joined", "* needs numbers; joined is Date"),
    ("derive x = -name", "- needs a number; name is String"),
    ("derive x = coalesce(name, 1)", "coalesce needs values of one type; name is String, 1 is Int"),
    (
      "derive x = case when age > 1 then joined else 0 end",
      "case needs values of one type; joined is Date, 0 is Int"
    ),
    (
      "derive x = round(spend, age)",
      "round's digits must be a whole number from -15 to 15, such as round(x, 2)"
    ),
    ("derive x = lower(name, name)", "lower takes one value"),
    ("derive x = null", "null is null on every row and has no type"),
    (
      "derive x = 9223372036854775807 + age",
      "integer overflow in 9223372036854775807 + age at row 1: multiply by 1.0 to compute in decimals"
    ),
    // Issue 18: these trapped instead of naming the date that cannot be held.
    (
      "derive x = joined + 9223372036854775807",
      "the date is out of range in joined + 9223372036854775807 at row 1"
    ),
    (
      "derive x = 9223372036854775807 + joined",
      "the date is out of range in 9223372036854775807 + joined at row 1"
    ),
    (
      "derive x = joined - 9223372036854775807",
      "the date is out of range in joined - 9223372036854775807 at row 1"
    ),
    ("derive x = joined + 2147483647", "the date is out of range in joined + 2147483647 at row 1"),
  ])
  func typeErrorsNameWhatIsWrong(_ command: String, _ message: String) throws {
    let error = try #require(try F.error(try F.workspace(), command))
    #expect(error.message == message)
  }

  @Test func unknownFunctionsAndColumnsSuggestTheNearestName() throws {
    let workspace = try F.workspace()
    let function = try #require(try F.error(workspace, "derive x = lowr(name)"))
    #expect(function.kind == .unknownFunction("lowr"))
    #expect(function.suggestions == ["lower"])
    #expect(function.range == SourceRange(11, 15))
    #expect(function.hint?.hasPrefix("functions: abs, coalesce, date, days_since") == true)
    let column = try #require(try F.error(workspace, "derive x = agee * 2"))
    #expect(column.kind == .unknownColumn("agee", table: "people"))
    #expect(column.suggestions == ["age"])
  }

  @Test func loadedColumnsAreNeverOverwrittenButDerivedOnesAreReplaced() throws {
    var workspace = try F.workspace()
    let refused = try #require(try F.error(workspace, "derive Age = age + 1"))
    #expect(refused.kind == .loadedColumn("age", table: "people"))
    #expect(refused.hint?.contains("pick another name") == true)
    let first = try F.run(&workspace, "derive older = age + 1")
    #expect(F.message(first) == "derived older (Int) on people: 6 rows, 1 null")
    let second = try F.run(&workspace, "derive OLDER = age * 1.5")
    #expect(F.message(second) == "replaced OLDER (Double) on people: 6 rows, 1 null")
    let table = try #require(workspace.table(named: "people"))
    #expect(table.columns.count == 7)
    #expect(table.column(named: "older")?.values[0] == .double(30))
    #expect(workspace.computedColumns["people"]?["older"] == "derive OLDER = age * 1.5")
  }

  @Test func aColumnMayNotTakeASegmentsName() throws {
    var workspace = try F.workspace()
    try F.run(&workspace, "segment young = age < 30")
    let error = try #require(try F.error(workspace, "derive young = 1"))
    #expect(error.message == "young is a segment of people: pick another column name")
  }

  @Test func segmentsOnADerivedColumnFollowItsRedefinition() throws {
    var workspace = try F.workspace()
    try F.run(&workspace, "derive score = age")
    try F.run(&workspace, "segment high = score > 30")
    #expect(try workspace.segment(named: "high").map { try workspace.size(of: $0) } == 3)
    try F.run(&workspace, "derive score = age - 20")
    #expect(try workspace.segment(named: "high").map { try workspace.size(of: $0) } == 1)
    // A redefinition that breaks the segment is refused and changes nothing.
    let error = try #require(try F.error(workspace, "derive score = name"))
    #expect(error.kind == .brokenSegment("high", reason: "score is String, 30 is an Int"))
    #expect(workspace.table(named: "people")?.column(named: "score")?.type == .int)
  }

  @Test(arguments: [
    ("derive x = (age + 1", "expected ')' to close the '(' at column 12, found the end of the command"),
    ("derive x = case when age > 1 end", "expected 'then' after the condition, found 'end'"),
    ("derive x = case when age > 1 then 1", "expected when, else or end, found the end of the command"),
    ("derive x = case age end", "expected 'when' after 'case', found 'age'"),
    ("derive x age", "expected '=' and an expression, e.g. derive x = total_spend / orders, found 'age'"),
    (
      "derive x = age +",
      "expected a number, a column, a function such as days_since(signup_date), or '(', "
        + "found the end of the command"
    ),
  ])
  func parseErrorsSayWhatWasExpected(_ command: String, _ message: String) {
    #expect(throws: ParseError.self) { try Parser.parse(command) }
    do {
      _ = try Parser.parse(command)
    } catch {
      #expect(error.message == message)
    }
  }

  @Test func parsingKeepsPrecedenceAndFoldsNegativeNumbers() throws {
    let command = try Parser.parse("derive x = 1 + 2 * -3")
    guard case .derive(let derive) = command,
      case .binary(.add, let one, let product) = derive.expression.kind,
      case .binary(.multiply, _, let minusThree) = product.kind
    else {
      Issue.record("unexpected shape: \(command)")
      return
    }
    #expect(one.text == "1")
    #expect(product.text == "2 * -3")
    #expect(minusThree.kind == .literal(Literal(.int(-3), at: SourceRange(19, 21))))
  }

  @Test func aMillionRowsDeriveColumnAtATime() throws {
    let n = 1_000_000
    var workspace = Workspace()
    try workspace.put(
      try Table(
        name: "big",
        columns: [
          .int("a", (0..<n).map { Int64($0 % 1000) }),
          .double("b", (0..<n).map { $0 % 7 == 0 ? nil : Double($0) }),
        ]))
    try F.run(&workspace, "derive c = coalesce(b / a, 0) + a * 2")
    let column = try #require(workspace.table(named: "big")?.column(named: "c"))
    #expect(column.nullCount == 0)
    #expect(column.value(at: 3) == .double(1 + 6))
    #expect(column.value(at: 7) == .double(14))
  }
}
