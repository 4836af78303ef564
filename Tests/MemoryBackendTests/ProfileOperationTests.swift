import Columnar
import MemoryBackend
import SegmentPlan
import Testing

/// The operations `describe` and `profile` ask of an engine, answered in memory on the six customers
/// of `MemoryEngineTests`: a city with a null, ages with a null, signup dates, interests as a list.
@Suite("Memory engine: describe and profile operations")
struct ProfileOperationTests {
  static func run(_ operation: Operation, filter: Condition? = nil) throws -> Frame {
    try MemoryEngineTests.run(try MemoryEngineTests.engine(), operation, filter: filter)
  }

  static let older = Condition.compare("age", .greater, .int(30))

  @Test func valueCountsGiveEachGroupItsRowsAndThoseMeetingEachCondition() throws {
    let frame = try Self.run(.valueCounts("city", conditions: [Self.older], limit: 10))
    // Perth 3 (none over 30), Oslo 2 (both 35), null 1 (age 40): largest first, null last.
    #expect(frame.columns.map(\.name) == ["city", "rows", "n.0", "values"])
    #expect(
      (0..<frame.rowCount).map { frame.value("city", at: $0) } == [.string("Perth"), .string("Oslo"), .null])
    #expect((0..<frame.rowCount).map { frame.integer("rows", at: $0) } == [3, 2, 1])
    #expect((0..<frame.rowCount).map { frame.integer("n.0", at: $0) } == [0, 2, 1])
    #expect((0..<frame.rowCount).map { frame.integer("values", at: $0) } == [3, 3, 3])
  }

  @Test func valueCountsKeepTheLimitButCountEveryGroup() throws {
    let frame = try Self.run(.valueCounts("city", conditions: [], limit: 1))
    #expect(frame.rowCount == 1)
    #expect(frame.value("city", at: 0) == .string("Perth"))
    #expect(frame.integer("values", at: 0) == 3)
  }

  @Test func valueCountsOfAListCountItsItemsAndANullListOnce() throws {
    // tea 3, golf 2, null list 1; the empty list adds nothing. Within the filter age > 30 (Oslo,
    // Oslo, null city): tea, golf, and the null list of the row aged 40.
    let frame = try Self.run(.valueCounts("interests", conditions: [Self.older], limit: 10))
    #expect(
      (0..<frame.rowCount).map { frame.value("interests", at: $0) } == [
        .string("tea"), .string("golf"), .null,
      ])
    #expect((0..<frame.rowCount).map { frame.integer("rows", at: $0) } == [3, 2, 1])
    #expect((0..<frame.rowCount).map { frame.integer("n.0", at: $0) } == [1, 1, 1])
    let within = try Self.run(.valueCounts("interests", conditions: [], limit: 10), filter: Self.older)
    #expect((0..<within.rowCount).map { within.integer("rows", at: $0) } == [1, 1, 1])
  }

  @Test func valueRangeKeepsTheColumnsTypes() throws {
    let frame = try Self.run(.valueRange(["age", "city", "signup"]))
    #expect(frame.integer("count.0") == 5)
    #expect(frame.integer("distinct.0") == 4)
    #expect(frame.value("min.0", at: 0) == .int(19))
    #expect(frame.value("max.0", at: 0) == .int(40))
    #expect(frame.integer("count.1") == 5)
    #expect(frame.integer("distinct.1") == 2)
    #expect(frame.value("min.1", at: 0) == .string("Oslo"))
    #expect(frame.value("max.1", at: 0) == .string("Perth"))
    #expect(frame.value("min.2", at: 0) == .date(19_990))
    #expect(frame.value("max.2", at: 0) == .date(20_010))
    #expect(throws: EngineError.self) { try Self.run(.valueRange(["interests"])) }
  }

  @Test func valueRangeOfNoRowsIsNull() throws {
    let frame = try Self.run(.valueRange(["age"]), filter: .compare("age", .greater, .int(90)))
    #expect(frame.integer("distinct.0") == 0)
    #expect(frame.value("min.0", at: 0) == .null)
  }

  @Test func summarizeMeasuresDatesInDaysWithTheSampleVariance() throws {
    let frame = try Self.run(.summarize(["age", "signup"], by: nil, quantiles: [0.5], variance: true))
    // Ages 21, 35, 40, 35, 19: mean 30, sample variance (81 + 25 + 100 + 25 + 121) / 4 = 88.
    #expect(frame.value("mean.0", at: 0) == .double(30))
    #expect(frame.value("var.0", at: 0) == .double(88))
    #expect(frame.value("q.0.0", at: 0) == .double(35))
    // Days 20000, 20010, 20005, 19990, 20001: mean 20001.2, median 20001, variance 218.8 / 4.
    #expect(frame.value("q.1.0", at: 0) == .double(20_001))
    #expect(frame.value("min.1", at: 0) == .double(19_990))
    guard case .double(let variance) = frame.value("var.1", at: 0) else {
      Issue.record("no variance of signup")
      return
    }
    #expect(abs(variance - 54.7) < 1e-9)
  }

  @Test func theVarianceOfOneValueIsNull() throws {
    let frame = try Self.run(
      .summarize(["age"], by: nil, quantiles: [], variance: true), filter: .compare("age", .equal, .int(21)))
    #expect(frame.value("var.0", at: 0) == .null)
    #expect(frame.column("var.0") != nil)
  }

  @Test func anyWhereSaysWhetherSomeRowMeetsEachCondition() throws {
    let frame = try Self.run(
      .anyWhere([.compare("city", .equal, .string("Oslo")), .compare("city", .equal, .string("oslo"))]),
      filter: Self.older)
    #expect(frame.integer("n.0") == 1)
    #expect(frame.integer("n.1") == 0)
    let none = try Self.run(
      .anyWhere([.compare("city", .equal, .string("Oslo"))]), filter: .isNull("city", negated: false))
    #expect(none.integer("n.0") == 0)
  }

  @Test func duplicateRowsCountRepeatsWithinTheRelation() throws {
    var engine = MemoryEngine()
    engine.put(
      try Table(
        name: "customers",
        columns: [
          Column.string("city", ["Perth", "Perth", nil, nil, "Oslo"]),
          Column.int("age", [21, 21, nil, nil, 21]),
        ]))
    let all = try MemoryEngineTests.run(engine, .duplicateRows)
    #expect(all.integer("count") == 2)  // the second Perth 21 and the second null row
    let some = try MemoryEngineTests.run(engine, .duplicateRows, filter: .isNull("city", negated: true))
    #expect(some.integer("count") == 1)
  }

  /// The first row whose value an earlier row holds, in row order, within the relation; nulls are no
  /// value, and a column of unique values gives no row.
  @Test func theFirstRepeatIsTheEarliestRowThatRepeatsAValue() throws {
    var engine = MemoryEngine()
    engine.put(
      try Table(
        name: "customers",
        columns: [
          Column.string("city", [nil, "Oslo", nil, "Perth", "Perth", "Oslo"]),
          Column.int("id", [1, 2, 3, 4, 5, 6]),
        ]))
    let all = try MemoryEngineTests.run(engine, .firstRepeat("city"))
    #expect(all.column("city")?.values == [.string("Perth")])
    let some = try MemoryEngineTests.run(
      engine, .firstRepeat("city"), filter: .compare("id", .notEqual, .int(5)))
    #expect(some.column("city")?.values == [.string("Oslo")])
    let none = try MemoryEngineTests.run(engine, .firstRepeat("id"))
    #expect(none.rowCount == 0)
  }
}
