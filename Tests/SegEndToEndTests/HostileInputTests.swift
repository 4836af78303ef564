import Foundation
import Testing

/// The crash sites of issue 18, items 1-6, run through the built binary: each gives a result or a clear
/// error and exits 0 or 1, never a trap (132) or a stack overflow (139).
@Suite("Hostile input")
struct HostileInputTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    /// Files to write in the working folder first.
    var files: [String: String] = [:]
    /// The script, one command a line.
    var script: String
    var status: Int32
    /// Text stderr must contain (empty: stderr must be empty).
    var error = ""
    /// Text stdout must contain.
    var output = ""
    var testDescription: String { name }
  }

  static let sample = "load sample customers rows 200\n"

  static let cases: [Case] = [
    Case(
      name: "within a huge count of weeks, years and days",
      script: sample + "segment s = signup_date within 9223372036854775807 weeks\n"
        + "segment t = signup_date within 9223372036854775807 years\n"
        + "set today 1900-01-01\nsegment u = signup_date within 2147483647 days\n",
      status: 0, output: "segment s: 200 rows (100.0% of customers)"),
    Case(
      name: "a date plus a huge number",
      script: sample + "derive d = signup_date + 9223372036854775807\n", status: 1,
      error: "error: the date is out of range in signup_date + 9223372036854775807 at row 1"),
    Case(
      name: "a huge number plus a date",
      script: sample + "derive d = 9223372036854775807 + signup_date\n", status: 1,
      error: "error: the date is out of range in 9223372036854775807 + signup_date at row 1"),
    Case(
      name: "the ends of Int64",
      files: ["v.csv": "v\n-9223372036854775808\n9223372036854775807\n"],
      script: "load \"v.csv\"\nhistogram v\nstats v\ndescribe\n", status: 0, output: "-9223372036854775808 –"),
    Case(
      name: "the ends of Double", files: ["v.csv": "v\n-1e308\n1e308\n"],
      script: "load \"v.csv\"\nhistogram v\nstats v\n", status: 0, output: "[-1e+308,"),
    Case(
      name: "Int64.max twice", files: ["v.csv": "v\n9223372036854775807\n9223372036854775807\n"],
      script: "load \"v.csv\"\ndescribe\nstats v\n", status: 0, output: "1.84467440737096e+19"),
    Case(
      name: "count by seven columns",
      script: "load sample customers rows 5000\n"
        + "count by customer_id, last_name, first_name, city, income, birth_date, signup_date\n",
      status: 0, output: "5000 groups, 5,000 rows"),
    Case(
      name: "12,000 parentheses in a segment",
      script: sample + "segment s = " + String(repeating: "(", count: 12_000) + "age > 3"
        + String(repeating: ")", count: 12_000) + "\n",
      status: 1, error: "error: the condition nests deeper than 256 levels"),
    Case(
      name: "4,500 parentheses in a derive",
      script: sample + "derive d = " + String(repeating: "(", count: 4_500) + "age"
        + String(repeating: ")", count: 4_500) + "\n",
      status: 1, error: "error: the expression nests deeper than 256 levels"),
    Case(
      name: "a 15,000-term or",
      script: sample + "segment s = " + (0..<15_000).map { "age > \($0 % 90)" }.joined(separator: " or ")
        + "\nsql count where s\n",
      status: 0, output: "segment s: 200 rows"),
    Case(
      name: "a 9,000-term sum",
      script: sample + "derive d = " + Array(repeating: "age", count: 9_000).joined(separator: " + ")
        + "\nstats d\n",
      status: 0, output: "derived d (Int) on customers: 200 rows"),
    Case(
      name: "a CSV of commas", files: ["c.csv": ",,,\n,,,\n,,,\n"],
      script: "load \"c.csv\"\ncount by column_1\n", status: 0, output: "1 groups, 2 rows"),
    Case(
      name: "a hundred million rows asked of show",
      script: "load sample customers rows 12000\nshow limit 100000000\ntop 50000 by income\n", status: 0,
      output: "10,000 of 12,000 rows; a table shows at most 10,000 rows: 'export' writes them all, and "
        + "'set format csv' prints them all"),
  ]

  @Test(arguments: cases)
  func givesAResultOrAClearError(_ c: Case) throws {
    let folder = try SegBinary.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    for (name, text) in c.files {
      try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    try c.script.write(to: folder.appendingPathComponent("s.seg"), atomically: true, encoding: .utf8)
    let result = try SegBinary.run(["--no-init", "run", "s.seg"], directory: folder)
    #expect(result.status == c.status, "\(result.stderr.prefix(2_000))")
    if c.error.isEmpty {
      #expect(result.stderr.isEmpty, "\(result.stderr.prefix(2_000))")
    } else {
      #expect(result.stderr.contains(c.error), "\(result.stderr.prefix(2_000))")
    }
    if !c.output.isEmpty {
      #expect(result.stdout.contains(c.output), "\(result.stdout.prefix(2_000))")
    }
  }
}
