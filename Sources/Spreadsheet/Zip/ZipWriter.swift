/// Builds a zip archive in memory: each part deflated, then the central directory.
///
/// Every part carries the same timestamp (1980-01-01, the earliest a zip can state), so the same table
/// always gives the same bytes; spreadsheet programs show the file's own modification time instead.
struct ZipWriter {
  private var output: [UInt8] = []
  private var directory: [UInt8] = []
  private var count = 0

  /// Adds the part `name` with `contents`, deflated.
  /// - Complexity: O(contents.count).
  mutating func add(_ name: String, _ contents: [UInt8]) {
    let crc = contents.withUnsafeBytes { Deflate.crc32($0) }
    let packed = Deflate.deflate(contents)
    // Tiny parts can grow when deflated; storing them is what other writers do too.
    let stored = packed.count >= contents.count
    let data = stored ? contents : packed
    let method: UInt16 = stored ? 0 : 8
    let nameBytes = Array(name.utf8)
    let offset = output.count
    precondition(
      offset < Int(UInt32.max) && contents.count < Int(UInt32.max),
      "a workbook over 4 GiB needs ZIP64, which the row limit rules out")

    output.append32(0x0403_4B50)
    output.append16(20)  // version needed: 2.0, deflate
    output.append16(0x0800)  // names are UTF-8
    output.append16(method)
    output.append16(0)  // time 00:00:00
    output.append16(0x0021)  // date 1980-01-01
    output.append32(crc)
    output.append32(UInt32(data.count))
    output.append32(UInt32(contents.count))
    output.append16(UInt16(nameBytes.count))
    output.append16(0)
    output.append(contentsOf: nameBytes)
    output.append(contentsOf: data)

    directory.append32(0x0201_4B50)
    directory.append16(0x0314)  // made by: Unix, 2.0
    directory.append16(20)
    directory.append16(0x0800)
    directory.append16(method)
    directory.append16(0)
    directory.append16(0x0021)
    directory.append32(crc)
    directory.append32(UInt32(data.count))
    directory.append32(UInt32(contents.count))
    directory.append16(UInt16(nameBytes.count))
    directory.append16(0)  // extra
    directory.append16(0)  // comment
    directory.append16(0)  // disk
    directory.append16(0)  // internal attributes
    directory.append32(0o100644 << 16)  // a regular file, rw-r--r--
    directory.append32(UInt32(offset))
    directory.append(contentsOf: nameBytes)
    count += 1
  }

  /// The finished archive.
  func finish() -> [UInt8] {
    var bytes = output
    let directoryOffset = bytes.count
    bytes.append(contentsOf: directory)
    bytes.append32(0x0605_4B50)
    bytes.append16(0)
    bytes.append16(0)
    bytes.append16(UInt16(count))
    bytes.append16(UInt16(count))
    bytes.append32(UInt32(directory.count))
    bytes.append32(UInt32(directoryOffset))
    bytes.append16(0)
    return bytes
  }
}

extension [UInt8] {
  fileprivate mutating func append16(_ v: UInt16) {
    append(UInt8(v & 0xFF))
    append(UInt8(v >> 8))
  }

  fileprivate mutating func append32(_ v: UInt32) {
    for shift in stride(from: 0, to: 32, by: 8) { append(UInt8((v >> UInt32(shift)) & 0xFF)) }
  }
}
