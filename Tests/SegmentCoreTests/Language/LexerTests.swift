import Testing

@testable import SegmentCore

@Suite("Lexer")
struct LexerTests {
  @Test func wordsStringsNumbersAndSymbols() throws {
    let tokens = try Lexer.tokenize(#"show `Annual Income (k$)` 'it''s' "a\"b" 12 3.5 >= != <> ..;"#)
    let kinds = tokens.map(\.kind)
    #expect(
      kinds == [
        .word("show"), .quotedIdentifier("Annual Income (k$)"), .string("it's"), .string("a\"b"),
        .integer(12), .decimal(3.5), .symbol(">="), .symbol("!="), .symbol("!="), .symbol(".."), .symbol(";"),
        .end,
      ])
  }

  @Test func rangesAreCharacterOffsets() throws {
    let tokens = try Lexer.tokenize("load \"été.csv\" as x")
    #expect(tokens[1].range == SourceRange(5, 14))
    #expect(tokens[3].range == SourceRange(18, 19))
  }

  @Test func isoDatesAreLiterals() throws {
    let tokens = try Lexer.tokenize("set today 2026-08-01")
    #expect(tokens[2].kind == .date(20666))
  }

  @Test func unknownCharactersBecomeTokensForTheParserToReport() throws {
    let tokens = try Lexer.tokenize("show a @ b")
    #expect(tokens[2].kind == .unknown("@"))
    #expect(tokens[2].range == SourceRange(7, 8))
  }

  @Test(arguments: [
    ("show \"abc", ParseError.Kind.unterminatedString, SourceRange(5, 9)),
    ("show `abc", .unterminatedName, SourceRange(5, 9)),
    ("set today 2026-13-01", .badDate("2026-13-01"), SourceRange(10, 20)),
    ("limit 99999999999999999999", .numberTooLarge("99999999999999999999"), SourceRange(6, 26)),
  ])
  func malformedInputIsAnErrorWithItsPlace(source: String, kind: ParseError.Kind, range: SourceRange) {
    #expect(throws: ParseError.self) { try Lexer.tokenize(source) }
    do {
      _ = try Lexer.tokenize(source)
    } catch {
      #expect(error.kind == kind)
      #expect(error.range == range)
    }
  }
}
