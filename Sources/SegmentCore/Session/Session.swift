/// Text a command sends to the user, tagged with the stream it belongs on.
public struct Emission: Sendable, Equatable {
  /// Results go to standard output; errors, warnings and timings to standard error.
  public enum Stream: Sendable, Equatable {
    case out
    case err
  }

  /// The stream.
  public var stream: Stream
  /// The text, ending in a newline.
  public var text: String

  /// Creates an emission.
  public init(_ stream: Stream, _ text: String) {
    self.stream = stream
    self.text = text
  }
}

/// What running some input did.
public struct Performance: Sendable, Equatable {
  /// Everything to show, in order.
  public var emissions: [Emission] = []
  /// True when a command failed (the rest of the input was not run unless asked to keep going).
  public var failed = false
  /// True when the user asked to leave.
  public var exitRequested = false
}

/// A running session: the workspace, the cells run so far, and the one path by which every front end
/// (shell, `seg run`, `seg -c`) runs commands, so that all of them behave the same.
public final class Session {
  /// The tables, segments and settings made so far.
  public private(set) var workspace: Workspace
  /// Raised by the front end on Ctrl-C to stop the running command.
  public let interruption = Interruption()
  /// How results are drawn.
  public var style: RenderStyle
  /// The commands that succeeded, in order: what `save` writes and the journal records.
  public private(set) var cells: [String] = []
  /// Reads the monotonic clock for `set timer on`; only ever reported on stderr.
  private let clock = ContinuousClock()

  /// Creates a session.
  public init(settings: Settings = Settings(), style: RenderStyle = .plain) {
    workspace = Workspace()
    workspace.settings = settings
    self.style = style
  }

  /// The number the next cell will get, shown in the prompt.
  public var nextCellNumber: Int { cells.count + 1 }

  /// True when `text` cannot run yet because more lines must follow.
  public func needsMoreInput(_ text: String) -> Bool {
    ScriptSplitter.needsMoreInput(text)
  }

  /// Runs every command in `source`.
  ///
  /// Each command runs on a copy of the workspace that replaces it only on success, so a failed or
  /// interrupted command changes nothing.
  /// - Parameters:
  ///   - source: one or more commands (lines, `;`, `\` continuations, comments).
  ///   - origin: the script's name, so errors say `file:line`; nil for typed input.
  ///   - keepGoing: run the remaining commands after a failure.
  public func perform(_ source: String, origin: String? = nil, keepGoing: Bool = false) -> Performance {
    var performance = Performance()
    for statement in ScriptSplitter.statements(in: source) {
      let location = origin.map { "\($0):\(statement.line)" }
      let ok = run(statement.text, location: location, into: &performance)
      if performance.exitRequested { break }
      if !ok {
        performance.failed = true
        if !keepGoing { break }
      }
    }
    return performance
  }

  private func run(_ text: String, location: String?, into performance: inout Performance) -> Bool {
    let command: Command
    do {
      command = try Parser.parse(text)
    } catch {
      let diagnostic = Diagnostic(error, source: text, location: location)
      performance.emissions.append(Emission(.err, diagnostic.rendered(color: style.color)))
      return false
    }
    interruption.clear()
    var draft = workspace
    let started = clock.now
    let output: CommandOutput
    do {
      output = try draft.run(command, interruption: interruption)
    } catch {
      let diagnostic = Diagnostic(error, source: text, location: location)
      performance.emissions.append(Emission(.err, diagnostic.rendered(color: style.color)))
      return false
    }
    if interruption.isRequested {
      let diagnostic = Diagnostic(EvalError(.interrupted), source: text, location: location)
      performance.emissions.append(Emission(.err, diagnostic.rendered(color: style.color)))
      return false
    }
    workspace = draft
    for warning in output.warnings {
      performance.emissions.append(Emission(.err, (style.color ? "\u{1B}[33mwarning:\u{1B}[0m " : "warning: ") + warning + "\n"))
    }
    let rendered = Renderer.render(output.result, format: workspace.settings.format, style: style)
    if !rendered.isEmpty { performance.emissions.append(Emission(.out, rendered)) }
    if workspace.settings.timer {
      let elapsed = clock.now - started
      performance.emissions.append(Emission(.err, "time: \(Session.seconds(elapsed)) s\n"))
    }
    if command == .quit {
      performance.exitRequested = true
    } else if !command.isAboutSession {
      cells.append(text)
    }
    return true
  }

  static func seconds(_ duration: Duration) -> String {
    let (s, attoseconds) = duration.components
    return Figures.fixed(Double(s) + Double(attoseconds) / 1e18, decimals: 3)
  }
}
