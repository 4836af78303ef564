import Columnar

/// Splits one command's text into tokens, recording where each one stands.
///
/// The lexer never gives up on a command silently: a malformed literal becomes a `ParseError` that points
/// at it, so that the shell can draw a caret under the problem.
public struct Lexer {
  private let chars: [Character]
  private var position = 0

  /// Creates a lexer over one command's source text (no `;` splitting, no comments: see `ScriptSplitter`).
  public init(_ source: String) {
    chars = Array(source)
  }

  /// Tokenizes the whole source, ending with an `.end` token.
  /// - Throws: `ParseError` for an unterminated string or backtick name. A character the language does
  ///   not use becomes an `.unknown` token, so the parser can say what it expected in its place.
  public static func tokenize(_ source: String) throws(ParseError) -> [Token] {
    var lexer = Lexer(source)
    var tokens: [Token] = []
    while true {
      let token = try lexer.next()
      tokens.append(token)
      if token.kind == .end { return tokens }
    }
  }

  private func peek(_ offset: Int = 0) -> Character? {
    let i = position + offset
    return i < chars.count ? chars[i] : nil
  }

  private func text(_ start: Int, _ end: Int) -> String {
    String(chars[start..<end])
  }

  /// Reads the next token.
  public mutating func next() throws(ParseError) -> Token {
    while let c = peek(), c.isWhitespace { position += 1 }
    let start = position
    guard let c = peek() else {
      return Token(kind: .end, range: SourceRange(start, start), text: "")
    }
    if c == "\"" || c == "'" {
      return try quoted(by: c, start: start)
    }
    if c == "`" {
      position += 1
      var name = ""
      while let d = peek(), d != "`" {
        name.append(d)
        position += 1
      }
      guard peek() == "`" else {
        throw ParseError(
          .unterminatedName, at: SourceRange(start, position),
          hint: "close the column name with a backtick (`)")
      }
      position += 1
      return Token(
        kind: .quotedIdentifier(name), range: SourceRange(start, position), text: text(start, position))
    }
    if c.isNumber && c.isASCII {
      return try number(start: start)
    }
    if c.isLetter || c == "_" {
      while let d = peek(), d.isLetter || d.isNumber || d == "_" { position += 1 }
      let word = text(start, position)
      return Token(kind: .word(word), range: SourceRange(start, position), text: word)
    }
    let two = peek(1).map { String([c, $0]) }
    if let two, ["!=", "<>", "<=", ">=", ".."].contains(two) {
      position += 2
      return Token(kind: .symbol(two == "<>" ? "!=" : two), range: SourceRange(start, position), text: two)
    }
    if "=<>(),;*+-/%.".contains(c) {
      position += 1
      return Token(kind: .symbol(String(c)), range: SourceRange(start, position), text: String(c))
    }
    position += 1
    return Token(kind: .unknown(c), range: SourceRange(start, position), text: String(c))
  }

  private mutating func quoted(by quote: Character, start: Int) throws(ParseError) -> Token {
    position += 1
    var value = ""
    while let d = peek() {
      if d == quote {
        // A doubled quote inside a string stands for the quote itself, as in SQL and CSV.
        if peek(1) == quote {
          value.append(quote)
          position += 2
          continue
        }
        position += 1
        return Token(kind: .string(value), range: SourceRange(start, position), text: text(start, position))
      }
      if d == "\\", let e = peek(1), e == quote || e == "\\" {
        value.append(e)
        position += 2
        continue
      }
      value.append(d)
      position += 1
    }
    throw ParseError(
      .unterminatedString, at: SourceRange(start, position),
      hint: "close the string with \(quote)")
  }

  private mutating func number(start: Int) throws(ParseError) -> Token {
    while let d = peek(), d.isASCII && d.isNumber { position += 1 }
    // A bare ISO date: 2026-08-01.
    if position - start == 4, peek() == "-", let m1 = peek(1), m1.isASCII && m1.isNumber {
      var end = position + 1
      while end < chars.count, chars[end].isASCII && (chars[end].isNumber || chars[end] == "-") { end += 1 }
      let literal = text(start, end)
      position = end
      guard let days = CivilDate.parseISODate(literal) else {
        throw ParseError(
          .badDate(literal), at: SourceRange(start, end), hint: "write dates as YYYY-MM-DD, e.g. 2026-08-01")
      }
      return Token(kind: .date(days), range: SourceRange(start, end), text: literal)
    }
    if peek() == ".", let f = peek(1), f.isASCII && f.isNumber {
      position += 1
      while let d = peek(), d.isASCII && d.isNumber { position += 1 }
      let literal = text(start, position)
      return Token(kind: .decimal(Double(literal) ?? 0), range: SourceRange(start, position), text: literal)
    }
    let literal = text(start, position)
    guard let value = Int64(literal) else {
      throw ParseError(.numberTooLarge(literal), at: SourceRange(start, position))
    }
    if let d = peek(), d.isLetter || d == "_" {
      // "3months" or "12abc": name the whole word so the caret covers it.
      while let e = peek(), e.isLetter || e.isNumber || e == "_" { position += 1 }
      let word = text(start, position)
      throw ParseError(
        .unexpectedToken(found: "'\(word)'", expected: "a number followed by a space, or a name (names start with a letter or _)"),
        at: SourceRange(start, position),
        hint: "a name that starts with a digit goes in backticks: `\(word)`")
    }
    return Token(kind: .integer(value), range: SourceRange(start, position), text: literal)
  }
}
