import Columnar

/// `persona draft for SEG`: a persona filled in from what the segment's rows say against its table.
///
/// Each drafted value keeps its evidence. Fields a column's name points to come first: age, income and
/// spending from the members' medians; gender, location, job, education, device, channels and
/// interests from the most over-represented values (index = 100 × share in the segment / share in the
/// table, with the count behind it). A value whose evidence is weak (fewer than 30 members, or an index
/// within 90–110) is flagged and left out. Then, whatever the columns are called, `traits` holds the
/// strongest findings of `profile SEG` on the other columns, those that define the segment first.
/// The human fields (name, quote, goals, pains) are left as prompts.
struct PersonaDraft {
  /// The segment's figures, read from its table's engine.
  let reader: SegmentReader
  /// The columns the segment's definition tests.
  let defining: [String]
  /// The lines of `profile SEG` against the whole table over its columns less ids, categories and
  /// numbers together, unsorted.
  let profile: [ProfileLine]
  var persona: Persona
  /// The columns a field read, lowercased: `traits` does not state them again.
  private var read: Set<String> = []

  /// At most this many traits, besides those of the defining columns.
  static let traitCount = 5

  /// Drafts a persona named `name` for `segment`, whose figures `reader` reads and whose definition
  /// tests the columns `defining`, with the segment's `profile` lines; `labels` (a model's label
  /// columns, such as `cluster`) are never stated.
  /// - Throws: when the engine cannot answer.
  static func make(
    name: String, segment: Segment, reader: SegmentReader, defining: [String], profile: [ProfileLine],
    labels: [String] = []
  ) throws(EvalError) -> Persona {
    var draft = PersonaDraft(
      reader: reader, defining: defining, profile: profile,
      persona: Persona(name: name, segment: segment.name))
    draft.persona.isDrafted = true
    draft.persona.hasPlaceholderName = true
    draft.read.formUnion(labels.map { $0.lowercased() })
    try draft.fill()
    return draft.persona
  }

  /// The table's name, as the notes say it.
  private var base: String { reader.schema.name }

  private mutating func fill() throws(EvalError) {
    try median(.age, columns: ["age"], unit: "age")
    try category(.gender, columns: ["gender", "sex"])
    try location()
    try category(.job, columns: ["occupation", "job", "job_title"])
    try category(.education, columns: ["education"])
    try median(.income, columns: ["income", "annual_income"], unit: "income")
    try channels()
    try category(.device, columns: ["device"])
    try interests()
    try habits()
    traits()
  }

  private mutating func record(_ field: PersonaField, _ value: String, note: String, weak: Bool) {
    persona.evidence.append(PersonaEvidence(field: field, value: value, note: note, isWeak: weak))
    if !weak { persona.values[field] = [value] }
  }

  /// The members' median of a numeric column.
  private mutating func median(_ field: PersonaField, columns: [String], unit: String) throws(EvalError) {
    guard let column = reader.column(columns, where: \.isNumeric) else { return }
    read.insert(column.name.lowercased())
    guard let figures = try reader.quartiles(column, membersOnly: true) else { return }
    let all =
      try reader.quartiles(column, membersOnly: false).map { SegmentFigures.amount($0.median) } ?? "none"
    let value = field == .age ? String(Int(figures.median.rounded())) : SegmentFigures.amount(figures.median)
    let note =
      "median \(column.name) of \(SegmentFigures.members(figures.count)) (middle half "
      + "\(SegmentFigures.amount(figures.p25)) to \(SegmentFigures.amount(figures.p75))); "
      + "\(base) median \(all)"
    record(field, value, note: note, weak: figures.count < SegmentFigures.minimumRows)
  }

  /// The most over-represented value of a category column, among those enough members hold.
  private mutating func category(_ field: PersonaField, columns: [String]) throws(EvalError) {
    guard let column = reader.column(columns, where: \.isCategorical) else { return }
    read.insert(column.name.lowercased())
    guard let best = try strongest(column) else { return }
    record(
      field, best.value, note: "\(column.name) " + SegmentFigures.describe(best, base: base),
      weak: SegmentFigures.isWeak(best))
  }

  private func strongest(_ column: ColumnSchema) throws(EvalError) -> TraitIndex? {
    SegmentFigures.strongest(try reader.traits(column).traits)
  }

  /// The narrowest place with strong evidence: city, then region, then country.
  private mutating func location() throws(EvalError) {
    let places = ["city", "region", "state", "country"].compactMap {
      reader.column([$0], where: \.isCategorical)
    }
    var fallback: (ColumnSchema, TraitIndex)?
    read.formUnion(places.map { $0.name.lowercased() })
    for column in places {
      guard let best = try strongest(column) else { continue }
      if !SegmentFigures.isWeak(best) {
        record(
          .location, best.value, note: "\(column.name) " + SegmentFigures.describe(best, base: base),
          weak: false)
        return
      }
      fallback = (column, best)
    }
    if let (column, best) = fallback {
      record(
        .location, best.value, note: "\(column.name) " + SegmentFigures.describe(best, base: base),
        weak: true)
    }
  }

  /// The channel most members prefer first (drift is checked against it), then the most
  /// over-represented one when it differs and its evidence is strong.
  private mutating func channels() throws(EvalError) {
    guard let column = reader.column(["preferred_channel", "channel"], where: { $0 == .string }) else {
      return
    }
    read.insert(column.name.lowercased())
    guard let top = try reader.mostCommon(column) else { return }
    var items = [top.value]
    var note =
      "most common \(column.name): \(Figures.percent(top.share)) of members "
      + "(\(SegmentFigures.members(top.count)), index \(SegmentFigures.index(top.index)))"
    if let over = try strongest(column), over.value != top.value, !SegmentFigures.isWeak(over) {
      items.append(over.value)
      note += "; most over-represented: \(over.value), " + SegmentFigures.describe(over, base: base)
    }
    let weak = top.count < SegmentFigures.minimumRows
    persona.evidence.append(
      PersonaEvidence(field: .channels, value: items.joined(separator: ", "), note: note, isWeak: weak))
    if !weak { persona.values[.channels] = items }
  }

  /// Up to three interests the members hold clearly more often than the table.
  private mutating func interests() throws(EvalError) {
    guard let column = reader.column(["interests"], where: \.isCategorical) else { return }
    read.insert(column.name.lowercased())
    let traits = try reader.traits(column).traits
    let strong = traits.filter { !SegmentFigures.isWeak($0) && $0.index > 100 }.prefix(3)
    guard !strong.isEmpty else {
      if let best = SegmentFigures.strongest(traits) {
        record(
          .interests, best.value,
          note: "\(column.name) " + SegmentFigures.describe(best, base: base), weak: true)
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
  private mutating func habits() throws(EvalError) {
    let figures: [(column: String, label: String)] = [
      ("total_spend", "spent in all"), ("orders", "orders"), ("avg_order_value", "an order"),
    ]
    var said: [String] = []
    var whole: [String] = []
    var count = Int.max
    for (name, label) in figures {
      guard let column = reader.column([name], where: \.isNumeric) else { continue }
      read.insert(column.name.lowercased())
      guard let mine = try reader.quartiles(column, membersOnly: true),
        let all = try reader.quartiles(column, membersOnly: false)
      else { continue }
      count = min(count, mine.count)
      said.append("\(SegmentFigures.amount(mine.median)) \(label)")
      whole.append("\(SegmentFigures.amount(all.median)) \(label)")
    }
    var notes = whole.isEmpty ? [] : ["medians; \(base): " + whole.joined(separator: ", ")]
    let tier = reader.column(["loyalty_tier"], where: { $0 == .string })
    if let tier { read.insert(tier.name.lowercased()) }
    if let tier, let best = try strongest(tier), !SegmentFigures.isWeak(best) {
      said.append("\(tier.name) \(best.value)")
      notes.append("\(tier.name) " + SegmentFigures.describe(best, base: base))
    }
    guard !said.isEmpty else { return }
    let weak = count != Int.max && count < SegmentFigures.minimumRows
    record(.habits, said.joined(separator: ", "), note: notes.joined(separator: "; "), weak: weak)
  }

  /// The strongest findings of `profile SEG` on the columns no field above read, whatever they are
  /// called: one per column, those of the defining columns first, then up to `traitCount` more in the
  /// profile's order (largest |z| first). Ids are left out as `profile` leaves them out.
  private mutating func traits() {
    var chosen: [ProfileLine] = []
    var seen = read
    for line in profile.sorted(by: ProfileLine.distinctiveFirst)
    where Self.isStrong(line) && seen.insert(line.finding.column.lowercased()).inserted {
      chosen.append(line)
    }
    let definers = Set(defining.map { $0.lowercased() })
    let defined = chosen.filter { definers.contains($0.finding.column.lowercased()) }
    let others = chosen.filter { !definers.contains($0.finding.column.lowercased()) }.prefix(Self.traitCount)
    let lines = defined + others
    guard !lines.isEmpty else { return }
    let items = lines.map { Self.item($0.finding) }
    let notes = lines.map { line in
      Self.evidence(line, base: base)
        + (definers.contains(line.finding.column.lowercased()) ? " (defines the segment)" : "")
    }
    persona.evidence.append(
      PersonaEvidence(
        field: .traits, value: items.joined(separator: ", "),
        note: "strongest in profile \(persona.segment): " + notes.joined(separator: "; "), isWeak: false))
    persona.values[.traits] = items
  }

  /// Whether a profile line is strong enough to state: at least 30 members behind it, a test on enough
  /// rows with |z| ≥ 2, and for a category a value clearly over-represented (index above 110), for a
  /// number a mean more than 10% from the base's (dates: the z alone).
  static func isStrong(_ line: ProfileLine) -> Bool {
    guard let z = line.z, abs(z) >= SegmentFigures.minimumZ, !line.finding.isSmall,
      line.finding.count >= SegmentFigures.minimumRows
    else { return false }
    let neutral = SegmentFigures.neutralIndex
    switch line.finding.kind {
    case .category:
      return (line.index ?? 0) > neutral.upperBound
    case .number(_, _, _, let isTime):
      return isTime || line.index.map { !neutral.contains($0) } ?? true
    }
  }

  /// A trait as the card lists it: "poutcome success", "higher duration", "earlier signup_date".
  static func item(_ finding: ProfileFinding) -> String {
    switch finding.kind {
    case .category(let value, _, _):
      return "\(finding.column) \(value)"
    case .number(_, _, let higher, let isTime):
      let word = isTime ? (higher ? "later" : "earlier") : (higher ? "higher" : "lower")
      return "\(word) \(finding.column)"
    }
  }

  /// The figures behind a trait: "poutcome success index 558, 15.9% vs 2.9% of bank, z 19.1" or
  /// "duration mean 552.74 vs 263.96 in bank, z 18.7".
  static func evidence(_ line: ProfileLine, base: String) -> String {
    let z = line.z.map { ", z " + Figures.fixed($0, decimals: 1) } ?? ""
    switch line.finding.kind {
    case .category(let value, let share, let baseShare):
      return "\(line.finding.column) \(value) index \(line.index.map(SegmentFigures.index) ?? "none"), "
        + "\(Figures.percent(share)) vs \(Figures.percent(baseShare)) of \(base)" + z
    case .number(let mean, let baseMean, _, _):
      return "\(line.finding.column) mean \(mean) vs \(baseMean) in \(base)" + z
    }
  }
}
