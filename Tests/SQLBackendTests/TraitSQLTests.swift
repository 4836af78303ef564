import Columnar
import SQLBackend
import SegmentPlan
import Testing

/// `trait`'s column as SQL: the table LEFT JOINed to its key's aggregate over the source's rows, every
/// name quoted and every user value a quoted literal.
@Suite("SQL of trait")
struct TraitSQLTests {
  let dialect = PostgreSQLDialect()

  /// `people`, keyed by the oddly named `Customer "ID"`, in a table seg wrote.
  var people: SQLTable {
    SQLTable(
      schema: TableSchema(
        name: "people",
        columns: [
          ColumnSchema(name: "Customer \"ID\"", type: .int), ColumnSchema(name: "name", type: .string),
        ]),
      from: dialect.identifier("people"), rowOrder: SQLTable.rowOrderColumn)
  }

  /// `orders`, with or without seg's row order.
  func orders(rowOrder: String? = SQLTable.rowOrderColumn) -> SQLTable {
    SQLTable(
      schema: TableSchema(
        name: "orders",
        columns: [
          ColumnSchema(name: "customer", type: .int), ColumnSchema(name: "amount", type: .double),
          ColumnSchema(name: "item", type: .string),
        ]), from: dialect.identifier("orders"), rowOrder: rowOrder)
  }

  func trait(
    _ aggregate: TraitAggregate, _ argument: String?, type: ColumnType = .double, filter: Condition? = nil,
    sourceRecipes: [ColumnRecipe] = []
  ) -> TraitRecipe {
    TraitRecipe(
      name: "t", aggregate: aggregate,
      argument: argument.map { ColumnFormula(.column($0), type: type, text: $0, span: 0..<1) },
      source: "orders",
      sourceRecipes: sourceRecipes, filter: filter, key: "Customer \"ID\"", sourceKey: "customer")
  }

  func added(_ trait: TraitRecipe, source: SQLTable? = nil) throws -> SQLTable {
    let source = source ?? orders()
    return try people.adding([.trait(trait)], dialect: dialect) { (name: String) throws(EngineError) in
      guard name == "orders" else { throw EngineError(.unknownTable(name)) }
      return source
    }
  }

  @Test func aCountJoinsTheFilteredGroupsAndIsZeroWithoutRows() throws {
    let filter = Condition.compare("item", .equal, .string("O'Brien's"))
    let table = try added(trait(.countRows, nil, filter: filter))
    #expect(table.schema.columns.last == ColumnSchema(name: "t", type: .int))
    let values =
      #"SELECT "customer" AS "_seg_key", count(*) AS "_seg_value" FROM "orders" WHERE "customer" IS NOT NULL "#
      + #"AND ("item" = 'O''Brien''s') GROUP BY "customer""#
    #expect(
      table.from
        == #"(SELECT "seg_base"."_seg_row", "seg_base"."Customer ""ID""", "seg_base"."name", "#
        + #"CAST(COALESCE("seg_trait"."_seg_value", 0) AS BIGINT) AS "t" FROM (SELECT * FROM "people") AS "#
        + #""seg_base" LEFT JOIN (\#(values)) AS "seg_trait" ON "seg_base"."Customer ""ID""" = "#
        + #""seg_trait"."_seg_key") AS "seg_computed""#)
  }

  @Test func anIntSumIsDecimalUntilTheJoinedRowsCastIt() throws {
    let table = try added(trait(.sum, "customer", type: .int))
    #expect(table.from.contains(#"sum(CAST(CAST("customer" AS BIGINT) AS DECIMAL(38,0))) AS "_seg_value""#))
    #expect(table.from.contains(#"CAST("seg_trait"."_seg_value" AS BIGINT) AS "t""#))
  }

  /// Doubles add up step by step in row order, with Neumaier's compensation, as memory adds them.
  @Test func aDoubleSumRunsInRowOrderWithItsCompensation() throws {
    let table = try added(trait(.mean, "amount"))
    #expect(table.from.contains(#"OVER (PARTITION BY "customer" ORDER BY "_seg_row" ASC ROWS BETWEEN"#))
    #expect(
      table.from.contains(#"THEN ("_seg_p" - "_seg_s") + "_seg_x" ELSE ("_seg_x" - "_seg_s") + "_seg_p""#))
    #expect(table.from.contains(#"/ "_seg_n" AS "_seg_value""#))
  }

  @Test func firstAndLastFollowTheRowOrderOrEveryColumnWithoutOne() throws {
    let first = try added(trait(.first, "item", type: .string))
    #expect(first.from.contains(#"row_number() OVER (PARTITION BY "customer" ORDER BY "_seg_row" ASC)"#))
    let last = try added(trait(.last, "item", type: .string), source: orders(rowOrder: nil))
    #expect(
      last.from.contains(
        #"ORDER BY "customer" DESC NULLS FIRST, "amount" DESC NULLS FIRST, ("item" COLLATE "C") DESC NULLS FIRST"#
      ))
  }

  @Test func theCommonestValueBreaksTiesByBytesAndTextExtremesToo() throws {
    let mode = try added(trait(.mostFrequent, "item", type: .string))
    #expect(mode.from.contains(#"ORDER BY count(*) DESC, ("item" COLLATE "C") ASC"#))
    #expect(mode.from.contains(#"GROUP BY "customer", "item""#))
    let low = try added(trait(.min, "item", type: .string))
    #expect(low.from.contains(#"min(("item" COLLATE "C")) AS "_seg_value""#))
  }

  /// A source's own added columns are those it had when the trait was made, so traits that read each
  /// other's tables compile to a query of finite depth.
  @Test func theSourceIsReadWithTheColumnsItHadThen() throws {
    let doubled = ColumnFormula(
      .arithmetic(
        .multiply, ColumnFormula(.column("amount"), type: .double, text: "amount", span: 0..<1),
        ColumnFormula(.literal(.double(2)), type: .double, text: "2", span: 0..<1)), type: .double,
      text: "amount * 2", span: 0..<1)
    let table = try added(trait(.max, "twice", sourceRecipes: [.derived("twice", doubled)]))
    #expect(table.from.contains(#" AS "twice" FROM "orders") AS "seg_computed""#))
    #expect(throws: EngineError(.unknownTable("orders"))) {
      try people.adding([.trait(trait(.countRows, nil))], dialect: dialect)
    }
  }
}
