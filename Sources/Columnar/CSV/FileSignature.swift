/// What a file's first bytes say it is when it is not text: archives, images, documents and other
/// binary formats people pick by mistake, and UTF-16 text that came without its byte order mark.
enum FileSignature {
  /// Formats known by their first bytes: what to call them, and what to do instead.
  private static let formats: [(magic: [UInt8], name: String, advice: String)] = [
    ([0x1F, 0x8B], "a gzip-compressed file", "decompress it first (gunzip) and load the file inside"),
    ([0x42, 0x5A, 0x68], "a bzip2-compressed file", "decompress it first (bunzip2) and load the file inside"),
    ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], "an xz-compressed file", "decompress it first (unxz) and load the file inside"),
    ([0x28, 0xB5, 0x2F, 0xFD], "a zstd-compressed file", "decompress it first (unzstd) and load the file inside"),
    ([0x50, 0x41, 0x52, 0x31], "a Parquet file", "export it to CSV first (DuckDB or pandas can)"),
    (Array("SQLite format 3".utf8) + [0], "an SQLite database", "export a table to CSV first (sqlite3 -csv)"),
    ([0x25, 0x50, 0x44, 0x46, 0x2D], "a PDF document", "export its table to CSV first"),
    ([0x89, 0x50, 0x4E, 0x47], "a PNG image", "give the path of a CSV file"),
    ([0xFF, 0xD8, 0xFF], "a JPEG image", "give the path of a CSV file"),
    (Array("GIF8".utf8), "a GIF image", "give the path of a CSV file"),
    ([0x7F, 0x45, 0x4C, 0x46], "a program (ELF)", "give the path of a CSV file"),
  ]

  /// What the bytes are and what to do, when they are plainly not CSV text: a known binary format,
  /// or bytes with many NULs (which text never has, bar UTF-16: see `utf16WithoutMark`); nil for text.
  static func binaryKind(_ bytes: UnsafeRawBufferPointer) -> (name: String, advice: String)? {
    for format in formats where bytes.count >= format.magic.count {
      if format.magic.indices.allSatisfy({ bytes[$0] == format.magic[$0] }) { return (format.name, format.advice) }
    }
    let head = min(bytes.count, 4096)
    var nuls = 0
    for i in 0..<head where bytes[i] == 0 { nuls += 1 }
    // A stray NUL or two in a field is a damaged value; a byte in a hundred is no text at all.
    guard nuls >= 8, nuls * 100 >= head else { return nil }
    return ("binary data (it holds NUL bytes)", "give the path of a CSV file; save text as UTF-8 or UTF-16")
  }

  /// The byte order of UTF-16 text without a byte order mark, told by where its NULs fall: ASCII
  /// characters (the delimiters, digits and line ends of any CSV) have a NUL high byte, after the
  /// low byte in UTF-16LE and before it in UTF-16BE. Nil unless most of the first 4 KB look so.
  static func utf16WithoutMark(_ bytes: UnsafeRawBufferPointer) -> TextEncoding? {
    let pairs = min(bytes.count, 4096) / 2
    guard pairs >= 2 else { return nil }
    var evenNul = 0
    var oddNul = 0
    for i in 0..<pairs {
      if bytes[2 * i] == 0 { evenNul += 1 }
      if bytes[2 * i + 1] == 0 { oddNul += 1 }
    }
    if oddNul * 10 >= pairs * 7 && evenNul * 20 <= pairs { return .utf16LittleEndian }
    if evenNul * 10 >= pairs * 7 && oddNul * 20 <= pairs { return .utf16BigEndian }
    return nil
  }
}
