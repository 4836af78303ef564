#if canImport(Glibc)
  import Glibc
#endif

/// Where the history file lives, following the XDG base directory convention for state files.
enum HistoryLocation {
  /// The history file for `environment`: `$XDG_STATE_HOME/seg/history`, else
  /// `$HOME/.local/state/seg/history` (see `StateLocation`).
  static func path(environment: [String: String]) -> String? {
    StateLocation.path("history", environment: environment)
  }

  /// The directory part of `path` ("/" for a file at the root).
  static func directory(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    let directory = String(path[..<slash])
    return directory.isEmpty ? "/" : directory
  }

  /// Creates `directory` and its missing parents (private to the user, as history may hold file
  /// names and customer values); true when it exists afterwards.
  @discardableResult
  static func makeDirectory(_ directory: String) -> Bool {
    var info = stat()
    if stat(directory, &info) == 0 { return (info.st_mode & S_IFMT) == S_IFDIR }
    let parent = self.directory(of: directory)
    if parent != directory, parent != "." { makeDirectory(parent) }
    return mkdir(directory, 0o700) == 0 || errno == EEXIST
  }
}

extension Shell {
  /// The history file for `environment` (`$XDG_STATE_HOME/seg/history`, else
  /// `~/.local/state/seg/history`), creating its directory; nil when there is no usable location.
  /// - Parameter environment: the process environment, as a dictionary.
  public static func defaultHistoryPath(environment: [String: String]) -> String? {
    guard let path = HistoryLocation.path(environment: environment) else { return nil }
    guard HistoryLocation.makeDirectory(HistoryLocation.directory(of: path)) else { return nil }
    return path
  }
}
