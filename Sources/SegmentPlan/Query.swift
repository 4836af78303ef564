/// The rows a query reads: a table's, or those of them where a condition is true.
public struct Relation: Sendable, Hashable {
  /// The table's name as its engine spells it.
  public var table: String
  /// The condition rows must meet; every row when nil.
  public var filter: Condition?

  /// Creates a relation.
  public init(table: String, filter: Condition? = nil) {
    self.table = table
    self.filter = filter
  }

  /// The same table narrowed further: rows where both the present filter and `condition` hold.
  public func narrowed(by condition: Condition) -> Relation {
    Relation(table: table, filter: filter.map { .and($0, condition) } ?? condition)
  }
}

/// What a query computes over its relation. Each case states the exact shape and order of the frame
/// it returns, so that every engine answers alike and presenters never re-sort.
public enum Operation: Sendable, Hashable {
  /// The number of rows: one Int column `count` with one row.
  case count
  /// Rows per combination of the key columns: the key columns (named as in the table) and an Int
  /// column `count`. Groups come largest first; equal counts in ascending order of the keys, first
  /// key first, text in byte order, false before true, nulls after every value. A list key counts a
  /// row once per item (a null list is one null item); at most one key may be a list.
  case countBy([String])
  /// `countBy` of the relation's rows, answered in one pass over its table with the table's size beside
  /// it: the key columns, `count`, and an Int column `rows` holding the table's row count on every row.
  /// Groups and their order are `countBy`'s, so the frame has no rows when the relation has none. No key
  /// may be a list (a list's items are not rows of the table).
  case countByInTable([String])
  /// How many rows there are and how many meet each of several conditions, in one pass: one row of Int
  /// columns `rows`, then `n.0`, `n.1`... (a count and its share, a segment's clauses, the parts of a
  /// Venn diagram).
  case countWhere([Condition])
  /// Whether any row meets each of several conditions, each answered as soon as one row does (a value
  /// most rows hold costs next to nothing; one no row holds, a scan): one row of Int columns `n.0`,
  /// `n.1`... holding 1 or 0.
  case anyWhere([Condition])
  /// Rows per period of a date or timestamp column: `period` (the period's Int key,
  /// `TrendPeriod.key(days:)`) and `count`, ascending by key, only periods that have rows; null dates
  /// are left out.
  case countByPeriod(String, TrendPeriod)
  /// The latest day in a date or timestamp column (a timestamp's day): one Date column `max` with one
  /// row, null when the column has no value. What *today* is for a `within` on that column when the
  /// session has not pinned it.
  case maxDate(String)
  /// Figures of number, date and timestamp columns, per group of the `by` column when there is one
  /// (never a list). A date is measured as its day number (days since 1970-01-01), a timestamp as its
  /// seconds since 1970-01-01 00:00:00.
  ///
  /// The frame has, when `by` is given, the key column (named as in the table) first; then `rows`, an
  /// Int: the group's rows whether or not they hold values; then for the i-th measured column
  /// (counting from 0) `count.i` (Int, its non-null values), `sum.i`, `mean.i`, `min.i` and `max.i`
  /// (Double, null when the group has no values), `q.i.j`, the j-th of `quantiles` (continuous, as
  /// SQL's `percentile_cont`), and when `variance` is asked `var.i`, the sample variance (as SQL's
  /// `var_samp`: null under two values). One row per group that has rows, largest first, equal sizes
  /// in key order (nulls last); without `by`, exactly one row. With `wholeDays`, a timestamp is measured
  /// as the day number of the day it falls on, as a date is.
  case summarize([String], by: String?, quantiles: [Double], variance: Bool = false, wholeDays: Bool = false)
  /// How often each value of one column occurs, with how many of those rows meet each of several
  /// conditions: the key column (named as in the table; a list's items, as text), `rows` (Int: the
  /// relation's rows holding the value; a list row once per item, a null list as one null item),
  /// `n.0`, `n.1`... (Int: those of them where the i-th condition is true), and `values` (Int, the same
  /// on every row: how many groups there are in all, the null group included, however many `limit`
  /// keeps). Most frequent first, equal counts in ascending key order (text in byte order, false
  /// before true, null last); at most `limit` groups.
  case valueCounts(String, conditions: [Condition], limit: Int)
  /// How many distinct non-null values each column holds, and the least and greatest of them, in one
  /// row: for the i-th column `count.i` (Int, its non-null values), `distinct.i` (Int), `min.i` and
  /// `max.i` (of the column's own type, so
  /// whole numbers stay exact; null when it has no value; text in byte order, false before true). No
  /// column may be a list.
  case valueRange([String])
  /// How many rows repeat an earlier row of the relation in every column (nulls equal to nulls): one
  /// Int column `count` with one row.
  case duplicateRows
  /// The first row, in the table's row order, whose value of the column (not null) is on an earlier
  /// row of the relation too: a frame of that one column (named as in the table), with one row, or
  /// none when every value is unique. How `trait` shows a key that repeats.
  case firstRepeat(String)
  /// Rows themselves: the named columns, at most `limit` rows in the order of the keys, ties in the
  /// table's row order. A null sorts after every value whether the key ascends or descends; text in
  /// byte order; a list as its items joined by `;`. Without keys, the first rows in table order.
  case rows([String], order: [SortColumn], limit: Int)
  /// An equal-width histogram of the non-null values of a number, date or timestamp column; the frame
  /// has `start`, `end` and `count` per bin, in order, and no rows when there are no values.
  ///
  /// For whole numbers (Int, and Date or Timestamp by day) the width is the smallest whole number
  /// that covers `max - min + 1` in at most `count` bins, and `start`/`end` are a bin's first and last
  /// value (Int, or Date). For a Double column there are `count` bins of width `(max - min) / count`
  /// (one bin when all values are equal), each closed below and open above but the last, which is
  /// closed; `start`/`end` are Doubles, the last `end` being the maximum.
  case bins(String, count: Int)
}

/// A sort key of `Operation.rows`.
public struct SortColumn: Sendable, Hashable {
  /// The column to sort by.
  public var column: String
  /// True for largest first.
  public var descending: Bool

  /// Creates a sort key.
  public init(_ column: String, descending: Bool = false) {
    self.column = column
    self.descending = descending
  }
}

extension Operation {
  /// The name of a `summarize` frame's column for a figure of the i-th measured column.
  public static func summaryColumn(_ figure: SummaryFigure, of i: Int) -> String {
    switch figure {
    case .count: "count.\(i)"
    case .sum: "sum.\(i)"
    case .mean: "mean.\(i)"
    case .min: "min.\(i)"
    case .max: "max.\(i)"
    case .quantile(let j): "q.\(i).\(j)"
    case .variance: "var.\(i)"
    }
  }
}

/// A figure `Operation.summarize` computes for each measured column.
public enum SummaryFigure: Sendable, Hashable {
  case count, sum, mean, min, max
  /// The j-th of the requested quantiles.
  case quantile(Int)
  /// The sample variance, when asked.
  case variance
}

/// A bound query: an operation over a relation, ready for any engine.
public struct Query: Sendable, Hashable {
  /// The rows it reads.
  public var relation: Relation
  /// What it computes.
  public var operation: Operation

  /// Creates a query.
  public init(_ operation: Operation, over relation: Relation) {
    self.relation = relation
    self.operation = operation
  }

  /// The names of the columns it reads, its filter's included, in no particular order and maybe more
  /// than once; nil when it reads every column (`duplicateRows`).
  public var columnsRead: [String]? {
    var names = relation.filter?.columnsRead ?? []
    switch operation {
    case .count: break
    case .countBy(let keys), .countByInTable(let keys), .valueRange(let keys): names += keys
    case .countWhere(let conditions), .anyWhere(let conditions):
      names += conditions.flatMap(\.columnsRead)
    case .countByPeriod(let column, _), .maxDate(let column), .firstRepeat(let column),
      .bins(let column, _):
      names.append(column)
    case .summarize(let columns, let by, _, _, _): names += columns + (by.map { [$0] } ?? [])
    case .valueCounts(let column, let conditions, _):
      names += [column] + conditions.flatMap(\.columnsRead)
    case .rows(let columns, let order, _): names += columns + order.map(\.column)
    case .duplicateRows: return nil
    }
    return names
  }
}
