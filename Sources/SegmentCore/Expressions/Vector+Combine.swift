import Columnar

/// Putting several vectors together row by row, as `coalesce` and `case` do: first bring them to one
/// type, then take each row from the vector that a mask gives it to.
extension Vector {
  /// The vectors converted to their common type: Int with Double gives Double, texts share one
  /// dictionary, and the typeless null takes the others' type.
  /// - Parameters:
  ///   - texts: each vector's expression as written, to name the ones that do not fit.
  ///   - what: the construct, for the message ("coalesce", "case").
  /// - Throws: `EvalError` when two vectors have types that do not mix.
  /// - Complexity: O(n) per vector.
  static func unify(_ vectors: [Vector], texts: [String], what: String, at range: SourceRange)
    throws(EvalError) -> [Vector]
  {
    let typed = vectors.indices.filter { vectors[$0].typeName != "null" }
    guard let first = typed.first else { return vectors }
    let names = Set(typed.map { vectors[$0].typeName })
    if names.count == 1, names.first != "String" {
      return vectors.map { $0.typeName == "null" ? typedNulls(like: vectors[first], count: $0.count) : $0 }
    }
    if names == ["Int", "Double"] {
      return vectors.map { v in
        v.typeName == "null"
          ? typedNulls(like: vectors[typed.first { vectors[$0].typeName == "Double" }!], count: v.count)
          : Vector(values: .double(v.doubles), validity: v.validity, count: v.count)
      }
    }
    if names == ["String"] { return mergeTexts(vectors) }
    let other = typed.first { vectors[$0].typeName != vectors[first].typeName }!
    throw EvalError(
      .mixedTypes(
        command: what, first: texts[first], firstType: vectors[first].typeName, second: texts[other],
        secondType: vectors[other].typeName), at: range)
  }

  /// Nulls of the same type as `model`.
  static func typedNulls(like model: Vector, count: Int) -> Vector {
    let values: Values
    switch model.values {
    case .int: values = .int([Int64](repeating: 0, count: count))
    case .double: values = .double([Double](repeating: 0, count: count))
    case .bool: values = .bool(Bitmap(count: count, allSet: false))
    case .date: values = .date([Int32](repeating: 0, count: count))
    case .timestamp: values = .timestamp([Int64](repeating: 0, count: count))
    case .text: values = .text(codes: [UInt32](repeating: 0, count: count), dictionary: [""])
    case .null: values = .null
    }
    return Vector(values: values, validity: Bitmap(count: count, allSet: false), count: count)
  }

  /// Texts recoded into one shared dictionary (the typeless nulls become null texts).
  private static func mergeTexts(_ vectors: [Vector]) -> [Vector] {
    var lookup: [String: UInt32] = [:]
    var dictionary: [String] = []
    var out: [Vector] = []
    for v in vectors {
      guard case .text(let codes, let own) = v.values else {
        out.append(
          Vector(
            values: .text(codes: [UInt32](repeating: 0, count: v.count), dictionary: dictionary),
            validity: Bitmap(count: v.count, allSet: false), count: v.count))
        continue
      }
      let map = own.map { s -> UInt32 in
        if let code = lookup[s] { return code }
        let code = UInt32(dictionary.count)
        lookup[s] = code
        dictionary.append(s)
        return code
      }
      let recoded = map.withUnsafeBufferPointer { m in codes.map { m[Int($0)] } }
      out.append(Vector(values: .text(codes: recoded, dictionary: []), validity: v.validity, count: v.count))
    }
    // Every vector refers to the final, complete dictionary.
    return out.map { v in
      guard case .text(let codes, _) = v.values else { return v }
      return Vector(values: .text(codes: codes, dictionary: dictionary), validity: v.validity, count: v.count)
    }
  }

  /// One vector whose row `r` comes from the part whose mask has `r` set; rows in no mask are null.
  /// - Precondition: the parts share one type (see `unify`) and their masks are disjoint.
  /// - Complexity: O(n / 64 + rows taken) per part.
  static func select(_ parts: [(vector: Vector, take: Bitmap)], count n: Int) -> Vector {
    var validity = Bitmap(count: n, allSet: false)
    for part in parts { validity = validity | part.take }
    guard let model = parts.first(where: { $0.vector.typeName != "null" })?.vector else { return nulls(n) }
    func gather<T>(_ zero: T, _ read: (Vector) -> [T]) -> [T] {
      var out = [T](repeating: zero, count: n)
      out.withUnsafeMutableBufferPointer { o in
        for part in parts where part.vector.typeName != "null" {
          let values = read(part.vector)
          values.withUnsafeBufferPointer { v in part.take.forEachSetBit { o[$0] = v[$0] } }
        }
      }
      return out
    }
    let values: Values
    switch model.values {
    case .int: values = .int(gather(0) { $0.ints })
    case .double: values = .double(gather(0) { $0.doubles })
    case .date:
      values = .date(
        gather(0) { v in
          if case .date(let a) = v.values { return a }
          return []
        })
    case .timestamp:
      values = .timestamp(
        gather(0) { v in
          if case .timestamp(let a) = v.values { return a }
          return []
        })
    case .text(_, let dictionary):
      values = .text(
        codes: gather(0) { v in
          if case .text(let c, _) = v.values { return c }
          return []
        }, dictionary: dictionary)
    case .bool:
      var bits = Bitmap(count: n, allSet: false)
      for part in parts {
        if case .bool(let b) = part.vector.values { bits = bits | (b & part.take) }
      }
      values = .bool(bits)
    case .null: values = .null
    }
    return Vector(values: values, validity: validity.allSet ? nil : validity, count: n)
  }
}
