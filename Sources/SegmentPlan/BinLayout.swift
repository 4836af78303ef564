/// The equal-width bins of `Operation.bins`, worked out once for every engine from the least and
/// greatest value.
///
/// A column may span more than its type can subtract (`Int64.min` to `Int64.max`, `-1e308` to
/// `1e308`): offsets from the least value are then taken unsigned (whole numbers) or in widths
/// (decimals), never by a subtraction that overflows.
public enum BinLayout {
  /// Whole numbers: the smallest whole width that covers `hi - lo + 1` values in at most `bins` bins,
  /// and how many bins that makes. A width never exceeds `Int64.max`, so when the values span more
  /// than that and fewer than 3 bins are asked, the layout has up to 3.
  public static func whole(lo: Int64, hi: Int64, bins: Int) -> (width: Int64, count: Int) {
    let span = UInt64(bitPattern: hi &- lo)  // hi - lo, exact for any lo <= hi
    let asked = UInt64(max(1, bins))
    // ceil((span + 1) / asked) without computing span + 1, which overflows at 2^64.
    let quotient = span / asked
    let width = quotient >= UInt64(Int64.max) ? UInt64(Int64.max) : quotient + 1
    return (Int64(width), Int(span / width) + 1)
  }

  /// Whether `hi - lo` overflows, so that offsets from `lo` must be taken unsigned.
  public static func isWide(lo: Int64, hi: Int64) -> Bool {
    hi.subtractingReportingOverflow(lo).overflow
  }

  /// The bin of a whole `x` in a layout from `lo`.
  public static func bin(of x: Int64, lo: Int64, width: Int64) -> Int {
    Int(UInt64(bitPattern: x &- lo) / UInt64(width))
  }

  /// The least value of bin `i` and the greatest (`hi` for the last bin).
  public static func bounds(ofBin i: Int, lo: Int64, hi: Int64, width: Int64) -> (start: Int64, end: Int64) {
    // Every bin starts at or below hi, so the wrapped sum is the exact start.
    let start = lo &+ Int64(i) &* width
    let end = UInt64(bitPattern: hi &- start) < UInt64(width) ? hi : start + (width - 1)
    return (start, end)
  }

  /// Decimals: `bins` bins of equal width between `lo` and `hi`, or one bin of width 0 when they are
  /// equal. The width is finite even when `hi - lo` is not, unless one bin must span every Double.
  public static func decimal(lo: Double, hi: Double, bins: Int) -> (width: Double, count: Int) {
    let count = lo == hi ? 1 : max(1, bins)
    let width = (hi - lo) / Double(count)
    return (width.isFinite ? width : hi / Double(count) - lo / Double(count), count)
  }

  /// Whether `x - lo` may overflow to infinity in a layout, so that offsets are taken in widths.
  public static func isWide(width: Double, count: Int) -> Bool {
    !(width * Double(count)).isFinite
  }

  /// The least value of decimal bin `i` (of `count`), which for `i == count` is where the last ends.
  public static func start(ofBin i: Int, lo: Double, hi: Double, width: Double, count: Int) -> Double {
    guard isWide(width: width, count: count) else { return lo + Double(i) * width }
    // i · width may pass Double's largest value although the start does not: weigh the ends.
    let t = Double(i) / Double(count)
    return i == count ? hi : lo * (1 - t) + hi * t
  }

  /// The bin of a decimal `x`: counted from `lo` in widths, the maximum falling in the last bin.
  public static func bin(of x: Double, lo: Double, width: Double, count: Int) -> Int {
    guard width != 0 else { return 0 }
    var offset = (x - lo) / width
    if !offset.isFinite { offset = x / width - lo / width }
    guard offset.isFinite else { return 0 }
    return Int(min(Double(count - 1), max(0, offset.rounded(.down))))
  }
}
