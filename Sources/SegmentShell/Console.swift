import CEditLine
import SegmentCore

/// Writes to the process's standard streams through the C library, which libedit also writes through,
/// so prompts, results and errors keep their order.
public enum Console {
  /// Writes every emission in order: results to stdout, errors to stderr, flushing each.
  public static func write(_ performance: Performance) {
    for emission in performance.emissions {
      write(emission.text, to: emission.stream)
    }
  }

  /// Writes `text` to `stream` and flushes it.
  public static func write(_ text: String, to stream: Emission.Stream = .out) {
    let count = text.utf8.count
    text.withCString { seg_write(stream == .err ? 2 : 1, $0, count) }
  }
}
