import Columnar
import Dispatch
import Foundation
import SQLBackend
import SegmentPlan
import Testing

@testable import PostgresBackend

/// The client against the real server `Scripts/test` starts (SEG_PG_URL, PGPASSWORD). Off without one,
/// except in CI, where a missing server fails instead of skipping.
@Suite("PostgreSQL client", .enabled(if: ServerURL.value != nil || ServerURL.isCI))
struct PostgresEngineTests {
  func engine() throws -> PostgresEngine {
    let url = try #require(ServerURL.value, "CI must start PostgreSQL: Scripts/test runs Scripts/pg-server")
    return try PostgresEngine.open(url, interruption: Interruption())
  }

  @Test func ctrlCStopsALongStatementAndTheConnectionGoesOn() throws {
    let engine = try engine()
    defer { engine.close() }
    let stop = Interruption()
    DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(300)) { stop.request() }
    let started = DispatchTime.now()
    #expect(throws: EngineError(.interrupted)) {
      _ = try PostgresEngine.run(
        engine.connection, SQLText("SELECT pg_sleep(20)"), interruption: stop,
        cancel: engine.cancelRunningQuery)
    }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
    #expect(seconds < 10, "the server was asked to cancel, not waited out")
    // The same connection answers the next statement.
    let rows = try PostgresEngine.run(
      engine.connection, SQLText("SELECT 41 + 1"), interruption: Interruption())
    #expect(try rows.first.map { try PostgresEngine.value($0.first!, as: .int) } == .int(42))
  }

  /// rfm's columns are computed once into a temporary table that later queries read (and `sql` never
  /// shows); the catalog leaves it out; reading the catalog again or dropping the recipe discards it,
  /// and the copy it replaced is dropped on the server.
  // On a thread of its own: `store` copies rows through a task on the cooperative pool it would block.
  @Test func costlyColumnsAreKeptInOneTemporaryTable() async throws {
    try await EngineThread.run {
      let engine = try engine()
      defer { engine.close() }
      let table = "seg_test_kept_\(UUID().uuidString.prefix(8).lowercased())"
      let rows = Frame(columns: [
        Column.int("id", (1...20).map { Int64($0) }),
        Column.date("seen", days: (1...20).map { Int32(20_000 + $0 % 7) }),
        Column.int("visits", (1...20).map { Int64($0 % 5) }),
        Column.double("spend", (1...20).map { Double($0) * 1.5 }),
      ])
      try engine.store(rows, as: table, replace: true, interruption: Interruption())
      defer {
        try? engine.runStatement("DROP TABLE IF EXISTS \(engine.dialect.identifier(table))", Interruption())
      }
      func keptOnServer() throws -> Int {
        try engine.run(
          SQLText(
            "SELECT count(*) FROM pg_class WHERE relpersistence = 't' AND relname LIKE 'seg\\_kept\\_%'"),
          [("count", .int)], Interruption()
        ).integer("count")
      }
      func scores() throws -> [String] {
        let frame = try engine.execute(
          Query(.countBy(["r"]), over: Relation(table: table)), interruption: Interruption())
        return (0..<frame.rowCount).map { "\(frame.value("r", at: $0)) \(frame.integer("count", at: $0))" }
      }
      try engine.defineColumns(
        [.rfm(recency: "seen", frequency: "visits", monetary: "spend")], on: table,
        interruption: Interruption()
      )
      #expect(try keptOnServer() == 0, "nothing is copied before a query reads the columns")
      let first = try scores()
      #expect(first.count == 5)
      #expect(
        engine.session.kept(of: table) == nil,
        "nor for the first query: a column read once is no copy's worth")
      #expect(try keptOnServer() == 0)
      // rfm run again checks its inputs first: such a query reads none of the scores.
      let latest = try engine.execute(
        Query(.maxDate("seen"), over: Relation(table: table)), interruption: Interruption())
      #expect(latest.rowCount == 1)
      #expect(engine.session.kept(of: table) == nil, "a query that reads no score is no read of them")
      #expect(try scores() == first)
      let kept = try #require(engine.session.kept(of: table))
      #expect(try keptOnServer() == 1)
      #expect(kept.table.from.hasPrefix("\"\(KeptTable.namePrefix)"))
      #expect(
        try engine.runningCompiler(for: Query(.count, over: Relation(table: table)), Interruption()).from
          == kept.table.from)
      #expect(try !engine.compiler(for: table).from.contains(kept.table.from), "sql shows the definitions")
      #expect(try scores() == first)
      #expect(
        engine.session.kept(of: table)?.table.from == kept.table.from, "the next query reads the same copy")
      #expect(!engine.catalog.tables.contains { $0.name.hasPrefix(KeptTable.namePrefix) })

      // The catalog read again: the next query copies the rows afresh, and the old copy is dropped.
      try engine.reloadCatalog(interruption: Interruption())
      #expect(engine.session.kept(of: table) == nil)
      #expect(try scores() == first)
      #expect(engine.session.kept(of: table).map(\.table.from) != kept.table.from)
      #expect(try keptOnServer() == 1)

      // Without the recipe the table is read as it is, and the copy is dropped by the next query.
      engine.restoreColumns([], on: table)
      let count = try engine.execute(
        Query(.count, over: Relation(table: table)), interruption: Interruption())
      #expect(count.integer("count") == 20)
      #expect(try keptOnServer() == 0)
    }
  }

  /// A role that may not make temporary tables (as read-only analyst accounts often are) still runs
  /// rfm: the refused copy ends copying for the session, and the queries compute the columns instead.
  // On a thread of its own: `store` copies rows through a task on the cooperative pool it would block.
  @Test func aRoleWithoutTemporaryTablesComputesTheColumnsInstead() async throws {
    try await EngineThread.run {
      let url = try #require(ServerURL.value, "CI must start PostgreSQL: Scripts/test runs Scripts/pg-server")
      let admin = try engine()
      defer { admin.close() }
      let name = "seg_no_temp_\(UUID().uuidString.prefix(8).lowercased())"
      try admin.runStatement("CREATE DATABASE \(name)", Interruption())
      try admin.runStatement("REVOKE TEMPORARY ON DATABASE \(name) FROM PUBLIC", Interruption())
      try admin.runStatement("CREATE ROLE \(name) LOGIN PASSWORD 'no-temp'", Interruption())
      defer {
        try? admin.runStatement("DROP DATABASE IF EXISTS \(name) WITH (FORCE)", Interruption())
        try? admin.runStatement("DROP ROLE IF EXISTS \(name)", Interruption())
      }
      // The server's URL with another database, and another user with its password.
      let database = try #require(url.range(of: "/", options: .backwards)).lowerBound
      let owner = try PostgresEngine.open(String(url[..<database]) + "/\(name)", interruption: Interruption())
      try owner.runStatement("GRANT CREATE ON SCHEMA public TO \(name)", Interruption())
      owner.close()
      let userAt = try #require(url.range(of: "://")).upperBound
      let host = try #require(url[userAt...].firstIndex(of: "@"))
      let restricted = String(url[..<userAt]) + "\(name):no-temp" + String(url[host..<database]) + "/\(name)"
      let engine = try PostgresEngine.open(restricted, interruption: Interruption())
      defer { engine.close() }
      let rows = Frame(columns: [
        Column.int("id", (1...20).map { Int64($0) }),
        Column.date("seen", days: (1...20).map { Int32(20_000 + $0 % 7) }),
        Column.int("visits", (1...20).map { Int64($0 % 5) }),
        Column.double("spend", (1...20).map { Double($0) * 1.5 }),
      ])
      try engine.store(rows, as: "scored", replace: true, interruption: Interruption())
      try engine.defineColumns(
        [.rfm(recency: "seen", frequency: "visits", monetary: "spend")], on: "scored",
        interruption: Interruption()
      )
      func scores() throws -> [String] {
        let frame = try engine.execute(
          Query(.countBy(["r"]), over: Relation(table: "scored")), interruption: Interruption())
        return (0..<frame.rowCount).map { "\(frame.value("r", at: $0)) \(frame.integer("count", at: $0))" }
      }
      let first = try scores()
      #expect(first.count == 5)
      #expect(engine.session.keepsCopies)
      #expect(try scores() == first, "the refused copy is no error")
      #expect(!engine.session.keepsCopies)
      #expect(engine.session.kept(of: "scored") == nil)
      #expect(try scores() == first)
    }
  }

  @Test func aDroppedConnectionIsAClearError() throws {
    let engine = try engine()
    defer { engine.close() }
    let killer = try self.engine()
    defer { killer.close() }
    let pid = try #require(engine.backendPID)
    _ = try PostgresEngine.run(
      killer.connection, SQLText("SELECT pg_terminate_backend(\(pid))"), interruption: Interruption())
    Thread.sleep(forTimeInterval: 0.2)
    do {
      _ = try PostgresEngine.run(engine.connection, SQLText("SELECT 1"), interruption: Interruption())
      Issue.record("a query on a terminated connection answered")
    } catch {
      guard case .connection(let message) = error.kind else {
        Issue.record("expected a connection error, got \(error)")
        return
      }
      // Whether the client saw the close before sending or while waiting, the answer is immediate
      // (postgres-nio alone would wait forever on a closed connection).
      #expect(
        message == "the connection to PostgreSQL was closed; connect again"
          || message.hasPrefix("the connection to PostgreSQL failed: "))
    }
  }

  @Test func aStatementTheServerRefusesSaysWhatItSaid() throws {
    let engine = try engine()
    defer { engine.close() }
    #expect(
      throws: EngineError(
        .server("PostgreSQL: relation \"no_such_table\" does not exist (SQLSTATE 42P01)"), code: "42P01")
    ) {
      _ = try PostgresEngine.run(
        engine.connection, SQLText("SELECT * FROM no_such_table"), interruption: Interruption())
    }
  }

  @Test(
    arguments: [
      ("postgresql://ann:p%40ss@db.example:6543/shop", "ann", "p@ss", "db.example", 6543, "shop"),
      ("postgres://bob@localhost/sales", "bob", nil, "localhost", 5432, "sales"),
    ] as [(String, String, String?, String, Int, String)])
  func urlsReadAsPsqlReadsThem(
    _ text: String, _ user: String, _ password: String?, _ host: String, _ port: Int, _ database: String
  ) throws {
    guard case .success(let url) = PostgresURL.parse(text) else {
      Issue.record("\(text) did not parse")
      return
    }
    #expect(url == PostgresURL(user: user, password: password, host: host, port: port, database: database))
    #expect(url.display == "postgresql://\(user)@\(host):\(port)/\(database)")
  }

  @Test(arguments: [
    "mysql://a@b/c", "postgresql://a@b", "postgresql://a@b:99999/c", "postgresql://a@:5432/c",
  ])
  func badURLsSayWhatIsWrong(_ text: String) {
    guard case .failure(let problem) = PostgresURL.parse(text) else {
      Issue.record("\(text) parsed")
      return
    }
    #expect(
      problem.message.hasSuffix(
        "write postgresql://USER@HOST:PORT/DATABASE, e.g. postgresql://analyst@localhost:5432/shop"))
  }

  @Test func tlsSettingsComeFromTheURLAndStayInItsDisplay() throws {
    guard
      case .success(let url) = PostgresURL.parse(
        "postgresql://ann@db.example/shop?sslmode=verify-full&sslrootcert=%2Fetc%2Froot.crt&application_name=x"
      )
    else {
      Issue.record("did not parse")
      return
    }
    #expect(url.tls == .verifyFull)
    #expect(url.rootCertificate == "/etc/root.crt")
    #expect(
      url.display == "postgresql://ann@db.example:5432/shop?sslmode=verify-full&sslrootcert=/etc/root.crt")
    guard case .success(let plain) = PostgresURL.parse("postgresql://ann@db.example/shop") else {
      Issue.record("did not parse")
      return
    }
    #expect(plain.tls == .prefer)
    #expect(plain.display == "postgresql://ann@db.example:5432/shop")
  }

  @Test(arguments: [
    (
      "postgresql://a@b/c?sslmode=sometimes",
      "sslmode 'sometimes' is not one seg knows: use one of disable, prefer, require, verify-ca, verify-full"
    ),
    (
      "postgresql://a@b/c?sslmode=require&sslcert=x",
      "seg does not know the URL parameter 'sslcert': it reads sslmode and sslrootcert "
        + "(e.g. postgresql://analyst@db.example.com/shop?sslmode=verify-full)"
    ),
  ])
  func badTLSParametersAreRefusedByName(_ text: String, _ message: String) {
    guard case .failure(let problem) = PostgresURL.parse(text) else {
      Issue.record("\(text) parsed")
      return
    }
    #expect(problem.message == message)
  }

  /// Scripts/pg-server offers TLS with a certificate for localhost and 127.0.0.1, its own root in
  /// SEG_PG_TLS_ROOT: each sslmode connects as libpq's would, and a root that did not sign it fails.
  @Test func everySSLModeConnectsAndAWrongRootIsRefused() throws {
    let url = try #require(ServerURL.value)
    let root = try #require(
      ProcessInfo.processInfo.environment["SEG_PG_TLS_ROOT"], "Scripts/pg-server writes SEG_PG_TLS_ROOT")
    let byName = url.replacingOccurrences(of: "@127.0.0.1:", with: "@localhost:")
    for mode in [
      "disable", "prefer", "require", "verify-ca&sslrootcert=\(root)", "verify-full&sslrootcert=\(root)",
    ] {
      let engine = try PostgresEngine.open("\(byName)?sslmode=\(mode)", interruption: Interruption())
      let rows = try PostgresEngine.run(
        engine.connection, SQLText("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()"),
        interruption: Interruption())
      #expect(
        try rows.first.map { try PostgresEngine.value($0.first!, as: .bool) } == .bool(mode != "disable"),
        "sslmode=\(mode)")
      engine.close()
    }
    // A certificate made here, which did not sign the server's.
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("seg-tls-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let other = dir.appendingPathComponent("other.crt").path
    let openssl = Process()
    openssl.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    openssl.arguments = [
      "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=other",
      "-keyout", dir.appendingPathComponent("other.key").path, "-out", other,
    ]
    openssl.standardError = FileHandle.nullDevice
    try openssl.run()
    openssl.waitUntilExit()
    #expect(openssl.terminationStatus == 0)
    #expect(
      throws: EngineError(
        .connection(
          "cannot connect to \(byName)?sslmode=verify-full&sslrootcert=\(other): the server's TLS certificate could not be verified: "
            + "name its root with sslrootcert=FILE, or use sslmode=require to encrypt without checking it"))
    ) {
      _ = try PostgresEngine.open(
        "\(byName)?sslmode=verify-full&sslrootcert=\(other)", interruption: Interruption())
    }
  }

  @Test func pgpassLinesSplitOnUnescapedColons() {
    #expect(PostgresURL.passFields(#"db:5432:*:ann:s\:e\\cret"#) == ["db", "5432", "*", "ann", #"s:e\cret"#])
  }
}

enum ServerURL {
  static var value: String? {
    ProcessInfo.processInfo.environment["SEG_PG_URL"].flatMap { $0.isEmpty ? nil : $0 }
  }

  static var isCI: Bool {
    ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty && $0 != "false" } ?? false
  }
}
