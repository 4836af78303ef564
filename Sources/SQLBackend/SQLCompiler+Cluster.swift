import Columnar
import SegmentPlan

extension SQLTable {
  /// The table with `cluster`'s column added, in three nested queries: the first puts each input on
  /// its scale, the next measures each row's squared distance to each centre, and the last names the
  /// first centre at the least distance. The arithmetic is memory's, operation for operation and in
  /// the same order (see `ClusterRecipe`), so every engine labels a row alike.
  /// - Throws: `EngineError` when an input is not a number column of the table, or a figure of the fit
  ///   is not finite (no SQL literal writes it).
  func adding(_ cluster: ClusterRecipe, dialect: any SQLDialect) throws(EngineError) -> SQLTable {
    let compiler = SQLCompiler(dialect: dialect, schema: schema, from: from, rowOrder: rowOrder)
    func number(_ x: Double) throws(EngineError) -> String {
      guard x.isFinite else {
        throw EngineError(.unsupported("cluster's fit on \(schema.name) holds \(x), which SQL cannot write"))
      }
      return "(\(dialect.numberLiteral(.double(x))))"
    }
    let (ok, z, d) = (
      compiler.unusedName("_seg_ok"), compiler.unusedName("_seg_z"), compiler.unusedName("_seg_d")
    )
    let zNames = cluster.columns.indices.map { dialect.identifier("\(z)\($0)") }
    let dNames = cluster.numbers.indices.map { dialect.identifier("\(d)\($0)") }

    var usable: [String] = []
    var scaled: [String] = []
    for (j, name) in cluster.columns.enumerated() {
      guard let column = schema.column(named: name), column.type.isNumeric else {
        throw EngineError(.unsupported("no number column '\(name)' in table \(schema.name)"))
      }
      var x = dialect.identifier(column.name)
      usable.append("\(x) IS NOT NULL")
      if column.type == .double {
        // NaN has no distance to anything: memory leaves such rows out with the nulls.
        usable.append("NOT \(dialect.isNaN(x))")
      } else {
        x = dialect.cast(x, .double)
      }
      let scale = cluster.scales[j]
      if let fences = scale.fences {
        x = "LEAST(GREATEST(\(x), \(try number(fences.lowerBound))), \(try number(fences.upperBound)))"
      }
      scaled.append("((\(x) - \(try number(scale.centre))) / \(try number(scale.scale)))")
    }
    let dimension = cluster.columns.count
    var distances: [String] = []
    for c in 0..<cluster.k {
      var terms: [String] = []
      for j in 0..<dimension {
        let delta = "(\(zNames[j]) - \(try number(cluster.centres[c * dimension + j])))"
        terms.append("\(delta) * \(delta)")
      }
      distances.append("(\(terms.joined(separator: " + ")))")
    }

    let own = (rowOrder.map { [$0] } ?? []) + schema.columns.map(\.name)
    let kept = own.map(dialect.identifier).joined(separator: ", ")
    let scaledRows =
      "(SELECT \(kept), \(usable.joined(separator: " AND ")) AS \(dialect.identifier(ok)), "
      + zip(scaled, zNames).map { "\($0) AS \($1)" }.joined(separator: ", ")
      + " FROM \(from)) AS \(dialect.identifier("seg_scaled"))"
    let measured =
      "(SELECT \(kept), \(dialect.identifier(ok)), "
      + zip(distances, dNames).map { "\($0) AS \($1)" }.joined(separator: ", ")
      + " FROM \(scaledRows)) AS \(dialect.identifier("seg_distances"))"
    // The first centre whose distance equals the least: a simple CASE tries its WHENs in order.
    let least = dNames.count == 1 ? dNames[0] : "LEAST(\(dNames.joined(separator: ", ")))"
    let nearest =
      "CASE WHEN \(dialect.identifier(ok)) THEN CASE \(least) "
      + zip(dNames, cluster.numbers).map { "WHEN \($0) THEN \($1)" }.joined(separator: " ") + " END END"
    let distancesTable = SQLTable(schema: schema, from: measured, rowOrder: rowOrder)
    return distancesTable.adding(
      [(ColumnSchema(name: ClusterRecipe.columnName, type: .int), dialect.cast(nearest, .int))],
      dialect: dialect)
  }
}
