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
