import Columnar

#if canImport(Glibc)
  import Glibc
#endif

/// Reading script files as text.
public enum ScriptFile {
  /// The whole file as UTF-8 text (invalid bytes become U+FFFD).
  /// - Throws: `SessionError` when the file is missing, a directory or unreadable.
  public static func read(_ path: String) throws(SessionError) -> String {
    String(decoding: try bytes(path), as: UTF8.self)
  }

  /// Replaces a script's text atomically (temporary file, then rename).
  /// - Throws: `SessionError.cannotWrite`.
  public static func write(_ text: String, to path: String) throws(SessionError) {
    try AtomicFile.write(text, to: path, replace: true)
  }

  /// The whole file's bytes.
  /// - Throws: `SessionError` when the file is missing, a directory or unreadable.
  static func bytes(_ path: String) throws(SessionError) -> [UInt8] {
    var bytes: [UInt8] = []
    try forEachChunk(of: path) { bytes.append(contentsOf: $0) }
    return bytes
  }

  /// Calls `body` with the file's bytes in chunks of up to 1 MiB, so large files need little memory.
  /// - Throws: `SessionError` when the file is missing, a directory or unreadable.
  static func forEachChunk(
    of path: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void
  ) throws(SessionError) {
    var info = stat()
    guard stat(path, &info) == 0 else { throw failure(path, errno) }
    if (info.st_mode & S_IFMT) == S_IFDIR {
      throw SessionError(.cannotRead(path: path, reason: "it is a directory"))
    }
    guard let file = fopen(path, "rb") else { throw failure(path, errno) }
    defer { fclose(file) }
    var buffer = [UInt8](repeating: 0, count: 1 << 20)
    while true {
      let n = fread(&buffer, 1, buffer.count, file)
      if n > 0 { buffer.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[0..<n])) } }
      if n < buffer.count {
        if ferror(file) != 0 { throw failure(path, errno) }
        break
      }
    }
  }

  static func failure(_ path: String, _ code: Int32) -> SessionError {
    SessionError(.cannotRead(path: path, reason: reason(code)))
  }

  static func reason(_ code: Int32) -> String {
    switch code {
    case ENOENT: return "no such file"
    case EACCES: return "permission denied"
    case EISDIR: return "it is a directory"
    case ENOSPC: return "no space left on the device"
    default: return String(cString: strerror(code)).lowercased()
    }
  }
}
