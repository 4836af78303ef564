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

/// A command that succeeded, as the session keeps it for `save`, `history` and the journal.
public struct SessionCell: Sendable, Equatable {
  /// The cell's number, from 1, as the prompt showed it.
  public var number: Int
  /// The command's text (continued lines joined, comments removed).
  public var text: String
  /// What it printed on stdout, drawn in the plain style whatever the terminal, for `with output`.
  public var output: String
  /// What it produced, as a value, for renderers that draw (`save report`).
  public var result: CommandResult
}

/// A running session: the workspace, the cells run so far, and the one path by which every front end
/// (shell, `seg run`, `seg -c`) runs commands, so that all of them behave the same.
public final class Session {
  /// The tables, segments and settings made so far.
  public internal(set) var workspace: Workspace
  /// Raised by the front end on Ctrl-C to stop the running command.
  public let interruption = Interruption()
  /// How results are drawn.
  public var style: RenderStyle
  /// The commands that succeeded, in order, with their output: what `save` writes.
  public internal(set) var records: [SessionCell] = []
  /// Every command typed or replayed, failed ones too, for `history`.
  var history: [HistoryEntry] = []
  /// The files the session's `load` cells read, in order, for a saved header.
  var loadedFiles: [String] = []
  /// What the script being replayed says its files were, to warn when one has changed.
  var expectedFiles: [String: FileFingerprint] = [:]
  /// Where successful cells are appended as they run; nil for `seg run` and `seg -c`.
  var journal: Journal?
  /// A journal an earlier shell left behind, which `restore` replays.
  public internal(set) var unsaved: UnsavedJournal?
  /// How many cells the last `save` wrote, to know whether leaving would lose work.
  var savedCellCount = 0
  /// How deep `run "x.seg"` is nested, to stop a script that runs itself.
  var runDepth = 0
  /// Reads the monotonic clock for `set timer on`; only ever reported on stderr.
  let clock = ContinuousClock()
  /// Lessons: the library, the one under way and the last result its step checks (Teaching/).
  var lessons = LessonState()

  /// Creates a session.
  /// - Parameter connectors: what `connect` can open, by URL scheme; the executable hands in the
  ///   database clients it was built with, so this library never links one.
  public init(settings: Settings = Settings(), style: RenderStyle = .plain, connectors: [any Connector] = [])
  {
    workspace = Workspace()
    workspace.settings = settings
    workspace.connectors = connectors
    self.style = style
  }

  /// The commands that succeeded, in order: what `save` writes and the journal records.
  public var cells: [String] { records.map(\.text) }

  /// The number the next cell will get, shown in the prompt.
  public var nextCellNumber: Int { records.count + 1 }

  /// True when some cells were run since the last `save`.
  public var hasUnsavedCells: Bool { records.count > savedCellCount }

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
  ///   - firstLine: the line of the script `source` starts on, for error locations.
  public func perform(
    _ source: String, origin: String? = nil, keepGoing: Bool = false, firstLine: Int = 1
  ) -> Performance {
    // A Ctrl-C that came before (at the prompt, say) is no request to stop this.
    interruption.clear()
    var performance = Performance()
    perform(source, origin: origin, keepGoing: keepGoing, firstLine: firstLine, into: &performance)
    return performance
  }

  /// Runs `source` as `perform` does, adding to `performance`; false when a command failed.
  @discardableResult
  func perform(
    _ source: String, origin: String?, keepGoing: Bool, firstLine: Int, into performance: inout Performance
  ) -> Bool {
    var ok = true
    for statement in ScriptSplitter.statements(in: source) {
      let location = origin.map { "\($0):\(statement.line + firstLine - 1)" }
      // A Ctrl-C between two commands stops the rest as one during a command does.
      let succeeded =
        interruption.isRequested
        ? fail(
          Diagnostic(EvalError(.interrupted), source: statement.text, location: location), text: nil,
          into: &performance)
        : run(statement.text, location: location, into: &performance)
      if performance.exitRequested { break }
      if !succeeded {
        ok = false
        performance.failed = true
        // Ctrl-C stops a script even under keep-going: it is the user asking to stop.
        if !keepGoing || interruption.isRequested { break }
      }
    }
    return ok
  }

  private func run(_ typed: String, location: String?, into performance: inout Performance) -> Bool {
    // A password typed into a URL is never shown again: errors and history get it as asterisks (of
    // its length, so carets still point at the right place); the parser still reads what was typed.
    let text = Session.maskingPasswords(typed)
    let command: Command
    do {
      command = try Parser.parse(typed)
    } catch {
      return fail(Diagnostic(error, source: text, location: location), text: text, into: &performance)
    }
    if case .session(let sessionCommand) = command {
      return run(sessionCommand, text: text, location: location, into: &performance)
    }
    if case .lesson(let lessonCommand) = command {
      return run(lessonCommand, text: text, location: location, into: &performance)
    }
    var draft = workspace
    let started = clock.now
    var output: CommandOutput
    // The columns rfm or bucket add on a connection live in its engine, not in the draft: a draft
    // dropped after it ran (Ctrl-C as it finished) must take them back too.
    let recipes = workspace.connections.isEmpty ? [] : workspace.connectionRecipes()
    do {
      output = try draft.run(command, interruption: interruption)
    } catch {
      return fail(Diagnostic(error, source: text, location: location), text: text, into: &performance)
    }
    if interruption.isRequested {
      workspace.restoreConnectionRecipes(recipes)
      let diagnostic = Diagnostic(EvalError(.interrupted), source: text, location: location)
      return fail(diagnostic, text: text, into: &performance)
    }
    if draft.settings.explain {
      output.result = draft.explained(output.result, of: command, before: workspace)
    }
    let before = workspace
    workspace = draft
    for warning in output.warnings { warn(warning, into: &performance) }
    let format = workspace.settings.format
    let (data, messages) = Renderer.separatingMessages(output.result, format: format)
    for message in messages { performance.emissions.append(Emission(.err, message + "\n")) }
    let rendered = Renderer.render(data, format: format, style: style)
    if !rendered.isEmpty { performance.emissions.append(Emission(.out, rendered)) }
    // Decided before the step is checked: the command that ends a lesson was still one of its cells.
    let inLesson = lessons.ownWork != nil
    followLesson(command, text: text, before: before, result: output.result, into: &performance)
    if workspace.settings.timer {
      let elapsed = clock.now - started
      performance.emissions.append(Emission(.err, "time: \(Session.duration(elapsed))\n"))
    }
    if case .load(let load) = command, case .file(let path, _) = load.source {
      noteLoaded(path, into: &performance)
    }
    if command == .quit {
      performance.exitRequested = true
    } else if inLesson {
      history.append(HistoryEntry(text: text, cell: nil, after: records.count, inLesson: true))
    } else if !command.isAboutSession {
      // Recorded output never depends on the terminal, so `--check` gives the same answer anywhere.
      let plain =
        style == .plain
        ? rendered : Renderer.render(data, format: format, style: .plain)
      record(output.recordedText ?? text, output: plain, result: output.result, into: &performance)
    }
    return true
  }

  /// Reports a failed command; it stays in `history` but never reaches the journal.
  func fail(_ diagnostic: Diagnostic, text: String?, into performance: inout Performance) -> Bool {
    performance.emissions.append(Emission(.err, diagnostic.rendered(color: style.color)))
    if let text {
      history.append(HistoryEntry(text: text, cell: nil, after: records.count))
      followLesson(nil, text: text, before: workspace, result: nil, into: &performance)
    }
    return false
  }

  func warn(_ warning: String, into performance: inout Performance) {
    let label = style.color ? "\u{1B}[33mwarning:\u{1B}[0m " : "warning: "
    performance.emissions.append(Emission(.err, label + warning + "\n"))
  }

  private func record(
    _ text: String, output: String, result: CommandResult, into performance: inout Performance
  ) {
    let cell = SessionCell(number: records.count + 1, text: text, output: output, result: result)
    records.append(cell)
    history.append(HistoryEntry(text: text, cell: cell.number, after: cell.number))
    guard let journal else { return }
    let wasFailing = journal.isFailing
    do {
      try journal.append(text)
    } catch  where !wasFailing {
      warn(
        "\(error.message); a crash would lose this cell and the next ones until the journal can be "
          + "written again: free some space, or save the session", into: &performance)
    } catch {}
  }

  /// "12.345 ms" under a second, "1.234 s" above, so fast commands are still measured.
  static func duration(_ duration: Duration) -> String {
    let (s, attoseconds) = duration.components
    let seconds = Double(s) + Double(attoseconds) / 1e18
    return seconds < 1
      ? Figures.fixed(seconds * 1000, decimals: 3) + " ms" : Figures.fixed(seconds, decimals: 3) + " s"
  }
}

/// A command in `history`: a cell, or a command that failed (no number) after cell `after`.
struct HistoryEntry: Sendable, Equatable {
  var text: String
  var cell: Int?
  var after: Int
  /// Run inside a lesson's own workspace: not a cell of the session.
  var inLesson = false
}

extension Session {
  /// `text` with the password of every `scheme://user:password@`, and the value of every `;token=`
  /// parameter (Spark Connect's), written as asterisks.
  static func maskingPasswords(_ text: String) -> String {
    guard text.contains("://") else { return text }
    var chars = Array(text)
    var i = 0
    while i + 2 < chars.count {
      guard chars[i] == ":", chars[i + 1] == "/", chars[i + 2] == "/" else {
        i += 1
        continue
      }
      // The authority runs to the next '/', space or quote; its last '@' ends the credentials.
      var end = i + 3
      while end < chars.count, !"/ \"'".contains(chars[end]) { end += 1 }
      if let at = chars[(i + 3)..<end].lastIndex(of: "@"),
        let colon = chars[(i + 3)..<at].firstIndex(of: ":")
      {
        for j in (colon + 1)..<at { chars[j] = "*" }
      }
      // Parameters after the authority run to the next space or quote.
      var paramsEnd = end
      while paramsEnd < chars.count, !" \"'".contains(chars[paramsEnd]) { paramsEnd += 1 }
      let token = Array(";token=")
      var k = end
      while k + token.count <= paramsEnd {
        guard chars[k..<(k + token.count)].map({ Character($0.lowercased()) }) == token else {
          k += 1
          continue
        }
        k += token.count
        while k < paramsEnd, chars[k] != ";" {
          chars[k] = "*"
          k += 1
        }
      }
      i = end
    }
    return String(chars)
  }
}
