import Testing

@testable import Columnar

/// Group numbering of columns whose null rows hold codes no dictionary entry has (issue 18, item 6): a
/// CSV of `,,,` lines gives String columns of nulls only, with an empty dictionary.
@Suite("Grouping")
struct GroupingTests {
  @Test(arguments: [1, 2, 63, 64, 65])
  func aColumnOfNullsOnlyIsOneNullGroup(rows: Int) throws {
    let report = try load(String(repeating: ",,,\n", count: rows + 1))
    let column = report.column("column_1")
    #expect(column.type == .string)
    let index = column.groupIndex()
    #expect(index.values == [.null])
    #expect(index.keys == [UInt32](repeating: 0, count: rows))
  }

  @Test func nullRowsMayHoldAnyCode() {
    let column = Column(
      name: "v", storage: .string(codes: [0, 7, 1], dictionary: ["b", "a"]),
      validity: Bitmap.from([true, false, true]) { $0 })
    let index = column.groupIndex()
    #expect(index.values == [.string("a"), .string("b"), .null])
    #expect(index.keys == [1, 2, 0])
  }
}
