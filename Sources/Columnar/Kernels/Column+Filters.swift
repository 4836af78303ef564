/// Vectorised filters: each returns a bitmap of the rows that satisfy a test, with null rows never set.
///
/// Strings are tested once per dictionary entry and then matched by code, so `city starts with "San"`
/// costs one string test per distinct city, not per row.
extension Column {
  /// Set bits mark rows that hold a value.
  /// - Complexity: O(n / 64).
  public var validMask: Bitmap {
    validity ?? Bitmap(count: count, allSet: true)
  }

  /// Rows whose integer value lies in `lo...hi` (an Int column).
  /// - Complexity: O(n).
  public func intRange(_ lo: Int64, _ hi: Int64) -> Bitmap {
    guard case .int(let buffer) = storage else { preconditionFailure("intRange on a \(type) column") }
    let mask: Bitmap
    switch buffer {
    case .int8(let a): mask = Column.range(a, lo, hi)
    case .int16(let a): mask = Column.range(a, lo, hi)
    case .int32(let a): mask = Column.range(a, lo, hi)
    case .int64(let a): mask = Column.range(a, lo, hi)
    }
    return withValidity(mask)
  }

  /// Rows whose value lies in `lo...hi` as Doubles (an Int or Double column); NaN never matches.
  /// - Complexity: O(n).
  public func doubleRange(_ lo: Double, _ hi: Double, includeLow: Bool = true, includeHigh: Bool = true)
    -> Bitmap
  {
    switch storage {
    case .double(let a):
      let mask: Bitmap
      switch (includeLow, includeHigh) {
      case (true, true): mask = MaskBuilder.mask(a) { $0 >= lo && $0 <= hi }
      case (true, false): mask = MaskBuilder.mask(a) { $0 >= lo && $0 < hi }
      case (false, true): mask = MaskBuilder.mask(a) { $0 > lo && $0 <= hi }
      case (false, false): mask = MaskBuilder.mask(a) { $0 > lo && $0 < hi }
      }
      return withValidity(mask)
    case .int:
      // An integer x satisfies lo <(=) x <(=) hi exactly when it lies in the integer range below.
      let low = includeLow ? lo.rounded(.up) : lo.rounded(.down) + 1
      let high = includeHigh ? hi.rounded(.down) : hi.rounded(.up) - 1
      guard low <= high, low <= 9.2e18, high >= -9.2e18 else { return Bitmap(count: count, allSet: false) }
      return intRange(Int64(max(low, -9.2e18)), Int64(min(high, 9.2e18)))
    default:
      preconditionFailure("doubleRange on a \(type) column")
    }
  }

  /// Rows whose date lies in `lo...hi` (days since 1970); for a timestamp column, whose day does.
  /// - Complexity: O(n).
  public func dayRange(_ lo: Int32, _ hi: Int32) -> Bitmap {
    switch storage {
    case .date(let a):
      return withValidity(MaskBuilder.mask(a) { $0 >= lo && $0 <= hi })
    case .timestamp(let a):
      let first = Int64(lo) * 86_400
      let last = Int64(hi) * 86_400 + 86_399
      return withValidity(MaskBuilder.mask(a) { $0 >= first && $0 <= last })
    default:
      preconditionFailure("dayRange on a \(type) column")
    }
  }

  /// Rows whose Bool value is `value`.
  /// - Complexity: O(n / 64).
  public func boolEquals(_ value: Bool) -> Bitmap {
    guard case .bool(let bits) = storage else { preconditionFailure("boolEquals on a \(type) column") }
    return withValidity(value ? bits : ~bits)
  }

  /// The first row (with a value) whose text passes `test`, or for a list whose items include one that
  /// does; nil when none does. Stops at that row: whether a table holds a value at all costs as many
  /// rows as come before the first that holds it, not a pass over the column.
  /// - Complexity: O(dictionary + rows up to the first match).
  public func firstTextMatch(_ test: (String) -> Bool) -> Int? {
    switch storage {
    case .string(let codes, let dictionary):
      let hits = dictionary.map(test)
      guard hits.contains(true) else { return nil }
      return codes.indices.first { hits[Int(codes[$0])] && !isNull($0) }
    case .list(let offsets, let codes, let dictionary):
      let hits = dictionary.map(test)
      guard hits.contains(true) else { return nil }
      return (0..<count).first { row in
        !isNull(row) && (Int(offsets[row])..<Int(offsets[row + 1])).contains { hits[Int(codes[$0])] }
      }
    default:
      preconditionFailure("firstTextMatch on a \(type) column")
    }
  }

  /// Rows whose text (a String column) or any of whose items (a List column) satisfies `test`.
  ///
  /// `test` runs once per dictionary entry.
  /// - Complexity: O(d) tests for d distinct values, then O(n) code look-ups.
  public func textMatches(_ test: (String) -> Bool) -> Bitmap {
    switch storage {
    case .string(let codes, let dictionary):
      let hits = dictionary.map(test)
      if !hits.contains(true) { return Bitmap(count: count, allSet: false) }
      let mask = hits.withUnsafeBufferPointer { table in MaskBuilder.mask(codes) { table[Int($0)] } }
      return withValidity(mask)
    case .list(let offsets, let codes, let dictionary):
      let hits = dictionary.map(test)
      if !hits.contains(true) { return Bitmap(count: count, allSet: false) }
      let mask = hits.withUnsafeBufferPointer { table in
        offsets.withUnsafeBufferPointer { o in
          codes.withUnsafeBufferPointer { c in
            MaskBuilder.maskRows(count: count) { row in
              var i = Int(o[row])
              let end = Int(o[row + 1])
              while i < end {
                if table[Int(c[i])] { return true }
                i += 1
              }
              return false
            }
          }
        }
      }
      return withValidity(mask)
    default:
      preconditionFailure("textMatches on a \(type) column")
    }
  }

  /// The rows that are both chosen (`rows`, every row when nil) and not null; nil means every row.
  /// - Complexity: O(n / 64).
  public func validRows(within rows: Bitmap?) -> Bitmap? {
    switch (rows, validity) {
    case (nil, nil): return nil
    case (let r?, nil): return r
    case (nil, let v?): return v
    case (let r?, let v?): return r & v
    }
  }

  /// `mask` with null rows cleared.
  func withValidity(_ mask: Bitmap) -> Bitmap {
    guard let validity else { return mask }
    return mask & validity
  }

  static func range<T: FixedWidthInteger & SignedInteger>(_ values: [T], _ lo: Int64, _ hi: Int64) -> Bitmap {
    // Clamp the bounds to T so the per-row test compares in T's own width.
    let low = max(lo, Int64(T.min))
    let high = min(hi, Int64(T.max))
    guard low <= high else { return Bitmap(count: values.count, allSet: false) }
    let l = T(low)
    let h = T(high)
    return MaskBuilder.mask(values) { $0 >= l && $0 <= h }
  }
}
