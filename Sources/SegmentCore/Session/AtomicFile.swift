#if canImport(Glibc)
  import Glibc
#endif

/// Writing a whole file so that readers see the old file or the new one, never half of either.
enum AtomicFile {
  /// Writes `text` to `path` through a temporary file in the same directory, flushed and renamed over
  /// `path`; a failure leaves no partial file behind.
  /// - Parameter replace: allow overwriting an existing file.
  /// - Throws: `SessionError.fileExists` when `path` exists and `replace` is false, else `.cannotWrite`.
  static func write(_ text: String, to path: String, replace: Bool) throws(SessionError) {
    if !replace, access(path, F_OK) == 0 { throw SessionError(.fileExists(path)) }
    var info = stat()
    if stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
      throw SessionError(.cannotWrite(path: path, reason: "it is a directory"))
    }
    var template = Array((path + ".tmp-XXXXXX").utf8CString)
    let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard fd >= 0 else { throw SessionError(.cannotWrite(path: path, reason: ScriptFile.reason(errno))) }
    let tmp = String(cString: template.map { UInt8(bitPattern: $0) })
    var failure: Int32 = 0
    let bytes = Array(text.utf8)
    var written = 0
    while written < bytes.count {
      let n = bytes.withUnsafeBufferPointer { Glibc.write(fd, $0.baseAddress! + written, $0.count - written) }
      if n < 0 {
        if errno == EINTR { continue }
        failure = errno
        break
      }
      written += n
    }
    // mkstemp makes the file private; a saved session is a document, readable as the umask allows.
    let mask = umask(0)
    umask(mask)
    fchmod(fd, 0o666 & ~mask)
    if failure == 0, fsync(fd) != 0 { failure = errno }
    if close(fd) != 0, failure == 0 { failure = errno }
    if failure == 0, rename(tmp, path) != 0 { failure = errno }
    if failure != 0 {
      unlink(tmp)
      throw SessionError(.cannotWrite(path: path, reason: ScriptFile.reason(failure)))
    }
  }
}
