import Foundation
import Testing

@testable import SegmentCore

@Suite("Session files: save, history, run, check, journal")
struct SessionFilesTests {
  let directory: String

  init() throws {
    directory = NSTemporaryDirectory() + "seg-session-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
  }

  func out(_ p: Performance) -> String { p.emissions.filter { $0.stream == .out }.map(\.text).joined() }
  func err(_ p: Performance) -> String { p.emissions.filter { $0.stream == .err }.map(\.text).joined() }
  func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

  @Test func saveWritesAHeaderAndCellsAndNeedsReplaceToOverwrite() throws {
    let csv = directory + "/c.csv"
    try "id,age\n1,20\n2,40\n".write(toFile: csv, atomically: true, encoding: .utf8)
    let session = Session()
    let path = directory + "/s.seg"
    let p = session.perform(
      "load \"\(csv)\"; set today 2026-11-01; segment young = age < 30; save \"\(path)\"")
    #expect(!p.failed, "\(err(p))")
    #expect(out(p).hasSuffix("saved 3 cells to \(path)\n"))
    let lines = try read(path).split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines[0].hasPrefix("# seg \(segVersion) session, saved "))
    #expect(
      lines[1] == "# file: \(csv) (17 bytes, sha256 \(SHA256.hex(of: Array("id,age\n1,20\n2,40\n".utf8))))")
    #expect(lines[2] == "# today: 2026-11-01")
    #expect(
      Array(lines[3...]) == [
        "", "load \"\(csv)\"", "", "set today 2026-11-01", "", "segment young = age < 30", "",
      ])
    #expect(!session.hasUnsavedCells)

    let again = session.perform("save \"\(path)\"")
    #expect(again.failed)
    #expect(err(again) == "error: \(path) already exists\n  add 'replace' at the end to overwrite it\n")
    #expect(!session.perform("save \"\(path)\" with output replace").failed)
    #expect(try read(path).contains("#> segment young: 1 row"))
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory).filter {
      $0.contains(".tmp-")
    }
    #expect(leftovers.isEmpty)
  }

  @Test func savingIntoAMissingDirectoryFailsAndWritesNothing() {
    let session = Session()
    _ = session.perform("load sample rows 10")
    let p = session.perform("save \"\(directory)/no/such/dir/x.seg\"")
    #expect(p.failed)
    #expect(err(p).contains("cannot write \(directory)/no/such/dir/x.seg: there is no folder '\(directory)/no/such/dir'"))
  }

  @Test func historyNumbersCellsAndKeepsFailures() {
    let session = Session()
    _ = session.perform(
      "load sample rows 50 seed 1\nsegment old = age > 60\nsegment bad = agee > 1", keepGoing: true)
    _ = session.perform("segments; help")
    let all = out(session.perform("set format csv; history"))
    #expect(
      all == """
        cell,command
        1,load sample rows 50 seed 1
        2,segment old = age > 60
        failed,segment bad = agee > 1
        3,segments
        4,set format csv

        """)
    #expect(
      out(session.perform("history 2-3"))
        == "cell,command\n2,segment old = age > 60\nfailed,segment bad = agee > 1\n3,segments\n")
    #expect(out(session.perform("history grep SEGMENT old")) == "cell,command\n2,segment old = age > 60\n")
    #expect(session.perform("history 5-2").failed)
  }

  @Test func savedWithOutputChecksCleanAndADifferenceIsADiff() throws {
    let session = Session()
    let path = directory + "/s.seg"
    _ = session.perform("load sample rows 200 seed 7; segment young = age < 30; count by gender")
    _ = session.perform("save \"\(path)\" with output")
    let text = try read(path)
    let clean = Session().check(text, origin: "s.seg")
    #expect(clean.passed)
    #expect(clean.summary == "checked 3 cells in s.seg: all match")

    let changed = text.replacingOccurrences(of: "age < 30", with: "age < 31")
    let report = Session().check(changed, origin: "s.seg")
    #expect(!report.passed)
    #expect(report.summary == "checked 3 cells in s.seg: 1 differs")
    let diff = report.emissions.map(\.text).joined()
    #expect(diff.hasPrefix("--- recorded s.seg:"))
    #expect(diff.contains("+++ replayed s.seg:"))
    #expect(diff.contains("@@ -1 +1 @@ segment young = age < 31\n-segment young:"))
  }

  @Test func aFailingCellStopsTheCheckWithItsLine() {
    let report = Session().check("load sample rows 5\n#> x\n\nshow columns nope\n", origin: "t.seg")
    #expect(report.failed)
    #expect(report.emissions.map(\.text).joined().contains("t.seg:4: error: no column 'nope'"))
    #expect(report.summary == "checked 1 cell in t.seg: stopped at an error")
  }

  @Test func runInsideTheSessionMakesTheScriptsCommandsCells() throws {
    let script = directory + "/inner.seg"
    try "load sample rows 20 seed 2\nsegment a = age < 40\n".write(
      toFile: script, atomically: true, encoding: .utf8)
    let session = Session()
    let p = session.perform("run \"\(script)\"; segments")
    #expect(!p.failed, "\(err(p))")
    #expect(session.cells == ["load sample rows 20 seed 2", "segment a = age < 40", "segments"])
    try "run \"\(script)\"\n".write(toFile: directory + "/self.seg", atomically: true, encoding: .utf8)
    try "run \"\(directory)/self.seg\"\n".write(
      toFile: directory + "/self.seg", atomically: true, encoding: .utf8)
    #expect(err(session.perform("run \"\(directory)/self.seg\"")).contains("nested more than 16 deep"))
  }

  @Test func aReplayedScriptWarnsWhenAFileChanged() throws {
    let csv = directory + "/c.csv"
    try "id,age\n1,20\n".write(toFile: csv, atomically: true, encoding: .utf8)
    let file = try FileFingerprint(file: csv)
    try "id,age\n1,21\n".write(toFile: csv, atomically: true, encoding: .utf8)
    let script = "# \(file.headerText)\nload \"${file}\"\n"
    let p = Session().runScript(script, origin: "x.seg", parameters: ["file": csv])
    #expect(!p.failed)
    #expect(err(p).contains("warning: \(csv) has changed since the script was saved"))
    let unset = Session().runScript(script, origin: "x.seg")
    #expect(unset.failed)
    #expect(err(unset).hasPrefix("error: x.seg:2 uses ${file} but no value was given for it\n"))
  }

  @Test func aJournalLeftBehindIsRestored() throws {
    let journals = directory + "/journal"
    // A journal from a process that no longer exists, as a killed shell leaves it.
    try FileManager.default.createDirectory(atPath: journals, withIntermediateDirectories: true)
    try "# seg journal\nload sample rows 30 seed 3\nsegment a = age < 40\nsegment b = age >= 40\n"
      .write(toFile: journals + "/journal-999999999.seg", atomically: true, encoding: .utf8)
    let session = Session()
    let unsaved = try #require(try session.startJournal(in: journals))
    #expect(unsaved.cellCount == 3)
    #expect(
      Session.notice(for: unsaved) == "an unsaved session exists (3 cells): type 'restore' to bring it back")
    let p = session.perform("restore")
    #expect(out(p) == "restored 3 cells: 1 table, 2 segments\n")
    #expect(session.workspace.segments.map(\.name) == ["a", "b"])
    #expect(!FileManager.default.fileExists(atPath: journals + "/journal-999999999.seg"))
    #expect(session.perform("restore").failed)
    let mine = journals + "/journal-\(getpid()).seg"
    #expect(
      try read(mine).hasSuffix("load sample rows 30 seed 3\nsegment a = age < 40\nsegment b = age >= 40\n"))
    session.endJournal(keepUnsaved: true)
    #expect(FileManager.default.fileExists(atPath: mine))
    try? FileManager.default.removeItem(atPath: mine)
  }

  @Test func aTornLastCellIsNotReplayed() throws {
    let journals = directory + "/journal"
    try FileManager.default.createDirectory(atPath: journals, withIntermediateDirectories: true)
    // The disk filled up in the middle of the last cell: `age >= 4` would replay as a different segment.
    try "# seg journal\nload sample rows 30 seed 3\nsegment a = age < 40\nsegment b = age >= 4"
      .write(toFile: journals + "/journal-999999998.seg", atomically: true, encoding: .utf8)
    let session = Session()
    let unsaved = try #require(try session.startJournal(in: journals))
    #expect(unsaved.cellCount == 2)
    let p = session.perform("restore")
    #expect(out(p) == "restored 2 cells: 1 table, 1 segment\n")
    #expect(
      err(p)
        == "warning: the journal's last cell was cut short when it was written (\"segment b = age >= 4\") "
        + "and was not replayed; type it again if it is needed\n")
    #expect(session.workspace.segments.map(\.name) == ["a"])
    session.endJournal(keepUnsaved: false)
  }

  @Test func aJournalThatCannotBeWrittenIsReportedOnceAndKeepsWholeCells() throws {
    let journals = directory + "/journal"
    let session = Session()
    try session.startJournal(in: journals)
    let mine = journals + "/journal-\(getpid()).seg"
    #expect(!session.perform("load sample rows 10 seed 1").failed)
    // The disk fills up: the journal's descriptor now writes to /dev/full, which is always full.
    let names = try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")
    let fd = try #require(
      names.compactMap(Int32.init).first {
        (try? FileManager.default.destinationOfSymbolicLink(
          atPath: "/proc/self/fd/\($0)")) == mine
      })
    let full = open("/dev/full", O_WRONLY)
    #expect(dup2(full, fd) == fd)
    close(full)
    let p = session.perform("segment a = age < 40")
    #expect(!p.failed)
    #expect(
      err(p)
        == "warning: cannot write \(mine): no space left on the device; a crash would lose this cell and the "
        + "next ones until the journal can be written again: free some space, or save the session\n")
    let q = session.perform("segment b = age >= 40")
    #expect(!q.failed)
    #expect(err(q).isEmpty)
    #expect(try read(mine).hasSuffix("load sample rows 10 seed 1\n"))
    session.endJournal(keepUnsaved: false)
  }
}
