#if canImport(Glibc)
  import Glibc
#endif

/// A journal an earlier shell left behind: it crashed, was killed, or closed with unsaved work.
public struct UnsavedJournal: Sendable, Equatable {
  /// The journal file.
  public var path: String
  /// How many cells it holds.
  public var cellCount: Int
  /// How many other unsaved journals are older than this one.
  public var olderCount: Int
}

/// The file an interactive session appends each successful cell to as it runs (DESIGN §7), so that a
/// crash or a `kill -9` loses nothing: the next shell finds it and `restore` replays it.
///
/// Each shell writes `journal-PID.seg` in the journal directory; a journal whose process is gone is
/// one that nobody saved.
final class Journal {
  let path: String
  private var fd: Int32
  /// The bytes of whole cells in the file: where a cell that could not be written whole is cut off.
  private var length: off_t = 0
  /// Whether the last append failed, so that the user is told once, not at every cell.
  private(set) var isFailing = false

  /// Creates (or empties) this process's journal in `directory`, which must exist.
  init(directory: String) throws(SessionError) {
    path = Journal.file(in: directory, pid: getpid())
    fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0o600)
    guard fd >= 0 else { throw SessionError(.cannotWrite(path: path, reason: ScriptFile.reason(errno))) }
    var cwd = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    let directory = getcwd(&cwd, cwd.count) != nil ? String(cString: cwd) : "?"
    try append("# seg journal, started \(SessionHeader.now()) in \(directory)")
  }

  deinit { if fd >= 0 { close(fd) } }

  /// Appends a cell and pushes it to the disk before the next prompt.
  ///
  /// A cell that cannot be written whole (the disk is full) is cut off again, so the journal keeps
  /// whole cells only: half a cell would be replayed as a different command, or glued to the next.
  /// - Throws: `SessionError.cannotWrite`; the session goes on, but what follows cannot be restored.
  func append(_ text: String) throws(SessionError) {
    guard fd >= 0 else { return }
    let bytes = Array((text + "\n").utf8)
    var written = 0
    while written < bytes.count {
      let n = bytes.withUnsafeBufferPointer { write(fd, $0.baseAddress! + written, $0.count - written) }
      if n < 0 && errno == EINTR { continue }
      guard n > 0 else {
        let code = n < 0 ? errno : ENOSPC
        _ = ftruncate(fd, length)
        isFailing = true
        throw SessionError(.cannotWrite(path: path, reason: ScriptFile.reason(code)))
      }
      written += n
    }
    fdatasync(fd)
    length += off_t(bytes.count)
    isFailing = false
  }

  /// The whole cells of a journal's `text`, and the start of a cell that was being written when
  /// the shell died or the disk filled up: everything after the last line break, which every
  /// whole cell ends with.
  static func wholeCells(of text: String) -> (whole: Substring, torn: Substring) {
    guard !text.isEmpty, !text.hasSuffix("\n") else { return (text[...], "") }
    guard let lastBreak = text.lastIndex(of: "\n") else { return ("", text[...]) }
    let cut = text.index(after: lastBreak)
    return (text[..<cut], text[cut...])
  }

  /// Closes the journal, removing the file unless `keep`.
  func finish(keep: Bool) {
    guard fd >= 0 else { return }
    close(fd)
    fd = -1
    if !keep { unlink(path) }
  }

  static func file(in directory: String, pid: pid_t) -> String {
    (directory.hasSuffix("/") ? directory : directory + "/") + "journal-\(pid).seg"
  }

  /// The newest journal in `directory` whose shell is gone and that holds at least one cell.
  static func unsaved(in directory: String) -> UnsavedJournal? {
    guard let dir = opendir(directory) else { return nil }
    defer { closedir(dir) }
    var found: [(path: String, modified: Int, cells: Int)] = []
    while let entry = readdir(dir) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      guard name.hasPrefix("journal-"), name.hasSuffix(".seg"),
        let pid = pid_t(name.dropFirst(8).dropLast(4)), pid != getpid(), !isAlive(pid)
      else { continue }
      let path = file(in: directory, pid: pid)
      var info = stat()
      guard stat(path, &info) == 0, let text = try? ScriptFile.read(path) else { continue }
      let cells = ScriptSplitter.statements(in: String(wholeCells(of: text).whole)).count
      if cells > 0 { found.append((path, Int(info.st_mtim.tv_sec), cells)) }
    }
    guard let newest = found.max(by: { ($0.modified, $0.path) < ($1.modified, $1.path) }) else { return nil }
    return UnsavedJournal(path: newest.path, cellCount: newest.cells, olderCount: found.count - 1)
  }

  /// True unless the process is certainly gone (EPERM means it lives under another user). A zombie,
  /// killed but not yet reaped by its parent, is gone: its journal will never grow again.
  static func isAlive(_ pid: pid_t) -> Bool {
    guard kill(pid, 0) == 0 || errno != ESRCH else { return false }
    guard let stat = try? ScriptFile.read("/proc/\(pid)/stat"), let close = stat.lastIndex(of: ")") else {
      return true
    }
    return stat[stat.index(after: close)...].drop(while: { $0 == " " }).first != "Z"
  }
}

extension Session {
  /// Starts journaling each successful cell into `directory` (created if missing), and looks there for
  /// a journal an earlier shell left unsaved, which `restore` will replay.
  /// - Returns: the unsaved journal found, if any, so the front end can say so.
  /// - Throws: `SessionError` when the journal cannot be created.
  @discardableResult
  public func startJournal(in directory: String) throws(SessionError) -> UnsavedJournal? {
    Journal.makeDirectory(directory)
    unsaved = Journal.unsaved(in: directory)
    journal = try Journal(directory: directory)
    return unsaved
  }

  /// Ends journaling. The journal is kept, for a later `restore`, only when `keepUnsaved`, cells were
  /// run since the last `save`, and there is data to bring back (a session of `help` and `segments`
  /// on nothing is not worth a notice next time).
  public func endJournal(keepUnsaved: Bool) {
    journal?.finish(keep: keepUnsaved && hasUnsavedCells && !workspace.tables.isEmpty)
    journal = nil
  }

  /// The notice a shell shows at start when an unsaved session exists.
  public static func notice(for unsaved: UnsavedJournal) -> String {
    let cells = unsaved.cellCount == 1 ? "1 cell" : "\(Figures.grouped(unsaved.cellCount)) cells"
    var text = "an unsaved session exists (\(cells)): type 'restore' to bring it back"
    if unsaved.olderCount > 0 { text += " (\(unsaved.olderCount) older ones are kept beside it)" }
    return text
  }
}

extension Journal {
  /// Creates `directory` and its missing parents, private to the user: journals hold customer values.
  static func makeDirectory(_ directory: String) {
    var info = stat()
    if stat(directory, &info) == 0 { return }
    if let slash = directory.lastIndex(of: "/"), slash != directory.startIndex {
      makeDirectory(String(directory[..<slash]))
    }
    mkdir(directory, 0o700)
  }
}
