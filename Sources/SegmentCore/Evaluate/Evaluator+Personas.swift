import Columnar

extension Workspace {
  /// The persona named `name` (case-insensitive).
  public func persona(named name: String) -> Persona? {
    personas.first { $0.name.lowercased() == name.lowercased() }
  }

  /// The personas that stand for a segment, in the order they were made.
  public func personas(of segment: String) -> [Persona] {
    personas.filter { $0.segment.lowercased() == segment.lowercased() }
  }

  mutating func persona(_ command: PersonaCommand) throws(EvalError) -> CommandOutput {
    switch command {
    case .define(let name, let segmentName, let entries):
      let segment = try personaSegment(segmentName)
      var persona = Persona(name: name.text, segment: segment.name)
      persona.binding = binding(of: segment)
      for entry in entries {
        if entry.field.shape == .list {
          persona.add(entry.field, items: entry.items)
        } else {
          persona.set(entry.field, to: entry.items)
        }
      }
      let replaced = try store(persona, replacing: name.text, at: name.range)
      let fields = persona.filledFields.count
      return CommandOutput(
        .message(
          "\(replaced ? "replaced persona" : "persona") \(persona.name) for segment \(segment.name): "
            + "\(fields) field\(fields == 1 ? "" : "s")"))
    case .draft(let segmentName, let alias):
      let segment = try personaSegment(segmentName)
      let reader = try SegmentReader(segment, in: self)
      let table = reader.schema
      let name = alias?.text ?? "\(segment.name)_draft"
      let defining = definingColumns(of: segment)
      var persona = try PersonaDraft.make(
        name: name, segment: segment, reader: reader,
        defining: defining.filter { !isModelLabel($0, of: table.name) },
        profile: try draftProfile(of: segment),
        labels: defining.filter { isModelLabel($0, of: table.name) })
      persona.binding = binding(of: segment)
      persona.hasPlaceholderName = alias == nil
      let replaced = try store(persona, replacing: name, at: alias?.range ?? segmentName.range)
      let asserted = persona.evidence.filter { !$0.isWeak }.count
      let weak = persona.evidence.count - asserted
      var headline =
        "\(replaced ? "redrafted" : "drafted") persona \(persona.name) for segment \(segment.name): "
        + "\(asserted) field\(asserted == 1 ? "" : "s") from the data"
      if weak > 0 { headline += ", \(weak) flagged as weak evidence" }
      if try reader.sizes().members == 0 {
        headline += " (the segment has no members to read)"
      } else if persona.evidence.isEmpty {
        headline +=
          " (no column of \(table.name) sets the segment clearly apart: profile \(segment.name) all shows "
          + "the figures)"
      }
      return CommandOutput(.sequence([.message(headline), .personaCard(card(persona))]))
    case .set(let name, let entry):
      var persona = try existingPersona(name)
      let old = persona.name
      persona.set(entry.field, to: entry.items)
      try store(persona, replacing: name.text, at: entry.range)
      if entry.field == .name { return CommandOutput(.message("renamed persona \(old) to \(persona.name)")) }
      return CommandOutput(
        .message("persona \(persona.name): \(PersonaEditSummary.describe(persona, entry.field))"))
    case .bind(let name, let segmentName):
      var persona = try existingPersona(name)
      let segment = try personaSegment(segmentName)
      let before = persona.segment
      persona.segment = segment.name
      persona.binding = binding(of: segment)
      try store(persona, replacing: name.text, at: segmentName.range)
      let size = try self.size(of: segment)
      let moved =
        before.lowercased() == segment.name.lowercased() ? "now stands for" : "moved from \(before) to"
      return CommandOutput(
        .message(
          "persona \(persona.name) \(moved) segment \(segment.name) as it is: \(segment.definition) on "
            + "\(segment.tableName), \(Figures.rows(size))"))
    case .add(let name, let entry):
      var persona = try existingPersona(name)
      persona.add(entry.field, items: entry.items)
      try store(persona, replacing: name.text, at: entry.range)
      return CommandOutput(
        .message("persona \(persona.name): \(PersonaEditSummary.describe(persona, entry.field))"))
    case .list:
      return CommandOutput(.table(personasListing()))
    case .show(let name):
      return CommandOutput(.personaCard(card(try existingPersona(name))))
    case .drop(let name):
      let persona = try existingPersona(name)
      personas.removeAll { $0.name.lowercased() == persona.name.lowercased() }
      return CommandOutput(.message("dropped persona \(persona.name)"))
    case .export(let path, let range, let replace):
      return try exportPersonas(to: path, range: range, replace: replace)
    }
  }

  /// The card of a persona, with its segment's figures as they are now.
  func card(_ persona: Persona) -> PersonaCard {
    let segment = segment(named: persona.segment)
    let now = segment.map(binding(of:))
    // A segment that can no longer be computed shows the persona without figures.
    guard let segment, let reader = try? SegmentReader(segment, in: self),
      let figures = try? PersonaFigures(reader)
    else { return PersonaCard(persona, figures: nil, segment: now) }
    return PersonaCard(persona, figures: figures, segment: now)
  }

  /// The profile lines a draft states its traits from: the segment against its whole table, over every
  /// column but ids (the defining columns too: the draft names them first); none for an empty segment.
  private func draftProfile(of segment: Segment) throws(EvalError) -> [ProfileLine] {
    let candidates = Self.profileCandidates(
      try catalogSchema(of: segment.tableName), defining: [], all: false)
    let (scope, counts) = try profileScope(segment, against: nil, counting: candidates)
    guard scope.segmentCount > 0 else { return [] }
    let columns = try defaultProfileColumns(scope, defining: [], all: false, counts: counts)
    let (categories, numbers, _) = try profileLines(scope, columns: columns, counts: counts)
    return categories + numbers
  }

  /// Adds `persona`, or replaces the one called `old`; false when it is new.
  /// - Throws: when a rename would take the name of another persona.
  @discardableResult
  private mutating func store(_ persona: Persona, replacing old: String, at range: SourceRange)
    throws(EvalError)
    -> Bool
  {
    let index = personas.firstIndex { $0.name.lowercased() == old.lowercased() }
    if let other = personas.firstIndex(where: { $0.name.lowercased() == persona.name.lowercased() }),
      other != index
    {
      throw EvalError(.duplicatePersona(personas[other].name), at: range)
    }
    guard let index else {
      personas.append(persona)
      return false
    }
    personas[index] = persona
    return true
  }

  private func personaSegment(_ name: Name) throws(EvalError) -> Segment {
    guard let segment = segment(named: name.text) else {
      throw EvalError(
        .unknownSegment(name.text), at: name.range,
        suggestions: Suggestions.closest(to: name.text, among: segments.map(\.name)))
    }
    return segment
  }

  private func existingPersona(_ name: Name) throws(EvalError) -> Persona {
    guard let persona = persona(named: name.text) else {
      throw EvalError(
        .unknownPersona(name.text), at: name.range,
        suggestions: Suggestions.closest(to: name.text, among: personas.map(\.name)))
    }
    return persona
  }

  private func personasListing() -> ResultTable {
    let rows: [[Cell]] = personas.map { persona in
      let card = card(persona)
      let drift = card.drifts.map(\.subject).joined(separator: ", ")
      return [
        .text(persona.name), .text(persona.segment), .text(card.figures?.tableName ?? ""),
        .count(card.figures?.size ?? 0),
        .share(card.figures?.share ?? 0), .text(persona.isDraft ? "draft" : "written"),
        .text(drift.isEmpty ? "none" : drift),
      ]
    }
    return ResultTable(
      columns: [
        ResultColumn("persona"), ResultColumn("segment"), ResultColumn("table"),
        ResultColumn("size", alignment: .right),
        ResultColumn("share", alignment: .right), ResultColumn("status"), ResultColumn("drift"),
      ], rows: rows,
      footer: personas.isEmpty ? "no personas yet: try 'persona draft for SEGMENT'" : nil)
  }

  private func exportPersonas(to path: String, range: SourceRange, replace: Bool) throws(EvalError)
    -> CommandOutput
  {
    let lower = path.lowercased()
    let json = lower.hasSuffix(".json")
    let html = HTMLReport.isReportPath(path)
    guard json || html || lower.hasSuffix(".md") || lower.hasSuffix(".markdown") else {
      throw EvalError(.personaExportFormat(path: path), at: range)
    }
    if let refusal = SafeMode.check(write: path, safe: settings.safe) {
      throw EvalError(.safeMode(refusal), at: range)
    }
    guard !personas.isEmpty else {
      throw EvalError(.noPersonas)
    }
    let cards = personas.map(card)
    let text =
      json ? PersonaExport.json(cards) : html ? HTMLReport.personaPage(cards) : PersonaExport.markdown(cards)
    do {
      try AtomicFile.write(text, to: path, replace: replace || overwritesFiles)
    } catch {
      if case .cannotWrite(_, let reason) = error.kind {
        throw EvalError(.write(path: path, reason: reason), at: range)
      }
      throw EvalError(.fileExists(path), at: range)
    }
    let count = personas.count == 1 ? "1 persona" : "\(personas.count) personas"
    return CommandOutput(
      .message(
        "wrote \(count) to \(path) (\(Figures.grouped(text.utf8.count)) bytes, "
          + "\(json ? "JSON" : html ? "HTML" : "Markdown"))"
      ))
  }
}

/// What an edit left in a field, for the message after `set` and `add`.
enum PersonaEditSummary {
  static func describe(_ persona: Persona, _ field: PersonaField) -> String {
    let items = persona.values[field] ?? []
    if field.shape == .list {
      return "\(field.rawValue) has \(items.count) item\(items.count == 1 ? "" : "s")"
    }
    return "\(field.rawValue) is \(PersonaCard.display(field, items).joined(separator: " "))"
  }
}
