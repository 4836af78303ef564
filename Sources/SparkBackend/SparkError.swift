/// Why a call to Spark Connect failed, in terms a user can act on; the engine layer maps it to
/// `EngineError`.
public struct SparkError: Error, Sendable, Equatable {
  /// What went wrong.
  public enum Kind: Sendable, Equatable {
    /// The connection string is malformed (the parser's message names the bad part).
    case badURL(String)
    /// Nothing answered at the address, or the connection broke: the client's own description.
    case unreachable(address: String, detail: String)
    /// The server refused the token (or wanted one).
    case unauthenticated(String)
    /// The server ran the request and refused it: Spark's error class (e.g. `TABLE_OR_VIEW_NOT_FOUND`),
    /// its SQLSTATE and its message.
    case server(errorClass: String?, sqlState: String?, message: String)
    /// The operation was interrupted or cancelled before it finished.
    case cancelled
    /// The server answered in a way this client does not understand (a protocol mismatch).
    case protocolViolation(String)
  }

  /// What went wrong.
  public var kind: Kind

  /// Creates an error.
  public init(_ kind: Kind) {
    self.kind = kind
  }

  /// Spark's error class, for server errors that carry one.
  public var errorClass: String? {
    if case .server(let errorClass, _, _) = kind { return errorClass }
    return nil
  }

  /// Lowercase text without a final period, for users.
  public var message: String {
    switch kind {
    case .badURL(let what):
      return what
    case .unreachable(let address, let detail) where detail.contains("CERTIFICATE_VERIFY_FAILED"):
      // BoringSSL's text (error numbers, a source path) says less than what to do about it.
      return "the TLS certificate of Spark Connect at \(address) could not be verified: set "
        + "GRPC_DEFAULT_SSL_ROOTS_FILE_PATH to a file of its root certificates (PEM), as for pyspark"
    case .unreachable(let address, let detail):
      return "cannot reach Spark Connect at \(address) (\(detail)); is the server running?"
    case .unauthenticated(let detail):
      return "Spark Connect refused the credentials (\(detail)); check the token in the sc:// URL"
    case .server(_, _, let message):
      return "Spark: \(message)"
    case .cancelled:
      return "the Spark operation was cancelled"
    case .protocolViolation(let what):
      return "unexpected answer from Spark Connect: \(what)"
    }
  }
}

extension SparkError: CustomStringConvertible {
  public var description: String { message }
}
