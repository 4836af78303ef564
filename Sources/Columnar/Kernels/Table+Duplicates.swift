extension Table {
  /// The rows that repeat an earlier row exactly: set bits mark every row whose typed values, in
  /// every column, equal those of some row above it (the first of each group of equal rows is not
  /// marked).
  ///
  /// Nulls equal nulls here, as in SQL's `DISTINCT`; `0.0` equals `-0.0` and NaN equals NaN; text is
  /// compared by dictionary code, which is exact because a column's dictionary entries are distinct.
  /// Rows are hashed with a fixed function and equal hashes are confirmed value by value, so the
  /// answer never depends on hash seeds or collisions.
  /// - Complexity: O(rows × columns), one pass per column and one over the rows.
  public func duplicateRows() -> Bitmap {
    var marks = Bitmap(count: rowCount, allSet: false)
    let n = rowCount
    guard n > 1 else { return marks }
    var hashes = [UInt64](repeating: 0x243F_6A88_85A3_08D3, count: n)
    hashes.withUnsafeMutableBufferPointer { h in
      for column in columns { column.mixRowKeys(into: h) }
    }
    var capacity = 16
    while capacity < 2 * n { capacity <<= 1 }
    let mask = UInt64(capacity - 1)
    // Row + 1 in each slot; 0 is empty.
    var slots = [UInt32](repeating: 0, count: capacity)
    for row in 0..<n {
      let h = hashes[row]
      var s = Int(truncatingIfNeeded: (h ^ (h >> 31)) & mask)
      while true {
        let held = slots[s]
        if held == 0 {
          slots[s] = UInt32(truncatingIfNeeded: row + 1)
          break
        }
        let other = Int(held) - 1
        if hashes[other] == h && sameRow(other, row) {
          marks[row] = true
          break
        }
        s = (s + 1) & Int(mask)
      }
    }
    return marks
  }

  /// This table without the rows that repeat an earlier row (see `duplicateRows`), in row order,
  /// and how many were dropped.
  /// - Complexity: O(rows × columns).
  public func droppingDuplicateRows() -> (table: Table, dropped: Int) {
    let marks = duplicateRows()
    let dropped = marks.popcount()
    guard dropped > 0 else { return (self, 0) }
    let keep = (~marks).setIndices()
    do {
      return (try Table(name: name, columns: columns.map { $0.taking(keep) }), dropped)
    } catch {
      preconditionFailure("taking the same rows of every column keeps names and lengths valid: \(error)")
    }
  }

  private func sameRow(_ a: Int, _ b: Int) -> Bool {
    for column in columns where !column.sameValue(a, b) { return false }
    return true
  }
}

extension Column {
  /// Mixes each row's value (or its nullness) into `h[row]`.
  fileprivate func mixRowKeys(into h: UnsafeMutableBufferPointer<UInt64>) {
    @inline(__always) func mix(_ x: UInt64, _ k: UInt64) -> UInt64 {
      let m = (x ^ k) &* 0x9E37_79B9_7F4A_7C15
      return m ^ (m >> 29)
    }
    let n = count
    switch storage {
    case .int(.int8(let a)): for i in 0..<n { h[i] = mix(h[i], UInt64(bitPattern: Int64(a[i]))) }
    case .int(.int16(let a)): for i in 0..<n { h[i] = mix(h[i], UInt64(bitPattern: Int64(a[i]))) }
    case .int(.int32(let a)): for i in 0..<n { h[i] = mix(h[i], UInt64(bitPattern: Int64(a[i]))) }
    case .int(.int64(let a)): for i in 0..<n { h[i] = mix(h[i], UInt64(bitPattern: a[i])) }
    case .double(let a): for i in 0..<n { h[i] = mix(h[i], Self.doubleKey(a[i])) }
    case .bool(let bits): for i in 0..<n { h[i] = mix(h[i], bits[i] ? 1 : 0) }
    case .date(let a): for i in 0..<n { h[i] = mix(h[i], UInt64(bitPattern: Int64(a[i]))) }
    case .timestamp(let a): for i in 0..<n { h[i] = mix(h[i], UInt64(bitPattern: a[i])) }
    case .string(let codes, _): for i in 0..<n { h[i] = mix(h[i], UInt64(codes[i])) }
    case .list(let offsets, let codes, _):
      for i in 0..<n {
        var x = mix(h[i], UInt64(offsets[i + 1] - offsets[i]))
        for k in Int(offsets[i])..<Int(offsets[i + 1]) { x = mix(x, UInt64(codes[k])) }
        h[i] = x
      }
    }
    guard let validity else { return }
    for i in 0..<n where !validity[i] { h[i] = mix(h[i], 0x5851_F42D_4C95_7F2D) }
  }

  /// The bits a double is hashed by: one pattern for both zeros and one for every NaN.
  @inline(__always) fileprivate static func doubleKey(_ v: Double) -> UInt64 {
    v == 0 ? 0 : v.isNaN ? 0x7FF8_0000_0000_0000 : v.bitPattern
  }

  /// Whether rows `a` and `b` hold the same value (both null counts as the same).
  fileprivate func sameValue(_ a: Int, _ b: Int) -> Bool {
    let nullA = isNull(a)
    let nullB = isNull(b)
    if nullA || nullB { return nullA == nullB }
    switch storage {
    case .int(let buffer): return buffer[a] == buffer[b]
    case .double(let v): return Self.doubleKey(v[a]) == Self.doubleKey(v[b])
    case .bool(let bits): return bits[a] == bits[b]
    case .date(let v): return v[a] == v[b]
    case .timestamp(let v): return v[a] == v[b]
    case .string(let codes, _): return codes[a] == codes[b]
    case .list(let offsets, let codes, _):
      return codes[Int(offsets[a])..<Int(offsets[a + 1])] == codes[Int(offsets[b])..<Int(offsets[b + 1])]
    }
  }
}
