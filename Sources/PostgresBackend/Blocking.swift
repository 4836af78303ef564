import Dispatch
import NIOCore
import SegmentPlan
import Synchronization

/// Waits for an event-loop future from synchronous code, polling the interruption flag so that Ctrl-C
/// can ask for the work to stop (seg's commands run synchronously; the client is asynchronous).
enum Blocking {
  /// The future's value.
  /// - Parameter onInterrupt: called once when the flag is raised (to cancel on the server); the wait
  ///   then goes on until the future completes, so the connection is never left mid-statement.
  /// - Parameter isBroken: polled too; when it turns true the wait ends with a connection error
  ///   (postgres-nio never completes a query sent on a connection that has closed).
  static func wait<T: Sendable>(
    _ future: EventLoopFuture<T>, interruption: Interruption, isBroken: () -> Bool = { false },
    onInterrupt: () -> Void
  ) throws -> T {
    let done = DispatchSemaphore(value: 0)
    let outcome = Mutex<Result<T, any Error>?>(nil)
    future.whenComplete { result in
      outcome.withLock { $0 = result }
      done.signal()
    }
    var cancelled = false
    while done.wait(timeout: .now() + .milliseconds(50)) == .timedOut {
      if interruption.isRequested && !cancelled {
        cancelled = true
        onInterrupt()
      }
      if isBroken() {
        throw EngineError(.connection("the connection to PostgreSQL was closed; connect again"))
      }
    }
    guard let result = outcome.withLock({ $0 }) else { throw EngineError(.connection("no answer")) }
    if cancelled { throw EngineError(.interrupted) }
    return try result.get()
  }
}
