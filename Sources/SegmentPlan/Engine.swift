/// Something that holds tables and answers bound queries over them: the in-memory engine, or a database
/// or cluster reached over the network. SegmentCore talks to every engine through this protocol only.
public protocol Engine: Sendable {
  /// The schemas of the tables it holds, in a stable order.
  var catalog: Catalog { get }

  /// The schema of one table.
  /// - Throws: `EngineError.unknownTable` when it holds no such table.
  func schema(of table: String) throws(EngineError) -> TableSchema

  /// Runs a query and returns its frame, in the shape and order its operation states.
  /// - Parameter interruption: polled during long work; a raised flag stops the query.
  /// - Throws: `EngineError`, e.g. `.interrupted` when stopped.
  func execute(_ query: Query, interruption: Interruption) throws(EngineError) -> Frame
}

/// Why an engine could not answer.
public struct EngineError: Error, Sendable, Equatable {
  /// What went wrong.
  public enum Kind: Sendable, Equatable {
    /// The interruption flag was raised.
    case interrupted
    /// The engine holds no table of that name.
    case unknownTable(String)
    /// A table of that name exists, and the command would not replace it.
    case tableExists(String)
    /// The engine cannot run this kind of query (what, and what to do instead).
    case unsupported(String)
    /// The connection failed or broke: what the client or the server said.
    case connection(String)
    /// The server refused a statement: its message, and the statement's first line.
    case server(String)
    /// The server computed a number or a date past what its type holds (a BIGINT that overflows):
    /// what it said. Memory reports the same mistake as an overflow of the expression.
    case outOfRange(String)
  }

  /// What went wrong.
  public var kind: Kind
  /// The server's own name for the error when it gives one (Spark's error class, such as
  /// `TABLE_OR_VIEW_NOT_FOUND`): what an engine tests, rather than the words of its message.
  public var code: String?

  /// Creates an engine error.
  public init(_ kind: Kind, code: String? = nil) {
    self.kind = kind
    self.code = code
  }

  /// Lowercase text without a final period, for users.
  public var message: String {
    switch kind {
    case .interrupted: return "interrupted; nothing was changed"
    case .unknownTable(let name): return "no table named '\(name)'"
    case .tableExists(let name): return "table \(name) exists on the server: add 'replace' to overwrite it"
    case .unsupported(let what): return what
    case .connection(let what): return what
    case .server(let what): return what
    case .outOfRange(let what): return what
    }
  }
}
