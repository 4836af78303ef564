import Columnar

/// How a trait aggregates the matching rows of the source table.
public enum TraitAggregate: String, Sendable, Hashable, CaseIterable {
  /// `count(*)`: matching rows (0 for none).
  case countRows = "count(*)"
  /// `count(c)`: matching rows where `c` is not null (0 for none).
  case count
  /// `distinct_count(c)` or `count(distinct c)`: distinct non-null values (0 for none).
  case distinctCount = "distinct_count"
  case sum
  /// Also `avg`.
  case mean
  case min
  case max
  /// The first non-null value in the source table's row order.
  case first
  /// The last non-null value in the source table's row order.
  case last
  /// The commonest non-null value; ties go to the smallest value (text in byte order, false before
  /// true). Also `mode`.
  case mostFrequent = "most_frequent"

  /// True for the counts, which are 0 (not null) where nothing matched.
  public var isCount: Bool { self == .countRows || self == .count || self == .distinctCount }

  /// The type of its value over an argument of type `argument` (nil for `count(*)`).
  public func resultType(over argument: ColumnType?) -> ColumnType {
    switch self {
    case .countRows, .count, .distinctCount: return .int
    case .mean: return .double
    case .sum, .min, .max, .first, .last, .mostFrequent: return argument ?? .int
    }
  }
}

/// `trait NAME = AGG(EXPR) from SOURCE [where P] by KEY [= SOURCE_KEY]`, bound: a column of a table
/// holding, per row, an aggregate over the rows of another table of the same engine whose key equals
/// the row's. Rows without matching source rows get null, the counts 0; nulls are skipped, as SQL's
/// aggregates skip them.
public struct TraitRecipe: Sendable, Hashable {
  /// The column it adds (or replaces).
  public var name: String
  public var aggregate: TraitAggregate
  /// What is aggregated, over the source's rows: a column (a list only for `count`) or a formula; nil
  /// for `count(*)`.
  public var argument: ColumnFormula?
  /// The source table, by the engine's name for it.
  public var source: String
  /// The columns the session had added to the source when the trait was made, which the argument and
  /// the filter may read: the trait keeps reading those, as a table in memory keeps the values it was
  /// given, whatever the source gains later.
  public var sourceRecipes: [ColumnRecipe]
  /// Which source rows count; nil for all.
  public var filter: Condition?
  /// The key column of the table, unique among its non-null values, and the source's key column (both
  /// Int or both String).
  public var key: String
  public var sourceKey: String

  /// Creates a trait recipe.
  public init(
    name: String, aggregate: TraitAggregate, argument: ColumnFormula?, source: String,
    sourceRecipes: [ColumnRecipe], filter: Condition?, key: String, sourceKey: String
  ) {
    self.name = name
    self.aggregate = aggregate
    self.argument = argument
    self.source = source
    self.sourceRecipes = sourceRecipes
    self.filter = filter
    self.key = key
    self.sourceKey = sourceKey
  }

  /// The type of the column it adds.
  public var type: ColumnType { aggregate.resultType(over: argument?.type) }
}
