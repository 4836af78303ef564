/// A stored numeric type the grouped aggregates read: the four integer widths and `Double`.
///
/// Each value maps to an order-preserving 64-bit key (a < b exactly when key(a) < key(b)), so one
/// histogram and selection routine serves every type.
protocol AggregateValue: Comparable {
  /// The running sum of one group.
  associatedtype Sum
  static var zeroSum: Sum { get }
  static func add(_ value: Self, to sum: inout Sum)
  static func merge(_ other: Sum, into sum: inout Sum)
  static func total(_ sum: Sum) -> Double
  /// Start values for a running minimum and maximum.
  static var greatest: Self { get }
  static var least: Self { get }
  /// The number of bits in which the keys of every possible value differ (16 or less means a
  /// histogram over the whole type is exact).
  static var keyBits: Int { get }
  /// The key of the smallest possible value.
  static var lowestKey: UInt64 { get }
  var orderKey: UInt64 { get }
  static func double(orderKey: UInt64) -> Double
  var double: Double { get }
}

extension AggregateValue where Self: FixedWidthInteger & SignedInteger {
  static var greatest: Self { .max }
  static var least: Self { .min }
  static var keyBits: Int { Self.bitWidth }
  static var lowestKey: UInt64 { Self.min.orderKey }
  @inline(__always) var orderKey: UInt64 { UInt64(bitPattern: Int64(self)) ^ (1 << 63) }
  @inline(__always) static func double(orderKey: UInt64) -> Double {
    Double(Int64(bitPattern: orderKey ^ (1 << 63)))
  }
  @inline(__always) var double: Double { Double(self) }
}

/// Narrow integers sum in `Int64`, which cannot overflow below 2^32 rows.
extension AggregateValue where Self: FixedWidthInteger & SignedInteger, Sum == Int64 {
  static var zeroSum: Int64 { 0 }
  @inline(__always) static func add(_ value: Self, to sum: inout Int64) { sum &+= Int64(value) }
  static func merge(_ other: Int64, into sum: inout Int64) { sum &+= other }
  static func total(_ sum: Int64) -> Double { Double(sum) }
}

extension Int8: AggregateValue { typealias Sum = Int64 }
extension Int16: AggregateValue { typealias Sum = Int64 }
extension Int32: AggregateValue { typealias Sum = Int64 }

extension Int64: AggregateValue {
  /// 64-bit values sum in 128 bits, exact below 2^64 rows.
  typealias Sum = Int128
  static var zeroSum: Int128 { 0 }
  @inline(__always) static func add(_ value: Int64, to sum: inout Int128) { sum &+= Int128(value) }
  static func merge(_ other: Int128, into sum: inout Int128) { sum &+= other }
  static func total(_ sum: Int128) -> Double { Double(sum) }
}

extension Double: AggregateValue {
  typealias Sum = CompensatedSum
  static var zeroSum: CompensatedSum { CompensatedSum() }
  @inline(__always) static func add(_ value: Double, to sum: inout CompensatedSum) { sum.add(value) }
  static func merge(_ other: CompensatedSum, into sum: inout CompensatedSum) {
    sum.add(other.sum)
    sum.add(other.compensation)
  }
  static func total(_ sum: CompensatedSum) -> Double { sum.sum + sum.compensation }
  static var greatest: Double { .infinity }
  static var least: Double { -.infinity }
  static var keyBits: Int { 64 }
  static var lowestKey: UInt64 { 0 }
  /// Flips the sign bit of positives and every bit of negatives; `+ 0` turns -0 into 0 so the two
  /// zeros, equal as numbers, share a key.
  @inline(__always) var orderKey: UInt64 {
    let bits = (self + 0).bitPattern
    return bits & (1 << 63) == 0 ? bits | (1 << 63) : ~bits
  }
  @inline(__always) static func double(orderKey key: UInt64) -> Double {
    Double(bitPattern: key & (1 << 63) != 0 ? key & ~(1 << 63) : ~key)
  }
  @inline(__always) var double: Double { self }
}

/// A Neumaier-compensated running sum: the rounding error of each addition is kept aside and added
/// back at the end, so a million 2-decimal amounts sum to the right cent.
struct CompensatedSum {
  var sum = 0.0
  var compensation = 0.0

  @inline(__always) mutating func add(_ value: Double) {
    let t = sum + value
    compensation += abs(sum) >= abs(value) ? (sum - t) + value : (value - t) + sum
    sum = t
  }
}

/// Where each row's group number comes from; generic so the single-group loop reads no keys.
protocol GroupSource {
  func group(_ row: Int) -> Int
}

/// Every row in group 0.
struct OneGroup: GroupSource {
  @inline(__always) func group(_ row: Int) -> Int { 0 }
}

/// Group numbers read from a per-row array.
struct RowGroups: GroupSource {
  let keys: UnsafeBufferPointer<UInt32>
  @inline(__always) func group(_ row: Int) -> Int { Int(keys[row]) }
}

/// The rows a pass visits: all rows of a range, or the set bits of a mask, 64 rows to a word.
struct RowScan {
  /// The rows, a range whose lower bound is a multiple of 64 so a part of a scan starts on a word.
  let rows: Range<Int>
  let mask: UnsafeBufferPointer<UInt64>?

  /// The same scan cut into `parts` ranges of whole words.
  func split(_ parts: Int) -> [RowScan] {
    let words = (rows.count + 63) >> 6
    let first = rows.lowerBound >> 6
    return (0..<parts).map { p in
      let lo = Swift.min(rows.upperBound, (first + words * p / parts) << 6)
      let hi = Swift.min(rows.upperBound, (first + words * (p + 1) / parts) << 6)
      return RowScan(rows: lo..<hi, mask: mask)
    }
  }

  /// Calls `body` with each chosen row in increasing order; a full word runs as a plain loop.
  @inline(__always) func forEach(_ body: (Int) -> Void) {
    guard let mask else {
      for row in rows { body(row) }
      return
    }
    for wi in (rows.lowerBound >> 6)..<((rows.upperBound + 63) >> 6) {
      var word = mask[wi]
      let base = wi &<< 6
      if word == ~0 {
        for row in base..<(base + 64) { body(row) }
      } else {
        while word != 0 {
          body(base | word.trailingZeroBitCount)
          word &= word &- 1
        }
      }
    }
  }

  /// The first chosen row at or after `row`, or `nil`.
  func next(from row: Int) -> Int? {
    guard let mask else { return row < rows.upperBound ? row : nil }
    var wi = row >> 6
    var word = row < rows.upperBound ? mask[wi] & (~0 << UInt64(row & 63)) : 0
    while word == 0 {
      wi += 1
      if wi << 6 >= rows.upperBound { return nil }
      word = mask[wi]
    }
    return wi << 6 | word.trailingZeroBitCount
  }
}
