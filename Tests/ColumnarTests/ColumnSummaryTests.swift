import Columnar
import Testing

/// `describe`'s figures at the ends of Int64 (issue 18, item 3): the median and mean of huge values
/// were computed through a sum that overflowed or a Double that did not convert back.
@Suite("Column summary")
struct ColumnSummaryTests {
  @Test func theMedianOfTwoInt64MaxIsInt64Max() {
    let summary = Column.int("v", [.max, .max]).summary()
    #expect(summary.median == .int(.max))
    #expect(summary.mean == Double(Int64.max))
  }

  @Test func theMeanOfTheEndsOfInt64IsExact() {
    let summary = Column.int("v", [.min, .max]).summary()
    #expect(summary.median == .double(-0.5))
    #expect(summary.mean == -0.5)
    #expect(summary.min == .int(.min) && summary.max == .int(.max))
  }

  @Test func anEvenMedianOfSmallIntsStaysWhole() {
    #expect(Column.int("v", [1, 3]).summary().median == .int(2))
    #expect(Column.int("v", [1, 2]).summary().median == .double(1.5))
    #expect(Column.int("v", [-3, 0]).summary().median == .double(-1.5))
  }
}
