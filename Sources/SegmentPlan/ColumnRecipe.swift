import Columnar

/// Columns a command adds to a table, computed from the table's other columns: what `rfm`, `bucket`,
/// `derive`, `trait` and `cluster` ask of whichever engine holds the table. The in-memory engine
/// computes them once; a SQL engine keeps the recipe and reads the table through a query that adds them, so the server's table itself
/// is never altered.
public enum ColumnRecipe: Sendable, Hashable {
  /// `rfm`: the quintile scores `r`, `f` and `m` (Int 1...5, 5 best), `fm` ((f + m) / 2, Double) and
  /// `rfm` (text such as "545"). Each score is SQL's `ntile(5) OVER (ORDER BY x, row order)` over the
  /// rows that hold all three inputs; the others get nulls. F and M order ascending; R orders a date or
  /// timestamp ascending (the latest scores 5) and a number, read as days since the last purchase,
  /// descending (the fewest days score 5).
  case rfm(recency: String, frequency: String, monetary: String)
  /// `bucket`: a text column named `as` holding, per row, `labels[k]` where k is the number of `edges`
  /// at or below the row's value (null where the value is null). An Int column's band starts at the
  /// first whole number at or above its edge.
  case bands(String, edges: [Double], labels: [String], as: String)
  /// `derive`: a column named by the first value, holding the formula's value on each row. The formula
  /// has a type (the binder refuses the typeless null).
  case derived(String, ColumnFormula)
  /// `trait`: a column aggregated from the matching rows of another table (see `TraitRecipe`).
  case trait(TraitRecipe)
  /// `cluster`: the number of each row's nearest k-means centre (see `ClusterRecipe`).
  case cluster(ClusterRecipe)

  /// The names of the r, f, m, fm and rfm columns, in the order `rfm` adds them.
  public static let rfmColumns = ["r", "f", "m", "fm", "rfm"]

  /// The columns it adds, in order, with their types.
  public var outputs: [ColumnSchema] {
    switch self {
    case .rfm:
      return [
        ColumnSchema(name: "r", type: .int), ColumnSchema(name: "f", type: .int),
        ColumnSchema(name: "m", type: .int), ColumnSchema(name: "fm", type: .double),
        ColumnSchema(name: "rfm", type: .string),
      ]
    case .bands(_, _, _, let name):
      return [ColumnSchema(name: name, type: .string)]
    case .derived(let name, let formula):
      return formula.type.map { [ColumnSchema(name: name, type: $0)] } ?? []
    case .trait(let trait):
      return [ColumnSchema(name: trait.name, type: trait.type)]
    case .cluster:
      return [ColumnSchema(name: ClusterRecipe.columnName, type: .int)]
    }
  }

  /// The columns it reads.
  public var inputs: [String] {
    switch self {
    case .rfm(let r, let f, let m): return [r, f, m]
    case .bands(let column, _, _, _): return [column]
    case .derived(_, let formula): return formula.columnsRead
    // The argument and the filter read the source's columns, not this table's.
    case .trait(let trait): return [trait.key]
    case .cluster(let cluster): return cluster.columns
    }
  }

  /// `list` with `recipe` added last. When the last recipe of `list` makes the same columns, in the
  /// same order, and `recipe` does not read them, it is dropped: its columns would be replaced in place
  /// all the same, so running `rfm` again keeps one set of scores to compute, not two.
  public static func appending(_ recipe: ColumnRecipe, to list: [ColumnRecipe]) -> [ColumnRecipe] {
    func names(_ columns: [String]) -> [String] { columns.map { $0.lowercased() } }
    let made = names(recipe.outputs.map(\.name))
    guard let last = list.last, names(last.outputs.map(\.name)) == made,
      !names(recipe.inputs).contains(where: made.contains)
    else { return list + [recipe] }
    return list.dropLast() + [recipe]
  }
}
