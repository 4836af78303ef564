import Testing

@testable import Columnar

@Suite("CSV format")
struct CSVFormatTests {
  @Test func quotingEdgeCases() throws {
    let text = "a,b,c\n\"x,y\",\"say \"\"hi\"\"\",\"line1\nline2\"\n\"\",plain,\"q\"tail\n"
    let r = try load(text)
    #expect(r.table.rowCount == 2)
    #expect(r.column("a").values == [.string("x,y"), .null])
    #expect(r.column("b").values == [.string("say \"hi\""), .string("plain")])
    #expect(r.column("c").values == [.string("line1\nline2"), .string("qtail")])
  }

  @Test func crlfAndBOM() throws {
    let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("id,name\r\n1,\"A\"\r\n2,B\r\n".utf8)
    let r = try load(bytes: bytes)
    #expect(r.table.columns.map(\.name) == ["id", "name"])
    #expect(r.column("name").values == [.string("A"), .string("B")])
    #expect(r.column("id").values == [.int(1), .int(2)])
  }

  @Test func lastLineWithoutNewlineAndBlankLines() throws {
    let r = try load("a,b\n\n1,2\n\n3,4")
    #expect(r.table.rowCount == 2)
    #expect(r.column("b").values == [.int(2), .int(4)])
  }

  @Test(arguments: [(",", UInt8(44)), ("\t", 9), (";", 59), ("|", 124)])
  func sniffsDelimiter(d: String, code: UInt8) throws {
    let ann = d == "," ? "\"Ann, Jr\"" : "Ann, Jr"
    let text = ["name\(d)age\(d)city", "\(ann)\(d)31\(d)Paris", "Bob\(d)42\(d)Rome"].joined(separator: "\n")
    let r = try load(text)
    #expect(r.delimiter == code)
    #expect(r.table.columns.count == 3)
    #expect(r.column("age").type == ColumnType.int)
  }

  @Test func headerDetection() throws {
    let data = try load("1,Ann,2026-01-01\n2,Bob,2026-01-02\n")
    #expect(!data.hadHeader)
    #expect(data.table.columns.map(\.name) == ["column_1", "column_2", "column_3"])
    #expect(data.table.rowCount == 2)
    let header = try load("id,name\n1,Ann\n")
    #expect(header.hadHeader)
    let repeated = try load("F,Paris\nM,Rome\nF,Rome\n")
    #expect(!repeated.hadHeader)
    let textOnly = try load("gender,city\nF,Paris\nM,Rome\n")
    #expect(textOnly.hadHeader)
    let forced = try load("id,name\n1,Ann\n") { $0.header = false }
    #expect(forced.table.rowCount == 2)
    #expect(forced.types == [.string, .string])
  }

  @Test func headerNamesAreMadeUnique() throws {
    let r = try load("Age , ,age,Age,\n1,2,3,4,5\n")
    #expect(r.table.columns.map(\.name) == ["Age", "column_2", "age_2", "Age_3", "column_5"])
  }

  @Test func emptyTrailingColumnsAreKept() throws {
    let r = try load("a,b,,\n1,2,,\n3,4,,note; more\n")
    #expect(r.table.columns.map(\.name) == ["a", "b", "column_3", "column_4"])
    #expect(r.column("column_3").nullCount == 2)
    #expect(r.column("column_4").nullCount == 1)
  }

  @Test func extraEmptyFieldsAreIgnored() throws {
    let r = try load("a,b\n1,2,,\n3,4\n")
    #expect(r.table.rowCount == 2)
  }

  @Test func skipBadRows() throws {
    let r = try load("a,b\n1,2\n3\n4,5\n6,7,8\n9,10\n") { $0.skipBadRows = true }
    #expect(r.table.rowCount == 3)
    #expect(r.skippedRows == 2)
    #expect(r.firstSkippedLines == [3, 5])
  }

  @Test func windows1252() throws {
    let bytes = Array("name,city\n".utf8) + [0x43, 0x61, 0x66, 0xE9] + Array(",M\u{00FC}nchen\n".utf8)
    let r = try load(bytes: bytes)
    #expect(r.encoding == .latin1)
    #expect(r.column("name").value(at: 0) == .string("Café"))
    #expect(r.column("city").value(at: 0) == .string("München"))
    #expect(
      r.warnings == [
        "'test.csv' is not valid UTF-8 (first bad byte on line 2); values that are not UTF-8 were read as Windows-1252"
      ])
    let forced = try load(bytes: Array("n\n".utf8) + [0x80, 0x93]) { $0.encoding = .latin1 }
    #expect(forced.column("n").value(at: 0) == .string("€“"))
    #expect(forced.warnings.isEmpty)
  }

  @Test(arguments: [7, 64, 1024])
  func chunkBoundariesDoNotChangeTheResult(chunk: Int) throws {
    var text = "id,note,amount\n"
    for i in 0..<500 {
      let note = i % 7 == 0 ? "\"multi\nline, with \"\"quotes\"\"\"" : "n\(i % 13)"
      text += "\(i),\(note),\(i % 5 == 0 ? "NA" : String(Double(i) / 4))\n"
    }
    let whole = try load(text) { $0.chunkBytes = 1 << 20 }
    let split = try load(text) { $0.chunkBytes = chunk }
    #expect(split.table.rowCount == 500)
    for c in whole.table.columns {
      #expect(split.column(c.name).values == c.values)
      #expect(split.column(c.name).type == c.type)
    }
  }

  @Test func interruption() throws {
    #expect(throws: LoadError.self) {
      try CSVReader.load(bytes: Array("a\n1\n".utf8), source: "x.csv", tableName: "t", interruption: { true })
    }
    do {
      _ = try CSVReader.load(
        bytes: Array("a\n1\n".utf8), source: "x.csv", tableName: "t", interruption: { true })
    } catch {
      #expect(error.kind == .interrupted)
      #expect(error.message == "loading 'x.csv' was interrupted")
    }
  }
}
