import Columnar

/// A segment's figures as they are now, shown beside a persona on its card.
struct PersonaFigures: Sendable, Equatable {
  /// The segment's table.
  var tableName: String
  /// Members now.
  var size: Int
  /// Rows in the table.
  var base: Int
  /// The revenue column and the segment's share of its sum, when the table has one.
  var revenue: (column: String, share: Double)?
  /// The most over-represented values with strong evidence, at most three.
  var traits: [TraitIndex]
  /// The members' age quartiles, when the table has an `age` column.
  var age: (p25: Double, median: Double, p75: Double)?
  /// The channel most members prefer, when the table has a `preferred_channel` column.
  var channel: TraitIndex?

  /// The members' share of the table.
  var share: Double { base == 0 ? 0 : Double(size) / Double(base) }

  /// Columns a segment's revenue is read from, in order of preference.
  static let revenueColumns = ["total_spend", "revenue", "monetary", "spend", "amount"]

  // Written out because tuples are not Equatable.
  static func == (a: PersonaFigures, b: PersonaFigures) -> Bool {
    a.tableName == b.tableName && a.size == b.size && a.base == b.base
      && a.revenue?.column == b.revenue?.column && a.revenue?.share == b.revenue?.share
      && a.traits == b.traits && a.age?.p25 == b.age?.p25 && a.age?.median == b.age?.median
      && a.age?.p75 == b.age?.p75 && a.channel == b.channel
  }
}

extension PersonaFigures {
  /// Reads a segment's figures from its table's engine.
  /// - Throws: when the engine cannot answer.
  init(_ reader: SegmentReader) throws(EvalError) {
    tableName = reader.schema.name
    (size, base) = try reader.sizes()
    if let column = reader.column(Self.revenueColumns, where: \.isNumeric) {
      revenue = (column.name, try reader.shareOfSum(column))
    }
    // Columns with many distinct values (names, ids) say nothing about a segment's character.
    var found: [TraitIndex] = []
    for column in reader.schema.columns where column.type.isCategorical {
      let (traits, distinct) = try reader.traits(column)
      guard distinct <= 50 else { continue }
      if let best = traits.first(where: { !SegmentFigures.isWeak($0) && $0.index > 100 }) {
        found.append(best)
      }
    }
    traits = Array(
      found.sorted {
        $0.index != $1.index ? $0.index > $1.index : $0.column.utf8.lexicographicallyPrecedes($1.column.utf8)
      }
      .prefix(3))
    if let column = reader.column(["age"], where: \.isNumeric),
      let q = try reader.quartiles(column, membersOnly: true)
    {
      age = (q.p25, q.median, q.p75)
    }
    if let column = reader.column(["preferred_channel", "channel"], where: { $0 == .string }) {
      channel = try reader.mostCommon(column)
    }
  }
}

/// Where a persona no longer matches its segment's figures.
///
/// The rules: the stated age has drifted when it lies outside the members' middle half (25th to
/// 75th percentile) or more than 5 years from their median; the first channel has drifted when it is
/// not the channel most members prefer now. A persona without an age or channels, or a table without
/// those columns, cannot drift on them.
struct PersonaDrift: Sendable, Equatable {
  /// The field that drifted; nil when the segment itself changed (see `segmentChanged`).
  var field: PersonaField?
  /// What the persona says.
  var stated: String
  /// What the segment says now.
  var current: String
  /// The sentence the card shows.
  var note: String

  /// What drifted, as the persona listing and the exports name it: a field's name, or `segment`.
  var subject: String { field?.rawValue ?? "segment" }

  /// The drift of a persona whose segment was redefined or moved to another table since it was
  /// written (`then`), or nil when it still stands for the same rows (`now`).
  static func segmentChanged(from then: SegmentBinding, to now: SegmentBinding, persona: String)
    -> PersonaDrift?
  {
    guard !then.isSame(as: now) else { return nil }
    let change: String
    if then.tableName.lowercased() != now.tableName.lowercased() {
      change = "it now groups rows of another table: \(now.summary)"
    } else if then.definition != now.definition {
      change = "it is now \(now.summary)"
    } else if then.madeColumns != now.madeColumns {
      change = "it now reads \(now.madeColumns.joined(separator: ", "))"
    } else {
      change = "a segment it names was redefined: \(now.usedSegments.joined(separator: "; "))"
    }
    return PersonaDrift(
      field: nil, stated: then.summary, current: now.summary,
      note: "written for segment \(then.segment) as \(then.summary); \(change). Check the persona, then "
        + "'persona \(personaNameForCommand(persona)) set segment \(now.segment)' binds it to the segment as it is"
    )
  }

  /// Years from the median beyond which a stated age has drifted.
  static let ageTolerance = 5.0

  /// The drifts of `persona` against `figures`, age first.
  static func check(_ persona: Persona, against figures: PersonaFigures) -> [PersonaDrift] {
    var drifts: [PersonaDrift] = []
    if let stated = persona.age, let age = figures.age, figures.size > 0 {
      let a = Double(stated)
      if a < age.p25 || a > age.p75 || abs(a - age.median) > ageTolerance {
        let median = SegmentFigures.amount(age.median)
        drifts.append(
          PersonaDrift(
            field: .age, stated: String(stated), current: median,
            note: "stated age \(stated), but the segment's median age is now \(median) (middle half "
              + "\(SegmentFigures.amount(age.p25)) to \(SegmentFigures.amount(age.p75)))"))
      }
    }
    if let first = persona.values[.channels]?.first, let top = figures.channel,
      first.lowercased() != top.value.lowercased()
    {
      drifts.append(
        PersonaDrift(
          field: .channels, stated: first, current: top.value,
          note: "first channel \(first), but most members now prefer \(top.value) "
            + "(\(Figures.percent(top.share)) of members)"))
    }
    return drifts
  }
}
