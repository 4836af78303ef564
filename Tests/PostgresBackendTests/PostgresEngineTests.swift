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
