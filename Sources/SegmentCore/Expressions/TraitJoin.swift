import Columnar

/// Matches the rows of a source table (orders, events) to the rows of the current table by a key.
enum TraitJoin {
  /// Why keys could not be matched.
  enum Failure: Error {
    /// The current table holds this key on more than one row.
    case duplicate(String)
    /// The key columns' types do not match, or are not Int or String.
    case types
  }

  /// For each source row, the current table's row with the same key, or -1 (no such key, a null key).
  /// - Parameters:
  ///   - key: the current table's key column, unique among its non-null rows.
  ///   - sourceKey: the source table's key column.
  /// - Throws: `Failure.duplicate` naming a repeated key of `key`, `Failure.types` when the types differ.
  /// - Complexity: O(n + m): a dense array indexed by key when the keys are compact integers (customer ids),
  ///   a hash map otherwise; strings are matched once per dictionary entry.
  static func targets(key: Column, sourceKey: Column) throws(Failure) -> [Int32] {
    switch (key.storage, sourceKey.storage) {
    case (.int(let keys), .int(let sourceKeys)):
      let index = try IntKeyIndex(keys.asInt64, validity: key.validity)
      var targets: [Int32]
      switch sourceKeys {
      case .int8(let a): targets = index.rows(of: a)
      case .int16(let a): targets = index.rows(of: a)
      case .int32(let a): targets = index.rows(of: a)
      case .int64(let a): targets = index.rows(of: a)
      }
      clearNulls(&targets, sourceKey.validity)
      return targets
    case (.string(let codes, let dictionary), .string(let sourceCodes, let sourceDictionary)):
      var rowOfCode = [Int32](repeating: -1, count: dictionary.count)
      for row in 0..<codes.count where !key.isNull(row) {
        let code = Int(codes[row])
        guard rowOfCode[code] < 0 else { throw .duplicate("\"\(dictionary[code])\"") }
        rowOfCode[code] = Int32(row)
      }
      var rowOfText: [String: Int32] = [:]
      for (code, text) in dictionary.enumerated() where rowOfCode[code] >= 0 {
        rowOfText[text] = rowOfCode[code]
      }
      let map = sourceDictionary.map { rowOfText[$0] ?? -1 }
      var targets = map.withUnsafeBufferPointer { m in sourceCodes.map { m[Int($0)] } }
      clearNulls(&targets, sourceKey.validity)
      return targets
    default:
      throw .types
    }
  }

  private static func clearNulls(_ targets: inout [Int32], _ validity: Bitmap?) {
    guard let validity else { return }
    (~validity).forEachSetBit { targets[$0] = -1 }
  }
}

/// Integer keys to row numbers: a dense array over the keys' range when it is small, else a dictionary.
private struct IntKeyIndex {
  private var low: Int64 = 0
  private var dense: [Int32] = []
  private var sparse: [Int64: Int32]?

  init(_ keys: [Int64], validity: Bitmap?) throws(TraitJoin.Failure) {
    var lo = Int64.max
    var hi = Int64.min
    for row in keys.indices where validity.map({ $0[row] }) ?? true {
      lo = min(lo, keys[row])
      hi = max(hi, keys[row])
    }
    guard lo <= hi else { return }
    low = lo
    let span = hi.subtractingReportingOverflow(lo)
    if !span.overflow, span.partialValue < Int64(max(4 * keys.count, 1 << 16)) {
      dense = [Int32](repeating: -1, count: Int(span.partialValue) + 1)
      for row in keys.indices where validity.map({ $0[row] }) ?? true {
        let slot = Int(keys[row] - lo)
        guard dense[slot] < 0 else { throw .duplicate(String(keys[row])) }
        dense[slot] = Int32(row)
      }
    } else {
      var map = [Int64: Int32](minimumCapacity: keys.count)
      for row in keys.indices where validity.map({ $0[row] }) ?? true {
        guard map.updateValue(Int32(row), forKey: keys[row]) == nil else {
          throw .duplicate(String(keys[row]))
        }
      }
      sparse = map
    }
  }

  /// The row holding each key, or -1.
  func rows<T: FixedWidthInteger>(of keys: [T]) -> [Int32] {
    if let sparse { return keys.map { sparse[Int64($0)] ?? -1 } }
    let count = Int64(dense.count)
    let low = self.low
    return dense.withUnsafeBufferPointer { d in
      keys.map { key in
        let slot = Int64(key) &- low
        return slot >= 0 && slot < count ? d[Int(slot)] : -1
      }
    }
  }
}
