#if canImport(Glibc)
  import Glibc
#else
  import Foundation
#endif

/// Splits CSV bytes into records and fields without copying them (RFC 4180, leniently).
///
/// A field is reported as a packed span: bits 0-31 hold its start offset, bits 32-62 its end
/// (exclusive) and bit 63 says the raw bytes still need unquoting (`unquote`), which happens only
/// for fields with doubled quotes or text after a closing quote. Plain quoted fields are reported
/// as their inner bytes. This is why files are limited to 2 GiB.
struct CSVTokenizer {
  let p: UnsafePointer<UInt8>
  let n: Int
  let delimiter: UInt8

  static let quote: UInt8 = 34
  static let newline: UInt8 = 10
  static let cr: UInt8 = 13
  static let unquoteFlag: UInt64 = 1 << 63

  /// The outcome of scanning one record.
  struct RecordScan {
    /// The offset just past the record's line break (or `n`).
    var end: Int
    /// How many fields the record has (may exceed the number stored).
    var fields: Int
    /// Whether every field past the stored ones is empty.
    var extrasEmpty: Bool
    /// The offset of a quote that is never closed, or -1.
    var openQuote: Int
  }

  @inline(__always) static func start(_ span: UInt64) -> Int { Int(truncatingIfNeeded: span & 0xFFFF_FFFF) }
  @inline(__always) static func end(_ span: UInt64) -> Int {
    Int(truncatingIfNeeded: (span >> 32) & 0x7FFF_FFFF)
  }
  @inline(__always) static func needsUnquote(_ span: UInt64) -> Bool { span & unquoteFlag != 0 }

  /// Skips blank lines (`\n` or `\r\n` alone) from `i`; returns where the next record starts.
  @inline(__always)
  func skipBlankLines(_ i: Int) -> Int {
    var i = i
    while i < n {
      if p[i] == Self.newline {
        i += 1
      } else if p[i] == Self.cr && i + 1 < n && p[i + 1] == Self.newline {
        i += 2
      } else {
        break
      }
    }
    return i
  }

  /// Scans the record starting at `start`, storing up to `maxFields` spans in `out`.
  @inline(__always)
  func scanRecord(from start: Int, maxFields: Int, into out: UnsafeMutablePointer<UInt64>) -> RecordScan {
    var cursor = BlockCursor()
    return scanRecord(from: start, maxFields: maxFields, into: out, stride: 1, cursor: &cursor)
  }

  /// Scans the record starting at `start`, storing up to `maxFields` spans in `out`, field `f` at
  /// `out[f * stride]` (chunks store spans column by column, so conversion reads them in order).
  /// `cursor` carries the delimiter bits of the current 64-byte block from record to record.
  @inline(__always)
  func scanRecord(
    from start: Int, maxFields: Int, into out: UnsafeMutablePointer<UInt64>, stride: Int,
    cursor: inout BlockCursor
  ) -> RecordScan {
    let d = delimiter
    var i = start
    var f = 0
    var o = out
    var extrasEmpty = true
    while true {
      let fs: Int
      var fe: Int
      var flag: UInt64 = 0
      var unquoted = false
      if i < n && p[i] == Self.quote {
        var j = i + 1
        var escaped = false
        while true {
          guard j < n, let q = memchr(p + j, Int32(Self.quote), n - j) else {
            return RecordScan(end: n, fields: f + 1, extrasEmpty: extrasEmpty, openQuote: i)
          }
          let qi = UnsafePointer<UInt8>(q.assumingMemoryBound(to: UInt8.self)) - p
          if qi + 1 < n && p[qi + 1] == Self.quote {
            escaped = true
            j = qi + 2
          } else {
            j = qi + 1
            break
          }
        }
        if j < n && p[j] != d && p[j] != Self.newline
          && !(p[j] == Self.cr && (j + 1 == n || p[j + 1] == Self.newline))
        {
          // Text after the closing quote: keep it, as spreadsheets do, and unquote later.
          var k = j
          while k < n && p[k] != d && p[k] != Self.newline { k += 1 }
          fs = i
          fe = k
          if fe > j && p[fe - 1] == Self.cr && k < n { fe -= 1 }
          flag = Self.unquoteFlag
          i = k
        } else {
          if escaped {
            fs = i
            fe = j
            flag = Self.unquoteFlag
          } else {
            fs = i + 1
            fe = j - 1
          }
          i = j
          if i < n && p[i] == Self.cr { i += 1 }
        }
      } else {
        fs = i
        fe = nextBreak(from: i, &cursor)
        i = fe
        unquoted = true
      }
      let last = i >= n || p[i] != d
      // Only a record's last field can end in the CR of a CRLF line break.
      if last && unquoted && fe > fs && p[fe - 1] == Self.cr { fe -= 1 }
      if f < maxFields {
        o.pointee = UInt64(truncatingIfNeeded: fs) | UInt64(truncatingIfNeeded: fe) << 32 | flag
        o += stride
      } else if fe > fs {
        extrasEmpty = false
      }
      f += 1
      if i < n { i += 1 }
      if last { return RecordScan(end: i, fields: f, extrasEmpty: extrasEmpty, openQuote: -1) }
    }
  }

  /// Removes quoting from raw field bytes: quotes toggle quoted mode and `""` inside quotes is one
  /// quote. Writes to `out` (capacity at least `b - a`) and returns the length.
  static func unquote(_ p: UnsafePointer<UInt8>, _ a: Int, _ b: Int, into out: UnsafeMutablePointer<UInt8>)
    -> Int
  {
    var inQuotes = false
    var n = 0
    var i = a
    while i < b {
      let c = p[i]
      if c == quote {
        if inQuotes && i + 1 < b && p[i + 1] == quote {
          out[n] = quote
          n += 1
          i += 2
          continue
        }
        inQuotes.toggle()
      } else {
        out[n] = c
        n += 1
      }
      i += 1
    }
    return n
  }

  /// The 1-based line number of byte `offset`.
  /// - Complexity: O(`offset`); used only for messages.
  func line(of offset: Int) -> Int {
    var count = 1
    var i = 0
    while i < offset, let q = memchr(p + i, Int32(Self.newline), offset - i) {
      count += 1
      i = UnsafePointer<UInt8>(q.assumingMemoryBound(to: UInt8.self)) - p + 1
    }
    return count
  }
}
