import Foundation
import Testing

@testable import SegmentShell

@Suite("History")
struct HistoryTests {
  @Test(
    "the history file follows XDG_STATE_HOME, then HOME",
    arguments: [
      (["XDG_STATE_HOME": "/s", "HOME": "/h"], "/s/seg/history"),
      (["XDG_STATE_HOME": "/s/", "HOME": "/h"], "/s/seg/history"),
      (["HOME": "/h"], "/h/.local/state/seg/history"),
      (["XDG_STATE_HOME": "relative", "HOME": "/h"], "/h/.local/state/seg/history"),
      (["XDG_STATE_HOME": "", "HOME": "/h"], "/h/.local/state/seg/history"),
    ])
  func location(environment: [String: String], expected: String) {
    #expect(HistoryLocation.path(environment: environment) == expected)
  }

  @Test("no usable directory gives no history file")
  func noLocation() {
    #expect(HistoryLocation.path(environment: [:]) == nil)
    #expect(HistoryLocation.path(environment: ["HOME": "relative"]) == nil)
    #expect(Shell.defaultHistoryPath(environment: [:]) == nil)
  }

  @Test("the default path's directory is created")
  func createsDirectory() throws {
    let root = try TemporaryDirectory()
    let path = Shell.defaultHistoryPath(environment: ["XDG_STATE_HOME": root.path + "/a/b"])
    #expect(path == root.path + "/a/b/seg/history")
    var isDirectory: ObjCBool = false
    #expect(FileManager.default.fileExists(atPath: root.path + "/a/b/seg", isDirectory: &isDirectory))
    #expect(isDirectory.boolValue)
  }

  @Test("entries persist across runs, skipping consecutive duplicates and trailing spaces")
  func persists() throws {
    let root = try TemporaryDirectory()
    let path = root.path + "/history"
    do {
      let history = try #require(LineHistory(path: path))
      history.add("load sample")
      history.add("load sample ")
      history.add("help \\\nload")
      history.add("segment café = city = \"Zürich\"")
      history.add("load sample")
    }
    let reloaded = try #require(LineHistory(path: path))
    #expect(
      reloaded.entries == [
        "load sample", "help \\\nload", "segment café = city = \"Zürich\"", "load sample",
      ])
    // The temporary file used for the atomic save is gone.
    #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["history"])
  }

  @Test("a missing history file starts an empty list, and no path keeps history in memory")
  func missingFile() throws {
    let root = try TemporaryDirectory()
    let history = try #require(LineHistory(path: root.path + "/none"))
    #expect(history.count == 0)
    let memory = try #require(LineHistory(path: nil))
    memory.add("tables")
    #expect(memory.entries == ["tables"])
  }
}

/// A directory removed when the test ends.
final class TemporaryDirectory {
  let path: String

  init() throws {
    let base = FileManager.default.temporaryDirectory.appendingPathComponent("seg-shell-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
    path = base.path
  }

  deinit {
    try? FileManager.default.removeItem(atPath: path)
  }
}
