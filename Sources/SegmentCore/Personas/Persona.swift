/// What a draft read from the data for one field, kept beside the value so a reader can judge it.
public struct PersonaEvidence: Sendable, Equatable {
  /// The field the evidence is for.
  public var field: PersonaField
  /// The value the data points to.
  public var value: String
  /// The figures behind it, e.g. "index 182: 74.1% of members vs 40.7% of customers (306)".
  public var note: String
  /// True when the figures are too thin to assert the value (few rows, index near 100): the draft
  /// flags it and leaves the field empty.
  public var isWeak: Bool

  /// Creates evidence.
  public init(field: PersonaField, value: String, note: String, isWeak: Bool) {
    self.field = field
    self.value = value
    self.note = note
    self.isWeak = isWeak
  }
}

/// A fictional, named person who stands for one segment (DESIGN §1): fields written by hand or drafted
/// from the segment's figures, each drafted value with its evidence.
///
/// A persona belongs to one segment by name; a segment may have several personas.
public struct Persona: Sendable, Equatable {
  /// The persona's name, by which commands find it (case-insensitive).
  public var name: String
  /// The segment it stands for.
  public var segment: String
  /// What the segment was when the persona was written or last bound to it: a segment redefined or
  /// moved to another table since then shows as drift.
  public internal(set) var binding: SegmentBinding?
  /// The fields' values; a single-valued field holds one item. Never iterated for output: output
  /// follows `PersonaField.allCases`.
  public internal(set) var values: [PersonaField: [String]] = [:]
  /// What the draft read from the data, in field order; a field set by hand loses its evidence.
  public internal(set) var evidence: [PersonaEvidence] = []
  /// True when `persona draft` made it.
  public internal(set) var isDrafted = false
  /// True while a drafted persona still has the name the draft gave it.
  public internal(set) var hasPlaceholderName = false

  /// Creates a persona with no fields.
  public init(name: String, segment: String) {
    self.name = name
    self.segment = segment
  }

  /// The field's items (one for a single-valued field), empty when unset.
  public func items(_ field: PersonaField) -> [String] {
    field == .name ? [name] : values[field] ?? []
  }

  /// The stated age, when there is one.
  public var age: Int? { values[.age]?.first.flatMap { Int($0) } }

  /// The fields that are set, in card order (the name excepted).
  public var filledFields: [PersonaField] {
    PersonaField.allCases.filter { $0 != .name && !(values[$0] ?? []).isEmpty }
  }

  /// The human fields a drafted persona still lacks (name, quote, goals, pains); empty for a persona
  /// written by hand, whose writer chose what to fill.
  public var stillToWrite: [PersonaField] {
    guard isDrafted else { return [] }
    return PersonaField.human.filter { field in
      field == .name ? hasPlaceholderName : (values[field] ?? []).isEmpty
    }
  }

  /// True while a drafted persona has prompts left to write.
  public var isDraft: Bool { !stillToWrite.isEmpty }

  /// The evidence for a field, if the draft left any.
  public func evidence(for field: PersonaField) -> PersonaEvidence? {
    evidence.first { $0.field == field }
  }

  /// Replaces a field's value; `.name` renames the persona. The field's drafted evidence goes: the
  /// value is now the writer's.
  public mutating func set(_ field: PersonaField, to items: [String]) {
    if field == .name {
      name = items.first ?? name
      hasPlaceholderName = false
    } else {
      values[field] = items
    }
    evidence.removeAll { $0.field == field }
  }

  /// Adds items to a list field, skipping ones it already holds (compared case-insensitively).
  public mutating func add(_ field: PersonaField, items: [String]) {
    var current = values[field] ?? []
    for item in items where !current.contains(where: { $0.lowercased() == item.lowercased() }) {
      current.append(item)
    }
    values[field] = current
    evidence.removeAll { $0.field == field }
  }
}

/// The name as a command would write it: bare when it is a plain word, else in double quotes.
func personaNameForCommand(_ name: String) -> String {
  let plain =
    !name.isEmpty && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
    && !(name.first?.isNumber ?? true)
  return plain ? name : "\"" + name.replacing("\"", with: "\"\"") + "\""
}
