import Foundation
import Testing

/// End-to-end tests of the computed-column commands: `derive`, `bucket` and `trait` as a user runs them.
@Suite("Computed columns end to end")
struct DeriveTraitTests {
  @Test func traitsAndADerivedColumnMakeASegment() throws {
    let script = """
      load sample customers rows 500 seed 3; load sample orders rows 500 seed 3; use customers; \
      set today 2026-11-01; set format csv; \
      trait recent_gadgets = count(*) from orders where category = "Electronics" and order_date within 3 months \
      by customer_id; \
      trait spend_3m = sum(amount) from orders where order_date within 3 months by customer_id; \
      derive spend = coalesce(spend_3m, 0); \
      segment gadget_buyers = recent_gadgets > 0 and spend > 500; \
      count gadget_buyers
      """
    let result = try SegBinary.run(["-c", script])
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stderr.split(separator: "\n").map(String.init)
    #expect(
      lines.contains {
        $0.hasPrefix("trait recent_gadgets (Int) on customers: ") && $0.hasSuffix(" are 0")
      })
    #expect(lines.contains("derived spend (Double) on customers: 500 rows"))
    #expect(lines.contains { $0.hasPrefix("segment gadget_buyers: ") })
  }

  @Test func bucketPrintsItsBandsInOrder() throws {
    let result = try SegBinary.run([
      "-c", "load sample customers rows 300 seed 1; set format csv; bucket age into 25, 35, 50 as band",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.contains("bucketed age into band on customers: 4 bands\n"))
    let lines = result.stdout.split(separator: "\n").map(String.init)
    let labels = lines.drop { !$0.hasPrefix("band,") }.dropFirst().map { $0.split(separator: ",")[0] }
    #expect(labels == ["<25", "25-34", "35-49", "50+"])
  }

  @Test func mistakesPointAtTheWordAndChangeNothing() throws {
    let result = try SegBinary.run([
      "-c", "load sample customers rows 100; derive age = lowr(city); derive age_2 = lowr(city)",
    ])
    #expect(result.status != 0)
    #expect(
      result.stderr.contains(
        """
        error: age is a column loaded into customers
          derive age = lowr(city)
                 ^^^
          computed columns never overwrite loaded data: pick another name, such as age_2
        """))
  }

  @Test func theTraitsWalkThroughReplays() throws {
    let file = SegBinary.repositoryRoot.appendingPathComponent("Sessions/traits.seg")
    let check = try SegBinary.run(["run", "--check", file.path])
    #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    #expect(check.stdout.hasSuffix("all match\n"))
  }
}
