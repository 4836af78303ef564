/// A command about the session itself rather than the data (DESIGN §7). The session runs these, not
/// the workspace: they need its cells, outputs and journal.
public enum SessionCommand: Sendable, Equatable {
  /// `save "x.seg" [with output] [replace]`, `save notebook "x.md" [replace]`,
  /// `save report "x.html" [replace]`
  case save(SaveCommand)
  /// `history [N | N-M | grep TEXT]`
  case history(HistoryFilter)
  /// `run "x.seg"`: replays a script or notebook into this session.
  case run(path: String, range: SourceRange)
  /// `restore`: replays the journal an earlier shell left unsaved.
  case restore
}

/// A parsed `save`.
public struct SaveCommand: Sendable, Equatable {
  /// The file to write.
  public var path: String
  /// Where the path stands in the command.
  public var range: SourceRange
  /// What is written: a script, a Markdown notebook (`save notebook`, or a path ending in `.md`) or an
  /// HTML report (`save report`, or a path ending in `.html`).
  public var form: SaveForm
  /// True to write each cell's output under it (`with output`; notebooks always have it).
  public var withOutput: Bool
  /// True when the user allowed replacing an existing file.
  public var replace: Bool

  /// Creates a save command.
  public init(path: String, range: SourceRange, form: SaveForm, withOutput: Bool, replace: Bool) {
    self.path = path
    self.range = range
    self.form = form
    self.withOutput = withOutput
    self.replace = replace
  }
}

/// What `save` writes.
public enum SaveForm: Sendable, Equatable {
  /// A `.seg` script that replays.
  case script
  /// A Markdown notebook of commands and outputs, which also replays.
  case notebook
  /// A self-contained HTML page with charts and persona cards, to share; it does not replay.
  case report

  /// The form a file name asks for when the command names none.
  static func implied(by path: String) -> SaveForm {
    if ScriptDocument.isNotebook(path) { return .notebook }
    return HTMLReport.isReportPath(path) ? .report : .script
  }
}

/// Which cells `history` shows.
public enum HistoryFilter: Sendable, Equatable {
  /// Every cell, and the commands that failed between them.
  case all
  /// Cells numbered within the range.
  case cells(ClosedRange<Int>)
  /// Commands containing the text (case-insensitive).
  case grep(String)
}
