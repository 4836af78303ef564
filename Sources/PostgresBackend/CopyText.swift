import Columnar
import NIOCore
import SegmentPlan

/// Rows in the text format of PostgreSQL's `COPY ... FROM STDIN`: one line per row, fields separated by
/// tabs, `\N` for null, and backslash escapes for the bytes that would end a field or a line. The row's
/// index goes first, as the table's `_seg_row` column.
struct CopyText {
  /// About how many bytes go into one CopyData message.
  static let messageBytes = 1 << 20

  private let columns: [Column]
  /// Each string column's dictionary, escaped once, so a value repeated on a million rows is escaped
  /// once; for a list column, each item quoted as an array element and escaped.
  private let escaped: [[[UInt8]]?]

  init(_ frame: Frame) {
    columns = frame.columns
    escaped = frame.columns.map { column in
      switch column.storage {
      case .string(_, let dictionary): return dictionary.map { CopyText.escaping(Array($0.utf8)) }
      case .list(_, _, let dictionary):
        return dictionary.map { CopyText.escaping(Array(CopyText.arrayElement($0).utf8)) }
      default: return nil
      }
    }
  }

  /// Appends row `row`'s line.
  mutating func append(row: Int, to buffer: inout ByteBuffer) {
    buffer.writeString(String(row))
    for (j, column) in columns.enumerated() {
      buffer.writeInteger(UInt8(ascii: "\t"))
      if column.isNull(row) {
        buffer.writeStaticString("\\N")
        continue
      }
      switch column.storage {
      case .int(let values): buffer.writeString(String(values[row]))
      case .double(let values): buffer.writeString(Self.double(values[row]))
      case .bool(let bits): buffer.writeInteger(UInt8(ascii: bits[row] ? "t" : "f"))
      case .date(let days): buffer.writeString(CivilDate.format(days: days[row]))
      case .timestamp(let seconds): buffer.writeString(CivilDate.formatTimestamp(seconds[row]))
      case .string(let codes, _): buffer.writeBytes(escaped[j]![Int(codes[row])])
      case .list(let offsets, let codes, _):
        buffer.writeInteger(UInt8(ascii: "{"))
        for i in Int(offsets[row])..<Int(offsets[row + 1]) {
          if i > Int(offsets[row]) { buffer.writeInteger(UInt8(ascii: ",")) }
          buffer.writeBytes(escaped[j]![Int(codes[i])])
        }
        buffer.writeInteger(UInt8(ascii: "}"))
      }
    }
    buffer.writeInteger(UInt8(ascii: "\n"))
  }

  /// A double as PostgreSQL reads it back to the same value.
  static func double(_ x: Double) -> String {
    if x.isNaN { return "NaN" }
    if x.isInfinite { return x < 0 ? "-Infinity" : "Infinity" }
    return DoubleFormat.string(x)
  }

  /// An item of a `text[]` literal: quoted, with `"` and `\` escaped inside the quotes.
  static func arrayElement(_ item: String) -> String {
    "\"" + item.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
      + "\""
  }

  /// A field's bytes with COPY's escapes: backslash, tab, line feed and carriage return.
  static func escaping(_ bytes: [UInt8]) -> [UInt8] {
    guard bytes.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else {
      return bytes
    }
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + 8)
    for b in bytes {
      switch b {
      case 0x5C: out += [0x5C, 0x5C]
      case 0x09: out += [0x5C, UInt8(ascii: "t")]
      case 0x0A: out += [0x5C, UInt8(ascii: "n")]
      case 0x0D: out += [0x5C, UInt8(ascii: "r")]
      default: out.append(b)
      }
    }
    return out
  }
}
