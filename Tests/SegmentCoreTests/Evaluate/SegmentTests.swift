import Columnar
import Testing

@testable import SegmentCore

@Suite("Segments")
struct SegmentTests {
  func out(_ p: Performance) -> String { p.emissions.filter { $0.stream == .out }.map(\.text).joined() }
  func err(_ p: Performance) -> String { p.emissions.filter { $0.stream == .err }.map(\.text).joined() }

  @Test func definitionShowsSizeShareAndClauseBreakdown() {
    let session = Session()
    _ = session.perform("load sample rows 500 seed 3")
    let p = session.perform("segment young = gender = \"M\" and age between 18 and 25 and urban")
    #expect(!p.failed)
    let text = out(p)
    #expect(text.hasPrefix("segment young: "))
    #expect(text.contains("│ gender = \"M\"          │"))
    #expect(text.contains("age between 18 and 25"))
    #expect(text.contains("so far"))
  }

  @Test func segmentsComposeAndCountAgree() throws {
    let session = Session()
    _ = session.perform("load sample rows 2000 seed 5; set format csv")
    _ = session.perform("segment a = age < 30; segment b = total_spend > 300")
    _ = session.perform("segment both = a and b; segment either = a or b; segment only_a = a and not b")
    func size(_ name: String) throws -> Int {
      let lines = out(session.perform("count \(name)")).split(separator: "\n")
      return try #require(Int(lines[1].split(separator: ",")[0]))
    }
    #expect(try size("both") + size("only_a") == size("a"))
    #expect(try size("either") == size("a") + size("b") - size("both"))
  }

  @Test func redefiningReplacesAndDependentsFollow() throws {
    let session = Session()
    _ = session.perform("load sample rows 300 seed 1; set format csv")
    _ = session.perform("segment a = age < 30; segment b = a and urban")
    let before = out(session.perform("segments"))
    let p = session.perform("segment a = age < 50")
    #expect(err(p).hasPrefix("replaced a: "))
    #expect(out(session.perform("segments")) != before)
    let drop = session.perform("drop segment a")
    #expect(err(drop).contains("segment a is used by segment b"))
    #expect(!session.perform("drop segment b; drop segment a").failed)
    #expect(session.workspace.segments.isEmpty)
  }

  @Test func aSegmentCannotUseItself() {
    let session = Session()
    _ = session.perform("load sample rows 50; segment a = age < 30; segment b = a and urban")
    #expect(
      err(session.perform("segment a = b or age > 70")).contains("cannot be defined in terms of itself"))
    #expect(err(session.perform("segment c = c and urban")).contains("cannot be defined in terms of itself"))
    #expect(err(session.perform("segment c = d and urban")).contains("no column or segment 'd'"))
  }

  @Test func reloadRecomputesDynamicSegmentsAndKeepsSnapshots() throws {
    let session = Session()
    _ = session.perform(
      "load sample rows 100 seed 1; segment young = age < 30; segment frozen = age < 30 as of snapshot")
    let dynamicBefore = try session.workspace.size(of: #require(session.workspace.segment(named: "young")))
    _ = session.perform("load sample rows 100 seed 2")
    let dynamicAfter = try session.workspace.size(of: #require(session.workspace.segment(named: "young")))
    let frozen = try session.workspace.size(of: #require(session.workspace.segment(named: "frozen")))
    #expect(frozen == dynamicBefore)
    #expect(dynamicAfter != dynamicBefore)
    // A reload with another row count would break the snapshot: refused, nothing changes.
    let p = session.perform("load sample rows 120 seed 2")
    #expect(err(p).contains("this would break segment frozen"))
    #expect(session.workspace.table(named: "customers")?.rowCount == 100)
  }

  @Test func withinCountsFromTodayNotTheClock() throws {
    let session = Session()
    _ = session.perform("load sample rows 1000 seed 9; set format csv")
    let latest = out(session.perform("count where last_purchase_date within 30 days"))
    let pinned = out(session.perform("set today 2026-10-31; count where last_purchase_date within 30 days"))
    #expect(pinned.hasSuffix(latest.split(separator: "\n").dropFirst().joined(separator: "\n") + "\n"))
    let earlier = out(session.perform("set today 2025-01-01; count where last_purchase_date within 30 days"))
    #expect(earlier != pinned)
  }
}
