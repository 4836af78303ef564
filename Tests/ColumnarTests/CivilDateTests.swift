import Testing

@testable import Columnar

@Suite("CivilDate")
struct CivilDateTests {
  @Test(arguments: [
    (1970, 1, 1, Int32(0)), (2000, 3, 1, 11_017), (1969, 12, 31, -1), (2026, 8, 1, 20_666),
    (1893, 1, 1, -28_123),
  ])
  func dayNumbers(y: Int, m: Int, d: Int, days: Int32) throws {
    #expect(CivilDate.days(year: y, month: m, day: d) == days)
    let c = CivilDate.components(days: days)
    #expect(c.year == y && c.month == m && c.day == d)
  }

  @Test func rejectsImpossibleDates() {
    #expect(CivilDate.days(year: 2025, month: 2, day: 29) == nil)
    #expect(CivilDate.days(year: 2024, month: 2, day: 29) != nil)
    #expect(CivilDate.days(year: 2026, month: 13, day: 1) == nil)
    #expect(CivilDate.days(year: 2026, month: 4, day: 31) == nil)
  }

  @Test func formats() {
    #expect(CivilDate.format(days: 20_666) == "2026-08-01")
    #expect(CivilDate.formatTimestamp(Int64(20_666) * 86_400 + 14 * 3600 + 5 * 60) == "2026-08-01 14:05:00")
    #expect(CivilDate.formatTimestamp(-1) == "1969-12-31 23:59:59")
  }

  @Test func parsesISO() {
    #expect(CivilDate.parseISODate("2026-08-01") == 20_666)
    #expect(CivilDate.parseISODate("2026-8-01") == nil)
    #expect(CivilDate.parseISODate("2026-02-30") == nil)
    #expect(CivilDate.parseISOTimestamp("2026-08-01T14:05") == Int64(20_666) * 86_400 + 50_700)
  }
}
