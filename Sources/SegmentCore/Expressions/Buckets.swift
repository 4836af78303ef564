import Columnar

/// Cuts a numeric column into labelled bands at ascending edges, as `bucket age into 18, 25, 35, 50` does.
///
/// Each edge starts a band that runs up to the next edge: values below the first edge are `<18`,
/// values from the last edge up are `50+`. An Int column with whole-number edges gets labels of
/// whole numbers, inclusive at both ends (`18-24`: 24 is the next edge minus one, and a band of one
/// value is just `18`); a Double column, or any decimal edge, gets half-open labels (`[18, 24.5)`:
/// 18 included, 24.5 not). Null rows (and NaN) stay null.
enum Buckets {
  /// The band labels for `edges`: one more than there are edges.
  /// - Parameter wholeNumbers: true for an Int column with whole-number edges.
  static func labels(edges: [Double], wholeNumbers: Bool) -> [String] {
    guard let first = edges.first, let last = edges.last else { return [] }
    var labels = ["<" + Figures.shortest(first)]
    for (lo, hi) in zip(edges, edges.dropFirst()) {
      if wholeNumbers {
        let top = hi - 1
        labels.append(lo == top ? Figures.shortest(lo) : "\(Figures.shortest(lo))-\(Figures.shortest(top))")
      } else {
        labels.append("[\(Figures.shortest(lo)), \(Figures.shortest(hi)))")
      }
    }
    labels.append(Figures.shortest(last) + "+")
    return labels
  }

  /// Each row's band: the number of edges at or below its value (0 below the first edge).
  /// - Returns: band numbers (0 on null rows) and the rows that have one.
  /// - Precondition: the column is Int or Double and `edges` ascend.
  /// - Complexity: O(n · edges), branch-free per edge.
  static func bands(_ column: Column, edges: [Double]) -> (bands: [UInt32], validity: Bitmap?) {
    switch column.storage {
    case .double(let a):
      let bands = a.map { v in edges.reduce(UInt32(0)) { $0 + ($1 <= v ? 1 : 0) } }
      let notNaN = Bitmap.from(a) { !$0.isNaN }
      let validity = column.validity.map { $0 & notNaN } ?? notNaN
      return (bands, validity.allSet ? nil : validity)
    case .int(let buffer):
      // Integer edges compare exactly; a decimal edge e starts its band at the first integer >= e.
      let starts = edges.map { edge -> Int64 in
        let up = edge.rounded(.up)
        return up >= 9.2e18 ? .max : (up <= -9.2e18 ? .min : Int64(up))
      }
      let bands: [UInt32]
      switch buffer {
      case .int8(let a): bands = count(a, starts)
      case .int16(let a): bands = count(a, starts)
      case .int32(let a): bands = count(a, starts)
      case .int64(let a): bands = count(a, starts)
      }
      return (bands, column.validity)
    default:
      preconditionFailure("bucket on a \(column.type) column")
    }
  }

  private static func count<T: BinaryInteger>(_ values: [T], _ starts: [Int64]) -> [UInt32] {
    values.map { v in
      let x = Int64(v)
      var band: UInt32 = 0
      for s in starts { band += s <= x ? 1 : 0 }
      return band
    }
  }
}
