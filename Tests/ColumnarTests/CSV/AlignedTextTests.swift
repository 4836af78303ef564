import Testing

@testable import Columnar

/// Whitespace-aligned text (issue 16): fixed-width exports such as the CDNOW purchase log.
@Suite("Whitespace-aligned text")
struct AlignedTextTests {
  /// A CDNOW-like purchase log: customer, yyyymmdd day, quantity, amount; leading spaces, runs of
  /// spaces between fields, CRLF, no header. `rows` lines over 40 customers and the days of 1997.
  static func cdnow(rows: Int) -> String {
    (0..<rows).map { i in
      let id = String(repeating: "0", count: 5 - String(i % 40 + 1).count) + String(i % 40 + 1)
      let month = i % 12 + 1
      let day = i % 28 + 1
      let date = "1997" + (month < 10 ? "0" : "") + String(month) + (day < 10 ? "0" : "") + String(day)
      let qty = String(i % 5 + 1)
      let cents = 1177 + i * 13
      let amount = String(cents / 100) + "." + (cents % 100 < 10 ? "0" : "") + String(cents % 100)
      let pad = { (s: String, w: Int) in String(repeating: " ", count: max(1, w - s.count)) + s }
      return pad(id, 8) + pad(date, 9) + pad(qty, 4) + pad(amount, 8) + "\r\n"
    }.joined()
  }

  /// One line is too little to sniff from (a header could be all there is); it needs the option.
  @Test func oneLineWithTheOption() throws {
    let r = try load(Self.cdnow(rows: 1)) { $0.delimiter = 32 }
    #expect(r.table.columns.count == 4)
    #expect(r.table.rowCount == 1)
  }

  @Test(arguments: [2, 3, 63, 64, 65, 500])
  func cdnowLoadsAsFourTypedColumns(rows: Int) throws {
    let r = try load(Self.cdnow(rows: rows))
    #expect(r.delimiter == 32)
    #expect(r.hadHeader == false)
    #expect(r.table.rowCount == rows)
    #expect(r.table.columnNames == ["column_1", "column_2", "column_3", "column_4"])
    #expect(r.types[0] == .int && r.types[2] == .int && r.types[3] == .double)
    #expect(r.column("column_1").value(at: 0) == .int(1))
    #expect(r.column("column_4").value(at: 0) == .double(11.77))
    // 32 distinct days are needed before digits with no header read as dates.
    #expect(r.types[1] == (rows >= 32 ? .date : .int))
    #expect(r.compactDateColumns == (rows >= 32 ? ["column_2"] : []))
    if rows >= 32 {
      #expect(r.column("column_2").value(at: 0) == .date(CivilDate.days(year: 1997, month: 1, day: 1)!))
    }
  }

  @Test func headerAndQuotedFieldsWithSpaces() throws {
    let text = "  id   city          amount\n   1   \"New York\"     10.5\n   2   Paris          7\n"
    let r = try load(text)
    #expect(r.delimiter == 32)
    #expect(r.table.columnNames == ["id", "city", "amount"])
    #expect(r.column("city").values == [.string("New York"), .string("Paris")])
    #expect(r.column("amount").values == [.double(10.5), .double(7)])
  }

  @Test func forcedWhitespaceKeepsLineNumbersInErrors() throws {
    let text = "a b c\n1 2 3\n\n4 5\n"
    #expect(throws: LoadError.self) { try load(text) { $0.delimiter = 32 } }
    do {
      _ = try load(text) { $0.delimiter = 32 }
    } catch {
      #expect(error.line == 4)
    }
  }

  @Test func tabsAndTrailingSpacesAreNotFields() throws {
    let r = try load("x\t y  \n1 \t 2   \n3 4\n") { $0.delimiter = 32 }
    #expect(r.table.columnNames == ["x", "y"])
    #expect(r.column("y").values == [.int(2), .int(4)])
  }

  /// Sniffing must not take runs of spaces for a delimiter in files that a real delimiter splits, or
  /// in a one-column file of text.
  @Test(arguments: [
    "name,city\nAnn Lee,New York\nBob Ray,San Jose\n",
    "name;note\nAnn Lee;likes red wine\nBob;2 3 4\n",
    "full name\nAnn Lee\nBob Ray\nCy Twombly\n",
    "Ann Lee\nBob Ray\nCy Twombly\n",
    "comment\nthe 3 best\nonly 2 left\nsold 5 today\n",
  ])
  func doesNotMisfire(text: String) throws {
    let r = try load(text)
    #expect(r.delimiter != 32)
  }

  @Test func oneColumnHintsAtTheDelimiterThatSplits() throws {
    let semicolons = try load("a;b;c\n1;2;3\n4;5;6\n") { $0.delimiter = 44 }
    #expect(semicolons.table.columns.count == 1)
    #expect(semicolons.otherSplit == DelimiterHint(delimiter: 59, fields: 3))
    let aligned = try load("red apple big\ngreen pear small\nblue plum tiny\n")
    #expect(aligned.table.columns.count == 1)
    #expect(aligned.otherSplit == DelimiterHint(delimiter: 32, fields: 3))
    let names = try load("Ann Lee\nBob Ray\nCy Twombly\n")
    #expect(names.otherSplit == nil)
    let plain = try load("a,b\n1,2\n")
    #expect(plain.otherSplit == nil)
  }

  @Test func emptyAfterBlanks() {
    #expect(throws: LoadError.self) { try load("   \r\n  \n") { $0.delimiter = 32 } }
  }
}
