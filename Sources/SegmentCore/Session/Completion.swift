/// What tab completion offers at a cursor: the start of the word being completed and the candidates.
public struct CompletionSet: Sendable, Equatable {
  /// Character offset in the line where the word being completed begins.
  public var wordStart: Int
  /// Full replacements for that word, sorted.
  public var candidates: [String]

  /// Creates a completion set.
  public init(wordStart: Int, candidates: [String]) {
    self.wordStart = wordStart
    self.candidates = candidates
  }
}

extension Session {
  /// Completion candidates for the word that ends at `cursor` in `line`: command names first, then the
  /// command's keywords and the workspace's table and column names, as fit the context.
  /// - Parameter cursor: character offset of the cursor in `line`.
  public func completions(line: String, cursor: Int) -> CompletionSet {
    Completer.complete(line: line, cursor: cursor, workspace: workspace)
  }
}

/// The pure function behind tab completion; the shell only adapts it to libedit.
enum Completer {
  static func complete(line: String, cursor: Int, workspace: Workspace) -> CompletionSet {
    let chars = Array(line.prefix(cursor))
    // Only the command after the last `;` matters.
    var commandStart = 0
    var quote: Character?
    var quoteStart = 0
    for (i, c) in chars.enumerated() {
      if let q = quote {
        if c == q { quote = nil }
      } else if c == "\"" || c == "'" || c == "`" {
        quote = c
        quoteStart = i + 1
      } else if c == ";" {
        commandStart = i + 1
      }
    }
    if quote == "\"" || quote == "'" {
      // Inside a file name's quotes: the folder's entries, for the commands that name files.
      let words = String(chars[commandStart..<max(commandStart, quoteStart - 1)]).split(whereSeparator: \.isWhitespace)
      guard let word = words.first.map({ $0.lowercased() }), let command = CommandWord(word: word),
        !PathCompletion.preferredExtensions(for: command).isEmpty
      else { return CompletionSet(wordStart: cursor, candidates: []) }
      let typed = String(chars[quoteStart..<chars.count])
      return CompletionSet(wordStart: quoteStart, candidates: PathCompletion.candidates(for: typed, command: command))
    }
    var wordStart = chars.count
    while wordStart > commandStart,
      chars[wordStart - 1].isLetter || chars[wordStart - 1].isNumber
        || chars[wordStart - 1] == "_" || chars[wordStart - 1] == "`"
    {
      wordStart -= 1
    }
    let prefix = String(chars[wordStart..<chars.count]).lowercased().replacing("`", with: "")
    let before = String(chars[commandStart..<wordStart]).split(whereSeparator: \.isWhitespace).map {
      $0.lowercased()
    }
    let pool: [String]
    if before.isEmpty {
      pool = CommandRegistry.words
    } else {
      pool = candidates(after: before, workspace: workspace)
    }
    let matches = pool.filter { $0.lowercased().replacing("`", with: "").hasPrefix(prefix) }
    var seen: Set<String> = []
    let unique = matches.filter { seen.insert($0).inserted }
    return CompletionSet(wordStart: wordStart, candidates: unique.sorted())
  }

  static func candidates(after words: [String], workspace: Workspace) -> [String] {
    let names = workspace.completionNames
    let columns = names.columns.map(quotedIfNeeded)
    let personas = workspace.personas.map { quotedIfNeeded($0.name) }
    guard let word = words.first, let command = CommandWord(word: word) else { return [] }
    let spec = command.spec
    let last = words.last ?? ""
    switch command {
    case .use, .describe: return words.count == 1 ? names.tables : []
    case .export: return words.count == 1 ? names.tables : spec.keywords
    case .help: return words.count == 1 ? CommandRegistry.words : []
    case .show, .count:
      if command == .show, last == "persona" { return personas }
      if last == "columns" || last == "by" || last.hasSuffix(",") { return columns }
      if words.count == 1 { return names.tables + names.segments + spec.keywords }
      return spec.keywords + columns + names.segments
    case .drop:
      if words.count == 1 { return spec.keywords }
      return last == "segment" ? names.segments : (last == "persona" ? personas : [])
    case .persona:
      if words.count == 1 { return ["draft"] + personas }
      if last == "for" || (last == "segment" && words.dropLast().last == "set") { return names.segments }
      if last == "set" { return ["segment"] + PersonaField.allCases.map(\.rawValue) }
      if last == "add" { return PersonaField.allCases.map(\.rawValue) }
      return words.count == 2 ? (words[1] == "draft" ? ["for"] : ["set", "add", "for"]) : []
    case .profile:
      if words.count == 1 || last == "vs" || last == "versus" { return names.segments }
      if last == "columns" || last.hasSuffix(",") { return columns }
      return spec.keywords
    case .cluster:
      if last == "scale" { return ClusterScaling.allCases.map(\.rawValue) }
      if words.count == 1 { return ["k"] }
      if last == "seed" { return [] }
      if last.hasPrefix("k=") { return ["on"] }
      if last == "on" || last.hasSuffix(",") { return columns }
      return ["seed", "scale"] + columns
    case .stats, .histogram, .top:
      if last == "in" { return names.segments }
      return spec.keywords + columns
    default:
      return spec.keywords + names.tables + columns + names.segments
    }
  }

  /// A column name as it must be typed: bare when it is an identifier, else in backticks. The same rule as
  /// the printers use, so that a completed name reads back as the name (a column named `and` too).
  static func quotedIfNeeded(_ name: String) -> String {
    Name.commandText(for: name)
  }
}
