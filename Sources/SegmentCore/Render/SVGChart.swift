import Columnar

#if canImport(Glibc)
  import Glibc
#endif

/// Draws a result table's `Chart` as inline SVG for the HTML report, from the table's own cells.
///
/// Colours are the Okabe–Ito palette, which readers with any common colour blindness tell apart, and
/// every mark also carries a printed figure or a pattern, so a chart reads in grey print too.
/// Coordinates are written with one decimal and never NaN or infinite, so the same result gives the
/// same bytes.
enum SVGChart {
  /// The width every chart is drawn at (the page scales it down on narrow screens).
  static let width = 720.0
  /// Rows beyond this many become one "other" bar (counts) or are left to the table below the chart.
  static let maxBars = 50
  /// Profile rows drawn: the most distinctive, as the table orders them.
  static let maxIndexBars = 30

  static let blue = "#0072B2"
  static let orange = "#E69F00"
  static let vermillion = "#D55E00"
  static let grey = "#6b6b6b"

  /// The SVG of `table`'s chart; nil when it has none or nothing to draw.
  static func render(_ table: ResultTable) -> String? {
    guard let chart = table.chart, !table.rows.isEmpty else { return nil }
    switch chart {
    case .bars(let labels, let value, let note):
      return bars(table, labels: labels, value: value, note: note)
    case .index(let labels, let index, let flag):
      return indexBars(table, labels: labels, index: index, flag: flag)
    case .lines(let x, let series):
      return lines(table, x: x, series: series)
    case .rfmGrid(let cells, let name, let customers, let revenueShare):
      return rfmGrid(table, cells: cells, name: name, customers: customers, revenueShare: revenueShare)
    case .clusters(let label, let size, let x, let y):
      return clusters(table, label: label, size: size, x: x, y: y)
    case .elbow(let k, let inertia, let silhouette, let best):
      return elbow(table, k: k, inertia: inertia, silhouette: silhouette, best: best)
    }
  }

  // MARK: - Bars

  private static func bars(_ table: ResultTable, labels: [Int], value: Int, note: Int?) -> String? {
    var entries: [(label: String, value: Double, text: String, note: String)] = []
    for row in table.rows {
      guard let v = number(cell(row, value)) else { continue }
      let label = labels.map { text(cell(row, $0)) }.joined(separator: " · ")
      entries.append((label, v, text(cell(row, value)), note.map { text(cell(row, $0)) } ?? ""))
    }
    guard !entries.isEmpty else { return nil }
    var caption: String?
    if entries.count > maxBars {
      let rest = entries[(maxBars - 1)...]
      let additive = table.rows.allSatisfy { if case .count = cell($0, value) { return true } else { return false } }
      entries = Array(entries.prefix(maxBars - 1))
      if additive {
        let sum = rest.reduce(0) { $0 + $1.value }
        entries.append(("other (\(rest.count))", sum, Figures.grouped(Int(sum)), ""))
      } else {
        caption = "\(rest.count) more in the table below"
      }
    }
    let labelWidth = min(240, max(60, Double(entries.map(\.label.count).max() ?? 0) * 7 + 12))
    let figureWidth = Double(entries.map { ($0.text + "  " + $0.note).count }.max() ?? 0) * 7 + 16
    let barArea = max(120, width - labelWidth - figureWidth)
    let largest = entries.map { abs($0.value) }.max() ?? 0
    let rowHeight = 22.0
    let height = Double(entries.count) * rowHeight + 8 + (caption == nil ? 0 : rowHeight)
    var svg = open(height: height, label: "bar chart")
    for (i, entry) in entries.enumerated() {
      let y = 4 + Double(i) * rowHeight
      let length = largest > 0 ? barArea * abs(entry.value) / largest : 0
      svg += textElement(
        clip(entry.label, to: labelWidth), x: labelWidth - 8, y: y + 15, anchor: "end", className: "label")
      svg += "<rect x=\"\(c(labelWidth))\" y=\"\(c(y + 3))\" width=\"\(c(length))\" height=\"16\" "
      svg += "fill=\"\(entry.value < 0 ? vermillion : blue)\"/>"
      let figure = entry.note.isEmpty ? entry.text : entry.text + "  " + entry.note
      svg += textElement(figure, x: labelWidth + length + 6, y: y + 15, anchor: "start", className: "figure")
    }
    if let caption {
      svg += textElement(caption, x: labelWidth, y: height - 6, anchor: "start", className: "note")
    }
    return svg + "</svg>"
  }

  // MARK: - Profile index

  private static func indexBars(_ table: ResultTable, labels: [Int], index: Int, flag: Int?) -> String? {
    let rows = table.rows.prefix(maxIndexBars).filter { number(cell($0, index)) != nil }
    guard !rows.isEmpty else { return nil }
    let entries = rows.map { row in
      (
        label: labels.map { text(cell(row, $0)) }.joined(separator: " = "),
        index: number(cell(row, index)) ?? 100, text: text(cell(row, index)),
        small: flag.map { !text(cell(row, $0)).isEmpty } ?? false
      )
    }
    // A log scale centred on 100: half as common and twice as common are equally far from the axis.
    let reach = 3.0  // ×8 either way; beyond it a bar stops at the edge with its figure
    let labelWidth = min(260, max(80, Double(entries.map(\.label.count).max() ?? 0) * 7 + 12))
    // Room on both sides for a figure beside a bar that reaches the edge ("1506 (small)").
    let figureRoom = 84.0
    let half = (width - labelWidth - 2 * figureRoom) / 2
    let centre = labelWidth + figureRoom + half
    let rowHeight = 20.0
    let top = 22.0
    let height = top + Double(entries.count) * rowHeight + 26
    var svg = open(height: height, label: "index bars centred on 100")
    svg += "<defs><pattern id=\"small\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
    svg += "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#ffffff\"/>"
    svg += "<rect width=\"3\" height=\"6\" fill=\"\(grey)\"/></pattern></defs>"
    for (mark, text) in [(-reach, "12.5"), (-1, "50"), (0, "100"), (1, "200"), (reach, "800")] {
      let x = centre + half * mark / reach
      svg += "<line x1=\"\(c(x))\" y1=\"\(c(top - 4))\" x2=\"\(c(x))\" y2=\"\(c(height - 22))\" "
      svg += "class=\"\(mark == 0 ? "axis" : "grid")\"/>"
      svg += textElement(text, x: x, y: height - 8, anchor: "middle", className: "tick")
    }
    svg += textElement("over-represented →", x: centre + 6, y: 14, anchor: "start", className: "note")
    svg += textElement("← under-represented", x: centre - 6, y: 14, anchor: "end", className: "note")
    for (i, entry) in entries.enumerated() {
      let y = top + Double(i) * rowHeight
      let ratio = entry.index <= 0 ? -reach : min(reach, max(-reach, log2(entry.index / 100)))
      let end = centre + half * ratio / reach
      let fill = entry.small ? "url(#small)" : (ratio >= 0 ? blue : orange)
      let stroke = ratio >= 0 ? blue : orange
      svg += textElement(
        clip(entry.label, to: labelWidth), x: labelWidth - 8, y: y + 14, anchor: "end", className: "label")
      svg += "<rect x=\"\(c(min(centre, end)))\" y=\"\(c(y + 3))\" width=\"\(c(abs(end - centre)))\" "
      svg += "height=\"14\" fill=\"\(fill)\" stroke=\"\(stroke)\"/>"
      let figure = entry.text + (entry.small ? " (small)" : "")
      svg += textElement(
        figure, x: ratio >= 0 ? end + 5 : end - 5, y: y + 14, anchor: ratio >= 0 ? "start" : "end",
        className: "figure")
    }
    return svg + "</svg>"
  }

  // MARK: - Trend lines

  private static func lines(_ table: ResultTable, x: Int, series: [Int]) -> String? {
    let labels = table.rows.map { text(cell($0, x)) }
    let values = series.map { s in table.rows.map { number(cell($0, s)) ?? 0 } }
    guard let top = values.flatMap({ $0 }).max(), top > 0 else { return nil }
    let left = 56.0
    let right = 20.0
    let plotTop = 28.0
    let plotHeight = 220.0
    let height = plotTop + plotHeight + 44
    let step = labels.count > 1 ? (width - left - right) / Double(labels.count - 1) : 0
    func px(_ i: Int) -> Double { labels.count > 1 ? left + Double(i) * step : (left + width - right) / 2 }
    func py(_ v: Double) -> Double { plotTop + plotHeight * (1 - v / top) }
    var svg = open(height: height, label: "line chart")
    for tick in ticks(upTo: top) {
      svg += "<line x1=\"\(c(left))\" y1=\"\(c(py(tick)))\" x2=\"\(c(width - right))\" y2=\"\(c(py(tick)))\" "
      svg += "class=\"grid\"/>"
      svg += textElement(Figures.grouped(Int(tick)), x: left - 6, y: py(tick) + 4, anchor: "end", className: "tick")
    }
    // At most about twelve period labels fit under the axis.
    let every = max(1, (labels.count + 11) / 12)
    // The last period is always labelled; a regular label too close before it is left out.
    for i in labels.indices where (i % every == 0 && i + every <= labels.count - 1) || i == labels.count - 1 {
      svg += textElement(labels[i], x: px(i), y: plotTop + plotHeight + 18, anchor: "middle", className: "tick")
    }
    let styles = [(blue, ""), (grey, " stroke-dasharray=\"6 4\"")]
    for (s, column) in series.enumerated() {
      let (colour, dash) = styles[min(s, styles.count - 1)]
      let points = values[s].indices.map { "\(c(px($0))),\(c(py(values[s][$0])))" }.joined(separator: " ")
      svg += "<polyline points=\"\(points)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\"\(dash)/>"
      if labels.count == 1 {
        svg += "<circle cx=\"\(c(px(0)))\" cy=\"\(c(py(values[s][0])))\" r=\"3\" fill=\"\(colour)\"/>"
      }
      // The last figure of each line is printed at its end, so the chart states a number, not a shape.
      if let last = values[s].last {
        svg += textElement(
          Figures.grouped(Int(last)), x: px(values[s].count - 1) - 4, y: py(last) - 6, anchor: "end",
          className: "figure")
      }
      let legendX = left + Double(s) * 220
      svg += "<line x1=\"\(c(legendX))\" y1=\"12\" x2=\"\(c(legendX + 24))\" y2=\"12\" stroke=\"\(colour)\" "
      svg += "stroke-width=\"2\"\(dash)/>"
      svg += textElement(
        table.columns.indices.contains(column) ? table.columns[column].name : "", x: legendX + 30, y: 16,
        anchor: "start", className: "label")
    }
    return svg + "</svg>"
  }

  // MARK: - RFM grid

  private static func rfmGrid(
    _ table: ResultTable, cells: [[Int]], name: Int, customers: Int, revenueShare: Int
  ) -> String? {
    let bands = ["FM 1–1.5", "FM 2–2.5", "FM 3–3.5", "FM 4–5"]
    guard cells.count == 5, cells.allSatisfy({ $0.count == bands.count }) else { return nil }
    let counts = table.rows.map { number(cell($0, customers)) ?? 0 }
    let largest = counts.max() ?? 0
    let left = 56.0
    let top = 24.0
    let cellWidth = (width - left - 8) / Double(bands.count)
    let cellHeight = 64.0
    let height = top + cellHeight * 5 + 8
    var svg = open(height: height, label: "RFM segment map")
    for (b, band) in bands.enumerated() {
      svg += textElement(band, x: left + cellWidth * (Double(b) + 0.5), y: 16, anchor: "middle", className: "tick")
    }
    var labelled: Set<Int> = []
    for r in stride(from: 5, through: 1, by: -1) {
      let y = top + Double(5 - r) * cellHeight
      svg += textElement("R \(r)", x: left - 10, y: y + cellHeight / 2 + 4, anchor: "end", className: "tick")
      for b in bands.indices {
        let row = cells[r - 1][b]
        guard table.rows.indices.contains(row) else { continue }
        let x = left + Double(b) * cellWidth
        // Shaded by the segment's customers: the darker, the more people stand in that part of the map.
        let weight = largest > 0 ? counts[row] / largest : 0
        let dark = weight > 0.55
        svg += "<rect x=\"\(c(x))\" y=\"\(c(y))\" width=\"\(c(cellWidth))\" height=\"\(c(cellHeight))\" "
        svg += "fill=\"\(shade(weight))\" stroke=\"#ffffff\" stroke-width=\"2\"/>"
        let nameText = text(cell(table.rows[row], name))
        let ink = dark ? "light" : "label"
        svg += textElement(nameText, x: x + 8, y: y + 20, anchor: "start", className: ink)
        // The figures once per segment, in its first cell from the top left.
        if labelled.insert(row).inserted {
          let customersText = "\(text(cell(table.rows[row], customers))) customers"
          let revenueText = "\(text(cell(table.rows[row], revenueShare))) of revenue"
          svg += textElement(clip(customersText, to: cellWidth - 12), x: x + 8, y: y + 38, anchor: "start", className: ink)
          svg += textElement(clip(revenueText, to: cellWidth - 12), x: x + 8, y: y + 54, anchor: "start", className: ink)
        }
      }
    }
    return svg + "</svg>"
  }

  // MARK: - Clusters

  private static func clusters(_ table: ResultTable, label: Int, size: Int, x: Int, y: Int) -> String? {
    let points = table.rows.compactMap { row -> (String, Double, Double, Double, String)? in
      guard let px = number(cell(row, x)), let py = number(cell(row, y)), let n = number(cell(row, size)) else {
        return nil
      }
      return (text(cell(row, label)), px, py, n, text(cell(row, size)))
    }
    guard !points.isEmpty, table.columns.indices.contains(x), table.columns.indices.contains(y) else {
      return nil
    }
    let left = 70.0
    let bottom = 40.0
    let top = 20.0
    let plotHeight = 300.0
    let height = top + plotHeight + bottom
    let (xLow, xHigh) = padded(points.map(\.1))
    let (yLow, yHigh) = padded(points.map(\.2))
    let largest = points.map(\.3).max() ?? 1
    func px(_ v: Double) -> Double { left + (width - left - 30) * (v - xLow) / (xHigh - xLow) }
    func py(_ v: Double) -> Double { top + plotHeight * (1 - (v - yLow) / (yHigh - yLow)) }
    var svg = open(height: height, label: "cluster centres")
    svg += "<line x1=\"\(c(left))\" y1=\"\(c(top + plotHeight))\" x2=\"\(c(width - 30))\" "
    svg += "y2=\"\(c(top + plotHeight))\" class=\"axis\"/>"
    svg += "<line x1=\"\(c(left))\" y1=\"\(c(top))\" x2=\"\(c(left))\" y2=\"\(c(top + plotHeight))\" class=\"axis\"/>"
    for v in [xLow, (xLow + xHigh) / 2, xHigh] {
      svg += textElement(Figures.fixed(v, decimals: 1), x: px(v), y: top + plotHeight + 16, anchor: "middle", className: "tick")
    }
    for v in [yLow, (yLow + yHigh) / 2, yHigh] {
      svg += textElement(Figures.fixed(v, decimals: 1), x: left - 6, y: py(v) + 4, anchor: "end", className: "tick")
    }
    svg += textElement(
      "centre of \(table.columns[x].name) →", x: (left + width) / 2, y: height - 6, anchor: "middle",
      className: "label")
    svg += textElement("↑ \(table.columns[y].name)", x: left + 6, y: top + 12, anchor: "start", className: "label")
    let palette = [blue, orange, "#009E73", vermillion, "#CC79A7", "#56B4E9", "#F0E442", grey]
    for (i, point) in points.enumerated() {
      let radius = 6 + 30 * (largest > 0 ? (point.3 / largest).squareRoot() : 0)
      svg += "<circle cx=\"\(c(px(point.1)))\" cy=\"\(c(py(point.2)))\" r=\"\(c(radius))\" "
      svg += "fill=\"\(palette[i % palette.count])\" fill-opacity=\"0.55\" stroke=\"#333333\"/>"
      svg += textElement(
        "\(point.0) (\(point.4))", x: px(point.1), y: py(point.2) - radius - 4, anchor: "middle", className: "label")
    }
    return svg + "</svg>"
  }

  // MARK: - Choosing k

  private static func elbow(_ table: ResultTable, k: Int, inertia: Int, silhouette: Int, best: Int) -> String? {
    let rows = table.rows.compactMap { row -> (Double, Double, Double, Bool, String, String)? in
      guard let kv = number(cell(row, k)), let i = number(cell(row, inertia)), let s = number(cell(row, silhouette))
      else { return nil }
      return (kv, i, s, !text(cell(row, best)).isEmpty, text(cell(row, inertia)), text(cell(row, silhouette)))
    }
    guard rows.count > 1 else { return nil }
    let panelWidth = (width - 40) / 2
    let top = 30.0
    let plotHeight = 150.0
    let height = top + plotHeight + 40
    var svg = open(height: height, label: "inertia and silhouette by k")
    let panels: [(title: String, values: [Double], texts: [String], origin: Double)] = [
      ("inertia (falls as k grows: look for the elbow)", rows.map(\.1), rows.map(\.4), 20),
      ("silhouette (higher is better)", rows.map(\.2), rows.map(\.5), 40 + panelWidth),
    ]
    for panel in panels {
      let low = min(0, panel.values.min() ?? 0)
      let high = max(panel.values.max() ?? 1, low + 1e-9)
      func px(_ i: Int) -> Double { panel.origin + 20 + (panelWidth - 50) * Double(i) / Double(rows.count - 1) }
      func py(_ v: Double) -> Double { top + plotHeight * (1 - (v - low) / (high - low)) }
      svg += textElement(panel.title, x: panel.origin, y: 14, anchor: "start", className: "label")
      svg += "<line x1=\"\(c(panel.origin + 10))\" y1=\"\(c(top + plotHeight))\" x2=\"\(c(panel.origin + panelWidth - 10))\" "
      svg += "y2=\"\(c(top + plotHeight))\" class=\"axis\"/>"
      let points = panel.values.indices.map { "\(c(px($0))),\(c(py(panel.values[$0])))" }.joined(separator: " ")
      svg += "<polyline points=\"\(points)\" fill=\"none\" stroke=\"\(blue)\" stroke-width=\"2\"/>"
      for (i, row) in rows.enumerated() {
        let chosen = row.3
        svg += "<circle cx=\"\(c(px(i)))\" cy=\"\(c(py(panel.values[i])))\" r=\"\(chosen ? 6 : 3)\" "
        svg += "fill=\"\(chosen ? vermillion : blue)\"/>"
        svg += textElement(panel.texts[i], x: px(i), y: py(panel.values[i]) - 9, anchor: "middle", className: "figure")
        svg += textElement(
          "k=\(Int(row.0))" + (chosen ? " best" : ""), x: px(i), y: top + plotHeight + 16, anchor: "middle",
          className: "tick")
      }
    }
    return svg + "</svg>"
  }

  // MARK: - Pieces

  private static func open(height: Double, label: String) -> String {
    "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 \(c(width)) \(c(height))\" "
      + "width=\"\(c(width))\" height=\"\(c(height))\" role=\"img\" aria-label=\"\(HTMLText.escape(label))\">"
  }

  private static func textElement(
    _ content: String, x: Double, y: Double, anchor: String, className: String
  ) -> String {
    "<text x=\"\(c(x))\" y=\"\(c(y))\" text-anchor=\"\(anchor)\" class=\"\(className)\">"
      + HTMLText.escape(content) + "</text>"
  }

  /// A coordinate with one decimal; NaN and infinities (which no result should give) become 0.
  static func c(_ x: Double) -> String {
    x.isFinite ? Figures.fixed(x, decimals: 1) : "0"
  }

  private static func cell(_ row: [Cell], _ index: Int) -> Cell {
    row.indices.contains(index) ? row[index] : .text("")
  }

  private static func text(_ cell: Cell) -> String {
    Renderer.displayText(cell).replacingNewlines()
  }

  /// A cell's magnitude for drawing; nil for text, dates and nulls.
  static func number(_ cell: Cell) -> Double? {
    let x: Double
    switch cell {
    case .count(let n), .bytes(let n): x = Double(n)
    case .number(let v, _): x = v
    case .share(let s): x = s
    case .value(.int(let i)): x = Double(i)
    case .value(.double(let d)): x = d
    default: return nil
    }
    return x.isFinite ? x : nil
  }

  /// Text cut to about what fits in `pixels` at the chart's font size.
  private static func clip(_ text: String, to pixels: Double) -> String {
    let fits = max(4, Int(pixels / 7))
    return text.count <= fits ? text : String(text.prefix(fits - 1)) + "…"
  }

  /// Round steps (1, 2 or 5 × 10^n) from 0 up to `top`, about four of them.
  private static func ticks(upTo top: Double) -> [Double] {
    guard top > 0, top.isFinite else { return [0] }
    let raw = top / 4
    var magnitude = 1.0
    while magnitude * 10 <= raw { magnitude *= 10 }
    while magnitude > raw && magnitude > 1 { magnitude /= 10 }
    let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? magnitude * 10
    return stride(from: 0, through: top, by: max(step, 1)).map { $0 }
  }

  /// The range of `values` with a margin, never empty.
  private static func padded(_ values: [Double]) -> (Double, Double) {
    let low = values.min() ?? 0
    let high = values.max() ?? 1
    let margin = high > low ? (high - low) * 0.15 : max(1, abs(low) * 0.1)
    return (low - margin, high + margin)
  }

  /// A blue from pale to dark for weights 0...1 (sequential, so it also reads in grey).
  private static func shade(_ weight: Double) -> String {
    let w = max(0, min(1, weight.isFinite ? weight : 0))
    let from = (235.0, 243.0, 250.0)
    let to = (8.0, 69.0, 148.0)
    func channel(_ a: Double, _ b: Double) -> String {
      let v = Int((a + (b - a) * w).rounded())
      let digits = Array("0123456789abcdef")
      return String([digits[v / 16], digits[v % 16]])
    }
    return "#" + channel(from.0, to.0) + channel(from.1, to.1) + channel(from.2, to.2)
  }
}
