#if canImport(Glibc)
  import Glibc
#else
  import Foundation
#endif

/// A file's bytes for the duration of a load: mapped when it is a regular file, read otherwise.
///
/// Mapping skips copying the file into fresh memory (the kernel would also have to clear those
/// pages first); the pages come straight from the page cache. `package`: the workbook reader
/// (Spreadsheet) opens files the same way, with the same errors. A file truncated by another
/// process while it is mapped would fault, a risk other loaders (polars) accept as well.
package final class FileBytes {
  private var mapped: UnsafeMutableRawPointer?
  private var mappedCount = 0
  private var data: [UInt8] = []

  /// Opens `path`, turning each failure into the matching `LoadError`.
  ///
  /// Devices and sockets are refused: `/dev/zero` never ends. A named pipe is opened without waiting
  /// for a writer (with none, it reads as empty instead of blocking in `open`), then read to its end,
  /// up to the same 2 GiB as a file.
  package init(_ path: String) throws(LoadError) {
    var kind = stat()
    if stat(path, &kind) == 0 {
      switch kind.st_mode & S_IFMT {
      case S_IFCHR, S_IFBLK, S_IFSOCK:
        throw LoadError(
          kind: .notAFile, file: path,
          message: "'\(path)' is a device or a socket, not a file; give the path of a CSV file")
      default: break
      }
    }
    let isPipe = kind.st_mode & S_IFMT == S_IFIFO
    let fd = open(path, O_RDONLY | (isPipe ? O_NONBLOCK : 0))
    if fd >= 0 && isPipe {
      // Reads block again once open: a writer that is slow to start still gets read.
      _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
    }
    if fd < 0 {
      let code = errno
      if code == ENOENT || code == ENOTDIR {
        throw LoadError(
          kind: .fileNotFound, file: path,
          message: "no file named '\(path)'; check the path and the current directory")
      }
      throw Self.unreadable(path, code)
    }
    defer { close(fd) }
    var st = stat()
    guard fstat(fd, &st) == 0 else { throw Self.unreadable(path, errno) }
    if st.st_mode & S_IFMT == S_IFDIR {
      throw LoadError(
        kind: .isDirectory, file: path,
        message: "'\(path)' is a directory; give the path of a CSV file inside it")
    }
    let size = Int(st.st_size)
    guard size < Int(Int32.max) else { throw .tooLarge(file: path, bytes: size) }
    if st.st_mode & S_IFMT == S_IFREG && size > 0 {
      // Pages are mapped by `populate`, range by range, on the cores that parse them.
      let m = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0)
      if let m, m != MAP_FAILED {
        mapped = m
        mappedCount = size
        return
      }
    }
    data = try Self.readAll(fd, size: size, path: path)
    if isPipe && data.isEmpty {
      throw LoadError(
        kind: .emptyFile, file: path,
        message: "'\(path)' is a named pipe and nothing was written to it; start its writer first")
    }
  }

  deinit {
    if let mapped { munmap(mapped, mappedCount) }
  }

  /// Whether the bytes are the file's pages mapped read-only (see `populate` and `release`).
  var isMapped: Bool { mapped != nil }

  /// Calls `body` with the bytes, valid only during the call.
  package func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R {
    if let mapped { return body(UnsafeRawBufferPointer(start: mapped, count: mappedCount)) }
    return data.withUnsafeBytes(body)
  }

  /// Maps the pages of `range` of a mapped file's bytes `p` in one call, instead of one fault per
  /// 64 KiB later; parallel workers each populate the range they are about to parse. On kernels
  /// without `MADV_POPULATE_READ` (before Linux 5.14) pages fault in on first touch as usual.
  static func populate(_ p: UnsafeRawPointer, _ range: Range<Int>) {
    let base = Int(bitPattern: p)
    advise(from: (base + range.lowerBound) & ~(pageSize - 1), to: base + range.upperBound, populateRead)
  }

  /// Unmaps the whole pages of `range` of a mapped file's bytes `p` once they are parsed, so that
  /// the file does not count towards the load's memory on top of the table. The bytes stay
  /// readable: a later read (an error message's line number, a chunk parsed again) maps them
  /// from the page cache again. Only for mapped files: it would clear memory that holds a copy.
  static func release(_ p: UnsafeRawPointer, _ range: Range<Int>) {
    let base = Int(bitPattern: p)
    let from = (base + range.lowerBound + pageSize - 1) & ~(pageSize - 1)
    advise(from: from, to: (base + range.upperBound) & ~(pageSize - 1), MADV_DONTNEED)
  }

  /// `madvise` over the addresses `from..<to`; `from` is on a page boundary.
  private static func advise(from: Int, to: Int, _ advice: Int32) {
    guard to > from, let start = UnsafeMutableRawPointer(bitPattern: from) else { return }
    _ = madvise(start, to - from, advice)
  }

  /// The kernel's page size, which `madvise` ranges must start on (4 KiB on x86-64, 16 or 64 KiB on
  /// some ARM kernels).
  private static let pageSize = max(4096, sysconf(Int32(_SC_PAGESIZE)))

  /// `MADV_POPULATE_READ`, which Glibc's module does not export.
  private static let populateRead: Int32 = 22

  /// Reads to the end of the file: `size` bytes first, then whatever a file that grew while it was
  /// read (or a pipe reporting size 0) still holds.
  private static func readAll(_ fd: Int32, size: Int, path: String) throws(LoadError) -> [UInt8] {
    var failure: Int32 = 0
    var data = [UInt8](unsafeUninitializedCapacity: size) { buf, initialized in
      var got = 0
      while got < size {
        let r = read(fd, buf.baseAddress! + got, size - got)
        if r < 0 && errno == EINTR { continue }
        if r < 0 { failure = errno }
        if r <= 0 { break }
        got += r
      }
      initialized = got
    }
    if failure != 0 { throw unreadable(path, failure) }
    var extra = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let r = extra.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
      if r <= 0 { break }
      data.append(contentsOf: extra[0..<r])
      // A pipe that never ends (`yes | ...`) stops at the limit a file has.
      if data.count >= Int(Int32.max) { throw .tooLarge(file: path, bytes: data.count) }
    }
    return data
  }

  private static func unreadable(_ path: String, _ code: Int32) -> LoadError {
    let reason = String(cString: strerror(code)).lowercased()
    return LoadError(kind: .unreadable, file: path, message: "cannot read '\(path)': \(reason)")
  }
}
