/// Collects typed lines until they form a complete entry (no trailing `\`, no open block).
///
/// Pure, so the shell and the plain reader share it and tests need no terminal. An entry keeps its
/// lines joined with newlines: that is what runs, and what history stores as one entry.
struct InputBuffer {
  /// The lines of the entry being typed.
  private(set) var lines: [String] = []
  /// Whether some text must be followed by more lines; the session's `needsMoreInput`.
  private let needsMoreInput: (String) -> Bool

  /// Creates an empty buffer.
  init(needsMoreInput: @escaping (String) -> Bool) {
    self.needsMoreInput = needsMoreInput
  }

  /// True when no entry is under way, so the main prompt (not the continuation prompt) is due.
  var isEmpty: Bool { lines.isEmpty }

  /// Adds a line; returns the complete entry when this line ends it, else nil (more lines needed).
  ///
  /// A blank line with nothing pending is returned as is; the caller skips blank entries.
  mutating func append(_ line: String) -> String? {
    lines.append(line)
    let text = lines.joined(separator: "\n")
    if needsMoreInput(text) { return nil }
    lines.removeAll()
    return text
  }

  /// Whatever was pending, for the end of input; nil when nothing was.
  mutating func flush() -> String? {
    defer { lines.removeAll() }
    return lines.isEmpty ? nil : lines.joined(separator: "\n")
  }

  /// Drops the pending entry (Ctrl-C at the continuation prompt).
  mutating func clear() {
    lines.removeAll()
  }

  /// True when `text` has nothing to run.
  static func isBlank(_ text: String) -> Bool {
    text.allSatisfy(\.isWhitespace)
  }
}
