import GRPCCore
import GRPCProtobuf

extension SparkError {
  /// Turns what a gRPC call threw into a `SparkError`.
  ///
  /// Spark reports a failed query as a gRPC status (mostly INTERNAL or INVALID_ARGUMENT) whose details
  /// hold a `google.rpc.ErrorInfo` with metadata `errorClass`, `sqlState` and `messageParameters`; the
  /// status message is Spark's text, `[ERROR_CLASS] sentence... SQLSTATE: xxxxx;` followed by the
  /// analyzed plan, of which only the first line is worth showing.
  /// - Parameter address: `host:port`, named by connection errors.
  static func from(_ error: any Error, address: String) -> SparkError {
    guard let rpc = error as? RPCError else {
      if let runtime = error as? RuntimeError {
        return SparkError(.unreachable(address: address, detail: runtime.message))
      }
      return SparkError(.unreachable(address: address, detail: "\(error)"))
    }
    switch rpc.code {
    case .unavailable:
      return SparkError(.unreachable(address: address, detail: shortCause(rpc)))
    case .deadlineExceeded:
      return SparkError(.unreachable(address: address, detail: "no answer in time"))
    case .unauthenticated, .permissionDenied:
      return SparkError(.unauthenticated(firstLine(rpc.message)))
    case .cancelled:
      return SparkError(.cancelled)
    default:
      break
    }
    var errorClass: String?
    var sqlState: String?
    var message = rpc.message
    if let status = try? rpc.unpackGoogleRPCStatus() {
      if !status.message.isEmpty { message = status.message }
      if let info = status.details.lazy.compactMap(\.errorInfo).first {
        errorClass = info.metadata["errorClass"]
        sqlState = info.metadata["sqlState"]
      }
    }
    errorClass = errorClass ?? bracketedClass(message)
    // An interrupted operation fails with this class rather than gRPC's CANCELLED.
    if errorClass == "OPERATION_CANCELED" { return SparkError(.cancelled) }
    return SparkError(.server(errorClass: errorClass, sqlState: sqlState, message: firstLine(message)))
  }

  /// The text before the first line break, without a trailing `;`.
  static func firstLine(_ text: String) -> String {
    var line = text.prefix { $0 != "\n" }
    while line.last == ";" || line.last == " " { line = line.dropLast() }
    return String(line)
  }

  /// The `CLASS` of a message starting `[CLASS] ...`, for servers that send no ErrorInfo.
  static func bracketedClass(_ text: String) -> String? {
    guard text.hasPrefix("["), let close = text.firstIndex(of: "]") else { return nil }
    let name = text[text.index(after: text.startIndex)..<close]
    let valid = !name.isEmpty && name.allSatisfy { $0.isUppercase || $0.isNumber || $0 == "_" || $0 == "." }
    return valid ? String(name) : nil
  }

  /// The innermost cause of a transport failure ("connection refused"), which is what a user can act on.
  private static func shortCause(_ rpc: RPCError) -> String {
    var cause: (any Error)? = rpc.cause
    var text = firstLine(rpc.message)
    while let current = cause {
      if let inner = current as? RPCError {
        text = firstLine(inner.message)
        cause = inner.cause
      } else if let inner = current as? RuntimeError {
        text = firstLine(inner.message)
        cause = inner.cause
      } else {
        let described = "\(current)"
        if described.lowercased().contains("refused") { return "connection refused" }
        text = firstLine(described)
        cause = nil
      }
    }
    return text.lowercased().contains("refused") ? "connection refused" : text
  }
}
