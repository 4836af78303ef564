/// The rows a query reads: a table's, or those of them where a condition is true.
public struct Relation: Sendable, Hashable {
  /// The table's name as its engine spells it.
  public var table: String
  /// The condition rows must meet; every row when nil.
  public var filter: Condition?

  /// Creates a relation.
  public init(table: String, filter: Condition? = nil) {
    self.table = table
    self.filter = filter
  }

  /// The same table narrowed further: rows where both the present filter and `condition` hold.
  public func narrowed(by condition: Condition) -> Relation {
    Relation(table: table, filter: filter.map { .and($0, condition) } ?? condition)
  }
}

/// What a query computes over its relation. Each case states the exact shape and order of the frame
/// it returns, so that every engine answers alike and presenters never re-sort.
public enum Operation: Sendable, Hashable {
  /// The number of rows: one Int column `count` with one row.
  case count
  /// Rows per combination of the key columns: the key columns (named as in the table) and an Int
  /// column `count`. Groups come largest first; equal counts in ascending order of the keys, first
  /// key first, text in byte order, false before true, nulls after every value. A list key counts a
  /// row once per item (a null list is one null item); at most one key may be a list.
  case countBy([String])
  /// The latest day among all the table's date and timestamp columns: one Date column `max` with one
  /// row, null when there is none. What *today* is when the session has not pinned it.
  case maxDate
}

/// A bound query: an operation over a relation, ready for any engine.
public struct Query: Sendable, Hashable {
  /// The rows it reads.
  public var relation: Relation
  /// What it computes.
  public var operation: Operation

  /// Creates a query.
  public init(_ operation: Operation, over relation: Relation) {
    self.relation = relation
    self.operation = operation
  }
}
