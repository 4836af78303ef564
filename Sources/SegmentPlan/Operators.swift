/// A comparison operator.
public enum ComparisonOperator: String, Sendable, Hashable, CaseIterable {
  case equal = "="
  case notEqual = "!="
  case less = "<"
  case lessOrEqual = "<="
  case greater = ">"
  case greaterOrEqual = ">="
}

/// The text tests: `contains`, `starts with`, `ends with`, and equality with the case of A to Z
/// ignored, which the language has no word for: seg asks it to hint at a value typed in the wrong case.
public enum TextMatch: String, Sendable, Hashable, CaseIterable {
  case contains
  case startsWith = "starts with"
  case endsWith = "ends with"
  /// The same text once A to Z are folded to a to z; every other character must match exactly, so that
  /// every engine folds alike whatever its locale (SQL: `translate`, never `lower`).
  case equalsIgnoringCase = "equals ignoring case"

  /// `text` with A to Z folded to a to z, as `equalsIgnoringCase` compares it.
  public static func foldingCase(_ text: String) -> String {
    String(decoding: text.utf8.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self)
  }
}

/// The arithmetic operators of `derive`'s expressions, tightest last.
public enum ArithmeticOperator: String, Sendable, Hashable, CaseIterable {
  case add = "+"
  case subtract = "-"
  case multiply = "*"
  case divide = "/"
  case remainder = "%"
}
