import Dispatch
import Foundation
import SegmentPlan
import Testing

@testable import SparkBackend

/// The client against a real Spark Connect server (SEG_SPARK_URL, e.g. sc://localhost:15102). Off
/// without one, except in CI, where a missing server fails instead of skipping.
@Suite("Spark Connect client", .enabled(if: SparkServer.url != nil || SparkServer.isCI))
struct SparkConnectClientTests {
  func client() async throws -> SparkConnectClient {
    let url = try #require(SparkServer.url, "CI must start Spark Connect and set SEG_SPARK_URL")
    return try await SparkConnectClient.connect(url)
  }

  /// A table name no other run uses, so runs against a shared server do not collide.
  func scratchTable(_ stem: String) -> String {
    "seg_test_\(stem)_\(UUID().uuidString.prefix(8).lowercased())"
  }

  @Test func argumentsAreBoundNotSpliced() async throws {
    let client = try await client()
    let awkward = #"it's a "quote" \ and a backslash' OR '1'='1"#
    let result = try await client.executeSQL(
      "SELECT * FROM VALUES (1, ?), (2, ?), (3, 'x') AS t(id, s) WHERE s = ? OR id = CAST(? AS INT)",
      arguments: [awkward, "plain", awkward, "3"])
    await client.close()
    #expect(result.rowCount == 2)
    #expect(!result.arrowBatches.isEmpty)
    // Every batch is a whole Arrow IPC stream: it ends with the end-of-stream marker.
    for batch in result.arrowBatches {
      #expect(batch.suffix(8) == [0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0])
    }
    #expect(UUID(uuidString: result.operationID) != nil)
    // The awkward value came back byte for byte (Arrow keeps UTF-8 strings verbatim).
    let bytes = result.arrowBatches.flatMap { $0 }
    #expect(contains(bytes, Array(awkward.utf8)))
  }

  @Test func anEmptyResultStillCarriesABatchWithTheSchema() async throws {
    let client = try await client()
    let result = try await client.executeSQL("SELECT 1 AS one WHERE 1 = 0")
    await client.close()
    #expect(result.rowCount == 0)
    #expect(result.arrowBatches.count == 1)
  }

  @Test func createInsertSelectDrop() async throws {
    let client = try await client()
    let table = scratchTable("roundtrip")
    try await client.executeCommand("CREATE TABLE \(table) (id BIGINT, name STRING) USING parquet")
    try await client.executeCommand("INSERT INTO \(table) VALUES (1, ?), (2, ?)", arguments: ["a", "b'c"])
    let result = try await client.executeSQL("SELECT * FROM \(table) WHERE name = ?", arguments: ["b'c"])
    #expect(result.rowCount == 1)
    try await client.executeCommand("DROP TABLE \(table)")
    await #expect {
      _ = try await client.executeSQL("SELECT * FROM \(table)")
    } throws: { error in
      (error as? SparkError)?.errorClass == "TABLE_OR_VIEW_NOT_FOUND"
    }
    await client.close()
  }

  @Test func saveTableWritesALocalArrowStream() async throws {
    let client = try await client()
    let table = scratchTable("saved")
    // Three rows (id BIGINT, name STRING: ann, o'brien, NULL) written by pyarrow's stream writer.
    let fixture = try Data(contentsOf: fixtureURL("three-customers.arrows"))
    try await client.saveTable(name: table, arrowIPC: [UInt8](fixture), schemaDDL: "id BIGINT, name STRING")
    let all = try await client.executeSQL("SELECT * FROM \(table)")
    let named = try await client.executeSQL("SELECT id FROM \(table) WHERE name = ?", arguments: ["o'brien"])
    // Overwrite replaces rather than appends.
    try await client.saveTable(name: table, arrowIPC: [UInt8](fixture), schemaDDL: "id BIGINT, name STRING")
    let again = try await client.executeSQL("SELECT * FROM \(table)")
    try await client.executeCommand("DROP TABLE \(table)")
    await client.close()
    #expect(all.rowCount == 3)
    #expect(named.rowCount == 1)
    #expect(again.rowCount == 3)
  }

  @Test func anUnknownTableIsAServerErrorWithSparksClass() async throws {
    let client = try await client()
    do {
      _ = try await client.executeSQL("SELECT * FROM seg_no_such_table_anywhere")
      Issue.record("a query on a missing table answered")
    } catch {
      #expect(error.errorClass == "TABLE_OR_VIEW_NOT_FOUND")
      guard case .server(_, let sqlState, let message) = error.kind else {
        Issue.record("expected a server error, got \(error)")
        return
      }
      #expect(sqlState == "42P01")
      #expect(message.contains("seg_no_such_table_anywhere"))
      #expect(!message.contains("\n"))
      #expect(error.engineError == EngineError(.server(error.message), code: "TABLE_OR_VIEW_NOT_FOUND"))
    }
    // The session goes on after a refused query.
    #expect(try await client.executeSQL("SELECT 1").rowCount == 1)
    await client.close()
  }

  @Test func sessionSettingsMakeAnswersDeterministic() async throws {
    let client = try await client()
    let zone = try await client.executeSQL("SELECT 1 WHERE current_timezone() = 'UTC'")
    await client.close()
    #expect(zone.rowCount == 1)
  }

  @Test func aClosedPortFailsWithTheAddress() async throws {
    let port = try closedPort()
    do {
      let client = try await SparkConnectClient.connect("sc://127.0.0.1:\(port)")
      await client.close()
      Issue.record("connected to a closed port")
    } catch {
      guard case .unreachable(let address, _) = error.kind else {
        Issue.record("expected unreachable, got \(error)")
        return
      }
      #expect(address == "127.0.0.1:\(port)")
      #expect(error.message.hasPrefix("cannot reach Spark Connect at 127.0.0.1:\(port)"))
    }
    // No bound on the time: alone this takes milliseconds, but in the full run the async test waits
    // for a thread of a pool kept busy by blocking end-to-end tests (128 s once). A hang would hang
    // the run itself.
  }

  @Test func ctrlCInterruptsALongQueryOnTheServer() async throws {
    let client = try await client()
    let stop = Interruption()
    DispatchQueue.global().asyncAfter(deadline: .now() + .seconds(2)) { stop.request() }
    let started = DispatchTime.now()
    // The blocking bridge is what seg's synchronous commands use; run it off the cooperative pool.
    let outcome: Result<SparkResult, EngineError> = await withCheckedContinuation { continuation in
      Thread.detachNewThread {
        continuation.resume(
          returning: Result { () throws(EngineError) -> SparkResult in
            try client.executeSQL("SELECT count(*) FROM range(0, 1000000000000)", interruption: stop)
          })
      }
    }
    let elapsed = seconds(since: started)
    #expect(throws: EngineError(.interrupted)) { try outcome.get() }
    // The query alone would run for hours on two cores: well under that, the server stopped it.
    #expect(elapsed < 300, "the server stopped the query, it was not waited out")
    // The session answers the next query.
    #expect(try await client.executeSQL("SELECT 1").rowCount == 1)
    await client.close()
  }

  @Test func interruptAllStopsRunningWork() async throws {
    let client = try await client()
    let operationID = SparkConnectClient.newOperationID()
    // Hours of work on two cores, like the Ctrl-C test: ten billion rows once finished in CI before
    // the loop below, waiting on a cooperative pool kept busy by other tests, got to interrupt it.
    let running = Task {
      try await client.executeSQL("SELECT count(*) FROM range(0, 1000000000000)", operationID: operationID)
    }
    var interrupted: [String] = []
    for _ in 0..<300 where !interrupted.contains(operationID) {
      try await Task.sleep(for: .milliseconds(200))
      interrupted = try await client.interruptAll()
    }
    guard interrupted.contains(operationID) else {
      // Not awaited: a query left running would hold the test for hours.
      Issue.record("interruptAll never reported the running query \(operationID)")
      await client.close()
      return
    }
    await #expect(throws: SparkError(.cancelled)) { try await running.value }
    await client.close()
  }
}

enum SparkServer {
  static var url: String? {
    ProcessInfo.processInfo.environment["SEG_SPARK_URL"].flatMap { $0.isEmpty ? nil : $0 }
  }

  static var isCI: Bool {
    ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty && $0 != "false" } ?? false
  }
}

func fixtureURL(_ name: String) -> URL {
  URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)")
}

func seconds(since start: DispatchTime) -> Double {
  Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
}

func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
  guard !needle.isEmpty, haystack.count >= needle.count else { return needle.isEmpty }
  return (0...(haystack.count - needle.count)).contains {
    haystack[$0..<$0 + needle.count].elementsEqual(needle)
  }
}

/// A local port nothing listens on: bound, read, and released.
func closedPort() throws -> Int {
  let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
  defer { close(fd) }
  var address = sockaddr_in()
  address.sin_family = sa_family_t(AF_INET)
  address.sin_addr.s_addr = inet_addr("127.0.0.1")
  address.sin_port = 0
  var length = socklen_t(MemoryLayout<sockaddr_in>.size)
  let bound = withUnsafeMutablePointer(to: &address) {
    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
      bind(fd, pointer, length) == 0 && getsockname(fd, pointer, &length) == 0
    }
  }
  try #require(bound)
  return Int(UInt16(bigEndian: address.sin_port))
}
