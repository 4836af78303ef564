/// The parts of a zip archive held in memory, found through its central directory (the list at the
/// end of the file, which is authoritative; local headers may leave sizes to a trailing descriptor).
///
/// Only what workbooks use is read: stored and deflated parts, no encryption, no ZIP64 (a workbook
/// over 4 GiB would need it, and the reader's 2 GiB limit comes first).
struct ZipArchive {
  /// One part's entry in the central directory.
  struct Entry {
    var name: String
    var method: UInt16
    var flags: UInt16
    var crc: UInt32
    var compressedCount: Int
    var count: Int
    var localHeaderOffset: Int
  }

  /// Why an archive could not be read, for `WorkbookError` to phrase.
  enum Problem: Error, Equatable {
    /// No end-of-central-directory record: not a zip archive, or cut short.
    case notZip
    /// The directory or a part's header points outside the file or has a wrong signature.
    case corrupt(String)
    /// A part is encrypted (zip-level encryption).
    case encrypted
    /// ZIP64 records, compression methods other than stored and deflate.
    case unsupported(String)
  }

  private let bytes: UnsafeRawBufferPointer
  /// Entries by lowercased name: part names in a package are case-insensitive (ECMA-376 part 2).
  private(set) var entries: [String: Entry] = [:]

  /// Reads the central directory of the archive in `bytes`, which must outlive this value.
  /// - Throws: `Problem` when the bytes are not a zip archive or its directory is damaged.
  /// - Complexity: O(number of parts), plus a backward search of at most 64 KiB for the end record.
  init(_ bytes: UnsafeRawBufferPointer) throws(Problem) {
    self.bytes = bytes
    let end = try Self.endRecord(bytes)
    let entryCount = Int(bytes.u16(end + 10))
    let directorySize = Int(bytes.u32(end + 12))
    let directoryOffset = Int(bytes.u32(end + 16))
    if entryCount == 0xFFFF || directoryOffset == 0xFFFF_FFFF || directorySize == 0xFFFF_FFFF {
      throw .unsupported("it uses ZIP64 records")
    }
    guard directoryOffset + directorySize <= end else {
      throw .corrupt("its central directory lies outside the file")
    }
    var at = directoryOffset
    for _ in 0..<entryCount {
      guard at + 46 <= end, bytes.u32(at) == 0x0201_4B50 else {
        throw .corrupt("its central directory is damaged")
      }
      let nameLength = Int(bytes.u16(at + 28))
      let extraLength = Int(bytes.u16(at + 30))
      let commentLength = Int(bytes.u16(at + 32))
      guard at + 46 + nameLength <= end else { throw .corrupt("its central directory is damaged") }
      let name = String(
        decoding: UnsafeRawBufferPointer(rebasing: bytes[(at + 46)..<(at + 46 + nameLength)]), as: UTF8.self)
      let entry = Entry(
        name: name, method: bytes.u16(at + 10), flags: bytes.u16(at + 8), crc: bytes.u32(at + 16),
        compressedCount: Int(bytes.u32(at + 20)), count: Int(bytes.u32(at + 24)),
        localHeaderOffset: Int(bytes.u32(at + 42)))
      entries[name.lowercased()] = entry
      at += 46 + nameLength + extraLength + commentLength
    }
  }

  /// Whether the archive has a part named `name` (case-insensitive).
  func contains(_ name: String) -> Bool { entries[name.lowercased()] != nil }

  /// The inflated bytes of the part named `name`, or nil when there is none.
  /// - Throws: `Problem` for an encrypted, damaged or unsupported part, or one whose CRC is wrong.
  /// - Complexity: O(the part's size).
  func contents(of name: String) throws(Problem) -> [UInt8]? {
    guard let entry = entries[name.lowercased()] else { return nil }
    if entry.flags & 1 != 0 { throw .encrypted }
    let header = entry.localHeaderOffset
    guard header + 30 <= bytes.count, bytes.u32(header) == 0x0403_4B50 else {
      throw .corrupt("the header of part '\(entry.name)' is damaged")
    }
    let start = header + 30 + Int(bytes.u16(header + 26)) + Int(bytes.u16(header + 28))
    guard start + entry.compressedCount <= bytes.count else {
      throw .corrupt("part '\(entry.name)' runs past the end of the file")
    }
    // The reader's limit for any file, so a damaged size cannot ask for an absurd allocation.
    guard entry.count < Int(Int32.max) else { throw .unsupported("part '\(entry.name)' is over 2 GiB") }
    let data = UnsafeRawBufferPointer(rebasing: bytes[start..<(start + entry.compressedCount)])
    let output: [UInt8]
    switch entry.method {
    case 0:
      guard entry.compressedCount == entry.count else {
        throw .corrupt("part '\(entry.name)' has inconsistent sizes")
      }
      output = Array(data)
    case 8:
      guard let inflated = Deflate.inflate(data, count: entry.count) else {
        throw .corrupt("part '\(entry.name)' does not inflate")
      }
      output = inflated
    default:
      throw .unsupported("part '\(entry.name)' uses compression method \(entry.method)")
    }
    let crc = output.withUnsafeBytes { Deflate.crc32($0) }
    guard crc == entry.crc else { throw .corrupt("part '\(entry.name)' fails its checksum") }
    return output
  }

  /// The offset of the end-of-central-directory record, searched for from the end because a comment
  /// of up to 64 KiB may follow it.
  private static func endRecord(_ bytes: UnsafeRawBufferPointer) throws(Problem) -> Int {
    guard bytes.count >= 22 else { throw .notZip }
    var at = bytes.count - 22
    let lowest = max(0, bytes.count - 22 - 0xFFFF)
    while at >= lowest {
      if bytes.u32(at) == 0x0605_4B50 { return at }
      at -= 1
    }
    throw .notZip
  }
}

extension UnsafeRawBufferPointer {
  /// The little-endian 16-bit number at `offset`.
  @inline(__always) func u16(_ offset: Int) -> UInt16 {
    UInt16(self[offset]) | UInt16(self[offset + 1]) << 8
  }

  /// The little-endian 32-bit number at `offset`.
  @inline(__always) func u32(_ offset: Int) -> UInt32 {
    UInt32(self[offset]) | UInt32(self[offset + 1]) << 8 | UInt32(self[offset + 2]) << 16
      | UInt32(self[offset + 3]) << 24
  }
}
