/// A script or notebook read for replay: its cells, each with the output recorded below it, and the
/// files its header fingerprints.
public struct ScriptDocument: Sendable, Equatable {
  /// One cell: commands and, when the script was saved with output, what they printed.
  public struct Cell: Sendable, Equatable {
    /// The commands' lines as written (comments included; `ScriptSplitter` skips them).
    public var code: String
    /// The 1-based line of the cell's first code line in the file.
    public var line: Int
    /// The recorded output lines, or nil when none were recorded.
    public var recorded: [String]?

    /// Creates a cell.
    public init(code: String, line: Int, recorded: [String]? = nil) {
      self.code = code
      self.line = line
      self.recorded = recorded
    }
  }

  /// The cells in order.
  public var cells: [Cell]
  /// The data files the header lists, to warn when one has changed.
  public var files: [FileFingerprint]
  /// For a script, where each cell's `#>` block stands (0-based line indices; empty where a cell has
  /// none, just after its code), so `--update` can rewrite the blocks and keep everything else.
  var outputSpans: [Range<Int>] = []
  /// The file's lines.
  var lines: [String] = []

  /// Reads a script (`#> ` lines hold output) or, when `notebook` is true, a Markdown notebook (```seg
  /// blocks hold commands and a plain block right after one holds its output).
  public static func parse(_ text: String, notebook: Bool) -> ScriptDocument {
    let lines = ScriptSplitter.lines(of: text).map(String.init)
    let files = lines.compactMap(FileFingerprint.init(headerLine:))
    if notebook { return ScriptDocument(cells: notebookCells(lines), files: files, lines: lines) }
    let found = scriptCells(lines)
    return ScriptDocument(
      cells: found.map(\.cell), files: files, outputSpans: found.map(\.span), lines: lines)
  }

  /// True when `path` names a Markdown notebook rather than a script.
  public static func isNotebook(_ path: String) -> Bool {
    let lower = path.lowercased()
    return lower.hasSuffix(".md") || lower.hasSuffix(".markdown")
  }

  /// Output lines as recorded in a script: `#> text`, or `#>` alone for an empty line.
  static func recordedLine(_ line: String) -> String? {
    guard line.hasPrefix("#>") else { return nil }
    let rest = line.dropFirst(2)
    return String(rest.first == " " ? rest.dropFirst() : rest)
  }

  // A cell is a paragraph of code lines with the `#>` block under it; a blank line or code after a
  // block starts the next cell, so hand-written scripts without output run one paragraph at a time.
  static func scriptCells(_ lines: [String]) -> [(cell: Cell, span: Range<Int>)] {
    var cells: [(cell: Cell, span: Range<Int>)] = []
    var code: [String] = []
    var start = 0
    var codeEnd = 0
    var recorded: [String]?
    func finish() {
      if !code.isEmpty || recorded != nil {
        let cell = Cell(code: code.joined(separator: "\n"), line: start, recorded: recorded)
        cells.append((cell, codeEnd..<(codeEnd + (recorded?.count ?? 0))))
      }
      code = []
      recorded = nil
    }
    for (i, line) in lines.enumerated() {
      if let output = recordedLine(line) {
        if recorded == nil { codeEnd = i }
        recorded = (recorded ?? []) + [output]
      } else if line.allSatisfy(\.isWhitespace) {
        // A continued command may hold blank lines; only end a cell where no `\` is pending.
        if code.isEmpty || recorded != nil || !ScriptSplitter.needsMoreInput(code.joined(separator: "\n")) {
          finish()
        } else if ScriptSplitter.blockIsOpen(code.joined(separator: "\n")) {
          // A persona block keeps its blank lines, so an error names the line it is on.
          code.append(line)
        }
      } else {
        if recorded != nil { finish() }
        if code.isEmpty { start = i + 1 }
        code.append(line)
        codeEnd = i + 1
      }
    }
    finish()
    return cells.filter { !ScriptSplitter.statements(in: $0.cell.code).isEmpty || $0.cell.recorded != nil }
  }

  static func notebookCells(_ lines: [String]) -> [Cell] {
    var cells: [Cell] = []
    // Where the last `seg` block closed: an output block belongs to it only if nothing but blank
    // lines stands between them.
    var afterSegBlock: Int?
    var i = 0
    while i < lines.count {
      guard let fence = fenceOpening(lines[i]) else {
        i += 1
        continue
      }
      let body = fencedBody(lines, from: i + 1, fence: fence.marker)
      if fence.info == "seg" {
        cells.append(Cell(code: body.lines.joined(separator: "\n"), line: i + 2))
        afterSegBlock = body.end + 1
      } else if fence.info.isEmpty || fence.info == "text", let after = afterSegBlock, after <= i,
        lines[after..<i].allSatisfy({ $0.allSatisfy(\.isWhitespace) })
      {
        cells[cells.count - 1].recorded = body.lines
        afterSegBlock = nil
      } else {
        afterSegBlock = nil
      }
      i = body.end + 1
    }
    return cells
  }

  /// The fence's marker (three or more backticks) and info string, when `line` opens a code block.
  static func fenceOpening(_ line: String) -> (marker: String, info: String)? {
    guard line.hasPrefix("```") else { return nil }
    let marker = String(line.prefix { $0 == "`" })
    return (marker, line.dropFirst(marker.count).trimmingWhitespace().lowercased())
  }

  /// The lines inside a block up to its closing fence (or the end of the file).
  static func fencedBody(_ lines: [String], from start: Int, fence: String) -> (lines: [String], end: Int) {
    var end = start
    while end < lines.count {
      let trimmed = lines[end].trimmingTrailingWhitespace()
      if trimmed.count >= fence.count, trimmed.allSatisfy({ $0 == "`" }) { break }
      end += 1
    }
    return (Array(lines[start..<end]), end)
  }
}

extension ScriptDocument {
  /// The script's text with each cell's `#>` block replaced by `outputs` (one per cell; nil keeps the
  /// block), everything else kept as it was: `seg run --check --update`.
  func updatingOutput(_ outputs: [[String]?]) -> String {
    var lines = self.lines
    for (span, output) in zip(outputSpans, outputs).reversed() {
      guard let output else { continue }
      lines.replaceSubrange(span, with: output.map { $0.isEmpty ? "#>" : "#> " + $0 })
    }
    return lines.joined(separator: "\n")
  }

  /// The output lines of `text` as `--check` compares them: split at newlines, the final one dropped.
  public static func outputLines(_ text: String) -> [String] {
    guard !text.isEmpty else { return [] }
    var lines = ScriptSplitter.lines(of: text).map(String.init)
    if text.hasSuffix("\n") { lines.removeLast() }
    return lines
  }
}
