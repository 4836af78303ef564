import Testing

@testable import Columnar

/// Issue 14 item 4: a Bool column keeps the words its file wrote (`yes`/`no`), so seg shows and writes
/// them back the way the file did.
@Suite("Bool words")
struct BoolWordsTests {
  @Test(arguments: [
    ("yes\nno\nyes", "yes", "no"),
    ("Yes\nNo", "Yes", "No"),
    ("NO\nYES", "YES", "NO"),
    ("\" yes \"\n no", "yes", "no"),
    ("Yes\nyes\nno", "Yes", "no"),
    ("TRUE\nFALSE", "TRUE", "FALSE"),
    ("Yes\nYes", "Yes", "No"),
    ("no\n\nNA", "yes", "no"),
    ("FALSE\nFALSE", "TRUE", "FALSE"),
  ])
  func aLoadedColumnKeepsTheFilesWords(body: String, trueWord: String, falseWord: String) throws {
    let column = try load("x\n" + body).column("x")
    #expect(column.type == .bool)
    #expect(column.boolWords == BoolWords(trueWord: trueWord, falseWord: falseWord))
  }

  @Test func plainTrueAndFalseNeedNoWords() throws {
    #expect(try load("x\ntrue\nfalse\n").column("x").boolWords == nil)
    #expect(try load("x\nfalse\n").column("x").boolWords == nil)
    #expect(BoolWords(trueWord: "true", falseWord: "false") == nil)
  }

  /// The first words met win, whichever chunk (and whichever reading path: placeholders send a chunk
  /// through the text path) they are in.
  @Test func wordsComeFromTheFirstChunkThatHasThem() throws {
    var text = "x,n\n"
    for i in 0..<3000 { text += (i < 2000 ? "" : i.isMultiple(of: 2) ? "Yes" : "No") + ",\(i)\n" }
    text += "yes,1\nNA,2\nno,3\n"
    let column = try load(text) { $0.chunkBytes = 1024 }.column("x")
    #expect(column.type == .bool)
    #expect(column.boolWords == BoolWords(trueWord: "Yes", falseWord: "No"))
  }

  @Test func theWriterWritesTheWordsBack() throws {
    let table = try load("id,member\n1,yes\n2,no\n3,\n").table
    let text = String(decoding: try CSVWriter.encode(table), as: UTF8.self)
    #expect(text == "id,member\n1,yes\n2,no\n3,\n")
    let rows = String(decoding: try CSVWriter.encode(table, rows: [1]), as: UTF8.self)
    #expect(rows == "id,member\n2,no\n")
  }

  @Test func takingRowsKeepsTheWords() throws {
    let column = try load("x\nYes\nNo\nYes\n").column("x")
    let taken = column.taking([1, 2])
    #expect(taken.boolWords == column.boolWords)
    #expect(taken.value(at: 0) == .bool(false))
  }

  @Test(arguments: [
    ("yes/no", BoolWords(trueWord: "yes", falseWord: "no")),
    ("TRUE/FALSE", BoolWords(trueWord: "TRUE", falseWord: "FALSE")),
    ("no/yes", nil), ("yes", nil), ("yes/no/maybe", nil), ("oui/non", nil), ("", nil),
  ])
  func wordsReadBackFromTheirText(text: String, words: BoolWords?) {
    #expect(BoolWords(text: text) == words)
    if let words { #expect(words.text == text) }
  }
}
