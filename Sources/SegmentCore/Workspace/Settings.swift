/// The settings a session can change with `set`; they are recorded in saved sessions.
public struct Settings: Sendable, Equatable {
  /// How results are written.
  public var format: OutputFormat = .table
  /// The date `within` and recency measure from; when nil, the latest date of the column they compare
  /// (never the clock).
  public var today: Int32?
  /// When on, each command's time goes to stderr (never into recorded output).
  public var timer = false
  /// When on, each command's result ends with one line on what it means in the field's terms.
  public var explain = false
  /// Safe mode (`SafeMode`): writes only inside the current folder, no `connect`; never turned off.
  public var safe = false

  /// Creates default settings.
  public init() {}
}
