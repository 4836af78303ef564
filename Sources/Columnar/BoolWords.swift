/// The words a file wrote for a Bool column's two values, when they are not `true`/`false`: bank.csv's
/// `yes`/`no`, a form's `Yes`/`No`. seg shows and writes the values back in these words, because they
/// are what the user sees in the file and types in a predicate (`loan = "yes"`).
public struct BoolWords: Sendable, Hashable {
  /// The word for true, as the file wrote it.
  public let trueWord: String
  /// The word for false, as the file wrote it.
  public let falseWord: String

  /// Words for the two values; `nil` when they are the plain `true`/`false`, which need no record.
  public init?(trueWord: String, falseWord: String) {
    guard trueWord != "true" || falseWord != "false" else { return nil }
    self.trueWord = trueWord
    self.falseWord = falseWord
  }

  /// The word for `value`.
  public func word(_ value: Bool) -> String { value ? trueWord : falseWord }

  /// `value` as a column with these words shows it: a Bool as its word, anything else as it is.
  public func spelling(_ value: Value) -> Value {
    if case .bool(let b) = value { return .string(word(b)) }
    return value
  }

  /// The words as one text, `yes/no`: how engines that keep a column comment record them.
  public var text: String { "\(trueWord)/\(falseWord)" }

  /// Words from `text` (`yes/no`), only when both are words the loader reads as Bool.
  public init?(text: String) {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    guard parts.count == 2, Self.meaning(parts[0]) == true, Self.meaning(parts[1]) == false else {
      return nil
    }
    self.init(trueWord: parts[0], falseWord: parts[1])
  }

  /// The words a column read as Bool wrote, from the first true and first false word it met; a column
  /// that holds one value only gets the other word in the same family and case (`Yes` gives `No`).
  /// `nil` when the column met no value, or wrote plain `true`/`false`.
  public static func seen(trueWord: String?, falseWord: String?) -> BoolWords? {
    switch (trueWord, falseWord) {
    case (let t?, let f?): return BoolWords(trueWord: t, falseWord: f)
    case (let t?, nil): return BoolWords(trueWord: t, falseWord: partner(of: t))
    case (nil, let f?): return BoolWords(trueWord: partner(of: f), falseWord: f)
    case (nil, nil): return nil
    }
  }

  /// What a word means as a Bool (`yes`, `TRUE`, `No`...), or nil.
  static func meaning(_ word: String) -> Bool? {
    switch word.lowercased() {
    case "true", "yes": return true
    case "false", "no": return false
    default: return nil
    }
  }

  /// The other value's word in the same family (yes/no, true/false), written in the same case.
  private static func partner(of word: String) -> String {
    let other: String
    switch word.lowercased() {
    case "yes": other = "no"
    case "no": other = "yes"
    case "true": other = "false"
    default: other = "true"
    }
    if word == word.uppercased() { return other.uppercased() }
    if word.first?.isUppercase == true { return other.prefix(1).uppercased() + other.dropFirst() }
    return other
  }
}
