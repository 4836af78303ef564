import Columnar
import MemoryBackend
import SegmentPlan
import Testing

/// Values at the ends of their types (issue 18, item 3): histograms and summaries must neither trap nor
/// overflow to infinity.
@Suite("Extreme values")
struct ExtremeValueTests {
  static func run(_ column: Column, _ operation: Operation) throws -> Frame {
    var engine = MemoryEngine()
    engine.put(try Table(name: "t", columns: [column]))
    return try engine.execute(Query(operation, over: Relation(table: "t")), interruption: Interruption())
  }

  static func ints(_ frame: Frame, _ name: String) -> [Int64] {
    (0..<frame.rowCount).map { if case .int(let n) = frame.value(name, at: $0) { n } else { 0 } }
  }

  static func doubles(_ frame: Frame, _ name: String) -> [Double] {
    (0..<frame.rowCount).map { if case .double(let d) = frame.value(name, at: $0) { d } else { .nan } }
  }

  @Test(arguments: [1, 2, 3, 10, 64])
  func wholeBinsSpanEveryInt64(bins: Int) throws {
    let frame = try Self.run(.int("v", [.min, .max, 0, -1]), .bins("v", count: bins))
    let starts = Self.ints(frame, "start")
    let ends = Self.ints(frame, "end")
    #expect(starts.first == .min)
    #expect(ends.last == .max)
    #expect(Self.ints(frame, "count").reduce(0, +) == 4)
    for i in 1..<starts.count { #expect(starts[i] == ends[i - 1] + 1) }
    #expect(frame.rowCount <= max(bins, 3))
  }

  @Test func decimalBinsSpanTheWholeDoubleRange() throws {
    let frame = try Self.run(.double("v", [-1e308, 1e308, 0]), .bins("v", count: 10))
    let starts = Self.doubles(frame, "start")
    let ends = Self.doubles(frame, "end")
    #expect(starts.allSatisfy(\.isFinite) && ends.allSatisfy(\.isFinite))
    #expect(starts.first == -1e308 && ends.last == 1e308)
    #expect(Self.ints(frame, "count") == [1, 0, 0, 0, 0, 1, 0, 0, 0, 1])
  }

  @Test func quantilesBetweenTheEndsOfDoubleStayFinite() throws {
    let frame = try Self.run(
      .double("v", [-1e308, 1e308]), .summarize(["v"], by: nil, quantiles: [0.25, 0.5, 0.75]))
    let q = (0..<3).map { Self.doubles(frame, Operation.summaryColumn(.quantile($0), of: 0)).first }
    #expect(q == [-5e307, 0, 5e307])
    #expect(Self.doubles(frame, Operation.summaryColumn(.mean, of: 0)) == [0])
  }

  @Test func theSumAndMeanOfHugeIntsAreExact() throws {
    let frame = try Self.run(.int("v", [.min, .max]), .summarize(["v"], by: nil, quantiles: []))
    #expect(Self.doubles(frame, Operation.summaryColumn(.sum, of: 0)) == [-1])
    #expect(Self.doubles(frame, Operation.summaryColumn(.mean, of: 0)) == [-0.5])
  }
}
