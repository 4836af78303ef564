/// How a result table reads as a picture. Renderers that draw (the HTML report) make the chart from
/// the table's own cells, so a chart never shows a figure the table does not; the text, CSV, JSON and
/// Markdown renderers ignore it. Columns are named by their index in the table.
public enum Chart: Sendable, Equatable {
  /// One horizontal bar per row: the label columns joined, the bar's length from `value` (a count or
  /// a number), with the `note` column's text after the figure (a share).
  case bars(labels: [Int], value: Int, note: Int?)
  /// Index bars centred on 100 (`profile`): above 100 the segment over-indexes. Rows whose `flag`
  /// column is not empty are drawn hatched, as the table's "small" note marks them unreliable.
  case index(labels: [Int], index: Int, flag: Int?)
  /// One line per `series` column over the periods of column `x` (`trend`).
  case lines(x: Int, series: [Int])
  /// The RFM segment map: `cells[r - 1][band]` is the table row of the segment that R score `r` and
  /// FM band `band` (FM 1-1.5, 2-2.5, 3-3.5, 4-5) fall in; cells are shaded by `customers` and labelled
  /// with the segment's name, customers and `revenueShare`.
  case rfmGrid(cells: [[Int]], name: Int, customers: Int, revenueShare: Int)
  /// Cluster centres placed by columns `x` and `y` (the two that tell the clusters apart best),
  /// each a circle whose area is its `size`.
  case clusters(label: Int, size: Int, x: Int, y: Int)
  /// Choosing k: inertia and silhouette per k, the best k marked by a non-empty `best` cell.
  case elbow(k: Int, inertia: Int, silhouette: Int, best: Int)
}
