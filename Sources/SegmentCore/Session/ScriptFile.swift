#if canImport(Glibc)
  import Glibc
#endif

/// A failure to read a script.
public struct SessionError: Error, Sendable, Equatable {
  /// The file concerned.
  public var path: String
  /// Why, lowercase, no final period.
  public var reason: String

  /// The one-line description.
  public var message: String { "cannot read \(path): \(reason)" }
}

/// Reading script files as text.
public enum ScriptFile {
  /// The whole file as UTF-8 text (invalid bytes become U+FFFD).
  /// - Throws: `SessionError` when the file is missing, a directory or unreadable.
  public static func read(_ path: String) throws(SessionError) -> String {
    var info = stat()
    guard stat(path, &info) == 0 else { throw SessionError(path: path, reason: reason(errno)) }
    if (info.st_mode & S_IFMT) == S_IFDIR { throw SessionError(path: path, reason: "it is a directory") }
    guard let file = fopen(path, "rb") else { throw SessionError(path: path, reason: reason(errno)) }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65_536)
    while true {
      let n = fread(&buffer, 1, buffer.count, file)
      if n > 0 { bytes.append(contentsOf: buffer[0..<n]) }
      if n < buffer.count {
        if ferror(file) != 0 { throw SessionError(path: path, reason: reason(errno)) }
        break
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  static func reason(_ code: Int32) -> String {
    switch code {
    case ENOENT: return "no such file"
    case EACCES: return "permission denied"
    case EISDIR: return "it is a directory"
    default: return String(cString: strerror(code)).lowercased()
    }
  }
}
