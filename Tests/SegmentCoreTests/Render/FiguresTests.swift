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
    (12.5, 0, "13"), (7, 3, "7.000"), (0.006, 2, "0.01"), (0.0004, 2, "0.00"), (99.996, 2, "100.00"),
    (-0.5, 0, "-1"), (1234567.891, 1, "1234567.9"), (0.000123456, 5, "0.00012"), (1e-300, 3, "0.000"),
  ])
  func fixed(x: Double, decimals: Int, text: String) {
    #expect(Figures.fixed(x, decimals: decimals) == text)
  }

  /// A decimal tie reached from either side by binary arithmetic (engines add in different orders)
  /// rounds the same way; a value truly below the tie still rounds down.
  @Test func fixedDecidesTiesOnDecimalDigits() {
    #expect(Figures.fixed(73.33750000000001, decimals: 2) == "73.34")
    #expect(Figures.fixed(73.33749999999999, decimals: 2) == "73.34")
    #expect(Figures.fixed(-73.33749999999999, decimals: 2) == "-73.34")
    #expect(Figures.fixed(5867.0 / 80, decimals: 2) == "73.34")
    #expect(Figures.fixed(73.334999999, decimals: 2) == "73.33")
    #expect(Figures.fixed(1.0049999999999999, decimals: 2) == "1.01")
    #expect(Figures.fixed(0.1 + 0.2, decimals: 17) == "0.30000000000000000")
    #expect(Figures.fixed(1e19, decimals: 2) == Figures.shortest(1e19))
  }

  @Test(arguments: [(12.5, "12.5"), (1e6, "1000000"), (0.00001, "0.00001"), (-3, "-3"), (0.1, "0.1")])
  func shortest(x: Double, text: String) {
    #expect(Figures.shortest(x) == text)
  }

  /// The error of binary arithmetic past 15 significant digits is not shown; what a file holds with 15
  /// digits or fewer is shown as typed.
  @Test(arguments: [
    (19.99 - 14.1, "5.89"), (179.99 - 85.97, "94.02"), (-266.40000000000003, "-266.4"), (0.1 + 0.2, "0.3"),
    (290.65999999999997, "290.66"), (1286330.9000000001, "1286330.9"), (123456.789012345, "123456.789012345"),
    (0.12345678901234568, "0.123456789012346"), (2.0000000000000004, "2"), (-0.99999999999999989, "-1"),
    (1e-20, "1e-20"), (1.2345678901234567e+20, "1.23456789012346e+20"), (9.999999999999999e22, "1e+23"),
  ])
  func shortestShowsFifteenSignificantDigits(x: Double, text: String) {
    #expect(Figures.shortest(x) == text)
    #expect(Figures.text(.double(x)) == text)
  }

  @Test(arguments: [Double.infinity, -.infinity, 0, -0.0, 1, 0.1, 5e-324, .greatestFiniteMagnitude])
  func significantKeepsWhatHasFewDigits(x: Double) {
    let rounded = Figures.significant(x)
    #expect(rounded == x || (rounded - x).magnitude <= x.magnitude * 1e-14)
    #expect(Figures.significant(rounded) == rounded)
  }

  @Test func significantDigitsRoundHalfAwayFromZero() {
    #expect(Figures.significant(1.25, digits: 2) == 1.3)
    #expect(Figures.significant(-1.25, digits: 2) == -1.3)
    #expect(Figures.significant(999.96, digits: 4) == 1000)
    #expect(Figures.significant(0.000123456, digits: 3) == 0.000123)
  }

  @Test func valuesAsText() {
    #expect(Figures.text(.null) == "")
    #expect(Figures.text(.date(20666)) == "2026-08-01")
    #expect(Figures.text(.list(["a", "b"])) == "a;b")
    #expect(Figures.text(.bool(true)) == "true")
    #expect(Figures.percent(0.1234) == "12.3%")
  }
}
