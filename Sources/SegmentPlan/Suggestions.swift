/// Did-you-mean suggestions by edit distance.
public enum Suggestions {
  /// The candidates closest to `word`, best first, within an edit distance that scales with its length.
  /// - Complexity: O(n · m · k) for k candidates of length m and a word of length n.
  public static func closest(to word: String, among candidates: [String], limit: Int = 3) -> [String] {
    guard !word.isEmpty else { return [] }
    let target = Array(word.lowercased())
    let allowed = max(1, min(3, target.count / 3))
    var scored: [(distance: Int, name: String)] = []
    for candidate in candidates {
      let lower = candidate.lowercased()
      let d = distance(target, Array(lower))
      if d <= allowed || lower.hasPrefix(word.lowercased()) {
        scored.append((d, candidate))
      }
    }
    // Ties go alphabetically so the suggestion never depends on the candidates' order.
    scored.sort { ($0.distance, $0.name) < ($1.distance, $1.name) }
    var seen: Set<String> = []
    return Array(scored.map(\.name).filter { seen.insert($0).inserted }.prefix(limit))
  }

  /// Damerau-Levenshtein distance (optimal string alignment), so a swapped pair of letters costs one.
  /// - Complexity: O(n · m).
  public static func distance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous2 = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          current[j] = min(current[j], previous2[j - 2] + 1)
        }
      }
      (previous2, previous, current) = (previous, current, previous2)
    }
    return previous[b.count]
  }
}
