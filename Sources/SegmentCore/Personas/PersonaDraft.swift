import Columnar

/// `persona draft for SEG`: a persona filled in from what the segment's rows say against its table.
///
/// Each drafted value keeps its evidence: age, income and spending from the members' medians; gender,
/// location, job, education, device, channels and interests from the most over-represented values
/// (index = 100 × share in the segment / share in the table, with the count behind it). A value
/// whose evidence is weak (fewer than 30 members, or an index within 90–110) is flagged and left
/// out. Columns the table does not have are skipped; the human fields (name, quote, goals, pains)
/// are left as prompts.
struct PersonaDraft {
  let table: Table
  let members: Bitmap
  var persona: Persona

  /// Drafts a persona named `name` for `segment`, whose member rows of `table` are `members`.
  /// - Complexity: O(n log n) over the table's rows for each column read.
  static func make(name: String, segment: Segment, members: Bitmap, table: Table) -> Persona {
    var draft = PersonaDraft(
      table: table, members: members, persona: Persona(name: name, segment: segment.name))
    draft.persona.isDrafted = true
    draft.persona.hasPlaceholderName = true
    draft.fill()
    return draft.persona
  }

  private mutating func fill() {
    median(.age, columns: ["age"], unit: "age")
    category(.gender, columns: ["gender", "sex"])
    location()
    category(.job, columns: ["occupation", "job", "job_title"])
    category(.education, columns: ["education"])
    median(.income, columns: ["income", "annual_income"], unit: "income")
    channels()
    category(.device, columns: ["device"])
    interests()
    habits()
  }

  private mutating func record(_ field: PersonaField, _ value: String, note: String, weak: Bool) {
    persona.evidence.append(PersonaEvidence(field: field, value: value, note: note, isWeak: weak))
    if !weak { persona.values[field] = [value] }
  }

  /// The members' median of a numeric column.
  private mutating func median(_ field: PersonaField, columns: [String], unit: String) {
    guard let column = SegmentFigures.column(table, columns, where: SegmentFigures.isNumber),
      let figures = SegmentFigures.quartiles(column, rows: members)
    else { return }
    let base = SegmentFigures.quartiles(column, rows: nil).map { SegmentFigures.amount($0.median) } ?? "none"
    let value = field == .age ? String(Int(figures.median.rounded())) : SegmentFigures.amount(figures.median)
    let note =
      "median \(column.name) of \(SegmentFigures.members(figures.count)) (middle half "
      + "\(SegmentFigures.amount(figures.p25)) to \(SegmentFigures.amount(figures.p75))); "
      + "\(table.name) median \(base)"
    record(field, value, note: note, weak: figures.count < SegmentFigures.minimumRows)
  }

  /// The most over-represented value of a category column, among those enough members hold.
  private mutating func category(_ field: PersonaField, columns: [String]) {
    guard let column = SegmentFigures.column(table, columns, where: SegmentFigures.isCategory),
      let best = strongest(column)
    else { return }
    record(
      field, best.value, note: "\(column.name) " + SegmentFigures.describe(best, base: table.name),
      weak: SegmentFigures.isWeak(best))
  }

  private func strongest(_ column: Column) -> TraitIndex? {
    SegmentFigures.strongest(SegmentFigures.traits(column, members: members))
  }

  /// The narrowest place with strong evidence: city, then region, then country.
  private mutating func location() {
    let places = ["city", "region", "state", "country"].compactMap {
      SegmentFigures.column(table, [$0], where: SegmentFigures.isCategory)
    }
    var fallback: (Column, TraitIndex)?
    for column in places {
      guard let best = strongest(column) else { continue }
      if !SegmentFigures.isWeak(best) {
        record(
          .location, best.value, note: "\(column.name) " + SegmentFigures.describe(best, base: table.name),
          weak: false)
        return
      }
      fallback = (column, best)
    }
    if let (column, best) = fallback {
      record(
        .location, best.value, note: "\(column.name) " + SegmentFigures.describe(best, base: table.name),
        weak: true)
    }
  }

  /// The channel most members prefer first (drift is checked against it), then the most
  /// over-represented one when it differs and its evidence is strong.
  private mutating func channels() {
    guard
      let column = SegmentFigures.column(
        table, ["preferred_channel", "channel"], where: { $0.type == .string }),
      let top = SegmentFigures.mostCommon(column, members: members)
    else { return }
    var items = [top.value]
    var note =
      "most common \(column.name): \(Figures.percent(top.share)) of members "
      + "(\(SegmentFigures.members(top.count)), index \(SegmentFigures.index(top.index)))"
    if let over = strongest(column), over.value != top.value, !SegmentFigures.isWeak(over) {
      items.append(over.value)
      note += "; most over-represented: \(over.value), " + SegmentFigures.describe(over, base: table.name)
    }
    let weak = top.count < SegmentFigures.minimumRows
    persona.evidence.append(
      PersonaEvidence(field: .channels, value: items.joined(separator: ", "), note: note, isWeak: weak))
    if !weak { persona.values[.channels] = items }
  }

  /// Up to three interests the members hold clearly more often than the table.
  private mutating func interests() {
    guard let column = SegmentFigures.column(table, ["interests"], where: SegmentFigures.isCategory) else {
      return
    }
    let traits = SegmentFigures.traits(column, members: members)
    let strong = traits.filter { !SegmentFigures.isWeak($0) && $0.index > 100 }.prefix(3)
    guard !strong.isEmpty else {
      if let best = SegmentFigures.strongest(traits) {
        record(
          .interests, best.value,
          note: "\(column.name) " + SegmentFigures.describe(best, base: table.name), weak: true)
      }
      return
    }
    let note = strong.map {
      "\($0.value) index \(SegmentFigures.index($0.index)) (\(Figures.grouped($0.count)))"
    }
    persona.evidence.append(
      PersonaEvidence(
        field: .interests, value: strong.map(\.value).joined(separator: ", "),
        note: "\(column.name) over-represented: " + note.joined(separator: ", "), isWeak: false))
    persona.values[.interests] = strong.map(\.value)
  }

  /// Spending and order habits from medians, with the loyalty tier members over-index on.
  private mutating func habits() {
    let figures: [(column: String, label: String)] = [
      ("total_spend", "spent in all"), ("orders", "orders"), ("avg_order_value", "an order"),
    ]
    var said: [String] = []
    var base: [String] = []
    var count = Int.max
    for (name, label) in figures {
      guard let column = SegmentFigures.column(table, [name], where: SegmentFigures.isNumber),
        let mine = SegmentFigures.quartiles(column, rows: members),
        let all = SegmentFigures.quartiles(column, rows: nil)
      else { continue }
      count = min(count, mine.count)
      said.append("\(SegmentFigures.amount(mine.median)) \(label)")
      base.append("\(SegmentFigures.amount(all.median)) \(label)")
    }
    var notes = base.isEmpty ? [] : ["medians; \(table.name): " + base.joined(separator: ", ")]
    if let tier = SegmentFigures.column(table, ["loyalty_tier"], where: { $0.type == .string }),
      let best = strongest(tier), !SegmentFigures.isWeak(best)
    {
      said.append("\(tier.name) \(best.value)")
      notes.append("\(tier.name) " + SegmentFigures.describe(best, base: table.name))
    }
    guard !said.isEmpty else { return }
    let weak = count != Int.max && count < SegmentFigures.minimumRows
    record(.habits, said.joined(separator: ", "), note: notes.joined(separator: "; "), weak: weak)
  }
}
