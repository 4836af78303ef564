import Columnar

/// A condition's three-valued outcome per row (SQL semantics): true, false, or unknown (a null took part).
struct Truth {
  /// Rows where the condition is true.
  var isTrue: Bitmap
  /// Rows where it is true or false; the others are unknown. Nil when every row is known, the common
  /// case (columns without nulls, segments), which then costs no bitmap operations at all.
  var isKnown: Bitmap?

  /// Rows where it is false.
  var isFalse: Bitmap { isKnown.map { $0 & ~isTrue } ?? ~isTrue }

  /// A truth with no unknowns.
  static func certain(_ mask: Bitmap) -> Truth {
    Truth(isTrue: mask, isKnown: nil)
  }

  static func && (a: Truth, b: Truth) -> Truth {
    let isTrue = a.isTrue & b.isTrue
    guard a.isKnown != nil || b.isKnown != nil else { return Truth(isTrue: isTrue, isKnown: nil) }
    return Truth(isTrue: isTrue, isKnown: isTrue | a.isFalse | b.isFalse)
  }

  static func || (a: Truth, b: Truth) -> Truth {
    let isTrue = a.isTrue | b.isTrue
    guard a.isKnown != nil || b.isKnown != nil else { return Truth(isTrue: isTrue, isKnown: nil) }
    return Truth(isTrue: isTrue, isKnown: isTrue | (a.isFalse & b.isFalse))
  }

  static prefix func ! (a: Truth) -> Truth {
    Truth(isTrue: a.isFalse, isKnown: a.isKnown)
  }
}
