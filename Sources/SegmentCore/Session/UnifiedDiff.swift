/// A unified diff of two lists of lines, as `diff -u` prints it, for `seg run --check`.
public enum UnifiedDiff {
  /// The hunks that turn `old` into `new` with `context` unchanged lines around each change, or an
  /// empty string when the two are equal. Headers (`---`, `+++`) are the caller's.
  /// - Parameter label: text after each hunk's `@@ ... @@`, such as the command that printed it.
  /// - Complexity: O(n·m) time and memory in the two lengths (a cell's output is short).
  public static func hunks(old: [String], new: [String], context: Int = 3, label: String = "") -> String {
    guard old != new else { return "" }
    let edits = script(old, new)
    var changed: [Int] = []
    for (i, edit) in edits.enumerated() where edit.kind != .same { changed.append(i) }
    // Group changes whose contexts touch into one hunk.
    var groups: [(Int, Int)] = []
    for i in changed {
      if let last = groups.last, i - last.1 <= 2 * context {
        groups[groups.count - 1].1 = i
      } else {
        groups.append((i, i))
      }
    }
    var out = ""
    for (first, last) in groups {
      let start = max(0, first - context)
      let end = min(edits.count - 1, last + context)
      let slice = edits[start...end]
      let oldCount = slice.filter { $0.kind != .insert }.count
      let newCount = slice.filter { $0.kind != .delete }.count
      let oldStart = oldCount == 0 ? slice.first!.oldIndex : slice.first!.oldIndex + 1
      let newStart = newCount == 0 ? slice.first!.newIndex : slice.first!.newIndex + 1
      out += "@@ -\(range(oldStart, oldCount)) +\(range(newStart, newCount)) @@"
      out += label.isEmpty ? "\n" : " \(label)\n"
      for edit in slice {
        switch edit.kind {
        case .same: out += " " + edit.text + "\n"
        case .delete: out += "-" + edit.text + "\n"
        case .insert: out += "+" + edit.text + "\n"
        }
      }
    }
    return out
  }

  static func range(_ start: Int, _ count: Int) -> String {
    count == 1 ? "\(start)" : "\(start),\(count)"
  }

  struct Edit {
    enum Kind { case same, delete, insert }
    var kind: Kind
    var text: String
    /// Lines of each side before this edit, for hunk headers.
    var oldIndex: Int
    var newIndex: Int
  }

  /// The shortest edit script by a longest-common-subsequence table, deletions before insertions.
  static func script(_ a: [String], _ b: [String]) -> [Edit] {
    let n = a.count
    let m = b.count
    var lcs = [[Int32]](repeating: [Int32](repeating: 0, count: m + 1), count: n + 1)
    for i in stride(from: n - 1, through: 0, by: -1) {
      for j in stride(from: m - 1, through: 0, by: -1) {
        lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
      }
    }
    var edits: [Edit] = []
    var i = 0
    var j = 0
    while i < n || j < m {
      if i < n, j < m, a[i] == b[j] {
        edits.append(Edit(kind: .same, text: a[i], oldIndex: i, newIndex: j))
        i += 1
        j += 1
      } else if i < n, j == m || lcs[i + 1][j] >= lcs[i][j + 1] {
        edits.append(Edit(kind: .delete, text: a[i], oldIndex: i, newIndex: j))
        i += 1
      } else {
        edits.append(Edit(kind: .insert, text: b[j], oldIndex: i, newIndex: j))
        j += 1
      }
    }
    return edits
  }
}
