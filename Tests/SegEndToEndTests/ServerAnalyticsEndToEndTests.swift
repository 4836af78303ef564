import Foundation
import Testing

/// `describe`, `profile`, persona drafts, `rfm` and `bucket` on a server's table print what they print
/// in memory, byte for byte: the same script runs on a table in memory called `CONN_an` and on its copy `CONN.an`
/// (names of one width, so every table is laid out alike).
@Suite(
  "Describe, profile, personas, rfm and bucket on servers",
  .enabled(if: PostgresServer.url != nil || SparkServer.url != nil || PostgresServer.isCI))
struct ServerAnalyticsEndToEndTests {
  static let block = """
    set today 2026-11-01
    describe
    segment big = total_spend > 500 and last_purchase_date within 1 year
    segment young = age < 30
    profile big
    profile big vs young
    profile young columns interests, urban, income, signup_date
    persona draft for big
    persona big_draft set age 40
    personas
    """

  /// rfm and bucket add columns the segments and later commands read; a second run replaces them in
  /// place, under a band that still reads the first scores.
  static let modelBlock = """
    set today 2026-11-01
    rfm recency last_purchase_date frequency orders monetary total_spend
    count by loyalty_tier where champions or loyal
    bucket age into 18, 25, 35, 50
    bucket total_spend into 100, 500.5, 2000 as spend_band
    bucket fm into 2, 4 as fm_band
    stats total_spend by age_band where at_risk
    rfm recency cart_abandons frequency orders monetary avg_order_value
    count by r, fm_band
    show columns customer_id, r, f, m, fm, rfm, fm_band sort by fm desc limit 5
    bucket income into 10000.5, 30000 as age_band
    describe
    profile champions columns age_band, spend_band, rfm
    """

  /// Runs the block in memory and on the server through `conn`, and returns both outputs with the
  /// server's table named as the memory one.
  func compare(url: String, conn: String, block: String = Self.block, table: String = "an") throws -> (
    memory: String, server: String
  ) {
    let load = "load sample customers rows 2500 seed 9 as \(conn)_\(table)"
    let memory = try SegBinary.run([
      "--no-init", "-c", (load + "\n" + block).replacingOccurrences(of: "\n", with: "; "),
    ])
    #expect(memory.status == 0, "\(memory.stderr)")
    let script = [
      load, "connect \"\(url)\" as \(conn)", "copy \(conn)_\(table) to \(conn) as \(table) replace",
      "use \(conn).\(table)",
      block,
    ]
    let server = try SegBinary.run([
      "--no-init", "-c", script.joined(separator: "\n").replacingOccurrences(of: "\n", with: "; "),
    ])
    #expect(server.status == 0, "\(server.stderr)")
    let memoryLines = memory.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropFirst()
    let serverLines = server.stdout.replacingOccurrences(of: "\(conn).\(table)", with: "\(conn)_\(table)")
      .split(separator: "\n", omittingEmptySubsequences: false).dropFirst(4)
    return (memoryLines.joined(separator: "\n"), serverLines.joined(separator: "\n"))
  }

  @Test func onPostgreSQL() throws {
    let url = try #require(
      PostgresServer.url, "CI must start PostgreSQL: Scripts/test runs Scripts/pg-server")
    let (memory, server) = try compare(url: url, conn: "pg")
    #expect(memory.contains("profile of big vs pg_an: categories"))
    #expect(memory.contains("drafted persona big_draft for segment big"))
    #expect(server == memory)
  }

  @Test func onSpark() throws {
    let url = try #require(SparkServer.url, "CI must start Spark: Scripts/test runs Scripts/spark-server")
    let (memory, server) = try compare(url: url, conn: "sc")
    #expect(memory.contains("profile of big vs sc_an: numbers and dates"))
    #expect(server == memory)
  }

  @Test func rfmAndBucketOnPostgreSQL() throws {
    let url = try #require(
      PostgresServer.url, "CI must start PostgreSQL: Scripts/test runs Scripts/pg-server")
    let (memory, server) = try compare(url: url, conn: "pg", block: Self.modelBlock, table: "mo")
    #expect(memory.contains("rfm on pg_mo: scored"))
    #expect(memory.contains("bucketed total_spend into spend_band on pg_mo: 4 bands"))
    #expect(server == memory)
  }

  @Test func rfmAndBucketOnSpark() throws {
    let url = try #require(SparkServer.url, "CI must start Spark: Scripts/test runs Scripts/spark-server")
    let (memory, server) = try compare(url: url, conn: "sc", block: Self.modelBlock, table: "mo")
    #expect(memory.contains("replaced age_band on sc_mo: 3 bands"))
    #expect(server == memory)
  }
}
