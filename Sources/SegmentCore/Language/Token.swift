/// A half-open range of character offsets into one command's source text.
public struct SourceRange: Sendable, Equatable, Hashable {
  /// Offset of the first character (0-based, in `Character`s).
  public var start: Int
  /// Offset one past the last character.
  public var end: Int

  /// Creates a range from `start` up to, not including, `end`.
  public init(_ start: Int, _ end: Int) {
    self.start = start
    self.end = max(start, end)
  }

  /// The range covering both `self` and `other`.
  public func union(_ other: SourceRange) -> SourceRange {
    SourceRange(min(start, other.start), max(end, other.end))
  }
}

/// One lexical unit of the command language.
public struct Token: Sendable, Equatable {
  /// What kind of token this is, with its decoded payload.
  public enum Kind: Sendable, Equatable {
    /// A bare word: a keyword, a command name or an identifier. Keywords are matched case-insensitively.
    case word(String)
    /// A backtick-quoted identifier such as `` `Annual Income (k$)` ``.
    case quotedIdentifier(String)
    /// A string in double or single quotes, escapes decoded.
    case string(String)
    /// An integer literal.
    case integer(Int64)
    /// A decimal literal.
    case decimal(Double)
    /// A bare ISO date literal, as days since 1970-01-01.
    case date(Int32)
    /// An operator or punctuation mark: `= != <> < <= > >= ( ) , ; * + - / % ..`
    case symbol(String)
    /// A character the language does not use; the parser reports it where it finds it.
    case unknown(Character)
    /// The end of the command.
    case end
  }

  /// The token's kind and payload.
  public var kind: Kind
  /// Where the token stands in the source.
  public var range: SourceRange
  /// The exact source text of the token.
  public var text: String

  /// The lowercased word if this token is a bare word, else nil.
  public var keyword: String? {
    if case .word(let w) = kind { return w.lowercased() }
    return nil
  }

  /// The name this token stands for when used as an identifier (a bare word or a backtick name).
  public var identifier: String? {
    switch kind {
    case .word(let w): return w
    case .quotedIdentifier(let w): return w
    default: return nil
    }
  }

  /// True when this token is the given bare keyword, compared case-insensitively.
  public func isKeyword(_ word: String) -> Bool {
    keyword == word
  }

  /// True when this token is the given symbol.
  public func isSymbol(_ s: String) -> Bool {
    if case .symbol(let t) = kind { return t == s }
    return false
  }

  /// A short description for "expected X, found Y" messages.
  public var describedForError: String {
    switch kind {
    case .end: return "the end of the command"
    case .string: return "the string \(text)"
    default: return "'\(text)'"
    }
  }
}
