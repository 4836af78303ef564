import Testing

@testable import Columnar

/// Whole numbers written yyyymmdd, read as dates only when the column is unambiguous (issue 16).
@Suite("Compact yyyymmdd dates")
struct CompactDateTests {
  static func day(_ y: Int, _ m: Int, _ d: Int) -> Value { .date(CivilDate.days(year: y, month: m, day: d)!) }

  @Test(arguments: ["order_date", "OrderDate", "dt", "purchase_day", "invoicedate", "ymd"])
  func aDateNameIsEnough(name: String) throws {
    let r = try load("\(name),n\n19970101,1\n19971231,2\n")
    #expect(r.column(name).values == [Self.day(1997, 1, 1), Self.day(1997, 12, 31)])
    #expect(r.compactDateColumns == [name])
  }

  @Test(arguments: [
    "d\n19971301\n19970101\n",  // month 13
    "d\n19970230\n19970101\n",  // 30 February
    "d\n18991231\n19970101\n",  // before 1900
    "d\n21010101\n19970101\n",  // after 2100
    "d\n1997\n19970101\n",  // mixed lengths
    "d\n-19970101\n19970101\n",
  ])
  func anyImpossibleValueKeepsNumbers(text: String) throws {
    let r = try load(text)
    #expect(r.types == [.int])
    #expect(r.compactDateColumns.isEmpty)
  }

  @Test func nullsAreKept() throws {
    let r = try load("date,n\n19970101,1\n,2\n20000229,3\n")
    #expect(r.column("date").values == [Self.day(1997, 1, 1), .null, Self.day(2000, 2, 29)])
  }

  /// Without a date word, 32 distinct days are needed (more than a month has), and an id-like name
  /// never qualifies.
  @Test func unnamedColumnsNeedThirtyTwoDistinctDays() throws {
    let days = (1...31).map { "201001\($0 < 10 ? "0" : "")\($0)" }
    let month = try load("value\n" + days.joined(separator: "\n") + "\n")
    #expect(month.types == [.int])
    let more = try load("value\n" + (days + ["20100201"]).joined(separator: "\n") + "\n")
    #expect(more.types == [.date])
    let ids = try load("order_id\n" + (days + ["20100201"]).joined(separator: "\n") + "\n")
    #expect(ids.types == [.int])
    let dateId = try load("date_id\n" + days.prefix(2).joined(separator: "\n") + "\n")
    #expect(dateId.types == [.date])
  }

  @Test func nameWords() {
    #expect(CompactDates.nameWords("OrderDate") == ["order", "date"])
    #expect(CompactDates.nameWords("order_date") == ["order", "date"])
    #expect(CompactDates.nameWords("InvoiceNo") == ["invoice", "no"])
    #expect(CompactDates.nameWords("ID") == ["id"])
  }
}
