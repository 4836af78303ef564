import SegmentCore

/// Reads commands from a pipe or file on stdin: no line editing, no prompt, no echo, so that
/// `seg < script.seg` and `generate | seg` print only what the commands print.
enum PlainReader {
  /// Runs every entry from stdin, going on after errors; stops at `quit` or a Ctrl-C.
  /// - Returns: 0 when every command succeeded, 1 when one failed, 130 when interrupted.
  static func run(session: Session) -> Int32 {
    var buffer = InputBuffer(needsMoreInput: session.needsMoreInput)
    var failed = false
    let interruptsAtStart = Signals.count
    while true {
      Signals.awaitingInput()
      let line = readLine(strippingNewline: true)
      Signals.running()
      if Signals.count != interruptsAtStart { return 130 }
      // At the end of input, whatever is pending (a dangling `\`) still runs, as in a script.
      let entry: String?
      if let line { entry = buffer.append(line) } else { entry = buffer.flush() }
      if let entry, !InputBuffer.isBlank(entry) {
        let performance = ProgressLine.showing(session) { session.perform(entry, keepGoing: true) }
        Console.write(performance)
        failed = failed || performance.failed
        if Signals.count != interruptsAtStart { return 130 }
        if performance.exitRequested { break }
      }
      if line == nil { break }
    }
    return failed ? 1 : 0
  }
}
