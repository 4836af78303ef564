/// One pass per column instead of two: the first value of the chunk's column picks a guess (number,
/// ISO date, bool or text), and the guess converts while it gathers the statistics that `stats`
/// would have gathered. A field the guess does not expect sends the column to the text path
/// (`readText`), which handles anything, so the result always equals `stats` then `convert`.
extension ColumnConverter {
  /// Which one-pass reader a column's first value points to.
  enum Guess {
    case allNull, number, isoDate, bool, text

    /// The guess for a field that is not null.
    static func of(_ q: UnsafePointer<UInt8>, _ a: Int, _ b: Int) -> Guess {
      if FieldScanner.plainNumber(q, a, b).ok { return .number }
      if FieldScanner.isoDay(q, a, b) != nil { return .isoDate }
      let (ta, tb) = FieldScanner.trim(q, a, b)
      if FieldScanner.number(q, ta, tb, wantDouble: false).isNumber { return .number }
      let ds = FieldScanner.dateTime(q, ta, tb)
      if ds.ok && ds.shape == .iso && !ds.hasTime { return .isoDate }
      if FieldScanner.bool(q, ta, tb) != nil { return .bool }
      return .text
    }
  }

  /// The bytes of the field in `span`, unquoted into `scratch` when needed (valid until the next
  /// call).
  @inline(__always)
  func field(_ span: UInt64) -> (UnsafePointer<UInt8>, Int, Int) {
    let a = CSVTokenizer.start(span)
    let b = CSVTokenizer.end(span)
    if CSVTokenizer.needsUnquote(span) {
      return (UnsafePointer(scratch), 0, CSVTokenizer.unquote(p, a, b, into: scratch))
    }
    return (p, a, b)
  }

  /// A column's statistics over this chunk and its values converted under
  /// `ColumnSpec.decide(statistics)`; the same as `stats` followed by `convert`, in one pass.
  func read(_ column: Int, listsAllowed: Bool) -> (ColumnStats, Partial) {
    let s = spans + column * stride
    var guess = Guess.allNull
    for r in 0..<rows {
      let (q, a, b) = field(s[r])
      if a != b && FieldScanner.nullKind(q, a, b) == 0 {
        guess = Guess.of(q, a, b)
        break
      }
    }
    let typed: (ColumnStats, Partial)?
    switch guess {
    case .number: typed = readNumbers(column, listsAllowed: listsAllowed)
    case .isoDate: typed = readDates(column, listsAllowed: listsAllowed)
    case .bool: typed = readBools(column, listsAllowed: listsAllowed)
    case .allNull, .text: typed = nil
    }
    return typed ?? readText(column, listsAllowed: listsAllowed)
  }

  /// The outcome of one typed pass.
  private enum Pass {
    case done(ColumnStats, Partial)
    /// An Int pass met a non-integer number: run again as Double.
    case widen
    /// A field is neither null nor of the guessed type.
    case bail
  }

  private func readNumbers(_ column: Int, listsAllowed: Bool) -> (ColumnStats, Partial)? {
    var pass = numberPass(column, listsAllowed: listsAllowed, doubles: false)
    if case .widen = pass { pass = numberPass(column, listsAllowed: listsAllowed, doubles: true) }
    guard case .done(let st, let partial) = pass else { return nil }
    return (st, partial)
  }

  /// Reads Int (or, with `doubles`, Double) values; placeholders are nulls, which
  /// `ColumnSpec.decide` confirms at the end.
  private func numberPass(_ column: Int, listsAllowed: Bool, doubles: Bool) -> Pass {
    let s = spans + column * stride
    var st = ColumnStats()
    // Every row is written below (nulls as zero), so the arrays start uninitialised.
    var ints = [Int64](unsafeUninitializedCapacity: doubles ? 0 : rows) { $1 = $0.count }
    var reals = [Double](unsafeUninitializedCapacity: doubles ? rows : 0) { $1 = $0.count }
    var valid: [UInt64] = []
    var lo = Int64.max
    var hi = Int64.min
    var sawDouble = false
    // Counted apart from `st` and added at the end, which keeps them in registers.
    var plain = 0
    var long = false
    let outcome: Pass? = ints.withUnsafeMutableBufferPointer { iout in
      reals.withUnsafeMutableBufferPointer { dout in
        @inline(__always) func null(_ r: Int) {
          if valid.isEmpty { valid = ChunkBits.allSet(rows) }
          valid[r >> 6] &= ~(1 << UInt64(r & 63))
          if doubles { dout[r] = 0 } else { iout[r] = 0 }
        }
        for r in 0..<rows {
          let (q, a, b) = field(s[r])
          if a == b {
            null(r)
            continue
          }
          let n = FieldScanner.plainNumber(q, a, b)
          if n.ok {
            plain &+= 1
            if n.intDigits >= 4 { long = true }
            if doubles {
              dout[r] = n.double
              if !n.isInt { sawDouble = true }
            } else {
              guard n.isInt else { return .widen }
              iout[r] = n.int
              lo = min(lo, n.int)
              hi = max(hi, n.int)
            }
            continue
          }
          let nk = FieldScanner.nullKind(q, a, b)
          if nk != 0 {
            if nk > 0 { st.weak[nk - 1] += 1 } else { st.strong[-2 - nk] += 1 }
            null(r)
            continue
          }
          let (ta, tb) = FieldScanner.trim(q, a, b)
          let ns = FieldScanner.number(q, ta, tb, wantDouble: doubles)
          guard ns.isNumber else { return .bail }
          st.count(ns)
          if doubles {
            dout[r] = ns.double
            if !ns.isInt { sawDouble = true }
          } else {
            guard ns.isInt else { return .widen }
            iout[r] = ns.int
            lo = min(lo, ns.int)
            hi = max(hi, ns.int)
          }
        }
        return nil
      }
    }
    if let outcome { return outcome }
    st.values += plain
    st.withoutCurrency += plain
    st.longUngrouped = st.longUngrouped || long
    st.mask = sawDouble ? ColumnStats.double : ColumnStats.int | ColumnStats.double
    let spec = ColumnSpec.decide(st, listsAllowed: listsAllowed)
    guard spec.kind == (doubles ? .double : .int) else { return .bail }
    let values: Partial.Values =
      doubles ? .doubles(reals) : .ints(.narrowing(ints, lo: lo, hi: hi), min: lo, max: hi)
    return .done(st, Partial(spec: spec, values: values, valid: valid.isEmpty ? nil : valid, rows: rows))
  }

  /// Reads ISO dates without a time.
  private func readDates(_ column: Int, listsAllowed: Bool) -> (ColumnStats, Partial)? {
    let s = spans + column * stride
    var st = ColumnStats()
    var days = [Int32](unsafeUninitializedCapacity: rows) { $1 = $0.count }
    var valid: [UInt64] = []
    let ok = days.withUnsafeMutableBufferPointer { out in
      for r in 0..<rows {
        let (q, a, b) = field(s[r])
        if a != b {
          if let d = FieldScanner.isoDay(q, a, b) {
            out[r] = d
            st.values &+= 1
            continue
          }
          let nk = FieldScanner.nullKind(q, a, b)
          if nk == 0 {
            let (ta, tb) = FieldScanner.trim(q, a, b)
            let ds = FieldScanner.dateTime(q, ta, tb)
            guard ds.ok && ds.shape == .iso && !ds.hasTime, let d = FieldScanner.days(ds, order: .monthFirst)
            else { return false }
            out[r] = d
            st.values &+= 1
            continue
          }
          if nk > 0 { st.weak[nk - 1] += 1 } else { st.strong[-2 - nk] += 1 }
        }
        out[r] = 0
        if valid.isEmpty { valid = ChunkBits.allSet(rows) }
        valid[r >> 6] &= ~(1 << UInt64(r & 63))
      }
      return true
    }
    guard ok else { return nil }
    st.mask = ColumnStats.date | ColumnStats.timestamp
    st.dateShapes = DateShape.iso.rawValue
    let spec = ColumnSpec.decide(st, listsAllowed: listsAllowed)
    guard spec.kind == .date else { return nil }
    return (st, Partial(spec: spec, values: .dates(days), valid: valid.isEmpty ? nil : valid, rows: rows))
  }

  /// Reads `true`/`false`/`yes`/`no` in any case.
  private func readBools(_ column: Int, listsAllowed: Bool) -> (ColumnStats, Partial)? {
    let s = spans + column * stride
    var st = ColumnStats()
    var bits = [UInt64](repeating: 0, count: (rows + 63) >> 6)
    var valid: [UInt64] = []
    var words = SeenBoolWords()
    for r in 0..<rows {
      let (q, a, b) = field(s[r])
      if a != b {
        var v = FieldScanner.bool(q, a, b)
        let nk = v == nil ? FieldScanner.nullKind(q, a, b) : 0
        if nk == 0 {
          var (ta, tb) = (a, b)
          if v == nil {
            (ta, tb) = FieldScanner.trim(q, a, b)
            v = FieldScanner.bool(q, ta, tb)
          }
          guard let v else { return nil }
          if words.falseWord == nil || words.trueWord == nil { words.note(v, q, ta, tb) }
          if v { bits[r >> 6] |= 1 << UInt64(r & 63) }
          st.values &+= 1
          continue
        }
        if nk > 0 { st.weak[nk - 1] += 1 } else { st.strong[-2 - nk] += 1 }
      }
      if valid.isEmpty { valid = ChunkBits.allSet(rows) }
      valid[r >> 6] &= ~(1 << UInt64(r & 63))
    }
    st.mask = ColumnStats.bool
    let spec = ColumnSpec.decide(st, listsAllowed: listsAllowed)
    guard spec.kind == .bool else { return nil }
    return (
      st, Partial(spec: spec, values: .bools(bits, words), valid: valid.isEmpty ? nil : valid, rows: rows)
    )
  }
}

extension ColumnStats {
  /// Counts a number the way `observe` does.
  @inline(__always)
  mutating func count(_ ns: NumberScan) {
    values &+= 1
    noteNumber(ns)
  }
}
