/// The working memory of one chunk parse: field spans, room for unquoted fields and the text
/// cache. Kept in a `Pool` so that the next chunk reuses pages that are already mapped.
final class ChunkScratch {
  private(set) var spans: UnsafeMutablePointer<UInt64>
  private var spanCapacity: Int
  private var bytes: UnsafeMutablePointer<UInt8>
  private var byteCapacity: Int
  let cache = TextCache.make()

  init() {
    spanCapacity = 0
    spans = .allocate(capacity: 1)
    byteCapacity = 0
    bytes = .allocate(capacity: 1)
  }

  deinit {
    spans.deallocate()
    bytes.deallocate()
    cache.deallocate()
  }

  /// Makes `spans` hold at least `count` values (its contents are not kept).
  func reserveSpans(_ count: Int) {
    guard count > spanCapacity else { return }
    spans.deallocate()
    spans = .allocate(capacity: count)
    spanCapacity = count
  }

  /// Doubles the rows per column of a column-major span table, keeping the first `rows` spans of
  /// each of `columns` columns; returns the new `spans`.
  func growSpans(columns: Int, rows: Int, from stride: Int, to bigger: Int) -> UnsafeMutablePointer<UInt64> {
    let grown = UnsafeMutablePointer<UInt64>.allocate(capacity: bigger * columns)
    for j in 0..<columns { (grown + j * bigger).update(from: spans + j * stride, count: rows) }
    spans.deallocate()
    spans = grown
    spanCapacity = bigger * columns
    return grown
  }

  /// At least `count` bytes of scratch space.
  func scratch(_ count: Int) -> UnsafeMutablePointer<UInt8> {
    if count > byteCapacity {
      bytes.deallocate()
      bytes = .allocate(capacity: count)
      byteCapacity = count
    }
    return bytes
  }
}
