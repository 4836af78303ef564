/// Joins one column's per-chunk parts into a `Column`, widening parts where the whole column
/// settled on a wider type (Int parts of a Double column, Date parts of a Timestamp column).
enum ColumnAssembler {
  struct Output {
    var column: Column
    var usedFallback: Bool
  }

  static func assemble(name: String, spec: ColumnSpec, parts: [Partial], latin1: Bool) -> Output {
    let total = parts.reduce(0) { $0 + $1.rows }
    let validity = makeValidity(parts, total)
    var fallback = false
    let storage: ColumnStorage
    switch spec.kind {
    case .int:
      var lo: Int64 = 0
      var hi: Int64 = 0
      for part in parts {
        if case .ints(_, let a, let b) = part.values, a <= b {
          lo = min(lo, a)
          hi = max(hi, b)
        }
      }
      func gather<T: FixedWidthInteger>(_: T.Type) -> [T] {
        var out: [T] = []
        out.reserveCapacity(total)
        for part in parts {
          if case .ints(let v, _, _) = part.values {
            out.append(contentsOf: v.lazy.map { T(truncatingIfNeeded: $0) })
          } else {
            out.append(contentsOf: repeatElement(0, count: part.rows))
          }
        }
        return out
      }
      if lo >= Int64(Int8.min) && hi <= Int64(Int8.max) {
        storage = .int(.int8(gather(Int8.self)))
      } else if lo >= Int64(Int16.min) && hi <= Int64(Int16.max) {
        storage = .int(.int16(gather(Int16.self)))
      } else if lo >= Int64(Int32.min) && hi <= Int64(Int32.max) {
        storage = .int(.int32(gather(Int32.self)))
      } else {
        storage = .int(.int64(gather(Int64.self)))
      }
    case .double:
      var out: [Double] = []
      out.reserveCapacity(total)
      for part in parts {
        switch part.values {
        case .doubles(let v): out.append(contentsOf: v)
        case .ints(let v, _, _): out.append(contentsOf: v.lazy.map { Double($0) })
        default: out.append(contentsOf: repeatElement(0, count: part.rows))
        }
      }
      storage = .double(out)
    case .bool:
      var words = [UInt64](repeating: 0, count: (total + 63) >> 6)
      var base = 0
      for part in parts {
        if case .bools(let v) = part.values { ChunkBits.append(v, count: part.rows, into: &words, at: base) }
        base += part.rows
      }
      storage = .bool(Bitmap(words: words, count: total))
    case .date:
      var out: [Int32] = []
      out.reserveCapacity(total)
      for part in parts {
        if case .dates(let v) = part.values {
          out.append(contentsOf: v)
        } else {
          out.append(contentsOf: repeatElement(0, count: part.rows))
        }
      }
      storage = .date(out)
    case .timestamp:
      var out: [Int64] = []
      out.reserveCapacity(total)
      for part in parts {
        switch part.values {
        case .timestamps(let v): out.append(contentsOf: v)
        case .dates(let v): out.append(contentsOf: v.lazy.map { Int64($0) * 86_400 })
        default: out.append(contentsOf: repeatElement(0, count: part.rows))
        }
      }
      storage = .timestamp(out)
    case .string, .allNull:
      var dict = ByteDictionary(capacity: 256)
      var codes: [UInt32] = []
      codes.reserveCapacity(total)
      for part in parts {
        if case .strings(let c, let d) = part.values {
          let remap = dict.merge(d)
          codes.append(contentsOf: c.lazy.map { remap[Int($0)] })
        } else {
          codes.append(contentsOf: repeatElement(0, count: part.rows))
        }
      }
      let (strings, fell) = dict.strings(latin1: latin1)
      fallback = fell
      storage = .string(codes: codes, dictionary: strings)
    case .list:
      var dict = ByteDictionary(capacity: 256)
      var offsets: [UInt32] = [0]
      offsets.reserveCapacity(total + 1)
      var codes: [UInt32] = []
      for part in parts {
        let base = UInt32(codes.count)
        if case .lists(let o, let c, let d) = part.values {
          let remap = dict.merge(d)
          codes.append(contentsOf: c.lazy.map { remap[Int($0)] })
          offsets.append(contentsOf: o.dropFirst().lazy.map { $0 + base })
        } else {
          offsets.append(contentsOf: repeatElement(base, count: part.rows))
        }
      }
      let (strings, fell) = dict.strings(latin1: latin1)
      fallback = fell
      storage = .list(offsets: offsets, codes: codes, dictionary: strings)
    }
    return Output(column: Column(name: name, storage: storage, validity: validity), usedFallback: fallback)
  }

  private static func makeValidity(_ parts: [Partial], _ total: Int) -> Bitmap? {
    guard parts.contains(where: { $0.valid != nil || $0.spec.kind == .allNull }) else { return nil }
    var words = [UInt64](repeating: 0, count: (total + 63) >> 6)
    var base = 0
    for part in parts {
      if let valid = part.valid {
        ChunkBits.append(valid, count: part.rows, into: &words, at: base)
      } else if part.spec.kind != .allNull {
        ChunkBits.setRange(&words, base, base + part.rows)
      }
      base += part.rows
    }
    return Bitmap(words: words, count: total)
  }
}
