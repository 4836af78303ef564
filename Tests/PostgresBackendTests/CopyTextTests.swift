import Columnar
import NIOCore
import SegmentPlan
import Testing

@testable import PostgresBackend

/// The text `copy` streams to PostgreSQL: every value must read back as itself, whatever bytes it holds.
@Suite("COPY text")
struct CopyTextTests {
  private func lines(_ frame: Frame) -> String {
    var text = CopyText(frame)
    var buffer = ByteBuffer()
    for row in 0..<frame.rowCount { text.append(row: row, to: &buffer) }
    return buffer.readString(length: buffer.readableBytes) ?? ""
  }

  @Test func everyTypeAndNullHasItsText() {
    let frame = Frame(columns: [
      Column.int("n", [42, nil]),
      Column.double("x", [0.1, -1e300]),
      Column.bool("b", [true, false]),
      Column.date("d", days: [0, nil]),
      Column.timestamp("t", seconds: [86_400 + 61, nil]),
      Column.string("s", ["plain", nil]),
      Column.list("l", [["a", "b"], []]),
    ])
    #expect(
      lines(frame)
        == "0\t42\t0.1\tt\t1970-01-01\t1970-01-02 00:01:01\tplain\t{\"a\",\"b\"}\n"
        + "1\t\\N\t-1e+300\tf\t\\N\t\\N\t\\N\t{}\n")
  }

  /// Tabs, line ends and backslashes are escaped; a text that reads `\N` stays text, not null.
  @Test func bytesThatEndAFieldAreEscaped() {
    let frame = Frame(columns: [
      Column.string("s", ["a\tb", "x\ny\r", "\\N", "Zoë ☕"]),
      Column.list("l", [["say \"hi\""], ["back\\slash"], ["tab\there"], nil]),
    ])
    #expect(
      lines(frame)
        == "0\ta\\tb\t{\"say \\\\\"hi\\\\\"\"}\n"
        + "1\tx\\ny\\r\t{\"back\\\\\\\\slash\"}\n"
        + "2\t\\\\N\t{\"tab\\there\"}\n"
        + "3\tZoë ☕\t\\N\n")
  }

  @Test func doublesBeyondNumbersUsePostgresWords() {
    #expect(CopyText.double(.nan) == "NaN")
    #expect(CopyText.double(.infinity) == "Infinity")
    #expect(CopyText.double(-.infinity) == "-Infinity")
    #expect(CopyText.double(2.5) == "2.5")
  }
}
