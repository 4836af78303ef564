import Columnar
import Testing

@testable import SegmentCore

/// Deep nesting and long chains (issue 18, item 5): 12,000 parentheses in a segment, 4,500 in a derive,
/// a 15,000-term `or` and a 9,000-term `+` overflowed the stack, and a 40,000-term derive took minutes.
@Suite("Nesting and long chains")
struct NestingTests {
  static func parseError(_ source: String) -> ParseError? {
    do {
      _ = try Parser.parse(source)
      return nil
    } catch {
      return error
    }
  }

  @Test(arguments: [
    (
      "segment s = " + String(repeating: "(", count: 12_000) + "age > 3"
        + String(repeating: ")", count: 12_000),
      "the condition nests deeper than 256 levels"
    ),
    (
      "segment s = " + String(repeating: "not ", count: 300) + "age > 3",
      "the condition nests deeper than 256 levels"
    ),
    (
      "derive d = " + String(repeating: "(", count: 4_500) + "age" + String(repeating: ")", count: 4_500),
      "the expression nests deeper than 256 levels"
    ),
    (
      "derive d = " + String(repeating: "-", count: 300) + "age",
      "the expression nests deeper than 256 levels"
    ),
  ])
  func deepNestingIsAnErrorNotACrash(source: String, message: String) throws {
    let error = try #require(Self.parseError(source))
    #expect(error.message == message)
    #expect(error.kind == .tooDeep(message.contains("condition") ? "condition" : "expression", limit: 256))
  }

  @Test func nestingUpToTheLimitParses() throws {
    let depth = Parser.maximumDepth - 1
    let predicate = String(repeating: "(", count: depth) + "age > 3" + String(repeating: ")", count: depth)
    #expect(Self.parseError("segment s = " + predicate) == nil)
    let expression = String(repeating: "(", count: depth) + "age" + String(repeating: ")", count: depth)
    #expect(Self.parseError("derive d = " + expression) == nil)
  }

  @Test func aLongOrChainBindsEvaluatesAndPrints() throws {
    let terms = (0..<15_000).map { "age > \($0 % 90)" }
    let source = terms.joined(separator: " or ")
    let predicate = try SyntaxTree.predicate(source)
    #expect(predicate.commandText == source)
    #expect(predicate.topLevelClauses.count == 1)
    var workspace = try makeWorkspace()
    let table = try workspace.resolveTable(nil)
    #expect(try workspace.members(predicate, on: table).setIndices() == [0, 1, 2, 4, 5, 6])
    let anded = try SyntaxTree.predicate(terms.prefix(5_000).joined(separator: " and "))
    #expect(anded.topLevelClauses.count == 5_000)
    try ComputedColumnFixture.run(&workspace, "segment s = " + source)
    try ComputedColumnFixture.run(&workspace, "segment t = s and age > 20")
    #expect(workspace.segment(named: "s") != nil)
  }

  @Test(arguments: [9_000, 40_000])
  func aLongSumEvaluatesAndPrints(terms: Int) throws {
    let source = Array(repeating: "age", count: terms).joined(separator: " + ")
    let expression = try SyntaxTree.expression(source)
    #expect(expression.commandText == source)
    var workspace = try ComputedColumnFixture.workspace()
    try ComputedColumnFixture.run(&workspace, "derive d = " + source)
    let values = ComputedColumnFixture.values(workspace, "d")
    #expect(values.first == .int(20 * Int64(terms)))
  }

  @Test func mixedNestingPrintsAndReadsBack() throws {
    let source = "a - (b - c) - d * (e + f) / g"
    #expect(try SyntaxTree.expression(source).commandText == source)
    let predicate = "a or b and (c or d) or not (e and f) and g"
    #expect(try SyntaxTree.predicate(predicate).commandText == predicate)
  }
}
