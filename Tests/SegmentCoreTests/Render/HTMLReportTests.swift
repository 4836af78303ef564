import Columnar
import Foundation
import Testing

@testable import SegmentCore

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Reads a page as XML: the report is written to be well-formed, so any slip in escaping or nesting
/// (an unclosed tag, a raw `<` or `&`) makes the parser fail.
private final class XMLCheck: NSObject, XMLParserDelegate {
  var texts: [String] = []
  var attributes: [String] = []
  var elements: [String] = []

  static func parse(_ page: String) -> XMLCheck? {
    let body = page.replacingOccurrences(of: "<!DOCTYPE html>", with: "")
    let check = XMLCheck()
    let parser = XMLParser(data: Data(body.utf8))
    parser.delegate = check
    return parser.parse() ? check : nil
  }

  func parser(
    _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
    attributes: [String: String] = [:]
  ) {
    elements.append(name)
    self.attributes += attributes.values
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) { texts.append(string) }
}

/// Runs `commands` on a fresh session and returns it.
private func session(_ commands: String) -> Session {
  let s = Session()
  let performance = s.perform(commands)
  #expect(!performance.failed, "\(performance.emissions.map(\.text).joined())")
  return s
}

private func page(_ s: Session) -> String { s.report(titledAfter: "test.html") }

@Suite("HTML report")
struct HTMLReportTests {
  @Test func everyChartKindIsWellFormedWithLabelsAndFiniteCoordinates() throws {
    let s = session(
      """
      load sample customers rows 3000 seed 42
      segment big = total_spend > 1000
      segment young = age < 30
      segments
      count by loyalty_tier
      histogram age
      compare big, young
      profile big
      rank segments by sum(total_spend)
      trend young by quarter of signup_date
      rfm recency last_purchase_date frequency orders monetary total_spend as of 2026-11-01
      cluster k=2..4 on age, income, total_spend
      cluster k=3 on age, income, total_spend
      persona draft for big
      """)
    let html = page(s)
    let xml = try #require(XMLCheck.parse(html), "the page is not well-formed XML")
    // One chart per charted table: segments, count by, histogram, compare (2), profile, rank, trend,
    // rfm, choosing k, clusters, and segments again inside rfm's output... at least these eleven.
    #expect(xml.elements.filter { $0 == "svg" }.count >= 11)
    for value in xml.attributes {
      #expect(!value.contains("nan") && !value.contains("inf"), "bad coordinate in \(value)")
    }
    // The parser may hand one text over in pieces (at non-ASCII characters): join without a gap.
    let text = xml.texts.joined()
    for label in ["platinum", "cant_lose_them", "R 5", "FM 4–5", "k=3", "cluster_1", "over-represented →"] {
      #expect(text.contains(label), "no label \(label) in \(text.suffix(300))")
    }
    #expect(xml.elements.contains("article"), "the drafted persona has no card")
    #expect(html.contains("class=\"badge\">draft</span>"))
    #expect(!html.contains("http://") || !html.contains("src=\"http"), "the page fetches something")
    #expect(!html.contains("<script"))
  }

  @Test func theSamePageEveryTime() {
    let commands = "load sample customers rows 500 seed 3\nsegment s = age > 40\nprofile s"
    #expect(page(session(commands)) == page(session(commands)))
  }

  @Test func aMessageOfSeveralLinesKeepsThem() {
    let html = page(session("load sample customers rows 300 seed 5\nsegment recent = last_purchase_date within 90 days"))
    #expect(html.contains("of customers)<br/>within counts back from the latest last_purchase_date, "))
  }

  @Test func manyCategoriesFoldIntoOther() throws {
    var csv = "id,city\n"
    for i in 0..<600 { csv += "\(i),city\(i % 60)\n" }
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("report-cities-\(getpid()).csv").path
    try csv.write(toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let html = page(session("load \"\(path)\" as t\ncount by city"))
    #expect(XMLCheck.parse(html) != nil)
    #expect(html.contains(">other (11)</text>"), "sixty cities draw 49 bars and one for the other 11")
    // The table still lists all sixty, folded away under the chart.
    #expect(html.contains("<summary>the table: 60 rows</summary>"))
  }

  @Test func emptyAndOneRowResults() throws {
    let s = session(
      """
      load sample customers rows 200 seed 1
      segment nobody = age > 500
      count nobody by city
      trend nobody by month of signup_date
      segment one = customer_id = 7
      trend one by month of signup_date
      count one by city
      """)
    let html = page(s)
    let xml = try #require(XMLCheck.parse(html))
    // No rows: no chart, but the table and its footer are there.
    #expect(html.contains("no dated rows in segment nobody"))
    // One row: one bar and a one-point line, both drawn.
    #expect(xml.elements.filter { $0 == "svg" }.count == 2)
    #expect(xml.elements.contains("circle"))
  }

  @Test func hostileTextIsEscaped() throws {
    let csv = "id,name\n1,\"<script>alert('x')</script> & \u{1B}]0;title\u{07}\"\n2,plain\n"
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("report-hostile-\(getpid()).csv").path
    try csv.write(toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let html = page(session("load \"\(path)\" as t\ncount by name\nshow"))
    #expect(XMLCheck.parse(html) != nil)
    #expect(!html.contains("<script>"))
    #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp;"))
    #expect(!html.contains("\u{1B}") && !html.contains("\u{07}"))
  }

  @Test func personaCardShowsWrittenWeakAndMissingFields() throws {
    let s = session(
      """
      load sample customers rows 2000 seed 42
      segment big = total_spend > 1000
      persona "Maya Lopez" for big
        age 38
        quote "I buy once and buy well"
        goals save time, quality
        tech 4
      end
      show persona "Maya Lopez"
      persona draft for big
      """)
    let html = page(s)
    #expect(XMLCheck.parse(html) != nil)
    #expect(html.contains("<div class=\"avatar\" aria-hidden=\"true\">ML</div>"))
    #expect(html.contains("<blockquote>&quot;I buy once and buy well&quot;</blockquote>"))
    #expect(html.contains("<ul><li>save time</li><li>quality</li></ul>"))
    #expect(html.contains("●●●●○"))
    // The draft's human fields are prompts, never made up.
    #expect(html.contains("class=\"prompt-field\">to write:"), "unwritten fields are shown as prompts")
    #expect(PersonaCardHTML.initials("sarah") == "SA")
    #expect(PersonaCardHTML.initials("—") == "?")
  }

  @Test func clustersArePlottedOnTheColumnsThatSeparateThem() {
    // Two clusters far apart on b, identical on a and c: b must be one of the two axes.
    let fit = KMeansFit(
      labels: [], centres: [0, -2, 0, 0, 2, 0], sizes: [10, 10], seedOrder: [0, 1], inertia: 0, iterations: 1, converged: true)
    let (x, y) = fit.tellingColumns(dimension: 3)
    #expect(x == 1 || y == 1)
  }
}
