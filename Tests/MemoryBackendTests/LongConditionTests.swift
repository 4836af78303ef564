import Columnar
import MemoryBackend
import SegmentPlan
import Testing

/// A segment of 20,000 `or`s is a condition 20,000 deep (issue 18, item 5): evaluating, hashing it for
/// the selection cache and comparing it must not take a stack frame per clause.
@Suite("Long conditions")
struct LongConditionTests {
  static func chain(_ count: Int, last: Int64 = 0) -> Condition {
    var condition = Condition.compare("age", .equal, .int(-1))
    for i in 1..<count {
      condition = .or(condition, .compare("age", .equal, .int(i == count - 1 ? last : -Int64(i) - 1)))
    }
    return condition
  }

  @Test func aLongChainEvaluatesHashesAndCompares() throws {
    var engine = MemoryEngine()
    engine.put(try Table(name: "t", columns: [.int("age", [0, 1, 2, nil])]))
    let condition = Self.chain(20_000, last: 2)
    for _ in 0..<2 {
      // The second run finds the segment's rows in the cache by hash and equality.
      let frame = try engine.execute(
        Query(.count, over: Relation(table: "t", filter: .segment("s", condition))),
        interruption: Interruption())
      #expect(frame.integer("count") == 1)
    }
    #expect(condition == Self.chain(20_000, last: 2))
    #expect(condition != Self.chain(20_000, last: 1))
    #expect(condition.hashValue == Self.chain(20_000, last: 2).hashValue)
    #expect(Condition.and(.isTrue("a"), .isTrue("b")) != .or(.isTrue("a"), .isTrue("b")))
    #expect(Set([Condition.and(.isTrue("a"), .isTrue("b")), .or(.isTrue("a"), .isTrue("b"))]).count == 2)
  }
}
