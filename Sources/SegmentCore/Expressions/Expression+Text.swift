extension Expression {
  /// The expression in the command language, with as few parentheses as keep the tree: `*`, `/` and `%`
  /// bind tighter than `+` and `-`, all of them group to the left, and a leading `-` binds tightest.
  /// Parsing the text gives this expression again, ignoring source ranges and the stored `text`.
  ///
  /// Unlike `text`, which is what the user typed, this follows the tree, so it stays right after the
  /// tree is changed (a column renamed) and is the same for `a*2` and `a * 2`.
  public var commandText: String { text(atLeast: .sum) }

  /// How tightly a form binds, loosest first, following `Parser.expression()`.
  enum Precedence: Int, Comparable {
    case sum, product, unary, primary

    static func < (a: Precedence, b: Precedence) -> Bool { a.rawValue < b.rawValue }
  }

  var precedence: Precedence {
    switch kind {
    case .binary(let op, _, _): return op.precedence
    case .negate: return .unary
    // The parser reads `-5` as one literal, made at the unary level.
    case .literal(let literal) where literal.isNegativeNumber: return .unary
    default: return .primary
    }
  }

  /// The text, in parentheses when this expression binds looser than its place requires.
  func text(atLeast required: Precedence) -> String {
    let body = bareText
    return precedence < required ? "(\(body))" : body
  }

  private var bareText: String {
    switch kind {
    case .literal(let literal):
      return literal.commandText
    case .null:
      return "null"
    case .column(let name):
      return name.commandText
    case .negate(let inner):
      // `-(-a)` rather than `--a`, which reads like a typo. The parser folds a minus into a number
      // literal, so a tree that negates a literal cannot come from it and prints as the folded value.
      let operand = inner.text(atLeast: .unary)
      return operand.hasPrefix("-") ? "-(\(operand))" : "-\(operand)"
    case .binary:
      // Left-grouping: `a - b - c` is `(a - b) - c`, so the right operand needs parentheses at the same
      // level and the left does not. The left operands are walked in a loop, not recursively, so that
      // a chain of thousands of terms prints without a frame per term.
      var rights: [(ArithmeticOperator, Expression)] = []
      var node = self
      var out = ""
      while case .binary(let op, let a, let b) = node.kind {
        rights.append((op, b))
        if case .binary = a.kind, a.precedence >= op.precedence {
          node = a
        } else {
          out = a.text(atLeast: op.precedence)
          break
        }
      }
      for (op, b) in rights.reversed() {
        let tighter = Precedence(rawValue: op.precedence.rawValue + 1)!
        out += " \(op.rawValue) " + b.text(atLeast: tighter)
      }
      return out
    case .call(let function, let arguments):
      // Functions are bare words: the parser reads a backtick name before `(` as a column.
      return "\(function.text)(\(arguments.map(\.commandText).joined(separator: ", ")))"
    case .caseWhen(let clauses, let otherwise):
      var parts = ["case"]
      for clause in clauses {
        parts += ["when", clause.condition.commandText, "then", clause.value.commandText]
      }
      if let otherwise { parts += ["else", otherwise.commandText] }
      parts.append("end")
      return parts.joined(separator: " ")
    }
  }
}

extension ArithmeticOperator {
  /// The level the parser reads this operator at.
  var precedence: Expression.Precedence {
    switch self {
    case .add, .subtract: return .sum
    case .multiply, .divide, .remainder: return .product
    }
  }
}

extension Literal {
  /// True for a number below zero, or -0.0: its text starts with `-`.
  var isNegativeNumber: Bool {
    switch value {
    case .int(let n): return n < 0
    case .double(let d): return d.sign == .minus && !d.isNaN
    default: return false
    }
  }
}
