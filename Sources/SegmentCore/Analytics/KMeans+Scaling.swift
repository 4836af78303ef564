/// How `cluster` puts its columns on one scale before measuring distances.
public enum ClusterScaling: String, Sendable, Equatable, CaseIterable {
  /// z-scores: each column less its mean, divided by its (population) standard deviation.
  case standard
  /// Each column less its median, divided by its interquartile range, with values beyond the far-out
  /// fences (3 IQR below the first quartile or above the third) held at the fence. A handful of
  /// extreme values then neither squeeze the other rows together nor claim clusters of their own.
  case robust

  /// How far past the quartiles, in interquartile ranges, robust scaling holds values.
  static let fenceIQRs = 3.0
}

extension ColumnScale {
  /// The scale of `values` (not empty) under `scaling`.
  /// - Complexity: O(n) for standard, O(n log n) for robust (a sort for the quartiles).
  static func of(_ values: [Double], scaling: ClusterScaling) -> ColumnScale {
    var sum = 0.0
    for v in values { sum += v }
    let mean = values.isEmpty ? 0 : sum / Double(values.count)
    var squares = 0.0
    for v in values { squares += (v - mean) * (v - mean) }
    let sd = values.isEmpty ? 0 : (squares / Double(values.count)).squareRoot()
    let standard = ColumnScale(centre: mean, scale: sd > 0 ? sd : 1)
    guard scaling == .robust, !values.isEmpty else { return standard }
    let sorted = values.sorted()
    let (q1, median, q3) = (quantile(sorted, 0.25), quantile(sorted, 0.5), quantile(sorted, 0.75))
    let iqr = q3 - q1
    guard iqr > 0 else {
      var fallback = standard
      fallback.fellBack = sd > 0
      return fallback
    }
    let reach = ClusterScaling.fenceIQRs * iqr
    return ColumnScale(centre: median, scale: iqr, fences: (q1 - reach)...(q3 + reach))
  }

  /// The `p` quantile of ascending `sorted` values, interpolated as SQL's `percentile_cont`.
  static func quantile(_ sorted: [Double], _ p: Double) -> Double {
    let position = p * Double(sorted.count - 1)
    let low = Int(position.rounded(.down))
    let high = min(low + 1, sorted.count - 1)
    return sorted[low] + (position - Double(low)) * (sorted[high] - sorted[low])
  }
}
