import Columnar
import SegmentPlan

extension SQLCompiler {
  /// A bound condition as a SQL boolean expression. SQL's three-valued AND, OR and NOT are exactly
  /// seg's (DESIGN §4); a segment's membership is made two-valued with COALESCE.
  /// - Throws: `EngineError.unsupported` for a snapshot segment, whose rows only memory holds.
  public func condition(_ condition: Condition) throws(EngineError) -> SQLText {
    switch condition {
    case .and, .or: return try chain(condition)
    case .not(let c): return "(NOT " + (try self.condition(c)) + ")"
    case .segment(_, let definition): return "COALESCE(" + (try self.condition(definition)) + ", FALSE)"
    case .frozen(let name, _):
      throw EngineError(
        .unsupported("segment \(name) is a snapshot of rows in memory; define it without 'as of snapshot'"))
    case .isNull(let name, let negated):
      return SQLText("(\(column(name)) IS \(negated ? "NOT " : "")NULL)")
    case .isTrue(let name):
      return SQLText("(\(column(name)) = TRUE)")
    case .compare(let name, let op, let value):
      let sqlOp = op == .notEqual ? "<>" : op.rawValue
      let text = try comparable(name, ordered: op != .equal && op != .notEqual)
      return "(\(text) \(sqlOp) " + (try literal(value)) + ")"
    case .between(let name, let low, let high, let negated):
      let test =
        "(\(try comparable(name, ordered: true)) BETWEEN " + (try literal(low)) + " AND "
        + (try literal(high)) + ")"
      return negated ? "(NOT " + test + ")" : test
    case .oneOf(let name, let values, let negated):
      var items: [SQLText] = []
      for value in values { items.append(try literal(value)) }
      let test: SQLText
      if try type(of: name) == .list {
        test = dialect.listAny(column(name), equalTo: items)
      } else {
        test = "(\(try comparable(name, ordered: false)) IN (" + SQLText.joined(items, separator: ", ") + "))"
      }
      return negated ? "(NOT " + test + ")" : test
    case .text(let name, let match, let needle, let negated):
      let test: SQLText
      if try type(of: name) == .list {
        test =
          match == .contains
          ? dialect.listAny(column(name), equalTo: [.parameter(needle)])
          : dialect.listAny(column(name), match, .parameter(needle))
      } else {
        test = dialect.textTest(match, column(name), .parameter(needle))
      }
      return negated ? "(NOT " + test + ")" : test
    case .dayRange(let name, let from, let through):
      let day = try comparable(name, ordered: true)
      var tests: [String] = []
      if let from { tests.append("\(day) >= \(dialect.dateLiteral(days: from))") }
      if let through { tests.append("\(day) <= \(dialect.dateLiteral(days: through))") }
      if tests.isEmpty { tests.append("\(day) = \(day)") }
      return SQLText("(" + tests.joined(separator: " AND ") + ")")
    }
  }

  /// An AND/OR and those down its left operand, `((a OR b) OR c)`, written in a loop: a chain of
  /// thousands of clauses must not recurse once per clause.
  private func chain(_ condition: Condition) throws(EngineError) -> SQLText {
    let (leftmost, spine) = condition.leftSpine
    var text = SQLText(String(repeating: "(", count: spine.count))
    text.append(try self.condition(leftmost))
    for node in spine.reversed() {
      switch node {
      case .and(_, let b):
        text.append(" AND ")
        text.append(try self.condition(b))
      case .or(_, let b):
        text.append(" OR ")
        text.append(try self.condition(b))
      default: break
      }
      text.append(")")
    }
    return text
  }

  /// A column as it is compared: a timestamp by its day, text by bytes when order matters.
  private func comparable(_ name: String, ordered: Bool) throws(EngineError) -> String {
    switch try type(of: name) {
    case .timestamp: return dialect.day(of: column(name))
    case .string where ordered: return dialect.bytewise(column(name))
    default: return column(name)
    }
  }

  /// A bound value: text as a parameter, numbers, days and booleans written out.
  func literal(_ value: Value) throws(EngineError) -> SQLText {
    switch value {
    case .string(let s): return .parameter(s)
    case .int, .double: return SQLText(dialect.numberLiteral(value))
    case .date(let days): return SQLText(dialect.dateLiteral(days: days))
    case .bool(let b): return SQLText(b ? "TRUE" : "FALSE")
    default: throw EngineError(.unsupported("a condition cannot compare with \(value)"))
    }
  }
}
