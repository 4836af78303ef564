import Columnar

/// A `derive` expression bound to one table's schema: names resolved to the columns' own spelling,
/// every node typed, conditions bound, and *today* pinned where `set today` pins it. What every engine
/// computes; the type rules and their errors belong to the binder, so the engines agree on them.
///
/// Each node keeps the text the user wrote and where it stood, so that an engine's own error (an Int
/// that overflows) can name the part that failed.
public struct ColumnFormula: Sendable, Hashable {
  /// The formula's shape.
  public indirect enum Kind: Sendable, Hashable {
    /// A number, text, date or Bool written in the command.
    case literal(Value)
    /// `null` with no type of its own (a typed null is `caseWhen` or `coalesce` of it).
    case null
    /// A column of the table, in its own spelling.
    case column(String)
    /// `-x` of a number.
    case negate(ColumnFormula)
    /// `a op b`. Int op Int stays Int except `/` (Double); with a Double it is Double; `date - date` is
    /// an Int of days and `date ± n` a date. Dividing by zero gives null.
    case arithmetic(ArithmeticOperator, ColumnFormula, ColumnFormula)
    /// A function of `derive`.
    case function(FormulaFunction, [ColumnFormula])
    /// `case when P then E ... [else E] end`: the first branch whose condition is true; null when none.
    case caseWhen([FormulaBranch], otherwise: ColumnFormula?)
  }

  /// The shape.
  public var kind: Kind
  /// The value's type: nil for the typeless null. A branch of `case` or an argument of `coalesce` has
  /// its own type; the node around it has the common one (an Int among Doubles is widened).
  public var type: ColumnType?
  /// The expression as written, for messages.
  public var text: String {
    get {
      switch written {
      case .text(let text): return text
      case .source(let source):
        return String(source[min(span.lowerBound, source.count)..<min(span.upperBound, source.count)])
      }
    }
    set { written = .text(newValue) }
  }
  /// Where the expression stands in the command, in characters, for messages.
  public var span: Range<Int>

  /// Where `text` comes from: a node bound from a parsed command shares the command's characters and
  /// cuts its text when asked (a message), as `Expression` does; a text per node made a chain of n
  /// terms cost O(n²) time and memory to bind (40,000 terms: minutes).
  private enum Written: Sendable {
    case text(String)
    case source([Character])
  }

  private var written: Written

  /// Creates a formula node.
  public init(_ kind: Kind, type: ColumnType?, text: String, span: Range<Int>) {
    self.kind = kind
    self.type = type
    self.written = .text(text)
    self.span = span
  }

  /// Creates a formula node whose text is `span` of `source`, the whole command (shared, not copied).
  public init(_ kind: Kind, type: ColumnType?, source: [Character], span: Range<Int>) {
    self.kind = kind
    self.type = type
    self.written = .source(source)
    self.span = span
  }

  /// Equal shapes and types written at the same place (the text follows from those).
  public static func == (a: ColumnFormula, b: ColumnFormula) -> Bool {
    a.span == b.span && a.type == b.type && a.kind == b.kind
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(kind)
    hasher.combine(type)
    hasher.combine(span)
  }

  /// The names of the columns it reads, its conditions' included, each once, in order of first use.
  public var columnsRead: [String] {
    var names: [String] = []
    var pending = [self]
    while let node = pending.popLast() {
      switch node.kind {
      case .literal, .null: break
      case .column(let name): names.append(name)
      case .negate(let x): pending.append(x)
      case .arithmetic(_, let a, let b): pending += [b, a]
      case .function(_, let arguments): pending += arguments.reversed()
      case .caseWhen(let branches, let otherwise):
        if let otherwise { pending.append(otherwise) }
        for branch in branches.reversed() {
          pending.append(branch.value)
          names += branch.condition.columnsRead
        }
      }
    }
    var seen = Set<String>()
    return names.filter { seen.insert($0.lowercased()).inserted }
  }

  /// The left operands of an arithmetic chain (`a + b + c` is `(a + b) + c`) unrolled: the leftmost
  /// operand that is not itself arithmetic, and the operator nodes above it, outermost first. Engines
  /// fold it back up in a loop, so a chain of thousands of terms never recurses once per term.
  public var leftSpine: (leftmost: ColumnFormula, spine: [ColumnFormula]) {
    var spine: [ColumnFormula] = []
    var leftmost = self
    while case .arithmetic(_, let a, _) = leftmost.kind {
      spine.append(leftmost)
      leftmost = a
    }
    return (leftmost, spine)
  }
}

/// One `when P then E` of a bound `case`.
public struct FormulaBranch: Sendable, Hashable {
  /// The condition; rows where it is unknown fall through, as in SQL.
  public var condition: Condition
  /// The value, already of the `case`'s common type.
  public var value: ColumnFormula

  /// Creates a branch.
  public init(condition: Condition, value: ColumnFormula) {
    self.condition = condition
    self.value = value
  }
}

/// The functions of `derive`, with what the binder fixed of their arguments.
public enum FormulaFunction: Sendable, Hashable {
  /// `abs(x)` of a number.
  case abs
  /// `coalesce(a, b, ...)`: the first argument that is not null.
  case coalesce
  /// `date(x)`: a date's own day, a timestamp's day, or the day a whole number written yyyymmdd stands
  /// for (null where the digits are no real date).
  case date
  /// `days_since(x)`: days from x's day to *today*: `set today` when set, else (nil) the latest day
  /// among x's own values.
  case daysSince(today: Int32?)
  /// `length(t)`: characters.
  case length
  case lower
  case upper
  case year
  case month
  /// `round(x[, digits])`: half away from zero; negative digits round to tens, hundreds...
  case round(digits: Int)

  /// 10^|digits|, what `round(x, digits)` scales a double by (up or down) and, for negative digits,
  /// the step an Int rounds to; exact, as the binder keeps |digits| at 15 or less.
  public static func roundingScale(digits: Int) -> Int64 {
    var scale: Int64 = 1
    for _ in 0..<Swift.abs(digits) { scale *= 10 }
    return scale
  }
}

extension Condition {
  /// The names of the columns it reads, segments' definitions included (a frozen segment reads none).
  public var columnsRead: [String] {
    var names: [String] = []
    var pending = [self]
    while let condition = pending.popLast() {
      switch condition {
      case .compare(let name, _, _), .between(let name, _, _, _), .oneOf(let name, _, _),
        .text(let name, _, _, _), .isNull(let name, _), .dayRange(let name, _, _), .isTrue(let name):
        names.append(name)
      case .segment(_, let definition): pending.append(definition)
      case .frozen: break
      case .and(let a, let b), .or(let a, let b): pending += [b, a]
      case .not(let a): pending.append(a)
      }
    }
    return names
  }
}
