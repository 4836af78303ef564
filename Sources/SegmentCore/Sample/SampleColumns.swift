import Columnar

/// Distinct words collected in order of first appearance, each with a small code.
///
/// The lookup dictionary is only ever queried, never iterated, so hash seeds cannot leak into the
/// output order.
struct Vocabulary {
  private(set) var words: [String] = []
  private var lookup: [String: UInt32] = [:]

  /// The code of `word`, adding it when new.
  mutating func code(_ word: String) -> UInt32 {
    if let code = lookup[word] { return code }
    let code = UInt32(words.count)
    lookup[word] = code
    words.append(word)
    return code
  }
}

/// Column builders that take codes into a fixed vocabulary, so that a million rows cost no string
/// hashing: the dictionary is remapped to order of first appearance, as `ColumnStorage` requires.
enum SampleColumns {
  /// A non-null String column whose row `i` is `vocabulary[codes[i]]`.
  /// - Complexity: O(n + vocabulary size).
  static func strings<Code: FixedWidthInteger>(_ name: String, _ codes: [Code], _ vocabulary: [String])
    -> Column
  {
    var remap = [UInt32](repeating: .max, count: vocabulary.count)
    var dictionary: [String] = []
    var out = [UInt32](repeating: 0, count: codes.count)
    for (row, code) in codes.enumerated() {
      let index = Int(code)
      if remap[index] == .max {
        remap[index] = UInt32(dictionary.count)
        dictionary.append(vocabulary[index])
      }
      out[row] = remap[index]
    }
    return Column(name: name, storage: .string(codes: out, dictionary: dictionary), validity: nil)
  }

  /// A non-null List column whose row `i` holds the vocabulary entries of the set bits of
  /// `masks[i]`, lowest bit first.
  /// - Complexity: O(n · vocabulary size).
  static func bitLists(_ name: String, _ masks: [UInt16], _ vocabulary: [String]) -> Column {
    precondition(vocabulary.count <= 16, "a UInt16 mask holds at most 16 items")
    var remap = [UInt32](repeating: .max, count: vocabulary.count)
    var dictionary: [String] = []
    var offsets: [UInt32] = [0]
    offsets.reserveCapacity(masks.count + 1)
    var codes: [UInt32] = []
    codes.reserveCapacity(masks.count * 3)
    for mask in masks {
      var rest = mask
      while rest != 0 {
        let index = rest.trailingZeroBitCount
        rest &= rest - 1
        if remap[index] == .max {
          remap[index] = UInt32(dictionary.count)
          dictionary.append(vocabulary[index])
        }
        codes.append(remap[index])
      }
      offsets.append(UInt32(codes.count))
    }
    return Column(
      name: name, storage: .list(offsets: offsets, codes: codes, dictionary: dictionary), validity: nil)
  }
}
