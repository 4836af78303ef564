import Synchronization

/// A flag the front end raises (on Ctrl-C) to stop the running command; long loops poll it.
///
/// Lock-free, so a signal handler may raise it.
public final class Interruption: Sendable {
  private let flag = Atomic<Bool>(false)
  /// How far the running command has got, for the front end that would interrupt it to show.
  public let progress = ProgressMeter()

  /// Creates a lowered flag.
  public init() {}

  /// Asks the running command to stop.
  public func request() {
    flag.store(true, ordering: .relaxed)
  }

  /// Lowers the flag before the next command.
  public func clear() {
    flag.store(false, ordering: .relaxed)
  }

  /// True once a stop was asked for.
  public var isRequested: Bool {
    flag.load(ordering: .relaxed)
  }
}
