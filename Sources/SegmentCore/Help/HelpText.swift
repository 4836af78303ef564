/// Help pages generated from the command registry, so help never lists a command that does not exist.
public enum HelpText {
  /// `help` alone: commands grouped by purpose with their summaries and an example each;
  /// `help COMMAND`: its syntax, summary and example.
  /// - Throws: `EvalError` for an unknown command, with did-you-mean.
  public static func render(topic: Name?) throws(EvalError) -> String {
    guard let topic else { return overview() }
    guard let spec = CommandRegistry.spec(named: topic.text) else {
      throw EvalError(
        .unknownHelpTopic(topic.text), at: topic.range,
        suggestions: Suggestions.closest(to: topic.text, among: CommandRegistry.words))
    }
    return page(for: spec)
  }

  static func overview() -> String {
    var lines: [String] = []
    let width = CommandRegistry.all.map(\.name.count).max() ?? 8
    for group in CommandGroup.allCases {
      let specs = CommandRegistry.all.filter { $0.group == group }
      guard !specs.isEmpty else { continue }
      if !lines.isEmpty { lines.append("") }
      lines.append("\(group.rawValue):")
      for spec in specs {
        let padded = spec.name + String(repeating: " ", count: width + 2 - spec.name.count)
        lines.append("  \(padded)\(spec.summary)")
        lines.append("  \(String(repeating: " ", count: width + 2))e.g. \(spec.example)")
      }
    }
    lines.append("")
    lines.append(
      "Type 'help COMMAND' for its full syntax. Commands end at a newline or ';'; '\\' continues a line.")
    return lines.joined(separator: "\n")
  }

  static func page(for spec: CommandSpec) -> String {
    var lines = spec.syntax.split(separator: "\n").map { "  " + $0 }
    lines.insert("\(spec.name): \(spec.summary)", at: 0)
    if !spec.aliases.isEmpty { lines.append("also: \(spec.aliases.joined(separator: ", "))") }
    lines.append("example:")
    lines += spec.example.split(separator: "\n").map { "  " + $0 }
    return lines.joined(separator: "\n")
  }
}
