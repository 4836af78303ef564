import Foundation
import Testing

/// Issue 20, item 7, through the built `seg`: a text value typed in the wrong case gets a hint naming
/// the spelling in the data, and numbers made by arithmetic show without the noise of binary doubles.
@Suite("Value spellings and shown numbers")
struct ValueSpellingTests {
  /// Issue 14 item 4: a Bool column shows, and is written back, in the words its file wrote.
  @Test func aYesNoColumnShowsAndExportsTheFilesWords() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("seg-words-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let input = dir.appendingPathComponent("members.csv").path
    try "id,member,paid\n1,Yes,true\n2,No,false\n3,Yes,\n4,,true\n".write(
      toFile: input, atomically: true, encoding: .utf8)
    let output = dir.appendingPathComponent("out.csv").path
    let result = try SegBinary.run([
      "--no-init", "--format", "csv", "-c",
      "load \"\(input)\" as m; count by member; show columns id, member, paid where member = \"yes\"; "
        + "segment yes = member; export yes to \"\(output)\"",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stdout
        == "member,count,share\nYes,2,0.5000\nNo,1,0.2500\n,1,0.2500\nid,member,paid\n1,Yes,true\n3,Yes,\n")
    #expect(try String(contentsOfFile: output, encoding: .utf8) == "id,member,paid\n1,Yes,true\n3,Yes,\n")
  }

  @Test func aValueInTheWrongCaseIsHintedWithItsSpellingInTheData() throws {
    let result = try SegBinary.run([
      "--no-init", "-c",
      "load sample rows 1000 seed 7; segment gold = loyalty_tier = \"Gold\"; "
        + "count where loyalty_tier in (\"Gold\", \"silver\")",
    ])
    #expect(result.status == 0)
    #expect(result.stdout.contains("segment gold: 0 rows (0.0% of customers)\n"))
    let hint = "warning: no row has loyalty_tier = \"Gold\"; did you mean \"gold\" (71 rows)?\n"
    #expect(result.stderr == hint + hint)
  }

  @Test func aValueSpelledAsInTheDataGivesNoHint() throws {
    let result = try SegBinary.run([
      "--no-init", "-c",
      "load sample rows 1000 seed 7; segment gold = loyalty_tier = \"gold\"; "
        + "count where loyalty_tier != \"Gold\"; sql count where loyalty_tier = \"Gold\"",
    ])
    #expect(result.status == 0)
    #expect(result.stderr.isEmpty, "\(result.stderr)")
    // `sql` shows the statements of the answer, not those of a hint.
    #expect(
      result.stdout.hasSuffix(
        "\nSELECT count(*) AS \"count\" FROM \"customers\" WHERE (\"loyalty_tier\" = 'Gold');\n"
          + "SELECT count(*) AS \"count\" FROM \"customers\";\n"), "\(result.stdout)")
  }

  @Test(.enabled(if: FileManager.default.fileExists(atPath: SegBinary.sharedData.path)))
  func theBankFileHintsItsLowercaseJobs() throws {
    let path = SegBinary.sharedData.appendingPathComponent("bank_marketing/bank.csv").path
    let result = try SegBinary.run([
      "--no-init", "-c",
      "load \"\(path)\" as bank; segment r = job in (\"Retired\", \"student\") or marital = \"SINGLE\"",
    ])
    #expect(result.status == 0)
    #expect(
      result.stderr
        == "warning: no row has job = \"Retired\"; did you mean \"retired\" (230 rows)?\n"
        + "warning: no row has marital = \"SINGLE\"; did you mean \"single\" (1,196 rows)?\n")
  }

  @Test func arithmeticOnMoneyShowsFifteenSignificantDigits() throws {
    let dir = try SegBinary.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("prices.csv").path
    try "order,price,freight\n1,19.99,14.1\n2,179.99,85.97\n3,279.9,13.46\n4,0.1,0.2\n".write(
      toFile: path, atomically: true, encoding: .utf8)
    let script =
      "load \"\(path)\" as items; derive margin = price - freight; derive total = price + freight; "
      + "show columns margin, total; stats total"
    let table = try SegBinary.run(["--no-init", "-c", script])
    #expect(table.status == 0, "\(table.stderr)")
    #expect(
      table.stdout.contains(
        """
        ┌────────┬────────┐
        │ margin │ total  │
        ├────────┼────────┤
        │   5.89 │  34.09 │
        │  94.02 │ 265.96 │
        │ 266.44 │ 293.36 │
        │   -0.1 │    0.3 │
        └────────┴────────┘
        """))
    #expect(
      table.stdout.contains("│ total  │     4 │ 148.43 │ 150.03 │ 25.64 │ 272.81 │ 0.3 │ 293.36 │ 593.71 │"))
    let csv = try SegBinary.run(["--no-init", "--format", "csv", "-c", script])
    #expect(csv.stdout.hasPrefix("margin,total\n5.89,34.09\n94.02,265.96\n266.44,293.36\n-0.1,0.3\n"))
  }

  @Test(.enabled(if: FileManager.default.fileExists(atPath: SegBinary.sharedData.path)))
  func olistPaymentsSumWithoutNoise() throws {
    let olist = SegBinary.sharedData.appendingPathComponent("olist_ecommerce_sample").path
    let result = try SegBinary.run([
      "--no-init", "--format", "csv", "-c",
      "load \"\(olist)/olist_orders_dataset.csv\" as orders; "
        + "load \"\(olist)/olist_order_payments_dataset.csv\" as pay; use orders; "
        + "trait paid = sum(payment_value) from pay by order_id; show columns order_id, paid limit 8000",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("\n636f0241ddc83a3b9e37a8088167bd45,290.66\n"))
    // No value shows more than 15 significant digits.
    let values = result.stdout.split(separator: "\n").dropFirst().map {
      $0.split(separator: ",", omittingEmptySubsequences: false).last ?? ""
    }
    #expect(values.count == 8_000)
    #expect(!values.contains { $0.filter(\.isNumber).count > 15 })
  }
}
