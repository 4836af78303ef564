import Testing

@testable import Columnar

/// `numericAggregates` against a sort-based reference on seeded random data: every storage width,
/// nulls, selections, empty groups, edge row counts, and value shapes that exercise each path (the
/// whole-type histogram, bucketed histograms with clamped outliers, gathered groups, two threads).
@Suite("Grouped aggregates")
struct GroupedAggregatesTests {
  static let quantiles = [0.5, 0.25, 0.75, 0, 1, 0.9, 1.0 / 3]

  @Test(arguments: [0, 1, 2, 63, 64, 65, 1000])
  func edgeRowCounts(rows: Int) {
    for shape in ValueShape.allCases {
      for groupCount in [1, 3] {
        check(Case(shape: shape, rows: rows, groupCount: groupCount, nulls: 0.1, selected: 0.8, seed: 1))
      }
    }
  }

  @Test(arguments: ValueShape.allCases)
  func groupedWithNullsAndSelection(shape: ValueShape) {
    for (seed, groupCount) in [1, 5, 20, 300].enumerated() {
      for (nulls, selected) in [(0.0, 1.0), (0.05, 1.0), (0.0, 0.3), (0.2, 0.5)] {
        check(
          Case(
            shape: shape, rows: 5000, groupCount: groupCount, nulls: nulls, selected: selected,
            seed: UInt64(seed)))
      }
    }
  }

  @Test(arguments: ValueShape.allCases)
  func twoThreads(shape: ValueShape) {
    check(Case(shape: shape, rows: 200_000, groupCount: 5, nulls: 0.02, selected: 1, seed: 7))
    check(Case(shape: shape, rows: 200_000, groupCount: 300, nulls: 0, selected: 0.7, seed: 8))
    check(Case(shape: shape, rows: 200_000, groupCount: 1, nulls: 0, selected: 1, seed: 9))
  }

  @Test(arguments: [ValueShape.int8, .int64Wide, .doubleMoney])
  func everyRowNullOrUnselected(shape: ValueShape) {
    check(Case(shape: shape, rows: 130, groupCount: 4, nulls: 1, selected: 1, seed: 3))
    check(Case(shape: shape, rows: 130, groupCount: 4, nulls: 0, selected: 0, seed: 3))
  }

  @Test func ungroupedIgnoresGroupCount() {
    let column = Column(name: "x", storage: .int(.int8([3, 1, 2])), validity: nil)
    let result = column.numericAggregates(groups: nil, groupCount: 7, rows: nil, quantiles: [0.5])
    #expect(result == [NumericAggregates(count: 3, sum: 6, min: 1, max: 3, quantiles: [2])])
    #expect(result[0].mean == 2)
  }

  @Test func emptyGroupHasNoFigures() {
    let column = Column(name: "x", storage: .double([1.5, 2.5]), validity: nil)
    let result = column.numericAggregates(groups: [0, 0], groupCount: 2, rows: nil, quantiles: [0.5, 1])
    #expect(result[1] == NumericAggregates(count: 0, sum: 0, min: nil, max: nil, quantiles: [nil, nil]))
    #expect(result[1].mean == nil)
    #expect(result[0].quantiles == [2.0, 2.5])
  }

  @Test func moneySumsToTheCent() {
    var rng = AggregatesRandom(seed: 11)
    let values = (0..<1_000_000).map { _ in Double(rng.next() % 100_000_00) / 100 }
    let cents = values.reduce(0) { $0 + Int64(($1 * 100).rounded()) }
    let column = Column(name: "spend", storage: .double(values), validity: nil)
    let sum = column.numericAggregates(groups: nil, groupCount: 1, rows: nil, quantiles: [])[0].sum
    #expect(Int64((sum * 100).rounded()) == cents)
  }

  /// Groups cut from the values themselves, as tiers are cut from spend: each group holds its own
  /// range of the column, sizes differ a hundredfold, and the two top groups are too small for the
  /// sample to fix their ranges (one has a far tail the sample misses).
  @Test(arguments: [ValueShape.doubleMoney, .int32])
  func groupsCutFromTheirOwnValues(shape: ValueShape) {
    var rng = AggregatesRandom(seed: 21)
    let storage = shape.values(300_000, &rng)
    let column = Column(name: "x", storage: storage, validity: nil)
    let values = (0..<column.count).map { column.value(at: $0).number!.double }
    let sorted = values.sorted()
    let cuts = [0.3, 0.7, 0.97, 0.9995].map { sorted[Int(Double(sorted.count) * $0)] }
    let groups = values.map { v in UInt32(cuts.firstIndex { v < $0 } ?? cuts.count) }
    check(CaseData(column: column, groups: groups, rows: nil), groupCount: 5, "\(shape) tiers")
    var chosen = Bitmap(count: column.count, allSet: true)
    for row in stride(from: 0, to: column.count, by: 3) { chosen[row] = false }
    check(CaseData(column: column, groups: groups, rows: chosen), groupCount: 5, "\(shape) tiers, chosen")
  }

  func check(_ c: Case, sourceLocation: SourceLocation = #_sourceLocation) {
    check(c.make(), groupCount: c.groupCount, "\(c)", sourceLocation: sourceLocation)
  }

  func check(
    _ data: CaseData, groupCount: Int, _ label: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let got = data.column.numericAggregates(
      groups: data.groups, groupCount: groupCount, rows: data.rows, quantiles: Self.quantiles)
    let want = reference(data, groupCount: data.groups == nil ? 1 : groupCount)
    #expect(got.count == want.count, "\(label)", sourceLocation: sourceLocation)
    for (g, (a, b)) in zip(got, want).enumerated() {
      let sumClose = abs(a.sum - b.sum) <= 1e-9 * Swift.max(1, b.absoluteSum)
      let same =
        a.count == b.count && a.min == b.min && a.max == b.max && a.quantiles == b.quantiles && sumClose
      #expect(same, "\(label) group \(g): got \(a), want \(b.figures)", sourceLocation: sourceLocation)
      if !same { return }
    }
  }

  /// Gathers each group's chosen non-null values, sorts them and reads the figures off.
  func reference(_ data: CaseData, groupCount: Int) -> [Expected] {
    var perGroup = [[Double]](repeating: [], count: groupCount)
    var exactSums = [Int128](repeating: 0, count: groupCount)
    for row in 0..<data.column.count where data.rows?[row] ?? true {
      guard case .some(let v) = data.column.value(at: row).number else { continue }
      let g = Int(data.groups?[row] ?? 0)
      perGroup[g].append(v.double)
      if let i = v.int { exactSums[g] += Int128(i) }
    }
    return perGroup.enumerated().map { g, values in
      let sorted = values.sorted()
      let n = sorted.count
      let sum = data.column.type == .int ? Double(exactSums[g]) : sorted.reduce(0, +)
      let quantiles: [Double?] = Self.quantiles.map { q in
        guard n > 0 else { return nil }
        let position = q * Double(n - 1)
        let lower = Int(position.rounded(.down))
        let upper = Swift.min(lower + 1, n - 1)
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - Double(lower))
      }
      return Expected(
        figures: NumericAggregates(
          count: n, sum: n == 0 ? 0 : sum, min: sorted.first, max: sorted.last, quantiles: quantiles),
        absoluteSum: sorted.reduce(0) { $0 + abs($1) })
    }
  }
}

struct Expected {
  var figures: NumericAggregates
  var absoluteSum: Double
  var count: Int { figures.count }
  var sum: Double { figures.sum }
  var min: Double? { figures.min }
  var max: Double? { figures.max }
  var quantiles: [Double?] { figures.quantiles }
}

extension Value {
  /// The number held, as an integer when it is one.
  fileprivate var number: (double: Double, int: Int64?)? {
    switch self {
    case .int(let i): (Double(i), i)
    case .double(let d): (d, nil)
    default: nil
    }
  }
}
