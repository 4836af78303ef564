import Columnar

/// A command that parsed but could not run, with where it went wrong and what would be right.
public struct EvalError: Error, Sendable, Equatable {
  /// What went wrong.
  public enum Kind: Sendable, Equatable {
    case noTable
    case unknownTable(String)
    case unknownColumn(String, table: String)
    case duplicateColumn(String)
    case load(LoadError)
    case write(path: String, reason: String)
    case fileExists(String)
    case interrupted
    case unknownHelpTopic(String)
    case unknownName(String, table: String)
    case unknownSegment(String)
    case unknownTableOrSegment(String)
    case segmentOnOtherTable(String, table: String, current: String)
    case segmentInUse(String, usedBy: String)
    case notACondition(String, type: String)
    case typeMismatch(column: String, columnType: String, literal: String, literalType: String)
    case unsupported(String)
    case noToday
    case brokenSegment(String, reason: String)
    /// `derive`, `bucket` or `trait` would overwrite a column that was loaded, not computed.
    case loadedColumn(String, table: String)
    /// An expression calls a function `derive` does not know.
    case unknownFunction(String)
    /// A trait's key repeats in the current table (an example key given).
    case duplicateKey(String, table: String, example: String)
    /// No persona of that name.
    case unknownPersona(String)
    /// `explain` with a topic it does not know.
    case unknownExplainTopic(String)
    /// `drop segment` on a segment a persona stands for.
    case segmentHasPersona(String, persona: String)
  }

  /// What went wrong.
  public var kind: Kind
  /// Where in the command the problem stands, when it is a part of the command.
  public var range: SourceRange?
  /// Names the user may have meant, best first.
  public var suggestions: [String]

  /// Creates an evaluation error.
  public init(_ kind: Kind, at range: SourceRange? = nil, suggestions: [String] = []) {
    self.kind = kind
    self.range = range
    self.suggestions = suggestions
  }

  /// The one-line description: lowercase, no final period.
  public var message: String {
    switch kind {
    case .noTable: return "no table is loaded"
    case .unknownTable(let name): return "no table named '\(name)'"
    case .unknownColumn(let name, let table): return "no column '\(name)' in table \(table)"
    case .duplicateColumn(let name): return "column '\(name)' is named twice"
    case .load(let error): return error.message
    case .write(let path, let reason): return "cannot write \(path): \(reason)"
    case .fileExists(let path): return "\(path) already exists"
    case .interrupted: return "interrupted; nothing was changed"
    case .unknownHelpTopic(let word): return "no command named '\(word)'"
    case .unknownName(let name, let table): return "no column or segment '\(name)' in table \(table)"
    case .unknownSegment(let name): return "no segment named '\(name)'"
    case .unknownTableOrSegment(let name): return "no table or segment named '\(name)'"
    case .segmentOnOtherTable(let name, let table, let current):
      return "segment \(name) is on table \(table), not \(current)"
    case .segmentInUse(let name, let user): return "segment \(name) is used by segment \(user)"
    case .notACondition(let name, let type):
      return "\(name) is \(type), not a condition: compare it, e.g. \(name) > 0"
    case .typeMismatch(let column, let columnType, let literal, let literalType):
      return "\(column) is \(columnType), \(literal) is \(literalType)"
    case .unsupported(let what): return what
    case .noToday: return "no date to count from: the table has no dates"
    case .brokenSegment(let name, let reason): return "this would break segment \(name): \(reason)"
    case .loadedColumn(let name, let table): return "\(name) is a column loaded into \(table)"
    case .unknownFunction(let name): return "no function named '\(name)'"
    case .duplicateKey(let key, let table, let example):
      return "\(key) is not unique in \(table): \(example) is on more than one row"
    case .unknownPersona(let name): return "no persona named '\(name)'"
    case .unknownExplainTopic(let word): return "no explain topic named '\(word)'"
    case .segmentHasPersona(let name, let persona): return "segment \(name) has persona \(persona)"
    }
  }

  /// A sentence on what to do next, when there is one.
  public var hint: String? {
    switch kind {
    case .noTable: return "load a file with 'load \"customers.csv\"', or try 'load sample'"
    case .fileExists: return "add 'replace' at the end to overwrite it"
    case .unknownHelpTopic: return "type 'help' to list the commands"
    case .noToday: return "set the date with 'set today 2026-11-01'"
    case .segmentInUse(_, let user): return "drop segment \(user) first, or redefine it without this one"
    case .typeMismatch(_, let columnType, let literal, _) where columnType == "String":
      return "put text in quotes: \"\(literal)\""
    case .brokenSegment: return "drop or redefine that segment first"
    case .loadedColumn(let name, _):
      return "computed columns never overwrite loaded data: pick another name, such as \(name)_2"
    case .unknownFunction:
      return "functions: " + ExpressionEvaluator.functionNames.joined(separator: ", ")
    case .duplicateKey:
      return "a trait gives each row of the current table its own key's value: join on a unique column"
    case .unknownPersona: return "type 'personas' to list them"
    case .unknownExplainTopic: return "type 'explain' to list the topics"
    case .segmentHasPersona(_, let persona):
      return "drop persona \(personaNameForCommand(persona)) first, or keep the segment"
    default: return nil
    }
  }
}

extension EvalError {
  /// An engine's error as the evaluator reports it.
  init(engine error: EngineError) {
    switch error.kind {
    case .interrupted: self.init(.interrupted)
    case .unknownTable(let name): self.init(.unknownTable(name))
    case .unsupported(let what), .connection(let what), .server(let what): self.init(.unsupported(what))
    }
  }
}

extension EvalError {
  /// A command that reads a table in memory was given a table on a connection.
  static func needsMemory(_ table: String, at range: SourceRange? = nil) -> EvalError {
    let local = table.split(separator: ".").last.map(String.init) ?? table
    return EvalError(
      .unsupported(
        "this command needs the table in memory; \(table) is on a connection: load \(table) as \(local) first"
      ),
      at: range)
  }
}
