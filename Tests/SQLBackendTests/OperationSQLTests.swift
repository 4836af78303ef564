import Columnar
import SQLBackend
import SegmentPlan
import Testing

private let young = Condition.compare("age", .less, .int(30))
private let north = Condition.compare("region", .equal, .string("North"))

@Suite("SQL of operations")
struct OperationSQLTests {
  let dialect = Fixture.dialect

  private func check(_ c: QueryCase) throws {
    let text = try #require(try c.compiler.statement(c.query))
    #expect(text.withPlaceholders(dialect) == c.expected.sql)
    #expect(text.parameters == c.expected.parameters)
    // statements(for:answer:) gives the same one statement for everything but bins and the two-step
    // counts (see countWhereOfOneConditionIsACountThenTheTablesSize).
    if case .countWhere(let conditions) = c.query.operation, c.query.relation.filter == nil,
      conditions.count == 1
    {
      return
    }
    #expect(try c.compiler.statements(for: c.query, answer: Frame(columns: [])) == [text])
  }

  static let countsCases: [QueryCase] = [
    QueryCase(.count, #"SELECT count(*) AS "count" FROM "customers""#),
    QueryCase(
      .count, over: Fixture.filtered(young),
      #"SELECT count(*) AS "count" FROM "customers" WHERE ("age" < 30)"#),
    QueryCase(
      .count, over: Fixture.filtered(.segment("north", north)),
      #"SELECT count(*) AS "count" FROM "customers" WHERE COALESCE(("region" = $1), FALSE)"#, ["North"]),
    QueryCase(
      .countWhere([young]),
      #"SELECT count(*) AS "rows", count(*) FILTER (WHERE ("age" < 30)) AS "n.0" FROM "customers""#),
    // The conditions' parameters come before the filter's, as their text does.
    QueryCase(
      .countWhere([young, north, .and(young, north)]),
      over: Fixture.filtered(.text("region", .contains, "r", negated: false)),
      """
      SELECT count(*) AS "rows", count(*) FILTER (WHERE ("age" < 30)) AS "n.0",
      count(*) FILTER (WHERE ("region" = $1)) AS "n.1",
      count(*) FILTER (WHERE (("age" < 30) AND ("region" = $2))) AS "n.2"
      FROM "customers" WHERE (strpos("region", $3) > 0)
      """, ["North", "North", "r"]),
  ]

  @Test("count and countWhere", arguments: countsCases)
  func count(_ c: QueryCase) throws { try check(c) }

  static let countBysCases: [QueryCase] = [
    QueryCase(
      .countBy(["region"]),
      """
      SELECT "region" AS "region", count(*) AS "count" FROM "customers"
      GROUP BY 1 ORDER BY count(*) DESC, ("region" COLLATE "C") ASC NULLS LAST
      """),
    QueryCase(
      .countBy(["age"]), over: Fixture.filtered(north),
      """
      SELECT "age" AS "age", count(*) AS "count" FROM "customers" WHERE ("region" = $1)
      GROUP BY 1 ORDER BY count(*) DESC, "age" ASC NULLS LAST
      """, ["North"]),
    QueryCase(
      .countBy(["active"]),
      """
      SELECT "active" AS "active", count(*) AS "count" FROM "customers"
      GROUP BY 1 ORDER BY count(*) DESC, "active" ASC NULLS LAST
      """),
    QueryCase(
      .countBy(["region", "active"]),
      """
      SELECT "region" AS "region", "active" AS "active", count(*) AS "count" FROM "customers"
      GROUP BY 1, 2 ORDER BY count(*) DESC, ("region" COLLATE "C") ASC NULLS LAST, "active" ASC NULLS LAST
      """),
    QueryCase(
      .countBy(["joined", "seen"]),
      """
      SELECT "joined" AS "joined", "seen" AS "seen", count(*) AS "count" FROM "customers"
      GROUP BY 1, 2 ORDER BY count(*) DESC, "joined" ASC NULLS LAST, "seen" ASC NULLS LAST
      """),
    // A list key counts a row once per item, a null list once as a null item.
    QueryCase(
      .countBy(["tags"]), over: Fixture.filtered(young),
      """
      SELECT seg_exploded.seg_exploded AS "tags", count(*) AS "count" FROM "customers"
      CROSS JOIN LATERAL unnest(CASE WHEN "tags" IS NULL THEN CAST(ARRAY[NULL] AS TEXT[]) ELSE "tags" END)
      AS seg_exploded(seg_exploded) WHERE ("age" < 30)
      GROUP BY 1 ORDER BY count(*) DESC, (seg_exploded.seg_exploded COLLATE "C") ASC NULLS LAST
      """),
    QueryCase(
      .countBy(["region", "tags"]),
      """
      SELECT "region" AS "region", seg_exploded.seg_exploded AS "tags", count(*) AS "count" FROM "customers"
      CROSS JOIN LATERAL unnest(CASE WHEN "tags" IS NULL THEN CAST(ARRAY[NULL] AS TEXT[]) ELSE "tags" END)
      AS seg_exploded(seg_exploded)
      GROUP BY 1, 2 ORDER BY count(*) DESC, ("region" COLLATE "C") ASC NULLS LAST,
      (seg_exploded.seg_exploded COLLATE "C") ASC NULLS LAST
      """),
    // Regression: the exploded item was called `item`, so a table's own column `item` became
    // ambiguous ("column reference "item" is ambiguous") in the keys and the filter.
    QueryCase(
      .countBy(["item", "tags"]), over: Relation(table: "t", filter: .compare("item", .equal, .string("x"))),
      compiler: Fixture.compiler([("item", .string), ("tags", .list)]),
      """
      SELECT "item" AS "item", seg_exploded.seg_exploded AS "tags", count(*) AS "count" FROM "t"
      CROSS JOIN LATERAL unnest(CASE WHEN "tags" IS NULL THEN CAST(ARRAY[NULL] AS TEXT[]) ELSE "tags" END)
      AS seg_exploded(seg_exploded) WHERE ("item" = $1)
      GROUP BY 1, 2 ORDER BY count(*) DESC, ("item" COLLATE "C") ASC NULLS LAST,
      (seg_exploded.seg_exploded COLLATE "C") ASC NULLS LAST
      """, ["x"]),
    // A list column called `item`, filtered on itself.
    QueryCase(
      .countBy(["item"]), over: Relation(table: "t", filter: .text("item", .contains, "x", negated: false)),
      compiler: Fixture.compiler([("item", .list)]),
      """
      SELECT seg_exploded.seg_exploded AS "item", count(*) AS "count" FROM "t"
      CROSS JOIN LATERAL unnest(CASE WHEN "item" IS NULL THEN CAST(ARRAY[NULL] AS TEXT[]) ELSE "item" END)
      AS seg_exploded(seg_exploded) WHERE ("item" && CAST(ARRAY[$1] AS TEXT[]))
      GROUP BY 1 ORDER BY count(*) DESC, (seg_exploded.seg_exploded COLLATE "C") ASC NULLS LAST
      """, ["x"]),
    // The alias steps aside from the columns (and the table) that bear its name, whatever their case.
    QueryCase(
      .countBy(["tags"]), over: Relation(table: "seg_exploded_2"),
      compiler: Fixture.compiler([("tags", .list), ("SEG_EXPLODED", .int)], table: "seg_exploded_2"),
      """
      SELECT seg_exploded_3.seg_exploded_3 AS "tags", count(*) AS "count" FROM "seg_exploded_2"
      CROSS JOIN LATERAL unnest(CASE WHEN "tags" IS NULL THEN CAST(ARRAY[NULL] AS TEXT[]) ELSE "tags" END)
      AS seg_exploded_3(seg_exploded_3)
      GROUP BY 1 ORDER BY count(*) DESC, (seg_exploded_3.seg_exploded_3 COLLATE "C") ASC NULLS LAST
      """),
  ]

  @Test("countBy with one key, two keys and a list key", arguments: countBysCases)
  func countBy(_ c: QueryCase) throws { try check(c) }

  /// A count by with its shares' totals: the chosen rows' groups, then the table's size, which an
  /// engine counts once per catalog reading.
  @Test func countByInTableIsTheCountByThenTheTablesSize() throws {
    let query = Query(.countByInTable(["region"]), over: Fixture.filtered(young))
    #expect(try Fixture.compiler.statement(query) == nil)
    let texts = try Fixture.compiler.statements(for: query, answer: Frame(columns: []))
    #expect(
      texts.map { $0.withPlaceholders(dialect) } == [
        oneLine(
          """
          SELECT "region" AS "region", count(*) AS "count" FROM "customers" WHERE ("age" < 30)
          GROUP BY 1 ORDER BY count(*) DESC, ("region" COLLATE "C") ASC NULLS LAST
          """), #"SELECT count(*) AS "count" FROM "customers""#,
      ])
  }

  /// Whether any row meets each condition: a statement each, whose own LIMIT 1 stops at the first row.
  @Test func anyWhereIsOneLimitedStatementPerCondition() throws {
    let query = Query(.anyWhere([north, young]), over: Fixture.filtered(.isTrue("active")))
    #expect(try Fixture.compiler.statement(query) == nil)
    let texts = try Fixture.compiler.statements(for: query, answer: Frame(columns: []))
    #expect(
      texts.map { $0.withPlaceholders(dialect) } == [
        #"SELECT 1 AS "one" FROM "customers" WHERE ("active" = TRUE) AND ("region" = $1) LIMIT 1"#,
        #"SELECT 1 AS "one" FROM "customers" WHERE ("active" = TRUE) AND ("age" < 30) LIMIT 1"#,
      ])
    #expect(texts.map(\.parameters) == [["North"], []])
  }

  /// `count where P` over a whole table runs as the rows meeting P, then the table's size; several
  /// conditions, or a filtered relation, stay one scan with a FILTER per condition.
  @Test func countWhereOfOneConditionIsACountThenTheTablesSize() throws {
    let one = Query(.countWhere([young]), over: Fixture.everyone)
    let texts = try Fixture.compiler.statements(for: one, answer: Frame(columns: []))
    #expect(
      texts.map { $0.withPlaceholders(dialect) } == [
        #"SELECT count(*) AS "count" FROM "customers" WHERE ("age" < 30)"#,
        #"SELECT count(*) AS "count" FROM "customers""#,
      ])
    let two = Query(.countWhere([young, north]), over: Fixture.everyone)
    #expect(try Fixture.compiler.statements(for: two, answer: Frame(columns: [])).count == 1)
    let filtered = Query(.countWhere([north]), over: Fixture.filtered(young))
    #expect(try Fixture.compiler.statements(for: filtered, answer: Frame(columns: [])).count == 1)
  }

  @Test func countByInTableRefusesAListKey() throws {
    #expect(throws: EngineError.self) {
      try Fixture.compiler.statement(Query(.countByInTable(["tags"]), over: Fixture.everyone))
    }
  }

  static let maxDatesCases: [QueryCase] = [
    QueryCase(.maxDate("joined"), #"SELECT max("joined") AS "max" FROM "customers""#),
    QueryCase(.maxDate("seen"), #"SELECT max(CAST("seen" AS DATE)) AS "max" FROM "customers""#),
    // The whole column's latest day, whatever the relation's filter.
    QueryCase(
      .maxDate("joined"), over: Fixture.filtered(young), #"SELECT max("joined") AS "max" FROM "customers""#),
    QueryCase(
      .maxDate("signed up"), compiler: Fixture.compiler([("age", .int), ("signed up", .date)]),
      #"SELECT max("signed up") AS "max" FROM "t""#),
  ]

  @Test("maxDate of a date and of a timestamp column", arguments: maxDatesCases)
  func maxDate(_ c: QueryCase) throws { try check(c) }

  static let summariesCases: [QueryCase] = [
    QueryCase(
      .summarize(["spend"], by: nil, quantiles: []),
      """
      SELECT count(*) AS "rows", count("spend") AS "count.0", sum(CAST("spend" AS DOUBLE PRECISION)) AS
      "sum.0",
      min(CAST("spend" AS DOUBLE PRECISION)) AS "min.0", max(CAST("spend" AS DOUBLE PRECISION)) AS "max.0"
      FROM "customers"
      """),
    QueryCase(
      .summarize(["age", "spend"], by: nil, quantiles: [0.5, 0.9]), over: Fixture.filtered(north),
      """
      SELECT count(*) AS "rows",
      count("age") AS "count.0", sum(CAST("age" AS DOUBLE PRECISION)) AS "sum.0",
      min(CAST("age" AS DOUBLE PRECISION)) AS "min.0", max(CAST("age" AS DOUBLE PRECISION)) AS "max.0",
      percentile_cont(0.5) WITHIN GROUP (ORDER BY CAST("age" AS DOUBLE PRECISION)) AS "q.0.0",
      percentile_cont(0.9) WITHIN GROUP (ORDER BY CAST("age" AS DOUBLE PRECISION)) AS "q.0.1",
      count("spend") AS "count.1", sum(CAST("spend" AS DOUBLE PRECISION)) AS "sum.1",
      min(CAST("spend" AS DOUBLE PRECISION)) AS "min.1", max(CAST("spend" AS DOUBLE PRECISION)) AS "max.1",
      percentile_cont(0.5) WITHIN GROUP (ORDER BY CAST("spend" AS DOUBLE PRECISION)) AS "q.1.0",
      percentile_cont(0.9) WITHIN GROUP (ORDER BY CAST("spend" AS DOUBLE PRECISION)) AS "q.1.1"
      FROM "customers" WHERE ("region" = $1)
      """, ["North"]),
    QueryCase(
      .summarize(["spend"], by: "region", quantiles: [0.25]),
      """
      SELECT "region" AS "region", count(*) AS "rows", count("spend") AS "count.0",
      sum(CAST("spend" AS DOUBLE PRECISION)) AS "sum.0",
      min(CAST("spend" AS DOUBLE PRECISION)) AS "min.0", max(CAST("spend" AS DOUBLE PRECISION)) AS "max.0",
      percentile_cont(0.25) WITHIN GROUP (ORDER BY CAST("spend" AS DOUBLE PRECISION)) AS "q.0.0"
      FROM "customers" GROUP BY 1 ORDER BY count(*) DESC, ("region" COLLATE "C") ASC NULLS LAST
      """),
    QueryCase(
      .summarize(["age"], by: "active", quantiles: []), over: Fixture.filtered(young),
      """
      SELECT "active" AS "active", count(*) AS "rows", count("age") AS "count.0",
      sum(CAST("age" AS DOUBLE PRECISION)) AS "sum.0",
      min(CAST("age" AS DOUBLE PRECISION)) AS "min.0", max(CAST("age" AS DOUBLE PRECISION)) AS "max.0"
      FROM "customers" WHERE ("age" < 30) GROUP BY 1 ORDER BY count(*) DESC, "active" ASC NULLS LAST
      """),
    QueryCase(
      .summarize([], by: "joined", quantiles: [0.5]),
      """
      SELECT "joined" AS "joined", count(*) AS "rows" FROM "customers"
      GROUP BY 1 ORDER BY count(*) DESC, "joined" ASC NULLS LAST
      """),
  ]

  @Test("summarize with and without by", arguments: summariesCases)
  func summarize(_ c: QueryCase) throws { try check(c) }

  static let profileFiguresCases: [QueryCase] = [
    // Dates are measured in days and timestamps in seconds; the variance is asked by name.
    QueryCase(
      .summarize(["joined", "seen"], by: nil, quantiles: [0.5], variance: true),
      """
      SELECT count(*) AS "rows", count("joined") AS "count.0",
      sum(CAST(("joined" - DATE '1970-01-01') AS DOUBLE PRECISION)) AS "sum.0",
      min(CAST(("joined" - DATE '1970-01-01') AS DOUBLE PRECISION)) AS "min.0",
      max(CAST(("joined" - DATE '1970-01-01') AS DOUBLE PRECISION)) AS "max.0",
      percentile_cont(0.5) WITHIN GROUP (ORDER BY CAST(("joined" - DATE '1970-01-01') AS DOUBLE PRECISION))
      AS "q.0.0",
      var_samp(CAST(("joined" - DATE '1970-01-01') AS DOUBLE PRECISION)) AS "var.0",
      count("seen") AS "count.1", sum(CAST(EXTRACT(EPOCH FROM "seen") AS DOUBLE PRECISION)) AS "sum.1",
      min(CAST(EXTRACT(EPOCH FROM "seen") AS DOUBLE PRECISION)) AS "min.1",
      max(CAST(EXTRACT(EPOCH FROM "seen") AS DOUBLE PRECISION)) AS "max.1",
      percentile_cont(0.5) WITHIN GROUP (ORDER BY CAST(EXTRACT(EPOCH FROM "seen") AS DOUBLE PRECISION))
      AS "q.1.0",
      var_samp(CAST(EXTRACT(EPOCH FROM "seen") AS DOUBLE PRECISION)) AS "var.1"
      FROM "customers"
      """),
    // Groups of the whole relation with the segment's rows counted inside each, and the number of
    // groups beside them; text in byte order.
    QueryCase(
      .valueCounts("region", conditions: [young], limit: 200),
      """
      SELECT "region" AS "region", count(*) AS "rows", count(*) FILTER (WHERE ("age" < 30)) AS "n.0",
      CAST(count(*) OVER () AS BIGINT) AS "values" FROM "customers"
      GROUP BY 1 ORDER BY "rows" DESC, ("region" COLLATE "C") ASC NULLS LAST LIMIT 200
      """),
    // A list counts its items, a null list as one null item.
    QueryCase(
      .valueCounts("tags", conditions: [], limit: 4), over: Fixture.filtered(north),
      """
      SELECT seg_exploded.seg_exploded AS "tags", count(*) AS "rows",
      CAST(count(*) OVER () AS BIGINT) AS "values" FROM "customers"
      CROSS JOIN LATERAL unnest(CASE WHEN "tags" IS NULL THEN CAST(ARRAY[NULL] AS TEXT[]) ELSE "tags" END)
      AS seg_exploded(seg_exploded) WHERE ("region" = $1)
      GROUP BY 1 ORDER BY "rows" DESC, (seg_exploded.seg_exploded COLLATE "C") ASC NULLS LAST LIMIT 4
      """, ["North"]),
    // Extremes in the column's own type: text by bytes, bools by bool_and/bool_or.
    QueryCase(
      .valueRange(["age", "region", "active"]),
      """
      SELECT count("age") AS "count.0", count(DISTINCT "age") AS "distinct.0", min("age") AS "min.0",
      max("age") AS "max.0",
      count("region") AS "count.1", count(DISTINCT "region") AS "distinct.1",
      min(("region" COLLATE "C")) AS "min.1", max(("region" COLLATE "C")) AS "max.1",
      count("active") AS "count.2", count(DISTINCT "active") AS "distinct.2",
      bool_and("active") AS "min.2", bool_or("active") AS "max.2" FROM "customers"
      """),
    QueryCase(
      .duplicateRows, over: Fixture.filtered(young),
      """
      SELECT (SELECT count(*) FROM "customers" WHERE ("age" < 30)) - (SELECT count(*) FROM (SELECT DISTINCT
      "age", "spend", "active", "joined", "seen", "region", "tags" FROM "customers" WHERE ("age" < 30))
      AS "seg_distinct") AS "count"
      """),
  ]

  /// A key's first repeat: each row numbered within its value in row order (a table seg wrote keeps
  /// `_seg_row`), the first second-of-its-value in that order.
  @Test func theFirstRepeatOfAValueIsTheSecondRowOfItsValueInRowOrder() throws {
    let compiler = SQLCompiler(
      dialect: Fixture.dialect, schema: Fixture.schema, from: Fixture.dialect.identifier("customers"),
      rowOrder: SQLTable.rowOrderColumn)
    let sql = try #require(try compiler.statement(Query(.firstRepeat("region"), over: Fixture.everyone)))
    #expect(
      sql.inlined(Fixture.dialect)
        == #"SELECT "region" FROM (SELECT *, row_number() OVER (PARTITION BY "region" ORDER BY "_seg_row" ASC) "#
        + #"AS "_seg_n" FROM "customers" WHERE "region" IS NOT NULL) AS "seg_numbered" WHERE "_seg_n" = 2 "#
        + #"ORDER BY "_seg_row" ASC LIMIT 1"#)
  }

  @Test("the figures describe and profile ask for", arguments: profileFiguresCases)
  func profileFigures(_ c: QueryCase) throws { try check(c) }

  @Test func aListHasNoValueRange() {
    #expect(throws: EngineError.self) {
      try Fixture.compiler.statement(Query(.valueRange(["tags"]), over: Fixture.everyone))
    }
  }

  static let rowsCases: [QueryCase] = [
    // No keys and no row-order column: ties broken by every column in turn, so the result is fixed.
    QueryCase(
      .rows(["age", "region"], order: [], limit: 10),
      """
      SELECT "age", "region" FROM "customers" ORDER BY "age" ASC NULLS LAST, "spend" ASC NULLS LAST,
      "active" ASC NULLS LAST, "joined" ASC NULLS LAST, "seen" ASC NULLS LAST,
      ("region" COLLATE "C") ASC NULLS LAST, (array_to_string("tags", ';') COLLATE "C") ASC NULLS LAST
      LIMIT 10
      """),
    QueryCase(
      .rows(["tags"], order: [SortColumn("spend", descending: true), SortColumn("tags")], limit: 3),
      over: Fixture.filtered(north),
      """
      SELECT "tags" FROM "customers" WHERE ("region" = $1)
      ORDER BY "spend" DESC NULLS LAST, (array_to_string("tags", ';') COLLATE "C") ASC NULLS LAST,
      "age" ASC NULLS LAST, "spend" ASC NULLS LAST,
      "active" ASC NULLS LAST, "joined" ASC NULLS LAST, "seen" ASC NULLS LAST,
      ("region" COLLATE "C") ASC NULLS LAST, (array_to_string("tags", ';') COLLATE "C") ASC NULLS LAST LIMIT 3
      """, ["North"]),
    // With a row-order column, ties go in row order as in memory; its name is quoted like any column's.
    QueryCase(
      .rows(["age", "region"], order: [], limit: 5),
      compiler: SQLCompiler(
        dialect: Fixture.dialect, schema: Fixture.schema, from: #""customers""#, rowOrder: "Row #"),
      #"SELECT "age", "region" FROM "customers" ORDER BY "Row #" ASC LIMIT 5"#),
    QueryCase(
      .rows(["region"], order: [SortColumn("region", descending: true), SortColumn("seen")], limit: 5),
      over: Fixture.filtered(young),
      compiler: SQLCompiler(
        dialect: Fixture.dialect, schema: Fixture.schema, from: #""customers""#, rowOrder: "seg_row"),
      """
      SELECT "region" FROM "customers" WHERE ("age" < 30)
      ORDER BY ("region" COLLATE "C") DESC NULLS LAST, "seen" ASC NULLS LAST, "seg_row" ASC LIMIT 5
      """),
    QueryCase(
      .rows(
        ["active", "joined"], order: [SortColumn("active"), SortColumn("joined", descending: true)], limit: -1
      ),
      compiler: SQLCompiler(
        dialect: Fixture.dialect, schema: Fixture.schema, from: #""customers""#, rowOrder: "n"),
      """
      SELECT "active", "joined" FROM "customers"
      ORDER BY "active" ASC NULLS LAST, "joined" DESC NULLS LAST, "n" ASC LIMIT 0
      """),
  ]

  @Test("rows with and without sort keys, with and without a row-order column", arguments: rowsCases)
  func rows(_ c: QueryCase) throws { try check(c) }

  static let periodsCases: [QueryCase] = [
    QueryCase(
      .countByPeriod("joined", .week),
      """
      SELECT CAST(floor((("joined" - DATE '1970-01-01') + 3) / 7.0) AS BIGINT) AS "period", count(*) AS
      "count"
      FROM "customers" WHERE "joined" IS NOT NULL GROUP BY 1 ORDER BY 1
      """),
    QueryCase(
      .countByPeriod("joined", .month),
      """
      SELECT (CAST(EXTRACT(YEAR FROM "joined") AS BIGINT) * 12 + CAST(EXTRACT(MONTH FROM "joined") AS
      BIGINT) - 1)
      AS "period", count(*) AS "count" FROM "customers" WHERE "joined" IS NOT NULL GROUP BY 1 ORDER BY 1
      """),
    QueryCase(
      .countByPeriod("joined", .quarter),
      """
      SELECT (CAST(EXTRACT(YEAR FROM "joined") AS BIGINT) * 4 + ((CAST(EXTRACT(MONTH FROM "joined") AS
      BIGINT) - 1) / 3))
      AS "period", count(*) AS "count" FROM "customers" WHERE "joined" IS NOT NULL GROUP BY 1 ORDER BY 1
      """),
    QueryCase(
      .countByPeriod("joined", .year),
      """
      SELECT CAST(EXTRACT(YEAR FROM "joined") AS BIGINT) AS "period", count(*) AS "count"
      FROM "customers" WHERE "joined" IS NOT NULL GROUP BY 1 ORDER BY 1
      """),
    // A timestamp counts by its day; the filter comes before the null test.
    QueryCase(
      .countByPeriod("seen", .week), over: Fixture.filtered(north),
      """
      SELECT CAST(floor(((CAST("seen" AS DATE) - DATE '1970-01-01') + 3) / 7.0) AS BIGINT) AS "period",
      count(*) AS "count" FROM "customers" WHERE ("region" = $1) AND "seen" IS NOT NULL GROUP BY 1 ORDER BY 1
      """, ["North"]),
    QueryCase(
      .countByPeriod("seen", .month),
      """
      SELECT (CAST(EXTRACT(YEAR FROM CAST("seen" AS DATE)) AS BIGINT) * 12
      + CAST(EXTRACT(MONTH FROM CAST("seen" AS DATE)) AS BIGINT) - 1)
      AS "period", count(*) AS "count" FROM "customers" WHERE "seen" IS NOT NULL GROUP BY 1 ORDER BY 1
      """),
    QueryCase(
      .countByPeriod("seen", .quarter),
      """
      SELECT (CAST(EXTRACT(YEAR FROM CAST("seen" AS DATE)) AS BIGINT) * 4
      + ((CAST(EXTRACT(MONTH FROM CAST("seen" AS DATE)) AS BIGINT) - 1) / 3))
      AS "period", count(*) AS "count" FROM "customers" WHERE "seen" IS NOT NULL GROUP BY 1 ORDER BY 1
      """),
    QueryCase(
      .countByPeriod("seen", .year),
      """
      SELECT CAST(EXTRACT(YEAR FROM CAST("seen" AS DATE)) AS BIGINT) AS "period", count(*) AS "count"
      FROM "customers" WHERE "seen" IS NOT NULL GROUP BY 1 ORDER BY 1
      """),
  ]

  @Test("countByPeriod for every period, on a date and a timestamp", arguments: periodsCases)
  func countByPeriod(_ c: QueryCase) throws { try check(c) }

  @Test("every period is covered")
  func everyPeriodCovered() {
    let covered = Set(
      Self.periodsCases.compactMap { c -> TrendPeriod? in
        if case .countByPeriod(_, let period) = c.query.operation { period } else { nil }
      })
    #expect(covered == Set(TrendPeriod.allCases))
  }
}
