import Columnar
import Testing

@testable import SegmentCore

@Suite("Figures")
struct FiguresTests {
  @Test(arguments: [(0, "0"), (999, "999"), (1000, "1,000"), (-1234567, "-1,234,567")])
  func grouped(n: Int, text: String) {
    #expect(Figures.grouped(n) == text)
  }

  @Test(arguments: [
    (2.345, 2, "2.35"), (-2.345, 2, "-2.35"), (0.004, 2, "0.00"), (-0.004, 2, "0.00"), (1e6, 0, "1000000"),
    (12.5, 0, "13"), (7, 3, "7.000"),
  ])
  func fixed(x: Double, decimals: Int, text: String) {
    #expect(Figures.fixed(x, decimals: decimals) == text)
  }

  @Test(arguments: [(12.5, "12.5"), (1e6, "1000000"), (0.00001, "0.00001"), (-3, "-3"), (0.1, "0.1")])
  func shortest(x: Double, text: String) {
    #expect(Figures.shortest(x) == text)
  }

  @Test func valuesAsText() {
    #expect(Figures.text(.null) == "")
    #expect(Figures.text(.date(20666)) == "2026-08-01")
    #expect(Figures.text(.list(["a", "b"])) == "a;b")
    #expect(Figures.text(.bool(true)) == "true")
    #expect(Figures.percent(0.1234) == "12.3%")
  }
}
