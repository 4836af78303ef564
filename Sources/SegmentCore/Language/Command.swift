import Columnar

/// A name as the user wrote it, with where it stands, so errors about it can point at it.
public struct Name: Sendable, Equatable {
  /// The name's text (backticks removed).
  public var text: String
  /// Where the name stands in the command.
  public var range: SourceRange

  /// Creates a name.
  public init(_ text: String, at range: SourceRange) {
    self.text = text
    self.range = range
  }
}

/// One parsed command of the language (DESIGN §4).
public enum Command: Sendable, Equatable {
  /// `help [COMMAND]`
  case help(topic: Name?)
  /// `quit` or `exit`
  case quit
  /// `load "file" ...` or `load sample ...`
  case load(LoadCommand)
  /// `tables`
  case tables
  /// `use NAME`
  case use(Name)
  /// `describe [NAME]`
  case describe(Name?)
  /// `show [NAME] [columns a, b] [sort by c [desc]] [limit N]`
  case show(ShowCommand)
  /// `set SETTING VALUE`
  case set(SettingChange)
  /// `export NAME to "file.csv"`
  case export(ExportCommand)
  /// `segment NAME = P [as of snapshot]`
  case segment(SegmentDefinition)
  /// `segments`
  case segments
  /// `drop segment NAME`
  case dropSegment(Name)
  /// `count [NAME] [where P] [by c, d]`
  case count(CountCommand)
  /// `stats c, d [in SEG] [by c]`
  case stats(StatsCommand)
  /// `histogram c [in SEG] [bins N]`
  case histogram(HistogramCommand)
  /// `top N by c [in SEG] [columns a, b]`
  case top(TopCommand)
  /// `profile SEG [vs SEG] [columns a, b]`
  case profile(ProfileCommand)
  /// `compare A, B[, C]`
  case compare([Name])
  /// `rank segments by AGG(c)`
  case rank(RankCommand)
  /// `trend SEG by month|week|quarter|year of c`
  case trend(TrendCommand)
  /// `derive NAME = EXPR`
  case derive(DeriveCommand)
  /// `bucket c into E1, E2, ... [as NAME]`
  case bucket(BucketCommand)
  /// `trait NAME = AGG(EXPR) from TABLE [where P] by KEY`
  case trait(TraitCommand)
  /// `rfm recency c frequency c monetary c [as of DATE]`
  case rfm(RFMCommand)
  /// `rfm from TABLE by KEY date c amount EXPR ...`: group an order log, then score it
  case rfmFrom(RFMFromCommand)
  /// `group TABLE by KEY into NEW with NAME = AGG(EXPR), ... [where P] [replace]`
  case group(GroupCommand)
  /// `cluster k=N on a, b [seed S]` or `cluster k=A..B on a, b [seed S]`
  case cluster(ClusterCommand)
  /// `persona ... end`, `persona draft for SEG`, `personas`, `show persona`, `drop persona`, `export personas`
  case persona(PersonaCommand)
  /// `save`, `history`, `run "x.seg"`, `restore`: run by the session, not the workspace
  case session(SessionCommand)
  /// `explain [TOPIC]`: a short lesson on a topic of the field, or the list of topics
  case explain(topic: Name?)
  /// `lesson [N | stop | next | check "FILE"]`: guided lessons, run by the session
  case lesson(LessonCommand)
  /// `sql SEGMENT` or `sql COMMAND`: the SQL it stands for, instead of its result
  case sql(SQLRequest)
  /// `connect "URL" as NAME`
  case connect(ConnectCommand)
  /// `disconnect NAME`
  case disconnect(Name)
  /// `copy NAME to CONNECTION [as TABLE] [replace]`
  case copy(CopyCommand)
  /// `create table NAME on CONNECTION from "PATH" [replace]`.
  case create(CreateTableCommand)

  /// True for commands about the session itself, which are never journaled or saved (DESIGN §7).
  public var isAboutSession: Bool {
    switch self {
    case .help, .quit, .session, .explain, .lesson: return true
    default: return false
    }
  }
}

/// Where `load` takes its rows from.
public enum LoadSource: Sendable, Equatable {
  /// A CSV or TSV file, or an Excel workbook.
  case file(path: String, range: SourceRange)
  /// The built-in synthetic data set.
  case sample(kind: SampleKind, rows: Int, seed: UInt64)
  /// A table on a connection (`pg.customers`), copied into memory.
  case table(Name)
}

/// The built-in sample tables.
public enum SampleKind: String, Sendable, Equatable, CaseIterable {
  case customers
  case orders
}

/// A parsed `load` command.
public struct LoadCommand: Sendable, Equatable {
  /// Where the rows come from.
  public var source: LoadSource
  /// The table name given with `as`, if any.
  public var alias: Name?
  /// Reader options given in the command (`delimiter`, `header`, `encoding`, `skip bad rows`, `sheet`,
  /// `distinct`).
  public var options: LoadFlags

  /// Creates a load command.
  public init(source: LoadSource, alias: Name? = nil, options: LoadFlags = LoadFlags()) {
    self.source = source
    self.alias = alias
    self.options = options
  }
}

/// Reader options a `load` command may state; anything left nil is detected from the file.
public struct LoadFlags: Sendable, Equatable {
  /// The field delimiter, when stated (`delimiter ";"`); a space stands for `delimiter whitespace`,
  /// runs of spaces.
  public var delimiter: UInt8?
  /// Whether the first line is a header, when stated (`header on|off`).
  public var header: Bool?
  /// True for `encoding latin1` (Windows-1252).
  public var latin1 = false
  /// True for `skip bad rows`.
  public var skipBadRows = false
  /// The worksheet of a workbook to read (`sheet "Name"`); nil reads the first.
  public var sheet: SheetName?
  /// True for `distinct`: rows that repeat an earlier row exactly are dropped.
  public var distinct = false

  /// Creates flags that leave everything to detection.
  public init() {}
}

/// A sheet named in `load "book.xlsx" sheet "Name"`, with where the name stands in the command.
public struct SheetName: Sendable, Equatable {
  /// The name as written.
  public var name: String
  /// The quoted name's place, for errors about it.
  public var range: SourceRange

  /// Creates a sheet name.
  public init(_ name: String, at range: SourceRange) {
    self.name = name
    self.range = range
  }
}

/// Rows a command works on: a table or segment by name (the current table when nil), narrowed by `where`.
public struct RowSource: Sendable, Equatable {
  /// A table or segment name.
  public var name: Name?
  /// An extra condition.
  public var filter: Predicate?

  /// Creates a row source.
  public init(name: Name? = nil, filter: Predicate? = nil) {
    self.name = name
    self.filter = filter
  }
}

/// A parsed `segment NAME = P`.
public struct SegmentDefinition: Sendable, Equatable {
  /// The new segment's name.
  public var name: Name
  /// Its predicate.
  public var predicate: Predicate
  /// The predicate as written.
  public var definition: String
  /// True for `as of snapshot`.
  public var snapshot: Bool
}

/// A parsed `count`.
public struct CountCommand: Sendable, Equatable {
  /// The rows to count.
  public var source: RowSource
  /// Columns to group by.
  public var groups: [Name]
}

/// A parsed `stats`.
public struct StatsCommand: Sendable, Equatable {
  /// The numeric columns.
  public var columns: [Name]
  /// The rows.
  public var source: RowSource
  /// A column to group by.
  public var group: Name?
}

/// A parsed `histogram`.
public struct HistogramCommand: Sendable, Equatable {
  /// The column.
  public var column: Name
  /// The rows.
  public var source: RowSource
  /// The number of bins for numbers and dates; the default when nil.
  public var bins: Int?
}

/// A parsed `top N by c`.
public struct TopCommand: Sendable, Equatable {
  /// How many rows.
  public var count: Int
  /// The column to rank by, highest first.
  public var column: Name
  /// The rows.
  public var source: RowSource
  /// The columns to show; all when nil.
  public var columns: [Name]?
}

/// A sort key of `show ... sort by`.
public struct SortKey: Sendable, Equatable {
  /// The column to sort on.
  public var column: Name
  /// True for `desc`.
  public var descending: Bool
}

/// A parsed `show` command.
public struct ShowCommand: Sendable, Equatable {
  /// The rows to show.
  public var source: RowSource
  /// The columns to show; all when nil.
  public var columns: [Name]?
  /// The sort keys, in order of priority.
  public var sort: [SortKey]
  /// At most this many rows; the renderer's default when nil.
  public var limit: Int?

  /// Creates a show command.
  public init(
    source: RowSource = RowSource(), columns: [Name]? = nil, sort: [SortKey] = [], limit: Int? = nil
  ) {
    self.source = source
    self.columns = columns
    self.sort = sort
    self.limit = limit
  }
}

/// A parsed `set` command.
public enum SettingChange: Sendable, Equatable {
  case format(OutputFormat)
  case today(Int32?)
  case timer(Bool)
  case explain(Bool)
  case safe(Bool)
}

/// A parsed `export` command.
public struct ExportCommand: Sendable, Equatable {
  /// The table or segment to export.
  public var source: Name
  /// The file to write.
  public var path: String
  /// True when the user allowed replacing an existing file.
  public var replace: Bool
}

/// How results are written out.
public enum OutputFormat: String, Sendable, Equatable, CaseIterable {
  case table
  case csv
  case json
  case markdown
}

/// What `sql` shows the SQL of.
public indirect enum SQLRequest: Sendable, Equatable {
  /// A segment: the rows it stands for.
  case segment(Name)
  /// A command: every statement it runs.
  case command(Command)
}

/// A parsed `connect "URL" as NAME`.
public struct ConnectCommand: Sendable, Equatable {
  /// The URL as written (it may hold a password, which is never recorded).
  public var url: String
  /// Where the URL stands.
  public var urlRange: SourceRange
  /// The connection's name.
  public var name: Name

  /// Creates a connect command.
  public init(url: String, urlRange: SourceRange, name: Name) {
    self.url = url
    self.urlRange = urlRange
    self.name = name
  }
}

/// A parsed `copy NAME to CONNECTION [as TABLE] [replace]`.
public struct CopyCommand: Sendable, Equatable {
  /// The table or segment in memory whose rows are written.
  public var source: Name
  /// The connection written to.
  public var connection: Name
  /// The new table's name; the source's when nil.
  public var table: Name?
  /// True when an existing table of that name may be replaced.
  public var replace: Bool

  /// Creates a copy command.
  public init(source: Name, connection: Name, table: Name? = nil, replace: Bool = false) {
    self.source = source
    self.connection = connection
    self.table = table
    self.replace = replace
  }
}

/// A parsed `create table NAME on CONNECTION from "PATH" [replace]`.
public struct CreateTableCommand: Sendable, Equatable {
  /// The new table's name on the server.
  public var table: Name
  /// The connection whose engine reads the file.
  public var connection: Name
  /// The file, as the server sees it (a path or a URI of shared storage).
  public var path: String
  /// Where the path was written, for errors about it.
  public var pathRange: SourceRange
  /// True when an existing table of that name may be replaced.
  public var replace: Bool

  /// Creates a create-table command.
  public init(table: Name, connection: Name, path: String, pathRange: SourceRange, replace: Bool = false) {
    self.table = table
    self.connection = connection
    self.path = path
    self.pathRange = pathRange
    self.replace = replace
  }
}
