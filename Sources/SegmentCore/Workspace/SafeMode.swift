#if canImport(Glibc)
  import Glibc
#endif

/// What safe mode refused, for `EvalError` and `SessionError`.
public enum SafeModeRefusal: Sendable, Equatable {
  /// Writing a file outside the current folder.
  case write(path: String, reason: String)
  /// `connect`.
  case connect
  /// `set safe off` once safe mode is on.
  case turnOff

  var message: String {
    switch self {
    case .write(let path, let reason): return "safe mode: \(path) was not written: \(reason)"
    case .connect: return "safe mode: connect is off, so this script cannot reach a database"
    case .turnOff: return "safe mode cannot be turned off once it is on"
    }
  }

  var hint: String? {
    switch self {
    case .write: return "write to a file name in the current folder, such as \"out.csv\""
    case .connect: return "run the script without --safe only if you trust where it came from"
    case .turnOff: return "start seg again without --safe to work without it"
    }
  }
}

/// Safe mode (`seg run --safe`, `set safe on`; DESIGN §10), for scripts from someone else, modelled on
/// DuckDB's `-safe`: files are written only inside the current folder (an absolute path, `..` or a
/// symbolic link that leads out of it is refused), and `connect` is off. Once on, a script cannot turn
/// it off. Reading files stays allowed: a script must still load its data.
enum SafeMode {
  /// Why writing `path` is refused in safe mode; nil when it is inside the current folder.
  ///
  /// The folder a new file would go in, or the file an existing name resolves to (following every
  /// symbolic link), must be the current folder or below it.
  static func check(write path: String, safe: Bool) -> SafeModeRefusal? {
    guard safe, let reason = refusal(toWrite: path) else { return nil }
    return .write(path: path, reason: reason)
  }

  static func refusal(toWrite path: String) -> String? {
    guard let here = resolved(".") else { return "the current folder cannot be resolved" }
    let target: String?
    var info = stat()
    if lstat(path, &info) == 0 {
      // An existing name: where it really leads, so a link planted in the folder cannot point out.
      target = resolved(path)
      if target == nil { return "it is a symbolic link to a file that does not exist" }
    } else {
      let slash = path.lastIndex(of: "/")
      let folder = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
      let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
      guard name != "..", name != "." else { return "it names a folder, not a file" }
      target = resolved(folder).map { $0 == "/" ? "/" + name : $0 + "/" + name }
    }
    guard let target else { return "its folder does not exist" }
    if target.hasPrefix(here == "/" ? "/" : here + "/") { return nil }
    return "it is outside the current folder (\(here))"
  }

  /// The absolute path `path` leads to with every link followed; nil when it does not exist.
  private static func resolved(_ path: String) -> String? {
    guard let real = realpath(path, nil) else { return nil }
    defer { free(real) }
    return String(cString: real)
  }
}
