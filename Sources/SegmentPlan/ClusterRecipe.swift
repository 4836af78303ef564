/// The centre and scale `cluster` puts one column on before measuring distances, and what robust
/// scaling did to it.
public struct ColumnScale: Sendable, Hashable {
  /// Subtracted from each value: the mean, or the median when robust.
  public var centre: Double
  /// Each value is divided by it: the standard deviation or the IQR, 1 for a constant column.
  public var scale: Double
  /// The range values are held in (robust scaling with an IQR above 0 only).
  public var fences: ClosedRange<Double>?
  /// True when robust scaling met an IQR of 0 (over half the values equal) and fell back to the mean
  /// and standard deviation, unclipped.
  public var fellBack = false

  /// Creates a scale.
  public init(centre: Double, scale: Double, fences: ClosedRange<Double>? = nil, fellBack: Bool = false) {
    self.centre = centre
    self.scale = scale
    self.fences = fences
    self.fellBack = fellBack
  }

  /// A value on this scale, held at the fences first; `clipped` counts the values that were.
  @inline(__always)
  public func scaled(_ v: Double, clipped: inout Int) -> Double {
    var x = v
    if let fences, !fences.contains(v) {
      x = min(max(v, fences.lowerBound), fences.upperBound)
      clipped += 1
    }
    return (x - centre) / scale
  }
}

/// `cluster k=N on a, b, ...` as fitted: the Int column `cluster` holding, on each row with a value in
/// every input column (NaN counts as none), the number of the centre nearest to the row once each
/// input is put on its scale; null on the other rows.
///
/// "Nearest" is fixed to the bit so that every engine labels a row alike: the squared distance to a
/// centre is `0 + (z₁ - c₁)² + (z₂ - c₂)² + ...` summed in column order, in double precision, with
/// `z = (value held at the fences - centre) / scale`, and the first centre in `centres`' order with
/// the smallest distance wins. That is the k-means fit's own last assignment, so the column holds the
/// labels the fit reports.
public struct ClusterRecipe: Sendable, Hashable {
  /// The name of the column it adds (or replaces).
  public static let columnName = "cluster"

  /// The input columns, as the table spells them.
  public var columns: [String]
  /// Per input column, its scale.
  public var scales: [ColumnScale]
  /// Row-major centres in scaled units (`columns.count` values each), in the order ties go: the first
  /// nearest wins.
  public var centres: [Double]
  /// Each centre's cluster number (1...k), parallel to the centres.
  public var numbers: [Int]

  /// Creates a recipe.
  /// - Precondition: one scale per column, `columns.count` values per centre, one number per centre.
  public init(columns: [String], scales: [ColumnScale], centres: [Double], numbers: [Int]) {
    precondition(scales.count == columns.count && centres.count == columns.count * numbers.count)
    self.columns = columns
    self.scales = scales
    self.centres = centres
    self.numbers = numbers
  }

  /// The number of clusters.
  public var k: Int { numbers.count }

  /// The number of the centre nearest to a row, given its values (no null, no NaN among them) in input
  /// order; scales them in place.
  /// - Complexity: O(k · d).
  @inline(__always)
  public func number(scaling values: inout [Double]) -> Int {
    let d = columns.count
    var clipped = 0
    for j in 0..<d { values[j] = scales[j].scaled(values[j], clipped: &clipped) }
    var best = 0
    var bestDistance = Double.infinity
    for cluster in 0..<k {
      var s = 0.0
      for j in 0..<d {
        let delta = values[j] - centres[cluster * d + j]
        s += delta * delta
      }
      if s < bestDistance {
        bestDistance = s
        best = cluster
      }
    }
    return numbers[best]
  }
}
