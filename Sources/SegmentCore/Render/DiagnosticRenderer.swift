/// A failed command as the user sees it: what went wrong, where (file and line for scripts, a caret under
/// the part of the command), and what would be right.
public struct Diagnostic: Sendable, Equatable {
  /// The one-line description.
  public var message: String
  /// The command's text, for the caret line.
  public var source: String?
  /// The part of the command that is wrong.
  public var range: SourceRange?
  /// What to do next.
  public var hint: String?
  /// Names the user may have meant.
  public var suggestions: [String]
  /// The script and line, when the command came from a file.
  public var location: String?

  /// A diagnostic for a parse error in `source`.
  public init(_ error: ParseError, source: String, location: String?) {
    self.init(
      message: error.message, source: source, range: error.range, hint: error.hint,
      suggestions: error.suggestions, location: location)
  }

  /// A diagnostic for an evaluation error in `source`.
  public init(_ error: EvalError, source: String, location: String?) {
    self.init(
      message: error.message, source: source, range: error.range, hint: error.hint,
      suggestions: error.suggestions, location: location)
  }

  /// Creates a diagnostic from its parts.
  public init(
    message: String, source: String?, range: SourceRange?, hint: String?, suggestions: [String],
    location: String?
  ) {
    self.message = message
    self.source = source
    self.range = range
    self.hint = hint
    self.suggestions = suggestions
    self.location = location
  }

  /// The diagnostic's text, several lines ending in a newline.
  public func rendered(color: Bool) -> String {
    let label = color ? "\u{1B}[1;31merror:\u{1B}[0m" : "error:"
    // A command of several lines (a persona block) shows the line the error is on, and its location
    // names that line rather than the command's first.
    let place = source.flatMap { source in range.map { Diagnostic.place(of: $0.start, in: source) } }
    var out = (location.map { "\(Diagnostic.location($0, down: place?.line ?? 0)): " } ?? "")
    out += "\(label) \(message)\n"
    if let place, let range {
      let shown = Diagnostic.window(place.text, column: place.column)
      out += "  \(shown.text)\n"
      let width = max(1, min(range.end - range.start, shown.text.count - shown.column))
      out += "  " + String(repeating: " ", count: shown.column) + String(repeating: "^", count: width) + "\n"
    }
    if !suggestions.isEmpty {
      let names = suggestions.map { "'\($0)'" }
      let list = names.count == 1 ? names[0] : names.dropLast().joined(separator: ", ") + " or " + names.last!
      out += "  did you mean \(list)?\n"
    }
    if let hint { out += "  \(hint)\n" }
    return out
  }

  /// The line of `source` holding character `offset`: its text, the offset's column in it, and its
  /// 0-based number.
  static func place(of offset: Int, in source: String) -> (text: String, column: Int, line: Int) {
    var line = 0
    var column = 0
    var text = ""
    for (i, c) in source.enumerated() {
      if c.isNewline {
        if i >= offset { break }
        line += 1
        column = 0
        text = ""
        continue
      }
      if i < offset { column += 1 }
      text.append(c)
    }
    return (text, column, line)
  }

  /// The most characters of a command's line an error shows: a line of a megabyte is shown around
  /// the caret, not whole.
  static let lineWidth = 160

  /// `text` cut to `lineWidth` characters around `column`, an ellipsis where it was cut, and the
  /// column within what is shown.
  static func window(_ text: String, column: Int) -> (text: String, column: Int) {
    guard text.count > lineWidth else { return (text, column) }
    let chars = Array(text)
    let start = max(0, min(column - lineWidth / 3, chars.count - lineWidth))
    let end = min(chars.count, start + lineWidth)
    let head = start > 0 ? "…" : ""
    let tail = end < chars.count ? "…" : ""
    return (head + String(chars[start..<end]) + tail, column - start + head.count)
  }

  /// `file:N` moved down `lines` lines; any other location as it is.
  static func location(_ location: String, down lines: Int) -> String {
    guard lines > 0, let colon = location.lastIndex(of: ":"),
      let line = Int(location[location.index(after: colon)...])
    else { return location }
    return String(location[..<colon]) + ":\(line + lines)"
  }
}
