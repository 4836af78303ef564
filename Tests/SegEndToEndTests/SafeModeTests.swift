import Foundation
import Testing

/// `seg run --safe` and `set safe on` (issue 14 item 5): a script from someone else writes only inside
/// the current folder, cannot connect, and cannot turn safe mode off.
@Suite("Safe mode, end to end")
struct SafeModeTests {
  /// A folder holding a link out of it, to /tmp, and a dangling link.
  private func folder() throws -> URL {
    let dir = try SegBinary.temporaryDirectory()
    try FileManager.default.createDirectory(at: dir.appendingPathComponent("sub"), withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("out").path, withDestinationPath: "/tmp")
    try FileManager.default.createSymbolicLink(
      atPath: dir.appendingPathComponent("dangling").path, withDestinationPath: "/tmp/seg-safe-\(UUID().uuidString)")
    return dir
  }

  @Test(arguments: [
    ("export customers to \"/tmp/seg-safe-escape.csv\"", "/tmp/seg-safe-escape.csv", "it is outside the current folder"),
    ("export customers to \"../seg-safe-escape.csv\"", "../seg-safe-escape.csv", "it is outside the current folder"),
    ("export customers to \"out/seg-safe-escape.csv\"", "out/seg-safe-escape.csv", "it is outside the current folder"),
    ("export customers to \"dangling\" replace", "dangling", "it is a symbolic link to a file that does not exist"),
    ("save \"../seg-safe-escape.seg\"", "../seg-safe-escape.seg", "it is outside the current folder"),
    ("save report \"out/seg-safe-escape.html\"", "out/seg-safe-escape.html", "it is outside the current folder"),
    ("persona draft for young\nexport personas to \"/tmp/seg-safe-escape.md\"", "/tmp/seg-safe-escape.md", "it is outside"),
  ])
  func writesOutsideTheFolderAreRefused(command: String, path: String, reason: String) throws {
    let dir = try folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let script = "load sample customers rows 200\nsegment young = age < 30\n\(command)\n"
    try script.write(to: dir.appendingPathComponent("s.seg"), atomically: true, encoding: .utf8)
    let run = try SegBinary.run(["run", "--safe", "s.seg"], directory: dir)
    #expect(run.status == 1)
    #expect(run.stderr.contains("error: safe mode: \(path) was not written: \(reason)"), "\(run.stderr)")
    let escaped = dir.appendingPathComponent(path).standardizedFileURL.path
    #expect(!FileManager.default.fileExists(atPath: escaped), "\(escaped) was written")
  }

  @Test func writesInsideTheFolderWork() throws {
    let dir = try folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let run = try SegBinary.run(
      [
        "--safe", "-c",
        "load sample customers rows 50; export customers to \"a.csv\"; export customers to \"sub/b.csv\"; "
          + "save report \"r.html\"",
      ], directory: dir)
    #expect(run.status == 0, "\(run.stderr)")
    for name in ["a.csv", "sub/b.csv", "r.html"] {
      #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent(name).path))
    }
  }

  @Test func connectIsOffAndSafeModeStaysOn() throws {
    let connect = try SegBinary.run(["--safe", "-c", "connect \"postgresql://u@127.0.0.1:1/db\" as pg"])
    #expect(connect.status == 1)
    #expect(connect.stderr.contains("error: safe mode: connect is off"))
    // Turned on inside a script, it cannot be turned off further down.
    let dir = try folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let script = "set safe on\nset safe off\n"
    try script.write(to: dir.appendingPathComponent("s.seg"), atomically: true, encoding: .utf8)
    let run = try SegBinary.run(["run", "--keep-going", "s.seg"], directory: dir)
    #expect(run.status == 1)
    #expect(run.stderr.contains("s.seg:2: error: safe mode cannot be turned off once it is on"))
  }
}
