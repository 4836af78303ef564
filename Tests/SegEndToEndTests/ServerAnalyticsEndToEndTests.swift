import Foundation
import Testing

/// `describe`, `profile` and persona drafts on a server's table print what they print in memory, byte
/// for byte: the same script runs on a table in memory called `CONN_an` and on its copy `CONN.an`
/// (names of one width, so every table is laid out alike).
@Suite(
  "Describe, profile and personas on servers",
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

  /// Runs the block in memory and on the server through `conn`, and returns both outputs with the
  /// server's table named as the memory one.
  func compare(url: String, conn: String) throws -> (memory: String, server: String) {
    let load = "load sample customers rows 2500 seed 9 as \(conn)_an"
    let memory = try SegBinary.run([
      "--no-init", "-c", (load + "\n" + Self.block).replacingOccurrences(of: "\n", with: "; "),
    ])
    #expect(memory.status == 0, "\(memory.stderr)")
    let script = [
      load, "connect \"\(url)\" as \(conn)", "copy \(conn)_an to \(conn) as an replace", "use \(conn).an",
      Self.block,
    ]
    let server = try SegBinary.run([
      "--no-init", "-c", script.joined(separator: "\n").replacingOccurrences(of: "\n", with: "; "),
    ])
    #expect(server.status == 0, "\(server.stderr)")
    let memoryLines = memory.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropFirst()
    let serverLines = server.stdout.replacingOccurrences(of: "\(conn).an", with: "\(conn)_an")
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
}
