import Columnar

#if canImport(Glibc)
  import Glibc
#endif

/// A data file as a saved session found it: path, size and SHA-256, so a replay can tell it changed.
public struct FileFingerprint: Sendable, Equatable {
  /// The path as the `load` command wrote it.
  public var path: String
  /// The size in bytes.
  public var size: Int
  /// The SHA-256 digest, 64 lowercase hex digits.
  public var sha256: String

  /// Creates a fingerprint.
  public init(path: String, size: Int, sha256: String) {
    self.path = path
    self.size = size
    self.sha256 = sha256
  }

  /// Fingerprints the file at `path`.
  /// - Throws: `SessionError` when the file cannot be read.
  /// - Complexity: O(n) in the file's size.
  public init(file path: String) throws(SessionError) {
    var info = stat()
    guard stat(path, &info) == 0 else { throw ScriptFile.failure(path, errno) }
    self.init(path: path, size: Int(info.st_size), sha256: try SHA256.hex(ofFile: path))
  }

  /// The header line's text after its comment mark: `file: PATH (12,345 bytes, sha256 HEX)`.
  public var headerText: String {
    "file: \(path) (\(Figures.grouped(size)) bytes, sha256 \(sha256))"
  }

  /// Reads a header line written by `headerText`, in a script (`# file: ...`) or a notebook
  /// (`- file: ...`); nil for any other line.
  public init?(headerLine line: String) {
    var text = Substring(line)
    while let c = text.first, c == "#" || c == "-" || c == "*" || c == " " { text = text.dropFirst() }
    // The path may hold " (" itself, so the facts are the last parenthesis.
    guard text.hasPrefix("file: "), text.hasSuffix(")"), let open = text.ranges(of: " (").last
    else { return nil }
    let path = text[text.index(text.startIndex, offsetBy: 6)..<open.lowerBound]
    let facts = text[open.upperBound..<text.index(before: text.endIndex)].split(separator: " ")
    guard facts.count == 4, facts[1] == "bytes,", facts[2] == "sha256",
      let size = Int(facts[0].filter { $0 != "," }), facts[3].count == 64
    else { return nil }
    self.init(path: String(path.trimmingCharacters(in: "`")), size: size, sha256: String(facts[3]))
  }
}

/// What a saved session says about itself before its first command (DESIGN §7).
struct SessionHeader {
  /// When it was written, as `2026-05-14 09:30 UTC`.
  var written: String
  /// The files its load commands read.
  var files: [FileFingerprint]
  /// Files its load commands read that could not be read when it was saved.
  var missing: [String] = []
  /// The `set today` in force when it was saved; nil when each `within` counted from its column's latest date.
  var today: Int32?

  /// The header's lines, without comment marks.
  var lines: [String] {
    var lines = ["seg \(segVersion) session, saved \(written)"]
    if files.isEmpty && missing.isEmpty { lines.append("files: none (built-in sample data only)") }
    lines += files.map(\.headerText)
    lines += missing.map { "file: \($0) (could not be read when the session was saved)" }
    lines.append(
      "today: " + (today.map { CivilDate.format(days: $0) } ?? "not set (each within counts back from its column's latest date)"))
    return lines
  }

  /// The current time in UTC as `2026-05-14 09:30 UTC`; only ever written into a header comment.
  static func now() -> String {
    var seconds = time(nil)
    var parts = tm()
    gmtime_r(&seconds, &parts)
    func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
    let date = "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))"
    return "\(date) \(two(parts.tm_hour)):\(two(parts.tm_min)) UTC"
  }
}

extension Substring {
  func trimmingCharacters(in set: String) -> Substring {
    var text = self
    while let c = text.first, set.contains(c) { text = text.dropFirst() }
    while let c = text.last, set.contains(c) { text = text.dropLast() }
    return text
  }
}
