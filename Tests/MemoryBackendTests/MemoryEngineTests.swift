import Columnar
import MemoryBackend
import SegmentPlan
import Testing

@Suite("Memory engine")
struct MemoryEngineTests {
  /// Six customers: a city with a null, ages with a null, signup dates, interests as a list.
  static func engine() throws -> MemoryEngine {
    var engine = MemoryEngine()
    let table = try Table(
      name: "customers",
      columns: [
        Column.string("city", ["Perth", "Oslo", nil, "Perth", "Oslo", "Perth"]),
        Column.int("age", [21, 35, 40, nil, 35, 19]),
        Column.date("signup", days: [20_000, 20_010, nil, 20_005, 19_990, 20_001]),
        Column.list("interests", [["golf", "tea"], ["tea"], nil, [], ["golf"], ["tea"]]),
      ])
    engine.put(table)
    return engine
  }

  static func run(_ engine: MemoryEngine, _ operation: Operation, filter: Condition? = nil) throws -> Frame {
    try engine.execute(
      Query(operation, over: Relation(table: "customers", filter: filter)), interruption: Interruption())
  }

  @Test func countsEveryRowOrTheFilteredOnes() throws {
    let engine = try Self.engine()
    #expect(try Self.run(engine, .count).integer("count") == 6)
    #expect(try Self.run(engine, .count, filter: .compare("age", .greater, .int(30))).integer("count") == 3)
  }

  /// `anyWhere` of a value of a text or list column answers from the first row that holds it, and agrees
  /// with the filter: a null row's code never counts, nor does a value no row holds.
  @Test func anyWhereOfTextValuesAgreesWithTheFilter() throws {
    let engine = try Self.engine()
    let conditions: [Condition] = [
      .oneOf("city", [.string("Oslo")], negated: false), .oneOf("city", [.string("Rome")], negated: false),
      .oneOf("city", [.string("Rome"), .string("Perth")], negated: false),
      .oneOf("interests", [.string("golf")], negated: false),
      .oneOf("interests", [.string("chess")], negated: false),
    ]
    let any = try Self.run(engine, .anyWhere(conditions))
    #expect((0..<5).map { any.integer("n.\($0)") } == [1, 0, 1, 1, 0])
    for (i, condition) in conditions.enumerated() {
      let count = try Self.run(engine, .count, filter: condition).integer("count")
      #expect((count > 0 ? 1 : 0) == any.integer("n.\(i)"))
    }
    let table = engine.table(named: "customers")
    #expect(table?.column(named: "city")?.firstTextMatch { $0 == "Oslo" } == 1)
    #expect(table?.column(named: "interests")?.firstTextMatch { $0 == "golf" } == 0)
  }

  @Test func equalityIgnoringCaseFoldsOnlyAToZ() throws {
    var engine = MemoryEngine()
    engine.put(
      try Table(
        name: "customers",
        columns: [
          Column.string("city", ["PERTH", "perth", nil, "Perth", "Pérth", "PÉRTH"]),
          Column.list("interests", [["Golf"], ["tea"], nil, [], ["GOLF", "tea"], ["golf"]]),
        ]))
    let perth = Condition.text("city", .equalsIgnoringCase, "pErTh", negated: false)
    #expect(try Self.run(engine, .count, filter: perth).integer("count") == 3)
    // É is not folded: only the letters A to Z are, alike on every engine.
    let accented = Condition.text("city", .equalsIgnoringCase, "pérth", negated: false)
    #expect(try Self.run(engine, .count, filter: accented).integer("count") == 1)
    let golf = Condition.text("interests", .equalsIgnoringCase, "golf", negated: false)
    #expect(try Self.run(engine, .count, filter: golf).integer("count") == 3)
    #expect(try Self.run(engine, .count, filter: .not(perth)).integer("count") == 2)
  }

  @Test func aNullMakesATestUnknownAndNotKeepsItUnknown() throws {
    let engine = try Self.engine()
    // Row 4 has no age: neither `age < 30` nor `not (age < 30)` chooses it.
    let young = Condition.compare("age", .less, .int(30))
    #expect(try Self.run(engine, .count, filter: young).integer("count") == 2)
    #expect(try Self.run(engine, .count, filter: .not(young)).integer("count") == 3)
    // Membership is never unknown: everyone outside the segment.
    let segment = Condition.segment("young", young)
    #expect(try Self.run(engine, .count, filter: .not(segment)).integer("count") == 4)
  }

  @Test func groupsComeLargestFirstThenByValueWithNullsLast() throws {
    let frame = try Self.run(try Self.engine(), .countBy(["city"]))
    #expect(frame.columns.map(\.name) == ["city", "count"])
    #expect(frame.columns[0].values == [.string("Perth"), .string("Oslo"), .null])
    #expect(frame.columns[1].values == [.int(3), .int(2), .int(1)])
  }

  @Test func countByInTableGivesCountBysGroupsAndTheTablesSize() throws {
    let engine = try Self.engine()
    let young = Condition.compare("age", .less, .int(30))
    let groups = try Self.run(engine, .countBy(["city"]), filter: young)
    let inTable = try Self.run(engine, .countByInTable(["city"]), filter: young)
    #expect(inTable.columns.map(\.name) == ["city", "count", "rows"])
    #expect(inTable.columns[0].values == groups.columns[0].values)
    #expect(inTable.columns[1].values == groups.columns[1].values)
    #expect(inTable.columns[2].values == Array(repeating: .int(6), count: groups.rowCount))
    let none = try Self.run(engine, .countByInTable(["city"]), filter: .compare("age", .less, .int(0)))
    #expect(none.rowCount == 0)
  }

  @Test func aListKeyCountsARowOncePerItem() throws {
    let frame = try Self.run(try Self.engine(), .countBy(["interests"]))
    #expect(frame.columns[0].values == [.string("tea"), .string("golf"), .null])
    #expect(frame.columns[1].values == [.int(3), .int(2), .int(1)])
  }

  @Test func twoKeysOrderByTheFirstKeyFirstOnEqualCounts() throws {
    let frame = try Self.run(
      try Self.engine(), .countBy(["city", "age"]), filter: .isNull("age", negated: true))
    // A null city sorts after Perth even though its age is larger.
    #expect(frame.columns[0].values == [.string("Oslo"), .string("Perth"), .string("Perth"), .null])
    #expect(frame.columns[1].values == [.int(35), .int(19), .int(21), .int(40)])
    #expect(frame.columns[2].values == [.int(2), .int(1), .int(1), .int(1)])
  }

  @Test func dayRangesHaveOpenEnds() throws {
    let engine = try Self.engine()
    let after = Condition.dayRange("signup", from: 20_001, through: nil)
    #expect(try Self.run(engine, .count, filter: after).integer("count") == 3)
    let window = Condition.dayRange("signup", from: 19_990, through: 20_000)
    #expect(try Self.run(engine, .count, filter: window).integer("count") == 2)
  }

  @Test func theLatestDateIsTheColumnsMaximumWhateverTheFilter() throws {
    let engine = try Self.engine()
    #expect(try Self.run(engine, .maxDate("signup")).value("max", at: 0) == .date(20_010))
    let perth = Condition.compare("city", .equal, .string("Perth"))
    #expect(try Self.run(engine, .maxDate("signup"), filter: perth).value("max", at: 0) == .date(20_010))
    #expect(throws: EngineError.self) { try Self.run(engine, .maxDate("nosuch")) }
  }

  @Test func aReplacedTableIsNeverAnsweredFromTheOldOnesCache() throws {
    var engine = try Self.engine()
    let perth = Condition.segment("perth", .compare("city", .equal, .string("Perth")))
    #expect(try Self.run(engine, .count, filter: perth).integer("count") == 3)
    let copy = engine
    engine.put(try Table(name: "customers", columns: [Column.string("city", ["Perth", "Oslo"])]))
    #expect(try Self.run(engine, .count, filter: perth).integer("count") == 1)
    #expect(try Self.run(copy, .count, filter: perth).integer("count") == 3)
  }

  @Test func anUnknownTableIsAnError() throws {
    let engine = try Self.engine()
    #expect(throws: EngineError(.unknownTable("orders"))) {
      try engine.execute(Query(.count, over: Relation(table: "orders")), interruption: Interruption())
    }
  }

  @Test func aRaisedInterruptionStopsAFilteredQuery() throws {
    let engine = try Self.engine()
    let stop = Interruption()
    stop.request()
    #expect(throws: EngineError(.interrupted)) {
      try engine.execute(
        Query(.count, over: Relation(table: "customers", filter: .isTrue("x"))), interruption: stop)
    }
  }
}
