import Columnar

// Printers from the syntax tree back to the command language (DESIGN §4), for `sql`, renames and saved
// sessions. The contract is the round trip: parsing `commandText` gives the same tree, ignoring source
// ranges. The name is `commandText` rather than `text` because `Name.text` and `Expression.text` already
// hold what the user typed, and a printer that shares their name would be easy to confuse with them.

extension Name {
  /// The words a predicate or an expression reads as keywords where a name may stand: `not` starts a
  /// negation, `and`/`or` join clauses, `then` ends the condition of a `case when`, and `true`, `false`,
  /// `null` and `case` are values in an expression. Keywords are case-insensitive, so these are
  /// compared lowercased.
  static let reservedWords: Set<String> = ["and", "or", "not", "then", "true", "false", "null", "case"]

  /// The name as it must be typed: bare when the lexer reads it back as one word and the parser does
  /// not take it for a keyword, else in backticks (`` `Annual Income (k$)` ``, `` `and` ``).
  ///
  /// Some names cannot be written at all: the language has no escape inside backticks, so a name with a
  /// backtick in it comes back cut short, and a line break ends the command in a script.
  public var commandText: String { Name.commandText(for: text) }

  /// `commandText` for a name given as a plain string, for callers that hold no `Name` (completion).
  public static func commandText(for name: String) -> String {
    isBareIdentifier(name) ? name : "`\(name)`"
  }

  /// True when the lexer reads `name` as one bare word (the same character classes it uses) and the word
  /// is not reserved.
  static func isBareIdentifier(_ name: String) -> Bool {
    guard let first = name.first, first.isLetter || first == "_" else { return false }
    guard name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else { return false }
    return !reservedWords.contains(name.lowercased())
  }
}

extension Literal {
  /// The literal as it must be typed so that the lexer reads back the same value: strings quoted with
  /// their quotes doubled, doubles with enough digits and never in exponent form (the lexer has none),
  /// dates in ISO.
  ///
  /// `Binder.literalText` stays separate on purpose: it writes values for messages (`5` for 5.0, text
  /// unescaped) and its output is part of error texts that must not change.
  public var commandText: String {
    switch value {
    case .int(let n): return String(n)
    case .double(let d): return Literal.doubleText(d)
    case .string(let s): return Literal.quoted(s)
    case .date(let d): return CivilDate.format(days: d)
    case .bool(let b): return b ? "true" : "false"
    }
  }

  /// `s` in quotes. Double quotes unless the text holds a `"` and no `'`, so that the common cases need
  /// no escapes. The chosen quote is doubled rather than written `\"`: the lexer reads both, but
  /// `ScriptSplitter` only understands doubling, and a saved session must split where the lexer does.
  /// A backslash is doubled only where the lexer would otherwise read it as an escape: before a
  /// backslash, before the quote, or last (before the closing quote).
  static func quoted(_ s: String) -> String {
    let quote: Character = s.contains("\"") && !s.contains("'") ? "'" : "\""
    var out = String(quote)
    let chars = Array(s)
    for (i, c) in chars.enumerated() {
      if c == quote {
        out.append(quote)
      } else if c == "\\" {
        let next = i + 1 < chars.count ? chars[i + 1] : quote
        if next == "\\" || next == quote { out.append("\\") }
      }
      out.append(c)
    }
    out.append(quote)
    return out
  }

  /// A double in positional notation that reads back to the same value: Swift's shortest round-trip
  /// digits, with any exponent written out, since the lexer reads only `digits.digits`.
  static func doubleText(_ d: Double) -> String {
    if d.isNaN { return "nan" }  // The language has no way to write NaN; the parser never makes one.
    if d.isInfinite {
      // A number past the largest Double is how the lexer itself arrives at infinity.
      return (d < 0 ? "-1" : "1") + String(repeating: "0", count: 309) + ".0"
    }
    let text = "\(d)"
    guard let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) else { return text }
    let negative = text.hasPrefix("-")
    let mantissa = text[..<e].drop { $0 == "-" }
    guard let exponent = Int(text[text.index(after: e)...]) else { return text }
    // Digits of the mantissa without its point, and where the point stands among them.
    let point = mantissa.firstIndex(of: ".").map { mantissa.distance(from: mantissa.startIndex, to: $0) }
    var digits = Array(mantissa.filter { $0 != "." })
    var pointAt = (point ?? digits.count) + exponent
    if pointAt <= 0 {
      digits.insert(contentsOf: repeatElement("0", count: 1 - pointAt), at: 0)
      pointAt = 1
    } else if pointAt >= digits.count {
      digits.append(contentsOf: repeatElement("0", count: pointAt - digits.count))
    }
    var whole = String(digits[..<pointAt])
    var fraction = String(digits[pointAt...])
    while fraction.hasSuffix("0") { fraction.removeLast() }
    if fraction.isEmpty { fraction = "0" }
    if whole.isEmpty { whole = "0" }
    return (negative ? "-" : "") + whole + "." + fraction
  }
}

extension Predicate {
  /// The predicate in the command language, with as few parentheses as keep the tree: `and` binds
  /// tighter than `or`, both group to the left, and `not` takes the clause or parenthesis after it.
  /// Parsing the text gives this predicate again, ignoring source ranges.
  public var commandText: String { text(atLeast: .or) }

  /// How tightly a form binds, loosest first, following `Parser.predicate()`.
  enum Precedence: Int, Comparable {
    case or, and, unary

    static func < (a: Precedence, b: Precedence) -> Bool { a.rawValue < b.rawValue }
  }

  var precedence: Precedence {
    switch kind {
    case .or: return .or
    case .and: return .and
    default: return .unary
    }
  }

  /// The text, in parentheses when this predicate binds looser than its place requires.
  func text(atLeast required: Precedence) -> String {
    let body = bareText
    return precedence < required ? "(\(body))" : body
  }

  private var bareText: String {
    switch kind {
    case .compare(let name, let op, let value):
      return "\(name.commandText) \(op.rawValue) \(value.commandText)"
    case .between(let name, let low, let high, let negated):
      return "\(name.commandText)\(negated ? " not" : "") between \(low.commandText) and \(high.commandText)"
    case .oneOf(let name, let items, let negated):
      let list = items.map(\.commandText).joined(separator: ", ")
      return "\(name.commandText)\(negated ? " not" : "") in (\(list))"
    case .text(let name, let match, let value, let negated):
      return "\(name.commandText)\(negated ? " not" : "") \(match.rawValue) \(value.commandText)"
    case .isNull(let name, let negated):
      return "\(name.commandText) is \(negated ? "not " : "")null"
    case .within(let name, let amount, let unit):
      // "1 month" reads better than "1 months"; the parser takes either.
      let unitText = amount == 1 ? String(unit.rawValue.dropLast()) : unit.rawValue
      return "\(name.commandText) within \(amount) \(unitText)"
    case .before(let name, let date):
      return "\(name.commandText) before \(date.commandText)"
    case .after(let name, let date):
      return "\(name.commandText) after \(date.commandText)"
    case .reference(let name):
      return name.commandText
    case .and, .or:
      // The parser groups `a and b and c` as `(a and b) and c`, so only a right operand needs
      // parentheses at the same level. The left operands are walked in a loop, not recursively, so
      // that a chain of thousands of clauses prints without a frame per clause.
      var rights: [(word: String, operand: String)] = []
      var node = self
      var out = ""
      while true {
        let (word, level, a, b): (String, Precedence, Predicate, Predicate)
        switch node.kind {
        case .and(let x, let y): (word, level, a, b) = ("and", .and, x, y)
        case .or(let x, let y): (word, level, a, b) = ("or", .or, x, y)
        default: preconditionFailure("the loop only steps onto and/or")
        }
        rights.append((word, b.text(atLeast: level == .and ? .unary : .and)))
        if a.precedence >= level, a.precedence != .unary {
          node = a
        } else {
          out = a.text(atLeast: level)
          break
        }
      }
      for (word, operand) in rights.reversed() { out += " \(word) " + operand }
      return out
    case .not(let p):
      return "not \(p.text(atLeast: .unary))"
    }
  }
}
