/// A persona beside its segment's live figures (`show persona`): what the card shows, before it is
/// drawn as text, Markdown, JSON or HTML.
public struct PersonaCard: Sendable, Equatable {
  /// How a field's row came to be.
  enum Kind: String, Sendable {
    /// Written by hand, or drafted from strong evidence.
    case value
    /// Drafted from weak evidence: flagged, not asserted.
    case weak
    /// A human field the draft left to write.
    case prompt
  }

  /// One field of the card.
  struct Row: Sendable, Equatable {
    var field: PersonaField
    var items: [String]
    var kind: Kind
    /// The evidence, or for a prompt what to write.
    var note: String?
  }

  let persona: Persona
  /// The segment now; nil when its table is gone.
  let figures: PersonaFigures?
  let drifts: [PersonaDrift]
  let rows: [Row]

  /// The card of `persona` against `figures`, and against `segment`, what its segment stands for now
  /// (nil when there is no segment of that name any more).
  init(_ persona: Persona, figures: PersonaFigures?, segment: SegmentBinding? = nil) {
    self.persona = persona
    self.figures = figures
    var drifts: [PersonaDrift] = []
    if let then = persona.binding, let now = segment,
      let changed = PersonaDrift.segmentChanged(from: then, to: now, persona: persona.name)
    {
      drifts.append(changed)
    }
    drifts += figures.map { PersonaDrift.check(persona, against: $0) } ?? []
    self.drifts = drifts
    let toWrite = persona.stillToWrite
    var rows: [Row] = []
    if toWrite.contains(.name) {
      rows.append(Row(field: .name, items: [], kind: .prompt, note: PersonaField.name.prompt))
    }
    for field in PersonaField.allCases where field != .name {
      let evidence = persona.evidence(for: field)
      if let items = persona.values[field], !items.isEmpty {
        rows.append(Row(field: field, items: items, kind: .value, note: evidence?.note))
      } else if let evidence, evidence.isWeak {
        rows.append(Row(field: field, items: [evidence.value], kind: .weak, note: evidence.note))
      } else if toWrite.contains(field) {
        rows.append(Row(field: field, items: [], kind: .prompt, note: field.prompt))
      }
    }
    self.rows = rows
  }

  /// "412 of 5,000 customers (8.2%), 31.4% of total_spend".
  var segmentLine: String {
    guard let figures else { return "its table is no longer loaded" }
    var line =
      "\(Figures.grouped(figures.size)) of \(Figures.grouped(figures.base)) \(figures.tableName) "
      + "(\(Figures.percent(figures.share)))"
    if let revenue = figures.revenue { line += ", \(Figures.percent(revenue.share)) of \(revenue.column)" }
    return line
  }

  /// "loyalty_tier gold (index 412, 160 members), ..."; nil when nothing stands out.
  var traitsLine: String? {
    guard let traits = figures?.traits, !traits.isEmpty else { return nil }
    return traits.map {
      "\($0.column) \($0.value) (index \(SegmentFigures.index($0.index)), \(SegmentFigures.members($0.count)))"
    }.joined(separator: ", ")
  }

  /// "quote "...", goals" and how to fill one in; nil when nothing is left to write.
  var stillToWriteLine: String? {
    let fields = persona.stillToWrite
    guard let first = fields.first else { return nil }
    let example = first == .name ? "name \"Sarah\"" : Parser.personaExample(first)
    return fields.map(\.rawValue).joined(separator: ", ")
      + " (e.g. persona \(personaNameForCommand(persona.name)) set \(example))"
  }

  /// The card's title line.
  var title: String {
    "\(persona.name) — \(persona.isDraft ? "draft persona" : "persona") for segment \(persona.segment)"
  }

  /// A field's items as the card shows them, one string per line.
  static func display(_ field: PersonaField, _ items: [String]) -> [String] {
    switch field {
    case .quote: return items.map { "\"\($0)\"" }
    case .tech: return items.map { Int($0) != nil ? "\($0) of 5" : $0 }
    case .goals, .motivations, .pains, .objections, .triggers: return items
    default: return [items.joined(separator: ", ")]
    }
  }

  /// The card as rows of field, value, status and evidence, for CSV and Markdown; the segment's
  /// figures come first, as rows of their own.
  func table() -> ResultTable {
    var rows: [[Cell]] = [[.text("segment"), .text(persona.segment), .text("figures"), .text(segmentLine)]]
    if let traits = traitsLine { rows.append([.text("stands out"), .text(traits), .text("figures"), .text("")]) }
    for row in self.rows {
      let status: String
      switch row.kind {
      case .value: status = "written"
      case .weak: status = "weak evidence"
      case .prompt: status = "to write"
      }
      let value = row.kind == .value ? PersonaCard.display(row.field, row.items).joined(separator: "; ") : ""
      let shown = row.kind == .weak ? row.items.joined(separator: ", ") : value
      rows.append([.text(row.field.rawValue), .text(shown), .text(status), .text(row.note ?? "")])
    }
    for drift in drifts { rows.append([.text(drift.subject), .text(drift.current), .text("drifted"), .text(drift.note)]) }
    return ResultTable(
      title: title,
      columns: [ResultColumn("field"), ResultColumn("value"), ResultColumn("status"), ResultColumn("evidence")],
      rows: rows)
  }

  /// The card as text, as the terminal shows it.
  func text() -> String {
    let width = 16
    func pad(_ label: String) -> String {
      label + String(repeating: " ", count: max(1, width - label.count))
    }
    var out = title + "\n"
    out += "  " + pad("segment") + segmentLine + "\n"
    if let traits = traitsLine { out += "  " + pad("stands out") + traits + "\n" }
    out += "\n"
    if rows.isEmpty { out += "  no fields yet (persona \(personaNameForCommand(persona.name)) set age 32)\n" }
    for row in rows {
      var lines: [String]
      switch row.kind {
      case .value:
        lines = PersonaCard.display(row.field, row.items)
        if let note = row.note { lines[lines.count - 1] += "  [\(note)]" }
      case .weak:
        lines = ["? \(row.items.joined(separator: ", "))  [weak evidence, not asserted: \(row.note ?? "")]"]
      case .prompt:
        lines = ["[to write: \(row.note ?? "")]"]
      }
      for (i, line) in lines.enumerated() {
        out += "  " + pad(i == 0 ? row.field.rawValue : "") + line + "\n"
      }
    }
    if let toWrite = stillToWriteLine { out += "\n  still to write: \(toWrite)\n" }
    if !drifts.isEmpty {
      out += "\n"
      for drift in drifts { out += "  drifted: \(drift.note)\n" }
    }
    return out
  }
}
