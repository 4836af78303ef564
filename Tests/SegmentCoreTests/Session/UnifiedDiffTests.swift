import Testing

@testable import SegmentCore

@Suite("Unified diff")
struct UnifiedDiffTests {
  @Test func equalListsHaveNoHunks() {
    #expect(UnifiedDiff.hunks(old: ["a", "b"], new: ["a", "b"]) == "")
    #expect(UnifiedDiff.hunks(old: [], new: []) == "")
  }

  @Test func oneChangedLineWithContext() {
    let old = ["1", "2", "3", "4", "5", "6", "7", "8"]
    var new = old
    new[4] = "five"
    #expect(
      UnifiedDiff.hunks(old: old, new: new, label: "count") == """
        @@ -2,7 +2,7 @@ count
         2
         3
         4
        -5
        +five
         6
         7
         8

        """)
  }

  @Test func farApartChangesMakeTwoHunks() {
    let old = (1...20).map(String.init)
    var new = old
    new[0] = "one"
    new[19] = "twenty"
    let hunks = UnifiedDiff.hunks(old: old, new: new)
    #expect(hunks.components(separatedBy: "@@ -").count == 3)
    #expect(hunks.hasPrefix("@@ -1,4 +1,4 @@\n-1\n+one\n 2\n"))
    #expect(hunks.contains("@@ -17,4 +17,4 @@\n 17\n 18\n 19\n-20\n+twenty\n"))
  }

  @Test func insertionsIntoEmptyAndDeletionsToEmpty() {
    #expect(UnifiedDiff.hunks(old: [], new: ["x", "y"]) == "@@ -0,0 +1,2 @@\n+x\n+y\n")
    #expect(UnifiedDiff.hunks(old: ["x"], new: []) == "@@ -1 +0,0 @@\n-x\n")
  }
}

extension String {
  fileprivate func components(separatedBy separator: String) -> [Substring] {
    split(separator: separator, omittingEmptySubsequences: false)
  }
}
