/// `export personas`: every persona's card as a Markdown document or as JSON with a stable key order.
enum PersonaExport {
  /// The Markdown cards: a heading per persona, its segment's figures, and a table of its fields.
  static func markdown(_ cards: [PersonaCard]) -> String {
    var out = "# Personas\n"
    for card in cards {
      out += "\n## \(escape(card.persona.name))\n\n"
      out +=
        "*\(card.persona.isDraft ? "Draft persona" : "Persona") for segment "
        + "\(escape(card.persona.segment)): \(escape(card.segmentLine)).*\n"
      if let traits = card.traitsLine { out += "\n**Stands out:** \(escape(traits))\n" }
      out += "\n| field | value | evidence |\n|---|---|---|\n"
      for row in card.rows {
        let value: String
        switch row.kind {
        case .value: value = PersonaCard.display(row.field, row.items).map(escape).joined(separator: "<br>")
        case .weak:
          value = "? " + escape(row.items.joined(separator: ", ")) + " (weak evidence, not asserted)"
        case .prompt: value = "*to write: \(escape(row.note ?? ""))*"
        }
        let note = row.kind == .prompt ? "" : escape(row.note ?? "")
        out += "| \(row.field.label) | \(value) | \(note) |\n"
      }
      if let toWrite = card.stillToWriteLine { out += "\n**Still to write:** \(escape(toWrite))\n" }
      for drift in card.drifts { out += "\n> **Drifted:** \(escape(drift.note))\n" }
    }
    return out
  }

  /// The personas as JSON: keys always in the same order, figures as numbers.
  static func json(_ cards: [PersonaCard]) -> String {
    var people: [String] = []
    for card in cards {
      let p = card.persona
      var fields: [String] = []
      for field in PersonaField.allCases where field != .name {
        guard let items = p.values[field], !items.isEmpty else { continue }
        let value: String
        switch field.shape {
        case .years: value = items[0]
        case .level: value = Int(items[0]) != nil ? items[0] : JSONText.quote(items[0])
        case .text: value = JSONText.quote(items[0])
        case .list: value = "[" + items.map(JSONText.quote).joined(separator: ", ") + "]"
        }
        fields.append("\"\(field.rawValue)\": \(value)")
      }
      let evidence = p.evidence.map {
        "{\"field\": \(JSONText.quote($0.field.rawValue)), \"value\": \(JSONText.quote($0.value)), "
          + "\"weak\": \($0.isWeak), \"note\": \(JSONText.quote($0.note))}"
      }
      let drifts = card.drifts.map {
        "{\"field\": \(JSONText.quote($0.subject)), \"stated\": \(JSONText.quote($0.stated)), "
          + "\"current\": \(JSONText.quote($0.current)), \"note\": \(JSONText.quote($0.note))}"
      }
      var entry = "    {\n"
      entry += "      \"name\": \(JSONText.quote(p.name)),\n"
      entry += "      \"segment\": \(JSONText.quote(p.segment)),\n"
      entry += "      \"draft\": \(p.isDraft),\n"
      entry += "      \"fields\": {" + fields.joined(separator: ", ") + "},\n"
      entry +=
        "      \"still_to_write\": ["
        + p.stillToWrite.map { JSONText.quote($0.rawValue) }
        .joined(separator: ", ") + "],\n"
      entry += "      \"evidence\": " + list(evidence) + ",\n"
      entry += "      \"figures\": " + figures(card.figures) + ",\n"
      entry += "      \"drift\": " + list(drifts) + "\n"
      entry += "    }"
      people.append(entry)
    }
    return "{\n  \"personas\": [\n" + people.joined(separator: ",\n") + (people.isEmpty ? "" : "\n")
      + "  ]\n}\n"
  }

  private static func list(_ objects: [String]) -> String {
    objects.isEmpty ? "[]" : "[\n        " + objects.joined(separator: ",\n        ") + "\n      ]"
  }

  private static func figures(_ figures: PersonaFigures?) -> String {
    guard let f = figures else { return "null" }
    var parts = [
      "\"table\": \(JSONText.quote(f.tableName))", "\"size\": \(f.size)", "\"base\": \(f.base)",
      "\"share\": \(Figures.fixed(f.share, decimals: 4))",
    ]
    if let revenue = f.revenue {
      parts.append("\"revenue_column\": \(JSONText.quote(revenue.column))")
      parts.append("\"revenue_share\": \(Figures.fixed(revenue.share, decimals: 4))")
    }
    let traits = f.traits.map {
      "{\"column\": \(JSONText.quote($0.column)), \"value\": \(JSONText.quote($0.value)), "
        + "\"index\": \(Figures.fixed($0.index, decimals: 1)), \"count\": \($0.count)}"
    }
    parts.append("\"stands_out\": [" + traits.joined(separator: ", ") + "]")
    return "{" + parts.joined(separator: ", ") + "}"
  }

  /// Text safe inside a Markdown table cell or paragraph.
  static func escape(_ text: String) -> String {
    var out = ""
    for c in text {
      switch c {
      case "|": out += "\\|"
      case "*", "_", "`", "<", ">", "[", "]": out += "\\" + String(c)
      default: out.append(c.isNewline ? " " : c)
      }
    }
    return out
  }
}
