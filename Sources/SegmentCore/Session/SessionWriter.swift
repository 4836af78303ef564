/// Turns a session's cells into the text of a script (`.seg`) or a Markdown notebook (`.md`).
enum SessionWriter {
  /// A script: the header as `#` comments, then each cell, its output as `#> ` lines when asked, and a
  /// blank line between cells.
  static func script(_ cells: [SessionCell], header: SessionHeader, withOutput: Bool) -> String {
    var out = header.lines.map { "# " + $0 }.joined(separator: "\n") + "\n"
    for cell in cells {
      out += "\n" + cell.text + "\n"
      if withOutput {
        for line in ScriptDocument.outputLines(cell.output) {
          out += line.isEmpty ? "#>\n" : "#> " + line + "\n"
        }
      }
    }
    return out
  }

  /// A notebook: a title, the header as a list, then each cell as a ```seg block followed by its output
  /// in a plain block, as it printed.
  static func notebook(_ cells: [SessionCell], header: SessionHeader) -> String {
    var out = "# seg session\n\n"
    out += header.lines.map { "- " + $0 }.joined(separator: "\n") + "\n"
    for cell in cells {
      out += "\n" + fenced(cell.text, info: "seg")
      let output = ScriptDocument.outputLines(cell.output)
      if !output.isEmpty { out += "\n" + fenced(output.joined(separator: "\n"), info: "") }
    }
    return out
  }

  /// `text` in a code block whose fence is longer than any run of backticks that starts a line in it.
  static func fenced(_ text: String, info: String) -> String {
    var longest = 2
    for line in ScriptSplitter.lines(of: text) {
      longest = max(longest, line.prefix { $0 == "`" }.count)
    }
    let fence = String(repeating: "`", count: longest + 1)
    return fence + info + "\n" + text + "\n" + fence + "\n"
  }
}
