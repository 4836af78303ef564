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
    /// Refused by safe mode (`SafeMode`).
    case safeMode(SafeModeRefusal)
    case interrupted
    case unknownHelpTopic(String)
    case unknownName(String, table: String)
    case unknownSegment(String)
    case unknownTableOrSegment(String)
    case segmentOnOtherTable(String, table: String, current: String)
    case segmentInUse(String, usedBy: String)
    case notACondition(String, type: String)
    case typeMismatch(column: String, columnType: String, literal: String, literalType: String)
    /// Free text for what has no case of its own yet: an engine's `unsupported` error, and the sites in
    /// files this change could not touch (`Binder`, `Workspace+Segments`, `Evaluator`).
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
    /// A command, operator or function got a value of the wrong type: `value` (a column's name or an
    /// expression's text) is `type`.
    case wrongType(command: String, wants: Wanted, value: String, type: String)
    /// A list column where a command or expression takes single values.
    case listNotAllowed(column: String, in: ListUse)
    /// `compare` names one segment twice.
    case segmentNamedTwice(String)
    /// A Bool column compared with an order (`<`, `>`...).
    case boolNeedsEquality(column: String)
    /// `contains`, `starts with` or `ends with` on a column that is not text.
    case textTestNeedsText(test: String, column: String, type: String)
    /// A segment would take the name of a column of its table.
    case segmentNameIsColumn(String, table: String)
    /// A segment's definition uses the segment itself, directly or through others.
    case segmentUsesItself(String)
    /// A persona would take the name of another (as that one spells it).
    case duplicatePersona(String)
    /// A command that takes segments was given a table's name.
    case tableNotSegment(String, command: String)
    /// `derive`, `bucket` or `trait` would name a column like a segment of the table.
    case columnIsSegmentName(String, table: String)
    /// A segment `rfm` or `cluster` defines would take the name of a column of the table.
    case predefinedSegmentIsColumn(String, table: String)
    /// A function was called with the wrong number of arguments.
    case wrongArgumentCount(function: String, takes: Arity)
    /// `round`'s second argument is not a whole number from -15 to 15.
    case roundDigits
    /// Whole-number arithmetic went past `Int64`.
    case integerOverflow(Overflow)
    /// `trait sum` went past `Int64` at a row (0-based) of the current table.
    case sumOverflow(row: Int)
    /// An expression mixes values of two types where it needs one (`coalesce`, `if`, ...).
    case mixedTypes(command: String, first: String, firstType: String, second: String, secondType: String)
    /// `trait`'s join keys are not both Int or both String.
    case keyTypeMismatch(
      table: String, key: String, keyType: String, source: String, sourceKey: String, sourceKeyType: String)
    /// `trait` on `table` reads `source`, which another engine holds (`where` says which of the two is
    /// where: "in memory", "on pg").
    case traitAcrossEngines(table: String, tableWhere: String, source: String, sourceWhere: String)
    /// `bucket`'s edges do not ascend: `edge` comes after `previous`.
    case bucketEdgesDescend(Double, after: Double)
    /// `rfm` was given one of the columns it writes as an input.
    case rfmReadsOwnOutput(String)
    /// An `rfm` input ("recency", "frequency" or "monetary") has a type that role cannot score.
    case rfmInput(role: String, column: String, type: String)
    /// An `rfm` recency column of numbers that read as dates written yyyymmdd (19970101), which would
    /// be taken as days since and rank the oldest buyers best; with its smallest and largest value.
    case recencyLooksLikeDates(String, min: Double, max: Double)
    /// `rfm ... as of DATE` with a recency column that counts days rather than holding dates.
    case asOfNeedsDate(recency: String)
    /// A computed column could not be added to its table.
    case table(TableError)
    /// `cluster` was given a column that is not a number.
    case clusterNeedsNumbers(column: String, type: String)
    /// `cluster k=...` asks for more clusters than `table` has complete rows.
    case tooFewRows(k: Int, table: String, rows: Int)
    /// `derive` of an expression that is null everywhere, so its column would have no type.
    case nullEverywhere(expression: String)
    /// `group ... into NEW` (or `rfm from ... into NEW`) where a table NEW exists, without `replace`.
    case tableExists(String)
    /// `group TABLE ... into TABLE`.
    case newTableIsSource(String)
    /// `group` of a table into a table of another engine: a grouped table is written where its source
    /// is (`connection` nil for memory), as `suggested`.
    case groupElsewhere(source: String, connection: String?, suggested: String)
    /// `group` of a server's table by a key of a type a server groups unlike memory (Double, Timestamp).
    case groupKeyOnServer(key: String, type: String, table: String)
    /// A command names a connection no `connect` opened.
    case unknownConnection(String)
    /// `connect ... as NAME` while a connection of that name is open.
    case connectionNameTaken(String)
    /// `connect` of a text that is no URL (no `scheme://`).
    case notAURL
    /// `connect` of a URL whose scheme no engine this seg was built with opens (`known`, as `sc://`).
    case unknownScheme(String, known: [String])
    /// `load NAME.table` of a table already in memory.
    case alreadyInMemory(String)
    /// Commands only a session runs (it keeps cells, outputs and a journal), given to a bare workspace.
    case needsSession(String)
    /// `sql` before a command that runs no query: one about connections, or about the session.
    case noSQL(aboutSession: Bool)
    /// A load option of one file format given for a file of the other: the option, the file, and
    /// whether the file is an Excel workbook.
    case optionOfOtherFormat(String, path: String, workbook: Bool)
    /// `cluster` or `rfm` would make segments whose names, plain and prefixed with the table's, are
    /// taken by segments of other tables.
    case modelSegmentsTaken(String, String, table: String, making: String)
    /// A command that still reads rows in memory was given a connection's table.
    case needsMemory(String)
    /// `disconnect` of a connection one of whose tables a segment stands on.
    case connectionInUse(String, segment: String, table: String)
    /// `export personas` to a file that is neither Markdown nor JSON.
    case personaExportFormat(path: String)
    /// `export` to a file whose extension names a format seg does not write (`.xlsx`).
    case exportFormat(path: String, format: String)
    /// `export personas` with no personas.
    case noPersonas
    /// `rank` on a table with no segments.
    case noSegmentsToRank(table: String)
    /// `lesson N` past the last lesson (`count` lessons exist).
    case noLessonNumbered(Int, count: Int)
    /// `lesson NAME` with no lesson of that name.
    case unknownLesson(String)
    /// A lesson file that does not parse, with its first mistake.
    case invalidLesson(path: String, first: LessonFileError?)
    /// `lesson next` (`skipping`) or `lesson stop` with no lesson under way.
    case noLessonUnderWay(skipping: Bool)
  }

  /// What a command or function needs of a value.
  public enum Wanted: Sendable, Equatable {
    case numbers, number, date, text, numberColumn, dateColumn, numbersDatesOrText, yyyymmdd

    var phrase: String {
      switch self {
      case .numbers: "numbers"
      case .number: "a number"
      case .date: "a date"
      case .text: "text"
      case .numberColumn: "a number column"
      case .dateColumn: "a date column"
      case .numbersDatesOrText: "numbers, dates or text"
      case .yyyymmdd: "a whole number written yyyymmdd, such as 19970101, or a date"
      }
    }
  }

  /// Where a list column is not allowed.
  public enum ListUse: Sendable, Equatable {
    /// In an expression (`derive`, `bucket`, ...).
    case expression
    /// Under an aggregate other than count (`trait sum(tags)`).
    case aggregate(String)
    /// `stats ... by LIST`.
    case statsGroup
    /// `group TABLE by LIST`.
    case groupKey
    /// `top N by LIST`.
    case topRank
    /// `count by` a second list column.
    case secondGroup
    /// A comparison (`=`, `<`...) of a whole list.
    case comparison
  }

  /// What a function takes, for a call with the wrong number of arguments.
  public enum Arity: Sendable, Equatable {
    case one, oneOrMore, numberAndDigits

    var phrase: String {
      switch self {
      case .one: "one value"
      case .oneOrMore: "one or more values"
      case .numberAndDigits: "a number and optionally a number of digits"
      }
    }
  }

  /// The whole-number operation that overflowed, with its operands' text.
  public enum Overflow: Sendable, Equatable {
    /// `abs(x)`.
    case abs(String)
    /// `-x`.
    case negation(String)
    /// `x + y`, `x - y` or `x * y`, at a row (0-based).
    case arithmetic(String, op: String, String, row: Int)
    /// `date + days` or `date - days` past the dates a day number holds, at a row (0-based).
    case date(String, op: String, String, row: Int)
    /// Somewhere in an expression computed by a server, which said what (it names no row).
    case onServer(String, said: String)
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
    case .safeMode(let refusal): return refusal.message
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
    case .unknownConnection(let name): return "no connection named '\(name)'"
    case .connectionNameTaken(let name):
      return "a connection named \(name) is open: disconnect \(name) first, or pick another name"
    case .notAURL:
      return "a URL starts with its scheme, such as postgresql://user@localhost:5432/db"
        + " or sc://localhost:15002"
    case .unknownScheme(let scheme, let known):
      return known.isEmpty
        ? "this seg was built without database clients"
        : "no engine for \(scheme):// URLs; seg connects to \(known.joined(separator: ", "))"
    case .alreadyInMemory(let name): return "\(name) is already in memory"
    case .needsSession(let commands): return "\(commands) need a session"
    case .optionOfOtherFormat(let option, let path, let workbook):
      return workbook
        ? "\(option) is for CSV files; \(path) is an Excel workbook, whose cells need neither"
        : "\(option) is for Excel workbooks (.xlsx, .xlsm); \(path) is read as CSV text"
    case .modelSegmentsTaken(let taken, let clash, let table, let making):
      return "segments \(taken) and \(clash) already group rows of \(table); drop or rename them before"
        + " making these segments on \(making)"
    case .needsMemory(let table):
      let local = table.split(separator: ".").last.map(String.init) ?? table
      return
        "this command needs the table in memory; \(table) is on a connection: load \(table) as \(local) first"
    case .noSQL(let aboutSession):
      return aboutSession
        ? "sql shows the queries a command runs; this command is about the session"
        : "sql shows the SQL of a query command: count, show, stats, segment..."
    case .connectionInUse(_, let segment, let table):
      return "segment \(segment) is on \(table): drop it first, or load the table into memory"
    case .unknownExplainTopic(let word): return "no explain topic named '\(word)'"
    case .segmentHasPersona(let name, let persona): return "segment \(name) has persona \(persona)"
    case .wrongType(let command, let wants, let value, let type):
      return "\(command) needs \(wants.phrase); \(value) is \(type)"
    case .listNotAllowed(let column, .expression):
      return "\(column) is a list; expressions work on single values per row"
    case .listNotAllowed(let column, .aggregate(let aggregate)):
      return "\(aggregate) cannot aggregate a list; \(column) is a List (count(\(column)) can)"
    case .listNotAllowed(let column, .statsGroup):
      return "stats cannot group by a list column; use count by \(column)"
    case .listNotAllowed(_, .topRank): return "top cannot rank by a list column"
    case .listNotAllowed(let column, .groupKey):
      return "group cannot make one row per list; \(column) holds several values per row"
    case .listNotAllowed(_, .secondGroup): return "group by one list column at a time"
    case .listNotAllowed(let column, .comparison):
      return "\(column) is a list: test its items with contains, starts with, ends with or in"
    case .boolNeedsEquality(let column): return "\(column) is a Bool: compare it with = or !="
    case .textTestNeedsText(let test, let column, let type):
      return "\(test) works on text; \(column) is \(type)"
    case .segmentNameIsColumn(let name, let table):
      return "\(name) is a column of \(table): pick another segment name"
    case .segmentUsesItself(let name): return "segment \(name) cannot be defined in terms of itself"
    case .segmentNamedTwice(let name): return "segment \(name) is named twice"
    case .duplicatePersona(let name): return "there is already a persona named \(name)"
    case .tableNotSegment(let name, let command): return "\(command) takes segments; \(name) is a table"
    case .columnIsSegmentName(let name, let table):
      return "\(name) is a segment of \(table): pick another column name"
    case .predefinedSegmentIsColumn(let name, let table):
      return "segment \(name) cannot be defined: \(name) is a column of \(table)"
    case .wrongArgumentCount(let function, let takes): return "\(function) takes \(takes.phrase)"
    case .roundDigits: return "round's digits must be a whole number from -15 to 15, such as round(x, 2)"
    case .integerOverflow(.abs(let argument)): return "integer overflow in abs(\(argument))"
    case .integerOverflow(.negation(let operand)): return "integer overflow in -\(operand)"
    case .integerOverflow(.arithmetic(let left, let op, let right, let row)):
      return
        "integer overflow in \(left) \(op) \(right) at row \(row + 1): multiply by 1.0 to compute in decimals"
    case .integerOverflow(.onServer(let expression, let said)):
      return "a number or a date is out of range in \(expression) (\(said))"
    case .integerOverflow(.date(let left, let op, let right, let row)):
      return "the date is out of range in \(left) \(op) \(right) at row \(row + 1)"
    case .sumOverflow(let row):
      return "the sum overflows for row \(row + 1): use mean, or sum a Double column"
    case .mixedTypes(let command, let first, let firstType, let second, let secondType):
      return "\(command) needs values of one type; \(first) is \(firstType), \(second) is \(secondType)"
    case .keyTypeMismatch(let table, let key, let keyType, let source, let sourceKey, let sourceKeyType):
      return "keys must both be Int or both String; \(table).\(key) is \(keyType), "
        + "\(source).\(sourceKey) is \(sourceKeyType)"
    case .traitAcrossEngines(let table, let tableWhere, let source, let sourceWhere):
      return "a trait joins two tables of one engine: \(table) is \(tableWhere), \(source) \(sourceWhere)"
    case .bucketEdgesDescend(let edge, let previous):
      return "bucket edges must ascend: \(Figures.shortest(edge)) comes after \(Figures.shortest(previous))"
    case .rfmReadsOwnOutput(let column):
      return "rfm writes its scores to columns r, f, m, fm and rfm, so it cannot read \(column)"
    case .rfmInput(let role, let column, let type):
      let wanted =
        role == "frequency" || role == "monetary"
        ? "a number column" : "a date, or a number of days since the last purchase"
      return "\(role) needs \(wanted): \(column) is \(type)"
    case .recencyLooksLikeDates(let recency, let low, let high):
      let date = Name.commandText(for: recency + "_date")
      return "recency \(recency) holds numbers from \(Figures.shortest(low)) to \(Figures.shortest(high)),"
        + " dates written yyyymmdd rather than days since the last purchase, which would score the oldest"
        + " buyers best: make it a date first, e.g. derive \(date) = date(\(Name.commandText(for: recency))),"
        + " then rfm recency \(date) ..."
    case .asOfNeedsDate(let recency):
      return "'as of' needs a date recency column: \(recency) already counts days, "
        + "so its smallest value is the most recent"
    case .table(let error): return error.message
    case .clusterNeedsNumbers(let column, let type):
      return "cluster needs number columns: \(column) is \(type)"
    case .tooFewRows(let k, let table, let rows):
      return "k=\(k) needs at least \(k) rows with a value in every column; \(table) has \(rows)"
    case .tableExists(let name): return "table \(name) already exists"
    case .groupElsewhere(let source, let connection?, let suggested):
      return "\(source) is on \(connection), and a table grouped from it is written there: into \(suggested)"
    case .groupElsewhere(let source, nil, let suggested):
      return "\(source) is in memory, and a table grouped from it stays there: into \(suggested)"
    case .groupKeyOnServer(let key, let type, let table):
      return "a server's table is grouped by an Int, String, Date or Bool key; \(key) of \(table) is \(type)"
    case .newTableIsSource(let name):
      return "the new table cannot replace \(name), the table it is made from"
    case .nullEverywhere(let expression): return "\(expression) is null on every row and has no type"
    case .personaExportFormat(let path):
      return "export personas writes a .md, .json or .html file, not \(path)"
    case .exportFormat(let path, let format):
      return
        "export writes CSV (.csv, .tsv or .txt) or Excel (.xlsx); seg cannot write \(format) files, so \(path) was not written"
    case .noPersonas: return "there are no personas to export: try 'persona draft for SEGMENT'"
    case .noSegmentsToRank(let table):
      return "table \(table) has no segments to rank: define one with segment NAME = CONDITION"
    case .noLessonNumbered(let n, let count):
      let there = count == 0 ? "there are none" : "they are numbered 1 to \(count)"
      return "no lesson \(n): \(there) (type 'lesson' to list them)"
    case .unknownLesson(let name): return "no lesson named '\(name)' (type 'lesson' to list them)"
    case .invalidLesson(let path, let first):
      let detail = first.map { ": " + $0.described } ?? ""
      return "\(path) is not a valid lesson\(detail) (lesson check \"\(path)\" lists every mistake)"
    case .noLessonUnderWay(let skipping):
      return "no lesson is under way: type 'lesson' to list them" + (skipping ? ", 'lesson 1' to start" : "")
    }
  }

  /// A sentence on what to do next, when there is one.
  public var hint: String? {
    switch kind {
    case .noTable: return "load a file with 'load \"customers.csv\"', or try 'load sample'"
    case .fileExists: return "add 'replace' at the end to overwrite it"
    case .tableExists:
      return "add 'replace' at the end to rebuild it, or name another table after 'into'"
    case .newTableIsSource: return "name another table after 'into'"
    case .groupElsewhere(let source, let connection?, _):
      let local = source.split(separator: ".").last.map(String.init) ?? source
      return "or load \(source) as \(local) first, to group it in memory"
    case .groupElsewhere(let source, nil, _):
      return "copy \(source) to the connection first to group it there, or copy the grouped table after"
    case .groupKeyOnServer(_, _, let table):
      let local = table.split(separator: ".").last.map(String.init) ?? table
      return "load \(table) as \(local) first, to group it in memory"
    case .safeMode(let refusal): return refusal.hint
    case .exportFormat: return "export to .xlsx for Excel, or to .csv, which every spreadsheet opens"
    case .unknownHelpTopic: return "type 'help' to list the commands"
    case .noToday: return "set the date with 'set today 2026-11-01'"
    case .segmentInUse(_, let user): return "drop segment \(user) first, or redefine it without this one"
    case .typeMismatch(_, let columnType, let literal, _) where columnType == "String":
      return "put text in quotes: \"\(literal)\""
    case .typeMismatch(let column, let columnType, _, _) where columnType == "Bool":
      return "a Bool matches true or false (also \"yes\" or \"no\", as files spell them): \(column) = true"
    case .brokenSegment: return "drop or redefine that segment first"
    case .loadedColumn(let name, _):
      return "computed columns never overwrite loaded data: pick another name, such as \(name)_2"
    case .unknownFunction:
      return "functions: " + ExpressionBinder.functionNames.joined(separator: ", ")
    case .traitAcrossEngines:
      return "copy the source table to the same engine first (copy orders to pg as orders, then from "
        + "pg.orders), or load both into memory"
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
    case .unsupported(let what), .connection(let what), .server(let what), .outOfRange(let what):
      self.init(.unsupported(what))
    case .tableExists: self.init(.unsupported(error.message))
    }
  }
}

extension EvalError {
  /// A command that reads a table in memory was given a table on a connection.
  static func needsMemory(_ table: String, at range: SourceRange? = nil) -> EvalError {
    EvalError(.needsMemory(table), at: range)
  }
}
