import Columnar
import SegmentPlan

/// Compiles bound queries into SQL for one dialect: the same text for `sql` to show and for an engine
/// to run. Identifiers are always quoted and the user's strings always bound as parameters; numbers and
/// dates are written by seg itself.
public struct SQLCompiler: Sendable {
  /// The dialect written.
  public let dialect: any SQLDialect
  /// The schema of the table queried (types decide how a column is compared, ordered and grouped).
  public let schema: TableSchema
  /// The table as a FROM item, already quoted (`"public"."customers"`).
  public let from: String
  /// The name of a column holding the table's row order (quoted by the compiler), when it has one;
  /// ties are then broken in row order as in memory. Without one, ties are broken by every column in turn, so results are still deterministic.
  public let rowOrder: String?

  /// Creates a compiler for one table.
  public init(dialect: any SQLDialect, schema: TableSchema, from: String, rowOrder: String? = nil) {
    self.dialect = dialect
    self.schema = schema
    self.from = from
    self.rowOrder = rowOrder
  }

  /// A quoted column reference.
  func column(_ name: String) -> String { dialect.identifier(name) }

  /// `base`, or `base_2`, `base_3`... : a plain lowercase name no column or the table has (ignoring
  /// case), for an alias the compiler adds to a FROM clause without making any column ambiguous.
  func unusedName(_ base: String) -> String {
    let taken = Set(([schema.name] + schema.columns.map(\.name)).map { $0.lowercased() })
    var name = base
    var n = 1
    while taken.contains(name) {
      n += 1
      name = "\(base)_\(n)"
    }
    return name
  }

  /// The type of a column the binder resolved.
  func type(of name: String) throws(EngineError) -> ColumnType {
    guard let column = schema.column(named: name) else {
      throw EngineError(.unsupported("no column '\(name)' in table \(schema.name)"))
    }
    return column.type
  }

  /// `FROM t [WHERE filter]`.
  func fromWhere(_ relation: Relation, extra: SQLText? = nil, join: String? = nil) throws(EngineError)
    -> SQLText
  {
    var text = SQLText(" FROM \(from)")
    if let join { text.append(" " + join) }
    var tests: [SQLText] = []
    if let filter = relation.filter { tests.append(try condition(filter)) }
    if let extra { tests.append(extra) }
    if !tests.isEmpty { text.append(" WHERE " + SQLText.joined(tests, separator: " AND ")) }
    return text
  }

  /// How a column sorts ascending: text by bytes, lists by their printed form, others as they are.
  func sortExpression(_ name: String) throws(EngineError) -> String {
    switch try type(of: name) {
    case .string: return dialect.bytewise(column(name))
    case .list: return dialect.bytewise(dialect.listText(column(name)))
    default: return column(name)
    }
  }

  /// The tie-breakers after the sort keys: the row order column, else every column in turn; with
  /// `descending`, the exact reverse of that order.
  func tieBreakers(descending: Bool = false) throws(EngineError) -> [String] {
    if let rowOrder { return ["\(column(rowOrder)) \(descending ? "DESC" : "ASC")"] }
    var keys: [String] = []
    for c in schema.columns {
      keys.append("\(try sortExpression(c.name)) \(descending ? "DESC NULLS FIRST" : "ASC NULLS LAST")")
    }
    return keys
  }
}
