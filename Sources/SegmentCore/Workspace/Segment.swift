import Columnar

/// A named group of rows of one table, defined by a predicate (DESIGN §4).
///
/// A segment is its definition: an engine computes its members when a query uses it (the in-memory engine
/// caches them until the table changes). A snapshot keeps the members it had when it was defined.
public struct Segment: Sendable {
  /// The segment's name.
  public var name: String
  /// The table whose rows it groups.
  public var tableName: String
  /// The predicate that defines it.
  public var predicate: Predicate
  /// The predicate as the user wrote it.
  public var definition: String
  /// For `as of snapshot`: the rows it held when it was defined, over the table as it was then.
  public var frozen: Bitmap?

  /// True for `as of snapshot`: members are frozen.
  public var isSnapshot: Bool { frozen != nil }
}

/// What a persona was written for: its segment's table and definition as they were then, with what
/// the members depend on besides the rows, so that a persona notices when its segment is redefined
/// or moves to another table (`persona NAME set segment SEG` binds it again).
public struct SegmentBinding: Sendable, Equatable {
  /// The segment's name then.
  public var segment: String
  /// The segment's table then.
  public var tableName: String
  /// The segment's definition then, as written.
  public var definition: String
  /// The segments it names, through any depth, each as `name = definition`, in the order first met.
  var usedSegments: [String]
  /// The computed columns it reads, through any depth, each as `column from COMMAND` (the command
  /// that made the column: `derive ...`, `cluster k=4 on income, age seed 42`).
  var madeColumns: [String]

  /// "cluster = 2 on customers, cluster from cluster k=4 on income, age seed 42": the definition, its
  /// table, and the commands that made the computed columns it reads.
  public var summary: String {
    ([definition + " on " + tableName] + madeColumns).joined(separator: ", ")
  }

  /// Whether `other` stands for the same rows of the same table, whatever the data: two bindings with
  /// the same definitions over the same columns have the same members over the same rows.
  func isSame(as other: SegmentBinding) -> Bool {
    tableName.lowercased() == other.tableName.lowercased() && definition == other.definition
      && usedSegments == other.usedSegments && madeColumns == other.madeColumns
  }
}
