import Columnar
import Foundation
import Testing

@testable import SegmentCore

@Suite("Session")
struct SessionTests {
  func out(_ p: Performance) -> String { p.emissions.filter { $0.stream == .out }.map(\.text).joined() }
  func err(_ p: Performance) -> String { p.emissions.filter { $0.stream == .err }.map(\.text).joined() }

  @Test func commandsRunInOrderAndAreJournaled() {
    let session = Session()
    let p = session.perform("load sample rows 50 seed 1; tables; help")
    #expect(!p.failed)
    #expect(out(p).hasPrefix("loaded customers: 50 rows"))
    #expect(out(p).contains("customers *"))
    #expect(session.cells == ["load sample rows 50 seed 1", "tables"])
    #expect(session.nextCellNumber == 3)
  }

  @Test func aFailedCommandChangesNothingAndStopsTheRest() {
    let session = Session()
    _ = session.perform("load sample rows 20")
    let p = session.perform("set format json; show columns agee; set format csv", origin: "t.seg")
    #expect(p.failed)
    #expect(err(p).hasPrefix("t.seg:1: error: no column 'agee' in table customers\n"))
    #expect(err(p).contains("did you mean 'age'?"))
    #expect(session.workspace.settings.format == .json)
    #expect(session.cells.count == 2)
  }

  @Test func keepGoingRunsTheRest() {
    let session = Session()
    let p = session.perform("bogus\ntables", keepGoing: true)
    #expect(p.failed)
    #expect(out(p).contains("no tables yet"))
  }

  @Test func unknownTableSuggestsLoadedOnes() {
    let session = Session()
    _ = session.perform("load sample rows 5 as customers")
    let p = session.perform("use customer")
    #expect(err(p).contains("no table named 'customer'"))
    #expect(err(p).contains("did you mean 'customers'?"))
  }

  @Test func noTableSaysHowToStart() {
    let p = Session().perform("show")
    #expect(
      err(p)
        == "error: no table is loaded\n  load a file with 'load \"customers.csv\"', or try 'load sample'\n")
  }

  @Test func quitStopsAndIsNotJournaled() {
    let session = Session()
    let p = session.perform("tables; quit; tables")
    #expect(p.exitRequested)
    #expect(session.cells == ["tables"])
  }

  @Test func showHonoursColumnsSortAndLimit() {
    let session = Session()
    _ = session.perform("load sample rows 200 seed 3")
    let p = session.perform(
      "set format csv; show columns customer_id, age sort by age desc, customer_id limit 3")
    let lines = out(p).split(separator: "\n")
    #expect(err(p) == "format is csv\n", "in CSV the sentences go to stderr")
    #expect(lines[0] == "customer_id,age")
    let ages = lines[1...].map { Int($0.split(separator: ",")[1])! }
    #expect(ages == ages.sorted(by: >))
    #expect(lines.count == 4)
  }

  @Test func completionOffersCommandsTablesAndColumns() {
    let session = Session()
    _ = session.perform("load sample rows 5")
    #expect(
      session.completions(line: "desc", cursor: 4) == CompletionSet(wordStart: 0, candidates: ["describe"]))
    #expect(session.completions(line: "use cu", cursor: 6).candidates == ["customers"])
    #expect(session.completions(line: "show columns first", cursor: 18).candidates == ["first_name"])
    #expect(session.completions(line: "tables; he", cursor: 10).candidates == ["help"])
    #expect(session.completions(line: "connect \"postgresql://", cursor: 22).candidates.isEmpty)
  }

  @Test func completionOffersFileNamesInsideQuotes() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("seg-complete-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: dir.appendingPathComponent("customers_old"), withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    for name in ["customers.csv", "customers.xlsx", "customers.txt.bak", "Customers.TSV", ".hidden.csv", "run.seg"] {
      FileManager.default.createFile(atPath: dir.appendingPathComponent(name).path, contents: Data())
    }
    let session = Session()
    func complete(_ line: String) -> CompletionSet { session.completions(line: line, cursor: line.count) }
    let base = dir.path + "/"
    // Data files first, then folders, then the rest; case matters; hidden files stay hidden.
    let load = complete("load \"\(base)cus")
    #expect(load.wordStart == 6)
    #expect(
      load.candidates == [
        base + "customers.csv\"", base + "customers.xlsx\"", base + "customers_old/", base + "customers.txt.bak\"",
      ])
    #expect(complete("load \"\(base)C").candidates == [base + "Customers.TSV\""])
    #expect(complete("load \"\(base).h").candidates == [base + ".hidden.csv\""])
    // Each command prefers its own files; a word that names no file gets none.
    #expect(complete("run \"\(base)").candidates.first == base + "run.seg\"")
    #expect(complete("export customers to \"\(base)customers.x").candidates == [base + "customers.xlsx\""])
    #expect(complete("persona \"\(base)").candidates.isEmpty)
    #expect(complete("load \"\(base)nothing/here").candidates.isEmpty)
  }

  @Test func completionOffersPersonasAndTheirFields() {
    let session = Session()
    _ = session.perform("load sample rows 50; segment young = age < 30; persona draft for young as Zoe")
    func complete(_ line: String) -> [String] {
      session.completions(line: line, cursor: line.count).candidates
    }
    #expect(complete("show persona Z") == ["Zoe"])
    #expect(complete("drop persona ") == ["Zoe"])
    #expect(complete("persona Zoe set ag") == ["age"])
    #expect(complete("persona Zoe set seg") == ["segment"])
    #expect(complete("persona Zoe set segment yo") == ["young"])
    #expect(complete("persona Zoe add seg").isEmpty)
    #expect(complete("persona draft for yo") == ["young"])
    #expect(complete("persona Zoe ") == ["add", "for", "set"])
    #expect(complete("persona Zoe set tra") == ["traits"])
  }

  @Test func completionOfProfileOffersSegmentsThenItsClauses() {
    let session = Session()
    _ = session.perform("load sample rows 50; segment young = age < 30; segment old = age > 60")
    func complete(_ line: String) -> [String] {
      session.completions(line: line, cursor: line.count).candidates
    }
    #expect(complete("profile ") == ["old", "young"])
    #expect(complete("profile young ") == ["all", "columns", "vs"])
    #expect(complete("profile young a") == ["all"])
    #expect(complete("profile young vs o") == ["old"])
    #expect(complete("profile young columns ag") == ["age"])
    #expect(complete("profile young columns age, inc") == ["income"])
  }
}
