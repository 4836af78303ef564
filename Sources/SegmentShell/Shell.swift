import CEditLine
import SegmentCore

#if canImport(Glibc)
  import Glibc
#endif

/// The interactive front end of seg: libedit on a terminal, plain line reading from a pipe or file.
///
/// The only place, with CEditLine, that knows about terminals; every command goes through
/// `Session.perform`, exactly as `seg run` and `seg -c` do.
public enum Shell {
  /// The greeting shown before the first prompt: what this is and how to start.
  static var greeting: String {
    "seg \(segVersion) — type 'load sample' to start, 'help' for commands, 'lesson' to learn, Ctrl-D to quit"
  }

  /// The prompt for the next line: the cell number, or the continuation mark inside an entry.
  static func prompt(cell: Int, continuing: Bool) -> String {
    continuing ? "   ...> " : "seg [\(cell)]> "
  }

  /// Reads and runs commands until Ctrl-D, `quit` or the end of input.
  ///
  /// On a terminal: line editing, history in `options.historyPath`, Tab completion and Ctrl-C that
  /// cancels the line at the prompt or stops the running command. Otherwise lines are read plainly
  /// and every command runs even after one fails.
  /// - Returns: the exit code: 0 on a terminal; from a pipe 0 when every command succeeded, 1 when
  ///   one failed, 130 when interrupted by Ctrl-C.
  public static func run(session: Session, options: ShellOptions) -> Int32 {
    // Without the user's locale libedit drops every non-ASCII character typed.
    setlocale(LC_CTYPE, "")
    Signals.install(session.interruption)
    defer { Signals.uninstall() }
    if isatty(0) == 1, let code = interact(session: session, options: options) {
      return code
    }
    return withExtendedLifetime(session) { PlainReader.run(session: session) }
  }

  /// The line-editing loop; nil when libedit cannot start, so the caller reads plainly instead.
  static func interact(session: Session, options: ShellOptions) -> Int32? {
    guard let history = LineHistory(path: options.historyPath),
      let editor = LineEditor(
        history: history, colorPrompt: session.style.color,
        complete: { session.completions(line: $0, cursor: $1) })
    else { return nil }
    if options.showGreeting { Console.write(greeting + "\n") }
    var buffer = InputBuffer(needsMoreInput: session.needsMoreInput)
    while true {
      let width = Int(seg_terminal_width(1))
      if width > 0 {
        session.style.width = width
        editor.width = width
      }
      Signals.awaitingInput()
      let reading = editor.read(
        prompt: prompt(cell: session.nextCellNumber, continuing: !buffer.isEmpty))
      Signals.running()
      let entry: String?
      switch reading {
      case .cancelled:
        buffer.clear()
        Console.write("\n")
        continue
      case .endOfInput:
        // Leave the user's shell prompt on a line of its own.
        Console.write("\n")
        entry = buffer.flush()
      case .line(let line):
        entry = buffer.append(line)
      }
      if let entry, !InputBuffer.isBlank(entry) {
        history.add(entry)
        let performance = ProgressLine.showing(session) { session.perform(entry) }
        Console.write(performance)
        if performance.exitRequested { return 0 }
      }
      if reading == .endOfInput { return 0 }
    }
  }
}
