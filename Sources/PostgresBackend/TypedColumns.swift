import Columnar
import PostgresNIO
import SegmentPlan
import Synchronization

/// A statement's rows, kept as they arrive. Filled on the connection's event loop only, and read once
/// the statement's future has completed, so the lock is never contended.
final class RowList: Sendable {
  private let list = Mutex<[PostgresRow]>([])

  func append(_ row: PostgresRow) { list.withLock { $0.append(row) } }

  var rows: [PostgresRow] { list.withLock { $0 } }
}

/// A frame's columns decoded from rows as they arrive, each into an array of its own type: no cell is
/// kept as a row or boxed for long. Filled on the connection's event loop, read after the statement.
final class TypedColumns: Sendable {
  private struct Values {
    var ints: [Int64?] = []
    var doubles: [Double?] = []
    var bools: [Bool?] = []
    var days: [Int32?] = []
    var seconds: [Int64?] = []
    var strings: [String?] = []
    var lists: [[String]?] = []
  }

  private let shape: [(String, ColumnType)]
  private let values: Mutex<[Values]>

  init(_ shape: [(String, ColumnType)]) {
    self.shape = shape
    values = Mutex(Array(repeating: Values(), count: shape.count))
  }

  /// Decodes one row's cells, in the shape's order; cells past the shape are ignored.
  func append(_ row: PostgresRow) throws(EngineError) {
    var decoded: [Value] = []
    decoded.reserveCapacity(shape.count)
    var i = 0
    for cell in row where i < shape.count {
      decoded.append(try PostgresEngine.value(cell, as: shape[i].1))
      i += 1
    }
    values.withLock { columns in
      for (i, value) in decoded.enumerated() {
        switch (shape[i].1, value) {
        case (.int, .int(let x)): columns[i].ints.append(x)
        case (.int, _): columns[i].ints.append(nil)
        case (.double, .double(let x)): columns[i].doubles.append(x)
        case (.double, _): columns[i].doubles.append(nil)
        case (.bool, .bool(let x)): columns[i].bools.append(x)
        case (.bool, _): columns[i].bools.append(nil)
        case (.date, .date(let x)): columns[i].days.append(x)
        case (.date, _): columns[i].days.append(nil)
        case (.timestamp, .timestamp(let x)): columns[i].seconds.append(x)
        case (.timestamp, _): columns[i].seconds.append(nil)
        case (.string, .string(let x)): columns[i].strings.append(x)
        case (.string, _): columns[i].strings.append(nil)
        case (.list, .list(let x)): columns[i].lists.append(x)
        case (.list, _): columns[i].lists.append(nil)
        }
      }
    }
  }

  /// The columns, named and typed by the shape.
  func frame() -> Frame {
    values.withLock { columns in
      Frame(
        columns: shape.indices.map { i in
          let (name, type) = shape[i]
          switch type {
          case .int: return Column.int(name, columns[i].ints)
          case .double: return Column.double(name, columns[i].doubles)
          case .bool: return Column.bool(name, columns[i].bools)
          case .date: return Column.date(name, days: columns[i].days)
          case .timestamp: return Column.timestamp(name, seconds: columns[i].seconds)
          case .string: return Column.string(name, columns[i].strings)
          case .list: return Column.list(name, columns[i].lists)
          }
        })
    }
  }
}
