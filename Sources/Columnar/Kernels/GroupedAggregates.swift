/// Count, sum, min, max and exact quantiles of a numeric column per group, nulls left out.
public struct NumericAggregates: Sendable, Equatable {
  /// The number of chosen non-null rows.
  public var count: Int
  /// Their sum (0 when there are none).
  public var sum: Double
  /// The smallest value, or `nil` when `count` is 0.
  public var min: Double?
  /// The largest value, or `nil` when `count` is 0.
  public var max: Double?
  /// One continuous quantile per requested fraction, in request order; `nil` when `count` is 0.
  public var quantiles: [Double?]

  /// The arithmetic mean, or `nil` when `count` is 0.
  public var mean: Double? { count == 0 ? nil : sum / Double(count) }

  /// Creates aggregates from their parts.
  public init(count: Int, sum: Double, min: Double?, max: Double?, quantiles: [Double?]) {
    self.count = count
    self.sum = sum
    self.min = min
    self.max = max
    self.quantiles = quantiles
  }
}

extension Column {
  /// Count, sum, min, max and continuous quantiles of this Int or Double column per group, nulls left out.
  ///
  /// Quantiles are continuous, as DuckDB's `quantile_cont`: the value at position q·(n−1) of the
  /// sorted values, interpolating linearly between the two closest ranks. Int sums are exact; Double
  /// sums are compensated (Neumaier), so money summed over millions of rows rounds to the right cent.
  ///
  /// Nothing is sorted. Int8 columns (and Int16 with at most 16 groups) take one pass that counts
  /// every value per group, from which everything follows exactly. Otherwise each value maps to an
  /// order-preserving 64-bit key; a sample of the rows fixes each group's key range, in up to 2^16
  /// buckets, one pass sums each group and counts its keys per bucket, and the histogram then names
  /// the bucket holding each wanted rank (min and max are ranks too). Buckets one key wide give the
  /// value outright; the rest are collected in a second pass that reads 2-byte bucket codes saved by
  /// the first and touches values only in those buckets, and are selected in place. With more than
  /// 256 groups each group's values are gathered and selected instead. Long columns are split across
  /// two threads.
  /// - Parameters:
  ///   - groups: The group number of each row (`count` entries, each below `groupCount`), or `nil` to
  ///     aggregate every chosen row as one group (`groupCount` is then ignored).
  ///   - groupCount: The number of groups; the result has one entry per group, empty groups included.
  ///   - rows: The chosen rows (`count` bits), or `nil` for all rows.
  ///   - quantiles: Fractions in `0...1`, for example `[0.5, 0.25, 0.75]`.
  /// - Returns: One `NumericAggregates` per group, in group-number order.
  /// - Complexity: O(n + g·2^16) for n rows and g groups: one or two passes over the rows.
  public func numericAggregates(groups: [UInt32]?, groupCount: Int, rows: Bitmap?, quantiles: [Double])
    -> [NumericAggregates]
  {
    let groupCount = groups == nil ? 1 : groupCount
    precondition(groupCount >= 0, "negative group count")
    if let groups { precondition(groups.count == count, "group keys differ in length from the column") }
    if let rows { precondition(rows.count == count, "row selection differs in length from the column") }
    for q in quantiles { precondition(q >= 0 && q <= 1, "quantile \(q) outside 0...1") }
    let mask: [UInt64]? =
      switch (rows, validity) {
      case (nil, nil): nil
      case (let r?, nil): r.words
      case (nil, let v?): v.words
      case (let r?, let v?): (r & v).words
      }
    switch storage {
    case .int(.int8(let a)): return Self.aggregate(a, groups, groupCount, mask, quantiles)
    case .int(.int16(let a)): return Self.aggregate(a, groups, groupCount, mask, quantiles)
    case .int(.int32(let a)): return Self.aggregate(a, groups, groupCount, mask, quantiles)
    case .int(.int64(let a)): return Self.aggregate(a, groups, groupCount, mask, quantiles)
    case .double(let a): return Self.aggregate(a, groups, groupCount, mask, quantiles)
    default: preconditionFailure("numericAggregates on a \(type) column")
    }
  }

  private static func aggregate<T: AggregateValue>(
    _ values: [T], _ groups: [UInt32]?, _ groupCount: Int, _ mask: [UInt64]?, _ quantiles: [Double]
  ) -> [NumericAggregates] {
    values.withUnsafeBufferPointer { v in
      withOptionalBuffer(mask) { m in
        let scan = RowScan(rows: 0..<v.count, mask: m)
        guard let groups else {
          return GroupedAggregator(values: v, groups: OneGroup(), groupCount: groupCount, scan: scan)
            .run(quantiles)
        }
        return groups.withUnsafeBufferPointer { g in
          GroupedAggregator(values: v, groups: RowGroups(keys: g), groupCount: groupCount, scan: scan)
            .run(quantiles)
        }
      }
    }
  }
}

@inline(__always)
private func withOptionalBuffer<R>(_ array: [UInt64]?, _ body: (UnsafeBufferPointer<UInt64>?) -> R) -> R {
  guard let array else { return body(nil) }
  return array.withUnsafeBufferPointer { body($0) }
}
