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
    var out = (location.map { "\($0): " } ?? "") + "\(label) \(message)\n"
    if let source, let range, !source.contains("\n") {
      out += "  \(source)\n"
      let width = max(1, range.end - range.start)
      out += "  " + String(repeating: " ", count: range.start) + String(repeating: "^", count: width) + "\n"
    }
    if !suggestions.isEmpty {
      let names = suggestions.map { "'\($0)'" }
      let list = names.count == 1 ? names[0] : names.dropLast().joined(separator: ", ") + " or " + names.last!
      out += "  did you mean \(list)?\n"
    }
    if let hint { out += "  \(hint)\n" }
    return out
  }
}
