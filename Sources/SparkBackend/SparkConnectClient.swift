import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import SparkConnectProto
import Synchronization

typealias SparkService = Spark_Connect_SparkConnectService
typealias Transport = HTTP2ClientTransport.Posix

/// One Spark Connect session over one gRPC HTTP/2 channel: the calls seg needs (SQL with positional
/// arguments, statements, saving a local Arrow table, interrupting) and nothing of the DataFrame API.
///
/// The session lives on the server under a client-chosen UUID; every request repeats it with the same
/// user context, which is how Spark Connect ties calls together (there is no login step). Calls may run
/// concurrently: an `interrupt` is sent while an `executeSQL` is still streaming.
public final class SparkConnectClient: Sendable {
  /// The connection string the client was opened with.
  public let url: SparkURL
  /// The client-side session id (a lowercase UUID) sent with every request.
  public let sessionID: String
  let userContext: Spark_Connect_UserContext
  let clientType: String
  let grpc: GRPCClient<Transport>
  private let connections: Task<Void, Never>
  /// The server's own id for the session, from the first response; a change means the server restarted
  /// and lost the session's temporary views and settings.
  let serverSideSessionID = Mutex<String?>(nil)
  private let closed = Atomic<Bool>(false)

  /// The settings `connect` applies to every new session so that answers do not depend on the server's
  /// machine: timestamps in UTC, and ANSI mode so that bad casts and overflows fail instead of quietly
  /// becoming NULL.
  public static let deterministicSettings: [(String, String)] = [
    ("spark.sql.session.timeZone", "UTC"),
    ("spark.sql.ansi.enabled", "true"),
  ]

  /// Every call's limits: Spark sends Arrow batches of up to a few MiB and accepts 128 MiB messages, so
  /// gRPC's 4 MiB default would cut off larger batches and local tables.
  static let callOptions: CallOptions = {
    var options = CallOptions.defaults
    options.maxRequestMessageBytes = 128 << 20
    options.maxResponseMessageBytes = 128 << 20
    // Fail at once when nothing listens, instead of queueing the call until a connection appears.
    options.waitForReady = false
    return options
  }()

  private init(url: SparkURL, grpc: GRPCClient<Transport>) {
    self.url = url
    self.sessionID = url.sessionID ?? UUID().uuidString.lowercased()
    var context = Spark_Connect_UserContext()
    context.userID = url.userID ?? ProcessInfo.processInfo.environment["USER"] ?? "seg"
    context.userName = context.userID
    self.userContext = context
    self.clientType = url.userAgent ?? "seg"
    self.grpc = grpc
    self.connections = Task { try? await grpc.runConnections() }
  }

  /// Opens a channel, starts (or joins) the session and applies `settings`, which also proves the
  /// server answers.
  /// - Parameter settings: configuration pairs set on the session before any query.
  /// - Throws: `SparkError`: `.unreachable` when nothing answers, `.unauthenticated` for a bad token.
  public static func connect(
    _ url: SparkURL, settings: [(String, String)] = deterministicSettings
  ) async throws(SparkError) -> SparkConnectClient {
    let transport: Transport
    do {
      transport = try HTTP2ClientTransport.Posix(
        target: target(url),
        transportSecurity: url.useTLS ? tlsSecurity() : .plaintext,
        config: .defaults { config in
          // A refused connection should surface in about a second, not after gRPC's patient backoff.
          config.backoff.initial = .milliseconds(200)
          config.backoff.max = .seconds(2)
        })
    } catch {
      throw SparkError(.unreachable(address: url.address, detail: "\(error)"))
    }
    let interceptors: [any ClientInterceptor] = url.token.map { [BearerToken(token: $0)] } ?? []
    let client = SparkConnectClient(
      url: url, grpc: GRPCClient(transport: transport, interceptors: interceptors))
    do {
      try await client.config(set: settings)
    } catch {
      await client.close()
      throw error
    }
    return client
  }

  /// Where the channel connects: an IP address as such, since TLS may not name one in its server name
  /// indication (SNI), and any other host by DNS.
  static func target(_ url: SparkURL) -> any ResolvableTarget {
    var v4 = in_addr()
    var v6 = in6_addr()
    if inet_pton(AF_INET, url.host, &v4) == 1 {
      return ResolvableTargets.IPv4.ipv4(address: url.host, port: url.port)
    }
    if inet_pton(AF_INET6, url.host, &v6) == 1 {
      return ResolvableTargets.IPv6.ipv6(address: url.host, port: url.port)
    }
    return ResolvableTargets.DNS.dns(host: url.host, port: url.port)
  }

  /// TLS with the system's roots, or with the roots in the file `GRPC_DEFAULT_SSL_ROOTS_FILE_PATH`
  /// names: the variable gRPC's own clients (pyspark among them) read for a private certificate
  /// authority.
  static func tlsSecurity() -> HTTP2ClientTransport.Posix.TransportSecurity {
    guard let roots = getenv("GRPC_DEFAULT_SSL_ROOTS_FILE_PATH").map({ String(cString: $0) }), !roots.isEmpty
    else { return .tls }
    return .tls { $0.trustRoots = .certificates([.file(path: roots, format: .pem)]) }
  }

  /// Opens a channel from a connection string.
  /// - Throws: `SparkError(.badURL)` naming the bad part, or what `connect(_:settings:)` throws.
  public static func connect(
    _ text: String, settings: [(String, String)] = deterministicSettings
  ) async throws(SparkError) -> SparkConnectClient {
    switch SparkURL.parse(text) {
    case .success(let url): return try await connect(url, settings: settings)
    case .failure(let problem): throw SparkError(.badURL(problem.message))
    }
  }

  /// Sets session configuration, e.g. `spark.sql.session.timeZone`.
  /// - Throws: `SparkError`, e.g. `.server` with `CANNOT_MODIFY_CONFIG` for a static setting.
  public func config(set pairs: [(String, String)]) async throws(SparkError) {
    var request = Spark_Connect_ConfigRequest()
    request.sessionID = sessionID
    request.userContext = userContext
    request.clientType = clientType
    var set = Spark_Connect_ConfigRequest.Set()
    set.pairs = pairs.map { key, value in
      var pair = Spark_Connect_KeyValue()
      pair.key = key
      pair.value = value
      return pair
    }
    request.operation.set = set
    let response = try await call {
      try await SparkService.Client(wrapping: grpc).config(request, options: Self.callOptions)
    }
    try noteServerSession(response.serverSideSessionID)
  }

  /// Releases the session on the server and shuts the channel down, waiting until it is closed.
  /// Calling it again does nothing.
  public func close() async {
    guard !closed.exchange(true, ordering: .relaxed) else { return }
    var request = Spark_Connect_ReleaseSessionRequest()
    request.sessionID = sessionID
    request.userContext = userContext
    request.clientType = clientType
    var options = Self.callOptions
    options.timeout = .seconds(2)
    // Best effort: the server drops idle sessions by itself, and a dead server should not delay closing.
    _ = try? await SparkService.Client(wrapping: grpc).releaseSession(request, options: options)
    grpc.beginGracefulShutdown()
    await connections.value
  }

  deinit {
    if !closed.load(ordering: .relaxed) {
      grpc.beginGracefulShutdown()
    }
  }

  /// Runs one gRPC call, turning every failure into a `SparkError`.
  func call<T: Sendable>(_ body: () async throws -> T) async throws(SparkError) -> T {
    guard !closed.load(ordering: .relaxed) else {
      throw SparkError(.unreachable(address: url.address, detail: "the client was closed"))
    }
    do {
      return try await body()
    } catch let error as SparkError {
      throw error
    } catch {
      throw SparkError.from(error, address: url.address)
    }
  }

  /// Remembers the server's session id, failing when it changed under a running client.
  func noteServerSession(_ id: String) throws(SparkError) {
    guard !id.isEmpty else { return }
    let previous = serverSideSessionID.withLock { known -> String? in
      defer { if known == nil { known = id } }
      return known
    }
    if let previous, previous != id {
      throw SparkError(
        .server(
          errorClass: "INVALID_HANDLE.SESSION_CHANGED", sqlState: nil,
          message: "the Spark Connect server restarted and lost this session's state; connect again"))
    }
  }
}

/// Sends `Authorization: Bearer TOKEN` with every call, as Spark's token authentication expects.
struct BearerToken: ClientInterceptor {
  let token: String

  func intercept<Input: Sendable, Output: Sendable>(
    request: StreamingClientRequest<Input>, context: ClientContext,
    next: (StreamingClientRequest<Input>, ClientContext) async throws -> StreamingClientResponse<Output>
  ) async throws -> StreamingClientResponse<Output> {
    var request = request
    request.metadata.addString("Bearer \(token)", forKey: "authorization")
    return try await next(request, context)
  }
}
