import Dispatch

extension RowScan {
  /// Rows below which one thread beats two (starting a second thread costs tens of microseconds).
  static var parallelRows: Int { 1 << 17 }

  /// The scan cut in two when it is long enough to be worth a second core.
  var parts: [RowScan] { rows.count >= Self.parallelRows ? split(2) : [self] }

  /// Runs `body` on each part (with its position), concurrently when there are several, and returns
  /// the results in part order.
  ///
  /// Parts cover disjoint rows, so bodies that write only their own rows' slots do not race.
  static func run<R>(_ parts: [RowScan], _ body: (Int, RowScan) -> R) -> [R] {
    if parts.count == 1 { return [body(0, parts[0])] }
    return withoutActuallyEscaping(body) { body in
      let work = PartWork(parts: parts, body: body)
      DispatchQueue.concurrentPerform(iterations: parts.count) { work.run($0) }
      return work.results
    }
  }
}

/// The parts of a scan, their body and one result slot per part, shared by the worker threads.
///
/// Each worker writes only its own slot, and the slots are read after `concurrentPerform` returns,
/// which is why unchecked sendability is sound here.
private final class PartWork<R>: @unchecked Sendable {
  let parts: [RowScan]
  let body: (Int, RowScan) -> R
  let slots: UnsafeMutablePointer<R?>

  init(parts: [RowScan], body: @escaping (Int, RowScan) -> R) {
    self.parts = parts
    self.body = body
    slots = .allocate(capacity: parts.count)
    slots.initialize(repeating: nil, count: parts.count)
  }

  deinit {
    slots.deinitialize(count: parts.count)
    slots.deallocate()
  }

  func run(_ i: Int) { slots[i] = body(i, parts[i]) }

  var results: [R] { (0..<parts.count).map { slots[$0]! } }
}
