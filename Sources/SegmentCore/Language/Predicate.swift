/// A literal value written in a command: `"M"`, `18`, `12.5`, `2026-08-01`, `true`.
public struct Literal: Sendable, Equatable {
  /// The literal's value.
  public enum Value: Sendable, Equatable {
    case int(Int64)
    case double(Double)
    case string(String)
    case date(Int32)
    case bool(Bool)
  }

  /// The value.
  public var value: Value
  /// Where it stands in the command.
  public var range: SourceRange

  /// Creates a literal.
  public init(_ value: Value, at range: SourceRange) {
    self.value = value
    self.range = range
  }

  /// The literal's type name, for type errors ("age is Int, "abc" is a String").
  public var typeName: String {
    switch value {
    case .int: return "an Int"
    case .double: return "a Double"
    case .string: return "a String"
    case .date: return "a Date"
    case .bool: return "a Bool"
    }
  }
}

/// The units of a duration: `90 days`, `3 months`, `1 year`.
public enum DurationUnit: String, Sendable, Equatable, CaseIterable {
  case days
  case weeks
  case months
  case years
}

/// A predicate of the segment language (DESIGN §4), with where each part stands so errors and the
/// per-clause breakdown can name it.
public struct Predicate: Sendable, Equatable {
  /// The predicate's shape.
  public indirect enum Kind: Sendable, Equatable {
    /// `c op literal`
    case compare(Name, ComparisonOperator, Literal)
    /// `c [not] between a and b` (inclusive)
    case between(Name, Literal, Literal, negated: Bool)
    /// `c [not] in (a, b, ...)`
    case oneOf(Name, [Literal], negated: Bool)
    /// `c [not] contains "x"`, `starts with`, `ends with`
    case text(Name, TextMatch, Literal, negated: Bool)
    /// `c is [not] null`
    case isNull(Name, negated: Bool)
    /// `c within N days` (today − N ≤ c ≤ today)
    case within(Name, amount: Int, unit: DurationUnit)
    /// `c before DATE`
    case before(Name, Literal)
    /// `c after DATE`
    case after(Name, Literal)
    /// A segment's name (membership) or a Bool column's name (true rows).
    case reference(Name)
    case and(Predicate, Predicate)
    case or(Predicate, Predicate)
    case not(Predicate)
  }

  /// The shape.
  public var kind: Kind
  /// The predicate's whole extent in the command.
  public var range: SourceRange

  /// Creates a predicate.
  public init(_ kind: Kind, at range: SourceRange) {
    self.kind = kind
    self.range = range
  }

  /// The clauses joined by the top-level `and`s, in order; a single clause when there is no `and`.
  /// - Complexity: O(clauses), with a work list rather than recursion, so that long chains are safe.
  public var topLevelClauses: [Predicate] {
    var clauses: [Predicate] = []
    var pending = [self]
    while let next = pending.popLast() {
      if case .and(let a, let b) = next.kind {
        pending.append(b)
        pending.append(a)
      } else {
        clauses.append(next)
      }
    }
    return clauses
  }

  /// Every column the predicate compares (not bare references), left to right.
  public var comparedColumns: [Name] {
    var names: [Name] = []
    var pending = [self]
    while let next = pending.popLast() {
      switch next.kind {
      case .compare(let name, _, _), .between(let name, _, _, _), .oneOf(let name, _, _), .text(let name, _, _, _),
        .isNull(let name, _), .within(let name, _, _), .before(let name, _), .after(let name, _):
        names.append(name)
      case .reference: break
      case .and(let a, let b), .or(let a, let b):
        pending.append(b)
        pending.append(a)
      case .not(let p): pending.append(p)
      }
    }
    return names
  }

  /// Every name the predicate mentions as a bare reference (segments or Bool columns), left to right.
  public var references: [Name] {
    var names: [Name] = []
    var pending = [self]
    while let next = pending.popLast() {
      switch next.kind {
      case .reference(let name): names.append(name)
      case .and(let a, let b), .or(let a, let b):
        pending.append(b)
        pending.append(a)
      case .not(let p): pending.append(p)
      default: break
      }
    }
    return names
  }
}
