import Foundation

/// Runs an engine's synchronous work from async code.
///
/// A server engine blocks its caller while its client works on Swift's cooperative pool, which is right
/// for seg's main thread but starves the pool when the caller is itself one of the pool's threads: on a
/// two-core machine two such callers (two tests at once) leave the client no thread at all. This runs
/// the work on a thread of its own and suspends the caller until it ends.
public enum EngineThread {
  /// The work's value, computed on a new thread.
  /// - Throws: what the work throws.
  public static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
      Thread { continuation.resume(with: Result { try work() }) }.start()
    }
  }
}
