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
    var boolWords: BoolWords?
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
        fill(parts, total, 0) { part, out in
          if case .ints(let v, _, _) = part.values { v.copy(into: out) } else { return false }
          return true
        }
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
      storage = .double(
        fill(parts, total, 0.0) { part, out in
          switch part.values {
          case .doubles(let v):
            v.withUnsafeBufferPointer { out.update(from: $0.baseAddress!, count: v.count) }
          case .ints(let v, _, _): v.copy(into: out)
          default: return false
          }
          return true
        })
    case .bool:
      var words = [UInt64](repeating: 0, count: (total + 63) >> 6)
      var base = 0
      var seen = SeenBoolWords()
      for part in parts {
        if case .bools(let v, let partWords) = part.values {
          ChunkBits.append(v, count: part.rows, into: &words, at: base)
          seen.merge(partWords)
        }
        base += part.rows
      }
      storage = .bool(Bitmap(words: words, count: total))
      boolWords = seen.words
    case .date:
      storage = .date(
        fill(parts, total, Int32(0)) { part, out in
          guard case .dates(let v) = part.values else { return false }
          v.withUnsafeBufferPointer { out.update(from: $0.baseAddress!, count: v.count) }
          return true
        })
    case .timestamp:
      storage = .timestamp(
        fill(parts, total, Int64(0)) { part, out in
          switch part.values {
          case .timestamps(let v):
            v.withUnsafeBufferPointer { out.update(from: $0.baseAddress!, count: v.count) }
          case .dates(let v): for i in v.indices { out[i] = Int64(v[i]) * 86_400 }
          default: return false
          }
          return true
        })
    case .string, .allNull:
      var dict = ByteDictionary(capacity: 256)
      let codes = fill(parts, total, UInt32(0)) { part, out in
        guard case .strings(let c, let d) = part.values else { return false }
        c.remap(dict.merge(d), into: out)
        return true
      }
      let (strings, fell) = dict.strings(latin1: latin1)
      fallback = fell
      storage = .string(codes: codes, dictionary: strings)
    case .list:
      var dict = ByteDictionary(capacity: 256)
      var offsets: [UInt32] = [0]
      offsets.reserveCapacity(total + 1)
      var items = 0
      for part in parts {
        let base = UInt32(items)
        if case .lists(let o, let c, _) = part.values {
          offsets.append(contentsOf: o.dropFirst().lazy.map { $0 + base })
          items += c.count
        } else {
          offsets.append(contentsOf: repeatElement(base, count: part.rows))
        }
      }
      let codes = [UInt32](unsafeUninitializedCapacity: items) { buf, count in
        var at = 0
        for part in parts {
          guard case .lists(_, let c, let d) = part.values, c.count > 0 else { continue }
          c.remap(dict.merge(d), into: buf.baseAddress! + at)
          at += c.count
        }
        count = items
      }
      let (strings, fell) = dict.strings(latin1: latin1)
      fallback = fell
      storage = .list(offsets: offsets, codes: codes, dictionary: strings)
    }
    var column = Column(name: name, storage: storage, validity: validity)
    column.boolWords = boolWords
    return Output(column: column, usedFallback: fallback)
  }

  /// One array of `total` values: each part writes its rows (`write` returns false for a part
  /// without values of this type, whose rows get `zero`).
  private static func fill<T>(
    _ parts: [Partial], _ total: Int, _ zero: T, _ write: (Partial, UnsafeMutablePointer<T>) -> Bool
  ) -> [T] {
    [T](unsafeUninitializedCapacity: total) { buf, count in
      var at = 0
      for part in parts where part.rows > 0 {
        let out = buf.baseAddress! + at
        if !write(part, out) { out.initialize(repeating: zero, count: part.rows) }
        at += part.rows
      }
      count = total
    }
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
