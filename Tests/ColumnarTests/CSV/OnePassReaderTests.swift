import Testing

@testable import Columnar

/// The one-pass column reader (`ColumnConverter.read`) against the two-pass reference (`stats`
/// then `convert`): both must decide the same type from the same statistics and produce the same
/// values, nulls and placeholder counts, whatever mix of texts a column holds.
@Suite("One-pass reader")
struct OnePassReaderTests {
  static let pools: [[String]] = [
    ["1", "-2", "007", "-0", "12345", "9223372036854775807", "99999999999999999999", " 5 ", "+3"],
    [
      "1.5", "-0.0", "0.1", "2.", ".5", "1e3", "1234.50", "3", "123456789.123456789",
      "12345678901234567.5",
    ],
    ["1,234", "1,234,567", "$5", "$1,234.50", "£3", "5 €"],
    ["", "NA", "N/A", "NULL", "null", "NaN", "?", "-", "unknown", "#DIV/0!", "n/a", "nil", " ", "  "],
    ["2021-01-05", "1999-12-31", "2020-02-29", "2021-02-29", "2021/03/04", "2021-1-5", "2021-01-05 10:00"],
    ["01/02/2020", "13/02/2020", "02/13/2020", "05-06-2019", "25.12.2018"],
    ["true", "false", "TRUE", "Yes", "no", " true "],
    [
      "abc", "a b c d", "x;y", "outdoor;travel;tech", "a;;b", ";", "caf\u{e9}",
      String(repeating: "x", count: 40),
    ],
    ["red", "green", "blue", "12abc", "lorem ipsum dolor sit", "\"q\"\"uoted\"", "\"a,b\""],
  ]

  /// A deterministic pseudo-random column: a few pools, mixed with skewed weights.
  static func column(seed: UInt64, rows: Int) -> [String] {
    var state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
    func next() -> Int {
      state ^= state << 13
      state ^= state >> 7
      state ^= state << 17
      return Int(truncatingIfNeeded: state >> 1)
    }
    let chosen = (0..<(1 + next() % 3)).map { _ in pools[next() % pools.count] }
    return (0..<rows).map { _ in
      let pool = chosen[next() % 4 == 0 ? next() % chosen.count : 0]
      return pool[next() % pool.count]
    }
  }

  /// Everything observable about a column part, as text.
  static func summary(_ r: ChunkResult, _ j: Int) -> String {
    let st = r.stats[j]
    let spec = ColumnSpec.decide(st, listsAllowed: true)
    let part = r.partials[j]!
    var text = "\(spec) values=\(st.values) weak=\(st.weak) strong=\(st.strong) invalid=\(part.invalid)"
    // What merging with other chunks can still depend on.
    text += " mask=\(st.mask) grouped=\(st.grouped) long=\(st.longUngrouped) mixed=\(st.mixedCurrency)"
    // Which currency was seen last matters only while there is one.
    text += " currency=\(st.mixedCurrency ? 0 : st.currency) \(st.withCurrency > 0) \(st.withoutCurrency > 0)"
    text += " shapes=\(st.dateShapes)"
    text += " over12=\(st.firstOver12) \(st.secondOver12) listOK=\(st.listOK)"
    text += " semicolons=\(st.listOK ? st.withSemicolon : 0) valid=\(part.valid ?? [])"
    switch part.values {
    case .none: text += " none"
    case .ints(let v, let lo, let hi): text += " ints \((0..<v.count).map { v[$0] }) \(lo) \(hi)"
    case .doubles(let v): text += " doubles \(v.map(\.bitPattern))"
    case .bools(let v, _): text += " bools \(v)"
    case .dates(let v): text += " dates \(v)"
    case .timestamps(let v): text += " timestamps \(v)"
    case .strings(let c, let d): text += " strings \(codes(c)) \(entries(d))"
    case .lists(let o, let c, let d): text += " lists \(o) \(codes(c)) \(entries(d))"
    }
    return text
  }

  static func codes(_ c: ChunkCodes) -> [UInt32] {
    var out = [UInt32](repeating: 0, count: c.count)
    out.withUnsafeMutableBufferPointer { c.remap((0..<UInt32(1 << 16)).map { $0 }, into: $0.baseAddress!) }
    return out
  }

  static func entries(_ d: ByteDictionary) -> [[UInt8]] {
    (0..<d.count).map { k in d.withEntry(k) { Array($0) } }
  }

  @Test(arguments: 0..<120)
  func matchesReference(seed: Int) {
    let rows = [1, 2, 63, 64, 65, 200][seed % 6]
    let columns = (0..<3).map { Self.column(seed: UInt64(seed * 3 + $0), rows: rows) }
    var text = ""
    for r in 0..<rows {
      text += columns.map { $0[r] }.joined(separator: ",") + "\n"
    }
    let bytes = Array(text.utf8)
    bytes.withUnsafeBufferPointer { buf in
      let tok = CSVTokenizer(p: buf.baseAddress!, n: buf.count, delimiter: 44)
      let parser = ChunkParser(tokenizer: tok, columns: 3, skipBadRows: true, listsAllowed: true)
      let fast = parser.parse(start: 0, stop: buf.count)
      let reference = parser.parse(start: 0, stop: buf.count, reference: true)
      #expect(fast.rows == reference.rows)
      for j in 0..<3 {
        #expect(Self.summary(fast, j) == Self.summary(reference, j), "column \(j): \(columns[j].prefix(8))")
      }
    }
  }
}
