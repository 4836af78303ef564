import Columnar

/// The functions `derive` knows, each a whole-column kernel. The binder has checked their arguments'
/// number and types.
extension ExpressionEvaluator {
  func call(_ function: FormulaFunction, _ arguments: [ColumnFormula], at range: SourceRange)
    throws(EvalError) -> Vector
  {
    switch function {
    case .coalesce: return try coalesce(arguments, at: range)
    case .round(let digits): return try round(arguments[0], digits: digits)
    default: break
    }
    let argument = arguments[0]
    let x = try evaluate(argument)
    switch (function, x.values) {
    case (_, .null): return x
    case (.daysSince(let pinned), .date(let days)):
      let today = Int64(self.today(pinned, latestOf: x))
      return Vector(values: .int(days.map { today - Int64($0) }), validity: x.validity, count: x.count)
    case (.daysSince(let pinned), .timestamp(let seconds)):
      let today = Int64(self.today(pinned, latestOf: x))
      return Vector(
        values: .int(seconds.map { today - Int64(CivilDate.splitTimestamp($0).days) }), validity: x.validity,
        count: x.count)
    case (.year, .date), (.year, .timestamp), (.month, .date), (.month, .timestamp):
      let wantYear = function == .year
      let parts = dayNumbers(x).map { day -> Int64 in
        let (y, m, _) = CivilDate.components(days: day)
        return Int64(wantYear ? y : m)
      }
      return Vector(values: .int(parts), validity: x.validity, count: x.count)
    case (.date, .int(let numbers)):
      return Self.datesFromDigits(numbers, x)
    case (.date, .date):
      return x
    case (.date, .timestamp):
      return Vector(values: .date(dayNumbers(x)), x)
    case (.lower, .text(let codes, let dictionary)):
      return Vector(values: .text(codes: codes, dictionary: dictionary.map { $0.lowercasedInContext() }), x)
    case (.upper, .text(let codes, let dictionary)):
      return Vector(values: .text(codes: codes, dictionary: dictionary.map { $0.uppercased() }), x)
    case (.length, .text(let codes, let dictionary)):
      let lengths = dictionary.map { Int64($0.unicodeScalars.count) }
      return Vector(values: .int(lengths.withUnsafeBufferPointer { l in codes.map { l[Int($0)] } }), x)
    case (.abs, .int(let a)):
      if a.indices.contains(where: { a[$0] == .min && x.isValid($0) }) {
        throw EvalError(.integerOverflow(.abs(argument.text)), at: range)
      }
      return Vector(values: .int(a.map { $0 == .min ? 0 : Swift.abs($0) }), x)
    case (.abs, .double(let a)):
      return Vector(values: .double(a.map { Swift.abs($0) }), x)
    default:
      preconditionFailure("the binder lets \(function) take only the types above, not \(x.typeName)")
    }
  }

  /// `date(n)` of whole numbers written yyyymmdd (19970101): the day each stands for, null where the
  /// digits are not a real date (19970230, 1997) so that a typo never becomes another day.
  /// - Complexity: O(n).
  static func datesFromDigits(_ numbers: [Int64], _ x: Vector) -> Vector {
    var validity = x.validMask
    var days = [Int32](repeating: 0, count: numbers.count)
    for row in 0..<numbers.count where validity[row] {
      let n = numbers[row]
      let day =
        n >= 1_01_01 && n <= 9999_12_31
        ? CivilDate.days(year: Int(n / 10_000), month: Int(n / 100 % 100), day: Int(n % 100)) : nil
      if let day { days[row] = day } else { validity[row] = false }
    }
    return Vector(values: .date(days), validity: validity, count: x.count)
  }

  private func dayNumbers(_ x: Vector) -> [Int32] {
    switch x.values {
    case .date(let days): return days
    case .timestamp(let seconds): return seconds.map { CivilDate.splitTimestamp($0).days }
    default: return []
    }
  }

  private func coalesce(_ arguments: [ColumnFormula], at range: SourceRange) throws(EvalError) -> Vector {
    var vectors: [Vector] = []
    for argument in arguments { vectors.append(try evaluate(argument)) }
    let unified = try Vector.unify(vectors, texts: arguments.map(\.text), what: "coalesce", at: range)
    var remaining = Bitmap(count: table.rowCount, allSet: true)
    var parts: [(vector: Vector, take: Bitmap)] = []
    for v in unified {
      let take = remaining & v.validMask
      remaining = remaining & ~take
      parts.append((v, take))
    }
    return Vector.select(parts, count: table.rowCount)
  }

  /// `round(x[, digits])`, half away from zero like DuckDB; digits is a whole number, negative for tens.
  private func round(_ argument: ColumnFormula, digits: Int) throws(EvalError) -> Vector {
    let x = try evaluate(argument)
    let step = FormulaFunction.roundingScale(digits: digits)
    let scale = Double(step)
    switch x.values {
    case .null: return x
    case .int(let a):
      guard digits < 0 else { return x }
      let rounded = a.map { v -> Int64 in
        let r = (v.magnitude + UInt64(step) / 2) / UInt64(step) * UInt64(step)
        return v < 0 ? -Int64(clamping: r) : Int64(clamping: r)
      }
      return Vector(values: .int(rounded), x)
    case .double(let a):
      let rounded =
        digits >= 0
        ? a.map { ($0 * scale).rounded(.toNearestOrAwayFromZero) / scale }
        : a.map { ($0 / scale).rounded(.toNearestOrAwayFromZero) * scale }
      return Vector(values: .double(rounded), x)
    default:
      preconditionFailure("the binder lets round take only numbers, not \(x.typeName)")
    }
  }
}

extension Vector {
  /// New values with the validity and length of `model`.
  fileprivate init(values: Values, _ model: Vector) {
    self.init(values: values, validity: model.validity, count: model.count)
  }
}

extension String {
  /// Lower case by Unicode's full mapping and its one context rule, Final_Sigma (a Σ that ends a word
  /// becomes ς), as PostgreSQL's ICU and Spark's Java map it; `lowercased()` maps Σ to σ everywhere.
  fileprivate func lowercasedInContext() -> String {
    guard unicodeScalars.contains("\u{03A3}") else { return lowercased() }
    let scalars = Array(unicodeScalars)
    var lowered = String.UnicodeScalarView()
    for (i, scalar) in scalars.enumerated() {
      if scalar == "\u{03A3}" && Self.endsAWord(scalars, at: i) {
        lowered.append("\u{03C2}")
      } else {
        lowered.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
      }
    }
    return String(lowered)
  }

  /// Unicode's Final_Sigma condition: a cased letter before (case-ignorable ones skipped), none after.
  private static func endsAWord(_ scalars: [Unicode.Scalar], at i: Int) -> Bool {
    var before = i - 1
    while before >= 0 && scalars[before].properties.isCaseIgnorable { before -= 1 }
    guard before >= 0 && scalars[before].properties.isCased else { return false }
    var after = i + 1
    while after < scalars.count && scalars[after].properties.isCaseIgnorable { after += 1 }
    return after == scalars.count || !scalars[after].properties.isCased
  }
}
