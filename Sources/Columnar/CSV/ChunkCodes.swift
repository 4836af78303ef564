/// Dictionary codes of one chunk in the narrowest width its dictionary allows (most columns of
/// real files have fewer than 256 distinct values), so chunk results stay small until assembly.
enum ChunkCodes {
  case u8([UInt8])
  case u16([UInt16])
  case u32([UInt32])

  /// `codes`, all below `distinct`, narrowed.
  /// - Complexity: O(`codes.count`).
  init(_ codes: [UInt32], distinct: Int) {
    if distinct <= 1 << 8 {
      self = .u8(narrowed(codes))
    } else if distinct <= 1 << 16 {
      self = .u16(narrowed(codes))
    } else {
      self = .u32(codes)
    }
  }

  var count: Int {
    switch self {
    case .u8(let c): c.count
    case .u16(let c): c.count
    case .u32(let c): c.count
    }
  }

  /// Writes `remap[code]` for every code to `out`, which has room for `count` values.
  func remap(_ remap: [UInt32], into out: UnsafeMutablePointer<UInt32>) {
    remap.withUnsafeBufferPointer { m in
      func run<C: FixedWidthInteger>(_ codes: [C]) {
        codes.withUnsafeBufferPointer { c in
          for i in 0..<c.count { out[i] = m[Int(c[i])] }
        }
      }
      switch self {
      case .u8(let c): run(c)
      case .u16(let c): run(c)
      case .u32(let c): run(c)
      }
    }
  }
}

extension IntBuffer {
  /// `values`, whose smallest and largest are `lo` and `hi` (`lo > hi` when there are none),
  /// in the narrowest width that holds them.
  /// - Complexity: O(`values.count`).
  static func narrowing(_ values: [Int64], lo: Int64, hi: Int64) -> IntBuffer {
    if lo > hi || (lo >= Int64(Int8.min) && hi <= Int64(Int8.max)) { return .int8(narrowed(values)) }
    if lo >= Int64(Int16.min) && hi <= Int64(Int16.max) { return .int16(narrowed(values)) }
    if lo >= Int64(Int32.min) && hi <= Int64(Int32.max) { return .int32(narrowed(values)) }
    return .int64(values)
  }

  /// Writes every value, converted to `T` (which holds them all), to `out`.
  func copy<T: FixedWidthInteger>(into out: UnsafeMutablePointer<T>) {
    func run<S: FixedWidthInteger>(_ values: [S]) {
      values.withUnsafeBufferPointer { v in
        for i in 0..<v.count { out[i] = T(truncatingIfNeeded: v[i]) }
      }
    }
    switch self {
    case .int8(let v): run(v)
    case .int16(let v): run(v)
    case .int32(let v): run(v)
    case .int64(let v): run(v)
    }
  }

  /// Writes every value as a `Double` to `out`.
  func copy(into out: UnsafeMutablePointer<Double>) {
    func run<S: FixedWidthInteger>(_ values: [S]) {
      values.withUnsafeBufferPointer { v in
        for i in 0..<v.count { out[i] = Double(v[i]) }
      }
    }
    switch self {
    case .int8(let v): run(v)
    case .int16(let v): run(v)
    case .int32(let v): run(v)
    case .int64(let v): run(v)
    }
  }
}

/// `values` truncated to `T`, in a loop the compiler vectorises (`map` builds the array element by
/// element).
/// - Complexity: O(`values.count`).
@inline(__always)
func narrowed<S: FixedWidthInteger, T: FixedWidthInteger>(_ values: [S]) -> [T] {
  [T](unsafeUninitializedCapacity: values.count) { out, count in
    values.withUnsafeBufferPointer { v in
      for i in 0..<v.count { out[i] = T(truncatingIfNeeded: v[i]) }
    }
    count = values.count
  }
}
