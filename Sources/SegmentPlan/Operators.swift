/// A comparison operator.
public enum ComparisonOperator: String, Sendable, Hashable, CaseIterable {
  case equal = "="
  case notEqual = "!="
  case less = "<"
  case lessOrEqual = "<="
  case greater = ">"
  case greaterOrEqual = ">="
}

/// The text tests: `contains`, `starts with`, `ends with`.
public enum TextMatch: String, Sendable, Hashable, CaseIterable {
  case contains
  case startsWith = "starts with"
  case endsWith = "ends with"
}
