import Columnar
import SQLBackend
import SegmentPlan
import Testing

/// The Spark SQL dialect: the same compiler, written as Spark reads it. The statements themselves are
/// checked against a real Spark Connect server by the Spark end-to-end tests; these pin the spelling.
@Suite("SQL of Spark")
struct SparkSQLTests {
  let dialect = SparkSQLDialect()
  var compiler: SQLCompiler {
    SQLCompiler(dialect: dialect, schema: Fixture.schema, from: dialect.identifier("customers"))
  }

  private func sql(_ text: SQLText) -> String { text.withPlaceholders(dialect) }

  @Test(
    "identifiers are backquoted, a backquote doubled",
    arguments: [
      ("age", "`age`"), ("Annual Income (k$)", "`Annual Income (k$)`"), ("a`b", "`a``b`"), ("", "``"),
    ])
  func identifiers(name: String, quoted: String) {
    #expect(dialect.identifier(name) == quoted)
  }

  @Test(
    "string literals escape quotes and backslashes, since Spark reads backslash escapes",
    arguments: [
      ("North", "'North'"), ("O'Brien", #"'O\'Brien'"#), (#"C:\data"#, #"'C:\\data'"#),
      (#"\'; DROP TABLE t; --"#, #"'\\\'; DROP TABLE t; --'"#),
    ])
  func stringLiterals(value: String, literal: String) {
    #expect(dialect.stringLiteral(value) == literal)
  }

  @Test("a user's string is bound as a positional `?` argument, never written into the statement")
  func placeholders() throws {
    let text = try compiler.condition(
      .or(
        .compare("region", .equal, .string("x' OR 1=1 --")), .text("region", .startsWith, "N", negated: false)
      ))
    #expect(sql(text) == "((`region` = ?) OR startswith(`region`, ?))")
    #expect(text.parameters == ["x' OR 1=1 --", "N"])
  }

  @Test("doubles are typed as doubles (a bare 0.5 is a decimal in Spark); integers stay integers")
  func numbers() throws {
    #expect(sql(try compiler.condition(.compare("spend", .greater, .double(0.5)))) == "(`spend` > 0.5D)")
    #expect(sql(try compiler.condition(.compare("spend", .less, .double(1e-7)))) == "(`spend` < 1e-07D)")
    #expect(sql(try compiler.condition(.compare("age", .greaterOrEqual, .int(30)))) == "(`age` >= 30)")
  }

  @Test("whole-number bins divide with DIV, since / always divides as doubles in Spark")
  func wholeBins() throws {
    let text = try compiler.binCounts("age", Fixture.everyone, low: .int(18), width: .int(7), count: 9)
    #expect(
      sql(text)
        == "SELECT ((`age` - 18) DIV 7) AS `bin`, count(*) AS `count` FROM `customers` "
        + "WHERE `age` IS NOT NULL GROUP BY 1 ORDER BY 1")
  }

  @Test("days, weeks and quarters use Spark's functions")
  func periods() throws {
    let week = try compiler.statement(Query(.countByPeriod("joined", .week), over: Fixture.everyone))!
    #expect(
      sql(week).hasPrefix(
        "SELECT CAST(floor((CAST(unix_date(`joined`) AS BIGINT) + 3) / 7) AS BIGINT) AS `period`"))
    let quarter = try compiler.statement(Query(.countByPeriod("seen", .quarter), over: Fixture.everyone))!
    #expect(
      sql(quarter).hasPrefix(
        "SELECT (CAST(year(CAST(`seen` AS DATE)) AS BIGINT) * 4 + ((CAST(month(CAST(`seen` AS DATE)) AS BIGINT) - 1) DIV 3)) AS `period`"
      ))
  }

  @Test("list tests are higher-order functions that stay unknown on a null list")
  func lists() throws {
    let any = try compiler.condition(.oneOf("tags", [.string("vip"), .string("new")], negated: false))
    #expect(
      sql(any)
        == "(CASE WHEN `tags` IS NULL THEN NULL ELSE exists(`tags`, seg_item -> seg_item IN (?, ?)) END)")
    let ends = try compiler.condition(.text("tags", .endsWith, "ip", negated: true))
    #expect(
      sql(ends)
        == "(NOT (CASE WHEN `tags` IS NULL THEN NULL ELSE exists(`tags`, seg_item -> endswith(seg_item, ?)) END))"
    )
  }

  @Test("equality ignoring case folds A to Z with translate, as PostgreSQL and memory fold them")
  func equalsIgnoringCase() throws {
    let folded = try compiler.condition(.text("tags", .equalsIgnoringCase, "VIP", negated: false))
    let fold = "'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'"
    #expect(
      sql(folded)
        == "(CASE WHEN `tags` IS NULL THEN NULL ELSE exists(`tags`, seg_item -> (translate(seg_item, \(fold)) = "
        + "translate(?, \(fold)))) END)")
  }

  @Test("count by a list column explodes it with LATERAL VIEW, a null list as one null item")
  func explodedCountBy() throws {
    let text = try compiler.statement(Query(.countBy(["tags"]), over: Fixture.everyone))!
    #expect(
      sql(text)
        == "SELECT seg_exploded.seg_exploded AS `tags`, count(*) AS `count` FROM `customers` LATERAL VIEW "
        + "explode(CASE WHEN `tags` IS NULL THEN array(CAST(NULL AS STRING)) ELSE `tags` END) seg_exploded AS "
        + "seg_exploded GROUP BY 1 ORDER BY count(*) DESC, seg_exploded.seg_exploded ASC NULLS LAST")
  }

  @Test("quantiles interpolate with percentile, the fraction a double")
  func quantiles() throws {
    let text = try compiler.statement(
      Query(.summarize(["spend"], by: nil, quantiles: [0.5]), over: Fixture.everyone))!
    #expect(sql(text).contains("percentile(CAST(`spend` AS DOUBLE), 0.5D) AS `q.0.0`"))
  }
}
