import CEditLine
import SegmentCore
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// What the SIGINT handler may touch: atomics only, so it stays async-signal-safe.
final class SignalState: Sendable {
  /// How many Ctrl-C presses arrived; the shell compares counts to see whether one came.
  let interrupts = Atomic<Int>(0)
  /// The running session's `Interruption`, as an unretained pointer (0 for none); the shell keeps the
  /// session alive while it is set.
  let target = Atomic<UInt>(0)
}

/// The one instance the C handler reaches, since a C function pointer cannot capture context.
let signalState = SignalState()

/// Ctrl-C handling: at the prompt it cancels the line, during a command it asks the command to stop.
enum Signals {
  private static let handler: @convention(c) (Int32) -> Void = { _ in
    signalState.interrupts.add(1, ordering: .relaxed)
    let raw = signalState.target.load(ordering: .relaxed)
    if raw != 0, let pointer = UnsafeRawPointer(bitPattern: raw) {
      Unmanaged<Interruption>.fromOpaque(pointer).takeUnretainedValue().request()
    }
  }

  /// Routes SIGINT to `interruption` until `uninstall()`; starts in the running-a-command mode.
  static func install(_ interruption: Interruption) {
    signalState.target.store(
      UInt(bitPattern: Unmanaged.passUnretained(interruption).toOpaque()),
      ordering: .relaxed)
    seg_unblock_sigint()
    running()
  }

  /// While waiting for input: a Ctrl-C makes the blocked read fail with EINTR, which ends the wait.
  static func awaitingInput() {
    seg_install_sigint(handler, 0)
  }

  /// While a command runs: system calls resume after a Ctrl-C, so a file being read is not cut
  /// short by the signal; the command sees the raised flag instead and stops cleanly.
  static func running() {
    seg_install_sigint(handler, 1)
  }

  /// Restores the default SIGINT action and forgets the interruption.
  static func uninstall() {
    signal(SIGINT, SIG_DFL)
    signalState.target.store(0, ordering: .relaxed)
  }

  /// The number of Ctrl-C presses so far.
  static var count: Int { signalState.interrupts.load(ordering: .relaxed) }
}

/// Runs `body` with Ctrl-C routed to `interruption`, as a command runs in the shell: the command
/// stops at its next check and says so, and the commands after it do not run, where the signal's
/// default action would end the process at once (a server's query in flight is then cancelled
/// rather than left running, and `seg run --report` still writes the cells that ran).
public func withCtrlCStopping<T>(_ interruption: Interruption, _ body: () throws -> T) rethrows -> T {
  Signals.install(interruption)
  defer { Signals.uninstall() }
  return try body()
}
