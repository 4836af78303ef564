import Columnar

/// A parsed `rfm recency c frequency c monetary c [as of DATE]`.
public struct RFMCommand: Sendable, Equatable {
  /// The recency column: a date (the latest is best) or a number of days since (the fewest is best).
  public var recency: Name
  /// The frequency column, such as a count of orders.
  public var frequency: Name
  /// The monetary column, such as total spend.
  public var monetary: Name
  /// The date recency is counted to, when given (`as of 2026-11-01`).
  public var asOf: Int32?
  /// Where `as of DATE` stands, for errors about it.
  public var asOfRange: SourceRange?

  /// Creates an rfm command.
  public init(
    recency: Name, frequency: Name, monetary: Name, asOf: Int32? = nil, asOfRange: SourceRange? = nil
  ) {
    self.recency = recency
    self.frequency = frequency
    self.monetary = monetary
    self.asOf = asOf
    self.asOfRange = asOfRange
  }

  /// The command as it would be typed, in one spelling: what the columns it makes are recorded as made by.
  public var text: String {
    let columns = [recency, frequency, monetary].map { Name.commandText(for: $0.text) }
    return "rfm recency \(columns[0]) frequency \(columns[1]) monetary \(columns[2])"
      + (asOf.map { " as of \(CivilDate.format(days: $0))" } ?? "")
  }
}

/// A parsed `cluster k=4 on a, b, c [seed S] [scale standard|robust]` or `cluster k=2..8 on ...`.
public struct ClusterCommand: Sendable, Equatable {
  /// The number of clusters, or the range of k to compare.
  public var k: ClosedRange<Int>
  /// Where `k=...` stands.
  public var kRange: SourceRange
  /// The number columns to cluster on.
  public var columns: [Name]
  /// The seed of the k-means++ draws.
  public var seed: UInt64
  /// How the columns are put on one scale.
  public var scaling: ClusterScaling

  /// The seed when the command names none.
  public static let defaultSeed: UInt64 = 42

  /// The command as it would be typed, in one spelling: what the columns it makes are recorded as made by.
  /// `scale standard` is left out, so columns made before the clause existed read as made alike.
  public var text: String {
    let k = comparesK ? "\(self.k.lowerBound)..\(self.k.upperBound)" : "\(self.k.lowerBound)"
    return "cluster k=\(k) on \(columns.map { Name.commandText(for: $0.text) }.joined(separator: ", ")) seed \(seed)"
      + (scaling == .standard ? "" : " scale \(scaling.rawValue)")
  }

  /// True for `k=A..B`, which compares choices of k and changes nothing.
  public var comparesK: Bool { k.lowerBound != k.upperBound }

  /// Creates a cluster command.
  public init(
    k: ClosedRange<Int>, kRange: SourceRange, columns: [Name], seed: UInt64 = ClusterCommand.defaultSeed,
    scaling: ClusterScaling = .standard
  ) {
    self.k = k
    self.kRange = kRange
    self.columns = columns
    self.seed = seed
    self.scaling = scaling
  }
}

extension Parser {
  /// At most this many clusters.
  static let clusterLimit = 50

  /// `recency c frequency c monetary c [as of DATE]`, the three clauses in any order.
  mutating func rfmCommand() throws(ParseError) -> RFMCommand {
    var found: [String: Name] = [:]
    var asOf: (Int32, SourceRange)?
    let roles = ["recency", "frequency", "monetary"]
    while !atEnd {
      if let word = current.keyword, roles.contains(word), found[word] == nil {
        _ = advance()
        found[word] = try name("the \(word) column")
      } else if asOf == nil, current.isKeyword("as") {
        let start = advance().range
        try expect("of")
        guard case .date(let days) = current.kind else { throw unexpected("a date such as 2026-11-01") }
        asOf = (days, start.union(advance().range))
      } else {
        let missing = roles.filter { found[$0] == nil }
        let expected = missing.isEmpty ? "as of DATE" : missing.joined(separator: ", ") + " or as of DATE"
        throw unexpected(
          expected,
          suggestions: current.keyword.map { Suggestions.closest(to: $0, among: missing + ["as"]) } ?? [])
      }
    }
    guard let recency = found["recency"], let frequency = found["frequency"], let monetary = found["monetary"]
    else {
      let missing = roles.filter { found[$0] == nil }.map { "\($0) COLUMN" }.joined(separator: ", ")
      throw unexpected(missing)
    }
    return RFMCommand(
      recency: recency, frequency: frequency, monetary: monetary, asOf: asOf?.0, asOfRange: asOf?.1)
  }

  /// `k=N on a, b [seed S] [scale standard|robust]` or `k=A..B on ...`; the clauses in any order.
  mutating func clusterCommand() throws(ParseError) -> ClusterCommand {
    guard current.isKeyword("k") else { throw unexpected("k=N, such as k=4, or a range such as k=2..8") }
    let start = advance().range
    try expectSymbol("=")
    let low = try count("the number of clusters")
    var high = low
    if acceptSymbol("..") { high = try count("the largest number of clusters") }
    let kRange = start.union(tokens[index - 1].range)
    guard low >= 2, high <= Parser.clusterLimit, low <= high else {
      let reason =
        low > high
        ? "a range of k goes up, such as k=2..8" : "k is between 2 and \(Parser.clusterLimit)"
      throw ParseError(.invalidValue(text(of: kRange), reason: reason), at: kRange)
    }
    try expect("on")
    var command = ClusterCommand(k: low...high, kRange: kRange, columns: try nameList("a number column"))
    var clauses: Set<String> = []
    while !atEnd {
      let left = ["seed", "scale"].filter { !clauses.contains($0) }
      guard let word = current.keyword, left.contains(word) else {
        let expected = left.map { $0 == "seed" ? "seed S" : "scale standard|robust" }
        throw unexpected(
          expected.joined(separator: ", ") + (expected.isEmpty ? "" : " or ") + "the end of the command",
          suggestions: current.keyword.map { Suggestions.closest(to: $0, among: left) } ?? [])
      }
      _ = advance()
      clauses.insert(word)
      if word == "seed" {
        command.seed = UInt64(try count("a seed number"))
        continue
      }
      let choices = ClusterScaling.allCases.map(\.rawValue)
      guard let choice = current.keyword, let scaling = ClusterScaling(rawValue: choice) else {
        throw unexpected(
          "standard or robust",
          suggestions: current.keyword.map { Suggestions.closest(to: $0, among: choices) } ?? [])
      }
      _ = advance()
      command.scaling = scaling
    }
    return command
  }
}
