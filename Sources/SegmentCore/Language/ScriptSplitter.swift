/// One command as it stands in a script or an input line, with the line it starts on.
public struct Statement: Sendable, Equatable {
  /// The command's text, comments removed and continued lines joined.
  public var text: String
  /// The 1-based line the command starts on in its source.
  public var line: Int

  /// Creates a statement.
  public init(text: String, line: Int) {
    self.text = text
    self.line = line
  }
}

/// Splits script text into commands: `;` separates commands on a line, a line ending in `\` continues,
/// and `#` starts a comment (DESIGN §4). Quotes and backticks protect all three.
public enum ScriptSplitter {
  /// The commands in `source`, in order, skipping blank ones.
  public static func statements(in source: String) -> [Statement] {
    var statements: [Statement] = []
    var pending = ""
    var pendingLine = 0
    var lineNumber = 0
    for rawLine in lines(of: source) {
      lineNumber += 1
      let line = String(rawLine)
      let code = stripComment(line)
      let trimmed = code.trimmingTrailingWhitespace()
      if pending.isEmpty { pendingLine = lineNumber }
      if trimmed.hasSuffix("\\") {
        pending += String(trimmed.dropLast()) + " "
        continue
      }
      pending += code
      for piece in splitOnSemicolons(pending) {
        let text = piece.trimmingWhitespace()
        if !text.isEmpty {
          statements.append(Statement(text: text, line: pendingLine))
        }
      }
      pending = ""
    }
    let text = pending.trimmingWhitespace()
    if !text.isEmpty { statements.append(Statement(text: text, line: pendingLine)) }
    return statements
  }

  /// True when `text` cannot run yet because more lines must follow (a trailing `\`).
  public static func needsMoreInput(_ text: String) -> Bool {
    guard let last = lines(of: text).last else { return false }
    return stripComment(String(last)).trimmingTrailingWhitespace().hasSuffix("\\")
  }

  /// The lines of `text`, split at LF, CRLF (one `Character` in Swift) or a lone CR.
  static func lines(of text: String) -> [Substring] {
    text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
  }

  /// The line without its `#` comment; a `#` inside quotes or backticks is text.
  static func stripComment(_ line: String) -> String {
    var quote: Character?
    var result = ""
    for c in line {
      if let q = quote {
        if c == q { quote = nil }
      } else if c == "\"" || c == "'" || c == "`" {
        quote = c
      } else if c == "#" {
        break
      }
      result.append(c)
    }
    return result
  }

  static func splitOnSemicolons(_ text: String) -> [String] {
    var quote: Character?
    var pieces: [String] = []
    var piece = ""
    for c in text {
      if let q = quote {
        if c == q { quote = nil }
      } else if c == "\"" || c == "'" || c == "`" {
        quote = c
      } else if c == ";" {
        pieces.append(piece)
        piece = ""
        continue
      }
      piece.append(c)
    }
    pieces.append(piece)
    return pieces
  }
}

extension StringProtocol {
  func trimmingWhitespace() -> String {
    String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
  }

  func trimmingTrailingWhitespace() -> String {
    String(reversed().drop(while: \.isWhitespace).reversed())
  }
}
