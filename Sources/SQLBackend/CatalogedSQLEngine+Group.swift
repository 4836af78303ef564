import Columnar
import SegmentPlan

extension CatalogedSQLEngine {
  /// The query whose rows are a grouped table, as `storeGroup` writes it: `_seg_row` (the key order,
  /// so the table keeps seg's row order), the key, then the columns. The keys are the source's non-null
  /// keys among the rows the filter keeps; each column joins them to its aggregate as a trait joins a
  /// table to its source (`traitValues`), so a group and a trait of the same aggregate agree.
  /// Everything is written inline, as a statement that makes a table takes no parameters.
  /// - Throws: `EngineError` when the source is unknown or lacks a column.
  public func groupedSelect(_ group: GroupRecipe) throws(EngineError) -> String {
    let source = try stored(group.source)
    let compiler = SQLCompiler(
      dialect: dialect, schema: source.schema, from: source.from, rowOrder: source.rowOrder)
    guard let key = source.schema.column(named: group.key) else {
      throw EngineError(.unsupported("no column '\(group.key)' in table \(source.schema.name)"))
    }
    let keyName = dialect.identifier(key.name)
    var tests = ["\(keyName) IS NOT NULL"]
    if let filter = group.filter { tests.append(try compiler.condition(filter).inlined(dialect)) }
    let keys =
      "(SELECT DISTINCT \(keyName) FROM \(source.from) WHERE \(tests.joined(separator: " AND "))) AS "
      + dialect.identifier("seg_keys")
    var table = SQLTable(
      schema: TableSchema(name: source.schema.name, columns: [ColumnSchema(name: key.name, type: key.type)]),
      from: keys, rowOrder: nil)
    for column in group.columns {
      table = try table.adding(group.trait(column), source: source, dialect: dialect)
    }
    let order = try SQLCompiler(dialect: dialect, schema: table.schema, from: table.from).sortExpression(
      key.name)
    let columns = table.schema.columns.map { dialect.identifier($0.name) }
    return "SELECT row_number() OVER (ORDER BY \(order)) AS \(dialect.identifier(SQLTable.rowOrderColumn)), "
      + columns.joined(separator: ", ") + " FROM \(table.from)"
  }
}
