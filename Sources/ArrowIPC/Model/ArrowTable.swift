/// A decoded Arrow table: a schema and one column per field, all of `rowCount` rows.
public struct ArrowTable: Sendable, Hashable {
  /// The fields, one per column.
  public var schema: ArrowSchema
  /// The columns, in the schema's order.
  public var columns: [ArrowColumn]
  /// The number of rows of every column.
  public var rowCount: Int

  /// Creates a table; the writer checks that columns match the schema before encoding.
  public init(schema: ArrowSchema, columns: [ArrowColumn], rowCount: Int) {
    self.schema = schema
    self.columns = columns
    self.rowCount = rowCount
  }

  /// The column named `name`, or nil.
  public func column(named name: String) -> ArrowColumn? {
    schema.fields.firstIndex { $0.name == name }.map { columns[$0] }
  }
}
