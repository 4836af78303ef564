import Columnar
import SegmentPlan
import Synchronization

/// Selections (the rows where a condition is true) and latest dates already computed, per table
/// version, so that a segment used again costs a lookup instead of a scan (DESIGN §6).
///
/// Shared by every copy of a `MemoryEngine`; versions are never reused, so an entry always describes the
/// table it was computed from. Bounded: the oldest entries go first.
final class SelectionCache: Sendable {
  private struct Key: Hashable {
    var version: UInt64
    var condition: Condition
  }

  private struct State {
    var selections: [Key: Bitmap] = [:]
    var order: [Key] = []
    var maxDates: [UInt64: [String: Int32?]] = [:]
    /// The filters of the running command's queries: a command that asks several queries of one
    /// relation (a count and its groups, rows and their total) filters once. Emptied when the next
    /// command begins, so a command run again costs what it did the first time.
    var commandFilters: [Key: Bitmap] = [:]
    /// The values of a column of a table version counted over every row, for a profile or a persona
    /// draft, which set each segment's counts beside them: only a few thousand groups at most.
    var wholeCounts: [CountsKey: Frame] = [:]
    var countsOrder: [CountsKey] = []
  }

  private struct CountsKey: Hashable {
    var version: UInt64
    var column: String
  }

  /// The most groups a kept count of a whole column may have.
  private static let countsKept = 4096

  /// About 32 MB of bitmaps for a million-row table.
  private static let capacity = 256
  private let state = Mutex(State())

  /// The cached rows where `condition` is true on table version `version`, or nil.
  func selection(_ condition: Condition, version: UInt64) -> Bitmap? {
    state.withLock { $0.selections[Key(version: version, condition: condition)] }
  }

  /// Remembers the rows where `condition` is true on table version `version`.
  func store(_ rows: Bitmap, for condition: Condition, version: UInt64) {
    let key = Key(version: version, condition: condition)
    state.withLock { state in
      guard state.selections.updateValue(rows, forKey: key) == nil else { return }
      state.order.append(key)
      if state.order.count > SelectionCache.capacity {
        state.selections[state.order.removeFirst()] = nil
      }
    }
  }

  /// The rows of a filter already computed by the running command, or nil.
  func commandFilter(_ condition: Condition, version: UInt64) -> Bitmap? {
    state.withLock { $0.commandFilters[Key(version: version, condition: condition)] }
  }

  /// Remembers a filter's rows until the next command begins.
  func storeCommandFilter(_ rows: Bitmap, for condition: Condition, version: UInt64) {
    state.withLock { $0.commandFilters[Key(version: version, condition: condition)] = rows }
  }

  /// Forgets the previous command's filters.
  func beginCommand() {
    state.withLock { $0.commandFilters = [:] }
  }

  /// A column's values counted over every row of table version `version` (a `countBy` frame), computed
  /// once when it has at most `countsKept` groups.
  func wholeTableCounts(
    version: UInt64, column: String, compute: () throws(EngineError) -> Frame
  ) throws(EngineError) -> Frame {
    let key = CountsKey(version: version, column: column)
    if let known = state.withLock({ $0.wholeCounts[key] }) { return known }
    let counts = try compute()
    guard counts.rowCount <= SelectionCache.countsKept else { return counts }
    state.withLock { state in
      guard state.wholeCounts.updateValue(counts, forKey: key) == nil else { return }
      state.countsOrder.append(key)
      if state.countsOrder.count > SelectionCache.capacity {
        state.wholeCounts[state.countsOrder.removeFirst()] = nil
      }
    }
    return counts
  }

  /// The latest date of a column of table version `version`, computed once.
  func maxDate(version: UInt64, column: String, compute: () -> Int32?) -> Int32? {
    if let known = state.withLock({ $0.maxDates[version]?[column] }) { return known }
    let latest = compute()
    state.withLock { $0.maxDates[version, default: [:]][column] = latest }
    return latest
  }
}
