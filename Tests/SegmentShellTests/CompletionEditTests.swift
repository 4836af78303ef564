import SegmentCore
import Testing

@testable import SegmentShell

@Suite("Tab completion edits")
struct CompletionEditTests {
  @Test("no candidate rings the bell")
  func none() {
    let edit = CompletionEdit.plan(
      line: "xyz", cursor: 3, completions: CompletionSet(wordStart: 0, candidates: []))
    #expect(edit == .none)
  }

  @Test("one candidate replaces the word and adds a space")
  func single() {
    let edit = CompletionEdit.plan(
      line: "desc", cursor: 4, completions: CompletionSet(wordStart: 0, candidates: ["describe"]))
    #expect(edit == .replace(deleting: 4, inserting: "describe "))
  }

  @Test("a folder is completed without a space, so completion can go on into it")
  func folder() {
    let edit = CompletionEdit.plan(
      line: "load \"da", cursor: 8, completions: CompletionSet(wordStart: 6, candidates: ["data/"]))
    #expect(edit == .replace(deleting: 2, inserting: "data/"))
  }

  @Test("one candidate adds no space when one already follows the cursor")
  func singleBeforeSpace() {
    let edit = CompletionEdit.plan(
      line: "desc customers", cursor: 4,
      completions: CompletionSet(wordStart: 0, candidates: ["describe"]))
    #expect(edit == .replace(deleting: 4, inserting: "describe"))
  }

  @Test("several candidates insert their common prefix when it adds to the word")
  func commonPrefixInserted() {
    let edit = CompletionEdit.plan(
      line: "show h", cursor: 6,
      completions: CompletionSet(wordStart: 5, candidates: ["histogram", "history"]))
    #expect(edit == .replace(deleting: 1, inserting: "histo"))
  }

  @Test("several candidates with nothing to add are listed")
  func listed() {
    let edit = CompletionEdit.plan(
      line: "de", cursor: 2, completions: CompletionSet(wordStart: 0, candidates: ["derive", "describe"]))
    #expect(edit == .list(["derive", "describe"]))
  }

  @Test("the typed word is deleted in Unicode scalars, the unit libedit counts")
  func nonASCIIDeletion() {
    // "cafe\u{301}" is 4 Characters but 5 scalars; libedit must delete 5 wide characters.
    let line = "show caf\u{E9} cafe\u{301}"
    let edit = CompletionEdit.plan(
      line: line, cursor: 14, completions: CompletionSet(wordStart: 10, candidates: ["cafe\u{301}_total"]))
    #expect(edit == .replace(deleting: 5, inserting: "cafe\u{301}_total "))
  }

  @Test("a backticked candidate replaces a bare word")
  func backticks() {
    let edit = CompletionEdit.plan(
      line: "show columns ann", cursor: 16,
      completions: CompletionSet(wordStart: 13, candidates: ["`Annual Income`", "`Annual Spend`"]))
    #expect(edit == .replace(deleting: 3, inserting: "`Annual "))
  }

  @Test("a cursor past the end or a word start past the cursor is clamped")
  func clamped() {
    let edit = CompletionEdit.plan(
      line: "he", cursor: 99, completions: CompletionSet(wordStart: 50, candidates: ["help"]))
    #expect(edit == .replace(deleting: 0, inserting: "help "))
  }

  @Test(
    "common prefix ignores case and keeps the first word's spelling",
    arguments: [
      ([], ""),
      (["describe"], "describe"),
      (["describe", "derive"], "de"),
      (["Age", "age_band"], "Age"),
      (["load", "show"], ""),
      (["café", "cafés"], "café"),
      (["same", "same", "same"], "same"),
    ])
  func commonPrefix(words: [String], expected: String) {
    #expect(CompletionEdit.commonPrefix(words) == expected)
  }
}

@Suite("Cursor offsets")
struct LineOffsetsTests {
  @Test(
    "byte offsets map to Character offsets",
    arguments: [
      ("help", 2, 2),
      ("café au lait", 5, 4),  // "é" is two bytes
      ("café au lait", 6, 5),
      ("naïve 👍🏽 x", 15, 7),  // the thumbs-up with its skin tone is one Character of 8 bytes
      ("", 0, 0),
      ("日本語", 9, 3),
    ])
  func byteToCharacter(text: String, byte: Int, character: Int) {
    #expect(LineOffsets.characterOffset(utf8: Array(text.utf8), byteOffset: byte) == character)
    #expect(LineOffsets.byteOffset(in: text, characterOffset: character) == byte)
  }

  @Test(
    "every Character boundary round-trips", arguments: ["ascii only", "Zoë ünd 東京 🎉", "e\u{301}e\u{301}"])
  func roundTrip(text: String) {
    for character in 0...text.count {
      let byte = LineOffsets.byteOffset(in: text, characterOffset: character)
      #expect(LineOffsets.characterOffset(utf8: Array(text.utf8), byteOffset: byte) == character)
    }
  }
}

@Suite("Candidate grid")
struct CandidateGridTests {
  @Test("candidates fill columns top to bottom within the width")
  func columns() {
    let text = CandidateGrid.render(["a", "bb", "ccc", "dddd", "e"], width: 20)
    // Column width 6 ("dddd" + 2), 3 columns, 2 rows.
    #expect(text == "a     ccc   e\nbb    dddd\n")
  }

  @Test("a narrow terminal gives one column")
  func narrow() {
    #expect(CandidateGrid.render(["describe", "derive"], width: 5) == "describe\nderive\n")
  }

  @Test("no candidates give no text")
  func empty() {
    #expect(CandidateGrid.render([], width: 80) == "")
  }

  @Test("width is counted in Characters", arguments: [1, 2, 3, 40])
  func nonASCII(count: Int) {
    let words = (0..<count).map { "café\($0)" }
    let lines = CandidateGrid.render(words, width: 30).split(separator: "\n")
    #expect(lines.allSatisfy { $0.count <= 30 })
    #expect(lines.flatMap { $0.split(separator: " ") }.count == count)
  }
}
