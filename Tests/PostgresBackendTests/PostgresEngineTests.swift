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
      throws: EngineError(.server("PostgreSQL: relation \"no_such_table\" does not exist (SQLSTATE 42P01)"))
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
