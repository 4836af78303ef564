import Columnar

extension Workspace {
  /// Runs one command against this workspace.
  ///
  /// Callers run it on a copy and keep the copy only when it returns, so that a failed command changes
  /// nothing (`Session.perform` does this).
  /// - Throws: `EvalError` naming what is wrong and, where it can, what would be right.
  public mutating func run(_ command: Command, interruption: Interruption) throws(EvalError) -> CommandOutput
  {
    // A persona stands for its segment as it was written for it; a command that redefines the segment
    // or moves it to another table must say so, not rebind the persona silently.
    var before: [String: SegmentBinding] = [:]
    for persona in personas {
      if let segment = segment(named: persona.segment) {
        before[persona.name.lowercased()] = binding(of: segment)
      }
    }
    var output = try dispatch(command, interruption: interruption)
    for persona in personas {
      guard let then = before[persona.name.lowercased()], let segment = segment(named: persona.segment),
        then.segment.lowercased() == segment.name.lowercased()
      else { continue }
      let now = binding(of: segment)
      guard !now.isSame(as: then), persona.binding.map({ !$0.isSame(as: now) }) ?? true else { continue }
      output.warnings.append(
        "persona \(persona.name) stands for segment \(segment.name), which is now \(now.summary) (was "
          + "\(then.summary)); 'personas' shows it as drift until "
          + "'persona \(personaNameForCommand(persona.name)) set segment \(segment.name)' binds it again")
    }
    return output
  }

  private mutating func dispatch(_ command: Command, interruption: Interruption) throws(EvalError)
    -> CommandOutput
  {
    self.interruption = interruption
    memory.beginCommand()
    var output = try perform(command, interruption: interruption)
    // Under `sql COMMAND` the statements shown are those of the answer; a hint's are not part of it.
    if sqlLog == nil { output.warnings += caseHints(for: command) }
    return output
  }

  private mutating func perform(_ command: Command, interruption: Interruption) throws(EvalError)
    -> CommandOutput
  {
    switch command {
    case .help(let topic):
      return CommandOutput(.text(try HelpText.render(topic: topic)))
    case .quit:
      return CommandOutput(.none)
    case .load(let load):
      return try self.load(load, interruption: interruption)
    case .tables:
      return CommandOutput(.table(try tablesListing()))
    case .use(let name):
      let table = try use(name)
      let rows = try execute(Query(.count, over: Relation(table: table.name))).integer("count")
      return CommandOutput(
        .message("using \(table.name): \(Figures.rows(rows)), \(table.columns.count) columns"))
    case .describe(let name):
      return CommandOutput(.table(try describe(try resolveSchema(name))))
    case .show(let show):
      return CommandOutput(.table(try self.show(show)))
    case .set(let change):
      if change == .safe(false) && settings.safe { throw EvalError(.safeMode(.turnOff)) }
      return CommandOutput(.message(apply(change)))
    case .export(let export):
      return try self.export(export, interruption: interruption)
    case .segment(let definition):
      return CommandOutput(try defineSegment(definition))
    case .segments:
      return CommandOutput(.table(try segmentsListing()))
    case .dropSegment(let name):
      let dropped = try dropSegment(name)
      return CommandOutput(.message("dropped segment \(dropped.name)"))
    case .count(let count):
      return CommandOutput(.table(try self.count(count)))
    case .stats(let stats):
      return CommandOutput(.table(try self.stats(stats)))
    case .histogram(let histogram):
      return CommandOutput(.table(try self.histogram(histogram)))
    case .top(let top):
      return CommandOutput(.table(try self.top(top)))
    case .profile(let profile):
      return CommandOutput(try self.profile(profile))
    case .compare(let names):
      return CommandOutput(try compare(names))
    case .rank(let rank):
      return CommandOutput(.table(try self.rank(rank)))
    case .trend(let trend):
      return CommandOutput(.table(try self.trend(trend)))
    case .derive(let derive):
      return CommandOutput(try self.derive(derive))
    case .bucket(let bucket):
      return CommandOutput(try self.bucket(bucket))
    case .trait(let trait):
      return CommandOutput(try self.trait(trait))
    case .rfm(let rfm):
      return try self.rfm(rfm)
    case .rfmFrom(let rfm):
      return try rfmFrom(rfm)
    case .group(let group):
      return try self.group(group)
    case .cluster(let cluster):
      return try self.cluster(cluster, interruption: interruption)
    case .persona(let persona):
      return try self.persona(persona)
    case .session:
      // `Session` runs these itself: they need its cells, outputs and journal, not just the data.
      throw EvalError(.needsSession("save, history, run and restore"))
    case .explain(let topic):
      return CommandOutput(try ExplainCatalog.render(topic: topic))
    case .lesson:
      // `Session` runs lessons: they follow the learner's commands and remember progress on disk.
      throw EvalError(.needsSession("lessons"))
    case .sql(let request):
      return try sql(request, interruption: interruption)
    case .connect(let connect):
      return try self.connect(connect, interruption: interruption)
    case .disconnect(let name):
      return CommandOutput(.message(try disconnect(name)))
    case .copy(let copy):
      return CommandOutput(.message(try self.copy(copy, interruption: interruption)))
    case .create(let create):
      return CommandOutput(.message(try createTable(create, interruption: interruption)))
    }
  }

  private mutating func apply(_ change: SettingChange) -> String {
    switch change {
    case .format(let format):
      settings.format = format
      return "format is \(format.rawValue)"
    case .today(let days):
      settings.today = days
      guard let days else { return "today is unset: each within counts back from its column's latest date" }
      return "today is \(CivilDate.format(days: days))"
    case .timer(let on):
      settings.timer = on
      return "timer is \(on ? "on" : "off")"
    case .explain(let on):
      settings.explain = on
      return on ? "explain is on: each result ends with a line on what it means" : "explain is off"
    case .safe(let on):
      settings.safe = settings.safe || on
      return settings.safe
        ? "safe mode is on: files are written only inside the current folder, and connect is off"
        : "safe mode is off"
    }
  }

  private func tablesListing() throws(EvalError) -> ResultTable {
    // Each server's catalog is read again, so tables others made or dropped since show as they are.
    for connection in connections {
      do {
        try connection.engine.reloadCatalog(interruption: interruption)
      } catch {
        throw EvalError(engine: error)
      }
    }
    var rows: [[Cell]] = tables.map { table in
      [
        .text(table.name == currentTableName ? "\(table.name) *" : table.name),
        .count(table.rowCount), .count(table.columns.count), .bytes(table.byteCount),
      ]
    }
    // A server's tables are listed by name and columns; counting their rows could take long.
    for connection in connections {
      for table in connection.engine.catalog.tables {
        let name = connection.name + "." + table.name
        rows.append([
          .text(name == currentTableName ? "\(name) *" : name), .text(""), .count(table.columns.count),
          .text("on \(connection.name)"),
        ])
      }
    }
    return ResultTable(
      columns: [
        ResultColumn("table"), ResultColumn("rows", alignment: .right),
        ResultColumn("columns", alignment: .right), ResultColumn("memory", alignment: .right),
      ],
      rows: rows, footer: rows.isEmpty ? "no tables yet: try 'load sample'" : "* current table")
  }

}
