import Dispatch
import SegmentPlan
import Synchronization

/// Runs the client's async calls from seg's synchronous commands, with Ctrl-C turned into a server-side
/// interrupt.
///
/// The same shape as PostgresBackend's `Blocking` (poll a semaphore every 50 ms, watch the
/// `Interruption` flag, keep waiting after asking the server to stop so nothing is left mid-flight), but
/// over an async closure instead of an `EventLoopFuture`.
public enum SparkBlocking {
  /// The work's value.
  ///
  /// Call from a thread outside Swift's cooperative pool (seg's main thread): the work runs in a `Task`
  /// on that pool while this thread sleeps.
  /// - Parameters:
  ///   - interruption: polled every 50 ms.
  ///   - onInterrupt: sent when the flag is raised, and again every second while the work goes on, since
  ///     an interrupt that reaches Spark before the operation is registered stops nothing.
  ///   - work: the async calls.
  /// - Throws: `EngineError(.interrupted)` once interrupted, whatever the work then ended with;
  ///   otherwise the work's `SparkError` mapped by `SparkError.engineError`.
  public static func run<T: Sendable>(
    interruption: Interruption,
    onInterrupt: @escaping @Sendable () async -> Void = {},
    _ work: @escaping @Sendable () async throws(SparkError) -> T
  ) throws(EngineError) -> T {
    let done = DispatchSemaphore(value: 0)
    let outcome = Mutex<Result<T, SparkError>?>(nil)
    let task = Task {
      let result: Result<T, SparkError>
      do throws(SparkError) {
        result = .success(try await work())
      } catch {
        result = .failure(error)
      }
      outcome.withLock { $0 = result }
      done.signal()
    }
    var interruptedAt: DispatchTime?
    while done.wait(timeout: .now() + .milliseconds(50)) == .timedOut {
      guard interruption.isRequested else { continue }
      let now = DispatchTime.now()
      if let last = interruptedAt, now.uptimeNanoseconds - last.uptimeNanoseconds < 1_000_000_000 { continue }
      interruptedAt = now
      Task { await onInterrupt() }
    }
    _ = task
    guard let result = outcome.withLock({ $0 }) else { throw EngineError(.connection("no answer")) }
    if interruptedAt != nil { throw EngineError(.interrupted) }
    switch result {
    case .success(let value): return value
    case .failure(let error): throw error.engineError
    }
  }
}

extension SparkConnectClient {
  /// Runs a query from synchronous code; Ctrl-C interrupts it on the server.
  /// - Throws: `EngineError`: `.interrupted`, `.connection`, `.unknownTable` or `.server`.
  public func executeSQL(_ query: String, arguments: [String] = [], interruption: Interruption)
    throws(EngineError) -> SparkResult
  {
    let operationID = Self.newOperationID()
    return try SparkBlocking.run(
      interruption: interruption,
      onInterrupt: { _ = try? await self.interrupt(operationID: operationID) },
      { () async throws(SparkError) -> SparkResult in
        try await self.executeSQL(
          query, arguments: arguments, operationID: operationID,
          onRows: { interruption.progress.advance(by: $0) })
      })
  }

  /// Runs a statement from synchronous code; Ctrl-C interrupts it on the server.
  /// - Throws: `EngineError`.
  public func executeCommand(_ statement: String, arguments: [String] = [], interruption: Interruption)
    throws(EngineError)
  {
    let operationID = Self.newOperationID()
    _ = try SparkBlocking.run(
      interruption: interruption,
      onInterrupt: { _ = try? await self.interrupt(operationID: operationID) },
      { () async throws(SparkError) -> String in
        try await self.executeCommand(statement, arguments: arguments, operationID: operationID)
      })
  }
}

extension SparkError {
  /// The engine's view of this error: a proposal for the engine layer, which may map it differently.
  public var engineError: EngineError {
    switch kind {
    case .cancelled: return EngineError(.interrupted)
    case .badURL, .unreachable, .unauthenticated: return EngineError(.connection(message))
    case .protocolViolation: return EngineError(.connection(message))
    case .server(let errorClass, _, _):
      // ARITHMETIC_OVERFLOW, CAST_OVERFLOW, DATETIME_OVERFLOW...: a value past its type's range.
      let outOfRange =
        errorClass?.hasSuffix("_OVERFLOW") == true || errorClass == "DATETIME_FIELD_OUT_OF_BOUNDS"
      return EngineError(outOfRange ? .outOfRange(message) : .server(message), code: errorClass)
    }
  }
}
