#if canImport(Glibc)
  import Glibc
#else
  import Foundation
#endif

/// Writing a whole file so that readers see the old file or the new one, never half of either: the one
/// implementation behind `CSVWriter.write` and the session's saves and exports.
public enum AtomicFile {
  /// Why a write failed: the step that failed and the system's error number for it.
  public struct Failure: Error, Sendable, Equatable {
    /// The steps of a write, in order.
    public enum Step: Sendable, Equatable {
      /// Creating the temporary file next to the target.
      case create
      /// Writing, flushing or closing the temporary file.
      case write
      /// Renaming the temporary file over the target.
      case rename
    }

    /// The step that failed.
    public var step: Step
    /// The `errno` it failed with.
    public var code: Int32

    /// Creates a failure.
    public init(_ step: Step, code: Int32) {
      self.step = step
      self.code = code
    }

    /// Why writing `path` failed, for people: "there is no folder 'out'", "the disk is full"...
    public func reason(writing path: String) -> String {
      let cut = path.lastIndex(of: "/").map { String(path[..<$0]) }
      let folder = cut.map { $0.isEmpty ? "/" : $0 } ?? "."
      switch code {
      case ENOENT, ENOTDIR:
        if access(folder, F_OK) != 0 { return "there is no folder '\(folder)'" }
      case EACCES, EPERM: return "no permission to write in '\(folder)'"
      case EROFS: return "'\(folder)' is on a read-only file system"
      case ENOSPC, EDQUOT: return "the disk is full (nothing was written)"
      case EISDIR: return "it is a folder"
      default: break
      }
      return String(cString: strerror(code)).lowercased()
    }
  }

  /// Writes `bytes` to `path` through a temporary file `path.tmp-PID-XXXXXX` in the same directory,
  /// flushed with `fsync` and renamed over `path`; a failure leaves no partial file behind, and the
  /// temporary files of earlier writes to `path` that were killed before they finished are removed.
  /// - Parameters:
  ///   - permissions: the new file's mode; `nil` gives 0666 less the umask, as for any document.
  /// - Throws: `Failure` with the step and `errno` that failed.
  /// - Complexity: O(bytes), and O(entries) of the directory.
  public static func write(_ bytes: [UInt8], to path: String, permissions: UInt32? = nil) throws(Failure) {
    removeAbandonedTemporaries(of: path)
    var template = Array((path + ".tmp-\(getpid())-XXXXXX").utf8CString)
    let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard fd >= 0 else { throw Failure(.create, code: errno) }
    let tmp = String(cString: template.map { UInt8(bitPattern: $0) })
    var failure: Failure?
    var written = 0
    while written < bytes.count {
      let n = bytes.withUnsafeBufferPointer { Glibc.write(fd, $0.baseAddress! + written, $0.count - written) }
      if n < 0 {
        if errno == EINTR { continue }
        failure = Failure(.write, code: errno)
        break
      }
      if n == 0 {
        failure = Failure(.write, code: EIO)
        break
      }
      written += n
    }
    // mkstemp makes the file private; what is written here is meant to be read.
    let mode: mode_t
    if let permissions {
      mode = mode_t(permissions)
    } else {
      let mask = umask(0)
      umask(mask)
      mode = 0o666 & ~mask
    }
    fchmod(fd, mode)
    if failure == nil, fsync(fd) != 0 { failure = Failure(.write, code: errno) }
    if close(fd) != 0, failure == nil { failure = Failure(.write, code: errno) }
    if failure == nil, rename(tmp, path) != 0 { failure = Failure(.rename, code: errno) }
    if let failure {
      unlink(tmp)
      throw failure
    }
  }

  /// Removes the temporary files that writes to `path` left behind when they were killed (a save of
  /// a large session leaves tens of megabytes): those named `path.tmp-PID-XXXXXX` whose process is
  /// gone. A temporary file of a process that still runs may be a write in progress and is kept;
  /// so is a file of the older name `path.tmp-XXXXXX`, which cannot be told from a user's own file.
  static func removeAbandonedTemporaries(of path: String) {
    let slash = path.lastIndex(of: "/")
    let directory = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
    let prefix = (slash.map { String(path[path.index(after: $0)...]) } ?? path) + ".tmp-"
    guard let dir = opendir(directory) else { return }
    defer { closedir(dir) }
    let folder = directory.hasSuffix("/") ? directory : directory + "/"
    while let entry = readdir(dir) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      guard name.hasPrefix(prefix) else { continue }
      let parts = name.dropFirst(prefix.count).split(separator: "-", omittingEmptySubsequences: false)
      guard parts.count == 2, parts[1].count == 6, let pid = pid_t(parts[0]), pid > 0, pid != getpid()
      else { continue }
      if kill(pid, 0) != 0 && errno == ESRCH { unlink(folder + name) }
    }
  }
}
