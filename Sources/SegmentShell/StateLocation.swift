/// Where seg keeps state between runs (history, journals, lesson progress), following the XDG base
/// directory convention: the one place that reads `XDG_STATE_HOME`.
public enum StateLocation {
  /// `$XDG_STATE_HOME/seg/<name>`, else `$HOME/.local/state/seg/<name>`; nil when neither gives an
  /// absolute directory.
  ///
  /// The XDG specification says a relative `XDG_STATE_HOME` is invalid and must be ignored.
  /// - Parameters:
  ///   - name: the file or folder under `seg/`, such as `history`.
  ///   - environment: the process environment, as a dictionary.
  public static func path(_ name: String, environment: [String: String]) -> String? {
    if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
      return joined(state, "seg/" + name)
    }
    if let home = environment["HOME"], home.hasPrefix("/") {
      return joined(home, ".local/state/seg/" + name)
    }
    return nil
  }

  static func joined(_ directory: String, _ rest: String) -> String {
    directory.hasSuffix("/") ? directory + rest : directory + "/" + rest
  }
}
