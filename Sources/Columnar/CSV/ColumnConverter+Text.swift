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
    var codes = [UInt32](unsafeUninitializedCapacity: rows) { _, count in count = rows }
    // Empty fields: null in every type, code 0 like the reference path.
    var valid: [UInt64] = []
    // How often each text occurs and the row where it first does, counted as the rows are read.
    // (Pointers: an array's copy-on-write check on every row costs as much as the count.)
    let counts = UnsafeMutablePointer<Int>.allocate(capacity: max(rows, 1))
    defer { counts.deallocate() }
    let firstRow = UnsafeMutablePointer<Int>.allocate(capacity: max(rows, 1))
    defer { firstRow.deallocate() }
    var distinct = 0
    codes.withUnsafeMutableBufferPointer { out in
      for r in 0..<rows {
        let (q, a, b) = field(s[r])
        let len = b - a
        if len == 0 {
          if valid.isEmpty { valid = ChunkBits.allSet(rows) }
          valid[r >> 6] &= ~(1 << UInt64(r & 63))
          out[r] = 0
          continue
        }
        let code: UInt32
        // Reading 16 bytes from a short field's start is safe inside the file and the padded
        // scratch.
        if len <= 16 && (q != p || a + 16 <= limit) {
          let (low, high) = TextCache.key(q + a, len)
          let slot = TextCache.slot(low, high, len)
          if let hit = cache.code(low, high, len, column: column, slot: slot) {
            code = hit
          } else {
            code = dict.insert(q + a, len, head: low)
            cache.remember(low, high, len, code: code, column: column, slot: slot)
          }
        } else {
          code = dict.insert(q + a, len)
        }
        out[r] = code
        let c = Int(code)
        if c == distinct {
          counts[c] = 1
          firstRow[c] = r
          distinct &+= 1
        } else {
          counts[c] &+= 1
        }
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
      let later = (zeroRow + 1..<rows).lazy.filter { ChunkBits.isSet(valid, $0) }.map { codes[$0] }
      for e in typed where listBreaker(dict, e) && later.contains(UInt32(e)) {
        st.listOK = false
        break
      }
    }

    let spec = ColumnSpec.decide(st, listsAllowed: listsAllowed)
    switch spec.kind {
    case .string: return (st, strings(spec, dict, codes, valid, kinds))
    case .list: return (st, lists(spec, dict, codes, valid, kinds))
    case .bool: return (st, bools(spec, dict, codes, valid, kinds))
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
  private func strings(
    _ spec: ColumnSpec, _ dict: ByteDictionary, _ codes: [UInt32], _ valid: [UInt64], _ kinds: [Int]
  ) -> Partial {
    guard kinds.contains(where: { $0 < 0 }) else {
      let values = Partial.Values.strings(ChunkCodes(codes, distinct: dict.count), dict)
      return Partial(spec: spec, values: values, valid: valid.isEmpty ? nil : valid, rows: rows)
    }
    // Strong placeholders never enter the dictionary of the reference path.
    var kept = ByteDictionary()
    var remap = [UInt32](repeating: 0, count: dict.count)
    for e in 0..<dict.count where kinds[e] >= 0 {
      remap[e] = dict.withEntry(e) { kept.insert($0.baseAddress!, $0.count) }
    }
    var codes = codes
    var valid = valid.isEmpty ? ChunkBits.allSet(rows) : valid
    var nulls = 0
    for r in 0..<rows {
      guard ChunkBits.isSet(valid, r) else {
        nulls += 1
        continue
      }
      let c = Int(codes[r])
      if kinds[c] < 0 {
        codes[r] = 0
        valid[r >> 6] &= ~(1 << UInt64(r & 63))
        nulls += 1
      } else {
        codes[r] = remap[c]
      }
    }
    let values = Partial.Values.strings(ChunkCodes(codes, distinct: kept.count), kept)
    return Partial(spec: spec, values: values, valid: nulls == 0 ? nil : valid, rows: rows)
  }

  /// Items are split and looked up once per distinct text; in order of first appearance, which
  /// keeps the item dictionary in the order the reference path builds it.
  private func lists(
    _ spec: ColumnSpec, _ dict: ByteDictionary, _ codes: [UInt32], _ valid: [UInt64], _ kinds: [Int]
  ) -> Partial {
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
    // Offsets first, so the items are copied once into an array of the right size.
    var offsets = [UInt32](repeating: 0, count: rows + 1)
    var valid = valid.isEmpty ? ChunkBits.allSet(rows) : valid
    var nulls = 0
    var total = 0
    for r in 0..<rows {
      let c = Int(codes[r])
      if ChunkBits.isSet(valid, r) && kinds[c] >= 0 {
        total += itemStart[c + 1] - itemStart[c]
      } else {
        valid[r >> 6] &= ~(1 << UInt64(r & 63))
        nulls += 1
      }
      offsets[r + 1] = UInt32(total)
    }
    let out = [UInt32](unsafeUninitializedCapacity: total) { buf, count in
      itemCodes.withUnsafeBufferPointer { ic in
        var at = 0
        for r in 0..<rows where offsets[r + 1] > offsets[r] {
          let c = Int(codes[r])
          for k in itemStart[c]..<itemStart[c + 1] {
            buf[at] = ic[k]
            at += 1
          }
        }
      }
      count = total
    }
    let values = Partial.Values.lists(offsets: offsets, codes: ChunkCodes(out, distinct: items.count), items)
    return Partial(spec: spec, values: values, valid: nulls == 0 ? nil : valid, rows: rows)
  }

  /// Placeholders are null; a text that is not a bool after all is null and counted as invalid.
  private func bools(
    _ spec: ColumnSpec, _ dict: ByteDictionary, _ codes: [UInt32], _ valid: [UInt64], _ kinds: [Int]
  ) -> Partial {
    let value: [Bool?] = (0..<dict.count).map { e in
      guard kinds[e] == 0 else { return nil }
      return dict.withEntry(e) { buf in
        let (ta, tb) = FieldScanner.trim(buf.baseAddress!, 0, buf.count)
        return FieldScanner.bool(buf.baseAddress!, ta, tb)
      }
    }
    var bits = [UInt64](repeating: 0, count: (rows + 63) >> 6)
    var valid = valid.isEmpty ? ChunkBits.allSet(rows) : valid
    var nulls = 0
    var invalid = 0
    var words = SeenBoolWords()
    for r in 0..<rows {
      if ChunkBits.isSet(valid, r) {
        let c = Int(codes[r])
        if let v = value[c] {
          if v { bits[r >> 6] |= 1 << UInt64(r & 63) }
          if (v ? words.trueWord : words.falseWord) == nil {
            dict.withEntry(c) { buf in
              let (ta, tb) = FieldScanner.trim(buf.baseAddress!, 0, buf.count)
              words.note(v, buf.baseAddress!, ta, tb)
            }
          }
          continue
        }
        if kinds[c] == 0 { invalid += 1 }
        valid[r >> 6] &= ~(1 << UInt64(r & 63))
      }
      nulls += 1
    }
    return Partial(
      spec: spec, values: .bools(bits, words), valid: nulls == 0 ? nil : valid, invalid: invalid, rows: rows)
  }
}
