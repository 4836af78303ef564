/// The values of one column within one chunk, converted under a spec.
struct Partial {
  enum Values {
    case none
    /// Narrowed within the chunk; `min > max` when every row is null.
    case ints(IntBuffer, min: Int64, max: Int64)
    case doubles([Double])
    /// Bit `r` is row `r`'s value (`ChunkBits` layout), and the words the chunk wrote for the values.
    case bools([UInt64], SeenBoolWords)
    case dates([Int32])
    case timestamps([Int64])
    case strings(ChunkCodes, ByteDictionary)
    case lists(offsets: [UInt32], codes: ChunkCodes, ByteDictionary)
  }
  var spec: ColumnSpec
  var values: Values
  /// Validity words in `ChunkBits` layout (set = has a value), `nil` when every row has a value.
  var valid: [UInt64]?
  /// Values that the spec's type could not hold after all (a day-first date that does not exist).
  var invalid = 0
  var rows: Int
}

/// The first words a chunk wrote for true and for false (`yes`, `No`), so that the column shows its
/// values the way its file wrote them (`BoolWords`).
struct SeenBoolWords {
  var trueWord: String?
  var falseWord: String?

  /// Notes the trimmed field `p[a..<b]`, read as `value`, when it is the first of its value.
  @inline(__always)
  mutating func note(_ value: Bool, _ p: UnsafePointer<UInt8>, _ a: Int, _ b: Int) {
    if value {
      if trueWord == nil { trueWord = Self.text(p, a, b) }
    } else if falseWord == nil {
      falseWord = Self.text(p, a, b)
    }
  }

  /// Adds a later chunk's words: the earlier ones stay.
  mutating func merge(_ later: SeenBoolWords) {
    trueWord = trueWord ?? later.trueWord
    falseWord = falseWord ?? later.falseWord
  }

  /// The column's words (nil for plain true/false).
  var words: BoolWords? { BoolWords.seen(trueWord: trueWord, falseWord: falseWord) }

  private static func text(_ p: UnsafePointer<UInt8>, _ a: Int, _ b: Int) -> String {
    String(decoding: UnsafeBufferPointer(start: p + a, count: b - a), as: UTF8.self)
  }
}

/// Converts the fields of one column of a chunk into typed values.
///
/// `stats` followed by `convert` is the reference: it looks at every field twice. `read` (in
/// `ColumnConverter+Typed.swift`) gets the same statistics and values in one pass and falls back to
/// the reference for fields it does not expect.
struct ColumnConverter {
  let p: UnsafePointer<UInt8>
  /// Column `j`'s spans are `spans[j * stride ..< j * stride + rows]`.
  let spans: UnsafePointer<UInt64>
  let stride: Int
  let rows: Int
  /// The length of the buffer `p` points to.
  let limit: Int
  /// Scratch space for unquoted fields, 16 bytes larger than the largest field (see `readText`).
  let scratch: UnsafeMutablePointer<UInt8>
  let cache: TextCache

  /// Calls `body` with each row's field bytes (unquoted when needed) as pointer and range.
  @inline(__always)
  func forEachField(_ column: Int, _ body: (Int, UnsafePointer<UInt8>, Int, Int) -> Void) {
    let s = spans + column * stride
    for r in 0..<rows {
      let span = s[r]
      let a = CSVTokenizer.start(span)
      let b = CSVTokenizer.end(span)
      if CSVTokenizer.needsUnquote(span) {
        let len = CSVTokenizer.unquote(p, a, b, into: scratch)
        body(r, UnsafePointer(scratch), 0, len)
      } else {
        body(r, p, a, b)
      }
    }
  }

  /// Gathers a column's statistics over this chunk.
  func stats(_ column: Int, listsAllowed: Bool) -> ColumnStats {
    var st = ColumnStats()
    forEachField(column) { _, q, a, b in
      let nk = FieldScanner.nullKind(q, a, b)
      if nk == 0 {
        st.observe(q, a, b, listsAllowed: listsAllowed)
      } else if nk > 0 {
        st.weak[nk - 1] += 1
      } else if nk < -1 {
        st.strong[-2 - nk] += 1
      }
    }
    return st
  }

  /// Converts a column under `spec`.
  func convert(_ column: Int, _ spec: ColumnSpec) -> Partial {
    var valid = ChunkBits.allSet(rows)
    var nulls = 0
    var invalid = 0
    let weakIsNull = spec.weakIsNull
    @inline(__always) func isNull(_ r: Int, _ q: UnsafePointer<UInt8>, _ a: Int, _ b: Int) -> Bool {
      let nk = FieldScanner.nullKind(q, a, b)
      if nk < 0 || (nk > 0 && weakIsNull) {
        valid.withUnsafeMutableBufferPointer { ChunkBits.clear($0.baseAddress!, r) }
        nulls += 1
        return true
      }
      return false
    }
    @inline(__always) func fail(_ r: Int) {
      valid.withUnsafeMutableBufferPointer { ChunkBits.clear($0.baseAddress!, r) }
      nulls += 1
      invalid += 1
    }
    let values: Partial.Values
    switch spec.kind {
    case .allNull:
      valid = [UInt64](repeating: 0, count: valid.count)
      nulls = rows
      values = .none
    case .int:
      var out = [Int64](repeating: 0, count: rows)
      var lo = Int64.max
      var hi = Int64.min
      forEachField(column) { r, q, a, b in
        if isNull(r, q, a, b) { return }
        let (ta, tb) = FieldScanner.trim(q, a, b)
        let ns = FieldScanner.number(q, ta, tb, wantDouble: false)
        guard ns.isInt else { return fail(r) }
        out[r] = ns.int
        lo = min(lo, ns.int)
        hi = max(hi, ns.int)
      }
      values = .ints(.narrowing(out, lo: lo, hi: hi), min: lo, max: hi)
    case .double:
      var out = [Double](repeating: 0, count: rows)
      forEachField(column) { r, q, a, b in
        if isNull(r, q, a, b) { return }
        let (ta, tb) = FieldScanner.trim(q, a, b)
        let ns = FieldScanner.number(q, ta, tb, wantDouble: true)
        guard ns.isNumber else { return fail(r) }
        out[r] = ns.double
      }
      values = .doubles(out)
    case .bool:
      var out = [UInt64](repeating: 0, count: valid.count)
      var words = SeenBoolWords()
      forEachField(column) { r, q, a, b in
        if isNull(r, q, a, b) { return }
        let (ta, tb) = FieldScanner.trim(q, a, b)
        guard let v = FieldScanner.bool(q, ta, tb) else { return fail(r) }
        words.note(v, q, ta, tb)
        if v { out.withUnsafeMutableBufferPointer { ChunkBits.set($0.baseAddress!, r) } }
      }
      values = .bools(out, words)
    case .date, .timestamp:
      var days = [Int32](repeating: 0, count: spec.kind == .date ? rows : 0)
      var stamps = [Int64](repeating: 0, count: spec.kind == .timestamp ? rows : 0)
      let isDate = spec.kind == .date
      forEachField(column) { r, q, a, b in
        if isNull(r, q, a, b) { return }
        let (ta, tb) = FieldScanner.trim(q, a, b)
        let ds = FieldScanner.dateTime(q, ta, tb)
        guard ds.ok, let d = FieldScanner.days(ds, order: spec.order) else { return fail(r) }
        if isDate { days[r] = d } else { stamps[r] = Int64(d) * 86_400 + ds.secondOfDay }
      }
      values = isDate ? .dates(days) : .timestamps(stamps)
    case .string:
      var dict = ByteDictionary()
      var codes = [UInt32](repeating: 0, count: rows)
      forEachField(column) { r, q, a, b in
        if isNull(r, q, a, b) { return }
        codes[r] = dict.insert(q + a, b - a)
      }
      values = .strings(ChunkCodes(codes, distinct: dict.count), dict)
    case .list:
      var dict = ByteDictionary()
      var offsets = [UInt32](repeating: 0, count: rows + 1)
      var codes: [UInt32] = []
      forEachField(column) { r, q, a, b in
        if !isNull(r, q, a, b) {
          var itemStart = a
          for i in a...b where i == b || q[i] == 59 {
            let (ta, tb) = FieldScanner.trim(q, itemStart, i)
            if tb > ta { codes.append(dict.insert(q + ta, tb - ta)) }
            itemStart = i + 1
          }
        }
        offsets[r + 1] = UInt32(codes.count)
      }
      values = .lists(offsets: offsets, codes: ChunkCodes(codes, distinct: dict.count), dict)
    }
    return Partial(spec: spec, values: values, valid: nulls == 0 ? nil : valid, invalid: invalid, rows: rows)
  }
}
