/// One `explain` topic: a short lesson in the field's terms that ends with commands to try.
///
/// Topics are data so that a test can run every topic's commands on the sample data: an example that
/// stops working fails the build, not the student.
public struct ExplainTopic: Sendable, Equatable {
  /// The name `explain` takes, lowercase with hyphens: `segments-vs-personas`.
  public var name: String
  /// Other names that find it (`behavioral`, `k-means`).
  public var aliases: [String]
  /// A title line.
  public var title: String
  /// What it is.
  public var what: String
  /// Why marketers use it.
  public var why: String
  /// A worked example in words.
  public var example: String
  /// Commands to try, in order, after `load sample`; later ones may use what earlier ones made.
  public var tryCommands: [String]
}

/// The `explain` topics and their rendering.
public enum ExplainCatalog {
  /// Every topic, in the order `explain` lists them.
  public static let topics: [ExplainTopic] = segmentationTopics + analyticsTopics

  /// Every topic name, for completion.
  public static var names: [String] { topics.map(\.name) }

  /// The topic called `name` (or one of its aliases), ignoring case and `_` for `-`.
  public static func topic(named name: String) -> ExplainTopic? {
    let key = name.lowercased().replacingAll("_", with: "-").replacingAll(" ", with: "-")
    return topics.first { $0.name == key || $0.aliases.contains(key) }
  }

  /// `explain` alone: the topics; `explain TOPIC`: its lesson.
  /// - Throws: `EvalError` for an unknown topic, with did-you-mean.
  public static func render(topic: Name?) throws(EvalError) -> CommandResult {
    guard let topic else { return .table(listing()) }
    guard let found = self.topic(named: topic.text) else {
      let all = topics.flatMap { [$0.name] + $0.aliases }
      throw EvalError(
        .unknownExplainTopic(topic.text), at: topic.range,
        suggestions: Suggestions.closest(to: topic.text.lowercased(), among: all))
    }
    return .text(page(found))
  }

  static func listing() -> ResultTable {
    ResultTable(
      columns: [ResultColumn("topic"), ResultColumn("what it covers")],
      rows: topics.map { [.text($0.name), .text($0.title)] },
      footer: "type 'explain TOPIC', e.g. 'explain rfm'; 'lesson' lists the guided lessons")
  }

  /// The topic's lesson as text, wrapped for an 80-column terminal.
  static func page(_ topic: ExplainTopic) -> String {
    var lines = [topic.title, ""]
    for (heading, body) in [
      ("What it is", topic.what), ("Why marketers use it", topic.why), ("A worked example", topic.example),
    ] {
      lines.append(heading)
      lines += wrap(body, width: 78).map { "  " + $0 }
      lines.append("")
    }
    lines.append("Try it on the sample data (after 'load sample'):")
    lines += topic.tryCommands.map { "  " + $0 }
    return lines.joined(separator: "\n")
  }

  /// Splits `text` into lines of at most `width` characters at spaces (a longer word stands alone).
  static func wrap(_ text: String, width: Int) -> [String] {
    var lines: [String] = []
    var line = ""
    for word in text.split(separator: " ") {
      if !line.isEmpty && line.count + 1 + word.count > width {
        lines.append(line)
        line = ""
      }
      line += line.isEmpty ? String(word) : " " + word
    }
    if !line.isEmpty { lines.append(line) }
    return lines
  }
}

extension String {
  /// The string with every `target` replaced, without Foundation.
  func replacingAll(_ target: Character, with replacement: Character) -> String {
    String(map { $0 == target ? replacement : $0 })
  }
}
