import FuzzSupport
#if canImport(Glibc)
  import Glibc
#endif
import SegmentCore

/// libFuzzer entry (`Scripts/fuzz commands SECONDS`): any text, split as the shell splits a script,
/// parsed, and each command that parses run against a small workspace of sample data. A parse error
/// or an `EvalError` is fine; a crash, a hang or a sanitizer report is a bug.
///
/// Commands that reach outside the process (files, servers, sessions) are parsed but not run, and so
/// are samples too big for a fuzzing run's memory; everything else runs as in the shell.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCommands(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  var workspace = Fixture.workspace
  for statement in ScriptSplitter.statements(in: text).prefix(6) {
    guard let command = try? Parser.parse(statement.text), Fixture.runs(command) else { continue }
    var draft = workspace
    if (try? draft.run(command, interruption: Fixture.interruption)) != nil { workspace = draft }
  }
  return 0
}

enum Fixture {
  static let interruption = Interruption()

  /// Sample customers and orders with a segment, a trait and a derived column, so that inputs can
  /// name tables, columns and segments that exist.
  static let workspace: Workspace = {
    var w = Workspace()
    for text in [
      "load sample customers rows 300 seed 1", "load sample orders rows 600 seed 1", "use customers",
      "segment young = age < 30", "segment big = total_spend > 500",
      "trait spend = sum(amount) from orders by customer_id", "derive per = total_spend / orders",
    ] {
      guard let command = try? Parser.parse(text), (try? w.run(command, interruption: interruption)) != nil else {
        fatalError("the fuzz fixture's command failed: \(text)")
      }
    }
    return w
  }()

  /// Whether the fuzzer may run `command`: not one that writes or reads files, talks to a server, or
  /// builds a sample beyond a fuzzing run's memory.
  static func runs(_ command: Command) -> Bool {
    switch command {
    case .load(let load):
      if case .sample(_, let rows, _) = load.source { return rows <= 2_000 }
      return false
    case .export, .session, .lesson, .connect, .disconnect, .copy, .create, .quit: return false
    case .persona(.export): return false
    default: return true
    }
  }
}

// libFuzzer calls the entry point above, also by its C name when it links its own main.
exit(runFuzzer(fuzzCommands))
