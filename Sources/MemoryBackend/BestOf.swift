/// Keeps the best `limit` items offered, for top-N and sorted-with-limit without a full sort.
///
/// A binary heap whose root is the kept item that would be dropped first.
/// - Complexity: O(log limit) per `offer`.
struct BestOf<Element> {
  private let limit: Int
  /// True when `a` ranks before `b`; must be a strict total order for the result to be unique.
  private let precedes: (Element, Element) -> Bool
  private var heap: [Element] = []

  init(_ limit: Int, by precedes: @escaping (Element, Element) -> Bool) {
    self.limit = max(0, limit)
    self.precedes = precedes
  }

  /// Keeps `item` if it ranks among the best `limit` so far.
  mutating func offer(_ item: Element) {
    guard limit > 0 else { return }
    if heap.count < limit {
      heap.append(item)
      var i = heap.count - 1
      while i > 0, precedes(heap[(i - 1) / 2], heap[i]) {
        heap.swapAt(i, (i - 1) / 2)
        i = (i - 1) / 2
      }
    } else if precedes(item, heap[0]) {
      heap[0] = item
      var i = 0
      while true {
        let l = 2 * i + 1
        let r = l + 1
        var m = i
        if l < heap.count, precedes(heap[m], heap[l]) { m = l }
        if r < heap.count, precedes(heap[m], heap[r]) { m = r }
        if m == i { return }
        heap.swapAt(i, m)
        i = m
      }
    }
  }

  /// The kept items, best first.
  func sorted() -> [Element] {
    heap.sorted(by: precedes)
  }
}
