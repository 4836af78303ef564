import Testing

@testable import SegmentCore

@Suite("Teaching: explain topics")
struct ExplainTests {
  static let required = [
    "segments", "personas", "segments-vs-personas", "demographic", "geographic", "psychographic",
    "behavioural", "rfm", "index", "overlap", "clustering", "computed-traits", "drift",
  ]

  @Test(arguments: required)
  func everyRequiredTopicExists(name: String) throws {
    let topic = try #require(ExplainCatalog.topic(named: name))
    #expect(!topic.what.isEmpty && !topic.why.isEmpty && !topic.example.isEmpty)
    #expect(!topic.tryCommands.isEmpty)
  }

  /// Every topic's commands, run in order after `load sample`, must work: a topic whose example broke
  /// would teach the student that seg does not work.
  @Test(arguments: ExplainCatalog.topics.map(\.name))
  func everyTryCommandRuns(name: String) throws {
    let topic = try #require(ExplainCatalog.topic(named: name))
    let session = Session()
    #expect(!session.perform("load sample").failed)
    for command in topic.tryCommands {
      let performance = session.perform(command)
      let errors = performance.emissions.filter { $0.stream == .err }.map(\.text).joined()
      #expect(!performance.failed, "explain \(name): '\(command)' failed: \(errors)")
    }
  }

  @Test func explainAloneListsEveryTopicAndATopicPrintsItsCommands() throws {
    let session = Session()
    let list = session.perform("explain").emissions.map(\.text).joined()
    for name in ExplainCatalog.names { #expect(list.contains(name)) }
    let page = session.perform("explain segments vs personas").emissions.map(\.text).joined()
    #expect(page.hasPrefix("Segments say who; personas say why"))
    #expect(page.contains("Try it on the sample data"))
    #expect(page.contains("  persona draft for young_urban as Leo"))
  }

  @Test func aliasesAndSpellingsFindTheTopic() {
    #expect(ExplainCatalog.topic(named: "behavioral")?.name == "behavioural")
    #expect(ExplainCatalog.topic(named: "computed_traits")?.name == "computed-traits")
    #expect(ExplainCatalog.topic(named: "K-Means")?.name == "clustering")
  }

  @Test func anUnknownTopicSuggestsTheNearestAndIsNotJournaled() {
    let session = Session()
    let performance = session.perform("explain rmf")
    #expect(performance.failed)
    let text = performance.emissions.map(\.text).joined()
    #expect(text.contains("no explain topic named 'rmf'"))
    #expect(text.contains("did you mean 'rfm'?"))
    #expect(session.perform("explain rfm").failed == false)
    #expect(session.cells.isEmpty)
  }

  @Test func wrapKeepsLinesWithinTheWidth() {
    let text = String(repeating: "word ", count: 40)
    let lines = ExplainCatalog.wrap(text, width: 30)
    #expect(lines.allSatisfy { $0.count <= 30 })
    #expect(lines.joined(separator: " ") == text.trimmingWhitespace())
  }
}
