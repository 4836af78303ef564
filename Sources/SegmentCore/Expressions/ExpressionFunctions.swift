import Columnar

/// The functions `derive` knows, each a whole-column kernel.
extension ExpressionEvaluator {
  /// Every function name, for help and did-you-mean.
  static let functionNames = [
    "abs", "coalesce", "date", "days_since", "length", "lower", "month", "round", "upper", "year",
  ]

  func call(_ function: Name, _ arguments: [Expression], at range: SourceRange) throws(EvalError) -> Vector {
    let name = function.text.lowercased()
    guard Self.functionNames.contains(name) else {
      throw EvalError(
        .unknownFunction(function.text), at: function.range,
        suggestions: Suggestions.closest(to: function.text, among: Self.functionNames))
    }
    if name == "coalesce" {
      guard !arguments.isEmpty else { throw arity(function, .oneOrMore, at: range) }
      return try coalesce(arguments, at: range)
    }
    if name == "round" {
      guard arguments.count == 1 || arguments.count == 2 else {
        throw arity(function, .numberAndDigits, at: range)
      }
      return try round(arguments, at: range)
    }
    guard arguments.count == 1 else { throw arity(function, .one, at: range) }
    let argument = arguments[0]
    let x = try evaluate(argument)
    func wrong(_ needs: EvalError.Wanted) -> EvalError {
      EvalError(
        .wrongType(command: name, wants: needs, value: argument.text, type: x.typeName), at: argument.range)
    }
    switch (name, x.values) {
    case (_, .null): return x
    case ("days_since", .date(let days)):
      let today = Int64(try self.today(latestOf: x, at: range))
      return Vector(values: .int(days.map { today - Int64($0) }), validity: x.validity, count: x.count)
    case ("days_since", .timestamp(let seconds)):
      let today = Int64(try self.today(latestOf: x, at: range))
      return Vector(
        values: .int(seconds.map { today - Int64(CivilDate.splitTimestamp($0).days) }), validity: x.validity,
        count: x.count)
    case ("year", .date), ("year", .timestamp), ("month", .date), ("month", .timestamp):
      let wantYear = name == "year"
      let parts = dayNumbers(x).map { day -> Int64 in
        let (y, m, _) = CivilDate.components(days: day)
        return Int64(wantYear ? y : m)
      }
      return Vector(values: .int(parts), validity: x.validity, count: x.count)
    case ("days_since", _), ("year", _), ("month", _):
      throw wrong(.date)
    case ("date", .int(let numbers)):
      return Self.datesFromDigits(numbers, x)
    case ("date", .date):
      return x
    case ("date", .timestamp):
      return Vector(values: .date(dayNumbers(x)), x)
    case ("date", _):
      throw wrong(.yyyymmdd)
    case ("lower", .text(let codes, let dictionary)):
      return Vector(values: .text(codes: codes, dictionary: dictionary.map { $0.lowercased() }), x)
    case ("upper", .text(let codes, let dictionary)):
      return Vector(values: .text(codes: codes, dictionary: dictionary.map { $0.uppercased() }), x)
    case ("length", .text(let codes, let dictionary)):
      let lengths = dictionary.map { Int64($0.count) }
      return Vector(values: .int(lengths.withUnsafeBufferPointer { l in codes.map { l[Int($0)] } }), x)
    case ("lower", _), ("upper", _), ("length", _):
      throw wrong(.text)
    case ("abs", .int(let a)):
      if a.indices.contains(where: { a[$0] == .min && x.isValid($0) }) {
        throw EvalError(.integerOverflow(.abs(argument.text)), at: range)
      }
      return Vector(values: .int(a.map { $0 == .min ? 0 : Swift.abs($0) }), x)
    case ("abs", .double(let a)):
      return Vector(values: .double(a.map { Swift.abs($0) }), x)
    default:
      throw wrong(.number)
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

  private func arity(_ function: Name, _ takes: EvalError.Arity, at range: SourceRange) -> EvalError {
    EvalError(.wrongArgumentCount(function: function.text.lowercased(), takes: takes), at: range)
  }

  private func dayNumbers(_ x: Vector) -> [Int32] {
    switch x.values {
    case .date(let days): return days
    case .timestamp(let seconds): return seconds.map { CivilDate.splitTimestamp($0).days }
    default: return []
    }
  }

  private func coalesce(_ arguments: [Expression], at range: SourceRange) throws(EvalError) -> Vector {
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
  private func round(_ arguments: [Expression], at range: SourceRange) throws(EvalError) -> Vector {
    var digits: Int64 = 0
    if arguments.count == 2 {
      guard case .literal(let literal) = arguments[1].kind, case .int(let d) = literal.value, abs(d) <= 15
      else {
        throw EvalError(
          .roundDigits,
          at: arguments[1].range)
      }
      digits = d
    }
    let x = try evaluate(arguments[0])
    var scale = 1.0
    for _ in 0..<Swift.abs(digits) { scale *= 10 }
    switch x.values {
    case .null: return x
    case .int(let a):
      guard digits < 0 else { return x }
      let step = Int64(scale)
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
      throw EvalError(
        .wrongType(command: "round", wants: .number, value: arguments[0].text, type: x.typeName),
        at: arguments[0].range)
    }
  }
}

extension Vector {
  /// New values with the validity and length of `model`.
  fileprivate init(values: Values, _ model: Vector) {
    self.init(values: values, validity: model.validity, count: model.count)
  }
}
