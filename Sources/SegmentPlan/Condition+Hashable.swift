import Columnar

// Equality and hashing written out with a work list instead of the synthesized recursion: a segment
// of 15,000 `or`s is a chain 15,000 deep, and the selection cache hashes and compares whole
// definitions, which overflowed the stack one frame per clause (issue 18, item 5).
extension Condition {
  /// Whether two conditions are the same tree.
  /// - Complexity: O(nodes), without recursion.
  public static func == (lhs: Condition, rhs: Condition) -> Bool {
    var pending = [(lhs, rhs)]
    while let (a, b) = pending.popLast() {
      switch (a, b) {
      case (.and(let a1, let a2), .and(let b1, let b2)), (.or(let a1, let a2), .or(let b1, let b2)):
        pending.append((a2, b2))
        pending.append((a1, b1))
      case (.not(let x), .not(let y)):
        pending.append((x, y))
      case (.segment(let m, let x), .segment(let n, let y)):
        guard m == n else { return false }
        pending.append((x, y))
      case (.compare(let c, let o, let v), .compare(let d, let p, let w)):
        guard c == d, o == p, v == w else { return false }
      case (.between(let c, let l, let h, let n), .between(let d, let m, let i, let o)):
        guard c == d, l == m, h == i, n == o else { return false }
      case (.oneOf(let c, let v, let n), .oneOf(let d, let w, let o)):
        guard c == d, v == w, n == o else { return false }
      case (.text(let c, let m, let s, let n), .text(let d, let p, let t, let o)):
        guard c == d, m == p, s == t, n == o else { return false }
      case (.isNull(let c, let n), .isNull(let d, let o)):
        guard c == d, n == o else { return false }
      case (.dayRange(let c, let f, let t), .dayRange(let d, let g, let u)):
        guard c == d, f == g, t == u else { return false }
      case (.isTrue(let c), .isTrue(let d)):
        guard c == d else { return false }
      case (.frozen(let c, let r), .frozen(let d, let s)):
        guard c == d, r == s else { return false }
      default:
        return false
      }
    }
    return true
  }

  /// Hashes every node, in a loop.
  /// - Complexity: O(nodes), without recursion.
  public func hash(into hasher: inout Hasher) {
    var pending = [self]
    while let next = pending.popLast() {
      switch next {
      case .and(let a, let b), .or(let a, let b):
        hasher.combine(next.isAnd ? 0 : 1)
        pending.append(b)
        pending.append(a)
      case .not(let a):
        hasher.combine(2)
        pending.append(a)
      case .segment(let name, let definition):
        hasher.combine(3)
        hasher.combine(name)
        pending.append(definition)
      case .compare(let c, let o, let v):
        hasher.combine(4)
        hasher.combine(c)
        hasher.combine(o)
        hasher.combine(v)
      case .between(let c, let l, let h, let n):
        hasher.combine(5)
        hasher.combine(c)
        hasher.combine(l)
        hasher.combine(h)
        hasher.combine(n)
      case .oneOf(let c, let v, let n):
        hasher.combine(6)
        hasher.combine(c)
        hasher.combine(v)
        hasher.combine(n)
      case .text(let c, let m, let s, let n):
        hasher.combine(7)
        hasher.combine(c)
        hasher.combine(m)
        hasher.combine(s)
        hasher.combine(n)
      case .isNull(let c, let n):
        hasher.combine(8)
        hasher.combine(c)
        hasher.combine(n)
      case .dayRange(let c, let f, let t):
        hasher.combine(9)
        hasher.combine(c)
        hasher.combine(f)
        hasher.combine(t)
      case .isTrue(let c):
        hasher.combine(10)
        hasher.combine(c)
      case .frozen(let c, let rows):
        hasher.combine(11)
        hasher.combine(c)
        hasher.combine(rows)
      }
    }
  }

  private var isAnd: Bool { if case .and = self { true } else { false } }
}
