import Foundation
import Testing

/// The PostgreSQL engine against a real server: `Scripts/test` starts one with `Scripts/pg-server` and
/// exports SEG_PG_URL and PGPASSWORD. Without a server the suite is off, except in CI, where a missing
/// server is a failure, never a silent skip.
@Suite("PostgreSQL end to end", .enabled(if: PostgresServer.url != nil || PostgresServer.isCI))
struct PostgresEndToEndTests {
  func server() throws -> (url: String, port: String) {
    let url = try #require(
      PostgresServer.url, "CI must start PostgreSQL: Scripts/test runs Scripts/pg-server")
    let port = try #require(url.split(separator: ":").last?.split(separator: "/").first.map(String.init))
    return (url, port)
  }

  @Test func aSegmentCountsTheSameOnTheServerAsInMemory() throws {
    let (url, _) = try server()
    let script = """
      load sample customers rows 1500 seed 3 as e2e_customers
      connect "\(url)" as pg
      copy e2e_customers to pg replace
      count where age between 25 and 40 and interests contains "tech"
      use pg.e2e_customers
      count where age between 25 and 40 and interests contains "tech"
      """
    let result = try SegBinary.run(["--no-init", "-c", script.replacingOccurrences(of: "\n", with: "; ")])
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stdout.split(separator: "\n").map(String.init)
    // The two count tables (memory, then server) print the same rows.
    let counts = lines.filter { $0.hasPrefix("│") }
    #expect(counts.count == 4)
    #expect(counts.count == 4 && counts[0] == counts[2] && counts[1] == counts[3])
    #expect(lines.contains("copied 1,500 rows of e2e_customers to pg.e2e_customers"))
  }

  /// A Bool column read from `yes`/`no` shows those words on the server too (a column comment keeps
  /// them), and again when the table comes back into memory.
  @Test func aYesNoColumnKeepsItsWordsOnTheServer() throws {
    let (url, _) = try server()
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "seg-pgwords-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let input = dir.appendingPathComponent("members.csv").path
    try "id,member\n1,Yes\n2,No\n3,Yes\n".write(toFile: input, atomically: true, encoding: .utf8)
    let script = """
      load "\(input)" as e2e_words
      connect "\(url)" as pg
      copy e2e_words to pg replace
      use pg.e2e_words
      count by member where member = "YES"
      load pg.e2e_words as back
      count by member
      """
    let result = try SegBinary.run(
      ["--no-init", "--format", "csv", "-c", script.replacingOccurrences(of: "\n", with: "; ")])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("member,count,share\nYes,2,1.0000\n"))
    #expect(result.stdout.hasSuffix("member,count,share\nYes,2,0.6667\nNo,1,0.3333\n"))
  }

  /// A table made on the server after `connect` (here through a second connection to the same
  /// database) is found: a name the catalog lacks makes it read the catalog again before saying no.
  @Test func aTableMadeAfterConnectIsFound() throws {
    let (url, _) = try server()
    let script = """
      connect "\(url)" as pg
      connect "\(url)" as other
      load sample rows 20 seed 5 as e2e_later
      copy e2e_later to other replace
      count pg.e2e_later
      use pg.e2e_later
      count pg.e2e_never_made
      """
    let result = try SegBinary.run(
      ["--no-init", "--format", "csv", "-c", script.replacingOccurrences(of: "\n", with: "; ")])
    #expect(result.stdout.contains("count,share\n20,1.0000\n"), "\(result.stderr)")
    #expect(result.stderr.contains("error: no table or segment named 'pg.e2e_never_made'"))
  }

  @Test func aWrongPasswordARefusedPortAndAMissingTableEachSaySo() throws {
    let (url, port) = try server()
    let wrong = try SegBinary.run([
      "--no-init", "-c", "connect \"postgresql://postgres:nope@127.0.0.1:\(port)/seg\" as pg",
    ])
    #expect(wrong.status == 1)
    #expect(wrong.stderr.contains("password authentication failed for user \"postgres\""))
    #expect(!wrong.stderr.contains("nope@"), "the password is never echoed")
    let refused = try SegBinary.run([
      "--no-init", "-c", "connect \"postgresql://postgres@127.0.0.1:1/seg\" as pg",
    ])
    #expect(
      refused.stderr.contains("cannot connect to postgresql://postgres@127.0.0.1:1/seg: connection refused"))
    let missing = try SegBinary.run(["--no-init", "-c", "connect \"\(url)\" as pg; use pg.no_such_table"])
    #expect(missing.status == 1)
    #expect(missing.stderr.contains("error: no table named 'pg.no_such_table'"))
  }

  @Test func aSavedSessionKeepsTheURLWithoutThePassword() throws {
    let (_, port) = try server()
    let password = try #require(ProcessInfo.processInfo.environment["PGPASSWORD"])
    let directory = try SegBinary.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let typed = "postgresql://postgres:\(password)@127.0.0.1:\(port)/seg"
    let result = try SegBinary.run(
      ["--no-init", "-c", "connect \"\(typed)\" as pg; save \"s.seg\""], directory: directory,
      environment: ["PGPASSWORD": ""])
    #expect(result.status == 0, "\(result.stderr)")
    let saved = try String(contentsOf: directory.appendingPathComponent("s.seg"), encoding: .utf8)
    #expect(saved.contains("connect \"postgresql://postgres@127.0.0.1:\(port)/seg\" as pg"))
    #expect(!saved.contains(password))
  }

  /// `export` fetches every row of a server's table or segment and writes what memory writes.
  @Test func exportWritesTheSameBytesFromTheServerAsFromMemory() throws {
    let (url, _) = try server()
    let (result, directory) = try ServerExportCheck.run(
      ServerExportCheck.sampleScript(url: url, connection: "pg", table: "e2e_export"))
    defer { try? FileManager.default.removeItem(at: directory) }
    try ServerExportCheck.checkSample(result, in: directory, connection: "pg", table: "e2e_export")
  }

  @Test func exportOfASegmentKeepsAYesNoColumnsWords() throws {
    let (url, _) = try server()
    let (result, directory) = try ServerExportCheck.run(
      ServerExportCheck.wordsScript(url: url, connection: "pg", table: "e2e_export_words"))
    defer { try? FileManager.default.removeItem(at: directory) }
    try ServerExportCheck.checkWords(result, in: directory, connection: "pg", table: "e2e_export_words")
  }

  /// Ctrl-C while `export` fetches a server's rows stops it, and no file is written.
  @Test func controlCStopsAnExportWhichThenWritesNoFile() throws {
    let (_, port) = try server()
    // The shell under tmux starts with an empty environment, so the password travels in the URL.
    let password = try #require(ProcessInfo.processInfo.environment["PGPASSWORD"])
    let url = "postgresql://postgres:\(password)@127.0.0.1:\(port)/seg"
    let shell = try Tmux()
    try shell.waitForPrompt()
    shell.type(
      "load sample customers rows 200000 seed 2 as e2e_export_big; connect \"\(url)\" as pg; "
        + "copy e2e_export_big to pg replace")
    shell.press("Enter")
    try shell.waitFor("the table copied to the server", timeout: 180) { screen in
      screen.contains("copied 200,000 rows") && Tmux.isEmptyPrompt(screen.lastLine)
    }
    shell.type("export pg.e2e_export_big to \"big.csv\"")
    shell.press("Enter")
    // The progress line shows only while the export runs, after half a second.
    try shell.waitFor("the export under way", timeout: 60) { $0.contains("exporting pg.e2e_export_big") }
    shell.press("C-c")
    try shell.waitFor("the export interrupted and a new prompt", timeout: 60) { screen in
      screen.contains("interrupted; nothing was changed") && Tmux.isEmptyPrompt(screen.lastLine)
    }
    #expect(!FileManager.default.fileExists(atPath: shell.home + "/big.csv"))
    let left = try FileManager.default.contentsOfDirectory(atPath: shell.home)
    #expect(left.allSatisfy { !$0.contains("big.csv") }, "\(left)")
  }

  @Test func sqlShowsTheServersOwnStatement() throws {
    let (url, _) = try server()
    let script = """
      load sample customers rows 200 seed 5 as e2e_sql
      connect "\(url)" as pg
      copy e2e_sql to pg replace
      use pg.e2e_sql
      segment odd = `first_name` = "O'Neil" or city starts with "San"
      sql odd
      """
    let result = try SegBinary.run(["--no-init", "-c", script.replacingOccurrences(of: "\n", with: "; ")])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stdout.contains(
        "SELECT * FROM \"public\".\"e2e_sql\" WHERE COALESCE(((\"first_name\" = 'O''Neil') OR starts_with(\"city\", 'San')), FALSE);"
      ))
  }

  /// A band that would turn rfm's fm into text breaks its segments: refused, as in memory, and the
  /// server's table keeps the scores as they were.
  @Test func aColumnThatBreaksASegmentIsRefusedOnTheServerToo() throws {
    let (url, _) = try server()
    let dir = try SegBinary.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let script = dir.appendingPathComponent("break.seg").path
    try """
    load sample customers rows 200 seed 5 as e2e_break
    connect "\(url)" as pg
    copy e2e_break to pg replace
    use pg.e2e_break
    rfm recency last_purchase_date frequency orders monetary total_spend
    bucket total_spend into 100, 500 as fm
    use pg.e2e_break
    count where champions and fm >= 4
    """.write(toFile: script, atomically: true, encoding: .utf8)
    let result = try SegBinary.run(["--no-init", "run", "--keep-going", script])
    #expect(result.status == 1)
    #expect(
      result.stderr.contains("this would break segment champions: fm is String, 4 is an Int"),
      "\(result.stderr)")
    #expect(result.stdout.contains("using pg.e2e_break: 200 rows, 29 columns"))
    #expect(!result.stdout.contains("bucketed"))
  }

  /// A lesson's workspace shares the learner's connections: a column it derives on a server table is
  /// taken back with the rest of the lesson, and the learner's own stays.
  @Test func aColumnALessonDerivesOnTheServerLeavesWithTheLesson() throws {
    let (url, _) = try server()
    let commands = [
      "load sample customers rows 300 seed 2 as e2e_lesson", "connect \"\(url)\" as pg",
      "copy e2e_lesson to pg replace", "use pg.e2e_lesson", "derive mine = age * 2", "lesson 1",
      "use pg.e2e_lesson", "derive theirs = age * 3", "lesson stop", "count by theirs",
      "count where mine > 60",
    ]
    let result = try SegBinary.run(["--no-init"] + commands.flatMap { ["--cmd", $0] })
    #expect(result.stdout.contains("derived theirs (Int) on pg.e2e_lesson: 300 rows"))
    #expect(result.stderr.contains("error: no column 'theirs' in table pg.e2e_lesson"), "\(result.stderr)")
    #expect(result.stdout.contains("share of 300 rows in pg.e2e_lesson"))
  }

  /// `sql rfm` shows the statements rfm runs and changes nothing, though the columns it adds live in
  /// the connection, not in the workspace copy `sql` drops; a real rfm then adds them.
  @Test func sqlOfRFMShowsItsStatementsAndLeavesTheTableAsItWas() throws {
    let (url, _) = try server()
    let script = """
      load sample customers rows 200 seed 5 as e2e_sqlrfm
      connect "\(url)" as pg
      copy e2e_sqlrfm to pg replace
      use pg.e2e_sqlrfm
      sql rfm recency last_purchase_date frequency orders monetary total_spend
      sql bucket age into 30
      use pg.e2e_sqlrfm
      rfm recency last_purchase_date frequency orders monetary total_spend
      use pg.e2e_sqlrfm
      """
    let result = try SegBinary.run(["--no-init", "-c", script.replacingOccurrences(of: "\n", with: "; ")])
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines.contains { $0.hasPrefix("SELECT \"rfm\" AS \"rfm\"") && $0.contains("ntile(5) OVER") })
    #expect(lines.filter { $0 == "using pg.e2e_sqlrfm: 200 rows, 24 columns" }.count == 2)
    #expect(lines.last == "using pg.e2e_sqlrfm: 200 rows, 29 columns")
  }
}

/// Where the test server is, from the environment `Scripts/test` sets.
enum PostgresServer {
  static var url: String? {
    ProcessInfo.processInfo.environment["SEG_PG_URL"].flatMap { $0.isEmpty ? nil : $0 }
  }

  static var isCI: Bool {
    ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty && $0 != "false" } ?? false
  }
}
