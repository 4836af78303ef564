import Foundation
import Testing

/// Segments and personas that belong to their table (issue 20, item 1): a second `cluster` or `rfm`
/// on another table never takes over the first table's segments, and a persona whose segment is
/// redefined or moved says so, through the built `seg`.
@Suite("Segments and personas that belong to their table")
struct SegmentOwnershipTests {
  /// The first table: sample customers, clustered and scored, with a persona on each kind of segment.
  static let customers = """
    load sample customers rows 3000 seed 42
    set today 2026-11-01
    rfm recency last_purchase_date frequency orders monetary total_spend
    cluster k=3 on income, age
    persona "Gold" for cluster_2
      age 60
    end
    persona draft for champions as Cham
    """

  /// The personas listing as CSV rows (header dropped), one per persona.
  static func personaRows(_ stdout: String) -> [String] {
    let lines = stdout.split(separator: "\n").map(String.init)
    guard let header = lines.lastIndex(where: { $0.hasPrefix("persona,segment,table,") }) else { return [] }
    return Array(lines[(header + 1)...].prefix { !$0.isEmpty && !$0.contains(": ") })
  }

  @Test func threeTablesInTurnKeepEveryPersonaOnItsOwnTablesSegment() throws {
    let script = Self.customers + """

      load sample customers rows 1500 seed 7 as prospects
      use prospects
      rfm recency last_purchase_date frequency orders monetary total_spend
      cluster k=4 on income, total_spend
      persona draft for prospects_cluster_1 as Pia
      load sample customers rows 1000 seed 9 as leads
      use leads
      cluster k=2 on age, income
      rfm recency last_purchase_date frequency orders monetary total_spend
      persona "Lee" for leads_champions
        channels email
      end
      set format csv
      personas
      """
    let result = try SegBinary.run(["--no-init", "-c", script])
    #expect(result.status == 0, "\(result.stderr)")
    // The later tables' segments carry their table's name, and say why.
    #expect(
      result.stdout.contains(
        "added column cluster and segments prospects_cluster_1 to prospects_cluster_4 (named after the "
          + "table: cluster_1 and the like group rows of customers)"))
    #expect(result.stdout.contains("these 11 segments: see 'segments' (named after the table: champions"))
    #expect(!result.stderr.contains("warning: persona"), "nothing was rebound: \(result.stderr)")
    let rows = Self.personaRows(result.stdout)
    #expect(rows.count == 4, "\(result.stdout)")
    let expected = [
      ("Gold", "cluster_2", "customers"), ("Cham", "champions", "customers"),
      ("Pia", "prospects_cluster_1", "prospects"), ("Lee", "leads_champions", "leads"),
    ]
    for ((name, segment, table), row) in zip(expected, rows) {
      #expect(row.hasPrefix("\(name),\(segment),\(table),"), "\(row)")
      #expect(row.hasSuffix(",none"), "no drift: \(row)")
    }
    // Gold still has the customers' cluster_2, as big as when it was written.
    let alone = try SegBinary.run(["--no-init", "-c", Self.customers + "\nset format csv\npersonas"])
    let before = Self.personaRows(alone.stdout).first ?? "?"
    #expect(rows.first == before)
  }

  @Test func reclusteringUnderAPersonaWarnsAndShowsDriftUntilItIsBoundAgain() throws {
    let script = Self.customers + """

      cluster k=4 on income, total_spend
      set format csv
      personas
      show persona Gold
      persona Gold set segment cluster_2
      personas
      """
    let result = try SegBinary.run(["--no-init", "-c", script])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stderr.contains(
        "warning: persona Gold stands for segment cluster_2, which is now cluster = 2 on customers, cluster "
          + "from cluster k=4 on income, total_spend seed 42 (was cluster = 2 on customers, cluster from "
          + "cluster k=3 on income, age seed 42)"))
    // The RFM segments read other columns: their persona is left alone.
    #expect(!result.stderr.contains("persona Cham"))
    let listings = result.stdout.components(separatedBy: "persona,segment,table,")
    #expect(listings.count == 3)
    #expect(listings[1].contains("\nGold,cluster_2,customers,"))
    #expect(listings[1].split(separator: "\n")[1].hasSuffix(",segment") || listings[1].contains(",\"segment, age\""))
    #expect(
      result.stdout.contains(
        "segment,\"cluster = 2 on customers, cluster from cluster k=4 on income, total_spend seed 42\",drifted,"))
    // In CSV, messages go to stderr.
    #expect(result.stderr.contains("persona Gold now stands for segment cluster_2 as it is: cluster = 2 on customers, "))
    let after = listings[2].split(separator: "\n").map(String.init)
    #expect(after.contains { $0.hasPrefix("Gold,cluster_2,customers,") && !$0.contains("segment") })
  }

  @Test func aSegmentRedefinedOnAnotherTableWarnsAndItsPersonaDrifts() throws {
    let dir = try SegBinary.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let script = Self.customers + """

      load sample customers rows 500 seed 3 as other
      use other
      segment cluster_2 = age > 50
      export personas to "p.json"
      """
    let result = try SegBinary.run(["--no-init", "-c", script], directory: dir)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stderr.contains(
        "warning: persona Gold stands for segment cluster_2, which is now age > 50 on other (was cluster = 2 "
          + "on customers, cluster from cluster k=3 on income, age seed 42); 'personas' shows it as drift "
          + "until 'persona Gold set segment cluster_2' binds it again"))
    let json = try String(contentsOf: dir.appendingPathComponent("p.json"), encoding: .utf8)
    #expect(
      json.contains(
        "{\"field\": \"segment\", \"stated\": \"cluster = 2 on customers, cluster from cluster k=3 on income, "
          + "age seed 42\", \"current\": \"age > 50 on other\", \"note\": \"written for segment cluster_2 as "
          + "cluster = 2 on customers, cluster from cluster k=3 on income, age seed 42; it now groups rows of "
          + "another table: age > 50 on other."))
  }

  @Test func clusteringAgainOnTheSecondTableKeepsItsOwnNames() throws {
    let script = Self.customers + """

      load sample customers rows 800 seed 5 as second
      use second
      cluster k=4 on income, age
      cluster k=2 on income, age
      segments
      """
    let result = try SegBinary.run(["--no-init", "--format", "csv", "-c", script])
    #expect(result.status == 0, "\(result.stderr)")
    let listing = result.stdout.components(separatedBy: "segment,table,size,share,definition").last ?? ""
    #expect(listing.contains("\nsecond_cluster_2,second,"))
    // The smaller k drops the table's own clusters beyond it, never the first table's.
    #expect(!listing.contains("\nsecond_cluster_3,"))
    #expect(listing.contains("\ncluster_3,customers,"))
  }

  @Test func namesTakenOnBothTablesAreRefusedAndNothingChanges() throws {
    let script = Self.customers + """

      segment second_cluster_1 = age > 40
      load sample customers rows 800 seed 5 as second
      use second
      cluster k=2 on income, age
      """
    let result = try SegBinary.run(["--no-init", "-c", script])
    #expect(result.status == 1)
    #expect(
      result.stderr.contains(
        "error: segments cluster_1 and second_cluster_1 already group rows of customers; drop or rename them "
          + "before making these segments on second"))
  }
}
