/// How the interactive shell starts.
public struct ShellOptions: Sendable, Equatable {
  /// The file that keeps line-editing history across runs; nil keeps history for this run only.
  public var historyPath: String?
  /// True to print a one-line greeting before the first prompt (only when stdin is a terminal).
  public var showGreeting: Bool

  /// Creates shell options.
  /// - Parameters:
  ///   - historyPath: the history file, usually `Shell.defaultHistoryPath(environment:)`.
  ///   - showGreeting: print the greeting on an interactive start.
  public init(historyPath: String? = nil, showGreeting: Bool = true) {
    self.historyPath = historyPath
    self.showGreeting = showGreeting
  }
}
