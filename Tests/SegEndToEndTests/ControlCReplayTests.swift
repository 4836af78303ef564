import Foundation
import Testing

/// Ctrl-C while `seg run` or `seg -c` replays commands stops the running command as the shell does:
/// it says so with the script's line, the commands after it do not run (even with `--keep-going`),
/// the report still gets the cells that ran, and the exit code is 1.
@Suite("Ctrl-C during seg run and seg -c")
struct ControlCReplayTests {
  /// Starts seg with `arguments` in `directory`, sends SIGINT once the file `ready` exists there (the
  /// replay prints only at its end, so a file the script exports shows how far it got), and waits.
  func interrupt(_ arguments: [String], once ready: String, in directory: URL) throws -> SegBinary.Result {
    let out = directory.appendingPathComponent("stdout")
    let err = directory.appendingPathComponent("stderr")
    FileManager.default.createFile(atPath: out.path, contents: nil)
    FileManager.default.createFile(atPath: err.path, contents: nil)
    let process = Process()
    process.executableURL = SegBinary.url
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(["NO_COLOR": "1"]) { $1 }
    process.currentDirectoryURL = directory
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = try FileHandle(forWritingTo: out)
    process.standardError = try FileHandle(forWritingTo: err)
    try process.run()
    let deadline = Date().addingTimeInterval(120)
    let marker = directory.appendingPathComponent(ready).path
    while Date() < deadline, process.isRunning, !FileManager.default.fileExists(atPath: marker) {
      Thread.sleep(forTimeInterval: 0.05)
    }
    // The long command is under way once the export before it is written.
    Thread.sleep(forTimeInterval: 0.5)
    #expect(process.isRunning, "seg ended before it could be interrupted")
    kill(process.processIdentifier, SIGINT)
    let stop = Date().addingTimeInterval(60)
    while Date() < stop, process.isRunning { Thread.sleep(forTimeInterval: 0.05) }
    if process.isRunning {
      process.terminate()
      Issue.record("seg did not stop within 60 s of Ctrl-C")
    }
    process.waitUntilExit()
    return SegBinary.Result(
      status: process.terminationStatus,
      stdout: String(decoding: try Data(contentsOf: out), as: UTF8.self),
      stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self))
  }

  /// A clustering long enough to be stopped in the middle on any machine: 19 fits of 300,000 rows.
  static let longCommand = "cluster k=2..20 on age, income, total_spend, orders"

  @Test func ctrlCStopsAReplayedScriptAndItsReportKeepsTheCellsThatRan() throws {
    let dir = try SegBinary.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let script = dir.appendingPathComponent("long.seg")
    try """
    load sample customers rows 300000 seed 1
    segment first_ten = customer_id <= 10
    export first_ten to "ready.csv"
    \(Self.longCommand)
    count by loyalty_tier
    """.write(to: script, atomically: true, encoding: .utf8)
    let report = dir.appendingPathComponent("long.html")
    let result = try interrupt(
      ["--no-init", "run", script.path, "--keep-going", "--report", report.path], once: "ready.csv", in: dir)
    #expect(result.status == 1)
    #expect(result.stderr.contains("long.seg:4: error: interrupted; nothing was changed"), "\(result.stderr)")
    #expect(result.stderr.contains("wrote a report of 3 cells to"), "\(result.stderr)")
    #expect(!result.stdout.contains("loyalty_tier"), "the command after the interrupted one ran")
    #expect(FileManager.default.fileExists(atPath: report.path))
  }

  @Test func ctrlCStopsCommandsGivenWithC() throws {
    let dir = try SegBinary.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let commands =
      "load sample customers rows 300000 seed 1; segment first_ten = customer_id <= 10; "
      + "export first_ten to \"ready.csv\"; \(Self.longCommand); count by device"
    let result = try interrupt(["--no-init", "-c", commands], once: "ready.csv", in: dir)
    #expect(result.status == 1)
    #expect(result.stderr.contains("error: interrupted; nothing was changed"), "\(result.stderr)")
    #expect(!result.stdout.contains("device"), "the command after the interrupted one ran")
  }
}
