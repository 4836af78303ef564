import Columnar
import SQLBackend
import SegmentPlan
import Testing

/// `derive`'s formulas as SQL: every Int in BIGINT, every Double in double precision, and the few places
/// where SQL's own arithmetic differs from memory's (division by zero, rounding, yyyymmdd digits)
/// written out so that the server computes what memory computes.
@Suite("SQL of derive's formulas")
struct FormulaSQLTests {
  /// A table with an Int, a Double, a date, a timestamp and a text column.
  func table(_ dialect: any SQLDialect) -> SQLTable {
    SQLTable(
      schema: TableSchema(
        name: "t",
        columns: [
          ColumnSchema(name: "n", type: .int), ColumnSchema(name: "x", type: .double),
          ColumnSchema(name: "d", type: .date), ColumnSchema(name: "ts", type: .timestamp),
          ColumnSchema(name: "s", type: .string),
        ]), from: dialect.identifier("t"), rowOrder: nil)
  }

  func node(_ kind: ColumnFormula.Kind, _ type: ColumnType?) -> ColumnFormula {
    ColumnFormula(kind, type: type, text: "…", span: 0..<1)
  }

  func column(_ name: String, _ type: ColumnType) -> ColumnFormula { node(.column(name), type) }

  /// The SQL of the derived column `v` over `t`.
  func sql(_ formula: ColumnFormula, _ dialect: any SQLDialect = PostgreSQLDialect()) throws -> String {
    let added = try table(dialect).adding([.derived("v", formula)], dialect: dialect)
    #expect(added.schema.columns.last == ColumnSchema(name: "v", type: formula.type!))
    let from = added.from
    let start = from.firstRange(of: dialect.identifier("s") + ", ")!.upperBound
    let end = from.firstRange(of: " AS " + dialect.identifier("v"))!.lowerBound
    return String(from[start..<end])
  }

  @Test func wholeNumbersStayBigintsAndADivisionIsOfDoublesWithNullForZero() throws {
    let n = column("n", .int)
    let product = node(.arithmetic(.multiply, n, node(.literal(.int(3)), .int)), .int)
    #expect(try sql(product) == #"(CAST("n" AS BIGINT) * CAST(3 AS BIGINT))"#)
    let quotient = node(.arithmetic(.divide, n, n), .double)
    #expect(
      try sql(quotient)
        == #"(CAST(CAST("n" AS BIGINT) AS DOUBLE PRECISION) / NULLIF(CAST(CAST("n" AS BIGINT) AS DOUBLE PRECISION), 0))"#
    )
    let remainder = node(.arithmetic(.remainder, n, node(.literal(.int(4)), .int)), .int)
    #expect(try sql(remainder) == #"(CAST("n" AS BIGINT) % NULLIF(CAST(4 AS BIGINT), 0))"#)
  }

  @Test func aRemainderOfDoublesIsExactOnSparkAndRefusedOnPostgreSQL() throws {
    let remainder = node(
      .arithmetic(.remainder, column("x", .double), node(.literal(.double(0.5)), .double)), .double)
    #expect(
      try sql(remainder, SparkSQLDialect()) == "(CAST(`x` AS DOUBLE) % NULLIF(CAST(0.5D AS DOUBLE), 0))")
    #expect(throws: EngineError.self) { try sql(remainder) }
  }

  @Test func aTypelessNullTakesTheOtherOperandsTypeAndMakesEveryRowNull() throws {
    let sum = node(.arithmetic(.add, node(.null, nil), column("n", .int)), .int)
    #expect(try sql(sum) == "CAST(NULL AS BIGINT)")
    let either = node(
      .function(.coalesce, [node(.null, nil), column("n", .int), column("x", .double)]), .double)
    #expect(
      try sql(either)
        == #"COALESCE(CAST(NULL AS DOUBLE PRECISION), CAST(CAST("n" AS BIGINT) AS DOUBLE PRECISION), CAST("x" AS DOUBLE PRECISION))"#
    )
  }

  @Test func roundingIsHalfAwayFromZeroWithoutTheServersOwnRound() throws {
    let twoPlaces = try sql(node(.function(.round(digits: 2), [column("x", .double)]), .double))
    let v = #"(CAST("x" AS DOUBLE PRECISION) * 100.0)"#
    #expect(
      twoPlaces
        == "(CASE WHEN abs(\(v)) < 4503599627370496.0 THEN trunc(\(v)) + trunc(2 * (\(v) - trunc(\(v)))) "
        + "ELSE \(v) END / 100.0)")
    #expect(!twoPlaces.contains("round("))
    let hundreds = try sql(node(.function(.round(digits: -2), [column("n", .int)]), .int))
    let n = #"CAST("n" AS BIGINT)"#
    #expect(
      hundreds
        == "CASE WHEN (\(n) % 100) >= 50 THEN (\(n) - (\(n) % 100)) + 100 "
        + "WHEN (\(n) % 100) <= -50 THEN (\(n) - (\(n) % 100)) - 100 ELSE (\(n) - (\(n) % 100)) END")
  }

  @Test func daysSinceCountsFromThePinnedDayOrTheColumnsLatest() throws {
    let pinned = try sql(node(.function(.daysSince(today: 20_000), [column("d", .date)]), .int))
    #expect(pinned == #"CAST(20000 - ("d" - DATE '1970-01-01') AS BIGINT)"#)
    let latest = try sql(
      node(.function(.daysSince(today: nil), [column("ts", .timestamp)]), .int), SparkSQLDialect())
    let day = "CAST(unix_date(CAST(`ts` AS DATE)) AS BIGINT)"
    #expect(latest == "CAST(max(\(day)) OVER () - \(day) AS BIGINT)")
  }

  @Test func digitsBecomeADateOnlyWhenTheyAreARealDay() throws {
    let date = try sql(node(.function(.date, [column("n", .int)]), .date), SparkSQLDialect())
    #expect(date.hasPrefix("CASE WHEN CAST(`n` AS BIGINT) BETWEEN 10101 AND 99991231 AND "))
    // The month and year are clamped, so that no row's digits make the server fail.
    #expect(date.contains("make_date(CAST(GREATEST(1, LEAST(9999, (CAST(`n` AS BIGINT) DIV 10000))) AS INT)"))
    #expect(date.contains("THEN CASE WHEN "))
  }

  @Test func caseBranchesShareOneTypeAndConditionsAreWrittenOut() throws {
    let formula = node(
      .caseWhen(
        [FormulaBranch(condition: .compare("s", .equal, .string("it's")), value: column("n", .int))],
        otherwise: column("x", .double)), .double)
    #expect(
      try sql(formula)
        == #"CASE WHEN ("s" = 'it''s') THEN CAST(CAST("n" AS BIGINT) AS DOUBLE PRECISION) ELSE CAST("x" AS DOUBLE PRECISION) END"#
    )
  }

  @Test func caseMappingFollowsUnicodeOnEveryServer() throws {
    let upper = node(.function(.upper, [column("s", .string)]), .string)
    #expect(try sql(upper) == #"upper("s" COLLATE "und-x-icu")"#)
    #expect(try sql(upper, SparkSQLDialect()) == "upper(`s`)")
  }

  @Test func aFormulaReadsTheColumnsOfItsConditionsToo() {
    let formula = node(
      .caseWhen(
        [
          FormulaBranch(
            condition: .segment("big", .compare("x", .greater, .int(5))), value: column("n", .int))
        ],
        otherwise: nil), .int)
    #expect(formula.columnsRead == ["x", "n"])
    #expect(ColumnRecipe.derived("v", formula).inputs == ["x", "n"])
  }
}
