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

/// The centre and scale of one column, and what robust scaling did to it.
struct ColumnScale: Equatable {
  /// Subtracted from each value: the mean, or the median when robust.
  var centre: Double
  /// Each value is divided by it: the standard deviation or the IQR, 1 for a constant column.
  var scale: Double
  /// The range values are held in (robust scaling with an IQR above 0 only).
  var fences: ClosedRange<Double>?
  /// True when robust scaling met an IQR of 0 (over half the values equal) and fell back to the mean
  /// and standard deviation, unclipped.
  var fellBack = false

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

  /// A value on this scale, held at the fences first; `clipped` counts the values that were.
  @inline(__always)
  func scaled(_ v: Double, clipped: inout Int) -> Double {
    var x = v
    if let fences, !fences.contains(v) {
      x = min(max(v, fences.lowerBound), fences.upperBound)
      clipped += 1
    }
    return (x - centre) / scale
  }
}
