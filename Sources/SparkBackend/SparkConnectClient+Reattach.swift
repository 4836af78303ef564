import GRPCCore
import SparkConnectProto
import Synchronization

/// What one execution has received so far; shared with the `@Sendable` stream handlers, and kept across
/// reattachments so a resumed stream continues where the broken one stopped.
private final class ExecutionProgress: Sendable {
  struct State {
    var batches: [[UInt8]] = []
    var rowCounts: [Int64] = []
    /// Chunks of a batch the server split (only when chunking was asked for; kept for safety).
    var pendingChunks: [UInt8] = []
    var lastResponseID: String?
    var responses = 0
    var complete = false
    var serverSessionID: String?
    /// The id of the rows a checkpoint command kept.
    var checkpointID: String?
  }

  let state = Mutex(State())
  /// Told the rows of each batch as it arrives (the progress line of `load sp.t`).
  let onRows: @Sendable (Int) -> Void

  init(onRows: @escaping @Sendable (Int) -> Void) {
    self.onRows = onRows
  }

  func record(_ response: Spark_Connect_ExecutePlanResponse) {
    if case .arrowBatch(let batch) = response.responseType { onRows(Int(batch.rowCount)) }
    state.withLock { s in
      s.responses += 1
      s.lastResponseID = response.responseID
      if !response.serverSideSessionID.isEmpty { s.serverSessionID = response.serverSideSessionID }
      switch response.responseType {
      case .arrowBatch(let batch):
        if batch.hasNumChunksInBatch && batch.numChunksInBatch > 1 {
          s.pendingChunks.append(contentsOf: batch.data)
          guard batch.chunkIndex == batch.numChunksInBatch - 1 else { return }
          s.batches.append(s.pendingChunks)
          s.pendingChunks = []
        } else {
          s.batches.append([UInt8](batch.data))
        }
        s.rowCounts.append(batch.rowCount)
      case .resultComplete:
        s.complete = true
      case .checkpointCommandResult(let result):
        s.checkpointID = result.relation.relationID
      default:
        break
      }
    }
  }
}

private typealias ResponseHandler =
  @Sendable (StreamingClientResponse<Spark_Connect_ExecutePlanResponse>) async throws -> Void

extension SparkConnectClient {
  /// Runs a plan as a reattachable execution and collects its Arrow batches.
  ///
  /// Reattachable, as Spark's own clients run every plan: the server keeps the responses it sent until
  /// they are released, and may end a long stream early (after two minutes, or a gigabyte) without
  /// `ResultComplete`, expecting `ReattachExecute` from the last response id. A stream broken by the
  /// network is resumed the same way, a few times. At the end, whether it succeeded or not, a
  /// `ReleaseExecute(release_all)` tells the server to drop the operation, so nothing is left behind.
  func execute(
    _ plan: Spark_Connect_Plan, operationID: String, onRows: @escaping @Sendable (Int) -> Void = { _ in }
  ) async throws(SparkError) -> SparkResult {
    var request = Spark_Connect_ExecutePlanRequest()
    request.sessionID = sessionID
    request.userContext = userContext
    request.clientType = clientType
    request.operationID = operationID
    request.plan = plan
    var option = Spark_Connect_ExecutePlanRequest.RequestOption()
    option.reattachOptions.reattachable = true
    request.requestOptions = [option]

    let progress = ExecutionProgress(onRows: onRows)
    let consume: ResponseHandler = { response in
      for try await message in response.messages {
        progress.record(message)
      }
    }
    var reattach = false
    var networkRetries = 0
    while !progress.state.withLock({ $0.complete }) {
      do {
        let service = SparkService.Client(wrapping: grpc)
        if reattach {
          var again = Spark_Connect_ReattachExecuteRequest()
          again.sessionID = sessionID
          again.userContext = userContext
          again.clientType = clientType
          again.operationID = operationID
          if let last = progress.state.withLock({ $0.lastResponseID }) { again.lastResponseID = last }
          try await call {
            try await service.reattachExecute(again, options: Self.callOptions, onResponse: consume)
          }
        } else {
          try await call {
            try await service.executePlan(request, options: Self.callOptions, onResponse: consume)
          }
        }
        // A stream that ended without ResultComplete is the server asking for a reattachment.
        reattach = true
      } catch {
        // Resume a stream the network broke, but only once the server has surely seen the operation;
        // a first call that never arrived is a plain connection failure.
        let received = progress.state.withLock { $0.responses }
        if case .unreachable = error.kind, received > 0, networkRetries < 3 {
          networkRetries += 1
          reattach = true
          try? await Task.sleep(for: .milliseconds(200 * networkRetries))
          continue
        }
        await release(operationID: operationID)
        throw error
      }
    }
    await release(operationID: operationID)
    let state = progress.state.withLock { $0 }
    if let serverSession = state.serverSessionID { try noteServerSession(serverSession) }
    return SparkResult(
      operationID: operationID, arrowBatches: state.batches, batchRowCounts: state.rowCounts,
      checkpointID: state.checkpointID)
  }

  /// Tells the server it may forget the operation and its buffered responses. Best effort: the server
  /// also drops abandoned operations after a timeout, and a failure here must not hide the result.
  func release(operationID: String) async {
    var request = Spark_Connect_ReleaseExecuteRequest()
    request.sessionID = sessionID
    request.userContext = userContext
    request.clientType = clientType
    request.operationID = operationID
    request.releaseAll = Spark_Connect_ReleaseExecuteRequest.ReleaseAll()
    var options = Self.callOptions
    options.timeout = .seconds(5)
    _ = try? await SparkService.Client(wrapping: grpc).releaseExecute(request, options: options)
  }
}
