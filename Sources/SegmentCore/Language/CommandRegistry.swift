/// The purpose a command serves, used to group `help`.
public enum CommandGroup: String, Sendable, CaseIterable {
  case data = "Data"
  case segments = "Segments"
  case analysis = "Looking at the data"
  case output = "Output and settings"
  case session = "Session"
}

/// One command of the language: its name, syntax, summary and an example.
///
/// Help, completion and the parser all read this one registry, so they can never disagree about
/// which commands exist.
public struct CommandSpec: Sendable {
  /// The command word.
  public var name: String
  /// Other words that run the same command.
  public var aliases: [String]
  /// What help shows to group it.
  public var group: CommandGroup
  /// The syntax, with optional parts in brackets.
  public var syntax: String
  /// One line on what it does.
  public var summary: String
  /// A command to try.
  public var example: String
  /// Words that may follow the command word, offered by completion.
  public var keywords: [String]
}

/// The registry of every command the language knows.
public enum CommandRegistry {
  /// All commands, in the order help lists them.
  public static let all: [CommandSpec] = [
    CommandSpec(
      name: "load", aliases: [], group: .data,
      syntax: "load \"FILE\" [as NAME] [delimiter \"C\"] [header on|off] [encoding latin1] [skip bad rows]\n"
        + "load sample [customers|orders] [rows N] [seed S] [as NAME]",
      summary: "read a CSV/TSV file, or the built-in sample data, into a table",
      example: "load sample customers rows 5000 seed 42",
      keywords: [
        "sample", "customers", "orders", "rows", "seed", "as", "delimiter", "header", "encoding", "skip",
      ]),
    CommandSpec(
      name: "tables", aliases: [], group: .data, syntax: "tables",
      summary: "list the loaded tables with their rows and columns", example: "tables", keywords: []),
    CommandSpec(
      name: "use", aliases: [], group: .data, syntax: "use NAME",
      summary: "make a table the current one", example: "use orders", keywords: []),
    CommandSpec(
      name: "describe", aliases: [], group: .data, syntax: "describe [NAME]",
      summary: "each column's type, nulls, distinct values and range or top values",
      example: "describe customers", keywords: []),
    CommandSpec(
      name: "show", aliases: [], group: .data,
      syntax: "show [TABLE|SEGMENT] [columns a, b] [where P] [sort by c [desc]] [limit N]",
      summary: "rows of a table or segment",
      example: "show columns first_name, age, city where age < 25 sort by age desc limit 5",
      keywords: ["columns", "where", "sort", "by", "desc", "asc", "limit"]),
    CommandSpec(
      name: "export", aliases: [], group: .data, syntax: "export NAME to \"FILE.csv\" [replace]",
      summary: "write a table to a CSV file", example: "export customers to \"customers.csv\"",
      keywords: ["to", "replace"]),
    CommandSpec(
      name: "segment", aliases: [], group: .segments,
      syntax: "segment NAME = CONDITION [as of snapshot]\n"
        + "conditions: = != < <= > >=, between A and B, in (\"a\", \"b\"), contains \"x\", starts with \"x\",\n"
        + "  ends with \"x\", is [not] null, within 90 days, before DATE, after DATE, and, or, not, ( ),\n"
        + "  and other segments by name",
      summary: "define a named group of customers, and see which condition shrinks it most",
      example: "segment young_men = gender = \"M\" and age between 18 and 25",
      keywords: [
        "and", "or", "not", "between", "in", "contains", "starts", "ends", "with", "is", "null", "within",
        "before", "after", "days", "weeks", "months", "years", "as", "of", "snapshot",
      ]),
    CommandSpec(
      name: "segments", aliases: [], group: .segments, syntax: "segments",
      summary: "list the segments with size, share and definition", example: "segments", keywords: []),
    CommandSpec(
      name: "drop", aliases: [], group: .segments, syntax: "drop segment NAME",
      summary: "remove a segment", example: "drop segment young_men", keywords: ["segment"]),
    CommandSpec(
      name: "count", aliases: [], group: .analysis, syntax: "count [TABLE|SEGMENT] [where P] [by c, d]",
      summary: "count rows, with their share, optionally per group",
      example: "count by region where total_spend > 500", keywords: ["where", "by"]),
    CommandSpec(
      name: "stats", aliases: [], group: .analysis, syntax: "stats c, d [in SEGMENT] [where P] [by c]",
      summary: "count, mean, median, quartiles, min, max and sum of numeric columns",
      example: "stats total_spend, age by loyalty_tier", keywords: ["in", "where", "by"]),
    CommandSpec(
      name: "histogram", aliases: [], group: .analysis, syntax: "histogram c [in SEGMENT] [where P] [bins N]",
      summary: "a bar chart of a column: numbers and dates in bins, categories by frequency",
      example: "histogram age bins 8", keywords: ["in", "where", "bins"]),
    CommandSpec(
      name: "top", aliases: [], group: .analysis, syntax: "top N by c [in SEGMENT] [where P] [columns a, b]",
      summary: "the rows with the highest values of a column",
      example: "top 10 by total_spend columns first_name, city, total_spend",
      keywords: ["by", "in", "where", "columns"]),
    CommandSpec(
      name: "set", aliases: [], group: .output,
      syntax: "set format table|csv|json|markdown\nset today DATE|off\nset timer on|off",
      summary: "change a setting (recorded in saved sessions)", example: "set today 2026-11-01",
      keywords: ["format", "today", "timer", "on", "off", "table", "csv", "json", "markdown"]),
    CommandSpec(
      name: "help", aliases: [], group: .session, syntax: "help [COMMAND]",
      summary: "list the commands, or show one in full", example: "help load", keywords: []),
    CommandSpec(
      name: "save", aliases: [], group: .session,
      syntax: "save \"FILE.seg\" [with output] [replace]\nsave notebook \"FILE.md\" [replace]",
      summary: "write this session's cells as a script to replay (with output: a test for 'seg run --check')",
      example: "save \"my-segments.seg\" with output", keywords: ["notebook", "with", "output", "replace"]),
    CommandSpec(
      name: "history", aliases: [], group: .session, syntax: "history [N | N-M | grep TEXT]",
      summary: "the numbered cells of this session, and the commands that failed",
      example: "history grep segment", keywords: ["grep"]),
    CommandSpec(
      name: "run", aliases: [], group: .session, syntax: "run \"FILE.seg\"",
      summary: "replay a script or Markdown notebook into this session",
      example: "run \"Sessions/quickstart.seg\"", keywords: []),
    CommandSpec(
      name: "restore", aliases: [], group: .session, syntax: "restore",
      summary: "bring back the session a crashed or closed shell left unsaved", example: "restore",
      keywords: []),
    CommandSpec(
      name: "quit", aliases: ["exit"], group: .session, syntax: "quit",
      summary: "leave the shell (Ctrl-D does the same)", example: "quit", keywords: []),
  ]

  /// The spec whose name or alias is `word` (case-insensitive).
  public static func spec(named word: String) -> CommandSpec? {
    let w = word.lowercased()
    return all.first { $0.name == w || $0.aliases.contains(w) }
  }

  /// Every command word, aliases included, sorted.
  public static var words: [String] {
    all.flatMap { [$0.name] + $0.aliases }.sorted()
  }
}
