import Columnar

#if canImport(Glibc)
  import Glibc
#endif

extension AtomicFile {
  /// Writes `text` to `path` atomically (see `AtomicFile.write(_:to:permissions:)`), readable as the
  /// umask allows; a failure leaves no partial file behind.
  /// - Parameter replace: allow overwriting an existing file.
  /// - Throws: `SessionError.fileExists` when `path` exists and `replace` is false, else `.cannotWrite`.
  static func write(_ text: String, to path: String, replace: Bool) throws(SessionError) {
    if !replace, access(path, F_OK) == 0 { throw SessionError(.fileExists(path)) }
    var info = stat()
    if stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
      throw SessionError(.cannotWrite(path: path, reason: "it is a directory"))
    }
    do {
      try AtomicFile.write(Array(text.utf8), to: path)
    } catch {
      throw SessionError(.cannotWrite(path: path, reason: error.reason(writing: path)))
    }
  }
}
