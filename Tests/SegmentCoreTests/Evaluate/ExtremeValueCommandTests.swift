import Columnar
import Testing

@testable import SegmentCore

/// `stats`, `describe` and `histogram` on values at the ends of their types (issue 18, item 3): they
/// trapped converting Doubles back to Int64 or subtracting past Int64.
@Suite("Commands on extreme values")
struct ExtremeValueCommandTests {
  static func csv(_ workspace: inout Workspace, _ source: String) throws -> String {
    let result = try ComputedColumnFixture.run(&workspace, source)
    return Renderer.render(result, format: .csv, style: .plain)
  }

  static func workspace(_ column: Column) throws -> Workspace {
    var workspace = Workspace()
    try workspace.put(try Table(name: "t", columns: [column]))
    return workspace
  }

  @Test func statsOfTheEndsOfInt64() throws {
    var workspace = try Self.workspace(.int("v", [.min, .max]))
    let text = try Self.csv(&workspace, "stats v")
    // The sum is exact (-1) and so is the mean; the least value is exact, the greatest a Double shown
    // to 15 significant digits.
    #expect(text.contains("v,2,-0.50,"))
    #expect(text.hasSuffix(",-9223372036854775808,9.22337203685478e+18,-1\n"), "\(text)")
    _ = try Self.csv(&workspace, "histogram v")
    _ = try Self.csv(&workspace, "describe")
  }

  @Test func aSumPastInt64IsADecimal() throws {
    var workspace = try Self.workspace(.int("v", [.max, .max]))
    let text = try Self.csv(&workspace, "stats v")
    #expect(text.hasSuffix(",1.84467440737096e+19\n"), "\(text)")
    #expect(try Self.csv(&workspace, "describe").contains(",9223372036854775807,"))
  }

  @Test func histogramOfTheWholeDoubleRange() throws {
    var workspace = try Self.workspace(.double("v", [-1e308, 1e308]))
    let text = try Self.csv(&workspace, "histogram v")
    #expect(!text.contains("inf"), "\(text)")
  }
}
