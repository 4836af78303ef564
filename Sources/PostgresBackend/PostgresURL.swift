#if canImport(Glibc)
  import Glibc
#endif

/// A `postgresql://user[:password]@host[:port]/database[?sslmode=...&sslrootcert=...]` URL, with the
/// password found as psql finds it: in the URL, else `PGPASSWORD`, else `~/.pgpass` (or the file
/// `PGPASSFILE` names); TLS settings from the URL, else `PGSSLMODE` and `PGSSLROOTCERT`.
struct PostgresURL: Equatable {
  var user: String
  var password: String?
  var host: String
  var port: Int
  var database: String
  var tls = TLSMode.prefer
  /// A file of trusted root certificates (PEM) for `verify-ca` and `verify-full`; the system's when nil.
  var rootCertificate: String?

  /// How a connection uses TLS, as libpq's `sslmode` says it.
  enum TLSMode: String, Equatable, CaseIterable {
    /// Never.
    case disable
    /// When the server offers it, without checking its certificate (libpq's default).
    case prefer
    /// Always, without checking the certificate.
    case require
    /// Always, the certificate signed by a trusted root.
    case verifyCA = "verify-ca"
    /// Always, the certificate signed by a trusted root and naming the host.
    case verifyFull = "verify-full"
  }

  /// The URL without its password: what sessions record and messages show. TLS settings other than
  /// the default stay, so a replayed session connects the same way.
  var display: String {
    var parameters: [String] = []
    if tls != .prefer { parameters.append("sslmode=\(tls.rawValue)") }
    if let rootCertificate { parameters.append("sslrootcert=\(rootCertificate)") }
    let query = parameters.isEmpty ? "" : "?" + parameters.joined(separator: "&")
    return "postgresql://\(user)@\(host):\(port)/\(database)\(query)"
  }

  /// Why a URL could not be read.
  struct Problem: Error, Equatable {
    var message: String
  }

  static func problem(_ what: String) -> Problem {
    Problem(
      message:
        "\(what); write postgresql://USER@HOST:PORT/DATABASE, e.g. postgresql://analyst@localhost:5432/shop")
  }

  /// Parses a URL; percent-escapes in the user, password and database are decoded.
  /// - Returns: the URL, or the reason it is not one.
  static func parse(_ text: String) -> Result<PostgresURL, Problem> {
    let lower = text.lowercased()
    guard let scheme = ["postgresql://", "postgres://"].first(where: { lower.hasPrefix($0) }) else {
      return .failure(problem("not a PostgreSQL URL"))
    }
    var rest = Substring(text.dropFirst(scheme.count))
    var query: Substring = ""
    if let mark = rest.firstIndex(of: "?") {
      query = rest[rest.index(after: mark)...]
      rest = rest[..<mark]
    }
    guard let slash = rest.firstIndex(of: "/") else { return .failure(problem("the URL names no database")) }
    let database = String(rest[rest.index(after: slash)...])
    var authority = rest[..<slash]
    var user = ""
    var password: String?
    if let at = authority.lastIndex(of: "@") {
      let credentials = authority[..<at]
      authority = authority[authority.index(after: at)...]
      if let colon = credentials.firstIndex(of: ":") {
        user = String(credentials[..<colon])
        password = String(credentials[credentials.index(after: colon)...])
      } else {
        user = String(credentials)
      }
    }
    var host = String(authority)
    var port = 5432
    if let colon = authority.lastIndex(of: ":") {
      host = String(authority[..<colon])
      guard let p = Int(authority[authority.index(after: colon)...]), (1...65_535).contains(p) else {
        return .failure(problem("the port must be a number from 1 to 65535"))
      }
      port = p
    }
    guard !host.isEmpty else { return .failure(problem("the URL names no host")) }
    guard !database.isEmpty else { return .failure(problem("the URL names no database")) }
    guard let u = decode(user), let d = decode(database) else {
      return .failure(problem("a % in the URL is not followed by two hex digits"))
    }
    if user.isEmpty { user = environment("PGUSER") ?? environment("USER") ?? "postgres" } else { user = u }
    var url = PostgresURL(user: user, password: nil, host: host, port: port, database: d)
    if let tlsProblem = url.readTLS(query) { return .failure(tlsProblem) }
    if let password {
      guard let p = decode(password) else {
        return .failure(problem("a % in the URL is not followed by two hex digits"))
      }
      url.password = p
    }
    return .success(url)
  }

  /// Reads `sslmode` and `sslrootcert` from the URL's query (else from `PGSSLMODE`, `PGSSLROOTCERT`);
  /// `application_name` and `channel_binding` are accepted and have no effect. Any other parameter is
  /// refused by name rather than ignored, so a setting the user counts on is never silently dropped.
  /// - Returns: the problem, or nil.
  mutating func readTLS(_ query: Substring) -> Problem? {
    var mode = PostgresURL.environment("PGSSLMODE")
    rootCertificate = PostgresURL.environment("PGSSLROOTCERT")
    for pair in query.split(separator: "&") where !pair.isEmpty {
      let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      let key = String(parts[0]).lowercased()
      guard let value = PostgresURL.decode(parts.count > 1 ? String(parts[1]) : "") else {
        return PostgresURL.problem("a % in the URL is not followed by two hex digits")
      }
      switch key {
      case "sslmode": mode = value
      case "sslrootcert": rootCertificate = value.isEmpty ? nil : value
      case "application_name", "channel_binding": continue
      default:
        return Problem(
          message:
            "seg does not know the URL parameter '\(key)': it reads sslmode and sslrootcert "
            + "(e.g. postgresql://analyst@db.example.com/shop?sslmode=verify-full)")
      }
    }
    guard let mode else { return nil }
    guard let known = TLSMode(rawValue: mode.lowercased()) else {
      let modes = TLSMode.allCases.map(\.rawValue).joined(separator: ", ")
      return Problem(message: "sslmode '\(mode)' is not one seg knows: use one of \(modes)")
    }
    tls = known
    return nil
  }

  /// The password: from the URL, `PGPASSWORD`, or the first matching line of the password file.
  func resolvedPassword() -> String? {
    if let password { return password }
    if let fromEnvironment = PostgresURL.environment("PGPASSWORD") { return fromEnvironment }
    let file =
      PostgresURL.environment("PGPASSFILE") ?? PostgresURL.environment("HOME").map { $0 + "/.pgpass" }
    guard let file, let text = PostgresURL.readFile(file) else { return nil }
    for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
      let fields = PostgresURL.passFields(String(line))
      guard fields.count == 5 else { continue }
      let wanted = [host, String(port), database, user]
      if zip(fields.prefix(4), wanted).allSatisfy({ $0 == "*" || $0 == $1 }) { return fields[4] }
    }
    return nil
  }

  /// The fields of a `.pgpass` line: separated by `:`, with `\:` and `\\` escapes.
  static func passFields(_ line: String) -> [String] {
    var fields: [String] = []
    var field = ""
    var escaped = false
    for c in line {
      if escaped {
        field.append(c)
        escaped = false
      } else if c == "\\" {
        escaped = true
      } else if c == ":" {
        fields.append(field)
        field = ""
      } else {
        field.append(c)
      }
    }
    fields.append(field)
    return fields
  }

  static func decode(_ text: String) -> String? {
    var bytes: [UInt8] = []
    var utf8 = Array(text.utf8)[...]
    while let b = utf8.popFirst() {
      if b == UInt8(ascii: "%") {
        guard utf8.count >= 2, let v = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16)
        else {
          return nil
        }
        bytes.append(v)
        utf8 = utf8.dropFirst(2)
      } else {
        bytes.append(b)
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  static func environment(_ name: String) -> String? {
    guard let value = getenv(name) else { return nil }
    let text = String(decoding: UnsafeRawBufferPointer(start: value, count: strlen(value)), as: UTF8.self)
    return text.isEmpty ? nil : text
  }

  static func readFile(_ path: String) -> String? {
    guard let file = fopen(path, "r") else { return nil }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
      let n = fread(&buffer, 1, buffer.count, file)
      if n <= 0 { break }
      bytes.append(contentsOf: buffer[0..<n])
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
