/// Buckets whose keys are collected, in ascending bucket index, and the ranks wanted inside them.
struct SlotTable {
  /// Bucket indices (group and bucket), ascending.
  var indices: [Int] = []
  /// Where each bucket's keys start in the collected array, and how many there are.
  var starts: [Int] = []
  var sizes: [Int] = []
  var totalSize = 0
  /// Per wanted rank, in request order: its bucket's slot, its rank there, and a caller's tag.
  var wantSlots: [Int] = []
  var wantRanks: [Int] = []
  var outputs: [Int] = []

  /// Makes room for bucket `index` of `size` keys; buckets come in ascending order.
  mutating func open(at index: Int, size: Int) {
    guard indices.last != index else { return }
    indices.append(index)
    starts.append(totalSize)
    sizes.append(size)
    totalSize += size
  }

  /// Asks for local rank `rank` of bucket `index`; ranks within a bucket come in ascending order.
  mutating func want(rank: Int, at index: Int, size: Int, output: Int) {
    open(at: index, size: size)
    wantSlots.append(indices.count - 1)
    wantRanks.append(rank)
    outputs.append(output)
  }

  /// The key at each wanted rank, in request order, selected within the collected `keys`.
  func select(_ keys: inout [UInt64]) -> [UInt64] {
    var out: [UInt64] = []
    out.reserveCapacity(wantRanks.count)
    keys.withUnsafeMutableBufferPointer { k in
      var i = 0
      while i < wantSlots.count {
        let s = wantSlots[i]
        let bucket = UnsafeMutableBufferPointer(rebasing: k[starts[s]..<(starts[s] + sizes[s])])
        var from = 0
        while i < wantSlots.count && wantSlots[i] == s {
          let rank = wantRanks[i]
          Selection.select(bucket, from..<bucket.count, rank)
          out.append(bucket[rank])
          from = rank + 1
          i += 1
        }
      }
    }
    return out
  }
}

enum Selection {
  /// Reorders `a[range]` so that `a[k]` holds the value it would hold if sorted, smaller or equal
  /// values before it and greater or equal after (Hoare's FIND, falling back to sorting when the
  /// pivots keep going badly).
  /// - Complexity: O(m) expected, O(m log m) worst case, for m = `range.count`.
  static func select(_ a: UnsafeMutableBufferPointer<UInt64>, _ range: Range<Int>, _ k: Int) {
    var lo = range.lowerBound
    var hi = range.upperBound - 1
    var budget = 2 * (Int.bitWidth - range.count.leadingZeroBitCount) + 8
    while hi - lo > 16 && budget > 0 {
      budget -= 1
      let x = a[lo]
      let y = a[lo + (hi - lo) >> 1]
      let z = a[hi]
      let pivot = Swift.max(Swift.min(x, y), Swift.min(Swift.max(x, y), z))
      var i = lo
      var j = hi
      while i <= j {
        while a[i] < pivot { i += 1 }
        while a[j] > pivot { j -= 1 }
        if i <= j {
          a.swapAt(i, j)
          i += 1
          j -= 1
        }
      }
      if k <= j {
        hi = j
      } else if k >= i {
        lo = i
      } else {
        return
      }
    }
    var part = UnsafeMutableBufferPointer(rebasing: a[lo...hi])
    part.sort()
  }
}
