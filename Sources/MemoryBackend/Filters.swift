import Columnar
import SegmentPlan

/// The vectorised filter for each test of a bound condition. Values arrive already of the column's type
/// (the binder checked them), so a mismatch here is a programmer's mistake.
enum Filters {
  /// Rows where `column op value` holds (`!=` is handled by the caller as the complement of `=`).
  static func compare(_ column: Column, _ op: ComparisonOperator, _ value: Value) -> Bitmap {
    switch column.type {
    case .int, .double:
      let x = number(value)
      switch op {
      case .equal, .notEqual: return column.doubleRange(x, x)
      case .less: return column.doubleRange(-.infinity, x, includeHigh: false)
      case .lessOrEqual: return column.doubleRange(-.infinity, x)
      case .greater: return column.doubleRange(x, .infinity, includeLow: false)
      case .greaterOrEqual: return column.doubleRange(x, .infinity)
      }
    case .date, .timestamp:
      let day = self.day(value)
      switch op {
      case .equal, .notEqual: return column.dayRange(day, day)
      case .less: return column.dayRange(Int32.min, day - 1)
      case .lessOrEqual: return column.dayRange(Int32.min, day)
      case .greater: return column.dayRange(day + 1, Int32.max)
      case .greaterOrEqual: return column.dayRange(day, Int32.max)
      }
    case .string:
      let text = self.text(value)
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
      guard case .bool(let b) = value else { preconditionFailure("a Bool column compared with \(value)") }
      return column.boolEquals(b)
    case .list:
      preconditionFailure("a list column compared with \(op.rawValue): bind it first")
    }
  }

  /// Rows whose value lies between two values, both ends included.
  static func between(_ column: Column, _ low: Value, _ high: Value) -> Bitmap {
    switch column.type {
    case .int, .double:
      return column.doubleRange(number(low), number(high))
    case .date, .timestamp:
      return column.dayRange(day(low), day(high))
    case .string:
      let lo = Array(text(low).utf8)
      let hi = Array(text(high).utf8)
      return column.textMatches {
        !$0.utf8.lexicographicallyPrecedes(lo) && !hi.lexicographicallyPrecedes($0.utf8)
      }
    case .bool, .list:
      preconditionFailure("between on a \(column.type) column: bind it first")
    }
  }

  /// Rows whose value (or, for a list, any item) is one of the values.
  static func oneOf(_ column: Column, _ values: [Value]) -> Bitmap {
    switch column.type {
    case .string, .list:
      let wanted = Set(values.map(text))
      return column.textMatches { wanted.contains($0) }
    default:
      var mask = Bitmap(count: column.count, allSet: false)
      for value in values { mask = mask | compare(column, .equal, value) }
      return mask
    }
  }

  /// Whether any row of a text or list column holds one of `values`, from the first row that does; nil
  /// for a column of another type.
  static func holdsAny(_ column: Column, _ values: [Value]) -> Bool? {
    guard column.type == .string || column.type == .list else { return nil }
    let wanted = Set(values.map(text))
    return column.firstTextMatch { wanted.contains($0) } != nil
  }

  /// Rows whose text contains, starts or ends with `needle`; for a list, `contains` means an item equals it.
  static func text(_ column: Column, _ match: TextMatch, _ needle: String) -> Bitmap {
    let bytes = Array(needle.utf8)
    switch match {
    case .contains where column.type == .list: return column.textMatches { $0 == needle }
    case .contains: return column.textMatches { contains(Array($0.utf8), bytes) }
    case .startsWith: return column.textMatches { $0.utf8.starts(with: bytes) }
    case .endsWith: return column.textMatches { $0.utf8.reversed().starts(with: bytes.reversed()) }
    case .equalsIgnoringCase:
      let folded = TextMatch.foldingCase(needle)
      return column.textMatches { TextMatch.foldingCase($0) == folded }
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

  private static func number(_ value: Value) -> Double {
    switch value {
    case .int(let n): return Double(n)
    case .double(let d): return d
    default: preconditionFailure("a number column compared with \(value)")
    }
  }

  private static func day(_ value: Value) -> Int32 {
    guard case .date(let d) = value else { preconditionFailure("a date column compared with \(value)") }
    return d
  }

  private static func text(_ value: Value) -> String {
    guard case .string(let s) = value else { preconditionFailure("a text column compared with \(value)") }
    return s
  }
}
