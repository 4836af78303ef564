import Foundation
import Testing

/// End-to-end tests of segment analytics (`profile`, `compare`, `rank`, `trend`): the built `seg` on
/// the sample data, exact output.
@Suite("Segment analytics")
struct AnalyticsProfileTests {
  static let setup =
    "load sample rows 1000 seed 7; segment women = gender = \"F\"; segment urbanites = urban; "

  @Test func compareShowsSizesOverlapsAndParts() throws {
    let result = try SegBinary.run(["--no-init", "-c", Self.setup + "compare women, urbanites"])
    #expect(result.status == 0)
    #expect(result.stderr.isEmpty)
    #expect(
      result.stdout.hasSuffix(
        """
        overlaps
        ┌───────┬───────────┬─────────┬────────────┬────────────┬─────────┐
        │ a     │ b         │ in both │ share of a │ share of b │ jaccard │
        ├───────┼───────────┼─────────┼────────────┼────────────┼─────────┤
        │ women │ urbanites │     423 │      80.7% │      52.7% │   0.468 │
        └───────┴───────────┴─────────┴────────────┴────────────┴─────────┘
        jaccard = in both ÷ in either (1 = the same rows, 0 = none shared)
        exclusive parts
        ┌────────────────┬──────┬────────────────────┐
        │ part           │ rows │ share of customers │
        ├────────────────┼──────┼────────────────────┤
        │ only women     │  101 │              10.1% │
        │ only urbanites │  379 │              37.9% │
        │ both           │  423 │              42.3% │
        │ neither        │   97 │               9.7% │
        └────────────────┴──────┴────────────────────┘
        each row of customers is in exactly one part

        """))
  }

  @Test func profileInCSVHasOneHeaderPerTable() throws {
    let result = try SegBinary.run([
      "--no-init", "--format", "csv", "-c", Self.setup + "profile women columns urban, age",
    ])
    #expect(result.status == 0)
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines.contains("column,value,count,share in women,share in customers,index,z,note"))
    #expect(lines.contains("urban,true,423,0.8073,0.8020,101,0.4,"))
    #expect(lines.contains { $0.hasPrefix("age,524,40.06,40.14,-0.08,38.00,38.00,0.00,-0.2") })
  }

  @Test func unknownSegmentPointsAtItAndSuggests() throws {
    let result = try SegBinary.run(["--no-init", "-c", Self.setup + "profile wmen"])
    #expect(result.status == 1)
    #expect(
      result.stderr == """
        error: no segment named 'wmen'
          profile wmen
                  ^^^^
          did you mean 'women'?

        """)
  }

  @Test func rankAndTrendRunOnTheSample() throws {
    let result = try SegBinary.run([
      "--no-init", "--format", "csv", "-c",
      Self.setup + "rank segments by count(*); trend women by year of signup_date",
    ])
    #expect(result.status == 0)
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines.contains("1,urbanites,802,802,0.8020"))
    #expect(lines.contains("2,women,524,524,0.5240"))
    #expect(lines.contains("year,women,all customers,share"))
  }

  @Test func profileSkipsIdsAndDefiningColumnsAndAllBringsThemBack() throws {
    let result = try SegBinary.run(["--no-init", "-c", Self.setup + "profile women"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(!result.stdout.contains("│ gender ") && !result.stdout.contains("│ customer_id "))
    #expect(
      result.stdout.contains(
        "\nskipped (profile women all includes them): customer_id (an id); gender (defines women)\n"))
    let all = try SegBinary.run(["--no-init", "-c", Self.setup + "profile women all"])
    #expect(all.status == 0, "\(all.stderr)")
    #expect(all.stdout.contains("│ gender ") && all.stdout.contains("│ customer_id "))
    #expect(!all.stdout.contains("skipped"))
    let bad = try SegBinary.run(["--no-init", "-c", Self.setup + "profile women al"])
    #expect(bad.status == 1)
    #expect(bad.stderr.hasPrefix("error: expected vs SEGMENT, all, or columns a, b, found 'al'\n"))
  }

  @Test(.enabled(if: FileManager.default.fileExists(atPath: SegBinary.sharedData.path)))
  func profileOnTheCustomerPersonalityFileSkipsItsIDAndIncome() throws {
    let path = SegBinary.sharedData.appendingPathComponent("customer_personality/marketing_campaign.csv").path
    let result = try SegBinary.run([
      "--no-init", "-c", "load \"\(path)\" as mc; segment rich = Income > 70000; profile rich",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(!result.stdout.contains("│ ID ") && !result.stdout.contains("│ Income "))
    #expect(
      result.stdout.hasSuffix(
        "\nskipped (profile rich all includes them): ID (an id); Income (defines rich)\n"))
    #expect(result.stdout.contains("│ NumWebVisitsMonth   │   508 │         2.84 │       5.32 │"))
  }

  @Test func profilesSessionReplaysGreen() throws {
    let result = try SegBinary.run(
      ["run", "--check", "Sessions/profiles.seg"], directory: SegBinary.repositoryRoot)
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
  }
}
