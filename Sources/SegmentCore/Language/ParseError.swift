/// A mistake in a command's text, with where it stands and what would be right.
///
/// The parser records structure only; `message` (in `ParseError+Messages.swift`) is the one place that
/// turns it into words, and `DiagnosticRenderer` draws the source line and caret.
public struct ParseError: Error, Sendable, Equatable {
  /// What went wrong.
  public enum Kind: Sendable, Equatable {
    case unterminatedString
    case unterminatedName
    case unexpectedCharacter(Character)
    case badDate(String)
    case numberTooLarge(String)
    /// Something other than what the grammar allows here.
    case unexpectedToken(found: String, expected: String)
    /// A command word the registry does not know.
    case unknownCommand(String)
    /// A value that is out of range for its place, e.g. `limit -1`.
    case invalidValue(String, reason: String)
    /// A persona block or continued line that never ended.
    case unfinishedBlock(String)
    /// A condition or expression nested (parentheses, `not`, `-`) deeper than the parser allows.
    case tooDeep(String, limit: Int)
  }

  /// What went wrong.
  public var kind: Kind
  /// Where in the command's source the problem stands, when known.
  public var range: SourceRange?
  /// A sentence on what would be right, when there is one to give.
  public var hint: String?
  /// Names the user may have meant (did-you-mean), best first.
  public var suggestions: [String]

  /// Creates a parse error.
  public init(_ kind: Kind, at range: SourceRange?, hint: String? = nil, suggestions: [String] = []) {
    self.kind = kind
    self.range = range
    self.hint = hint
    self.suggestions = suggestions
  }
}

extension ParseError {
  /// The error's one-line description: lowercase, no final period.
  public var message: String {
    switch kind {
    case .unterminatedString: return "this string has no closing quote"
    case .unterminatedName: return "this column name has no closing backtick"
    case .unexpectedCharacter(let c): return "unexpected character '\(c)'"
    case .badDate(let s): return "'\(s)' is not a valid date"
    case .numberTooLarge(let s): return "the number \(s) is too large"
    case .unexpectedToken(let found, let expected): return "expected \(expected), found \(found)"
    case .unknownCommand(let word): return "unknown command '\(word)'"
    case .invalidValue(let value, let reason): return "\(value): \(reason)"
    case .unfinishedBlock(let what): return "\(what) is not finished"
    case .tooDeep(let what, let limit):
      return "the \(what) nests deeper than \(Figures.grouped(limit)) levels"
    }
  }
}
