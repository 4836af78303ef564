#if canImport(Glibc)
  import Glibc
#else
  import Foundation
#endif

/// Files from classic Mac OS (and some exports that copied it) end lines with CR alone. The
/// tokenizer splits records at LF, so such a file is read, before anything else, as the LF file
/// it stands for.
enum LineEnds {
  /// Whether `bytes` end their lines with CR alone: they hold a CR and no LF at all. A file with
  /// any LF is left as it is, since its CRs are then CRLF line ends or text.
  /// - Complexity: O(bytes) for a file without LF; a file with one stops at its first line end.
  static func areCarriageReturnsOnly(_ bytes: UnsafeRawBufferPointer) -> Bool {
    guard let base = bytes.baseAddress, !bytes.isEmpty else { return false }
    return memchr(base, Int32(CSVTokenizer.newline), bytes.count) == nil
      && memchr(base, Int32(CSVTokenizer.cr), bytes.count) != nil
  }

  /// Replaces every CR in `bytes` with LF, inside quoted fields too, as a conversion of the
  /// file's line ends would.
  /// - Complexity: O(bytes).
  static func convertCarriageReturns(_ bytes: inout [UInt8]) {
    bytes.withUnsafeMutableBufferPointer { buf in
      for i in buf.indices where buf[i] == CSVTokenizer.cr { buf[i] = CSVTokenizer.newline }
    }
  }
}
