import Foundation
import Testing

/// End-to-end tests of `rfm` and `cluster`: the built `seg` on a small file, exact output.
@Suite("RFM and cluster end to end")
struct RFMClusterTests {
  static let people = """
    id,last,orders,spend,age
    1,2026-01-05,3,120.5,30
    2,2026-03-01,1,40,41
    3,,2,99.9,52
    4,2025-12-24,7,800,23
    5,2026-02-14,2,60,35
    6,2026-03-01,4,310,61
    7,2026-01-30,1,15.25,

    """

  func run(_ commands: String) throws -> SegBinary.Result {
    let directory = try SegBinary.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    try RFMClusterTests.people.write(
      to: directory.appendingPathComponent("people.csv"), atomically: true, encoding: .utf8)
    return try SegBinary.run(["--no-init", "-c", "load \"people.csv\"; " + commands], directory: directory)
  }

  @Test func rfmScoresLikeNtileAndLeavesNullRowsUnscored() throws {
    let result = try run(
      "set format csv; rfm recency last frequency orders monetary spend as of 2026-03-31;"
        + " show columns id, r, f, m, fm, rfm; segments")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stderr.contains(
        "rfm on people: scored 6 rows; 1 row with a null in last, orders or spend not scored"))
    // Dates ascending with ties in row order: 4, 1, 7, 5, 2, 6 → 1, 1, 2, 3, 4, 5 (6 rows: 2, 1, 1, 1, 1).
    #expect(
      result.stdout.contains(
        """
        id,r,f,m,fm,rfm
        1,1,3,3,3,133
        2,4,1,1,1,411
        3,,,,,
        4,1,5,5,5,155
        5,3,2,2,2,322
        6,5,4,4,4,544
        7,2,1,1,1,211
        """))
    #expect(result.stdout.contains("champions,people,1,0.1429,r >= 4 and fm >= 4"))
    #expect(result.stdout.contains("cant_lose_them,\"R 1, FM 4-5\",1,0.1667,800.00,0.5945,97.0"))
  }

  @Test func clusterAddsAColumnAndSegmentsAndComparingKChangesNothing() throws {
    let result = try run(
      "cluster k=2..3 on orders, spend, age; tables; cluster k=2 on orders, spend, age seed 3; count by cluster"
    )
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stdout.contains(
        """
        cluster on people by orders, spend, age (standardised): 6 rows; 1 row with a null left out; \
        k-means++ seed 3, settled after 2 iterations; inertia 5.9
        ┌───────────┬──────┬───────┬────────┬────────┬───────┐
        │ segment   │ size │ share │ orders │ spend  │ age   │
        ├───────────┼──────┼───────┼────────┼────────┼───────┤
        │ cluster_1 │    5 │ 83.3% │   2.40 │ 126.08 │ 43.80 │
        │ cluster_2 │    1 │ 16.7% │   7.00 │ 800.00 │ 23.00 │
        └───────────┴──────┴───────┴────────┴────────┴───────┘
        """))
    #expect(result.stdout.contains("silhouette on all 6 rows"))
    // `tables` after the k range still shows the file's 5 columns.
    #expect(result.stdout.contains("│ people * │    7 │       5 │"))
  }

  @Test func mistakesPointAtTheWord() throws {
    let result = try run("rfm recency last frequency orders monetary agee")
    #expect(result.status == 1)
    #expect(
      result.stderr == """
        error: no column 'agee' in table people
          rfm recency last frequency orders monetary agee
                                                     ^^^^
          did you mean 'age'?

        """)
    let k = try run("cluster k=99 on age")
    #expect(k.status == 1)
    #expect(k.stderr.contains("k is between 2 and 50"))
  }

  @Test func realMarketingFileCountsRecencyInDays() throws {
    let file = SegBinary.sharedData.appendingPathComponent("customer_personality/marketing_campaign.csv")
    guard FileManager.default.fileExists(atPath: file.path) else { return }
    let result = try SegBinary.run([
      "--no-init", "-c",
      "load \"\(file.path)\" as mc; rfm recency Recency frequency NumStorePurchases monetary MntWines",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("rfm on mc: scored 2,240 rows"))
    #expect(result.stdout.contains("recency Recency, the fewest days scoring 5"))
  }
}
