import Testing

@testable import Columnar

@Suite("Stray values in typed columns")
struct StrayValueTests {
  /// `rows` records of `id,name,joined,spend` with `joined` a date and `spend` a number, except
  /// where `replace` says otherwise (row index to `(column, text)`).
  static func text(rows: Int, _ replace: [Int: (String, String)] = [:]) -> String {
    var text = "id,name,joined,spend\n"
    for i in 0..<rows {
      var fields = ["\(i)", "name \(i % 7)", "2024-03-\(10 + i % 18)", "\(i * 3).5"]
      if let (column, value) = replace[i] {
        fields[["id", "name", "joined", "spend"].firstIndex(of: column)!] = value
      }
      text += fields.joined(separator: ",") + "\n"
    }
    return text
  }

  @Test(arguments: [64, 1 << 21])
  func oneImpossibleDateKeepsTheColumnTextAndSaysWhere(chunk: Int) throws {
    let r = try load(Self.text(rows: 400, [250: ("joined", "2024-02-30")])) { $0.chunkBytes = chunk }
    #expect(r.types == [.int, .string, .string, .double])
    #expect(
      r.warnings == [
        "column 'joined' was read as text because 1 of 400 values is not a date (the first is \"2024-02-30\" "
          + "on line 252); correct or empty it in the file and load it again to read the column as dates"
      ])
  }

  @Test func strayNumbersAreCountedAndTheFirstIsNamed() throws {
    let r = try load(
      Self.text(rows: 40, [3: ("spend", "about 40"), 30: ("spend", "12 EUR"), 31: ("spend", "?")]))
    #expect(r.column("spend").type == .string)
    #expect(
      r.warnings == [
        "column 'spend' was read as text because 2 of 39 values are not numbers (the first is \"about 40\" "
          + "on line 5); correct or empty them in the file and load it again to read the column as numbers"
      ])
  }

  @Test func lineNumbersCountBlankLinesQuotedLineBreaksAndSkippedRows() throws {
    var text = "id,note,joined\n\n1,\"two\nlines\",2024-01-01\n2,short\n"
    for i in 3..<40 { text += "\(i),n,2024-01-\(10 + i % 18)\n" }
    text += "40,n,soon\n"
    let r = try load(text) { $0.skipBadRows = true }
    #expect(r.skippedRows == 1)
    #expect(r.warnings.last?.contains("(the first is \"soon\" on line 43)") == true)
  }

  @Test func textColumnsAndMixedColumnsGetNoWarning() throws {
    var text = "name,half,placeholders\n"
    for i in 0..<50 {
      text += "person \(i),\(i % 2 == 0 ? "2024-01-02" : "later"),\(i % 5 == 0 ? "unknown" : "2024-01-03")\n"
    }
    let r = try load(text)
    #expect(r.types == [.string, .string, .date])
    #expect(r.warnings.isEmpty)
  }

  @Test func aColumnWithMoreThanATenthStrayGetsNoWarning() throws {
    let stray = Dictionary(uniqueKeysWithValues: (0..<5).map { ($0 * 4, ("joined", "tbd \($0)")) })
    let r = try load(Self.text(rows: 40, stray))
    #expect(r.column("joined").type == .string)
    #expect(r.warnings.isEmpty)
    let few = try load(Self.text(rows: 40, [0: ("joined", "tbd"), 39: ("joined", "tbd")]))
    #expect(few.warnings.count == 1)
  }
}
