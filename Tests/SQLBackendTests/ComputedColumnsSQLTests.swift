import Columnar
import SQLBackend
import SegmentPlan
import Testing

@Suite("SQL of computed columns")
struct ComputedColumnsSQLTests {
  let dialect = Fixture.dialect

  /// The sample's columns seg reads for rfm, in a table seg wrote (with its row order).
  func orders(rowOrder: String? = SQLTable.rowOrderColumn) -> SQLTable {
    SQLTable(
      schema: TableSchema(
        name: "buyers",
        columns: [
          ColumnSchema(name: "id", type: .int), ColumnSchema(name: "last buy", type: .date),
          ColumnSchema(name: "orders", type: .int), ColumnSchema(name: "spend", type: .double),
        ]), from: dialect.identifier("buyers"), rowOrder: rowOrder)
  }

  @Test func rfmScoresTheRowsWithAllThreeInputsInRowOrderThenCombinesThem() throws {
    let table = try orders().adding(
      [.rfm(recency: "last buy", frequency: "orders", monetary: "spend")], dialect: dialect)
    #expect(
      table.schema.columns.map(\.name) == ["id", "last buy", "orders", "spend", "r", "f", "m", "fm", "rfm"])
    #expect(table.schema.columns.suffix(5).map(\.type) == [.int, .int, .int, .double, .string])
    let scored = #"("last buy" IS NOT NULL AND "orders" IS NOT NULL AND "spend" IS NOT NULL)"#
    func tile(_ column: String, _ direction: String) -> String {
      "CASE WHEN \(scored) THEN ntile(5) OVER (PARTITION BY \(scored) ORDER BY \(column) \(direction), "
        + #""_seg_row" ASC) END"#
    }
    let inner =
      #"(SELECT "_seg_row", "id", "last buy", "orders", "spend", "#
      + "\(tile(#""last buy""#, "ASC")) AS \"r\", \(tile(#""orders""#, "ASC")) AS \"f\", "
      + "\(tile(#""spend""#, "ASC")) AS \"m\" FROM \"buyers\") AS \"seg_computed\""
    let outer =
      #"(SELECT "_seg_row", "id", "last buy", "orders", "spend", "r", "f", "m", "#
      + #"CAST("f" + "m" AS DOUBLE PRECISION) / 2 AS "fm", "#
      + #"CASE WHEN "r" IS NOT NULL THEN CAST("r" * 100 + "f" * 10 + "m" AS TEXT) END"#
      + #" AS "rfm" FROM \#(inner)) AS "seg_computed""#
    #expect(table.from == outer)
    #expect(table.rowOrder == SQLTable.rowOrderColumn)
  }

  @Test func aNumberRecencyScoresTheFewestDaysHighestAndTiesWithoutRowOrderUseEveryColumn() throws {
    var table = orders(rowOrder: nil)
    table.schema.columns[1] = ColumnSchema(name: "last buy", type: .int)
    let added = try table.adding(
      [.rfm(recency: "last buy", frequency: "orders", monetary: "spend")], dialect: dialect)
    #expect(added.from.contains(#"ORDER BY "last buy" DESC, "id" ASC NULLS LAST, "last buy" ASC NULLS LAST"#))
    #expect(added.from.contains(#"ORDER BY "orders" ASC, "id" ASC NULLS LAST"#))
  }

  @Test func bandsTestTheGreatestEdgeFirstAndAWholeNumberColumnFromTheNextWholeNumber() throws {
    let labels = ["<18", "18-24", "[24.5, 30)", "30+"]
    let ints = try orders().adding(
      [.bands("orders", edges: [18, 24.5, 30], labels: labels, as: "orders band")], dialect: dialect)
    #expect(
      ints.from
        == #"(SELECT "_seg_row", "id", "last buy", "orders", "spend", CASE WHEN "orders" >= 30 THEN '30+' "#
        + #"WHEN "orders" >= 25 THEN '[24.5, 30)' WHEN "orders" >= 18 THEN '18-24' "#
        + #"WHEN "orders" IS NOT NULL THEN '<18' END AS "orders band" FROM "buyers") AS "seg_computed""#)
    let doubles = try orders().adding(
      [.bands("orders", edges: [18, 24.5], labels: Array(labels.prefix(3)), as: "orders")], dialect: dialect)
    // A band replacing its own input keeps the column's place, as memory's replacement does.
    #expect(doubles.schema.columns.map(\.name) == ["id", "last buy", "orders", "spend"])
    #expect(doubles.schema.columns.map(\.type) == [.int, .date, .string, .double])
    let spend = try orders().adding(
      [.bands("spend", edges: [18, 24.5], labels: Array(labels.prefix(3)), as: "b")], dialect: dialect)
    #expect(spend.from.contains(#"WHEN "spend" >= 24.5 THEN '[24.5, 30)' WHEN "spend" >= 18.0 THEN '18-24'"#))
  }

  @Test func sparkWritesTextAndDoublesItsOwnWay() throws {
    let spark = SparkSQLDialect()
    let table = try orders().adding(
      [.rfm(recency: "last buy", frequency: "orders", monetary: "spend")], dialect: spark)
    #expect(table.from.contains("CAST(`f` + `m` AS DOUBLE) / 2 AS `fm`"))
    #expect(table.from.contains("CAST(`r` * 100 + `f` * 10 + `m` AS STRING)"))
  }

  @Test func anUnknownInputIsAnError() {
    #expect(throws: EngineError.self) {
      try orders().adding([.bands("age", edges: [1], labels: ["<1", "1+"], as: "b")], dialect: dialect)
    }
  }

  @Test func runningARecipeAgainReplacesItsColumnsInPlace() throws {
    let rfm = ColumnRecipe.rfm(recency: "last buy", frequency: "orders", monetary: "spend")
    let byFM = ColumnRecipe.bands("fm", edges: [2, 4], labels: ["<2", "2-3", "4+"], as: "fm_band")
    let again = ColumnRecipe.rfm(recency: "last buy", frequency: "orders", monetary: "id")
    let table = try orders().adding([rfm, byFM, again], dialect: dialect)
    #expect(
      table.schema.columns.map(\.name)
        == ["id", "last buy", "orders", "spend", "r", "f", "m", "fm", "rfm", "fm_band"])
    // The band still reads the first scores' fm, as the band made in memory holds them.
    #expect(table.from.split(separator: "ntile(5)").count == 7)
    #expect(table.from.contains(#"ORDER BY "id" ASC"#))
  }

  @Test func aRecipeMadeAgainReplacesTheLastOneWhenItMakesTheSameColumnsAndReadsNoneOfThem() {
    let rfm = ColumnRecipe.rfm(recency: "last buy", frequency: "orders", monetary: "spend")
    let again = ColumnRecipe.rfm(recency: "last buy", frequency: "orders", monetary: "id")
    let byFM = ColumnRecipe.bands("fm", edges: [2, 4], labels: ["<2", "2-3", "4+"], as: "fm_band")
    #expect(ColumnRecipe.appending(again, to: [rfm]) == [again])
    // Not the last one: dropping it would move its columns behind fm_band.
    #expect(ColumnRecipe.appending(again, to: [rfm, byFM]) == [rfm, byFM, again])
    let byFMAgain = ColumnRecipe.bands("fm", edges: [3], labels: ["<3", "3+"], as: "FM_band")
    #expect(ColumnRecipe.appending(byFMAgain, to: [rfm, byFM]) == [rfm, byFMAgain])
    // A band of itself reads the column it replaces.
    let ofItself = ColumnRecipe.bands("fm_band", edges: [1], labels: ["<1", "1+"], as: "fm_band")
    #expect(ColumnRecipe.appending(ofItself, to: [byFM]) == [byFM, ofItself])
    // Some of the same columns only: the band's r keeps its place before f, so it stays.
    let asR = ColumnRecipe.bands("spend", edges: [1], labels: ["<1", "1+"], as: "r")
    #expect(ColumnRecipe.appending(rfm, to: [asR]) == [asR, rfm])
  }

  @Test func aDoubleBandLeavesNaNWithoutABandAsMemoryDoes() throws {
    let labels = ["<1", "1+"]
    let pg = try orders().adding([.bands("spend", edges: [1], labels: labels, as: "b")], dialect: dialect)
    #expect(
      pg.from.contains(
        #"CASE WHEN ("spend" = CAST('NaN' AS DOUBLE PRECISION)) THEN NULL WHEN "spend" >= 1.0"#))
    let spark = try orders().adding(
      [.bands("spend", edges: [1], labels: labels, as: "b")], dialect: SparkSQLDialect())
    #expect(spark.from.contains("CASE WHEN isnan(`spend`) THEN NULL WHEN `spend` >= 1.0D"))
    // Whole numbers hold no NaN.
    let ints = try orders().adding([.bands("orders", edges: [1], labels: labels, as: "b")], dialect: dialect)
    #expect(!ints.from.contains("NaN"))
  }

  @Test func aTimestampRecencyOrdersByWholeSecondsAsMemoryHoldsThem() throws {
    var table = orders()
    table.schema.columns[1] = ColumnSchema(name: "last buy", type: .timestamp)
    let added = try table.adding(
      [.rfm(recency: "last buy", frequency: "orders", monetary: "spend")], dialect: dialect)
    #expect(added.from.contains(#"ORDER BY floor(EXTRACT(EPOCH FROM "last buy")) ASC, "_seg_row" ASC"#))
  }

  @Test func aReplacedColumnIsTheExactNameFirstAsInMemory() throws {
    var table = orders()
    table.schema.columns.append(ColumnSchema(name: "B", type: .int))
    table.schema.columns.append(ColumnSchema(name: "b", type: .int))
    let added = try table.adding(
      [.bands("spend", edges: [1], labels: ["<1", "1+"], as: "b")], dialect: dialect)
    #expect(added.schema.columns.suffix(2).map(\.type) == [.int, .string])
    #expect(added.from.contains(#""B", CASE"#))
  }
}
