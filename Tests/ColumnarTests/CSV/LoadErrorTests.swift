import Foundation
import Testing

@testable import Columnar

@Suite("Load errors")
struct LoadErrorTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var text: String
    var kind: LoadError.Kind
    var line: Int?
    var column: Int?
    var message: String
    var testDescription: String { message }
  }

  static let cases: [Case] = [
    Case(
      text: "a,b\n1,2\n3,4,5\n", kind: .raggedRow(expected: 2, found: 3), line: 3, column: 3,
      message: "line 3 has 3 fields, expected 2 (the header has 2 columns)"),
    Case(
      text: "a,b,c\n1,2,3\n4\n", kind: .raggedRow(expected: 3, found: 1), line: 3, column: 2,
      message: "line 3 has 1 field, expected 3 (the header has 3 columns)"),
    Case(
      text: "1,2\n3,4\n5\n", kind: .raggedRow(expected: 2, found: 1), line: 3, column: 2,
      message: "line 3 has 1 field, expected 2 (the first row has 2 fields)"),
    Case(
      text: "a,b\n\"x\ny\",1\n2,3\n4,\"open\n5,6\n", kind: .unterminatedQuote, line: 5, column: 2,
      message: "the quote opened on line 5 in field 2 is never closed; "
        + "close it, or write a quote inside a quoted field as two quotes (\"\")"),
    Case(
      text: "", kind: .emptyFile, line: nil, column: nil,
      message:
        "'test.csv' is empty; expected a header line and rows of comma, tab or semicolon separated values"),
    Case(
      text: "\n\r\n\n", kind: .emptyFile, line: nil, column: nil,
      message:
        "'test.csv' is empty; expected a header line and rows of comma, tab or semicolon separated values"),
  ]

  @Test(arguments: cases)
  func badInput(c: Case) {
    do {
      let r = try load(c.text)
      Issue.record("expected an error, loaded \(r.table.rowCount) rows")
    } catch {
      #expect(error.kind == c.kind)
      #expect(error.file == "test.csv")
      #expect(error.line == c.line)
      #expect(error.column == c.column)
      #expect(error.message == c.message)
    }
  }

  @Test func raggedRowFarIntoABigFileIsFoundInParallel() {
    var text = "a,b\n"
    for i in 0..<5000 { text += "\(i),x\n" }
    text += "1,2,3\n"
    #expect(
      throws: LoadError(
        kind: .raggedRow(expected: 2, found: 3), file: "test.csv", line: 5002, column: 3,
        message: "line 5002 has 3 fields, expected 2 (the header has 2 columns)")
    ) {
      try load(text) { $0.chunkBytes = 1024 }
    }
  }

  /// A file's pages are unmapped chunk by chunk once parsed; what is read after that (the line
  /// of an error, a chunk parsed again) must still see the file's bytes.
  @Test func aMappedFileIsStillReadAfterItsPagesAreReleased() throws {
    let path = "/tmp/seg-columnar-released-\(getpid()).csv"
    defer { unlink(path) }
    var text = "id,name\n"
    for i in 0..<40_000 { text += "\(i),name \(i % 97)\n" }
    let good = text
    text += "40000,x,extra\n"
    #expect(FileManager.default.createFile(atPath: path, contents: Data(good.utf8)))
    let loaded = try CSVReader.load(path: path, tableName: "t", options: .init())
    #expect(loaded.table.rowCount == 40_000)
    #expect(loaded.column("name").value(at: 39_999) == .string("name 35"))
    #expect(FileManager.default.createFile(atPath: path, contents: Data(text.utf8)))
    #expect(
      throws: LoadError(
        kind: .raggedRow(expected: 2, found: 3), file: path, line: 40_002, column: 3,
        message: "line 40002 has 3 fields, expected 2 (the header has 2 columns)")
    ) {
      var options = LoadOptions()
      options.chunkBytes = 64 << 10
      return try CSVReader.load(path: path, tableName: "t", options: options)
    }
  }

  @Test func missingFileAndDirectory() throws {
    let missing = "/nonexistent/seg/no.csv"
    #expect(
      throws: LoadError(
        kind: .fileNotFound, file: missing,
        message: "no file named '/nonexistent/seg/no.csv'; check the path and the current directory")
    ) {
      try CSVReader.load(path: missing, tableName: "t")
    }
    #expect(
      throws: LoadError(
        kind: .isDirectory, file: "/tmp",
        message: "'/tmp' is a directory; give the path of a CSV file inside it")
    ) {
      try CSVReader.load(path: "/tmp", tableName: "t")
    }
  }

  @Test func devicesAreRefusedAndAPipeWithNoWriterDoesNotWait() throws {
    // Both hung before: /dev/zero grew without end, and open() waited for the pipe's writer.
    #expect(
      throws: LoadError(
        kind: .notAFile, file: "/dev/zero",
        message: "'/dev/zero' is a device or a socket, not a file; give the path of a CSV file")
    ) {
      try CSVReader.load(path: "/dev/zero", tableName: "t")
    }
    let fifo = NSTemporaryDirectory() + "seg-fifo-\(UUID().uuidString)"
    #expect(mkfifo(fifo, 0o600) == 0)
    defer { unlink(fifo) }
    #expect(
      throws: LoadError(
        kind: .emptyFile, file: fifo,
        message: "'\(fifo)' is a named pipe and nothing was written to it; start its writer first")
    ) {
      try CSVReader.load(path: fifo, tableName: "t")
    }
  }

  @Test func descriptionNamesFileLineAndField() {
    let e = LoadError.ragged(file: "x.csv", line: 17, expected: 8, found: 9, hadHeader: true)
    #expect(e.description == "x.csv:17:9: line 17 has 9 fields, expected 8 (the header has 8 columns)")
  }
}
