import Synchronization

/// How far the running command has got, for a front end to show while it waits: written by the
/// command's workers, read by the front end's timer on another thread.
///
/// Only reads report: bytes of a file (`load` of a CSV file), rows of a server's table (`load pg.t`).
/// The figures never reach a command's output, so a replayed script prints the same whatever the clock
/// says.
public final class ProgressMeter: Sendable {
  /// One reading of the meter.
  public struct Reading: Sendable, Equatable {
    /// What is being done, e.g. `loading orders.csv`.
    public var task: String
    /// What `done` and `total` count.
    public var unit: Unit
    /// Units done so far, at most `total`.
    public var done: Int
    /// Units in all; 0 when not known yet.
    public var total: Int
    /// When the task started, by the front end's clock.
    public var started: ContinuousClock.Instant

    /// The share done, from 0 to 1; nil when the total is not known.
    public var fraction: Double? {
      total > 0 ? Double(min(done, total)) / Double(total) : nil
    }
  }

  /// What a meter counts.
  public enum Unit: Sendable, Equatable {
    case bytes, rows
  }

  private let task = Mutex<(name: String, unit: Unit, started: ContinuousClock.Instant)?>(nil)
  private let done = Atomic<Int>(0)
  private let total = Atomic<Int>(0)

  /// Creates an idle meter.
  public init() {}

  /// Starts reporting `name`, counted in `unit`, its total not known yet.
  public func start(_ name: String, unit: Unit = .bytes) {
    done.store(0, ordering: .relaxed)
    total.store(0, ordering: .relaxed)
    task.withLock { $0 = (name, unit, ContinuousClock.now) }
  }

  /// Counts `units` more as done, of `total` in all; safe from any number of threads at once.
  public func advance(by units: Int, of total: Int) {
    self.total.store(total, ordering: .relaxed)
    done.add(units, ordering: .relaxed)
  }

  /// Counts `units` more as done, the total as it was set (by `expect` or an earlier `advance`).
  public func advance(by units: Int) {
    done.add(units, ordering: .relaxed)
  }

  /// Sets how many units there are in all, when it is known before the work starts.
  public func expect(_ total: Int) {
    self.total.store(total, ordering: .relaxed)
  }

  /// Ends the task, so the meter reads idle again.
  public func finish() {
    task.withLock { $0 = nil }
  }

  /// The task under way and how far it has got; nil when idle.
  public var reading: Reading? {
    guard let current = task.withLock({ $0 }) else { return nil }
    return Reading(
      task: current.name, unit: current.unit, done: done.load(ordering: .relaxed),
      total: total.load(ordering: .relaxed),
      started: current.started)
  }
}
