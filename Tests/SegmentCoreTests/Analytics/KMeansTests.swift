import Columnar
import Testing

@testable import SegmentCore

/// Three tight, far-apart blobs in (x, y, z), rows interleaved; returns the table and each row's blob.
func blobTable(perBlob: Int, nullEvery: Int? = nil) throws -> (Table, [Int]) {
  let centres: [[Double]] = [[0, 0, 0], [50, 10, 1_000], [-40, 30, 500]]
  var random = SampleRandom(seed: 3, stream: 0, purpose: 7)
  var columns: [[Double?]] = [[], [], []]
  var blob: [Int] = []
  for i in 0..<(perBlob * 3) {
    let b = i % 3
    blob.append(b)
    for j in 0..<3 {
      let spread = j == 2 ? 20.0 : 1.0
      let isNull = nullEvery.map { i % $0 == $0 - 1 && j == i % 3 } ?? false
      columns[j].append(isNull ? nil : centres[b][j] + spread * random.normal())
    }
  }
  let table = try Table(
    name: "blobs", columns: [.double("x", columns[0]), .double("y", columns[1]), .double("z", columns[2])])
  return (table, blob)
}

func names(_ list: [String]) -> [Name] { list.map { Name($0, at: SourceRange(0, 1)) } }

@Suite("k-means, silhouette and cluster")
struct KMeansTests {
  @Test func wellSeparatedBlobsAreRecovered() throws {
    let (table, blob) = try blobTable(perBlob: 200)
    let data = KMeansData(columns: table.columns)
    let fit = try #require(KMeansFit.fit(data, k: 3, seed: 42))
    #expect(fit.converged)
    #expect(fit.sizes == [200, 200, 200])
    // Same blob ⇔ same cluster.
    var mapping: [Int: Int32] = [:]
    for (i, b) in blob.enumerated() {
      if let label = mapping[b] { #expect(label == fit.labels[i]) } else { mapping[b] = fit.labels[i] }
    }
    #expect(Set(mapping.values).count == 3)
    // Centres come back in the columns' own units.
    let centres = (0..<3).map { data.original(fit.centres[$0 * 3..<($0 + 1) * 3]) }
    #expect(centres.contains { abs($0[0] - 50) < 1 && abs($0[2] - 1_000) < 10 })
  }

  @Test(arguments: [1, 7, 123_456])
  func theSameSeedGivesTheSameClusters(seed: UInt64) throws {
    let (table, _) = try blobTable(perBlob: 150)
    let data = KMeansData(columns: [table.columns[0], table.columns[2]])
    let a = KMeansFit.fit(data, k: 5, seed: seed)
    let b = KMeansFit.fit(data, k: 5, seed: seed)
    #expect(a == b)
    #expect(a?.sizes.reduce(0, +) == 450)
  }

  @Test func standardisingWeighsColumnsEqually() throws {
    let table = try Table(name: "t", columns: [.double("a", [1, 2, 3, 4]), .int("b", [10, 20, 30, 40])])
    let data = KMeansData(columns: table.columns)
    #expect(data.points == data.points.enumerated().map { i, _ in data.points[i % 2 == 0 ? i : i - 1] })
    #expect(abs(data.points.reduce(0, +)) < 1e-12)
  }

  @Test func silhouetteOfAKnownCase() {
    // Two pairs on a line: {0, 1} and {10, 11}.
    let s = Silhouette.mean(
      points: [0, 1, 10, 11], dimension: 1, labels: [0, 0, 1, 1], k: 2, sample: [0, 1, 2, 3])
    let expected = ((10.5 - 1) / 10.5 + (9.5 - 1) / 9.5) / 2
    #expect(abs(s - expected) < 1e-12)
    // A point alone in its cluster counts 0.
    let lone = Silhouette.mean(
      points: [0, 1, 10], dimension: 1, labels: [0, 0, 1], k: 2, sample: [0, 1, 2])
    #expect(abs(lone - (9.0 / 10 + 8.0 / 9) / 3) < 1e-12)
  }

  @Test func theSilhouetteSampleIsFixedSortedAndAtMostTheLimit() {
    let a = Silhouette.sample(count: 10_000, seed: 4)
    #expect(a.count == Silhouette.sampleLimit)
    #expect(a == a.sorted() && Set(a).count == a.count)
    #expect(a == Silhouette.sample(count: 10_000, seed: 4))
    #expect(Silhouette.sample(count: 50, seed: 4) == Array(0..<50))
  }

  @Test func clusterAddsAColumnAndSegmentsLeavingNullRowsOut() throws {
    let (table, _) = try blobTable(perBlob: 100, nullEvery: 10)
    var workspace = Workspace()
    try workspace.put(table)
    let output = try workspace.cluster(
      ClusterCommand(k: 3...3, kRange: SourceRange(0, 1), columns: names(["x", "y", "z"]), seed: 1),
      interruption: Interruption())
    let result = try workspace.resolveTable(nil)
    let column = try #require(result.column(named: "cluster"))
    #expect(column.nullCount == 30)
    for row in 0..<result.rowCount {
      let anyNull = result.columns[0..<3].contains { $0.isNull(row) }
      #expect(column.isNull(row) == anyNull)
    }
    let sizes = try (1...3).map {
      try workspace.size(of: #require(workspace.segment(named: "cluster_\($0)")))
    }
    #expect(sizes.reduce(0, +) == 270)
    #expect(sizes == sizes.sorted(by: >))
    guard case .sequence(let parts) = output.result, case .message(let headline) = parts[0] else {
      Issue.record("cluster should print a headline")
      return
    }
    #expect(headline.contains("270 rows; 30 rows with a null left out"))
    // Fewer clusters next time: the extra segments go.
    _ = try workspace.cluster(
      ClusterCommand(k: 2...2, kRange: SourceRange(0, 1), columns: names(["x", "y"])),
      interruption: Interruption())
    #expect(workspace.segment(named: "cluster_3") == nil)
    #expect(workspace.segment(named: "cluster_2") != nil)
  }

  /// The column every engine computes from the recipe holds exactly the fit's labels (plus one), null
  /// on rows left out: on blobs with nulls, and on a coarse grid of whole numbers where points sit at
  /// the same distance from two centres, under both scalings and several seeds.
  @Test(arguments: [ClusterScaling.standard, .robust])
  func theRecipeLabelsEveryRowAsTheFitDid(scaling: ClusterScaling) throws {
    let (blobs, _) = try blobTable(perBlob: 120, nullEvery: 9)
    var grid: [Int64] = []
    var other: [Int64?] = []
    for i in 0..<400 {
      grid.append(Int64(i % 5))
      other.append(i % 31 == 0 ? nil : Int64(i * 7 % 4) + (i % 97 == 0 ? 1_000 : 0))
    }
    let tiles = [Column.int("a", grid), Column.int("b", other)]
    for (columns, k) in [(blobs.columns, 4), (tiles, 3), (tiles, 6)] {
      for seed: UInt64 in [1, 42, 99] {
        let data = KMeansData(columns: columns, scaling: scaling)
        let fit = try #require(KMeansFit.fit(data, k: k, seed: seed))
        let column = fit.recipe(data: data, columns: columns.map(\.name)).column(over: columns)
        #expect(column.nullCount == columns[0].count - data.count)
        for (i, row) in data.rows.enumerated() {
          #expect(column.value(at: Int(row)) == .int(Int64(fit.labels[i]) + 1), "row \(row), seed \(seed)")
        }
      }
    }
  }

  /// A row as far from two centres goes to the one the recipe lists first, whatever its number.
  @Test func aTieGoesToTheFirstCentreListed() {
    let recipe = ClusterRecipe(
      columns: ["x"], scales: [ColumnScale(centre: 0, scale: 1)], centres: [-1, 1, 1], numbers: [3, 1, 2])
    var point = [0.0]
    #expect(recipe.number(scaling: &point) == 3)
    point = [0.9]
    #expect(recipe.number(scaling: &point) == 1)
  }

  @Test func comparingKChangesNothing() throws {
    let (table, _) = try blobTable(perBlob: 60)
    var workspace = Workspace()
    try workspace.put(table)
    let output = try workspace.cluster(
      ClusterCommand(k: 2...5, kRange: SourceRange(0, 1), columns: names(["x", "y", "z"])),
      interruption: Interruption())
    #expect(workspace.segments.isEmpty)
    #expect(try workspace.resolveTable(nil).column(named: "cluster") == nil)
    guard case .sequence(let parts) = output.result, case .table(let choice) = parts[1] else {
      Issue.record("cluster k=2..5 should print a table")
      return
    }
    #expect(choice.rows.count == 4)
    // Three blobs: k=3 has the best silhouette.
    #expect(
      choice.rows.first { Renderer.displayText($0[4]) == "best" }.map { Renderer.displayText($0[0]) } == "3")
  }

  @Test(arguments: [
    ("cluster k=1 on a", "k is between 2 and 50"), ("cluster k=5..3 on a", "a range of k goes up"),
    ("cluster k=4 a, b", "'on'"), ("cluster 4 on a", "k=N"), ("cluster k=3 on a seeds 2", "seed"),
  ])
  func badClusterCommandsDoNotParse(source: String, message: String) {
    do {
      _ = try Parser.parse(source)
      Issue.record("\(source) should not parse")
    } catch {
      let text = "\(error.message) \(error.hint ?? "") \(error.suggestions)"
      #expect(text.contains(message), "\(text)")
    }
  }

  @Test func clusterParsesKRangesAndSeeds() throws {
    guard case .cluster(let c) = try Parser.parse("cluster k=2..8 on age, `Annual Income` seed 9") else {
      throw ParseErrorForTest()
    }
    #expect(c.k == 2...8 && c.comparesK && c.seed == 9 && c.columns.map(\.text) == ["age", "Annual Income"])
  }

  @Test func textColumnsAndTooFewRowsAreErrors() {
    let session = Session()
    _ = session.perform("load sample rows 3")
    #expect(session.perform("cluster k=2 on age, city").failed)
    let few = session.perform("cluster k=4 on age")
    #expect(few.failed)
    #expect(few.emissions.map(\.text).joined().contains("k=4 needs at least 4 rows"))
  }
}
