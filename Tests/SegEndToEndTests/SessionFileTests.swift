import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// End-to-end tests of sessions as files (DESIGN §7): save, replay, `--check`, notebooks, parameters,
/// and the journal that survives a killed shell.
@Suite("Session files")
struct SessionFileTests {
  @Test func aSessionSavedWithOutputPassesItsOwnCheck() throws {
    let dir = try SegBinary.temporaryDirectory()
    let save = try SegBinary.run(
      [
        "-c",
        "load sample rows 300 seed 5; segment young = age < 30; count young by gender; "
          + "save \"s.seg\" with output; save notebook \"s.md\"",
      ], directory: dir)
    #expect(save.status == 0, "\(save.stderr)")
    for file in ["s.seg", "s.md"] {
      let check = try SegBinary.run(["run", "--check", file], directory: dir)
      #expect(check.status == 0, "\(check.stderr)")
      #expect(check.stdout == "checked 3 cells in \(file): all match\n")
      #expect(check.stderr.isEmpty)
    }
    let replay = try SegBinary.run(["run", "s.md"], directory: dir)
    #expect(
      replay.stdout.hasPrefix("loaded customers: 300 rows, 24 columns (sample, seed 5)\nsegment young:"))
  }

  @Test func aChangedDataFileFailsTheCheckWithADiffAndAWarning() throws {
    let dir = try SegBinary.temporaryDirectory()
    let csv = dir.appendingPathComponent("people.csv")
    try "id,city,spend\n1,Perth,120\n2,Leeds,80\n3,Perth,300\n".write(
      to: csv, atomically: true, encoding: .utf8)
    let save = try SegBinary.run(
      ["-c", "load \"people.csv\"; segment big = spend > 100; count by city; save \"p.seg\" with output"],
      directory: dir)
    #expect(save.status == 0, "\(save.stderr)")
    try "id,city,spend\n1,Perth,120\n2,Leeds,180\n3,Perth,300\n".write(
      to: csv, atomically: true, encoding: .utf8)
    let check = try SegBinary.run(["run", "--check", "p.seg"], directory: dir)
    #expect(check.status == 1)
    #expect(check.stdout.isEmpty)
    let lines = check.stderr.split(separator: "\n").map(String.init)
    #expect(
      lines[0].hasPrefix("warning: people.csv has changed since the script was saved (then 49 bytes, sha256 ")
    )
    #expect(
      Array(lines[1...]) == [
        "--- recorded p.seg:8",
        "+++ replayed p.seg:8",
        "@@ -1 +1 @@ segment big = spend > 100",
        "-segment big: 2 rows (66.7% of people)",
        "+segment big: 3 rows (100.0% of people)",
        "checked 3 cells in p.seg: 1 differs",
      ])
  }

  @Test func parametersFillTheScriptAndAnUnsetOneIsAnError() throws {
    let dir = try SegBinary.temporaryDirectory()
    try "id,age\n1,20\n2,50\n".write(
      to: dir.appendingPathComponent("a.csv"), atomically: true, encoding: .utf8)
    try "load \"${file}\" as people\nset today ${today:-2026-11-01}\n"
      .write(to: dir.appendingPathComponent("r.seg"), atomically: true, encoding: .utf8)
    let run = try SegBinary.run(
      ["run", "r.seg", "--set", "file=a.csv", "--set", "today=2026-01-01"], directory: dir)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout == "loaded people: 2 rows, 2 columns from a.csv\ntoday is 2026-01-01\n")
    let unset = try SegBinary.run(["run", "r.seg"], directory: dir)
    #expect(unset.status == 1)
    #expect(
      unset.stderr == """
        error: r.seg:1 uses ${file} but no value was given for it
          pass --set file=VALUE to 'seg run', or write ${file:-DEFAULT} in the script

        """)
    let bad = try SegBinary.run(["run", "r.seg", "--set", "file"], directory: dir)
    #expect(bad.status == 2)
  }

  @Test func aKilledShellsSegmentsComeBackWithRestore() throws {
    let home = try SegBinary.temporaryDirectory()
    let environment = ["HOME": home.path, "XDG_STATE_HOME": home.path + "/state", "NO_COLOR": "1"]
    let process = Process()
    process.executableURL = SegBinary.url
    process.arguments = ["--no-init"]
    var env = ProcessInfo.processInfo.environment
    for (k, v) in environment { env[k] = v }
    process.environment = env
    let input = Pipe()
    process.standardInput = input
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    let commands = [
      "load sample rows 500 seed 9", "segment young = age < 30", "segment rich = income > 80000",
      "segment young_rich = young and rich", "segment bad = agee > 1",
    ]
    input.fileHandleForWriting.write(Data((commands.joined(separator: "\n") + "\n").utf8))
    // Wait until the shell has journaled every good command, then kill it with no chance to clean up.
    let journal = home.path + "/state/seg/journal/journal-\(process.processIdentifier).seg"
    var journaled = ""
    for _ in 0..<200 where !journaled.contains("young_rich") {
      usleep(50_000)
      journaled = (try? String(contentsOfFile: journal, encoding: .utf8)) ?? ""
    }
    #expect(journaled.contains("segment young_rich = young and rich"))
    #expect(!journaled.contains("agee"))
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    #expect(process.terminationReason == .uncaughtSignal)

    let next = try SegBinary.run(["--no-init"], input: "restore\nsegments\n", environment: environment)
    #expect(next.status == 0, "\(next.stderr)")
    #expect(next.stderr == "an unsaved session exists (4 cells): type 'restore' to bring it back\n")
    #expect(next.stdout.hasPrefix("restored 4 cells: 1 table, 3 segments\n"))
    for name in ["young", "rich", "young_rich"] { #expect(next.stdout.contains("│ \(name) ")) }
    // The restored session ended cleanly from a pipe, so nothing is left to restore.
    let after = try SegBinary.run(["--no-init"], input: "restore\n", environment: environment)
    #expect(after.stderr.contains("there is no unsaved session to restore"))
  }

  @Test func everySessionInTheRepositoryPassesItsCheck() throws {
    let sessions = SegBinary.repositoryRoot.appendingPathComponent("Sessions")
    let names = try FileManager.default.contentsOfDirectory(atPath: sessions.path)
      .filter { $0.hasSuffix(".seg") || $0.hasSuffix(".md") }.sorted()
    #expect(!names.isEmpty)
    for name in names {
      // Sessions on PostgreSQL and Spark reconnect to the servers the test run started (Scripts/test).
      let postgres = PostgresServer.url.map { ["--set", "pg_url=\($0)"] } ?? []
      let spark = SparkServer.url.map { ["--set", "spark_url=\($0)"] } ?? []
      if name == "postgres.seg" && postgres.isEmpty && !PostgresServer.isCI { continue }
      if name == "spark.seg" && spark.isEmpty && !PostgresServer.isCI { continue }
      let check = try SegBinary.run(
        ["run", "--check", "Sessions/" + name] + postgres + spark, directory: SegBinary.repositoryRoot)
      #expect(check.status == 0, "\(name): \(check.stderr)")
      #expect(check.stdout.hasSuffix(": all match\n"), "\(name)")
    }
  }

  /// Issue 20 item 5: a check writes the session's files again, so it passes the second time too; and
  /// --keep-going goes on past a failed cell.
  @Test func aCheckThatExportsFilesCanBeRunAgainAndKeepsGoing() throws {
    let dir = try SegBinary.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let make = try SegBinary.run(
      [
        "-c",
        "load sample customers rows 40 seed 2; segment young = age < 30; export young to \"young.csv\"; "
          + "persona draft for young; export personas to \"p.md\"; save \"s.seg\" with output",
      ], directory: dir)
    #expect(make.status == 0, "\(make.stderr)")
    for run in 1...2 {
      let check = try SegBinary.run(["run", "--check", "s.seg"], directory: dir)
      #expect(check.status == 0, "run \(run): \(check.stderr)")
      #expect(check.stdout == "checked 5 cells in s.seg: all match\n", "run \(run)")
    }
    // Cells are paragraphs: the failing one is line 3, the one after it line 5.
    try "load sample customers rows 40 seed 2\n\ncount by nosuch\n\ncount\n#> nothing like this\n".write(
      to: dir.appendingPathComponent("bad.seg"), atomically: true, encoding: .utf8)
    let stops = try SegBinary.run(["run", "--check", "bad.seg"], directory: dir)
    #expect(stops.status == 1)
    #expect(!stops.stderr.contains("+++ replayed bad.seg:5"))
    let goes = try SegBinary.run(["run", "--check", "--keep-going", "bad.seg"], directory: dir)
    #expect(goes.status == 1)
    #expect(goes.stderr.contains("bad.seg:3: error:"))
    #expect(goes.stderr.contains("+++ replayed bad.seg:5"), "the cell after the failure is still checked")
  }
}
