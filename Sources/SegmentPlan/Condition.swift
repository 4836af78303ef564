import Columnar

/// A predicate bound to one table's schema: names resolved to the columns' own spelling, literals
/// checked against and converted to the columns' types, dates counted from seg's pinned *today*, and
/// segment names replaced by their definitions. What every engine evaluates; nothing here can fail.
///
/// Nulls follow SQL (DESIGN §4): a test of a null value is unknown, `not` of unknown stays unknown, and
/// a row is chosen only where the whole condition is true. Segment membership is never unknown.
public indirect enum Condition: Sendable, Hashable {
  /// `column op value`. The value is `.int` or `.double` for a number column, `.date` for a date or
  /// timestamp column (whose day is compared), `.string` for text and `.bool` (with `=` or `!=`) for a
  /// Bool column.
  case compare(String, ComparisonOperator, Value)
  /// `column [not] between low and high`, both ends included; values as for `compare`.
  case between(String, Value, Value, negated: Bool)
  /// `column [not] in (values)`; for a list column, true when any item is one of the values.
  case oneOf(String, [Value], negated: Bool)
  /// A text test of a text column; for a list column `contains` means an item equals the text.
  case text(String, TextMatch, String, negated: Bool)
  /// `column is [not] null`: never unknown.
  case isNull(String, negated: Bool)
  /// A date or timestamp column's day lies in `from...through` (nil for an open end): `within`,
  /// `before` and `after`, already counted from *today*.
  case dayRange(String, from: Int32?, through: Int32?)
  /// A Bool column used as a condition: its true rows.
  case isTrue(String)
  /// Membership of the named segment, whose definition is the bound condition.
  case segment(String, Condition)
  /// Membership of a snapshot segment: the rows it held when it was frozen (only the engine that
  /// made them can evaluate it).
  case frozen(String, rows: Bitmap)
  case and(Condition, Condition)
  case or(Condition, Condition)
  case not(Condition)
}

extension Condition {
  /// An `and`/`or` chain down its left operands, `((a or b) and c)`, unrolled without recursion: the
  /// leftmost operand that is not itself an `and`/`or`, and the `and`/`or` nodes above it, outermost
  /// first. Engines fold it back up in a loop, so a chain of thousands of clauses never recurses once
  /// per clause.
  public var leftSpine: (leftmost: Condition, spine: [Condition]) {
    var spine: [Condition] = []
    var leftmost = self
    while true {
      switch leftmost {
      case .and(let a, _), .or(let a, _):
        spine.append(leftmost)
        leftmost = a
      default:
        return (leftmost, spine)
      }
    }
  }
}
