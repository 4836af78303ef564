/// A Spark Connect connection string, `sc://host[:port][/;param=value;...]`, read the way Spark's own
/// clients read it so that a URL copied from PySpark or spark-shell means the same thing here.
public struct SparkURL: Sendable, Equatable {
  /// The server's host name or address (brackets removed from an IPv6 address).
  public var host: String
  /// The gRPC port; Spark Connect listens on 15002 unless told otherwise.
  public var port: Int
  /// The bearer token sent with every call, if any.
  public var token: String?
  /// Whether the channel uses TLS: asked for with `use_ssl=true`, and implied by a token because Spark's
  /// clients never send a token in the clear.
  public var useTLS: Bool
  /// The user name the server records for the session (`user_id`), if given.
  public var userID: String?
  /// The client name the server logs (`user_agent`), if given.
  public var userAgent: String?
  /// The session to join (`session_id`, a UUID), if given; otherwise the client starts a new one.
  public var sessionID: String?

  /// The port Spark Connect listens on by default.
  public static let defaultPort = 15002

  /// Creates a URL from its parts.
  public init(
    host: String, port: Int = SparkURL.defaultPort, token: String? = nil, useTLS: Bool = false,
    userID: String? = nil, userAgent: String? = nil, sessionID: String? = nil
  ) {
    self.host = host
    self.port = port
    self.token = token
    self.useTLS = useTLS || token != nil
    self.userID = userID
    self.userAgent = userAgent
    self.sessionID = sessionID
  }

  /// The URL as sessions record it and messages show it: never the token.
  public var displayURL: String {
    var text = "sc://\(host.contains(":") ? "[\(host)]" : host):\(port)"
    var params: [String] = []
    if useTLS && token == nil { params.append("use_ssl=true") }
    if let userID { params.append("user_id=\(userID)") }
    if let userAgent { params.append("user_agent=\(userAgent)") }
    if let sessionID { params.append("session_id=\(sessionID)") }
    if !params.isEmpty { text += "/;" + params.joined(separator: ";") }
    return text
  }

  /// `host:port`, as connection errors name the server.
  public var address: String { "\(host.contains(":") ? "[\(host)]" : host):\(port)" }
}

extension SparkURL {
  /// Why a connection string could not be read; `message` names the bad part.
  public struct Problem: Error, Sendable, Equatable {
    /// Lowercase text without a final period, ending with what a valid string looks like.
    public var message: String
  }

  static func problem(_ what: String) -> Problem {
    Problem(message: "\(what); write sc://HOST[:PORT][/;token=...;use_ssl=true], e.g. sc://localhost:15002")
  }

  /// Parses a connection string.
  /// - Returns: the URL, or a problem that names the part that is wrong.
  public static func parse(_ text: String) -> Result<SparkURL, Problem> {
    guard text.lowercased().hasPrefix("sc://") else {
      return .failure(problem("'\(text)' is not a Spark Connect URL: it must start with sc://"))
    }
    let rest = text.dropFirst("sc://".count)
    // Spark puts parameters after "/;"; a bare trailing "/" is allowed too.
    let authority: Substring
    var parameterText: Substring = ""
    if let slash = rest.firstIndex(of: "/") {
      authority = rest[..<slash]
      let path = rest[rest.index(after: slash)...]
      if !path.isEmpty {
        guard path.hasPrefix(";") else {
          return .failure(problem("the path '/\(path)' is not allowed: parameters follow '/;'"))
        }
        parameterText = path.dropFirst()
      }
    } else {
      authority = rest
    }
    let hostAndPort: (host: Substring, port: Substring?)
    switch splitHostPort(authority) {
    case .success(let parts): hostAndPort = parts
    case .failure(let problem): return .failure(problem)
    }
    guard !hostAndPort.host.isEmpty else { return .failure(problem("the URL names no host")) }
    var url = SparkURL(host: String(hostAndPort.host))
    if let portText = hostAndPort.port {
      guard let port = Int(portText), (1...65_535).contains(port) else {
        return .failure(problem("the port '\(portText)' must be a number from 1 to 65535"))
      }
      url.port = port
    }
    for parameter in parameterText.split(separator: ";", omittingEmptySubsequences: true) {
      guard let equals = parameter.firstIndex(of: "=") else {
        return .failure(problem("the parameter '\(parameter)' has no value: write name=value"))
      }
      let name = parameter[..<equals].lowercased()
      let value = String(parameter[parameter.index(after: equals)...])
      guard !value.isEmpty else {
        return .failure(problem("the parameter '\(name)' has an empty value"))
      }
      switch name {
      case "token":
        url.token = value
        url.useTLS = true
      case "use_ssl":
        switch value.lowercased() {
        case "true": url.useTLS = true
        case "false": url.useTLS = url.token != nil
        default: return .failure(problem("use_ssl must be true or false, not '\(value)'"))
        }
      case "user_id": url.userID = value
      case "user_agent": url.userAgent = value
      case "session_id":
        guard isUUID(value) else {
          return .failure(
            problem("session_id '\(value)' is not a UUID such as 8f9c2a4e-0b1d-4c3e-9a5f-1e2d3c4b5a69"))
        }
        url.sessionID = value.lowercased()
      default:
        return .failure(
          problem("unknown parameter '\(name)': known are token, use_ssl, user_id, user_agent, session_id"))
      }
    }
    return .success(url)
  }

  /// Splits `host[:port]` or `[v6-address][:port]`.
  private static func splitHostPort(_ authority: Substring) -> Result<(Substring, Substring?), Problem> {
    if authority.hasPrefix("[") {
      guard let close = authority.firstIndex(of: "]") else {
        return .failure(problem("the IPv6 address '\(authority)' has no closing ']'"))
      }
      let host = authority[authority.index(after: authority.startIndex)..<close]
      let after = authority[authority.index(after: close)...]
      if after.isEmpty { return .success((host, nil)) }
      guard after.hasPrefix(":") else {
        return .failure(problem("'\(after)' after the IPv6 address must be ':PORT'"))
      }
      return .success((host, after.dropFirst()))
    }
    if authority.contains("@") {
      return .failure(problem("user names go in ';user_id=NAME', not before '@'"))
    }
    guard let colon = authority.lastIndex(of: ":") else { return .success((authority, nil)) }
    return .success((authority[..<colon], authority[authority.index(after: colon)...]))
  }

  /// True for the 8-4-4-4-12 hex form Spark requires of session ids (it rejects anything else with
  /// INVALID_HANDLE.FORMAT).
  static func isUUID(_ text: String) -> Bool {
    let groups = text.split(separator: "-", omittingEmptySubsequences: false)
    return groups.map(\.count) == [8, 4, 4, 4, 12] && groups.allSatisfy { $0.allSatisfy(\.isHexDigit) }
  }
}
