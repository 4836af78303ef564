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
}
