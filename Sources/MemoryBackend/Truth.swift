import Columnar

/// A condition's three-valued outcome per row (SQL semantics): true, false, or unknown (a null took part).
struct Truth {
  /// Rows where the condition is true.
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
