import Columnar

/// A query's result: named, typed columns of equal length, the same value whichever engine computed it.
///
/// Columns are Columnar's typed buffers, so an in-memory engine hands back what it has and a remote
/// engine decodes its rows into the same form.
public struct Frame: Sendable {
  /// The columns, in the order the operation states.
  public var columns: [Column]

  /// Creates a frame. All columns must have the same length.
  public init(columns: [Column]) {
    precondition(Set(columns.map(\.count)).count <= 1, "frame columns differ in length")
    self.columns = columns
  }

  /// The number of rows.
  public var rowCount: Int { columns.first?.count ?? 0 }

  /// The column called `name` (exact spelling).
  public func column(_ name: String) -> Column? {
    columns.first { $0.name == name }
  }

  /// The value at `row` of the column called `name`; `.null` when there is no such column.
  public func value(_ name: String, at row: Int) -> Value {
    column(name)?.value(at: row) ?? .null
  }

  /// The one integer of a single-row result such as `count`.
  public func integer(_ name: String) -> Int {
    guard rowCount == 1 else { return 0 }
    return integer(name, at: 0)
  }

  /// The number at `row` of a Double column; nil for a null, another type, or no such column.
  public func double(_ name: String, at row: Int) -> Double? {
    guard case .double(let x) = value(name, at: row) else { return nil }
    return x
  }

  /// The integer at `row` of an Int column; 0 for a null, another type, or no such column.
  public func integer(_ name: String, at row: Int) -> Int {
    guard case .int(let n) = value(name, at: row) else { return 0 }
    return Int(n)
  }
}
