/// A persona card as the one-pager persona tools print: on the left the face (initials), name, quote
/// and the segment's evidence; on the right the fields. Drafted fields with weak evidence are framed
/// in a dashed line and say so; fields still to write show the prompt in grey, never a made-up value.
enum PersonaCardHTML {
  /// Fields shown under the name on the left, in this order; the rest go to the right.
  /// Few enough that the two columns come out about as tall, so a card prints on one page.
  static let sideFields: [PersonaField] = [.age, .gender, .location]

  static func render(_ card: PersonaCard) -> String {
    let persona = card.persona
    var side = "<div class=\"avatar\" aria-hidden=\"true\">\(HTMLText.escape(initials(persona.name)))</div>\n"
    side += "<h2>\(HTMLText.escape(persona.name))"
    if persona.isDraft { side += "<span class=\"badge\">draft</span>" }
    side += "</h2>\n<p class=\"for\">persona for segment <strong>\(HTMLText.escape(persona.segment))</strong></p>\n"
    let rows = Dictionary(card.rows.map { ($0.field, $0) }, uniquingKeysWith: { first, _ in first })
    if let quote = rows[.quote] { side += "<blockquote>" + value(quote) + "</blockquote>\n" }
    side += "<dl>\n"
    for field in sideFields { if let row = rows[field] { side += item(row) } }
    side += "</dl>\n"
    side += "<div class=\"evidence\"><strong>The segment now</strong><br/>"
    side += HTMLText.escape(card.segmentLine)
    if let figures = card.figures, !figures.traits.isEmpty {
      side += "<br/><strong>Stands out</strong><ul>"
      for trait in figures.traits {
        side +=
          "<li>\(HTMLText.escape("\(trait.column) \(trait.value)")): index "
          + "\(HTMLText.escape(SegmentFigures.index(trait.index))), "
          + "\(HTMLText.escape(SegmentFigures.members(trait.count)))</li>"
      }
      side += "</ul>"
    }
    side += "</div>\n"

    var main = "<dl class=\"fields\">\n"
    for row in card.rows where row.field != .quote && !sideFields.contains(row.field) {
      main += "<div>" + item(row) + "</div>\n"
    }
    main += "</dl>\n"
    if card.rows.isEmpty {
      main += "<p class=\"note\">no fields yet (persona \(HTMLText.escape(personaNameForCommand(persona.name))) set age 32)</p>\n"
    }
    if let toWrite = card.stillToWriteLine {
      main += "<p class=\"note\">still to write: \(HTMLText.escape(toWrite))</p>\n"
    }
    for drift in card.drifts {
      main += "<div class=\"drift\"><strong>Drifted:</strong> \(HTMLText.escape(drift.note))</div>\n"
    }
    return "<article class=\"persona\">\n<div class=\"side\">\n\(side)</div>\n<div class=\"main\">\n\(main)</div>\n</article>\n"
  }

  /// A field as a term and its value.
  private static func item(_ row: PersonaCard.Row) -> String {
    "<dt>\(HTMLText.escape(row.field.label))</dt><dd>" + value(row) + "</dd>\n"
  }

  /// A field's value: lists as bullet points, tech as dots, weak and unwritten fields marked.
  private static func value(_ row: PersonaCard.Row) -> String {
    switch row.kind {
    case .prompt:
      return "<span class=\"prompt-field\">to write: \(HTMLText.escape(row.note ?? ""))</span>"
    case .weak:
      return "<span class=\"weak\">? \(HTMLText.escape(row.items.joined(separator: ", ")))</span> "
        + "<span class=\"note\">weak evidence, not asserted: \(HTMLText.escape(row.note ?? ""))</span>"
    case .value:
      var out: String
      let lines = PersonaCard.display(row.field, row.items)
      if row.field == .tech, let level = Int(row.items.first ?? ""), (1...5).contains(level) {
        out = "<span class=\"tech\" aria-label=\"\(level) of 5\">"
          + String(repeating: "●", count: level) + String(repeating: "○", count: 5 - level) + "</span> "
          + HTMLText.escape(lines.joined())
      } else if row.field.shape == .list && lines.count > 1 {
        out = "<ul>" + lines.map { "<li>\(HTMLText.escape($0))</li>" }.joined() + "</ul>"
      } else {
        out = HTMLText.escape(lines.joined(separator: " "))
      }
      if let note = row.note { out += " <span class=\"note\">[\(HTMLText.escape(note))]</span>" }
      return out
    }
  }

  /// "Sarah Lee" → "SL"; one word → its first two letters; nothing usable → "?".
  static func initials(_ name: String) -> String {
    let words = name.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
    if words.count >= 2, let a = words.first?.first, let b = words.last?.first {
      return (String(a) + String(b)).uppercased()
    }
    if let word = words.first { return String(word.prefix(2)).uppercased() }
    return "?"
  }
}
