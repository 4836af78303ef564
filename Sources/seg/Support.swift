import SegmentCore
import SegmentShell

#if canImport(Glibc)
  import Glibc
#endif

/// Running commands in a session and writing what they print.
enum Emit {
  /// Runs `text` in `session`, writes its output, and returns the exit code (0 or 1).
  static func perform(_ session: Session, _ text: String, origin: String?) -> Int32 {
    let performance = withCtrlCStopping(session.interruption) {
      ProgressLine.showing(session) { session.perform(text, origin: origin) }
    }
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
    StateLocation.path("journal", environment: environment)
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

/// Where lessons and the learner's progress live: lessons in `$SEG_LESSONS` (folders separated by
/// `:`), else the `Lessons` folder of the checkout or install the binary sits in; progress in
/// `$XDG_STATE_HOME/seg/lessons`, else `~/.local/state/seg/lessons`.
enum LessonLocation {
  static func library(environment: [String: String]) -> LessonLibrary {
    var directories: [String] = []
    if let list = environment["SEG_LESSONS"], !list.isEmpty {
      directories = list.split(separator: ":").map(String.init)
    } else if let found = beside(executable: "/proc/self/exe") {
      directories = [found]
    }
    let progress = StateLocation.path("lessons", environment: environment)
    return LessonLibrary(directories: directories, progressFile: progress)
  }

  /// The nearest `Lessons` folder up from the executable (`.build/release/seg` is three levels below
  /// the checkout; an install puts `share/seg/Lessons` beside `bin`).
  static func beside(executable: String) -> String? {
    guard let resolved = realpath(executable, nil) else { return nil }
    var directory = String(
      decoding: UnsafeRawBufferPointer(start: resolved, count: strlen(resolved)), as: UTF8.self)
    free(resolved)
    for _ in 0..<5 {
      guard let slash = directory.lastIndex(of: "/"), slash != directory.startIndex else { return nil }
      directory = String(directory[..<slash])
      for candidate in [directory + "/Lessons", directory + "/share/seg/Lessons"] {
        var info = stat()
        if stat(candidate, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR { return candidate }
      }
    }
    return nil
  }
}
