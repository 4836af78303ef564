import Columnar
import Testing

@testable import SegmentCore

/// Outliers in `cluster`: robust scaling, degenerate clusters and k-means restarts (issue 20 item 3).
@Suite("cluster: outliers and robust scaling")
struct ClusterScalingTests {
  /// Two blobs of 200 rows in (qty, price) and three rows far out, as order lines with a few huge ones.
  static func lines() throws -> Table {
    var random = SampleRandom(seed: 5, stream: 0, purpose: 11)
    var qty: [Double] = []
    var price: [Double] = []
    for i in 0..<400 {
      qty.append((i % 2 == 0 ? 5 : 40) + 2 * random.normal())
      price.append((i % 2 == 0 ? 2 : 9) + 0.5 * random.normal())
    }
    qty += [80_995, -80_995, 12]
    price += [2.08, 2.08, 38_970]
    return try Table(name: "lines", columns: [.double("qty", qty), .double("price", price)])
  }

  func cluster(_ source: String) throws -> (Workspace, CommandOutput) {
    var workspace = Workspace()
    try workspace.put(try Self.lines())
    guard case .cluster(let command) = try Parser.parse(source) else { throw ParseErrorForTest() }
    let output = try workspace.cluster(command, interruption: Interruption())
    return (workspace, output)
  }

  @Test func robustScaleUsesQuartilesAndHoldsValuesAtTheFarOutFences() {
    let scale = ColumnScale.of([1, 2, 3, 4, 100], scaling: .robust)
    #expect(scale == ColumnScale(centre: 3, scale: 2, fences: -4...10))
    var held = 0
    #expect(scale.scaled(100, clipped: &held) == 3.5 && held == 1)
    #expect(scale.scaled(2, clipped: &held) == -0.5 && held == 1)
    #expect(ColumnScale.of([1, 2, 3, 4, 100], scaling: .standard).fences == nil)
  }

  @Test(arguments: [[0.0, 0, 0, 0, 5], [7.0, 7, 7]])
  func aZeroIQRFallsBackToTheStandardDeviation(values: [Double]) {
    let scale = ColumnScale.of(values, scaling: .robust)
    #expect(scale.fences == nil)
    #expect(scale.fellBack == (Set(values).count > 1))
    #expect(scale == ColumnScale.of(values, scaling: .standard).with(fellBack: scale.fellBack))
  }

  @Test func quantilesInterpolateLikePercentileCont() {
    #expect(ColumnScale.quantile([1, 2, 3, 4], 0.25) == 1.75)
    #expect(ColumnScale.quantile([5], 0.75) == 5)
  }

  @Test func aFewOutliersTakingClustersAreWarnedAbout() throws {
    let (_, output) = try cluster("cluster k=3 on qty, price")
    #expect(
      output.warnings == [
        "cluster_2 and cluster_3 hold 2 of 403 rows between them (each under 1%): k-means set a few extreme"
          + " values apart instead of finding segments; try 'cluster k=3 on qty, price scale robust', which"
          + " holds extreme values at the fences, or a smaller k"
      ])
  }

  @Test func robustScalingFindsTheTwoBlobs() throws {
    let (workspace, output) = try cluster("cluster k=2 on qty, price scale robust seed 3")
    #expect(output.warnings.isEmpty)
    let table = try workspace.resolveTable(nil)
    let labels = table.column(named: "cluster")!.values
    // Rows alternate between the blobs; the outliers join whichever is nearer after clipping.
    #expect((0..<400).allSatisfy { labels[$0] != labels[$0 < 399 ? $0 + 1 : $0 - 1] })
    guard case .sequence(let parts) = output.result, case .message(let headline) = parts[0] else {
      throw ParseErrorForTest()
    }
    #expect(headline.contains("(robust scaling: median and IQR, 3 values held at the far-out fences)"))
  }

  @Test func bestPassesOverAKThatIsolatesOutliers() {
    var choice = KChoice(points: 1_000)
    choice.rows = [(2, 900, 0.99, 3), (3, 600, 0.6, 200), (4, 500, 0.7, 9), (5, 400, 0.5, 100)]
    #expect(choice.best == 3)
    let warnings = choice.warnings(robust: "cluster k=2..5 on a scale robust")
    #expect(
      warnings == [
        "k=2's silhouette of 0.990 comes from setting 3 rows apart in a cluster of their own (under 1% of"
          + " rows), not from segments; 'best' marks k=3, the highest silhouette whose clusters each hold at"
          + " least 1% of rows; try 'cluster k=2..5 on a scale robust', which holds extreme values at the fences"
      ])
    choice.rows = [(2, 900, 0.99, 1), (3, 950, 0.9, 2)]
    #expect(choice.best == nil)
    #expect(
      choice.warnings(robust: nil) == [
        "k=2's silhouette of 0.990 comes from setting 1 row apart in a cluster of its own (under 1% of rows),"
          + " not from segments; every k from 2 to 3 has a cluster under 1% of rows, so none is marked best",
        "inertia rises from k=2 to k=3 (900.0 to 950.0): k-means settled in a poorer local optimum at k=3;"
          + " its row is unreliable: try another seed",
      ])
  }

  @Test(arguments: [1, 7, 42])
  func inertiaFallsWithKOnOutliers(seed: UInt64) throws {
    let data = KMeansData(columns: try Self.lines().columns)
    let inertia = (2...8).map { KMeansFit.fit(data, k: $0, seed: seed)!.inertia }
    #expect(zip(inertia, inertia.dropFirst()).allSatisfy { $1 <= $0 }, "\(inertia)")
  }

  @Test func clusterParsesScaleAndSeedInEitherOrder() throws {
    for source in ["cluster k=3 on a, b scale robust seed 4", "cluster k=3 on a, b seed 4 scale robust"] {
      guard case .cluster(let c) = try Parser.parse(source) else { throw ParseErrorForTest() }
      #expect(c.scaling == .robust && c.seed == 4)
    }
    guard case .cluster(let plain) = try Parser.parse("cluster k=3 on a") else { throw ParseErrorForTest() }
    #expect(plain.scaling == .standard)
  }

  @Test(arguments: [
    ("cluster k=3 on a scale fancy", "standard or robust"), ("cluster k=3 on a scale", "standard or robust"),
    ("cluster k=3 on a seed 1 seed 2", "scale standard|robust or the end of the command"),
    ("cluster k=3 on a scales robust", "seed S, scale standard|robust or the end of the command"),
  ])
  func badScaleClausesDoNotParse(source: String, message: String) {
    do {
      _ = try Parser.parse(source)
      Issue.record("\(source) should not parse")
    } catch {
      #expect(error.message.contains(message), "\(error.message)")
    }
  }

  @Test func completionOffersTheScalings() {
    #expect(
      Session().completions(line: "cluster k=3 on a scale ", cursor: 23).candidates == ["robust", "standard"])
  }
}

extension ColumnScale {
  fileprivate func with(fellBack: Bool) -> ColumnScale {
    var copy = self
    copy.fellBack = fellBack
    return copy
  }
}
