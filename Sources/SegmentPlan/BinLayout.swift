/// The equal-width bins of `Operation.bins`, worked out once for every engine from the least and
/// greatest value.
public enum BinLayout {
  /// Whole numbers: the smallest whole width that covers `hi - lo + 1` values in at most `bins` bins,
  /// and how many bins that makes.
  public static func whole(lo: Int64, hi: Int64, bins: Int) -> (width: Int64, count: Int) {
    let span = hi - lo + 1
    let asked = Int64(max(1, bins))
    let width = max(1, (span + asked - 1) / asked)
    return (width, Int((span + width - 1) / width))
  }

  /// Decimals: `bins` bins of equal width between `lo` and `hi`, or one bin of width 0 when they are
  /// equal.
  public static func decimal(lo: Double, hi: Double, bins: Int) -> (width: Double, count: Int) {
    let count = lo == hi ? 1 : max(1, bins)
    return ((hi - lo) / Double(count), count)
  }

  /// The bin of a decimal `x`: counted from `lo` in widths, the maximum falling in the last bin.
  public static func bin(of x: Double, lo: Double, width: Double, count: Int) -> Int {
    let i = width == 0 ? 0 : Int((x - lo) / width)
    return min(count - 1, max(0, i))
  }
}
