import Foundation
import GRPCCore
import SparkConnectProto
import Synchronization

/// What a query sent back: its rows as Arrow IPC streams, still encoded.
public struct SparkResult: Sendable, Equatable {
  /// The id the client gave the operation (what `interrupt(operationID:)` takes).
  public var operationID: String
  /// The Arrow batches in order, each a complete Arrow IPC *stream* (schema message, one record batch,
  /// end-of-stream marker). Spark sends at least one, with zero rows when the result is empty, so the
  /// schema is always known.
  public var arrowBatches: [[UInt8]]
  /// The row count Spark announced for each batch, parallel to `arrowBatches`.
  public var batchRowCounts: [Int64]
  /// The id of the rows a checkpoint kept, for a checkpoint command.
  public var checkpointID: String? = nil

  /// All rows over all batches.
  public var rowCount: Int64 { batchRowCounts.reduce(0, +) }
}

/// How `saveTable` treats an existing table of the same name.
public enum SparkSaveMode: Sendable {
  /// Replace the table.
  case overwrite
  /// Add the rows to it.
  case append
  /// Fail with `TABLE_OR_VIEW_ALREADY_EXISTS`.
  case errorIfExists
}

extension SparkConnectClient {
  /// Runs a query and collects its rows.
  ///
  /// The query's `?` placeholders are bound to `arguments` as string literals by Spark's parser, so no
  /// value is ever spliced into the text (write `CAST(? AS INT)` where a number is wanted).
  /// - Parameters:
  ///   - query: one Spark SQL query.
  ///   - arguments: one value per `?`, in order.
  ///   - operationID: the id to run it under (a lowercase UUID); made up when nil. Choose it beforehand
  ///     to be able to interrupt the query from another task.
  ///   - onRows: told the rows of each Arrow batch as it arrives.
  /// - Throws: `SparkError`; `.server` with Spark's error class when the query is refused.
  public func executeSQL(
    _ query: String, arguments: [String] = [], operationID: String? = nil,
    onRows: @escaping @Sendable (Int) -> Void = { _ in }
  ) async throws(SparkError) -> SparkResult {
    var plan = Spark_Connect_Plan()
    plan.root = Self.sqlRelation(query, arguments: arguments)
    return try await execute(plan, operationID: operationID ?? Self.newOperationID(), onRows: onRows)
  }

  /// Runs a statement that returns no rows (CREATE, DROP, INSERT, SET...), eagerly, as Spark's own
  /// `spark.sql` does for commands.
  /// - Parameters:
  ///   - statement: one Spark SQL statement.
  ///   - arguments: one value per `?`, bound as string literals.
  /// - Returns: the operation id it ran under.
  /// - Throws: `SparkError`.
  @discardableResult
  public func executeCommand(
    _ statement: String, arguments: [String] = [], operationID: String? = nil
  ) async throws(SparkError) -> String {
    var command = Spark_Connect_SqlCommand()
    command.input = Self.sqlRelation(statement, arguments: arguments)
    var plan = Spark_Connect_Plan()
    plan.command.sqlCommand = command
    let id = operationID ?? Self.newOperationID()
    _ = try await execute(plan, operationID: id)
    return id
  }

  /// Computes a query's rows once, keeps them on the executors and names them as a temporary view of
  /// this session: an eager local checkpoint (as `DataFrame.localCheckpoint()`), so the view's plan is
  /// the kept rows alone however long the query's was, and later queries over it neither compute the
  /// query again nor plan it again.
  /// - Returns: the id of the kept rows, which `dropKeptView` frees.
  /// - Throws: `SparkError`; nothing is left on the server when it fails.
  public func keepRows(
    of query: String, asView name: String, operationID: String? = nil
  ) async throws(SparkError) -> String {
    var checkpoint = Spark_Connect_CheckpointCommand()
    checkpoint.relation = Self.sqlRelation(query, arguments: [])
    checkpoint.local = true
    checkpoint.eager = true
    var plan = Spark_Connect_Plan()
    plan.command.checkpointCommand = checkpoint
    let result = try await execute(plan, operationID: operationID ?? Self.newOperationID())
    guard let id = result.checkpointID, !id.isEmpty else {
      throw SparkError(.protocolViolation("the checkpoint command returned no relation id"))
    }
    var view = Spark_Connect_CreateDataFrameViewCommand()
    view.input.cachedRemoteRelation.relationID = id
    view.name = name
    view.isGlobal = false
    view.replace = true
    var create = Spark_Connect_Plan()
    create.command.createDataframeView = view
    do {
      _ = try await execute(create, operationID: Self.newOperationID())
    } catch {
      try? await releaseKeptRows(id)
      throw error
    }
    return id
  }

  /// Drops a view `keepRows` made and frees its rows on the executors.
  /// - Throws: `SparkError`.
  public func dropKeptView(_ name: String, rows id: String) async throws(SparkError) {
    try await executeCommand("DROP VIEW IF EXISTS \(name)")
    try await releaseKeptRows(id)
  }

  private func releaseKeptRows(_ id: String) async throws(SparkError) {
    var remove = Spark_Connect_RemoveCachedRemoteRelationCommand()
    remove.relation.relationID = id
    var plan = Spark_Connect_Plan()
    plan.command.removeCachedRemoteRelationCommand = remove
    _ = try await execute(plan, operationID: Self.newOperationID())
  }

  /// Writes rows held on the client into a managed table (`saveAsTable`).
  /// - Parameters:
  ///   - name: the table, e.g. `customers` or `db.customers` (Spark's identifier syntax; back-quote
  ///     parts with unusual characters).
  ///   - arrowIPC: the rows as one Arrow IPC stream (schema, batches, end marker); sent inline, so keep
  ///     it under Spark's 128 MiB message limit.
  ///   - schemaDDL: the Spark schema, e.g. `id BIGINT, name STRING`: it renames and casts the Arrow
  ///     columns, so the table's types do not depend on how the stream was written.
  ///   - mode: what happens to an existing table.
  /// - Throws: `SparkError`.
  public func saveTable(
    name: String, arrowIPC: [UInt8], schemaDDL: String, mode: SparkSaveMode = .overwrite,
    operationID: String? = nil
  ) async throws(SparkError) {
    var local = Spark_Connect_LocalRelation()
    local.data = Data(arrowIPC)
    local.schema = schemaDDL
    var write = Spark_Connect_WriteOperation()
    write.input.localRelation = local
    write.table.tableName = name
    write.table.saveMethod = .saveAsTable
    switch mode {
    case .overwrite: write.mode = .overwrite
    case .append: write.mode = .append
    case .errorIfExists: write.mode = .errorIfExists
    }
    var plan = Spark_Connect_Plan()
    plan.command.writeOperation = write
    _ = try await execute(plan, operationID: operationID ?? Self.newOperationID())
  }

  /// Asks the server to stop one operation; the call streaming its results then fails with
  /// `.cancelled`.
  /// - Returns: the ids the server interrupted: empty when the operation had not started or had finished.
  @discardableResult
  public func interrupt(operationID: String) async throws(SparkError) -> [String] {
    var request = interruptRequest(.operationID)
    request.operationID = operationID
    return try await interrupt(request)
  }

  /// Asks the server to stop every operation of this session.
  /// - Returns: the ids the server interrupted.
  @discardableResult
  public func interruptAll() async throws(SparkError) -> [String] {
    try await interrupt(interruptRequest(.all))
  }

  /// A fresh operation id: Spark insists on the UUID form.
  public static func newOperationID() -> String {
    UUID().uuidString.lowercased()
  }

  // MARK: Internals

  static func sqlRelation(_ query: String, arguments: [String]) -> Spark_Connect_Relation {
    var sql = Spark_Connect_SQL()
    sql.query = query
    sql.posArguments = arguments.map { value in
      var expression = Spark_Connect_Expression()
      expression.literal.string = value
      return expression
    }
    var relation = Spark_Connect_Relation()
    relation.sql = sql
    return relation
  }

  private func interruptRequest(_ type: Spark_Connect_InterruptRequest.InterruptType)
    -> Spark_Connect_InterruptRequest
  {
    var request = Spark_Connect_InterruptRequest()
    request.sessionID = sessionID
    request.userContext = userContext
    request.clientType = clientType
    request.interruptType = type
    return request
  }

  private func interrupt(_ request: Spark_Connect_InterruptRequest) async throws(SparkError) -> [String] {
    let response = try await call {
      try await SparkService.Client(wrapping: grpc).interrupt(request, options: Self.callOptions)
    }
    return response.interruptedIds
  }
}
