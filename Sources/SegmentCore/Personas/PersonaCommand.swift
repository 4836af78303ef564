/// One `FIELD VALUE` line of a persona block, or the field and value of `set` and `add`.
public struct PersonaEntry: Sendable, Equatable {
  /// The field.
  public var field: PersonaField
  /// The value's items: one for a single-valued field, one or more for a list.
  public var items: [String]
  /// Where the line stands in the command, from the field word to the last value.
  public var range: SourceRange

  /// Creates an entry.
  public init(field: PersonaField, items: [String], range: SourceRange) {
    self.field = field
    self.items = items
    self.range = range
  }
}

/// A parsed persona command (DESIGN §4).
public enum PersonaCommand: Sendable, Equatable {
  /// `persona "NAME" for SEG` ... `end`: a persona written by hand, replacing one of that name.
  case define(name: Name, segment: Name, entries: [PersonaEntry])
  /// `persona draft for SEG [as NAME]`: a persona filled in from the segment's figures.
  case draft(segment: Name, name: Name?)
  /// `persona NAME set FIELD VALUE`
  case set(persona: Name, entry: PersonaEntry)
  /// `persona NAME set segment SEG`: the persona stands for SEG as it is now (another segment, or
  /// its own after a redefinition, which clears the segment's drift).
  case bind(persona: Name, segment: Name)
  /// `persona NAME add FIELD VALUE, ...` (list fields)
  case add(persona: Name, entry: PersonaEntry)
  /// `personas`
  case list
  /// `show persona NAME`
  case show(Name)
  /// `drop persona NAME`
  case drop(Name)
  /// `export personas to "FILE.md"|"FILE.json" [replace]`
  case export(path: String, range: SourceRange, replace: Bool)
}
