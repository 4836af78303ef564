import Columnar

/// Arithmetic on whole vectors. Int op Int stays Int (except `/`, which gives a Double), anything with a
/// Double gives a Double, a null operand gives a null row, and dividing by zero gives null.
/// Dates take `date - date` (days, an Int) and `date ± days`.
extension Vector {
  /// `a op b`, row by row.
  /// - Parameters:
  ///   - a: the left operand, whose text names it in errors.
  ///   - b: the right operand.
  /// - Throws: `EvalError` for operand types the operator does not take, or an Int result that overflows.
  /// - Complexity: O(n).
  static func arithmetic(
    _ op: ArithmeticOperator, _ a: Vector, _ b: Vector, texts: @autoclosure () -> (String, String),
    at range: SourceRange
  ) throws(EvalError) -> Vector {
    let validity = both(a.validity, b.validity)
    let n = a.count
    switch (a.values, b.values) {
    case (.int(let x), .int(let y)):
      switch op {
      case .divide:
        return quotient(a.doubles, b.doubles, validity: validity)
      case .remainder:
        let nonZero = MaskOf.nonZero(y)
        // Any remainder by -1 is 0; computing it could trap for Int64.min.
        let r = zipped(x, y) { p, q in q == 0 || q == -1 ? 0 : p % q }
        return Vector(values: .int(r), validity: both(validity, nonZero), count: n)
      default:
        let r = try integers(op, x, y, validity: validity, texts: texts(), at: range)
        return Vector(values: .int(r), validity: validity, count: n)
      }
    case (.date(let x), .date(let y)) where op == .subtract:
      return Vector(values: .int(zipped(x, y) { Int64($0) - Int64($1) }), validity: validity, count: n)
    case (.date(let x), .int(let y)) where op == .add || op == .subtract:
      let r = try shiftedDays(x, by: y, adding: op == .add, validity: validity, texts: texts(), at: range)
      return Vector(values: .date(r), validity: validity, count: n)
    case (.int(let x), .date(let y)) where op == .add:
      let r = try shiftedDays(y, by: x, adding: true, validity: validity, texts: texts(), at: range)
      return Vector(values: .date(r), validity: validity, count: n)
    case (.null, _) where b.isNumericOrNull || b.typeName == "Date":
      // A null takes the other operand's type, as in SQL: `age + null` is a null Int.
      return typedNulls(like: b, count: n)
    case (_, .null) where a.isNumericOrNull || a.typeName == "Date":
      return typedNulls(like: a, count: n)
    default:
      guard a.isNumericOrNull, b.isNumericOrNull else {
        let bad = a.isNumericOrNull ? (texts().1, b.typeName) : (texts().0, a.typeName)
        throw EvalError(
          .wrongType(command: op.rawValue, wants: .numbers, value: bad.0, type: bad.1), at: range)
      }
      let x = a.doubles
      let y = b.doubles
      switch op {
      case .add: return Vector(values: .double(zipped(x, y, +)), validity: validity, count: n)
      case .subtract: return Vector(values: .double(zipped(x, y, -)), validity: validity, count: n)
      case .multiply: return Vector(values: .double(zipped(x, y, *)), validity: validity, count: n)
      case .divide: return quotient(x, y, validity: validity)
      case .remainder:
        let r = zipped(x, y) { $1 == 0 ? 0 : $0.truncatingRemainder(dividingBy: $1) }
        return Vector(values: .double(r), validity: both(validity, MaskOf.nonZero(y)), count: n)
      }
    }
  }

  /// `-a`.
  static func negate(_ a: Vector, text: String, at range: SourceRange) throws(EvalError) -> Vector {
    switch a.values {
    case .int(let x):
      if x.indices.contains(where: { x[$0] == .min && a.isValid($0) }) {
        throw EvalError(.integerOverflow(.negation(text)), at: range)
      }
      return Vector(values: .int(x.map { $0 == .min ? 0 : -$0 }), validity: a.validity, count: a.count)
    case .double(let x): return Vector(values: .double(x.map { -$0 }), validity: a.validity, count: a.count)
    case .null: return a
    default:
      throw EvalError(.wrongType(command: "-", wants: .number, value: text, type: a.typeName), at: range)
    }
  }

  private static func quotient(_ x: [Double], _ y: [Double], validity: Bitmap?) -> Vector {
    let r = zipped(x, y) { $1 == 0 ? 0 : $0 / $1 }
    return Vector(values: .double(r), validity: both(validity, MaskOf.nonZero(y)), count: x.count)
  }

  private static func integers(
    _ op: ArithmeticOperator, _ x: [Int64], _ y: [Int64], validity: Bitmap?,
    texts: @autoclosure () -> (String, String),
    at range: SourceRange
  ) throws(EvalError) -> [Int64] {
    var overflowed = false
    let r: [Int64]
    switch op {
    case .add:
      r = zipped(x, y) { p, q in
        let (v, o) = p.addingReportingOverflow(q)
        overflowed = overflowed || o
        return v
      }
    case .subtract:
      r = zipped(x, y) { p, q in
        let (v, o) = p.subtractingReportingOverflow(q)
        overflowed = overflowed || o
        return v
      }
    default:
      r = zipped(x, y) { p, q in
        let (v, o) = p.multipliedReportingOverflow(by: q)
        overflowed = overflowed || o
        return v
      }
    }
    // A null row's slot may hold anything; only an overflow on a row with a value is an error.
    if overflowed,
      let row = (0..<x.count).first(where: { row in
        guard validity.map({ $0[row] }) ?? true else { return false }
        switch op {
        case .add: return x[row].addingReportingOverflow(y[row]).overflow
        case .subtract: return x[row].subtractingReportingOverflow(y[row]).overflow
        default: return x[row].multipliedReportingOverflow(by: y[row]).overflow
        }
      })
    {
      throw EvalError(
        .integerOverflow(.arithmetic(texts().0, op: op.rawValue, texts().1, row: row)), at: range)
    }
    return r
  }

  /// `days ± counts`, row by row, or an error naming the first row with a value whose date would fall
  /// outside what a date can hold (an `Int32` day number): a date is never silently clamped.
  private static func shiftedDays(
    _ days: [Int32], by counts: [Int64], adding: Bool, validity: Bitmap?,
    texts: @autoclosure () -> (String, String),
    at range: SourceRange
  ) throws(EvalError) -> [Int32] {
    var outOfRange = false
    let shift = { (day: Int32, count: Int64) -> Int32? in
      let (v, o) =
        adding ? Int64(day).addingReportingOverflow(count) : Int64(day).subtractingReportingOverflow(count)
      guard !o, let date = Int32(exactly: v) else { return nil }
      return date
    }
    let r = zipped(days, counts) { day, count -> Int32 in
      guard let date = shift(day, count) else {
        outOfRange = true
        return 0
      }
      return date
    }
    if outOfRange,
      let row = (0..<days.count).first(where: { row in
        (validity.map { $0[row] } ?? true) && shift(days[row], counts[row]) == nil
      })
    {
      throw EvalError(
        .integerOverflow(.date(texts().0, op: adding ? "+" : "-", texts().1, row: row)), at: range)
    }
    return r
  }

  /// `f(x[i], y[i])` for every row, without bounds checks.
  @inline(__always)
  static func zipped<A, B, R>(_ x: [A], _ y: [B], _ f: (A, B) -> R) -> [R] {
    let n = x.count
    return [R](unsafeUninitializedCapacity: n) { out, initialized in
      x.withUnsafeBufferPointer { a in
        y.withUnsafeBufferPointer { b in
          for i in 0..<n { (out.baseAddress! + i).initialize(to: f(a[i], b[i])) }
        }
      }
      initialized = n
    }
  }
}

/// Masks of rows by value, for the null rows that division by zero makes.
enum MaskOf {
  /// Rows whose value is not zero.
  static func nonZero<T: Numeric>(_ values: [T]) -> Bitmap {
    Bitmap.from(values) { $0 != 0 }
  }
}
