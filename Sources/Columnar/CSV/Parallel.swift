import Dispatch
import Synchronization

/// Result slots written by parallel workers, one slot per index.
///
/// Workers write distinct indices only, and the slots are read after `concurrentPerform` returns,
/// which is why unchecked sendability is sound here.
final class Slots<T>: @unchecked Sendable {
  private let base: UnsafeMutablePointer<T?>
  let count: Int

  init(_ count: Int) {
    self.count = count
    base = .allocate(capacity: max(count, 1))
    base.initialize(repeating: nil, count: count)
  }

  deinit {
    base.deinitialize(count: count)
    base.deallocate()
  }

  subscript(i: Int) -> T? {
    get { base[i] }
    set { base[i] = newValue }
  }

  /// Every slot, unwrapped; all must have been filled.
  var all: [T] { (0..<count).map { base[$0]! } }
}

/// A pointer that parallel workers may share because they only read through it.
struct SharedBytes: @unchecked Sendable {
  let p: UnsafePointer<UInt8>
  let n: Int
}

/// A flag that any worker can raise and every worker can read.
final class StopFlag: @unchecked Sendable {
  private let lock = DispatchQueue(label: "seg.columnar.stop")
  private var raised = false
  var isRaised: Bool { lock.sync { raised } }
  func raise() { lock.sync { raised = true } }
}

enum Parallel {
  /// Runs `body(i)` for `0..<count` on all cores (in order when `count` is 1).
  static func forEach(_ count: Int, _ body: @Sendable (Int) -> Void) {
    if count == 1 {
      body(0)
      return
    }
    DispatchQueue.concurrentPerform(iterations: count, execute: body)
  }
}

/// Reusable objects shared by parallel workers: a worker takes one (or a new one when none is
/// free) and puts it back when done, so at most one object per concurrent worker is ever made.
final class Pool<T: AnyObject>: Sendable {
  private let free = Mutex<[UnsafeTransfer<T>]>([])
  private let make: @Sendable () -> T

  init(make: @escaping @Sendable () -> T) { self.make = make }

  func take() -> T { free.withLock { $0.popLast()?.value } ?? make() }
  func put(_ object: T) { free.withLock { $0.append(UnsafeTransfer(value: object)) } }
}

/// A value handed from one worker to the next through a lock, never used by two at once.
struct UnsafeTransfer<T>: @unchecked Sendable {
  let value: T
}
