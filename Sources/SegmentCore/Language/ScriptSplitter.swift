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
///
/// A line `persona "NAME" for SEG` with nothing after it opens a block that runs to a line `end`; the
/// whole block is one command whose text keeps its lines (`;` inside a block separates its lines, so
/// `-c` can hold a block on one line).
public enum ScriptSplitter {
  /// The commands in `source`, in order, skipping blank ones. A block left open at the end is one
  /// command, which the parser reports as unfinished.
  public static func statements(in source: String) -> [Statement] {
    var scanner = Scanner()
    for (i, line) in lines(of: source).enumerated() { scanner.take(String(line), number: i + 1) }
    return scanner.finish()
  }

  /// True when `text` cannot run yet because more lines must follow: a trailing `\`, or a persona
  /// block without its `end`.
  public static func needsMoreInput(_ text: String) -> Bool {
    var scanner = Scanner()
    for (i, line) in lines(of: text).enumerated() { scanner.take(String(line), number: i + 1) }
    return scanner.isWaiting
  }

  /// True when `text` ends inside a persona block (its `end` line has not come yet).
  static func blockIsOpen(_ text: String) -> Bool {
    var scanner = Scanner()
    for (i, line) in lines(of: text).enumerated() { scanner.take(String(line), number: i + 1) }
    return scanner.block != nil
  }

  /// The splitter's state between lines.
  private struct Scanner {
    var statements: [Statement] = []
    /// Continued lines (`\`) not yet ended.
    var pending = ""
    var pendingLine = 0
    /// The open persona block's lines and the line it starts on.
    var block: (lines: [String], line: Int)?

    var isWaiting: Bool { !pending.isEmpty || block != nil }

    mutating func take(_ line: String, number: Int) {
      let code = stripComment(line)
      let trimmed = code.trimmingTrailingWhitespace()
      if pending.isEmpty { pendingLine = number }
      if trimmed.hasSuffix("\\") {
        pending += String(trimmed.dropLast()) + " "
        return
      }
      let joined = pending + code
      pending = ""
      let pieces = splitOnSemicolons(joined)
      if block != nil, pieces.count == 1 {
        // A block's lines are kept as typed (blank ones too), so an error's line can be found.
        add(blockLine: joined.trimmingTrailingWhitespace())
        return
      }
      for piece in pieces {
        if block != nil {
          let text = piece.trimmingWhitespace()
          if !text.isEmpty { add(blockLine: text.lowercased() == "end" ? text : "  " + text) }
          continue
        }
        let text = piece.trimmingWhitespace()
        if text.isEmpty { continue }
        if ScriptSplitter.opensBlock(text) {
          block = ([text], pendingLine)
        } else {
          statements.append(Statement(text: text, line: pendingLine))
        }
      }
    }

    private mutating func add(blockLine: String) {
      guard var open = block else { return }
      open.lines.append(blockLine)
      if blockLine.trimmingWhitespace().lowercased() == "end" {
        statements.append(Statement(text: open.lines.joined(separator: "\n"), line: open.line))
        block = nil
      } else {
        block = open
      }
    }

    mutating func finish() -> [Statement] {
      if let open = block {
        var lines = open.lines
        while lines.count > 1, lines.last?.allSatisfy(\.isWhitespace) == true { lines.removeLast() }
        statements.append(Statement(text: lines.joined(separator: "\n"), line: open.line))
        block = nil
      }
      let text = pending.trimmingWhitespace()
      if !text.isEmpty { statements.append(Statement(text: text, line: pendingLine)) }
      pending = ""
      return statements
    }
  }

  /// True when `text` is `persona NAME for SEG` and nothing more: the first line of a block.
  static func opensBlock(_ text: String) -> Bool {
    guard text.count < 400, let first = text.first, first == "p" || first == "P",
      let tokens = try? Lexer.tokenize(text), tokens.count == 5, tokens[0].isKeyword("persona"),
      tokens[2].isKeyword("for"), tokens[3].identifier != nil
    else { return false }
    switch tokens[1].kind {
    case .string, .quotedIdentifier: return true
    case .word: return !tokens[1].isKeyword("draft")
    default: return false
    }
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
