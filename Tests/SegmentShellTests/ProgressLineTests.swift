import SegmentCore
import Testing

@testable import SegmentShell

@Suite("Progress line")
struct ProgressLineTests {
  @Test("a reading shows the task, the share done and the sizes")
  func text() {
    let meter = ProgressMeter()
    #expect(meter.reading == nil)
    meter.start("loading big.csv")
    #expect(ProgressLine.text(meter.reading!, width: 80) == "loading big.csv")
    meter.advance(by: 3 << 20, of: 10 << 20)
    meter.advance(by: 1 << 19, of: 10 << 20)
    #expect(ProgressLine.text(meter.reading!, width: 80) == "loading big.csv  35% (3.5 MiB of 10.0 MiB)")
    meter.finish()
    #expect(meter.reading == nil)
  }

  @Test("a server's table counts rows, its total known before the rows come")
  func rows() {
    let meter = ProgressMeter()
    meter.start("loading pg.big", unit: .rows)
    meter.expect(1_000_000)
    for _ in 0..<120_000 { meter.advance(by: 1) }
    #expect(ProgressLine.text(meter.reading!, width: 80) == "loading pg.big  12% (120,000 of 1,000,000 rows)")
  }

  @Test("the line is cut to the terminal's width, so it never wraps")
  func narrow() {
    let meter = ProgressMeter()
    meter.start("loading /a/rather/long/folder/name/customers.csv")
    meter.advance(by: 5, of: 10)
    let line = ProgressLine.text(meter.reading!, width: 20)
    #expect(line == "loading /a/rather/…")
    #expect(line.count == 19)
  }

  @Test("done never reads past the total")
  func capped() {
    let meter = ProgressMeter()
    meter.start("loading x.csv")
    meter.advance(by: 12, of: 10)
    #expect(meter.reading?.fraction == 1)
  }
}
