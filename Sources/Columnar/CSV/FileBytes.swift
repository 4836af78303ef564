#if canImport(Glibc)
  import Glibc
#else
  import Foundation
#endif

/// A file's bytes for the duration of a load: mapped when it is a regular file that nobody can
/// shrink meanwhile, read into memory otherwise.
///
/// Mapping skips copying the file into fresh memory (the kernel would also have to clear those
/// pages first); the pages come straight from the page cache. But a mapped file that another
/// process truncates kills the reader with SIGBUS when it touches the lost pages, and no Swift
/// code can recover from that signal. So a file is mapped only under a read lease (`F_SETLEASE`):
/// while it is held, another process that opens the file for writing or truncates it waits until
/// the load is over (the kernel's `lease-break-time`, 45 s by default, at most), and the load sees
/// the file as it was. Without a lease (the file is open for writing somewhere, as a download in
/// progress is, or it belongs to another user, or its file system has no leases) it is read, and a
/// file that shrinks while it is read is a `LoadError` instead of a crash. `package`: the workbook
/// reader (Spreadsheet) opens files the same way, with the same errors.
package final class FileBytes {
  private var mapped: UnsafeMutableRawPointer?
  private var mappedCount = 0
  private var data: [UInt8] = []
  /// The descriptor whose read lease keeps writers out while the file is mapped; -1 when read.
  private var leased: Int32 = -1

  /// Opens `path`, turning each failure into the matching `LoadError`.
  ///
  /// Devices and sockets are refused: `/dev/zero` never ends. A named pipe is opened without waiting
  /// for a writer (with none, it reads as empty instead of blocking in `open`), then read to its end,
  /// up to the same 2 GiB as a file.
  /// `interruption` is polled while a pipe is waited on, so that Ctrl-C stops a writer that stalls.
  package init(_ path: String, interruption: (@Sendable () -> Bool)? = nil) throws(LoadError) {
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
    // Close-on-exec: a child process must not inherit the descriptor and with it the lease.
    let fd = open(path, O_RDONLY | O_CLOEXEC | (isPipe ? O_NONBLOCK : 0))
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
    var keepOpen = false
    defer { if !keepOpen { close(fd) } }
    var st = stat()
    guard fstat(fd, &st) == 0 else { throw Self.unreadable(path, errno) }
    if st.st_mode & S_IFMT == S_IFDIR {
      throw LoadError(
        kind: .isDirectory, file: path,
        message: "'\(path)' is a directory; give the path of a CSV file inside it")
    }
    let size = Int(st.st_size)
    guard size < Int(Int32.max) else { throw .tooLarge(file: path, bytes: size) }
    if st.st_mode & S_IFMT == S_IFREG && size > 0 && Self.keepWritersOut(fd) {
      // Pages are mapped by `populate`, range by range, on the cores that parse them.
      let m = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0)
      if let m, m != MAP_FAILED {
        mapped = m
        mappedCount = size
        leased = fd
        keepOpen = true
        return
      }
    }
    data = try Self.readAll(
      fd, size: size, path: path, isRegular: st.st_mode & S_IFMT == S_IFREG, interruption: interruption)
    if isPipe && data.isEmpty {
      throw LoadError(
        kind: .emptyFile, file: path,
        message: "'\(path)' is a named pipe and nothing was written to it; start its writer first")
    }
  }

  deinit {
    if let mapped { munmap(mapped, mappedCount) }
    // Closing the descriptor ends the lease: a writer waiting for it goes ahead.
    if leased >= 0 { close(leased) }
  }

  /// Takes a read lease on `fd`, so that nobody can open the file for writing or truncate it
  /// until `fd` is closed; false when the kernel refuses one.
  ///
  /// A writer that comes along breaks the lease: the kernel then signals the holder, with SIGIO
  /// unless told otherwise, and SIGIO's default action ends the process. SIGURG is asked for
  /// instead: its default action is to ignore it, and seg has no sockets with urgent data. The
  /// lease is held to the end of the load regardless (a load takes seconds at most); the writer
  /// waits until then.
  private static func keepWritersOut(_ fd: Int32) -> Bool {
    guard fcntl(fd, setSignal, SIGURG) == 0 else { return false }
    return fcntl(fd, setLease, Int32(F_RDLCK)) == 0
  }

  /// `F_SETSIG` and `F_SETLEASE` (Linux's `fcntl.h`), which Glibc's module does not export.
  private static let setSignal: Int32 = 10
  private static let setLease: Int32 = 1024

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
  /// read (or a pipe reporting size 0) still holds. A regular file that ends before `size` bytes
  /// was cut short while it was read: what was read is not the file, so it is an error.
  private static func readAll(
    _ fd: Int32, size: Int, path: String, isRegular: Bool, interruption: (@Sendable () -> Bool)?
  ) throws(LoadError) -> [UInt8] {
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
    if isRegular && data.count < size { throw .changed(file: path, bytes: size, now: data.count) }
    // A read that races a truncation can return the file's full length with the cut pages read as
    // zeros (seen under load: 830 KB of NULs mid-file, which parsed as one long row in place of
    // 18,555). The file's size afterwards tells: if it shrank, what was read is not the file.
    var after = stat()
    if isRegular, fstat(fd, &after) == 0, Int(after.st_size) < size {
      throw .changed(file: path, bytes: size, now: Int(after.st_size))
    }
    var extra = [UInt8](repeating: 0, count: 1 << 16)
    // A pipe's writer may stall: its reads do not block, and when no byte is ready seg waits for one
    // a tenth of a second at a time, so Ctrl-C is seen. A pipe with no writer reads as its end.
    if !isRegular { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
    while true {
      let r = extra.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
      if r < 0 && (errno == EAGAIN || errno == EINTR) {
        var ready = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        _ = poll(&ready, 1, 100)
        if let interruption, interruption() { throw .interrupted(file: path) }
        continue
      }
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
