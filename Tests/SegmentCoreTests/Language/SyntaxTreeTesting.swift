@testable import SegmentCore

/// Helpers for the printer tests: parsing a whole predicate or expression, comparing trees without
/// their source ranges, and building trees by hand or at random.
enum SyntaxTree {
  /// The predicate `source` spells, requiring the whole text to be used.
  static func predicate(_ source: String) throws -> Predicate {
    var parser = Parser(tokens: try Lexer.tokenize(source))
    parser.source = Array(source)
    let predicate = try parser.predicate()
    try parser.expectEnd()
    return predicate
  }

  /// The expression `source` spells, requiring the whole text to be used.
  static func expression(_ source: String) throws -> Expression {
    var parser = Parser(tokens: try Lexer.tokenize(source))
    parser.source = Array(source)
    let expression = try parser.expression()
    try parser.expectEnd()
    return expression
  }

  static let nowhere = SourceRange(0, 0)

  static func name(_ text: String) -> Name { Name(text, at: nowhere) }
  static func literal(_ value: Literal.Value) -> Literal { Literal(value, at: nowhere) }
  static func predicate(_ kind: Predicate.Kind) -> Predicate { Predicate(kind, at: nowhere) }
  static func expression(_ kind: Expression.Kind) -> Expression { Expression(kind, at: nowhere, text: "") }
}

// Trees with every range set to the same place and no recorded source text, so that `==` compares shape
// and values only. Doubles still compare with `==` (so -0.0 equals 0.0); the literal tests check bits.
extension Name {
  var stripped: Name { Name(text, at: SyntaxTree.nowhere) }
}

extension Literal {
  var stripped: Literal { Literal(value, at: SyntaxTree.nowhere) }
}

extension Predicate {
  var stripped: Predicate {
    let kind: Kind
    switch self.kind {
    case .compare(let n, let op, let l): kind = .compare(n.stripped, op, l.stripped)
    case .between(let n, let a, let b, let negated):
      kind = .between(n.stripped, a.stripped, b.stripped, negated: negated)
    case .oneOf(let n, let items, let negated):
      kind = .oneOf(n.stripped, items.map(\.stripped), negated: negated)
    case .text(let n, let m, let l, let negated): kind = .text(n.stripped, m, l.stripped, negated: negated)
    case .isNull(let n, let negated): kind = .isNull(n.stripped, negated: negated)
    case .within(let n, let amount, let unit): kind = .within(n.stripped, amount: amount, unit: unit)
    case .before(let n, let l): kind = .before(n.stripped, l.stripped)
    case .after(let n, let l): kind = .after(n.stripped, l.stripped)
    case .reference(let n): kind = .reference(n.stripped)
    case .and(let a, let b): kind = .and(a.stripped, b.stripped)
    case .or(let a, let b): kind = .or(a.stripped, b.stripped)
    case .not(let p): kind = .not(p.stripped)
    }
    return Predicate(kind, at: SyntaxTree.nowhere)
  }
}

extension Expression {
  var stripped: Expression {
    let kind: Kind
    switch self.kind {
    case .literal(let l): kind = .literal(l.stripped)
    case .null: kind = .null
    case .column(let n): kind = .column(n.stripped)
    case .negate(let e): kind = .negate(e.stripped)
    case .binary(let op, let a, let b): kind = .binary(op, a.stripped, b.stripped)
    case .call(let f, let arguments): kind = .call(f.stripped, arguments.map(\.stripped))
    case .caseWhen(let clauses, let otherwise):
      kind = .caseWhen(
        clauses.map { WhenClause(condition: $0.condition.stripped, value: $0.value.stripped) },
        otherwise: otherwise?.stripped)
    }
    return Expression(kind, at: SyntaxTree.nowhere, text: "")
  }
}

/// A small deterministic generator (SplitMix64), so that random trees are the same on every run.
struct SplitMix {
  var state: UInt64

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
  mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
  mutating func coin() -> Bool { next() & 1 == 0 }
}

/// Random trees of the shapes the parser can make, from names and values chosen to be awkward.
struct TreeGenerator {
  var random: SplitMix

  static let names = [
    "age", "Annual Income (k$)", "first name", "and", "OR", "not", "in", "then", "case", "null", "true",
    "end", "when", "else", "between", "is", "prénom", "日本", "🎉 fans", "2024 sales", "a-b", "_x1", "",
    "it's \"quoted\"",
  ]
  static let strings = [
    "", "Perth", "it's", "say \"hi\"", "both ' and \"", "a;b # c", "C:\\data\\", "\\\"", "\\\\", "Zoë 🎉",
    "tab\there", "${x}", "then", "`tick`",
  ]
  static let functions = ["lower", "round", "days_since", "coalesce", "abs", "upper"]

  mutating func name() -> Name { SyntaxTree.name(random.pick(Self.names)) }

  mutating func literal() -> Literal {
    switch random.below(5) {
    case 0: return SyntaxTree.literal(.int(Int64(bitPattern: random.next()) >> random.below(64)))
    case 1: return SyntaxTree.literal(.double(double()))
    case 2: return SyntaxTree.literal(.string(random.pick(Self.strings)))
    case 3: return date()
    default: return SyntaxTree.literal(.bool(random.coin()))
    }
  }

  mutating func double() -> Double {
    switch random.below(3) {
    case 0: return random.pick([0.1, -0.0, 1e20, 1e-7, 123.456, -2.5, 5e-324, .greatestFiniteMagnitude])
    case 1: return Double(Int64(bitPattern: random.next()) >> random.below(64)) / 1000
    default:
      let d = Double(bitPattern: random.next())
      return d.isFinite ? d : 1.5
    }
  }

  mutating func date() -> Literal {
    // Years 0000-9999: the lexer reads dates with four-digit years only.
    SyntaxTree.literal(.date(Int32(random.below(3_652_425)) - 719_528))
  }

  mutating func predicate(depth: Int) -> Predicate {
    let leaf = depth == 0 || random.below(3) == 0
    if !leaf {
      switch random.below(3) {
      case 0: return SyntaxTree.predicate(.and(predicate(depth: depth - 1), predicate(depth: depth - 1)))
      case 1: return SyntaxTree.predicate(.or(predicate(depth: depth - 1), predicate(depth: depth - 1)))
      default: return SyntaxTree.predicate(.not(predicate(depth: depth - 1)))
      }
    }
    let n = name()
    let text = SyntaxTree.literal(.string(random.pick(Self.strings)))
    switch random.below(9) {
    case 0: return SyntaxTree.predicate(.compare(n, random.pick(ComparisonOperator.allCases), literal()))
    case 1: return SyntaxTree.predicate(.between(n, literal(), literal(), negated: random.coin()))
    case 2:
      let items = (0...random.below(3)).map { _ in literal() }
      return SyntaxTree.predicate(.oneOf(n, items, negated: random.coin()))
    case 3:
      let match = random.pick([TextMatch.contains, .startsWith, .endsWith])
      return SyntaxTree.predicate(.text(n, match, text, negated: random.coin()))
    case 4: return SyntaxTree.predicate(.isNull(n, negated: random.coin()))
    case 5:
      let unit = random.pick(DurationUnit.allCases)
      return SyntaxTree.predicate(.within(n, amount: random.below(400), unit: unit))
    case 6: return SyntaxTree.predicate(.before(n, date()))
    case 7: return SyntaxTree.predicate(.after(n, date()))
    default: return SyntaxTree.predicate(.reference(n))
    }
  }

  mutating func expression(depth: Int) -> Expression {
    let leaf = depth == 0 || random.below(3) == 0
    if leaf {
      switch random.below(3) {
      case 0: return SyntaxTree.expression(.literal(literal()))
      case 1: return SyntaxTree.expression(.null)
      default: return SyntaxTree.expression(.column(name()))
      }
    }
    switch random.below(4) {
    case 0:
      // The parser folds a minus into a number literal, so it never negates one.
      var inner = expression(depth: depth - 1)
      if case .literal(let l) = inner.kind, case .int = l.value { inner = SyntaxTree.expression(.null) }
      if case .literal(let l) = inner.kind, case .double = l.value { inner = SyntaxTree.expression(.null) }
      return SyntaxTree.expression(.negate(inner))
    case 1:
      let op = random.pick(ArithmeticOperator.allCases)
      return SyntaxTree.expression(.binary(op, expression(depth: depth - 1), expression(depth: depth - 1)))
    case 2:
      let arguments = (0..<random.below(3)).map { _ in expression(depth: depth - 1) }
      return SyntaxTree.expression(.call(SyntaxTree.name(random.pick(Self.functions)), arguments))
    default:
      let clauses = (0...random.below(2)).map { _ in
        WhenClause(condition: predicate(depth: 2), value: expression(depth: depth - 1))
      }
      let otherwise = random.coin() ? expression(depth: depth - 1) : nil
      return SyntaxTree.expression(.caseWhen(clauses, otherwise: otherwise))
    }
  }
}
