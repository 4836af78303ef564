extension Bitmap {
  /// A bitmap whose bit `i` is `test(values[i])`.
  /// - Complexity: O(n).
  @inlinable
  public static func from<T>(_ values: [T], where test: (T) -> Bool) -> Bitmap {
    var words = [UInt64](repeating: 0, count: (values.count + 63) >> 6)
    words.withUnsafeMutableBufferPointer { w in
      values.withUnsafeBufferPointer { v in
        for i in 0..<v.count where test(v[i]) { w[i >> 6] |= 1 << UInt64(i & 63) }
      }
    }
    return Bitmap(words: words, count: values.count)
  }

  /// Calls `body` with the index of each set bit, in increasing order.
  /// - Complexity: O(n / 64 + set bits).
  @inlinable
  public func forEachSetBit(_ body: (Int) -> Void) {
    words.withUnsafeBufferPointer { words in
      for wi in 0..<words.count {
        var w = words[wi]
        while w != 0 {
          body(wi << 6 | w.trailingZeroBitCount)
          w &= w &- 1
        }
      }
    }
  }
}
