import Foundation
import Testing

/// `cluster` of a server's table reads its columns from the server, fits in the client, and adds the
/// `cluster` column as a recipe the server computes in every later query: everything it prints, and
/// everything later commands print of the clusters, is memory's, byte for byte.
@Suite(
  "cluster on servers",
  .enabled(if: PostgresServer.url != nil || SparkServer.url != nil || PostgresServer.isCI))
struct ClusterOnServersEndToEndTests {
  let analytics = ServerAnalyticsEndToEndTests()

  /// A fit, its column counted and read, the choice of k, robust scaling, a second fit with fewer
  /// clusters (whose old segments go), and the segments used in a filter and a profile.
  static let sampleBlock = """
    cluster k=4 on age, income, total_spend seed 7
    count by cluster
    stats income by cluster
    cluster k=2..5 on age, income, total_spend
    derive spend_per_order = total_spend / orders
    cluster k=5 on income, spend_per_order, cart_abandons scale robust seed 3
    count by cluster, loyalty_tier
    count cluster_2 where age > 40
    show columns customer_id, income, spend_per_order, cluster sort by customer_id limit 6
    cluster k=3 on income, total_spend
    segments
    profile cluster_3
    describe
    """

  /// Ties everywhere (a few distinct values repeated on 300 rows), nulls in every input, a value at
  /// the top of Int64 that standard scaling squeezes the rest under and robust scaling holds at a fence.
  static let edgeBlock = """
    cluster k=3 on visits, spend
    count by cluster, visits
    cluster k=4 on visits, spend, score scale robust seed 5
    count by cluster
    show columns id, visits, spend, score, cluster sort by id limit 12
    cluster k=2 on score, spend
    count by cluster
    """

  @Test func theSampleClusteredOnEveryServer() throws {
    for (url, conn) in ServerAnalyticsEndToEndTests.servers {
      let (memory, server) = try analytics.compare(
        url: url, conn: conn, block: Self.sampleBlock, table: "cl",
        source: "sample customers rows 2500 seed 9")
      #expect(
        memory.contains("cluster on \(conn)_cl by age, income, total_spend (standardised): "), "\(memory)")
      #expect(memory.contains("added column cluster and segments cluster_1 to cluster_4"), "\(memory)")
      #expect(memory.contains("replaced column cluster and segments cluster_1 to cluster_3"), "\(memory)")
      #expect(server == memory, "\(conn)")
    }
  }

  @Test func tiesNullsAndExtremesClusterAlike() throws {
    try analytics.withFile(ServerAnalyticsEndToEndTests.edgeRows) { path in
      for (url, conn) in ServerAnalyticsEndToEndTests.servers {
        let (memory, server) = try analytics.compare(
          url: url, conn: conn, block: Self.edgeBlock, table: "ce", source: "\"\(path)\"")
        #expect(memory.contains("held at the far-out fences"), "\(memory)")
        #expect(server == memory, "\(conn)")
      }
    }
  }

  /// Mistakes are refused as in memory (names and types before the server is asked for rows), and
  /// leave the table as it was: no cluster column, no segments.
  @Test func mistakesLeaveTheServerTableAsItWas() throws {
    for (url, conn) in ServerAnalyticsEndToEndTests.servers {
      let script = [
        "load sample customers rows 40 seed 2 as \(conn)_cm", "connect \"\(url)\" as \(conn)",
        "copy \(conn)_cm to \(conn) as cm replace", "use \(conn).cm",
        "cluster k=3 on age, incme", "cluster k=3 on age, gender", "cluster k=3 on age, age",
        "cluster k=50 on age, income", "segments", "describe",
      ]
      let result = try SegBinary.run(["--no-init"] + script.flatMap { ["--cmd", $0] })
      for error in [
        "error: no column 'incme' in table \(conn).cm", "did you mean 'income'?",
        "error: cluster needs number columns: gender is String", "error: column 'age' is named twice",
        "error: k=50 needs at least 50 rows with a value in every column; \(conn).cm has 37",
      ] {
        #expect(result.stderr.contains(error), "\(result.stderr)")
      }
      #expect(result.stdout.contains("no segments yet"), "\(result.stdout)")
      #expect(result.stdout.contains("\(conn).cm: 40 rows, 24 columns"), "\(result.stdout)")
    }
  }
}
