import Testing

@testable import SegmentCore

@Suite("Teaching: set explain on")
struct ExplainSettingTests {
  func out(_ p: Performance) -> String { p.emissions.filter { $0.stream == .out }.map(\.text).joined() }

  @Test func aSegmentSaysItsShareOfCustomersAndOfRevenue() {
    let session = Session()
    _ = session.perform("load sample; set explain on")
    let text = out(session.perform("segment big = total_spend > 500"))
    #expect(
      text.hasSuffix(
        "in marketing terms: this segment is 19.5% of customers and brings 60.9% of revenue (total_spend)\n"))
  }

  @Test func withoutARevenueColumnOnlyTheShareIsSaid() {
    let session = Session()
    _ = session.perform("load sample orders; set explain on")
    let text = out(session.perform("segment some = customer_id < 100"))
    #expect(text.contains("in marketing terms: this segment is "))
    #expect(!text.contains("revenue") || text.contains("(amount)"))
  }

  @Test func countByNamesTheLargestGroupAndTheLineIsRecorded() {
    let session = Session()
    _ = session.perform("load sample; set explain on")
    let text = out(session.perform("count by loyalty_tier"))
    #expect(text.contains("in marketing terms: the largest of 5 groups is bronze with 38.8%"))
    #expect(session.records.last?.output.contains("in marketing terms") == true)
  }

  @Test func offByDefaultAndOffAgain() {
    let session = Session()
    #expect(!out(session.perform("load sample; segment a = age < 30")).contains("in marketing terms"))
    _ = session.perform("set explain on; set explain off")
    #expect(!out(session.perform("segment b = age < 40")).contains("in marketing terms"))
  }
}
