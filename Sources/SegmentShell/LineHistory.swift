import CEditLine

#if canImport(Glibc)
  import Glibc
#endif

/// libedit's history list, loaded from and saved to the history file.
///
/// A multi-line entry (a `\` continuation, a persona block) is one entry with its newlines; libedit's
/// file format escapes them, and Up recalls the entry whole. Consecutive duplicates are skipped.
final class LineHistory {
  /// The libedit `History *`.
  let handle: OpaquePointer
  /// The file, or nil to keep history in memory only.
  let path: String?

  /// Creates the list and loads `path` when it exists.
  /// - Parameter capacity: entries kept; older ones drop off.
  init?(path: String?, capacity: Int32 = 2000) {
    guard let handle = seg_history_init() else { return nil }
    self.handle = handle
    self.path = path
    seg_history_set_size(handle, capacity)
    seg_history_set_unique(handle, 1)
    if let path, access(path, R_OK) == 0 {
      seg_history_load(handle, path)
    }
  }

  deinit {
    history_end(handle)
  }

  /// The number of entries.
  var count: Int { Int(seg_history_count(handle)) }

  /// The entries, oldest first.
  var entries: [String] {
    var result: [String] = []
    var next = seg_history_step(handle, H_LAST)
    while let text = next {
      result.append(String(cString: text))
      next = seg_history_step(handle, H_PREV)
    }
    return result
  }

  /// Adds an entry and saves at once, so a crash loses nothing typed before it.
  func add(_ entry: String) {
    seg_history_enter(handle, LineHistory.normalized(entry))
    save()
  }

  /// The entry as history keeps it: without trailing whitespace (a completion leaves a space), so
  /// `help` and `help ` count as the same consecutive entry.
  static func normalized(_ entry: String) -> String {
    var text = Substring(entry)
    while let last = text.last, last.isWhitespace { text.removeLast() }
    return String(text)
  }

  /// Writes the list to a temporary file beside the history file, then renames it into place, so a
  /// crash mid-write never leaves a truncated history.
  func save() {
    guard let path else { return }
    let temporary = path + ".tmp-\(getpid())"
    if seg_history_save(handle, temporary) >= 0 {
      if rename(temporary, path) != 0 { unlink(temporary) }
    } else {
      unlink(temporary)
    }
  }
}
