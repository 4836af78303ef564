import Foundation
import Testing

/// Issue 16: a CDNOW-like purchase log (leading spaces, runs of spaces, CRLF, no header) loads as
/// typed columns, its yyyymmdd column as dates when it is unambiguous, and `rfm` then just works;
/// when the loader keeps whole numbers, `rfm`'s advice and `date(n)` still apply.
@Suite("Whitespace-aligned files end to end")
struct AlignedTextEndToEndTests {
  static func log(rows: Int) -> [UInt8] {
    var text = ""
    for i in 1...rows {
      let id = String(repeating: "0", count: 5 - String(i).count) + String(i)
      let month = i % 12 + 1
      let day = i % 28 + 1
      let date = "1997" + (month < 10 ? "0" : "") + String(month) + (day < 10 ? "0" : "") + String(day)
      text += "   \(id)  \(date)   \(i % 7 + 1)   \(10 + i).77\r\n"
    }
    return Array(text.utf8)
  }

  @Test func cdnowLoadsAndScores() throws {
    let r = try LoaderEndToEndTests.run(
      "load \"cdnow.txt\" as c; describe c; rfm recency column_2 frequency column_3 monetary column_4",
      files: ["cdnow.txt": Self.log(rows: 60)])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stderr.isEmpty, "\(r.stderr)")
    #expect(r.stdout.contains("loaded c: 60 rows, 4 columns from cdnow.txt"), "\(r.stdout)")
    #expect(r.stdout.contains("Date (read from yyyymmdd)"), "\(r.stdout)")
    #expect(r.stdout.contains("rfm on c: scored 60 rows"), "\(r.stdout)")
  }

  @Test func fewDaysStayNumbersAndRfmAdvises() throws {
    let files = ["few.txt": Self.log(rows: 5)]
    let refused = try LoaderEndToEndTests.run(
      "load \"few.txt\" as c; rfm recency column_2 frequency column_3 monetary column_4", files: files)
    #expect(refused.status == 1)
    #expect(refused.stderr.contains("derive column_2_date = date(column_2)"), "\(refused.stderr)")
    let converted = try LoaderEndToEndTests.run(
      "load \"few.txt\" as c; derive d = date(column_2); rfm recency d frequency column_3 monetary column_4",
      files: files)
    #expect(converted.status == 0, "\(converted.stderr)")
    #expect(converted.stdout.contains("rfm on c: scored 5 rows"), "\(converted.stdout)")
  }

  @Test func distinctSaysWhatItDropped() throws {
    let text = "id,city\n1,Perth\n2,Oslo\n1,Perth\n1,Perth\n"
    let r = try LoaderEndToEndTests.run(
      "load \"f.csv\"; describe; load \"f.csv\" distinct; describe", files: ["f.csv": Array(text.utf8)])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("2 rows repeat an earlier row exactly (load with distinct to drop them)"))
    #expect(r.stdout.contains("replaced f: 2 rows, 2 columns from f.csv; dropped 2 exact duplicate rows"))
    #expect(r.stdout.components(separatedBy: "repeat an earlier row").count == 2)
  }
}
