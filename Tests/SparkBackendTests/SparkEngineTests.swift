import Columnar
import Foundation
import SQLBackend
import SegmentPlan
import Testing

@testable import SparkBackend

/// The engine (catalog, compiled queries) against a real Spark Connect server (SEG_SPARK_URL). Off
/// without one, except in CI, where a missing server fails instead of skipping.
@Suite("Spark engine", .enabled(if: SparkServer.url != nil || SparkServer.isCI))
struct SparkEngineTests {
  /// rfm's columns are computed once into a view of checkpointed rows that later queries read (and
  /// `sql` never shows); the catalog leaves it out; reading the catalog again or dropping the recipe
  /// discards it, and the view it replaced is dropped on the server.
  @Test func costlyColumnsAreKeptInOneCheckpointedView() async throws {
    let url = try #require(SparkServer.url, "CI must start Spark Connect and set SEG_SPARK_URL")
    let engine = try await EngineThread.run { try SparkEngine.open(url, interruption: Interruption()) }
    let table = "seg_test_kept_\(UUID().uuidString.prefix(8).lowercased())"
    let rows = Frame(columns: [
      Column.int("id", (1...20).map { Int64($0) }),
      Column.date("seen", days: (1...20).map { Int32(20_000 + $0 % 7) }),
      Column.int("visits", (1...20).map { Int64($0 % 5) }),
      Column.double("spend", (1...20).map { Double($0) * 1.5 }),
    ])
    try await EngineThread.run {
      try engine.store(rows, as: table, replace: true, interruption: Interruption())
    }
    @Sendable func keptOnServer() throws -> [String] {
      let listing = try engine.run(
        SQLText("SHOW TABLES"), [("namespace", .string), ("tableName", .string), ("isTemporary", .bool)],
        Interruption())
      return (0..<listing.rowCount).compactMap {
        guard case .string(let name) = listing.value("tableName", at: $0) else { return nil }
        return name.hasPrefix(KeptTable.namePrefix) ? "`\(name)`" : nil
      }
    }
    @Sendable func scores() throws -> [String] {
      let frame = try engine.execute(
        Query(.countBy(["r"]), over: Relation(table: table)), interruption: Interruption())
      return (0..<frame.rowCount).map { "\(frame.value("r", at: $0)) \(frame.integer("count", at: $0))" }
    }
    try await EngineThread.run {
      try engine.defineColumns(
        [.rfm(recency: "seen", frequency: "visits", monetary: "spend")], on: table,
        interruption: Interruption())
    }
    let first = try await EngineThread.run(scores)
    #expect(first.count == 5)
    #expect(engine.session.kept(of: table) == nil, "a column read once is no copy's worth")
    #expect(try await EngineThread.run(keptOnServer).isEmpty)
    #expect(try await EngineThread.run(scores) == first)
    let kept = try #require(engine.session.kept(of: table))
    #expect(try await EngineThread.run(keptOnServer) == [kept.copy.from])
    #expect(!kept.copy.handle.isEmpty, "the checkpoint's id, to free its rows")
    #expect(
      try await EngineThread.run {
        try engine.runningCompiler(for: Query(.count, over: Relation(table: table)), Interruption()).from
      }
        == kept.copy.from)
    #expect(try !engine.compiler(for: table).from.contains(kept.copy.from), "sql shows the definitions")
    #expect(try await EngineThread.run(scores) == first)
    #expect(!engine.catalog.tables.contains { $0.name.hasPrefix(KeptTable.namePrefix) })

    try await EngineThread.run { try engine.reloadCatalog(interruption: Interruption()) }
    #expect(try await EngineThread.run(scores) == first)
    let again = try #require(engine.session.kept(of: table))
    #expect(again.copy != kept.copy)
    #expect(try await EngineThread.run(keptOnServer) == [again.copy.from])

    engine.restoreColumns([], on: table)
    let count = try await EngineThread.run {
      try engine.execute(Query(.count, over: Relation(table: table)), interruption: Interruption())
    }
    #expect(count.integer("count") == 20)
    #expect(try await EngineThread.run(keptOnServer).isEmpty)
    try await EngineThread.run {
      try engine.runStatement("DROP TABLE \(engine.dialect.identifier(table))", Interruption())
      engine.close()
    }
  }
}
