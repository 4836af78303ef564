import Foundation
import Testing

@testable import Columnar

#if canImport(Glibc)
  import Glibc
#endif

@Suite("Atomic file writes")
struct AtomicFileTests {
  @Test func replacesTheFileAndLeavesNoTemporary() throws {
    let path = "/tmp/seg-atomic-\(getpid()).txt"
    defer { unlink(path) }
    try AtomicFile.write(Array("old".utf8), to: path, permissions: 0o600)
    try AtomicFile.write(Array("new\n".utf8), to: path, permissions: 0o644)
    var info = stat()
    #expect(stat(path, &info) == 0)
    #expect(info.st_size == 4)
    #expect(info.st_mode & 0o777 == 0o644)
  }

  @Test func aMissingDirectoryFailsAtCreate() {
    #expect(throws: AtomicFile.Failure(.create, code: ENOENT)) {
      try AtomicFile.write([1, 2, 3], to: "/nonexistent-dir/x.txt")
    }
  }

  @Test func removesTheTemporariesOfKilledWritesOnly() throws {
    let folder = "/tmp/seg-atomic-leftovers-\(getpid())"
    mkdir(folder, 0o700)
    defer { _ = try? FileManager.default.removeItem(atPath: folder) }
    // A process that has exited: nothing runs under its number (numbers are not reused this soon).
    let exited = Process()
    exited.executableURL = URL(fileURLWithPath: "/bin/true")
    try exited.run()
    exited.waitUntilExit()
    let gone = exited.processIdentifier
    let path = folder + "/s.seg"
    let abandoned = path + ".tmp-\(gone)-a1B2c3"
    let kept = [
      path + ".tmp-1-a1B2c3",  // process 1 always runs: its write may be in progress
      path + ".tmp-\(getpid())-a1B2c3",
      folder + "/t.seg.tmp-\(gone)-a1B2c3",  // another target's
      path + ".tmp-a1B2c3",  // the older name, which cannot be told from a user's file
      path + ".tmp-\(gone)-notes.txt",
    ]
    for file in [abandoned] + kept { #expect(FileManager.default.createFile(atPath: file, contents: Data())) }
    try AtomicFile.write(Array("new".utf8), to: path)
    #expect(!FileManager.default.fileExists(atPath: abandoned))
    for file in kept { #expect(FileManager.default.fileExists(atPath: file), "\(file)") }
    let names = try FileManager.default.contentsOfDirectory(atPath: folder)
    #expect(names.sorted() == (["s.seg"] + kept.map { String($0.dropFirst(folder.count + 1)) }).sorted())
  }
}
