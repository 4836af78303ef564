/// The outcome of `seg run --check`: what differed, as text for stderr, and a one-line summary.
public struct CheckReport: Sendable, Equatable {
  /// Errors, warnings and diffs, in order (all for stderr).
  public var emissions: [Emission] = []
  /// Cells whose output was compared.
  public var cellsChecked = 0
  /// Cells whose output differed from the recording.
  public var cellsDiffering = 0
  /// True when a command failed, which stops the check.
  public var failed = false
  /// The script checked.
  public var origin: String
  /// With `update`, the script's text with every cell's recorded output replaced by what it printed
  /// now; nil when a command failed, or for a notebook.
  public var updatedText: String?

  /// True when every recorded output matched and nothing failed.
  public var passed: Bool { !failed && cellsDiffering == 0 }

  /// One line on the outcome, e.g. "checked 12 cells in quickstart.seg: all match".
  public var summary: String {
    let cells = cellsChecked == 1 ? "1 cell" : "\(Figures.grouped(cellsChecked)) cells"
    if failed { return "checked \(cells) in \(origin): stopped at an error" }
    if cellsDiffering > 0 {
      return "checked \(cells) in \(origin): \(cellsDiffering) differ\(cellsDiffering == 1 ? "s" : "")"
    }
    if cellsChecked == 0 { return "checked no cells in \(origin): none has recorded output" }
    return "checked \(cells) in \(origin): all match"
  }
}

extension Session {
  /// Replays a script or Markdown notebook (`origin` ending in `.md`): fills its `${name}` parameters,
  /// and warns when a file it loads differs from the one its header fingerprints.
  /// - Parameters:
  ///   - text: the file's text.
  ///   - origin: the file's path, for `file:line` in errors.
  ///   - parameters: values for `${name}`, as `--set name=value` gives them.
  ///   - keepGoing: run the remaining cells after a failure.
  public func runScript(
    _ text: String, origin: String, parameters: [String: String] = [:], keepGoing: Bool = false
  ) -> Performance {
    interruption.clear()
    var performance = Performance()
    do {
      try replay(text, origin: origin, parameters: parameters, keepGoing: keepGoing, into: &performance)
    } catch {
      _ = fail(Diagnostic(error, source: nil, location: nil), text: nil, into: &performance)
      performance.failed = true
    }
    return performance
  }

  /// Replays a script as `runScript` does and compares each cell's output with the output recorded
  /// under it. Output is drawn in the plain style, so a check gives the same answer in a terminal.
  /// Files the script writes are written again, so a check can be run any number of times.
  /// - Parameters:
  ///   - update: also make the script's text with the output recorded afresh (`updatedText`).
  ///   - keepGoing: check the remaining cells after one fails (the check still fails).
  public func check(
    _ text: String, origin: String, parameters: [String: String] = [:], update: Bool = false,
    keepGoing: Bool = false
  ) -> CheckReport {
    interruption.clear()
    var report = CheckReport(origin: origin)
    let document = ScriptDocument.parse(text, notebook: ScriptDocument.isNotebook(origin))
    let savedStyle = style
    style = .plain
    defer { style = savedStyle }
    let overwrote = workspace.overwritesFiles
    workspace.overwritesFiles = true
    defer { workspace.overwritesFiles = overwrote }
    let codes: [String]
    do {
      codes = try filled(document, origin: origin, parameters: parameters)
    } catch {
      report.emissions.append(
        Emission(.err, Diagnostic(error, source: nil, location: nil).rendered(color: false)))
      report.failed = true
      return report
    }
    let previous = expect(document.files)
    defer { expectedFiles = previous }
    var outputs: [[String]?] = []
    for (cell, code) in zip(document.cells, codes) {
      var performance = Performance()
      let ok = perform(code, origin: origin, keepGoing: false, firstLine: cell.line, into: &performance)
      report.emissions += performance.emissions.filter { $0.stream == .err }
      if !ok {
        report.failed = true
        if !keepGoing || interruption.isRequested { break }
        outputs.append(nil)
        continue
      }
      let output = ScriptDocument.outputLines(
        performance.emissions.filter { $0.stream == .out }.map(\.text).joined())
      outputs.append(output)
      guard let recorded = cell.recorded else { continue }
      report.cellsChecked += 1
      let hunks = UnifiedDiff.hunks(old: recorded, new: output, label: Session.label(code))
      if !hunks.isEmpty {
        report.cellsDiffering += 1
        let place = "\(origin):\(cell.line)"
        report.emissions.append(Emission(.err, "--- recorded \(place)\n+++ replayed \(place)\n" + hunks))
      }
      if performance.exitRequested { break }
    }
    if update, !report.failed, !ScriptDocument.isNotebook(origin) {
      report.updatedText = document.updatingOutput(outputs)
    }
    return report
  }

  /// `run "x.seg"` inside a session: replays the file into this workspace, its commands becoming cells.
  func runScript(at path: String, location: String?, into performance: inout Performance) throws(SessionError)
    -> Bool
  {
    guard runDepth < 16 else { throw SessionError(.runTooDeep(path)) }
    runDepth += 1
    defer { runDepth -= 1 }
    let text = try ScriptFile.read(path)
    return try replay(text, origin: path, parameters: [:], keepGoing: false, into: &performance)
  }

  @discardableResult
  func replay(
    _ text: String, origin: String, parameters: [String: String], keepGoing: Bool,
    into performance: inout Performance
  ) throws(SessionError) -> Bool {
    let document = ScriptDocument.parse(text, notebook: ScriptDocument.isNotebook(origin))
    // Every placeholder is filled before anything runs, so a missing value never half-runs a script.
    let codes = try filled(document, origin: origin, parameters: parameters)
    let previous = expect(document.files)
    defer { expectedFiles = previous }
    var ok = true
    for (cell, code) in zip(document.cells, codes) {
      if !perform(code, origin: origin, keepGoing: keepGoing, firstLine: cell.line, into: &performance) {
        ok = false
        if !keepGoing || interruption.isRequested { break }
      }
      if performance.exitRequested { break }
    }
    return ok
  }

  private func filled(_ document: ScriptDocument, origin: String, parameters: [String: String])
    throws(SessionError) -> [String]
  {
    var codes: [String] = []
    for cell in document.cells {
      do {
        codes.append(try ScriptParameters.fill(cell.code, values: parameters, firstLine: cell.line))
      } catch {
        var located = error
        located.path = origin
        throw located
      }
    }
    return codes
  }

  /// Adds a script's fingerprints to those loads are checked against; returns the ones to restore.
  private func expect(_ files: [FileFingerprint]) -> [String: FileFingerprint] {
    let previous = expectedFiles
    for file in files { expectedFiles[file.path] = file }
    return previous
  }

  /// Remembers a loaded file for the saved header, and warns when it is not the file the script
  /// being replayed was saved with.
  func noteLoaded(_ path: String, into performance: inout Performance) {
    if !loadedFiles.contains(path) { loadedFiles.append(path) }
    guard let expected = expectedFiles[path], let actual = try? FileFingerprint(file: path),
      actual.sha256 != expected.sha256
    else { return }
    let was = "\(Figures.grouped(expected.size)) bytes, sha256 \(expected.sha256.prefix(12))…"
    let now = "\(Figures.grouped(actual.size)) bytes, sha256 \(actual.sha256.prefix(12))…"
    warn(
      "\(path) has changed since the script was saved (then \(was); now \(now)); its results may differ",
      into: &performance)
  }

  /// A cell's first command, short enough for a diff's hunk header.
  static func label(_ code: String) -> String {
    let first = ScriptSplitter.statements(in: code).first?.text ?? ""
    return first.count <= 60 ? first : String(first.prefix(59)) + "…"
  }
}
