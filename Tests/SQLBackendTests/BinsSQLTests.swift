import Columnar
import SQLBackend
import SegmentPlan
import Testing

@Suite("SQL of bins")
struct BinsSQLTests {
  let dialect = Fixture.dialect
  let compiler = Fixture.compiler

  private func sql(_ text: SQLText) -> String { text.withPlaceholders(dialect) }

  @Test("bins take two statements, so statement(_:) has none")
  func noSingleStatement() throws {
    #expect(try compiler.statement(Query(.bins("age", count: 10), over: Fixture.everyone)) == nil)
  }

  @Test(
    "binRange: the least and greatest value, dates and timestamps by day number",
    arguments: [
      ("age", #"SELECT min("age") AS "lo", max("age") AS "hi" FROM "customers""#),
      ("spend", #"SELECT min("spend") AS "lo", max("spend") AS "hi" FROM "customers""#),
      (
        "joined",
        #"""
        SELECT min(("joined" - DATE '1970-01-01')) AS "lo", max(("joined" - DATE '1970-01-01')) AS "hi"
        FROM "customers"
        """#
      ),
      (
        "seen",
        #"""
        SELECT min((CAST("seen" AS DATE) - DATE '1970-01-01')) AS "lo",
        max((CAST("seen" AS DATE) - DATE '1970-01-01')) AS "hi" FROM "customers"
        """#
      ),
    ])
  func binRange(column: String, expected: String) throws {
    #expect(sql(try compiler.binRange(column, Fixture.everyone)) == oneLine(expected))
  }

  @Test("binRange keeps the relation's filter and its parameters")
  func binRangeFiltered() throws {
    let text = try compiler.binRange("age", Fixture.filtered(.compare("region", .equal, .string("North"))))
    #expect(
      sql(text) == #"SELECT min("age") AS "lo", max("age") AS "hi" FROM "customers" WHERE ("region" = $1)"#)
    #expect(text.parameters == ["North"])
  }

  @Test("binCounts for whole numbers: integer division from the least value")
  func binCountsWhole() throws {
    #expect(
      sql(try compiler.binCounts("age", Fixture.everyone, low: .int(18), width: .int(7), count: 9))
        == oneLine(
          #"""
          SELECT (("age" - 18) / 7) AS "bin", count(*) AS "count" FROM "customers"
          WHERE "age" IS NOT NULL GROUP BY 1 ORDER BY 1
          """#))
    #expect(
      sql(try compiler.binCounts("age", Fixture.everyone, low: .int(-5), width: .int(1), count: 3))
        == oneLine(
          #"""
          SELECT (("age" - -5) / 1) AS "bin", count(*) AS "count" FROM "customers"
          WHERE "age" IS NOT NULL GROUP BY 1 ORDER BY 1
          """#))
    #expect(
      sql(try compiler.binCounts("joined", Fixture.everyone, low: .int(19_000), width: .int(30), count: 4))
        == oneLine(
          #"""
          SELECT ((("joined" - DATE '1970-01-01') - 19000) / 30) AS "bin", count(*) AS "count" FROM
          "customers"
          WHERE "joined" IS NOT NULL GROUP BY 1 ORDER BY 1
          """#))
    let filtered = Fixture.filtered(.text("region", .startsWith, "N", negated: false))
    let seen = try compiler.binCounts("seen", filtered, low: .int(-3), width: .int(2), count: 5)
    #expect(
      sql(seen)
        == oneLine(
          #"""
          SELECT (((CAST("seen" AS DATE) - DATE '1970-01-01') - -3) / 2) AS "bin", count(*) AS "count"
          FROM "customers" WHERE starts_with("region", $1) AND "seen" IS NOT NULL GROUP BY 1 ORDER BY 1
          """#))
    #expect(seen.parameters == ["N"])
  }

  /// Issue 18, item 3: `age - lo` overflows BIGINT when the values span more than Int64 holds, and
  /// `spend - lo` overflows to infinity between -1e308 and 1e308.
  @Test("binCounts across the whole range of a type: no subtraction that overflows")
  func binCountsWide() throws {
    let (width, count) = BinLayout.whole(lo: .min, hi: .max, bins: 10)
    #expect(
      sql(try compiler.binCounts("age", Fixture.everyone, low: .int(.min), width: .int(width), count: count))
        == oneLine(
          #"""
          SELECT LEAST(CAST(floor((CAST("age" AS DECIMAL(20,0)) - -9223372036854775808) / 1844674407370955162)
          AS BIGINT), 9) AS "bin", count(*) AS "count" FROM "customers"
          WHERE "age" IS NOT NULL GROUP BY 1 ORDER BY 1
          """#))
    let decimal = BinLayout.decimal(lo: -1e308, hi: 1e308, bins: 10)
    #expect(decimal.width == 2e307)
    #expect(
      sql(
        try compiler.binCounts(
          "spend", Fixture.everyone, low: .double(-1e308), width: .double(decimal.width), count: 10))
        == oneLine(
          #"""
          SELECT LEAST(GREATEST(CAST(floor(("spend" / 2e+307 - -5.0)) AS BIGINT), 0), 9) AS "bin",
          count(*) AS "count" FROM "customers" WHERE "spend" IS NOT NULL GROUP BY 1 ORDER BY 1
          """#))
  }

  @Test("BinLayout never overflows", arguments: [1, 2, 3, 10])
  func layoutsAtTheEndsOfTypes(bins: Int) {
    let (width, count) = BinLayout.whole(lo: .min, hi: .max, bins: bins)
    #expect(width > 0 && count <= max(bins, 3))
    #expect(BinLayout.bin(of: .max, lo: .min, width: width) == count - 1)
    #expect(BinLayout.bounds(ofBin: count - 1, lo: .min, hi: .max, width: width).end == .max)
    #expect(BinLayout.whole(lo: 5, hi: 5, bins: bins) == (1, 1))
    let (w, n) = BinLayout.decimal(lo: -.greatestFiniteMagnitude, hi: .greatestFiniteMagnitude, bins: bins)
    // One bin as wide as every Double is the only layout whose width is infinite.
    #expect(w.isFinite || n == 1)
    #expect(
      BinLayout.bin(of: .greatestFiniteMagnitude, lo: -.greatestFiniteMagnitude, width: w, count: n) == n - 1)
    #expect(BinLayout.start(ofBin: n, lo: -1e308, hi: 1e308, width: w, count: n) == 1e308)
  }

  @Test("binCounts for decimals: floored, clamped to the bins, one bin when the width is 0")
  func binCountsDecimal() throws {
    #expect(
      sql(
        try compiler.binCounts("spend", Fixture.everyone, low: .double(1.5), width: .double(0.25), count: 4))
        == oneLine(
          #"""
          SELECT LEAST(GREATEST(CAST(floor(("spend" - 1.5) / 0.25) AS BIGINT), 0), 3) AS "bin",
          count(*) AS "count" FROM "customers" WHERE "spend" IS NOT NULL GROUP BY 1 ORDER BY 1
          """#))
    #expect(
      sql(
        try compiler.binCounts(
          "spend", Fixture.everyone, low: .double(-0.1), width: .double(0.30000000000000004), count: 10))
        == oneLine(
          #"""
          SELECT LEAST(GREATEST(CAST(floor(("spend" - -0.1) / 0.30000000000000004) AS BIGINT), 0), 9) AS
          "bin",
          count(*) AS "count" FROM "customers" WHERE "spend" IS NOT NULL GROUP BY 1 ORDER BY 1
          """#))
    #expect(
      sql(try compiler.binCounts("spend", Fixture.everyone, low: .double(2.5), width: .double(0), count: 1))
        == oneLine(
          #"""
          SELECT 0 AS "bin", count(*) AS "count" FROM "customers"
          WHERE "spend" IS NOT NULL GROUP BY 1 ORDER BY 1
          """#))
  }

  /// The frame `bins` returns: `start`, `end` and `count` per bin.
  private func answer(_ start: Column, _ end: Column, _ counts: [Int64]) -> Frame {
    Frame(columns: [start, end, Column.int("count", counts)])
  }

  @Test("statements for Int bins: the range, then the counts with the layout the answer implies")
  func statementsWhole() throws {
    // 18...79 in at most 10 bins: width 7, 9 bins, as the memory engine answers.
    let frame = answer(
      Column.int("start", [18, 25, 32, 39, 46, 53, 60, 67, 74]),
      Column.int("end", [24, 31, 38, 45, 52, 59, 66, 73, 79]),
      [1, 2, 3, 4, 5, 6, 7, 8, 9])
    let query = Query(.bins("age", count: 10), over: Fixture.everyone)
    let texts = try compiler.statements(for: query, answer: frame)
    #expect(
      texts.map(sql) == [
        #"SELECT min("age") AS "lo", max("age") AS "hi" FROM "customers""#,
        oneLine(
          #"""
          SELECT (("age" - 18) / 7) AS "bin", count(*) AS "count" FROM "customers"
          WHERE "age" IS NOT NULL GROUP BY 1 ORDER BY 1
          """#),
      ])
  }

  @Test("statements for Date bins count days from the first day")
  func statementsDates() throws {
    let first = Fixture.day(2024, 1, 1)
    let frame = answer(
      Column.date("start", days: [first, first + 10]), Column.date("end", days: [first + 9, first + 15]),
      [3, 4])
    let query = Query(
      .bins("joined", count: 2), over: Fixture.filtered(.compare("region", .equal, .string("N"))))
    let texts = try compiler.statements(for: query, answer: frame)
    #expect(texts.count == 2)
    #expect(
      sql(texts[1])
        == oneLine(
          """
          SELECT ((("joined" - DATE '1970-01-01') - \(first)) / 8) AS "bin", count(*) AS "count" FROM
          "customers"
          WHERE ("region" = $1) AND "joined" IS NOT NULL GROUP BY 1 ORDER BY 1
          """))
    #expect(texts.map(\.parameters) == [["N"], ["N"]])
  }

  @Test("statements for Double bins: width from the first start to the last end")
  func statementsDecimal() throws {
    let frame = answer(
      Column.double("start", [1.0, 2.0, 3.0, 4.0]), Column.double("end", [2.0, 3.0, 4.0, 5.0]), [1, 1, 1, 1])
    let texts = try compiler.statements(
      for: Query(.bins("spend", count: 4), over: Fixture.everyone), answer: frame)
    #expect(
      texts.map(sql) == [
        #"SELECT min("spend") AS "lo", max("spend") AS "hi" FROM "customers""#,
        oneLine(
          #"""
          SELECT LEAST(GREATEST(CAST(floor(("spend" - 1.0) / 1.0) AS BIGINT), 0), 3) AS "bin",
          count(*) AS "count" FROM "customers" WHERE "spend" IS NOT NULL GROUP BY 1 ORDER BY 1
          """#),
      ])
  }

  @Test("statements for Double bins of one value: one bin of width 0")
  func statementsDecimalOneValue() throws {
    let frame = answer(Column.double("start", [2.5]), Column.double("end", [2.5]), [7])
    let texts = try compiler.statements(
      for: Query(.bins("spend", count: 10), over: Fixture.everyone), answer: frame)
    #expect(
      texts.map(sql).last
        == oneLine(
          #"""
          SELECT 0 AS "bin", count(*) AS "count" FROM "customers"
          WHERE "spend" IS NOT NULL GROUP BY 1 ORDER BY 1
          """#))
  }

  @Test("statements for bins with no values: the range only")
  func statementsEmpty() throws {
    let frame = answer(Column.int("start", []), Column.int("end", []), [])
    let texts = try compiler.statements(
      for: Query(.bins("age", count: 10), over: Fixture.everyone), answer: frame)
    #expect(texts.map(sql) == [#"SELECT min("age") AS "lo", max("age") AS "hi" FROM "customers""#])
  }
}
