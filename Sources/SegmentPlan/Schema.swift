import Columnar

/// A column's name and type, as an engine reports it; no data.
public struct ColumnSchema: Sendable, Equatable, Hashable {
  /// The column's name as the engine spells it.
  public var name: String
  /// The column's logical type.
  public var type: ColumnType
  /// For a Bool column, the words its values are shown in when they are not `true`/`false` (`yes`/`no`):
  /// the loader's record of its file, or the comment seg wrote beside a column it copied to a server.
  public var boolWords: BoolWords?

  /// Creates a column schema.
  public init(name: String, type: ColumnType, boolWords: BoolWords? = nil) {
    self.name = name
    self.type = type
    self.boolWords = type == .bool ? boolWords : nil
  }
}

/// A table's name and columns, as an engine reports it: what commands bind against.
public struct TableSchema: Sendable, Equatable {
  /// The table's name.
  public var name: String
  /// The columns, in order; names are unique ignoring case.
  public var columns: [ColumnSchema]

  /// Creates a table schema.
  public init(name: String, columns: [ColumnSchema]) {
    self.name = name
    self.columns = columns
  }

  /// The column called `name`: an exact match first, then one that matches ignoring case (as `Table`).
  public func column(named name: String) -> ColumnSchema? {
    columns.first(named: name, by: \.name)
  }

  /// The position of the column called `name`, matched as `column(named:)` matches.
  public func columnIndex(named name: String) -> Int? {
    columns.firstIndex(named: name, by: \.name)
  }

  /// The column names closest to a misspelt `name`, best first, for did-you-mean.
  public func suggestions(for name: String) -> [String] {
    Suggestions.closest(to: name, among: columns.map(\.name))
  }
}

/// The schemas of the tables a session can query, whatever engine holds them: the one place names are
/// looked up, so every engine gives the same did-you-mean.
public struct Catalog: Sendable {
  /// The tables, in the order they were added.
  public var tables: [TableSchema]

  /// Creates a catalog.
  public init(tables: [TableSchema] = []) {
    self.tables = tables
  }

  /// The table called `name`: an exact match first, then one that matches ignoring case.
  public func table(named name: String) -> TableSchema? {
    tables.first(named: name, by: \.name)
  }

  /// The table names closest to a misspelt `name`, best first.
  public func suggestions(for name: String) -> [String] {
    Suggestions.closest(to: name, among: tables.map(\.name))
  }
}
