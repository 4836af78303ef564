import Columnar

/// A named group of rows of one table, defined by a predicate (DESIGN §4).
///
/// A dynamic segment is recomputed whenever its table changes; a snapshot keeps the members it had
/// when it was defined.
public struct Segment: Sendable {
  /// The segment's name.
  public var name: String
  /// The table whose rows it groups.
  public var tableName: String
  /// The predicate that defines it.
  public var predicate: Predicate
  /// The predicate as the user wrote it.
  public var definition: String
  /// True for `as of snapshot`: members are frozen.
  public var isSnapshot: Bool
  /// The member rows.
  public var members: Bitmap

  /// The number of members.
  public var size: Int { members.popcount() }
}

/// A predicate's three-valued outcome per row (SQL semantics): true, false, or unknown (a null took part).
struct Truth {
  /// Rows where the predicate is true.
  var isTrue: Bitmap
  /// Rows where it is true or false; the others are unknown.
  var isKnown: Bitmap

  /// Rows where it is false.
  var isFalse: Bitmap { isKnown & ~isTrue }

  /// A truth with no unknowns.
  static func certain(_ mask: Bitmap) -> Truth {
    Truth(isTrue: mask, isKnown: Bitmap(count: mask.count, allSet: true))
  }

  static func && (a: Truth, b: Truth) -> Truth {
    let isTrue = a.isTrue & b.isTrue
    return Truth(isTrue: isTrue, isKnown: isTrue | a.isFalse | b.isFalse)
  }

  static func || (a: Truth, b: Truth) -> Truth {
    let isTrue = a.isTrue | b.isTrue
    return Truth(isTrue: isTrue, isKnown: isTrue | (a.isFalse & b.isFalse))
  }

  static prefix func ! (a: Truth) -> Truth {
    Truth(isTrue: a.isFalse, isKnown: a.isKnown)
  }
}
