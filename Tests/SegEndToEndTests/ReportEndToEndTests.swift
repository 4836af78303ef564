import Foundation
import Testing

/// `save report`, `seg run --report` and `export personas to "p.html"`, run as a user would.
@Suite("HTML reports, end to end")
struct ReportEndToEndTests {
  static let script = """
    load sample customers rows 2000 seed 42
    segment big = total_spend > 1000
    count by loyalty_tier
    profile big
    persona draft for big

    """

  @Test func runWritesAReportOfTheReplayedCells() throws {
    let dir = try SegBinary.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    try Self.script.write(to: dir.appendingPathComponent("big.seg"), atomically: true, encoding: .utf8)
    let run = try SegBinary.run(["run", "big.seg", "--report", "big.html"], directory: dir)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stderr.hasPrefix("wrote a report of 5 cells to big.html ("))
    let html = try String(contentsOf: dir.appendingPathComponent("big.html"), encoding: .utf8)
    #expect(html.contains("<title>big</title>"))
    #expect(html.contains("<span class=\"prompt\">[4]</span> profile big</pre>"))
    #expect(html.contains("<article class=\"persona\">"))
    #expect(html.components(separatedBy: "<svg ").count - 1 == 2, "count by and profile each have a chart")
    // Replaying again gives the same bytes: nothing in the page depends on the clock.
    let again = try SegBinary.run(["run", "big.seg", "--report", "again.html"], directory: dir)
    #expect(again.status == 0)
    #expect(try String(contentsOf: dir.appendingPathComponent("again.html"), encoding: .utf8) == html)
  }

  @Test func aFailedRunStillWritesTheCellsThatRanAndExitsOne() throws {
    let dir = try SegBinary.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    try "load sample customers rows 100\ncount by nosuch\n".write(
      to: dir.appendingPathComponent("bad.seg"), atomically: true, encoding: .utf8)
    let run = try SegBinary.run(["run", "bad.seg", "--report", "bad.html"], directory: dir)
    #expect(run.status == 1)
    #expect(run.stderr.contains("wrote a report of 1 cell to bad.html"))
    #expect(run.stderr.contains("no column named 'nosuch'") || run.stderr.contains("nosuch"))
  }

  @Test func reportAndCheckDoNotGoTogether() throws {
    let run = try SegBinary.run(["run", "--check", "x.seg", "--report", "x.html"])
    #expect(run.status != 0)
    #expect(run.stderr.contains("--report goes without --check"))
  }

  @Test func saveReportInTheShellRefusesToOverwriteAndKeepsTheWorkUnsaved() throws {
    let dir = try SegBinary.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let first = try SegBinary.run(
      ["-c", "load sample customers rows 300; histogram age; save report \"r.html\""], directory: dir)
    #expect(first.status == 0, "\(first.stderr)")
    #expect(first.stdout.contains("saved a report of 2 cells to r.html ("))
    let html = try String(contentsOf: dir.appendingPathComponent("r.html"), encoding: .utf8)
    #expect(html.contains("<title>r</title>") && html.contains("<svg "))
    // A .html path is a report even without the word; an existing file needs 'replace'.
    let second = try SegBinary.run(["-c", "load sample customers rows 300; save \"r.html\""], directory: dir)
    #expect(second.status == 1)
    #expect(second.stderr.contains("r.html"))
    #expect(try String(contentsOf: dir.appendingPathComponent("r.html"), encoding: .utf8) == html)
    let replaced = try SegBinary.run(
      ["-c", "load sample customers rows 300; save \"r.html\" replace"], directory: dir)
    #expect(replaced.status == 0)
    #expect(replaced.stdout.contains("saved a report of 1 cell to r.html"))
  }

  @Test func exportPersonasToHTMLWritesTheCards() throws {
    let dir = try SegBinary.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let run = try SegBinary.run(
      [
        "-c",
        "load sample customers rows 2000 seed 42; segment big = total_spend > 1000; "
          + "segment young = age < 30; persona draft for big; persona draft for young; "
          + "export personas to \"cards.html\"",
      ], directory: dir)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("wrote 2 personas to cards.html (") && run.stdout.contains("bytes, HTML)"))
    let html = try String(contentsOf: dir.appendingPathComponent("cards.html"), encoding: .utf8)
    #expect(html.components(separatedBy: "<article class=\"persona\">").count - 1 == 2)
    #expect(html.contains("<body class=\"cards\">"))
    #expect(!html.contains("class=\"command\""), "a page of cards shows no commands")
  }
}
