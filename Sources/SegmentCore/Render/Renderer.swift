import Columnar

/// How the front end wants results drawn.
public struct RenderStyle: Sendable, Equatable {
  /// True to use ANSI colours (only on a terminal, never under NO_COLOR).
  public var color: Bool
  /// The width to fit tables into (a terminal's columns).
  public var width: Int

  /// The style for files, pipes and replays: no colour and no width limit, so replayed output never
  /// depends on a terminal.
  public static let plain = RenderStyle(color: false, width: Int.max)

  /// Creates a style.
  public init(color: Bool, width: Int) {
    self.color = color
    self.width = width
  }
}

/// Turns command results into text in the chosen output format. The one place results become text.
public enum Renderer {
  /// The text for a result, ending in a newline unless it is empty.
  public static func render(_ result: CommandResult, format: OutputFormat, style: RenderStyle) -> String {
    switch result {
    case .none: return ""
    case .message(let m):
      switch format {
      case .json: return "{\"message\": \(JSONText.quote(m))}\n"
      case .table: return m.withVisibleControls() + "\n"
      default: return m + "\n"
      }
    case .text(let t):
      let text = format == .table ? t.withVisibleControls() : t
      return text.hasSuffix("\n") ? text : text + "\n"
    case .table(let table):
      switch format {
      case .table: return BoxTable.render(table, style: style)
      case .csv: return DelimitedTable.render(table)
      case .json: return JSONText.render(table)
      case .markdown: return MarkdownTable.render(table)
      }
    case .sequence(let results):
      return results.map { render($0, format: format, style: style) }.joined()
    case .personaCard(let card):
      // JSON gets the object `export personas` writes, so `jq` reads one card as it reads many; CSV
      // and Markdown get the card as a table of its fields.
      switch format {
      case .json: return PersonaExport.json([card])
      case .csv: return DelimitedTable.render(card.table())
      case .markdown: return MarkdownTable.render(card.table())
      case .table: return card.text().withVisibleControls()
      }
    }
  }

  /// A result split into what goes to stdout and the sentences that go to stderr. In CSV, stdout
  /// carries only data, so that a command's output is one CSV file a program can read; elsewhere
  /// nothing moves (JSON wraps a sentence as an object, tables and Markdown are for people).
  public static func separatingMessages(_ result: CommandResult, format: OutputFormat) -> (
    data: CommandResult, messages: [String]
  ) {
    guard format == .csv else { return (result, []) }
    switch result {
    case .message(let m): return (.none, [m])
    case .sequence(let parts):
      var kept: [CommandResult] = []
      var messages: [String] = []
      for part in parts {
        let (data, found) = separatingMessages(part, format: format)
        if data != .none { kept.append(data) }
        messages += found
      }
      return (kept.count == 1 ? kept[0] : .sequence(kept), messages)
    default: return (result, [])
    }
  }

  /// A cell as text for people (tables and Markdown): shares as percentages, numbers with fixed decimals.
  static func displayText(_ cell: Cell) -> String {
    switch cell {
    case .value(let v): return Figures.text(v)
    case .count(let n): return Figures.grouped(n)
    case .bytes(let n): return Figures.bytes(n)
    case .number(let x, let decimals): return Figures.fixed(x, decimals: decimals)
    case .share(let s): return Figures.percent(s)
    case .text(let t): return t
    }
  }

  /// A cell as data (CSV and JSON): shares as fractions with four decimals.
  static func dataText(_ cell: Cell) -> String {
    switch cell {
    case .share(let s): return Figures.fixed(s, decimals: 4)
    case .count(let n), .bytes(let n): return String(n)
    default: return displayText(cell)
    }
  }
}

/// Tables drawn with Unicode box characters, numbers aligned right, wide cells cut with an ellipsis.
enum BoxTable {
  /// The widest a cell may be before it is cut.
  static let maxCellWidth = 32

  static func render(_ table: ResultTable, style: RenderStyle) -> String {
    var out = ""
    if let title = table.title { out += title.withVisibleControls() + "\n" }
    let cells = table.rows.map { $0.map { clip(Renderer.displayText($0).replacingNewlines().withVisibleControls()) } }
    var widths = table.columns.map { clip($0.name.withVisibleControls()).count }
    for row in cells {
      for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) }
    }
    // Keep as many columns as fit the width; say how many were left out rather than wrapping.
    var shown = widths.count
    var total = 1
    for (i, w) in widths.enumerated() {
      total += w + 3
      if total > style.width && i > 0 {
        shown = i
        break
      }
    }
    let columns = Array(table.columns.prefix(shown))
    let used = Array(widths.prefix(shown))
    func rule(_ left: String, _ mid: String, _ right: String) -> String {
      left + used.map { String(repeating: "─", count: $0 + 2) }.joined(separator: mid) + right + "\n"
    }
    func line(_ texts: [String], _ aligns: [Alignment]) -> String {
      var parts: [String] = []
      for (i, text) in texts.enumerated() {
        let pad = String(repeating: " ", count: used[i] - text.count)
        parts.append(aligns[i] == .right ? pad + text : text + pad)
      }
      return "│ " + parts.joined(separator: " │ ") + " │\n"
    }
    out += rule("┌", "┬", "┐")
    let header = columns.map { clip($0.name.withVisibleControls()) }
    out += line(header, columns.map { _ in .left }).bold(style.color)
    out += rule("├", "┼", "┤")
    for row in cells { out += line(Array(row.prefix(shown)), columns.map(\.alignment)) }
    out += rule("└", "┴", "┘")
    var footer = (table.footer ?? "").withVisibleControls()
    if shown < table.columns.count {
      let hidden = table.columns.count - shown
      let note = "\(hidden) more column\(hidden == 1 ? "" : "s") not shown (use 'columns a, b')"
      footer = footer.isEmpty ? note : footer + "; " + note
    }
    if !footer.isEmpty { out += footer.dim(style.color) + "\n" }
    return out
  }

  static func clip(_ text: String) -> String {
    text.count <= maxCellWidth ? text : String(text.prefix(maxCellWidth - 1)) + "…"
  }
}

extension String {
  /// The text with control characters shown rather than obeyed: a cell of a CSV file must not be able
  /// to retitle the terminal, write to its clipboard or move its cursor. C0 characters become their
  /// Unicode control pictures (ESC → ␛), DEL ␡, and C1 characters (which some terminals also obey)
  /// U+FFFD; newlines stay.
  func withVisibleControls() -> String {
    guard unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) })
    else { return self }
    var out = String.UnicodeScalarView()
    for scalar in unicodeScalars {
      switch scalar.value {
      case 0x0A: out.append(scalar)
      case 0x00..<0x20: out.append(Unicode.Scalar(0x2400 + scalar.value)!)
      case 0x7F: out.append("\u{2421}")
      case 0x80...0x9F: out.append("\u{FFFD}")
      default: out.append(scalar)
      }
    }
    return String(out)
  }

  func replacingNewlines() -> String {
    guard contains(where: \.isNewline) else { return self }
    return String(map { $0.isNewline ? " " : $0 })
  }

  func bold(_ on: Bool) -> String {
    on ? "\u{1B}[1m" + self.trimmingTrailingNewline() + "\u{1B}[0m\n" : self
  }

  func dim(_ on: Bool) -> String {
    on ? "\u{1B}[2m" + self + "\u{1B}[0m" : self
  }

  func trimmingTrailingNewline() -> String {
    hasSuffix("\n") ? String(dropLast()) : self
  }
}
