import Columnar

/// What a command produced, as a value; renderers turn it into text, CSV, JSON or Markdown.
public enum CommandResult: Sendable, Equatable {
  /// Nothing to show (for example `use`, whose message is enough, or `quit`).
  case none
  /// A sentence such as "loaded customers: 5,000 rows, 24 columns".
  case message(String)
  /// Rows and columns.
  case table(ResultTable)
  /// Preformatted text such as help, shown as is in every format.
  case text(String)
  /// Several results in order.
  case sequence([CommandResult])
  /// A persona beside its segment's live figures (`show persona`): text in a terminal, an object in
  /// JSON, a one-page card in the HTML report.
  case personaCard(PersonaCard)
}

/// How a column of a result table lines up.
public enum Alignment: Sendable, Equatable {
  case left
  case right
}

/// A column of a result table.
public struct ResultColumn: Sendable, Equatable {
  /// The header.
  public var name: String
  /// Numbers align right, text left.
  public var alignment: Alignment
  /// True for a drawing (a histogram's bars) that CSV and JSON leave out.
  public var isDecoration: Bool

  /// Creates a result column.
  public init(_ name: String, alignment: Alignment = .left, isDecoration: Bool = false) {
    self.name = name
    self.alignment = alignment
    self.isDecoration = isDecoration
  }
}

/// A cell of a result table: a data value, or a figure already formatted for people (a share, a mean).
public enum Cell: Sendable, Equatable {
  /// A value from the data, rendered by its type.
  case value(Value)
  /// A count of rows, grouped by thousands for people ("1,234"), plain in CSV and JSON.
  case count(Int)
  /// A size in bytes: "91.2 MiB" for people, the plain number in CSV and JSON.
  case bytes(Int)
  /// A number with a fixed number of decimals, rendered the same in every format.
  case number(Double, decimals: Int)
  /// A share of a whole, rendered as a percentage with one decimal in tables, a fraction in CSV/JSON.
  case share(Double)
  /// Text shown as is.
  case text(String)
}

extension ColumnSchema {
  /// A value of this column as a result cell: a Bool in the words the column's file wrote (`yes`), the
  /// words a user reads there and types in a predicate.
  func cell(_ value: Value) -> Cell {
    .value(boolWords?.spelling(value) ?? value)
  }
}

/// A table of results: a `show`, a `describe`, a `count`...
public struct ResultTable: Sendable, Equatable {
  /// An optional line above the table.
  public var title: String?
  /// The columns.
  public var columns: [ResultColumn]
  /// The rows, each with one cell per column.
  public var rows: [[Cell]]
  /// An optional line below the table, such as "10 of 5,000 rows".
  public var footer: String?
  /// How the table reads as a chart, for renderers that draw; nil when a table is the best picture.
  public var chart: Chart?

  /// Creates a result table.
  public init(
    title: String? = nil, columns: [ResultColumn], rows: [[Cell]], footer: String? = nil, chart: Chart? = nil
  ) {
    self.title = title
    self.columns = columns
    self.rows = rows
    self.footer = footer
    self.chart = chart
  }
}

/// A command's result with the warnings it raised (warnings go to stderr).
public struct CommandOutput: Sendable, Equatable {
  /// The result.
  public var result: CommandResult
  /// Things the user should know that did not stop the command, such as a file's encoding.
  public var warnings: [String]

  /// The command's text as the journal and saved sessions keep it, when it differs from what was
  /// typed (a `connect` URL without its password).
  public var recordedText: String?

  /// Creates an output.
  public init(_ result: CommandResult, warnings: [String] = [], recordedText: String? = nil) {
    self.result = result
    self.warnings = warnings
    self.recordedText = recordedText
  }
}
