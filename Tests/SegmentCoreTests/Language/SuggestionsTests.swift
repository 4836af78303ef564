import Testing

@testable import SegmentCore

@Suite("Did-you-mean")
struct SuggestionsTests {
  @Test(arguments: [
    ("agee", ["age", "gender", "city"], ["age"]),
    ("AGE", ["age"], ["age"]),
    ("gednre", ["gender"], ["gender"]),
    ("xyz", ["age", "gender"], []),
    ("cit", ["city", "cities"], ["city", "cities"]),
    ("", ["a"], []),
  ])
  func closestNames(word: String, candidates: [String], expected: [String]) {
    #expect(Suggestions.closest(to: word, among: candidates) == expected)
  }

  @Test func transpositionCostsOne() {
    #expect(Suggestions.distance(Array("ab"), Array("ba")) == 1)
    #expect(Suggestions.distance(Array("kitten"), Array("sitting")) == 3)
  }
}
