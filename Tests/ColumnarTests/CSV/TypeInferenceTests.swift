import Testing

@testable import Columnar

@Suite("Type inference")
struct TypeInferenceTests {
  @Test(arguments: [
    ("1\n2\n-3\n+4", ColumnType.int),
    ("1.5\n2\n-3e2", .double),
    ("true\nFALSE\nTrue", .bool),
    ("yes\nno\nYes", .bool),
    ("2026-08-01\n2026-01-31", .date),
    ("2026-08-01 14:05\n2026-08-01T14:05:07", .timestamp),
    ("2026-08-01\n2026-08-01 10:00:00", .timestamp),
    ("a\nb\n12", .string),
    ("0\n1\n1", .int),
    ("\"1,234\"\n\"12\"\n\"1,000,000\"", .int),
    ("\"1,234\"\n1234", .string),
    ("$12.50\n$3", .double),
    ("$12.50\n3", .string),
    ("£1\n€2", .string),
    ("outdoor;travel\ntech\nfood;music;books", .list),
  ])
  func infersType(body: String, type: ColumnType) throws {
    let r = try load("x\n" + body)
    #expect(r.types == [type])
  }

  @Test func wholeFileDecidesIntVersusDouble() throws {
    var text = "n\n"
    for i in 0..<3000 { text += "\(i)\n" }
    text += "12.5\n"
    let r = try load(text) { $0.chunkBytes = 1024 }
    #expect(r.types == [.double])
    #expect(r.column("n").value(at: 2999) == .double(2999))
    #expect(r.column("n").value(at: 3000) == .double(12.5))
  }

  @Test func lateTextMakesStringEverywhere() throws {
    var text = "id\n"
    for i in 0..<3000 { text += "\"\(i)\"\n" }
    text += "C536379\n"
    let r = try load(text) { $0.chunkBytes = 1024 }
    #expect(r.types == [.string])
    #expect(r.column("id").value(at: 0) == .string("0"))
    #expect(r.column("id").value(at: 3000) == .string("C536379"))
  }

  @Test func numbersParseExactly() throws {
    let r = try load("v\n0.1\n-2.5e-3\n123456789012345678901\n1.7976931348623157e308\n")
    #expect(
      r.column("v").values == [
        .double(0.1), .double(-0.0025), .double(123456789012345678901.0), .double(1.7976931348623157e308),
      ])
    let g = try load("v\n\"1,234.5\"\n12\n")
    #expect(g.column("v").values == [.double(1234.5), .double(12)])
    let i = try load("v\n9223372036854775807\n-9223372036854775808\n +7 \n")
    #expect(i.column("v").values == [.int(.max), .int(.min), .int(7)])
  }

  @Test func currencyValues() throws {
    let r = try load("p\n\"$1,200\"\n$-3\n$0.5\n")
    #expect(r.column("p").values == [.double(1200), .double(-3), .double(0.5)])
    let e = try load("p;q\n5 €;£2\n7€;£3\n")
    #expect(e.types == [.int, .int])
  }

  @Test(arguments: [
    ("d\n2026-08-01\n2026-12-31", [Value.date(20_666), .date(20_818)]),
    ("d\n8/1/2026\n12/31/2026", [.date(20_666), .date(20_818)]),
    ("d\n1/8/2026\n31/12/2026", [.date(20_666), .date(20_818)]),
    ("d\n01-08-2026\n31-12-2026", [.date(20_666), .date(20_818)]),
    ("d\n01.08.2026\n31.12.2026", [.date(20_666), .date(20_818)]),
    ("d\n2026/08/01\n2026/12/31", [.date(20_666), .date(20_818)]),
  ])
  func datesInEveryFormat(text: String, values: [Value]) throws {
    let r = try load(text)
    #expect(r.column("d").values == values)
  }

  @Test func ambiguousSlashDatesAreMonthFirst() throws {
    let r = try load("d\n2/3/2026\n")
    #expect(r.column("d").value(at: 0) == .date(CivilDate.days(year: 2026, month: 2, day: 3)!))
  }

  @Test func conflictingDateOrdersAreText() throws {
    let r = try load("d\n13/1/2026\n1/13/2026\n")
    #expect(r.types == [.string])
  }

  @Test func timestampsKeepSeconds() throws {
    let r = try load("t\n2011-03-10 16:16:00\n2011-03-10 16:16\n2011-03-10T16:16:05Z\n")
    let base = Int64(CivilDate.days(year: 2011, month: 3, day: 10)!) * 86_400 + 16 * 3600 + 16 * 60
    #expect(r.column("t").values == [.timestamp(base), .timestamp(base), .timestamp(base + 5)])
  }

  @Test func strongPlaceholdersAreAlwaysNull() throws {
    let r = try load("a,b\n1,x\nNA,NULL\n,y\nnull,N/A\n")
    #expect(r.types == [.int, .string])
    #expect(r.column("a").nullCount == 3)
    #expect(r.column("b").nullCount == 2)
    #expect(r.nullPlaceholders["a"] == ["NA": 1, "null": 1])
    #expect(r.nullPlaceholders["b"] == ["NULL": 1, "N/A": 1])
  }

  @Test func weakPlaceholdersAreNullOnlyInTypedColumns() throws {
    let r = try load("n,s,d,b\n1,x,2026-01-01,yes\n?,unknown,-,unknown\n#DIV/0!,y, ,no\n")
    #expect(r.types == [.int, .string, .date, .bool])
    #expect(r.column("n").nullCount == 2)
    #expect(r.column("s").values == [.string("x"), .string("unknown"), .string("y")])
    #expect(r.column("d").nullCount == 2)
    #expect(r.nullPlaceholders["n"] == ["?": 1, "#DIV/0!": 1])
    #expect(r.nullPlaceholders["d"] == ["-": 1, " ": 1])
    #expect(r.nullPlaceholders["b"] == ["unknown": 1])
    #expect(r.nullPlaceholders["s"] == nil)
  }

  @Test func emptyColumnIsAllNullString() throws {
    let r = try load("a,b\n1,\n2,\n")
    #expect(r.types == [.int, .string])
    #expect(r.column("b").nullCount == 2)
  }

  @Test func listsOnlyWhenDelimiterIsNotSemicolon() throws {
    let r = try load("id,tags\n1,a;b\n2,c\n3,\n")
    #expect(r.column("tags").values == [.list(["a", "b"]), .list(["c"]), .null])
    let long = try load("id,note\n1,\"this is a long note that goes on; and on and on and on and on\"\n")
    #expect(long.types == [.int, .string])
  }
}
