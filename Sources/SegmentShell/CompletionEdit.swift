import SegmentCore

/// What a Tab press does to the line, worked out from the core's candidates without touching libedit.
enum CompletionEdit: Equatable {
  /// Nothing fits: ring the bell.
  case none
  /// Replace the last `deleting` Unicode scalars before the cursor (libedit counts wide characters)
  /// with `inserting`.
  case replace(deleting: Int, inserting: String)
  /// Several candidates and nothing more to insert: show them.
  case list([String])

  /// The edit for `completions` offered at `cursor` (a Character offset) in `line`.
  ///
  /// One candidate replaces the word and adds a space, unless a space already follows or it is a
  /// folder (ending in `/`), into which completion goes on. Several
  /// candidates replace the word with their common prefix when that adds to what was typed, and are
  /// listed when it does not, as bash does.
  static func plan(line: String, cursor: Int, completions: CompletionSet) -> CompletionEdit {
    let characters = Array(line)
    let end = min(max(cursor, 0), characters.count)
    let start = min(max(completions.wordStart, 0), end)
    let typed = String(characters[start..<end])
    let candidates = completions.candidates
    guard let first = candidates.first else { return .none }
    if candidates.count == 1 {
      let followedBySpace = end < characters.count && characters[end].isWhitespace
      let space = followedBySpace || first.hasSuffix("/") ? "" : " "
      return .replace(deleting: typed.unicodeScalars.count, inserting: first + space)
    }
    let prefix = commonPrefix(candidates)
    if normalized(prefix).count > normalized(typed).count {
      return .replace(deleting: typed.unicodeScalars.count, inserting: prefix)
    }
    return .list(candidates)
  }

  /// The longest prefix all `words` share, ignoring case, spelled as in the first word.
  static func commonPrefix(_ words: [String]) -> String {
    guard var prefix = words.first.map(Array.init) else { return "" }
    for word in words.dropFirst() {
      let length = zip(prefix, word).prefix { $0.lowercased() == $1.lowercased() }.count
      prefix = Array(prefix.prefix(length))
    }
    return String(prefix)
  }

  /// How the core compares a typed word with a candidate: without case and backticks.
  static func normalized(_ word: String) -> String {
    word.lowercased().replacing("`", with: "")
  }
}

/// Offsets in an edited line: libedit reports bytes of UTF-8, the core counts Characters.
enum LineOffsets {
  /// The Character offset of the byte offset `byteOffset` in the UTF-8 text `bytes`.
  ///
  /// A byte offset inside a character counts that character as before it.
  static func characterOffset(utf8 bytes: some Collection<UInt8>, byteOffset: Int) -> Int {
    let head = bytes.prefix(max(byteOffset, 0))
    return String(decoding: head, as: UTF8.self).count
  }

  /// The byte offset in UTF-8 of the Character offset `characterOffset` in `text`.
  static func byteOffset(in text: String, characterOffset: Int) -> Int {
    text.prefix(max(characterOffset, 0)).utf8.count
  }
}

/// Lays candidates out in columns, filled top to bottom like `ls`, to fit a terminal width.
enum CandidateGrid {
  /// The rows of the grid, each ending in a newline, with no trailing spaces.
  static func render(_ candidates: [String], width: Int) -> String {
    guard !candidates.isEmpty else { return "" }
    let columnWidth = (candidates.map(\.count).max() ?? 0) + 2
    let columns = max(1, min(candidates.count, max(width, 1) / columnWidth))
    let rows = (candidates.count + columns - 1) / columns
    var text = ""
    for row in 0..<rows {
      var line = ""
      for column in 0..<columns {
        let index = column * rows + row
        guard index < candidates.count else { break }
        let word = candidates[index]
        line += word + String(repeating: " ", count: columnWidth - word.count)
      }
      while line.last == " " { line.removeLast() }
      text += line + "\n"
    }
    return text
  }
}
