/// Building columns from Swift arrays, as the sample generator and tests do.
extension Column {
  /// An Int column, stored in the narrowest width that holds every value.
  /// - Complexity: O(n).
  public static func int(_ name: String, _ values: [Int64?]) -> Column {
    let (plain, validity) = split(values, fill: 0)
    return Column(name: name, storage: .int(.narrowest(plain)), validity: validity)
  }

  /// A Double column.
  /// - Complexity: O(n).
  public static func double(_ name: String, _ values: [Double?]) -> Column {
    let (plain, validity) = split(values, fill: 0)
    return Column(name: name, storage: .double(plain), validity: validity)
  }

  /// A Bool column.
  /// - Complexity: O(n).
  public static func bool(_ name: String, _ values: [Bool?]) -> Column {
    let (plain, validity) = split(values, fill: false)
    return Column(name: name, storage: .bool(Bitmap(plain)), validity: validity)
  }

  /// A Date column from days since 1970-01-01 (see `CivilDate.days(year:month:day:)`).
  /// - Complexity: O(n).
  public static func date(_ name: String, days: [Int32?]) -> Column {
    let (plain, validity) = split(days, fill: 0)
    return Column(name: name, storage: .date(plain), validity: validity)
  }

  /// A Timestamp column from seconds since 1970-01-01T00:00:00 (no time zone).
  /// - Complexity: O(n).
  public static func timestamp(_ name: String, seconds: [Int64?]) -> Column {
    let (plain, validity) = split(seconds, fill: 0)
    return Column(name: name, storage: .timestamp(plain), validity: validity)
  }

  /// A String column, dictionary-encoded in order of first appearance.
  /// - Complexity: O(n) expected (one hash lookup per value).
  public static func string(_ name: String, _ values: [String?]) -> Column {
    var lookup: [String: UInt32] = [:]
    var dictionary: [String] = []
    var codes = [UInt32](repeating: 0, count: values.count)
    var validity = Bitmap(count: values.count, allSet: true)
    for (i, v) in values.enumerated() {
      guard let v else {
        validity[i] = false
        continue
      }
      if let code = lookup[v] {
        codes[i] = code
      } else {
        let code = UInt32(dictionary.count)
        lookup[v] = code
        dictionary.append(v)
        codes[i] = code
      }
    }
    return Column(name: name, storage: .string(codes: codes, dictionary: dictionary), validity: validity)
  }

  /// A List column: each row holds zero or more strings (an empty list is not null).
  /// - Complexity: O(total items) expected.
  public static func list(_ name: String, _ values: [[String]?]) -> Column {
    var lookup: [String: UInt32] = [:]
    var dictionary: [String] = []
    var offsets: [UInt32] = [0]
    offsets.reserveCapacity(values.count + 1)
    var codes: [UInt32] = []
    var validity = Bitmap(count: values.count, allSet: true)
    for (i, v) in values.enumerated() {
      if let v {
        for item in v {
          if let code = lookup[item] {
            codes.append(code)
          } else {
            let code = UInt32(dictionary.count)
            lookup[item] = code
            dictionary.append(item)
            codes.append(code)
          }
        }
      } else {
        validity[i] = false
      }
      offsets.append(UInt32(codes.count))
    }
    return Column(
      name: name, storage: .list(offsets: offsets, codes: codes, dictionary: dictionary),
      validity: validity)
  }

  private static func split<T>(_ values: [T?], fill: T) -> ([T], Bitmap) {
    var validity = Bitmap(count: values.count, allSet: true)
    var plain: [T] = []
    plain.reserveCapacity(values.count)
    for (i, v) in values.enumerated() {
      if let v {
        plain.append(v)
      } else {
        plain.append(fill)
        validity[i] = false
      }
    }
    return (plain, validity)
  }
}

extension Column {
  /// A column of `type` from boxed values (`.null` for a null row), as a query's result is built.
  /// A value of another type is a programmer's mistake.
  /// - Complexity: O(n).
  public static func of(_ name: String, type: ColumnType, _ values: [Value]) -> Column {
    func typed<T>(_ extract: (Value) -> T?) -> [T?] {
      values.map { value in
        if value == .null { return nil }
        guard let x = extract(value) else { preconditionFailure("\(value) in a \(type) column") }
        return x
      }
    }
    switch type {
    case .int: return int(name, typed { if case .int(let x) = $0 { x } else { nil } })
    case .double: return double(name, typed { if case .double(let x) = $0 { x } else { nil } })
    case .bool: return bool(name, typed { if case .bool(let x) = $0 { x } else { nil } })
    case .date: return date(name, days: typed { if case .date(let x) = $0 { x } else { nil } })
    case .timestamp:
      return timestamp(name, seconds: typed { if case .timestamp(let x) = $0 { x } else { nil } })
    case .string: return string(name, typed { if case .string(let x) = $0 { x } else { nil } })
    case .list: return list(name, typed { if case .list(let x) = $0 { x } else { nil } })
    }
  }
}

extension Column {
  /// The chosen rows of this column, in the order given, as a column of the same type: typed values
  /// are copied, and text keeps its dictionary (codes are copied, no string is hashed).
  /// - Complexity: O(rows.count), plus the items of the chosen rows for a list.
  public func taking(_ rows: [Int]) -> Column {
    let validity = self.validity.map { valid in Bitmap(rows.map { valid[$0] }) }
    let storage: ColumnStorage
    switch self.storage {
    case .int(.int8(let a)): storage = .int(.int8(rows.map { a[$0] }))
    case .int(.int16(let a)): storage = .int(.int16(rows.map { a[$0] }))
    case .int(.int32(let a)): storage = .int(.int32(rows.map { a[$0] }))
    case .int(.int64(let a)): storage = .int(.int64(rows.map { a[$0] }))
    case .double(let a): storage = .double(rows.map { a[$0] })
    case .bool(let bits): storage = .bool(Bitmap(rows.map { bits[$0] }))
    case .date(let a): storage = .date(rows.map { a[$0] })
    case .timestamp(let a): storage = .timestamp(rows.map { a[$0] })
    case .string(let codes, let dictionary):
      storage = .string(codes: rows.map { codes[$0] }, dictionary: dictionary)
    case .list(let offsets, let codes, let dictionary):
      var taken: [UInt32] = [0]
      var items: [UInt32] = []
      for row in rows {
        items.append(contentsOf: codes[Int(offsets[row])..<Int(offsets[row + 1])])
        taken.append(UInt32(items.count))
      }
      storage = .list(offsets: taken, codes: items, dictionary: dictionary)
    }
    var taken = Column(name: name, storage: storage, validity: validity)
    taken.boolWords = boolWords
    return taken
  }
}
