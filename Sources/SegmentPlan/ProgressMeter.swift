import Synchronization

/// How far the running command has got, for a front end to show while it waits: written by the
/// command's workers, read by the front end's timer on another thread.
///
/// Only reads report, in bytes (a `load` of a CSV file); the figures never reach a command's output, so
/// a replayed script prints the same whatever the clock says.
public final class ProgressMeter: Sendable {
  /// One reading of the meter.
  public struct Reading: Sendable, Equatable {
    /// What is being done, e.g. `loading orders.csv`.
    public var task: String
    /// Bytes done so far, at most `total`.
    public var done: Int
    /// Bytes in all; 0 when not known yet.
    public var total: Int
    /// When the task started, by the front end's clock.
    public var started: ContinuousClock.Instant

    /// The share done, from 0 to 1; nil when the total is not known.
    public var fraction: Double? {
      total > 0 ? Double(min(done, total)) / Double(total) : nil
    }
  }

  private let task = Mutex<(name: String, started: ContinuousClock.Instant)?>(nil)
  private let done = Atomic<Int>(0)
  private let total = Atomic<Int>(0)

  /// Creates an idle meter.
  public init() {}

  /// Starts reporting `name`, its total not known yet.
  public func start(_ name: String) {
    done.store(0, ordering: .relaxed)
    total.store(0, ordering: .relaxed)
    task.withLock { $0 = (name, ContinuousClock.now) }
  }

  /// Counts `bytes` more as done, of `total` in all; safe from any number of threads at once.
  public func advance(by bytes: Int, of total: Int) {
    self.total.store(total, ordering: .relaxed)
    done.add(bytes, ordering: .relaxed)
  }

  /// Ends the task, so the meter reads idle again.
  public func finish() {
    task.withLock { $0 = nil }
  }

  /// The task under way and how far it has got; nil when idle.
  public var reading: Reading? {
    guard let current = task.withLock({ $0 }) else { return nil }
    return Reading(
      task: current.name, done: done.load(ordering: .relaxed), total: total.load(ordering: .relaxed),
      started: current.started)
  }
}
