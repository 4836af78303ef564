extension Collection {
  /// The index of the element whose name is `name`: an exact match first, then one that matches
  /// ignoring case, as seg looks up every table, column and segment.
  /// - Complexity: O(n).
  public func firstIndex(named name: String, by nameOf: (Element) -> String) -> Index? {
    if let exact = firstIndex(where: { nameOf($0) == name }) { return exact }
    let lower = name.lowercased()
    return firstIndex { nameOf($0).lowercased() == lower }
  }

  /// The element whose name is `name`: exact first, then ignoring case.
  public func first(named name: String, by nameOf: (Element) -> String) -> Element? {
    firstIndex(named: name, by: nameOf).map { self[$0] }
  }
}
