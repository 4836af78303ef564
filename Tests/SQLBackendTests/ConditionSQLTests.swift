import Columnar
import SQLBackend
import SegmentPlan
import Testing

private let jan1 = Fixture.day(2024, 1, 1)
private let jan2 = Fixture.day(2024, 1, 2)
private let jan31 = Fixture.day(2024, 1, 31)
private let dec31 = Fixture.day(2024, 12, 31)

@Suite("SQL of conditions")
struct ConditionSQLTests {
  let dialect = Fixture.dialect

  private func check(_ c: ConditionCase) throws {
    let text = try Fixture.compiler.condition(c.condition)
    #expect(text.withPlaceholders(dialect) == c.expected.sql)
    #expect(text.parameters == c.expected.parameters)
  }

  static let comparisonsCases: [ConditionCase] = [
    // Int
    ConditionCase(.compare("age", .equal, .int(30)), #"("age" = 30)"#),
    ConditionCase(.compare("age", .notEqual, .int(30)), #"("age" <> 30)"#),
    ConditionCase(.compare("age", .less, .int(30)), #"("age" < 30)"#),
    ConditionCase(.compare("age", .lessOrEqual, .int(30)), #"("age" <= 30)"#),
    ConditionCase(.compare("age", .greater, .int(30)), #"("age" > 30)"#),
    ConditionCase(.compare("age", .greaterOrEqual, .int(30)), #"("age" >= 30)"#),
    ConditionCase(.compare("age", .less, .int(-5)), #"("age" < -5)"#),
    ConditionCase(.compare("age", .greater, .double(29.5)), #"("age" > 29.5)"#),
    // Double
    ConditionCase(.compare("spend", .equal, .double(19.99)), #"("spend" = 19.99)"#),
    ConditionCase(.compare("spend", .notEqual, .int(100)), #"("spend" <> 100)"#),
    ConditionCase(.compare("spend", .less, .double(100)), #"("spend" < 100.0)"#),
    ConditionCase(.compare("spend", .lessOrEqual, .double(-0.5)), #"("spend" <= -0.5)"#),
    ConditionCase(.compare("spend", .greater, .double(1e-05)), #"("spend" > 1e-05)"#),
    ConditionCase(.compare("spend", .greaterOrEqual, .double(1e20)), #"("spend" >= 1e+20)"#),
    // Date: the day itself
    ConditionCase(.compare("joined", .equal, .date(jan2)), #"("joined" = DATE '2024-01-02')"#),
    ConditionCase(.compare("joined", .notEqual, .date(jan2)), #"("joined" <> DATE '2024-01-02')"#),
    ConditionCase(.compare("joined", .less, .date(jan2)), #"("joined" < DATE '2024-01-02')"#),
    ConditionCase(.compare("joined", .lessOrEqual, .date(jan2)), #"("joined" <= DATE '2024-01-02')"#),
    ConditionCase(.compare("joined", .greater, .date(jan2)), #"("joined" > DATE '2024-01-02')"#),
    ConditionCase(.compare("joined", .greaterOrEqual, .date(jan2)), #"("joined" >= DATE '2024-01-02')"#),
    ConditionCase(
      .compare("joined", .less, .date(Fixture.day(1969, 12, 31))), #"("joined" < DATE '1969-12-31')"#),
    // Timestamp: its day is compared
    ConditionCase(.compare("seen", .equal, .date(jan2)), #"(CAST("seen" AS DATE) = DATE '2024-01-02')"#),
    ConditionCase(.compare("seen", .notEqual, .date(jan2)), #"(CAST("seen" AS DATE) <> DATE '2024-01-02')"#),
    ConditionCase(.compare("seen", .less, .date(jan2)), #"(CAST("seen" AS DATE) < DATE '2024-01-02')"#),
    ConditionCase(
      .compare("seen", .lessOrEqual, .date(jan2)), #"(CAST("seen" AS DATE) <= DATE '2024-01-02')"#),
    ConditionCase(.compare("seen", .greater, .date(jan2)), #"(CAST("seen" AS DATE) > DATE '2024-01-02')"#),
    ConditionCase(
      .compare("seen", .greaterOrEqual, .date(jan2)), #"(CAST("seen" AS DATE) >= DATE '2024-01-02')"#),
    // String: a parameter; ordered comparisons by bytes
    ConditionCase(.compare("region", .equal, .string("North")), #"("region" = $1)"#, ["North"]),
    ConditionCase(.compare("region", .notEqual, .string("North")), #"("region" <> $1)"#, ["North"]),
    ConditionCase(.compare("region", .less, .string("N")), #"(("region" COLLATE "C") < $1)"#, ["N"]),
    ConditionCase(.compare("region", .lessOrEqual, .string("N")), #"(("region" COLLATE "C") <= $1)"#, ["N"]),
    ConditionCase(.compare("region", .greater, .string("N")), #"(("region" COLLATE "C") > $1)"#, ["N"]),
    ConditionCase(
      .compare("region", .greaterOrEqual, .string("N")), #"(("region" COLLATE "C") >= $1)"#, ["N"]),
    // Bool
    ConditionCase(.compare("active", .equal, .bool(true)), #"("active" = TRUE)"#),
    ConditionCase(.compare("active", .equal, .bool(false)), #"("active" = FALSE)"#),
    ConditionCase(.compare("active", .notEqual, .bool(true)), #"("active" <> TRUE)"#),
  ]

  @Test("compare, every operator on every comparable type", arguments: comparisonsCases)
  func compare(_ c: ConditionCase) throws { try check(c) }

  static let betweensCases: [ConditionCase] = [
    ConditionCase(.between("age", .int(18), .int(30), negated: false), #"("age" BETWEEN 18 AND 30)"#),
    ConditionCase(.between("age", .int(18), .int(30), negated: true), #"(NOT ("age" BETWEEN 18 AND 30))"#),
    ConditionCase(
      .between("spend", .double(0.5), .int(100), negated: false), #"("spend" BETWEEN 0.5 AND 100)"#),
    ConditionCase(
      .between("joined", .date(jan1), .date(dec31), negated: false),
      #"("joined" BETWEEN DATE '2024-01-01' AND DATE '2024-12-31')"#),
    ConditionCase(
      .between("seen", .date(jan1), .date(dec31), negated: true),
      #"(NOT (CAST("seen" AS DATE) BETWEEN DATE '2024-01-01' AND DATE '2024-12-31'))"#),
    ConditionCase(
      .between("region", .string("A"), .string("M"), negated: false),
      #"(("region" COLLATE "C") BETWEEN $1 AND $2)"#, ["A", "M"]),
    ConditionCase(
      .between("region", .string("A"), .string("M"), negated: true),
      #"(NOT (("region" COLLATE "C") BETWEEN $1 AND $2))"#, ["A", "M"]),
  ]

  @Test("between and not between", arguments: betweensCases)
  func between(_ c: ConditionCase) throws { try check(c) }

  static let oneOfsCases: [ConditionCase] = [
    ConditionCase(
      .oneOf("region", [.string("North"), .string("South")], negated: false),
      #"("region" IN ($1, $2))"#, ["North", "South"]),
    ConditionCase(
      .oneOf("region", [.string("North")], negated: true), #"(NOT ("region" IN ($1)))"#, ["North"]),
    ConditionCase(
      .oneOf("age", [.int(18), .int(21), .int(30)], negated: false), #"("age" IN (18, 21, 30))"#),
    ConditionCase(.oneOf("spend", [.double(1.5), .int(2)], negated: true), #"(NOT ("spend" IN (1.5, 2)))"#),
    ConditionCase(
      .oneOf("joined", [.date(jan1), .date(jan2)], negated: false),
      #"("joined" IN (DATE '2024-01-01', DATE '2024-01-02'))"#),
    ConditionCase(
      .oneOf("seen", [.date(jan2)], negated: false), #"(CAST("seen" AS DATE) IN (DATE '2024-01-02'))"#),
    ConditionCase(.oneOf("active", [.bool(true)], negated: false), #"("active" IN (TRUE))"#),
    // A list: any item is one of the values (null for a null list, as the memory engine's unknown).
    ConditionCase(
      .oneOf("tags", [.string("vip"), .string("new")], negated: false),
      #"("tags" && CAST(ARRAY[$1, $2] AS TEXT[]))"#, ["vip", "new"]),
    ConditionCase(
      .oneOf("tags", [.string("vip")], negated: true), #"(NOT ("tags" && CAST(ARRAY[$1] AS TEXT[])))"#,
      ["vip"]),
  ]

  @Test("in and not in, on text, numbers, days, booleans and lists", arguments: oneOfsCases)
  func oneOf(_ c: ConditionCase) throws { try check(c) }

  static let textTestsCases: [ConditionCase] = [
    ConditionCase(.text("region", .contains, "or", negated: false), #"(strpos("region", $1) > 0)"#, ["or"]),
    ConditionCase(
      .text("region", .contains, "or", negated: true), #"(NOT (strpos("region", $1) > 0))"#, ["or"]),
    ConditionCase(.text("region", .startsWith, "No", negated: false), #"starts_with("region", $1)"#, ["No"]),
    ConditionCase(
      .text("region", .startsWith, "No", negated: true), #"(NOT starts_with("region", $1))"#, ["No"]),
    // The needle is bound twice: once for its length, once to compare.
    ConditionCase(
      .text("region", .endsWith, "th", negated: false), #"(right("region", char_length($1)) = $2)"#,
      ["th", "th"]),
    ConditionCase(
      .text("region", .endsWith, "th", negated: true), #"(NOT (right("region", char_length($1)) = $2))"#,
      ["th", "th"]),
    // A list: contains means an item equals the text.
    ConditionCase(
      .text("tags", .contains, "vip", negated: false), #"("tags" && CAST(ARRAY[$1] AS TEXT[]))"#, ["vip"]),
    ConditionCase(
      .text("tags", .contains, "vip", negated: true), #"(NOT ("tags" && CAST(ARRAY[$1] AS TEXT[])))"#, ["vip"]
    ),
    ConditionCase(
      .text("tags", .startsWith, "v", negated: false),
      """
      (CASE WHEN "tags" IS NULL THEN NULL ELSE EXISTS (SELECT 1 FROM unnest("tags") AS seg_items(item)
      WHERE starts_with(seg_items.item, $1)) END)
      """, ["v"]),
    ConditionCase(
      .text("tags", .endsWith, "p", negated: true),
      """
      (NOT (CASE WHEN "tags" IS NULL THEN NULL ELSE EXISTS (SELECT 1 FROM unnest("tags") AS seg_items(item)
      WHERE (right(seg_items.item, char_length($1)) = $2)) END))
      """, ["p", "p"]),
    // Equality ignoring the case of A to Z only, whatever the server's locale: translate, not lower.
    ConditionCase(
      .text("region", .equalsIgnoringCase, "North", negated: false),
      """
      (translate("region", 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') = translate($1, \
      'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'))
      """, ["North"]),
  ]

  @Test("contains, starts with, ends with on text and list columns", arguments: textTestsCases)
  func text(_ c: ConditionCase) throws { try check(c) }

  static let othersCases: [ConditionCase] = [
    ConditionCase(.isNull("age", negated: false), #"("age" IS NULL)"#),
    ConditionCase(.isNull("tags", negated: true), #"("tags" IS NOT NULL)"#),
    ConditionCase(.isNull("seen", negated: true), #"("seen" IS NOT NULL)"#),
    ConditionCase(
      .dayRange("joined", from: jan1, through: jan31),
      #"("joined" >= DATE '2024-01-01' AND "joined" <= DATE '2024-01-31')"#),
    ConditionCase(.dayRange("joined", from: nil, through: jan31), #"("joined" <= DATE '2024-01-31')"#),
    ConditionCase(
      .dayRange("seen", from: jan1, through: nil), #"(CAST("seen" AS DATE) >= DATE '2024-01-01')"#),
    // Both ends open: true where there is a day, unknown where there is none, as in memory.
    ConditionCase(.dayRange("joined", from: nil, through: nil), #"("joined" = "joined")"#),
    ConditionCase(
      .dayRange("seen", from: nil, through: nil), #"(CAST("seen" AS DATE) = CAST("seen" AS DATE))"#),
    ConditionCase(.isTrue("active"), #"("active" = TRUE)"#),
    // A segment is never unknown.
    ConditionCase(.segment("young", .compare("age", .less, .int(30))), #"COALESCE(("age" < 30), FALSE)"#),
    ConditionCase(
      .not(.segment("north", .compare("region", .equal, .string("North")))),
      #"(NOT COALESCE(("region" = $1), FALSE))"#, ["North"]),
    ConditionCase(
      .segment("outer", .and(.segment("inner", .isTrue("active")), .isNull("age", negated: true))),
      #"COALESCE((COALESCE(("active" = TRUE), FALSE) AND ("age" IS NOT NULL)), FALSE)"#),
  ]

  @Test("is null, day ranges, Bool columns and segments", arguments: othersCases)
  func other(_ c: ConditionCase) throws { try check(c) }

  static let logicCases: [ConditionCase] = [
    ConditionCase(
      .and(.compare("age", .less, .int(30)), .isTrue("active")), #"(("age" < 30) AND ("active" = TRUE))"#),
    ConditionCase(
      .or(.compare("age", .less, .int(30)), .compare("region", .equal, .string("North"))),
      #"(("age" < 30) OR ("region" = $1))"#, ["North"]),
    ConditionCase(.not(.isTrue("active")), #"(NOT ("active" = TRUE))"#),
    ConditionCase(.not(.not(.isTrue("active"))), #"(NOT (NOT ("active" = TRUE)))"#),
    ConditionCase(
      .and(
        .or(.compare("region", .equal, .string("A")), .text("region", .startsWith, "B", negated: false)),
        .not(.and(.oneOf("tags", [.string("C")], negated: false), .compare("region", .less, .string("D"))))),
      """
      ((("region" = $1) OR starts_with("region", $2)) AND
      (NOT (("tags" && CAST(ARRAY[$3] AS TEXT[])) AND (("region" COLLATE "C") < $4))))
      """, ["A", "B", "C", "D"]),
    ConditionCase(
      .or(
        .and(.isNull("age", negated: false), .dayRange("joined", from: jan1, through: nil)), .isTrue("active")
      ),
      #"((("age" IS NULL) AND ("joined" >= DATE '2024-01-01')) OR ("active" = TRUE))"#),
  ]

  @Test("and, or and not nest with parentheses; parameters numbered left to right", arguments: logicCases)
  func nesting(_ c: ConditionCase) throws { try check(c) }

  @Test("a snapshot segment cannot be written as SQL")
  func frozen() throws {
    let frozen = Condition.frozen("loyal", rows: Bitmap(count: 4, allSet: true))
    let expected = EngineError(
      .unsupported("segment loyal is a snapshot of rows in memory; define it without 'as of snapshot'"))
    #expect(throws: expected) { try Fixture.compiler.condition(frozen) }
    #expect(throws: expected) { try Fixture.compiler.condition(.and(.isTrue("active"), .not(frozen))) }
    #expect(throws: expected) { try Fixture.compiler.selectAll(Fixture.filtered(frozen)) }
    #expect(throws: expected) {
      try Fixture.compiler.statement(Query(.count, over: Fixture.filtered(frozen)))
    }
    #expect(throws: expected) {
      try Fixture.compiler.statement(Query(.countWhere([.isTrue("active"), frozen]), over: Fixture.everyone))
    }
    let error = try #require(throws: EngineError.self) { try Fixture.compiler.condition(frozen) }
    #expect(error.message.contains("snapshot"))
    #expect(error.message.contains("loyal"))
  }

  /// Issue 18, item 5: a segment of 20,000 `or`s compiled one stack frame per clause.
  @Test("a chain of 20,000 clauses compiles in a loop, with the same parentheses")
  func longChains() throws {
    var condition = Condition.compare("age", .equal, .int(0))
    for i in 1..<20_000 {
      condition =
        i % 2 == 0
        ? .or(condition, .compare("age", .equal, .int(Int64(i))))
        : .and(condition, .compare("age", .notEqual, .int(Int64(i))))
    }
    let text = try Fixture.compiler.condition(condition).withPlaceholders(dialect)
    #expect(text.hasPrefix(String(repeating: "(", count: 19_999) + #"("age" = 0) AND ("age" <> 1)) OR"#))
    #expect(text.hasSuffix(#" AND ("age" <> 19999))"#))
    let small = try Fixture.compiler.condition(
      .or(.and(.isTrue("active"), .isNull("age", negated: false)), .isTrue("active")))
    #expect(
      small.withPlaceholders(dialect) == #"((("active" = TRUE) AND ("age" IS NULL)) OR ("active" = TRUE))"#)
  }

  @Test("a column the schema lacks, or a value no column holds, is an error")
  func unsupported() {
    #expect(throws: EngineError(.unsupported("no column 'nope' in table customers"))) {
      try Fixture.compiler.condition(.compare("nope", .equal, .int(1)))
    }
    #expect(throws: EngineError.self) { try Fixture.compiler.condition(.compare("age", .equal, .null)) }
    #expect(throws: EngineError.self) {
      try Fixture.compiler.condition(.oneOf("tags", [.list(["a"])], negated: false))
    }
  }
}
