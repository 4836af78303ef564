import Foundation
import Testing

/// The Spark engine against a real Spark Connect server: `Scripts/test` starts one (a standalone master
/// with two workers) with `Scripts/spark-server` and exports SEG_SPARK_URL. Without a server the suite
/// is off, except in CI, where a missing server is a failure, never a silent skip.
@Suite("Spark end to end", .enabled(if: SparkServer.url != nil || PostgresServer.isCI))
struct SparkEndToEndTests {
  func server() throws -> String {
    try #require(SparkServer.url, "CI must start Spark: Scripts/test runs Scripts/spark-server")
  }

  /// Runs commands in one session (each line a cell) and returns what seg printed.
  func seg(_ script: String, keepGoing: Bool = false) throws -> SegBinary.Result {
    let directory = try SegBinary.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("s.seg")
    try script.write(to: file, atomically: true, encoding: .utf8)
    return try SegBinary.run(["--no-init", "run"] + (keepGoing ? ["--keep-going"] : []) + [file.path])
  }

  /// Through the TLS front Scripts/spark-server puts before Spark Connect (a self-signed certificate):
  /// with its root named the way gRPC clients name one, by name, by IP address and with a token; and
  /// without it, a message that says what to set.
  @Test func tlsConnectionsCheckTheCertificate() throws {
    let environment = ProcessInfo.processInfo.environment
    let url = try #require(environment["SEG_SPARK_TLS_URL"], "Scripts/spark-server writes SEG_SPARK_TLS_URL")
    let root = try #require(environment["SEG_SPARK_TLS_ROOT"])
    let port = try #require(url.split(separator: ":").last?.split(separator: "/").first.map(String.init))
    for target in [url, "sc://127.0.0.1:\(port)/;use_ssl=true", "sc://localhost:\(port)/;token=e2e-token"] {
      let result = try SegBinary.run(
        [
          "--no-init", "-c",
          "connect \"\(target)\" as sc; load sample rows 50 seed 2 as e2e_tls; "
            + "copy e2e_tls to sc replace; count sc.e2e_tls where age >= 0",
        ],
        environment: ["GRPC_DEFAULT_SSL_ROOTS_FILE_PATH": root])
      #expect(result.status == 0, "\(target): \(result.stderr)")
      #expect(result.stdout.contains("│    50 │ 100.0% │"), "\(target)")
      #expect(!result.stdout.contains("e2e-token") && !result.stderr.contains("e2e-token"))
    }
    let refused = try SegBinary.run(
      ["--no-init", "-c", "connect \"\(url)\" as sc"], environment: ["GRPC_DEFAULT_SSL_ROOTS_FILE_PATH": ""])
    #expect(refused.status == 1)
    #expect(
      refused.stderr.hasPrefix(
        "error: the TLS certificate of Spark Connect at localhost:\(port) could not be verified: set "
          + "GRPC_DEFAULT_SSL_ROOTS_FILE_PATH to a file of its root certificates (PEM), as for pyspark\n"))
  }

  @Test func aSegmentCountsTheSameOnSparkAsInMemory() throws {
    let url = try server()
    let result = try seg(
      """
      load sample customers rows 1500 seed 3 as e2e_customers
      connect "\(url)" as sc
      copy e2e_customers to sc replace
      count by loyalty_tier where age between 25 and 40 and interests contains "tech"
      use sc.e2e_customers
      count by loyalty_tier where age between 25 and 40 and interests contains "tech"
      """)
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stdout.split(separator: "\n").map(String.init)
    let rows = lines.filter { $0.hasPrefix("│") }
    #expect(rows.count >= 4 && rows.count % 2 == 0)
    #expect(Array(rows[..<(rows.count / 2)]) == Array(rows[(rows.count / 2)...]))
    #expect(lines.contains("copied 1,500 rows of e2e_customers to sc.e2e_customers"))
  }

  @Test func aTableDeclaredOverACSVFileTheClusterReads() throws {
    let url = try server()
    let directory = try SegBinary.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let csv = directory.appendingPathComponent("buyers.csv").path
    let result = try seg(
      """
      load sample customers rows 800 seed 9 as buyers
      export buyers to "\(csv)"
      count by region where orders > 3
      connect "\(url)" as sc
      create table e2e_buyers on sc from "\(csv)" replace
      use sc.e2e_buyers
      count by region where orders > 3
      create table e2e_buyers on sc from "\(csv)"
      """, keepGoing: true)
    #expect(result.stdout.contains("created sc.e2e_buyers: 800 rows, 24 columns"), "\(result.stderr)")
    let rows = result.stdout.split(separator: "\n").filter { $0.hasPrefix("│") }
    #expect(rows.count >= 4 && Array(rows[..<(rows.count / 2)]) == Array(rows[(rows.count / 2)...]))
    #expect(result.stderr.contains("table e2e_buyers exists on the server: add 'replace' to overwrite it"))
  }

  @Test func aServerThatIsDownAMissingTableAndAMissingFileEachSaySoAndChangeNothing() throws {
    let url = try server()
    let result = try seg(
      """
      load sample customers rows 300 seed 1
      connect "sc://127.0.0.1:1" as sc
      connect "\(url)" as sc
      use sc.no_such_table
      create table e2e_missing on sc from "/no/such/file.csv"
      count
      """, keepGoing: true)
    #expect(result.status == 1)
    #expect(result.stderr.contains("cannot reach Spark Connect at 127.0.0.1:1"), "\(result.stderr)")
    #expect(result.stderr.contains("error: no table named 'sc.no_such_table'"))
    #expect(
      result.stderr.contains(
        #"Spark cannot read "/no/such/file.csv": no such file, or an empty one (the cluster reads the path, not seg)"#
      ))
    // The session goes on: the table in memory is still current.
    #expect(result.stdout.contains("share of 300 rows in customers"))
  }

  /// `export` fetches every row of a Spark table or segment and writes what memory writes.
  @Test func exportWritesTheSameBytesFromSparkAsFromMemory() throws {
    let url = try server()
    let (result, directory) = try ServerExportCheck.run(
      ServerExportCheck.sampleScript(url: url, connection: "sc", table: "e2e_export"))
    defer { try? FileManager.default.removeItem(at: directory) }
    try ServerExportCheck.checkSample(result, in: directory, connection: "sc", table: "e2e_export")
  }

  @Test func exportOfASegmentKeepsAYesNoColumnsWordsOnSpark() throws {
    let url = try server()
    let (result, directory) = try ServerExportCheck.run(
      ServerExportCheck.wordsScript(url: url, connection: "sc", table: "e2e_export_words"))
    defer { try? FileManager.default.removeItem(at: directory) }
    try ServerExportCheck.checkWords(result, in: directory, connection: "sc", table: "e2e_export_words")
  }

  @Test func sqlShowsSparksOwnStatementWithItsQuoting() throws {
    let url = try server()
    let result = try seg(
      """
      load sample customers rows 200 seed 5 as e2e_sql
      connect "\(url)" as sc
      copy e2e_sql to sc replace
      use sc.e2e_sql
      segment odd = `first_name` = "O'Neil" or city starts with "San\\\\"
      sql odd
      count where odd
      """)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stdout.contains(
        #"SELECT * FROM `e2e_sql` WHERE COALESCE(((`first_name` = 'O\'Neil') OR startswith(`city`, 'San\\')), FALSE);"#
      ))
  }

  @Test func controlCStopsACopyToSparkWhichThenChangesNothing() throws {
    let url = try server()
    let table = "e2e_big_\(UUID().uuidString.prefix(8).lowercased())"
    let shell = try Tmux()
    try shell.waitForPrompt()
    shell.type("load sample customers rows 400000 seed 2 as big; connect \"\(url)\" as sc")
    shell.press("Enter")
    try shell.waitFor("the table loaded and the connection open", timeout: 120) { screen in
      screen.contains("connected sc") && Tmux.isEmptyPrompt(screen.lastLine)
    }
    shell.type("copy big to sc as \(table)")
    shell.press("Enter")
    Thread.sleep(forTimeInterval: 1)
    shell.press("C-c")
    try shell.waitFor("the copy interrupted and a new prompt", timeout: 120) { screen in
      screen.contains("interrupted; nothing was changed") && Tmux.isEmptyPrompt(screen.lastLine)
    }
    shell.type("use sc.\(table)")
    shell.press("Enter")
    try shell.waitFor("no table was made on Spark") {
      $0.contains("no table named 'sc.\(table)'") && Tmux.isEmptyPrompt($0.lastLine)
    }
  }

  @Test func aSavedSessionKeepsTheURLWithoutTheToken() throws {
    let url = try server()
    let directory = try SegBinary.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    // A token makes the client use TLS, which the test server does not speak: the connect fails, and
    // neither the error nor the history may show the token.
    let result = try SegBinary.run(
      ["--no-init", "-c", "connect \"\(url)/;token=s3cret-token\" as sc"], directory: directory)
    #expect(result.status == 1)
    #expect(!result.stderr.contains("s3cret-token"), "\(result.stderr)")
  }
}

/// Where the test server is, from the environment `Scripts/test` sets.
enum SparkServer {
  static var url: String? {
    ProcessInfo.processInfo.environment["SEG_SPARK_URL"].flatMap { $0.isEmpty ? nil : $0 }
  }
}
