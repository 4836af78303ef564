import SegmentCore
import SegmentShell

#if canImport(Glibc)
  import Glibc
#endif

/// Running commands in a session and writing what they print.
enum Emit {
  /// Runs `text` in `session`, writes its output, and returns the exit code (0 or 1).
  static func perform(_ session: Session, _ text: String, origin: String?) -> Int32 {
    let performance = session.perform(text, origin: origin)
    Console.write(performance)
    return performance.failed ? 1 : 0
  }
}

/// The process environment as a dictionary.
enum Environment {
  static var all: [String: String] {
    var result: [String: String] = [:]
    var pointer = environ
    while let entry = pointer.pointee {
      let text = String(cString: entry)
      if let eq = text.firstIndex(of: "=") {
        result[String(text[..<eq])] = String(text[text.index(after: eq)...])
      }
      pointer += 1
    }
    return result
  }
}

/// Where the init script lives: `$XDG_CONFIG_HOME/seg/init.seg`, else `~/.segrc` (DESIGN §3).
enum InitScript {
  static func path() -> String? {
    let env = Environment.all
    if let config = env["XDG_CONFIG_HOME"], !config.isEmpty {
      let candidate = config + "/seg/init.seg"
      if access(candidate, R_OK) == 0 { return candidate }
    }
    if let home = env["HOME"], !home.isEmpty {
      let candidate = home + "/.segrc"
      if access(candidate, R_OK) == 0 { return candidate }
    }
    return nil
  }
}

/// Where shells keep their journals: `$XDG_STATE_HOME/seg/journal`, else
/// `~/.local/state/seg/journal`, beside the history file.
enum JournalLocation {
  static func directory(environment: [String: String]) -> String? {
    // The XDG specification says a relative XDG_STATE_HOME is invalid and must be ignored.
    if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") { return state + "/seg/journal" }
    if let home = environment["HOME"], home.hasPrefix("/") { return home + "/.local/state/seg/journal" }
    return nil
  }
}

/// Facts about the terminal the output goes to.
enum Terminal {
  static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) == 1 }

  /// Colour is for terminals only, and never when NO_COLOR is set (no-color.org).
  static func colorAllowed() -> Bool {
    guard let value = getenv("NO_COLOR") else { return true }
    return String(cString: value).isEmpty
  }

  static func width() -> Int? {
    var size = winsize()
    guard ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 20 else { return nil }
    return Int(size.ws_col)
  }
}
