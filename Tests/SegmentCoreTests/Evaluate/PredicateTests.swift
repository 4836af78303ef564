import Columnar
import Testing

@testable import SegmentCore

/// A workspace over a small hand-made table with nulls, for predicate and segment tests.
func makeWorkspace(rows: Int = 8) throws -> Workspace {
  var ages: [Int64?] = []
  for row in 0..<rows {
    let age: Int = 18 + row * 3
    ages.append(row % 4 == 3 ? nil : Int64(age))
  }
  let cityNames: [String?] = ["Perth", "San José", nil, "Sandton", "Zürich"]
  let cities: [String?] = (0..<rows).map { cityNames[$0 % 5] }
  var spend: [Double?] = []
  for row in 0..<rows { spend.append(row % 5 == 4 ? nil : Double(row) * 100.5) }
  let lastDay: Int32 = CivilDate.days(year: 2026, month: 10, day: 31)!
  var days: [Int32?] = []
  var optIn: [Bool?] = []
  for row in 0..<rows {
    days.append(row % 6 == 5 ? nil : lastDay - Int32(row * 20))
    optIn.append(row % 7 == 6 ? nil : row % 2 == 0)
  }
  let tagSets: [[String]?] = [["outdoor", "tech"], ["books"], nil]
  let tags: [[String]?] = (0..<rows).map { tagSets[$0 % 3] }
  let table = try Table(
    name: "people",
    columns: [
      .int("id", (0..<rows).map { Int64($0) }), .int("age", ages), .string("city", cities),
      .double("spend", spend), .date("last_seen", days: days), .bool("opt_in", optIn), .list("tags", tags),
    ])
  var workspace = Workspace()
  try workspace.put(table)
  return workspace
}

@Suite("Predicates")
struct PredicateTests {
  func ids(_ source: String, rows: Int = 8) throws -> [Int] {
    let workspace = try makeWorkspace(rows: rows)
    var parser = Parser(tokens: try Lexer.tokenize(source))
    parser.source = Array(source)
    let predicate = try parser.predicate()
    let table = try workspace.resolveTable(nil)
    return try workspace.members(predicate, on: table).setIndices()
  }

  @Test(arguments: [
    ("age > 20", [1, 2, 4, 5, 6]),
    ("age between 18 and 24", [0, 1, 2]),
    ("not (age > 20)", [0]),
    ("age is null", [3, 7]),
    ("not (age > 20) or age is null", [0, 3, 7]),
    ("city = \"Perth\"", [0, 5]),
    ("city != \"Perth\"", [1, 3, 4, 6]),
    ("not (city = \"Perth\")", [1, 3, 4, 6]),
    ("city starts with \"San\"", [1, 3, 6]),
    ("city contains \"ü\"", [4]),
    ("city ends with \"sé\"", [1, 6]),
    ("city in (\"Perth\", \"Zürich\")", [0, 4, 5]),
    ("city not in (\"Perth\", \"Zürich\")", [1, 3, 6]),
    ("spend >= 300", [3, 5, 6, 7]),
    ("spend < 100.5", [0]),
    ("last_seen within 30 days", [0, 1]),
    ("last_seen within 2 months", [0, 1, 2, 3]),
    ("last_seen before 2026-09-01", [4, 6, 7]),
    ("last_seen after 2026-10-11", [0]),
    ("opt_in", [0, 2, 4]),
    ("not opt_in", [1, 3, 5, 7]),
    ("opt_in = false", [1, 3, 5, 7]),
    ("tags contains \"tech\"", [0, 3, 6]),
    ("tags in (\"books\", \"tech\")", [0, 1, 3, 4, 6, 7]),
    ("tags is null", [2, 5]),
    ("age > 20 and city starts with \"San\" or id = 0", [0, 1, 6]),
    ("not (age > 30 and spend > 100)", [0, 1, 2, 4]),
    ("not (age > 20 or spend > 600)", [0]),
  ])
  func predicateSelectsRows(source: String, expected: [Int]) throws {
    #expect(try ids(source) == expected, "\(source)")
  }

  /// A count so large that the range starts before every date holds every dated row up to today,
  /// whatever the unit and whatever today is (issue 18: these trapped on overflow).
  @Test(arguments: [
    ("last_seen within 9223372036854775807 weeks", nil),
    ("last_seen within 9223372036854775807 years", nil),
    ("last_seen within 9223372036854775807 months", nil),
    ("last_seen within 9223372036854775807 days", nil),
    ("last_seen within 2147483647 days", "1900-01-01"),
    ("last_seen within 768614336404564650 years", nil),
    ("last_seen within 100000000 years", "1900-01-01"),
  ])
  func hugeWithinCountsOpenTheRange(source: String, today: String?) throws {
    var workspace = try makeWorkspace()
    workspace.settings.today = today.flatMap(CivilDate.parseISODate)
    var parser = Parser(tokens: try Lexer.tokenize(source))
    parser.source = Array(source)
    let predicate = try parser.predicate()
    let table = try workspace.resolveTable(nil)
    let expected = today == nil ? [0, 1, 2, 3, 4, 6, 7] : []
    #expect(try workspace.members(predicate, on: table).setIndices() == expected, "\(source)")
  }

  /// Filters run 64 rows to a word: the edges of a word must behave like any other row.
  @Test(arguments: [0, 1, 63, 64, 65, 130])
  func wordEdges(rows: Int) throws {
    let expected = (0..<rows).filter { $0 % 4 != 3 && 18 + $0 * 3 > 40 }
    #expect(try ids("age > 40", rows: rows) == expected)
    let notExpected = (0..<rows).filter { $0 % 4 != 3 && 18 + $0 * 3 <= 40 }
    #expect(try ids("not (age > 40)", rows: rows) == notExpected)
  }

  struct Failure: Sendable, CustomStringConvertible {
    var source: String
    var message: String
    var suggestions: [String] = []
    var description: String { source }
  }

  @Test(arguments: [
    Failure(source: "agee > 3", message: "no column 'agee' in table people", suggestions: ["age"]),
    Failure(source: "age > \"abc\"", message: "age is Int, \"abc\" is a String"),
    Failure(source: "city = 12", message: "city is String, 12 is an Int"),
    Failure(source: "last_seen > 12", message: "last_seen is Date, 12 is an Int"),
    Failure(source: "city within 3 days", message: "within needs a date column; city is String"),
    Failure(source: "age contains \"1\"", message: "contains works on text; age is Int"),
    Failure(
      source: "tags = \"x\"",
      message: "tags is a list: test its items with contains, starts with, ends with or in"),
    Failure(source: "age", message: "age is Int, not a condition: compare it, e.g. age > 0"),
    Failure(source: "sity = \"x\"", message: "no column 'sity' in table people", suggestions: ["city"]),
    Failure(source: "nobody", message: "no column or segment 'nobody' in table people"),
  ])
  func mistakesAreNamed(_ failure: Failure) throws {
    do {
      let rows = try ids(failure.source)
      Issue.record("expected an error, got rows \(rows)")
    } catch let error as EvalError {
      #expect(error.message == failure.message)
      #expect(error.suggestions == failure.suggestions)
    }
  }
}

@Suite("Date arithmetic")
struct DateMathTests {
  @Test(arguments: [
    ("2026-05-31", 3, DurationUnit.months, "2026-02-28"),
    ("2024-03-31", 1, .months, "2024-02-29"),
    ("2026-01-15", 1, .months, "2025-12-15"),
    ("2024-02-29", 1, .years, "2023-02-28"),
    ("2026-10-31", 90, .days, "2026-08-02"),
    ("2026-10-31", 2, .weeks, "2026-10-17"),
  ])
  func subtract(from: String, amount: Int, unit: DurationUnit, expected: String) throws {
    let day = try #require(CivilDate.parseISODate(from))
    let bound = try #require(DateMath.subtract(amount, unit: unit, from: day))
    #expect(CivilDate.format(days: bound) == expected)
  }

  @Test func hugeCountsOpenTheRangeBelow() {
    let today = CivilDate.days(year: 2026, month: 5, day: 31)!
    #expect(
      DateMath.subtract(5_000_000, unit: .years, from: today)
        == Int32(CivilDate.dayNumber(year: -4_997_974, month: 5, day: 31)))
    #expect(DateMath.subtract(Int(Int32.max), unit: .days, from: 0) == -Int32.max)
    #expect(DateMath.subtract(Int(Int32.max) + 2, unit: .days, from: 0) == nil)
    #expect(DateMath.subtract(6_000_000, unit: .years, from: today) == nil)
  }
}
