import Columnar

#if canImport(Glibc)
  import Glibc
#endif

extension Session {
  /// Runs a command about the session itself: none of them becomes a cell.
  func run(
    _ command: SessionCommand, text: String, location: String?, into performance: inout Performance
  ) -> Bool {
    let result: CommandResult
    let started = clock.now
    do {
      switch command {
      case .save(let save): result = .message(try self.save(save))
      case .history(let filter): result = .table(historyListing(filter))
      case .run(let path, _): return try runScript(at: path, location: location, into: &performance)
      case .restore: result = .message(try restore(into: &performance))
      }
    } catch {
      let diagnostic = Diagnostic(error, source: text, location: location)
      performance.emissions.append(Emission(.err, diagnostic.rendered(color: style.color)))
      return false
    }
    let (data, messages) = Renderer.separatingMessages(result, format: workspace.settings.format)
    for message in messages { performance.emissions.append(Emission(.err, message + "\n")) }
    let rendered = Renderer.render(data, format: workspace.settings.format, style: style)
    if !rendered.isEmpty { performance.emissions.append(Emission(.out, rendered)) }
    // `save` is timed like any command: writing a report of a large session is work too.
    if workspace.settings.timer {
      performance.emissions.append(Emission(.err, "time: \(Session.duration(clock.now - started))\n"))
    }
    return true
  }

  /// Writes the cells as a script, notebook or report, atomically.
  func save(_ command: SaveCommand) throws(SessionError) -> String {
    if let refusal = SafeMode.check(write: command.path, safe: workspace.settings.safe) {
      throw SessionError(.safeMode(refusal))
    }
    let header = sessionHeader()
    let text: String
    switch command.form {
    case .script: text = SessionWriter.script(records, header: header, withOutput: command.withOutput)
    case .notebook: text = SessionWriter.notebook(records, header: header)
    case .report: text = report(header: header, path: command.path)
    }
    try AtomicFile.write(text, to: command.path, replace: command.replace || workspace.overwritesFiles)
    let cells = records.count == 1 ? "1 cell" : "\(Figures.grouped(records.count)) cells"
    // A report is for reading, not replaying: it does not count as saving the work.
    if command.form == .report {
      return "saved a report of \(cells) to \(command.path) (\(Figures.grouped(text.utf8.count)) bytes)"
    }
    savedCellCount = records.count
    if command.form == .notebook { return "saved a notebook of \(cells) to \(command.path)" }
    return "saved \(cells)\(command.withOutput ? " with output" : "") to \(command.path)"
  }

  /// The header of a saved session: now, the files its cells loaded, and *today*.
  func sessionHeader() -> SessionHeader {
    var seen: Set<String> = []
    var files: [FileFingerprint] = []
    var missing: [String] = []
    // A data file deleted since it was loaded must not make the work unsaveable: note it instead.
    for path in loadedFiles where seen.insert(path).inserted {
      if let file = try? FileFingerprint(file: path) { files.append(file) } else { missing.append(path) }
    }
    return SessionHeader(
      written: SessionHeader.now(), files: files, missing: missing, today: workspace.settings.today)
  }

  /// The numbered cells, with the commands that failed between them unnumbered.
  func historyListing(_ filter: HistoryFilter) -> ResultTable {
    let entries = history.filter { entry in
      switch filter {
      case .all: return true
      case .cells(let range):
        if let cell = entry.cell { return range.contains(cell) }
        return entry.after >= range.lowerBound && entry.after < range.upperBound
      case .grep(let text): return entry.text.lowercased().contains(text.lowercased())
      }
    }
    let failures = entries.filter { $0.cell == nil && !$0.inLesson }.count
    let lessonLines = entries.filter(\.inLesson).count
    let rows: [[Cell]] = entries.map { entry in
      [entry.cell.map { .count($0) } ?? .text(entry.inLesson ? "lesson" : "failed"), .text(entry.text)]
    }
    var footer: String?
    if entries.isEmpty {
      footer = history.isEmpty ? "no cells yet" : "no cells match"
    } else if failures > 0 || lessonLines > 0 {
      footer =
        [failures > 0 ? "failed commands" : nil, lessonLines > 0 ? "a lesson's commands" : nil]
        .compactMap { $0 }.joined(separator: " and ") + " are listed but never saved or journaled"
    }
    return ResultTable(
      columns: [ResultColumn("cell", alignment: .right), ResultColumn("command")], rows: rows, footer: footer)
  }

  /// Replays the unsaved journal quietly: its cells become this session's, and only errors show.
  func restore(into performance: inout Performance) throws(SessionError) -> String {
    guard let unsaved else { throw SessionError(.nothingToRestore) }
    let (text, torn) = Journal.wholeCells(of: try ScriptFile.read(unsaved.path))
    let before = records.count
    var quiet = Performance()
    perform(String(text), origin: unsaved.path, keepGoing: true, firstLine: 1, into: &quiet)
    performance.emissions += quiet.emissions.filter { $0.stream == .err }
    if !torn.isEmpty {
      let start = torn.count > 40 ? torn.prefix(40) + "..." : torn
      warn(
        "the journal's last cell was cut short when it was written (\"\(start)\") and was not replayed; "
          + "type it again if it is needed", into: &performance)
    }
    let restored = records.count - before
    let cells = restored == 1 ? "1 cell" : "\(Figures.grouped(restored)) cells"
    if quiet.failed {
      self.unsaved = nil
      return "restored \(cells); the commands above failed, and the journal is kept at \(unsaved.path)"
    }
    unlink(unsaved.path)
    self.unsaved = nil
    let segments = workspace.segments.count
    let tables = workspace.tables.count
    return "restored \(cells): \(tables) table\(tables == 1 ? "" : "s"), "
      + "\(segments) segment\(segments == 1 ? "" : "s")"
  }
}
