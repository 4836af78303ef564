/// `group SOURCE by KEY into NEW with NAME = AGG(EXPR), ... [where P]`, bound: a table with one row per
/// non-null key of the source among the rows the filter keeps, in key order (numbers and dates
/// ascending, text in byte order, false before true), holding the key and, per column, an aggregate of
/// the key's rows computed as a trait computes it: nulls skipped, the counts 0 where nothing counts.
public struct GroupRecipe: Sendable, Hashable {
  /// One `NAME = AGG(EXPR)`.
  public struct Column: Sendable, Hashable {
    public var name: String
    public var aggregate: TraitAggregate
    /// What is aggregated over the source's rows; nil for `count(*)`.
    public var argument: ColumnFormula?

    /// Creates a grouped column.
    public init(name: String, aggregate: TraitAggregate, argument: ColumnFormula?) {
      self.name = name
      self.aggregate = aggregate
      self.argument = argument
    }
  }

  /// The source table, by the engine's name for it.
  public var source: String
  /// The source's column whose values become the rows, as the source spells it.
  public var key: String
  /// The new table's other columns, in order.
  public var columns: [Column]
  /// Which source rows count; nil for all.
  public var filter: Condition?

  /// Creates a group recipe.
  public init(source: String, key: String, columns: [Column], filter: Condition?) {
    self.source = source
    self.key = key
    self.columns = columns
    self.filter = filter
  }

  /// A column as a trait of the grouped table, whose key is the source's key: the same aggregate over
  /// the same rows.
  public func trait(_ column: Column) -> TraitRecipe {
    TraitRecipe(
      name: column.name, aggregate: column.aggregate, argument: column.argument, source: source,
      sourceRecipes: [], filter: filter, key: key, sourceKey: key)
  }
}
