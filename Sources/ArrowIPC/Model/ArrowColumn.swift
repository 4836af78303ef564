/// Variable-length values (strings or binary) stored as one byte buffer plus row boundaries.
///
/// Row `i` is `bytes[offsets[i]..<offsets[i + 1]]`; `offsets` has one more entry than there are
/// rows and starts at 0. Keeping the bytes contiguous avoids one allocation per string.
public struct ArrowVariableBytes: Sendable, Hashable {
  /// Row boundaries into `bytes`, one more than the row count.
  public var offsets: [Int]
  /// Every row's bytes, concatenated.
  public var bytes: [UInt8]

  /// Creates the storage from row boundaries and the concatenated bytes.
  public init(offsets: [Int], bytes: [UInt8]) {
    self.offsets = offsets
    self.bytes = bytes
  }

  /// Creates the storage from strings; a nil string stores no bytes (its row is null elsewhere).
  public init(strings: [String?]) {
    var offsets = [0]
    offsets.reserveCapacity(strings.count + 1)
    var bytes: [UInt8] = []
    for string in strings {
      if let string { bytes.append(contentsOf: string.utf8) }
      offsets.append(bytes.count)
    }
    self.init(offsets: offsets, bytes: bytes)
  }

  /// The number of rows.
  public var count: Int { offsets.count - 1 }

  /// The bytes of row `i`.
  public func bytes(at i: Int) -> ArraySlice<UInt8> { bytes[offsets[i]..<offsets[i + 1]] }

  /// Row `i` decoded as UTF-8; invalid sequences become U+FFFD rather than failing the whole read.
  public func string(at i: Int) -> String { String(decoding: bytes(at: i), as: UTF8.self) }
}

/// Decimal128 values as their exact unscaled two's-complement integers, split into 64-bit halves.
///
/// Two arrays instead of `Int128` keep the module usable on platforms where `Int128` needs a newer OS.
public struct ArrowDecimal128Values: Sendable, Hashable {
  /// The low 64 bits of each unscaled value.
  public var low: [UInt64]
  /// The high 64 bits (with the sign) of each unscaled value.
  public var high: [Int64]
  /// The number of significant decimal digits the type allows.
  public var precision: Int
  /// The number of digits after the decimal point.
  public var scale: Int

  /// Creates decimal storage from the halves of the unscaled values.
  public init(low: [UInt64], high: [Int64], precision: Int, scale: Int) {
    self.low = low
    self.high = high
    self.precision = precision
    self.scale = scale
  }

  /// The number of rows.
  public var count: Int { low.count }

  /// The unscaled value of row `i` when it fits in `Int64`, otherwise nil.
  public func unscaledInt64(at i: Int) -> Int64? {
    let lowBits = Int64(bitPattern: low[i])
    return high[i] == (lowBits < 0 ? -1 : 0) ? lowBits : nil
  }

  /// Row `i` as the nearest `Double` (exact for up to 15 significant digits).
  public func double(at i: Int) -> Double {
    // Summing the halves as doubles cancels catastrophically for small negatives (-1 is 2^64 - 1 - 2^64).
    let unscaled =
      unscaledInt64(at: i).map(Double.init) ?? Double(high[i]) * 18_446_744_073_709_551_616.0 + Double(low[i])
    var power = 1.0
    for _ in 0..<abs(scale) { power *= 10 }
    return scale >= 0 ? unscaled / power : unscaled * power
  }

  /// Row `i` as exact decimal text, for example `-12.50` for unscaled -1250 at scale 2.
  public func string(at i: Int) -> String {
    let negative = high[i] < 0
    // Magnitude as two unsigned halves; two's-complement negation when negative.
    var hi = UInt64(bitPattern: high[i])
    var lo = low[i]
    if negative {
      hi = ~hi
      lo = ~lo
      let (sum, carry) = lo.addingReportingOverflow(1)
      lo = sum
      if carry { hi &+= 1 }
    }
    var digits: [UInt8] = []
    repeat {
      let (qHi, rHi) = hi.quotientAndRemainder(dividingBy: 10)
      let (qLo, rLo) = (10 as UInt64).dividingFullWidth((rHi, lo))
      hi = qHi
      lo = qLo
      digits.append(UInt8(rLo) + 48)
    } while hi != 0 || lo != 0
    if scale > 0 {
      while digits.count <= scale { digits.append(48) }
      digits.insert(46, at: scale)
    } else if scale < 0 {
      digits.insert(contentsOf: repeatElement(48, count: -scale), at: 0)
    }
    if negative { digits.append(45) }
    return String(decoding: digits.reversed(), as: UTF8.self)
  }
}

/// The typed values of a column, one contiguous array per column.
///
/// Null rows still occupy a slot (holding an unspecified value); `ArrowColumn.validity` says which.
public indirect enum ArrowColumnData: Sendable, Hashable {
  /// The Null type: every row is null and nothing is stored.
  case null
  /// Signed integers.
  case int8([Int8])
  /// Signed integers.
  case int16([Int16])
  /// Signed integers.
  case int32([Int32])
  /// Signed integers.
  case int64([Int64])
  /// Single-precision floats.
  case float32([Float])
  /// Double-precision floats.
  case float64([Double])
  /// Booleans, bit-packed like Arrow's buffer.
  case bool(ArrowBitmap)
  /// Utf8 or LargeUtf8 values.
  case utf8(ArrowVariableBytes)
  /// Binary or LargeBinary values.
  case binary(ArrowVariableBytes)
  /// Days since 1970-01-01.
  case date32([Int32])
  /// Milliseconds since 1970-01-01.
  case date64([Int64])
  /// Counts of `unit` since the Unix epoch; `timezone` is nil for zone-naive timestamps.
  case timestamp([Int64], unit: ArrowTimeUnit, timezone: String?)
  /// Exact decimals with their precision and scale.
  case decimal128(ArrowDecimal128Values)
  /// Row `i` holds the items `values[offsets[i]..<offsets[i + 1]]` of the child column.
  case list(offsets: [Int], values: ArrowColumn)
}

/// One column of a table: its length, which rows are null, and the typed values.
public struct ArrowColumn: Sendable, Hashable {
  /// The number of rows.
  public var length: Int
  /// Which rows hold a value; nil means every row does (and, for `.null` data, that none does).
  public var validity: ArrowBitmap?
  /// The typed values.
  public var data: ArrowColumnData

  /// Creates a column; `validity`, when given, must have `length` bits.
  public init(length: Int, validity: ArrowBitmap?, data: ArrowColumnData) {
    precondition(validity == nil || validity!.count == length, "validity length differs from column length")
    self.length = length
    self.validity = validity
    self.data = data
  }

  /// The number of null rows.
  /// - Complexity: O(`length` / 64).
  public var nullCount: Int {
    if case .null = data { return length }
    return validity.map { length - $0.setCount } ?? 0
  }

  /// Whether row `i` is null.
  public func isNull(_ i: Int) -> Bool {
    if case .null = data { return true }
    return validity.map { !$0[i] } ?? false
  }
}
