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
  }

  /// Writes `bytes` to `path` through a temporary file `path.tmp-XXXXXX` in the same directory,
  /// flushed with `fsync` and renamed over `path`; a failure leaves no partial file behind.
  /// - Parameters:
  ///   - permissions: the new file's mode; `nil` gives 0666 less the umask, as for any document.
  /// - Throws: `Failure` with the step and `errno` that failed.
  /// - Complexity: O(bytes).
  public static func write(_ bytes: [UInt8], to path: String, permissions: UInt32? = nil) throws(Failure) {
    var template = Array((path + ".tmp-XXXXXX").utf8CString)
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
}
