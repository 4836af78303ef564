/// Builds bitmaps from per-row tests, 64 rows to a word, the inner loop free of bounds checks so the
/// compiler can unroll and vectorise it.
enum MaskBuilder {
  /// A bitmap whose bit `i` is `test(values[i])`.
  /// - Complexity: O(n), one call of `test` per row.
  @inline(__always)
  static func mask<T>(_ values: [T], _ test: (T) -> Bool) -> Bitmap {
    let n = values.count
    var words = [UInt64](repeating: 0, count: (n + 63) >> 6)
    values.withUnsafeBufferPointer { v in
      words.withUnsafeMutableBufferPointer { w in
        var base = 0
        var wi = 0
        while base + 64 <= n {
          var word: UInt64 = 0
          for bit in 0..<64 where test(v[base + bit]) { word |= 1 << UInt64(bit) }
          w[wi] = word
          wi += 1
          base += 64
        }
        if base < n {
          var word: UInt64 = 0
          for bit in 0..<(n - base) where test(v[base + bit]) { word |= 1 << UInt64(bit) }
          w[wi] = word
        }
      }
    }
    return Bitmap(words: words, count: n)
  }

  /// A bitmap whose bit `i` is `test(i)`, for tests that need the row number (lists, bools).
  @inline(__always)
  static func maskRows(count n: Int, _ test: (Int) -> Bool) -> Bitmap {
    var words = [UInt64](repeating: 0, count: (n + 63) >> 6)
    words.withUnsafeMutableBufferPointer { w in
      for wi in 0..<w.count {
        let base = wi << 6
        let end = min(64, n - base)
        var word: UInt64 = 0
        for bit in 0..<end where test(base + bit) { word |= 1 << UInt64(bit) }
        w[wi] = word
      }
    }
    return Bitmap(words: words, count: n)
  }
}
