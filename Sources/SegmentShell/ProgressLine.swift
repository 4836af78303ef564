import CEditLine
import Dispatch
import SegmentCore

#if canImport(Glibc)
  import Glibc
#endif

/// The line on stderr that shows how far a long `load` has got (DESIGN §3): drawn only when stderr
/// is a terminal, only once the task has run for `delay`, redrawn in place and erased before the
/// command's own output is written, so pipes, files and quick commands never see it.
public enum ProgressLine {
  /// How long a task runs before its line appears: quick loads stay silent.
  static let delay: Duration = .milliseconds(500)
  /// How often the line is redrawn.
  static let interval: DispatchTimeInterval = .milliseconds(100)

  /// Runs `body`, showing `session`'s progress meter on stderr while it runs when stderr is a
  /// terminal (and the environment does not set `TERM=dumb`).
  public static func showing<T>(_ session: Session, _ body: () -> T) -> T {
    guard isatty(2) == 1, getenv("TERM").map({ String(cString: $0) }) != "dumb" else { return body() }
    let meter = session.interruption.progress
    let stop = DispatchSemaphore(value: 0)
    let stopped = DispatchSemaphore(value: 0)
    DispatchQueue.global().async {
      var drawn = false
      while stop.wait(timeout: .now() + interval) == .timedOut {
        guard let reading = meter.reading, reading.started.duration(to: .now) >= delay else {
          if drawn { erase() }
          drawn = false
          continue
        }
        let width = Int(seg_terminal_width(2))
        let text = self.text(reading, width: width > 0 ? width : 80)
        Console.write("\r\u{1B}[2K" + text, to: .err)
        drawn = true
      }
      if drawn { erase() }
      stopped.signal()
    }
    let result = body()
    stop.signal()
    stopped.wait()
    return result
  }

  /// The line for `reading`, cut to `width` columns so it never wraps (a wrapped line cannot be
  /// redrawn in place): `loading big.csv  37% (334.1 MiB of 860.5 MiB)`, `loading pg.big  12% (120,000
  /// of 1,000,000 rows)`.
  static func text(_ reading: ProgressMeter.Reading, width: Int) -> String {
    var line = reading.task
    if let fraction = reading.fraction {
      let done = Int(Double(reading.total) * fraction)
      switch reading.unit {
      case .bytes:
        line += "  \(Int(fraction * 100))% (\(Figures.bytes(done)) of \(Figures.bytes(reading.total)))"
      case .rows:
        line += "  \(Int(fraction * 100))% (\(Figures.grouped(done)) of \(Figures.rows(reading.total)))"
      }
    }
    let room = max(width - 1, 1)
    guard line.count > room else { return line }
    return String(line.prefix(max(room - 1, 0))) + "…"
  }

  private static func erase() {
    Console.write("\r\u{1B}[2K", to: .err)
  }
}
