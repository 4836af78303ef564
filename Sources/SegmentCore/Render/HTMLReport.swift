import Columnar

/// Text made safe inside HTML and SVG elements and attribute values.
enum HTMLText {
  static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      // Control characters are not allowed in XML and mean nothing on a page; tabs and newlines stay.
      case "\t", "\n": out.unicodeScalars.append(scalar)
      default:
        if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0xFFFE
          || scalar.value == 0xFFFF
        {
          out += "\u{FFFD}"
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out
  }
}

/// A session as one self-contained HTML page (DESIGN §10): every cell's command and result, a chart
/// where the result has one, persona cards as one-pagers. Nothing is fetched: styles are inline, charts
/// are SVG, and the page's content security policy forbids loading anything. The page is also
/// well-formed XML, so it can be checked by any XML parser; it never depends on the clock.
public enum HTMLReport {
  /// One cell of the report.
  public struct Entry: Sendable {
    /// The cell's number, as the prompt showed it.
    public var number: Int
    /// The command as typed.
    public var command: String
    /// What it produced.
    public var result: CommandResult

    /// Creates an entry.
    public init(number: Int, command: String, result: CommandResult) {
      self.number = number
      self.command = command
      self.result = result
    }
  }

  /// True when `path` names an HTML file, which `save` and `export personas` write as a report.
  static func isReportPath(_ path: String) -> Bool {
    let lower = path.lowercased()
    return lower.hasSuffix(".html") || lower.hasSuffix(".htm")
  }

  /// Tables longer than this are folded into a `<details>` element under their chart, so that a page
  /// stays readable (the rows are all there).
  static let openRows = 25

  /// The page for `entries`, titled `title`, with `facts` (such as the data files) listed under it.
  public static func page(title: String, facts: [String], entries: [Entry]) -> String {
    var main = ""
    for entry in entries {
      main += "<section class=\"cell\" id=\"cell-\(entry.number)\">\n"
      main += "<pre class=\"command\"><span class=\"prompt\">[\(entry.number)]</span> "
      main += HTMLText.escape(entry.command) + "</pre>\n"
      main += body(entry.result)
      main += "</section>\n"
    }
    if entries.isEmpty { main += "<p class=\"message\">No cells yet.</p>\n" }
    return page(title: title, facts: facts, kind: "session", main: main)
  }

  /// A page of persona cards only (`export personas to "p.html"`): no commands, and in print one card
  /// to a page.
  static func personaPage(_ cards: [PersonaCard]) -> String {
    page(title: "Personas", facts: [], kind: "cards", main: cards.map(PersonaCardHTML.render).joined())
  }

  /// The document around `main`; `kind` names the body's class, which the print styles use.
  private static func page(title: String, facts: [String], kind: String, main: String) -> String {
    var out = """
      <!DOCTYPE html>
      <html lang="en" xmlns="http://www.w3.org/1999/xhtml">
      <head>
      <meta charset="utf-8"/>
      <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"/>
      <meta name="viewport" content="width=device-width, initial-scale=1"/>
      <meta name="generator" content="seg \(segVersion)"/>
      <title>\(HTMLText.escape(title))</title>
      <style>\(style)</style>
      </head>
      <body class="\(kind)">
      <header><h1>\(HTMLText.escape(title))</h1>

      """
    if !facts.isEmpty {
      out += "<ul class=\"facts\">" + facts.map { "<li>\(HTMLText.escape($0))</li>" }.joined() + "</ul>\n"
    }
    out += "</header>\n<main>\n" + main
    out += "</main>\n<footer>Made by seg \(segVersion) from the session's own results.</footer>\n"
    out += "</body>\n</html>\n"
    return out
  }

  /// The HTML of one result.
  static func body(_ result: CommandResult) -> String {
    switch result {
    case .none: return ""
    case .message(let m):
      // A message of several lines (a segment and the date its `within` used) keeps its lines.
      let lines = m.split(separator: "\n", omittingEmptySubsequences: false).map { HTMLText.escape(String($0)) }
      return "<p class=\"message\">\(lines.joined(separator: "<br/>"))</p>\n"
    case .text(let t): return "<pre class=\"text\">\(HTMLText.escape(t.trimmingTrailingNewline()))</pre>\n"
    case .table(let table): return self.table(table)
    case .sequence(let parts): return parts.map(body).joined()
    case .personaCard(let card): return PersonaCardHTML.render(card)
    }
  }

  /// A table, under its chart when it has one.
  static func table(_ table: ResultTable) -> String {
    var out = "<figure class=\"result\">\n"
    if let title = table.title { out += "<figcaption>\(HTMLText.escape(title))</figcaption>\n" }
    let chart = SVGChart.render(table)
    if let chart { out += "<div class=\"chart-box\">\(chart)</div>\n" }
    let columns = table.columns.indices.filter { !table.columns[$0].isDecoration }
    var grid = "<table>\n<thead><tr>"
    for i in columns {
      let align = table.columns[i].alignment == .right ? " class=\"num\"" : ""
      grid += "<th\(align)>\(HTMLText.escape(table.columns[i].name))</th>"
    }
    grid += "</tr></thead>\n<tbody>\n"
    for row in table.rows {
      grid += "<tr>"
      for i in columns {
        let align = table.columns[i].alignment == .right ? " class=\"num\"" : ""
        let text = i < row.count ? Renderer.displayText(row[i]) : ""
        grid += "<td\(align)>\(HTMLText.escape(text))</td>"
      }
      grid += "</tr>\n"
    }
    grid += "</tbody>\n</table>\n"
    // A long table under a chart is there to look things up: folded, with its size said.
    if chart != nil && table.rows.count > openRows {
      out += "<details><summary>the table: \(Figures.grouped(table.rows.count)) rows</summary>\n"
      out += grid + "</details>\n"
    } else {
      out += grid
    }
    if let footer = table.footer { out += "<p class=\"footer\">\(HTMLText.escape(footer))</p>\n" }
    return out + "</figure>\n"
  }

  /// The page's style sheet: readable on screen, one cell per block in print, nothing fetched.
  static let style = """

    :root { color-scheme: light; }
    body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
      color: #1d1d1f; background: #ffffff; margin: 0; line-height: 1.45; }
    header, main, footer { max-width: 980px; margin: 0 auto; padding: 0 24px; }
    header { padding-top: 28px; border-bottom: 1px solid #d9d9de; }
    h1 { font-size: 26px; margin: 0 0 6px; }
    .facts { color: #55555c; font-size: 13px; padding-left: 18px; margin: 4px 0 18px; }
    .cell { margin: 26px 0; }
    pre { font-family: ui-monospace, "SF Mono", Menlo, Consolas, "DejaVu Sans Mono", monospace;
      font-size: 13px; white-space: pre-wrap; overflow-wrap: anywhere; margin: 0; }
    .command { background: #f3f4f7; border-left: 4px solid #0072B2; padding: 8px 12px; border-radius: 4px; }
    .prompt { color: #6b6b72; margin-right: 6px; }
    .text { padding: 8px 12px; }
    .message { margin: 8px 0; }
    figure.result { margin: 10px 0; }
    figcaption { font-weight: 600; margin: 6px 0; }
    .chart-box { overflow-x: auto; }
    svg.chart { max-width: 100%; height: auto; display: block; margin: 6px 0 10px; }
    svg text { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; font-size: 12px;
      fill: #1d1d1f; }
    svg text.figure { font-size: 11px; fill: #333338; }
    svg text.tick, svg text.note { font-size: 11px; fill: #5f5f66; }
    svg text.light { fill: #ffffff; }
    svg line.grid { stroke: #e1e1e6; stroke-width: 1; }
    svg line.axis { stroke: #55555c; stroke-width: 1.2; }
    table { border-collapse: collapse; font-size: 13px; margin: 4px 0; }
    th, td { padding: 3px 10px; border-bottom: 1px solid #e4e4e9; text-align: left; vertical-align: top; }
    th { background: #f3f4f7; font-weight: 600; }
    .num { text-align: right; font-variant-numeric: tabular-nums; }
    .footer { color: #5f5f66; font-size: 12px; margin: 4px 0; }
    details summary { cursor: pointer; color: #0072B2; font-size: 13px; margin: 4px 0; }
    footer { color: #6b6b72; font-size: 12px; border-top: 1px solid #d9d9de; padding-top: 10px;
      padding-bottom: 30px; }
    .persona { display: grid; grid-template-columns: 260px 1fr; gap: 0; border: 1px solid #d0d0d7;
      border-radius: 10px; overflow: hidden; margin: 10px 0; break-inside: avoid; }
    .persona .side { background: #eef3f9; padding: 18px; }
    .persona .main { padding: 18px 22px; }
    .avatar { width: 84px; height: 84px; border-radius: 50%; background: #0072B2; color: #ffffff;
      display: flex; align-items: center; justify-content: center; font-size: 32px; font-weight: 700; }
    .persona h2 { font-size: 22px; margin: 12px 0 2px; }
    .persona .for { color: #55555c; font-size: 13px; margin: 0 0 10px; }
    .persona .badge { display: inline-block; font-size: 11px; padding: 1px 8px; border-radius: 10px;
      background: #E69F00; color: #1d1d1f; margin-left: 6px; vertical-align: middle; }
    .persona blockquote { font-style: italic; margin: 10px 0; padding-left: 10px; border-left: 3px solid #0072B2; }
    .persona dl { margin: 0; }
    .persona dt { font-size: 11px; text-transform: uppercase; letter-spacing: .04em; color: #5f5f66;
      margin-top: 10px; }
    .persona dd { margin: 2px 0 0; }
    .persona ul { margin: 2px 0 0; padding-left: 18px; }
    .persona .evidence { background: #ffffff; border: 1px solid #d0dbe8; border-radius: 6px; padding: 8px 10px;
      font-size: 12px; margin-top: 14px; }
    .persona .fields { display: grid; grid-template-columns: 1fr 1fr; gap: 4px 24px; }
    .persona .weak { border: 1px dashed #D55E00; border-radius: 4px; padding: 2px 6px; }
    .persona .prompt-field { color: #7a7a80; font-style: italic; border: 1px dashed #b9b9c0;
      border-radius: 4px; padding: 2px 6px; }
    .persona .note { color: #5f5f66; font-size: 11px; }
    .persona .drift { background: #fff4e0; border-left: 4px solid #D55E00; padding: 6px 10px; margin-top: 12px;
      font-size: 13px; }
    .tech { letter-spacing: 2px; color: #0072B2; }
    @media (max-width: 700px) { .persona { grid-template-columns: 1fr; } .persona .fields { grid-template-columns: 1fr; } }
    @media print {
      @page { size: auto; margin: 14mm; }
      body { font-size: 11pt; }
      header, main, footer { max-width: none; padding: 0; }
      .command { break-after: avoid; }
      figure.result, .persona, svg.chart { break-inside: avoid; }
      .persona { font-size: 10pt; }
      .persona .note { font-size: 8pt; }
      .persona .side, .persona .main { padding: 12px 14px; }
      details > summary { display: none; }
      .cards header, .cards footer { display: none; }
      .cards .persona { break-after: page; }
      .cards .persona:last-child { break-after: auto; }
      .command { border-left-color: #333338; }
    }

    """
}
