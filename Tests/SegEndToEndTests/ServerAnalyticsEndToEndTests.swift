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
  func compare(
    url: String, conn: String, block: String = Self.block, table: String = "an",
    source: String = "sample customers rows 2500 seed 9"
  ) throws -> (memory: String, server: String) {
    let load = "load \(source) as \(conn)_\(table)"
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

  /// Ties, nulls in every input, negative amounts, a timestamp recency (summed in whole days), the
  /// largest Int, and decimal edges over whole numbers.
  static let edgeRows: String = {
    var rows = ["id,seen,visits,spend,score"]
    let spends = ["0", "-5.5", "12.25", "12.25", "100", "1e3", "7.5"]
    let scores = ["", "17", "18", "24", "25", "-3", "9223372036854775807", "50"]
    for i in 1...300 {
      func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
      let seen =
        i % 37 == 0 ? "" : "2026-\(two(i % 10 + 1))-\(two(i % 7 * 4 + 1)) \(two(i % 24)):\(two(i % 60)):00"
      let visits = i % 41 == 0 ? "" : String([1, 1, 1, 2, 2, 3, 5, 8, -1, 0][i * 7 % 10])
      let spend = i % 43 == 0 ? "" : spends[i * 3 % spends.count]
      rows.append("\(i),\(seen),\(visits),\(spend),\(scores[i * 5 % scores.count])")
    }
    return rows.joined(separator: "\n") + "\n"
  }()

  static let edgeBlock = """
    rfm recency seen frequency visits monetary spend
    count by rfm
    rfm recency visits frequency score monetary spend
    count by r, f, m
    bucket score into 18, 24.5, 50 as sband
    bucket spend into -1, 0, 12.25, 100.5 as pband
    count by sband, pband
    show columns id, seen, r, f, m, fm, rfm, sband, pband sort by id limit 12
    describe
    """

  @Test func rfmAndBucketOnEdgesOnEveryServer() throws {
    let dir = try SegBinary.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("edges.csv").path
    try Self.edgeRows.write(toFile: path, atomically: true, encoding: .utf8)
    var servers: [(String, String)] = []
    if let url = PostgresServer.url { servers.append((url, "pg")) }
    if let url = SparkServer.url { servers.append((url, "sc")) }
    #expect(!servers.isEmpty)
    for (url, conn) in servers {
      let (memory, server) = try compare(
        url: url, conn: conn, block: Self.edgeBlock, table: "ed", source: "\"\(path)\"")
      #expect(memory.contains("rows with a null in visits, score or spend not scored"))
      #expect(memory.contains("bucketed spend into pband on \(conn)_ed: 5 bands"))
      #expect(server == memory, "\(conn)")
    }
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
