/// The one-pass reader for text and for anything the typed readers gave up on.
///
/// Each row costs one dictionary lookup; the null test, type statistics and list splitting run
/// once per distinct text. That equals running them per row because every per-field decision in
/// `ColumnStats.observe` depends only on the field's bytes and the type mask, and the mask can only
/// change at a text's first appearance (processing texts in order of first appearance replays
/// those changes). Counters are scaled by how often each text occurs. The one order effect left,
/// list detection of typed texts that recur after the mask became empty, is replayed explicitly.
extension ColumnConverter {
  func readText(_ column: Int, listsAllowed: Bool) -> (ColumnStats, Partial) {
    let s = spans + column * stride
    var dict = ByteDictionary()
    var codes = [UInt32](repeating: 0, count: rows)
    var counts: [Int] = []
    var firstRow: [Int] = []
    codes.withUnsafeMutableBufferPointer { out in
      for r in 0..<rows {
        let (q, a, b) = field(s[r])
        if a == b {
          out[r] = .max
          continue
        }
        // Reading a whole word past a short field is safe inside the file and the padded scratch.
        let head =
          q != p || a + 8 <= limit
          ? ByteDictionary.headOverreading(q + a, b - a) : ByteDictionary.head(q + a, b - a)
        let code = dict.insert(q + a, b - a, head: head)
        if Int(code) == counts.count {
          counts.append(1)
          firstRow.append(r)
        } else {
          counts[Int(code)] += 1
        }
        out[r] = code
      }
    }

    var st = ColumnStats()
    var kinds = [Int](repeating: 0, count: dict.count)
    var zeroRow = -1
    var typed: [Int] = []
    for e in 0..<dict.count {
      dict.withEntry(e) { buf in
        let q = buf.baseAddress!
        let nk = FieldScanner.nullKind(q, 0, buf.count)
        kinds[e] = nk
        if nk != 0 {
          if nk > 0 { st.weak[nk - 1] += counts[e] } else { st.strong[-2 - nk] += counts[e] }
          return
        }
        let hadMask = st.mask != 0
        let (cur, noCur, semi) = (st.withCurrency, st.withoutCurrency, st.withSemicolon)
        if st.observe(q, 0, buf.count, listsAllowed: listsAllowed) { typed.append(e) }
        let extra = counts[e] - 1
        st.values += extra
        st.withCurrency += extra * (st.withCurrency - cur)
        st.withoutCurrency += extra * (st.withoutCurrency - noCur)
        st.withSemicolon += extra * (st.withSemicolon - semi)
        if hadMask && st.mask == 0 && zeroRow < 0 { zeroRow = firstRow[e] }
      }
    }
    // Per row, a typed text met again after the mask became empty goes through list detection.
    if listsAllowed && st.listOK && zeroRow >= 0 {
      for e in typed where listBreaker(dict, e) && codes[(zeroRow + 1)...].contains(UInt32(e)) {
        st.listOK = false
        break
      }
    }

    let spec = ColumnSpec.decide(st, listsAllowed: listsAllowed)
    switch spec.kind {
    case .string: return (st, strings(spec, dict, codes, kinds))
    case .list: return (st, lists(spec, dict, codes, kinds))
    case .bool: return (st, bools(spec, dict, codes, kinds))
    default: return (st, convert(column, spec))
    }
  }

  /// Whether list detection of entry `e` would rule lists out.
  private func listBreaker(_ dict: ByteDictionary, _ e: Int) -> Bool {
    var probe = ColumnStats()
    dict.withEntry(e) { probe.observeList($0.baseAddress!, 0, $0.count) }
    return !probe.listOK
  }

  /// Strong placeholders and empty fields are null; everything else, weak placeholders included,
  /// is a value.
  private func strings(_ spec: ColumnSpec, _ dict: ByteDictionary, _ codes: [UInt32], _ kinds: [Int]) -> Partial {
    var codes = codes
    var valid: [UInt64] = []
    // Strong placeholders never enter the dictionary of the reference path.
    var remap = [UInt32](repeating: 0, count: dict.count)
    var kept = dict
    if kinds.contains(where: { $0 < 0 }) {
      kept = ByteDictionary()
      for e in 0..<dict.count where kinds[e] >= 0 {
        remap[e] = dict.withEntry(e) { kept.insert($0.baseAddress!, $0.count) }
      }
    } else {
      for e in 0..<dict.count { remap[e] = UInt32(e) }
    }
    for r in 0..<rows {
      let c = codes[r]
      if c == .max || kinds[Int(c)] < 0 {
        codes[r] = 0
        if valid.isEmpty { valid = ChunkBits.allSet(rows) }
        valid[r >> 6] &= ~(1 << UInt64(r & 63))
      } else {
        codes[r] = remap[Int(c)]
      }
    }
    return Partial(spec: spec, values: .strings(codes, kept), valid: valid.isEmpty ? nil : valid, rows: rows)
  }

  /// Items are split and looked up once per distinct text; in order of first appearance, which
  /// keeps the item dictionary in the order the reference path builds it.
  private func lists(_ spec: ColumnSpec, _ dict: ByteDictionary, _ codes: [UInt32], _ kinds: [Int]) -> Partial {
    var items = ByteDictionary()
    var itemCodes: [UInt32] = []
    var itemStart = [Int](repeating: 0, count: dict.count + 1)
    for e in 0..<dict.count {
      if kinds[e] >= 0 {
        dict.withEntry(e) { buf in
          let q = buf.baseAddress!
          var from = 0
          for i in 0...buf.count where i == buf.count || q[i] == 59 {
            let (ta, tb) = FieldScanner.trim(q, from, i)
            if tb > ta { itemCodes.append(items.insert(q + ta, tb - ta)) }
            from = i + 1
          }
        }
      }
      itemStart[e + 1] = itemCodes.count
    }
    var offsets = [UInt32](repeating: 0, count: rows + 1)
    var out: [UInt32] = []
    var valid: [UInt64] = []
    for r in 0..<rows {
      let c = codes[r]
      if c == .max || kinds[Int(c)] < 0 {
        if valid.isEmpty { valid = ChunkBits.allSet(rows) }
        valid[r >> 6] &= ~(1 << UInt64(r & 63))
      } else {
        out.append(contentsOf: itemCodes[itemStart[Int(c)]..<itemStart[Int(c) + 1]])
      }
      offsets[r + 1] = UInt32(out.count)
    }
    return Partial(
      spec: spec, values: .lists(offsets: offsets, codes: out, items), valid: valid.isEmpty ? nil : valid,
      rows: rows)
  }

  /// Placeholders are null; a text that is not a bool after all is null and counted as invalid.
  private func bools(_ spec: ColumnSpec, _ dict: ByteDictionary, _ codes: [UInt32], _ kinds: [Int]) -> Partial {
    let value: [Bool?] = (0..<dict.count).map { e in
      guard kinds[e] == 0 else { return nil }
      return dict.withEntry(e) { buf in
        let (ta, tb) = FieldScanner.trim(buf.baseAddress!, 0, buf.count)
        return FieldScanner.bool(buf.baseAddress!, ta, tb)
      }
    }
    var bits = [UInt64](repeating: 0, count: (rows + 63) >> 6)
    var valid = ChunkBits.allSet(rows)
    var nulls = 0
    var invalid = 0
    for r in 0..<rows {
      let c = codes[r]
      if c != .max, let v = value[Int(c)] {
        if v { bits[r >> 6] |= 1 << UInt64(r & 63) }
        continue
      }
      if c != .max && kinds[Int(c)] == 0 { invalid += 1 }
      nulls += 1
      valid[r >> 6] &= ~(1 << UInt64(r & 63))
    }
    return Partial(spec: spec, values: .bools(bits), valid: nulls == 0 ? nil : valid, invalid: invalid, rows: rows)
  }
}
