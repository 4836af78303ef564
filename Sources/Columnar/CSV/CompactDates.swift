/// Whole-number columns that are really dates written yyyymmdd (`19970101`), as exports from
/// mainframes and older warehouses write them.
///
/// A column of whole numbers is read as dates when both hold:
/// - every value is a real day written yyyymmdd in the years 1900 to 2100 (`19971301` or
///   `19970230` anywhere keeps the whole column whole numbers, as does a single `1997`);
/// - the column says it is dates: its header name has a word `date`, `day`, `dt`, `ymd` or
///   `yyyymmdd` (`order_date`, `OrderDate`, `dt`), or, with no such word and no word `id`, `code`,
///   `key`, `no`, `num`, `number`, `ref`, `sku`, `zip` or `phone`, it holds at least 32 distinct
///   days: more than any month has, so that numbers counted up one by one from, say, 20240101
///   cannot pass for dates.
///
/// Anything else stays whole numbers; `derive d = date(n)` converts it when the user knows better,
/// and `rfm` explains that a yyyymmdd recency column needs converting.
enum CompactDates {
  static let years = 1900...2100
  static let dateWords: Set<String> = ["date", "day", "dt", "ymd", "yyyymmdd"]
  static let idWords: Set<String> = [
    "id", "code", "key", "no", "num", "number", "ref", "sku", "zip", "phone",
  ]
  static let distinctDaysNeeded = 32

  /// The column as dates, or nil when it does not qualify (see the type's comment).
  /// - Parameter named: whether the column's name came from a header (`column_2` says nothing).
  /// - Complexity: O(n); most columns of numbers are rejected at their first value.
  static func read(_ column: Column, named: Bool) -> Column? {
    guard case .int(let buffer) = column.storage, column.nullCount < column.count else { return nil }
    let words = named ? nameWords(column.name) : []
    let saysDate = words.contains { dateWords.contains($0) || $0.hasSuffix("date") }
    if !saysDate && words.contains(where: { idWords.contains($0) }) { return nil }
    var days = [Int32](repeating: 0, count: column.count)
    var distinct = Set<Int32>()
    for row in 0..<column.count where !column.isNull(row) {
      guard let day = day(buffer[row]) else { return nil }
      days[row] = day
      if distinct.count < distinctDaysNeeded { distinct.insert(day) }
    }
    guard saysDate || distinct.count >= distinctDaysNeeded else { return nil }
    return Column(name: column.name, storage: .date(days), validity: column.validity)
  }

  /// The day `n` stands for when written yyyymmdd within `years`.
  static func day(_ n: Int64) -> Int32? {
    guard n >= Int64(years.lowerBound) * 10_000 + 101, n <= Int64(years.upperBound) * 10_000 + 1231 else {
      return nil
    }
    return CivilDate.days(year: Int(n / 10_000), month: Int(n / 100 % 100), day: Int(n % 100))
  }

  /// The lowercased words of a column name: split at anything not a letter or digit, and where a
  /// lowercase letter meets an uppercase one (`OrderDate` is `order`, `date`).
  static func nameWords(_ name: String) -> [String] {
    var words: [String] = []
    var current = ""
    var previousLower = false
    for c in name {
      guard c.isLetter || c.isNumber else {
        if !current.isEmpty { words.append(current.lowercased()) }
        current = ""
        previousLower = false
        continue
      }
      if c.isUppercase && previousLower && !current.isEmpty {
        words.append(current.lowercased())
        current = ""
      }
      current.append(c)
      previousLower = c.isLowercase
    }
    if !current.isEmpty { words.append(current.lowercased()) }
    return words
  }
}
