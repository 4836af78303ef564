import Columnar

/// Checks a predicate's literal against its column's type and picks the vectorised filter for it.
enum Filters {
  /// Rows where `column op literal` holds (`!=` is handled by the caller as the complement of `=`).
  static func compare(_ column: Column, _ op: ComparisonOperator, _ literal: Literal, name: Name)
    throws(EvalError) -> Bitmap
  {
    switch column.type {
    case .int, .double:
      let x = try number(literal, column: column, name: name)
      switch op {
      case .equal, .notEqual: return column.doubleRange(x, x)
      case .less: return column.doubleRange(-.infinity, x, includeHigh: false)
      case .lessOrEqual: return column.doubleRange(-.infinity, x)
      case .greater: return column.doubleRange(x, .infinity, includeLow: false)
      case .greaterOrEqual: return column.doubleRange(x, .infinity)
      }
    case .date, .timestamp:
      let day = try date(literal, column: column, name: name)
      switch op {
      case .equal, .notEqual: return column.dayRange(day, day)
      case .less: return column.dayRange(Int32.min, day - 1)
      case .lessOrEqual: return column.dayRange(Int32.min, day)
      case .greater: return column.dayRange(day + 1, Int32.max)
      case .greaterOrEqual: return column.dayRange(day, Int32.max)
      }
    case .string:
      let text = try string(literal, column: column, name: name)
      let target = Array(text.utf8)
      // Byte order, as DuckDB and `sort` compare text, so results never depend on Unicode tables.
      switch op {
      case .equal, .notEqual: return column.textMatches { $0 == text }
      case .less: return column.textMatches { $0.utf8.lexicographicallyPrecedes(target) }
      case .lessOrEqual: return column.textMatches { !target.lexicographicallyPrecedes($0.utf8) }
      case .greater: return column.textMatches { target.lexicographicallyPrecedes($0.utf8) }
      case .greaterOrEqual: return column.textMatches { !$0.utf8.lexicographicallyPrecedes(target) }
      }
    case .bool:
      guard case .bool(let b) = literal.value else { throw mismatch(column, literal, name: name) }
      guard op == .equal || op == .notEqual else {
        throw EvalError(.unsupported("\(column.name) is a Bool: compare it with = or !="), at: literal.range)
      }
      return column.boolEquals(b)
    case .list:
      throw EvalError(
        .unsupported("\(column.name) is a list: test its items with contains, starts with, ends with or in"),
        at: name.range)
    }
  }

  /// Rows whose value lies between two literals, both ends included.
  static func between(_ column: Column, _ low: Literal, _ high: Literal, name: Name) throws(EvalError)
    -> Bitmap
  {
    switch column.type {
    case .int, .double:
      return column.doubleRange(
        try number(low, column: column, name: name), try number(high, column: column, name: name))
    case .date, .timestamp:
      return column.dayRange(
        try date(low, column: column, name: name), try date(high, column: column, name: name))
    case .string:
      let lo = Array(try string(low, column: column, name: name).utf8)
      let hi = Array(try string(high, column: column, name: name).utf8)
      return column.textMatches {
        !$0.utf8.lexicographicallyPrecedes(lo) && !hi.lexicographicallyPrecedes($0.utf8)
      }
    case .bool, .list:
      throw EvalError(
        .unsupported("between needs numbers, dates or text; \(column.name) is \(column.type.displayName)"),
        at: name.range)
    }
  }

  /// Rows whose value (or, for a list, any item) is one of the literals.
  static func oneOf(_ column: Column, _ items: [Literal], name: Name) throws(EvalError) -> Bitmap {
    switch column.type {
    case .string, .list:
      var wanted: Set<String> = []
      for item in items { wanted.insert(try string(item, column: column, name: name)) }
      return column.textMatches { wanted.contains($0) }
    default:
      var mask = Bitmap(count: column.count, allSet: false)
      for item in items { mask = mask | (try compare(column, .equal, item, name: name)) }
      return mask
    }
  }

  /// Rows whose text contains, starts or ends with the literal; for a list, `contains` means an item equals it.
  static func text(_ column: Column, _ match: TextMatch, _ literal: Literal, name: Name) throws(EvalError)
    -> Bitmap
  {
    guard column.type == .string || column.type == .list else {
      throw EvalError(
        .unsupported("\(match.rawValue) works on text; \(column.name) is \(column.type.displayName)"),
        at: name.range)
    }
    let needle = try string(literal, column: column, name: name)
    let bytes = Array(needle.utf8)
    switch match {
    case .contains where column.type == .list: return column.textMatches { $0 == needle }
    case .contains: return column.textMatches { contains(Array($0.utf8), bytes) }
    case .startsWith: return column.textMatches { $0.utf8.starts(with: bytes) }
    case .endsWith: return column.textMatches { $0.utf8.reversed().starts(with: bytes.reversed()) }
    }
  }

  static func requireDate(_ column: Column, name: Name, what: String) throws(EvalError) {
    guard column.type == .date || column.type == .timestamp else {
      throw EvalError(
        .unsupported("\(what) needs a date column; \(column.name) is \(column.type.displayName)"),
        at: name.range)
    }
  }

  private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
    if needle.isEmpty { return true }
    guard haystack.count >= needle.count else { return false }
    for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
      if haystack[start..<(start + needle.count)].elementsEqual(needle) { return true }
    }
    return false
  }

  private static func number(_ literal: Literal, column: Column, name: Name) throws(EvalError) -> Double {
    switch literal.value {
    case .int(let n): return Double(n)
    case .double(let d): return d
    default: throw mismatch(column, literal, name: name)
    }
  }

  private static func date(_ literal: Literal, column: Column, name: Name) throws(EvalError) -> Int32 {
    switch literal.value {
    case .date(let d): return d
    case .string(let s):
      if let d = CivilDate.parseISODate(s) { return d }
      throw mismatch(column, literal, name: name)
    default: throw mismatch(column, literal, name: name)
    }
  }

  private static func string(_ literal: Literal, column: Column, name: Name) throws(EvalError) -> String {
    guard case .string(let s) = literal.value else { throw mismatch(column, literal, name: name) }
    return s
  }

  static func mismatch(_ column: Column, _ literal: Literal, name: Name) -> EvalError {
    EvalError(
      .typeMismatch(
        column: column.name, columnType: column.type.displayName, literal: literalText(literal),
        literalType: literal.typeName),
      at: literal.range)
  }

  static func literalText(_ literal: Literal) -> String {
    switch literal.value {
    case .int(let n): return String(n)
    case .double(let d): return Figures.shortest(d)
    case .string(let s): return "\"\(s)\""
    case .date(let d): return CivilDate.format(days: d)
    case .bool(let b): return b ? "true" : "false"
    }
  }
}
