import Columnar

extension Workspace {
  /// `result` followed, under `set explain on`, by one line on what it means in the field's terms,
  /// computed from the result and the workspace only (never the clock), so a replay prints it again.
  func explained(_ result: CommandResult, of command: Command, before: Workspace) -> CommandResult {
    guard let line = explanation(of: command, result: result) else { return result }
    let note = CommandResult.message("in marketing terms: " + line)
    if case .sequence(let parts) = result { return .sequence(parts + [note]) }
    return .sequence([result, note])
  }

  func explanation(of command: Command, result: CommandResult) -> String? {
    let table = firstTable(result)
    switch command {
    case .segment(let definition):
      return segment(named: definition.name.text).map { "this segment " + worth(of: $0) }
    case .rfm, .rfmFrom:
      guard let champions = segment(named: "champions") else { return nil }
      return "champions (bought recently, often and a lot) " + worth(of: champions)
        + "; reward them, and win back at_risk before they are lost"
    case .count(let count):
      guard let table, let countColumn = index(of: "count", in: table), !table.rows.isEmpty else {
        return nil
      }
      if count.groups.isEmpty {
        return "these \(Figures.rows(number(table.rows[0][countColumn]) .map { Int($0) } ?? 0)) are the "
          + "audience a campaign on this condition would reach"
      }
      let largest = table.rows.max { (number($0[countColumn]) ?? 0) < (number($1[countColumn]) ?? 0) }!
      let share = index(of: "share", in: table).flatMap { number(largest[$0]) }
      let label = count.groups.indices.map { describe(largest[$0]) }.joined(separator: ", ")
      let groups = table.rows.count == 1 ? "1 group" : "\(table.rows.count) groups"
      return "the largest of \(groups) is \(label)" + (share.map { " with \(Figures.percent($0))" } ?? "")
        + "; a group this size is a segment worth naming"
    case .stats:
      guard let table, let mean = index(of: "mean", in: table), let median = index(of: "median", in: table),
        let row = table.rows.first, let m = number(row[mean]), let md = number(row[median])
      else { return nil }
      let what = describe(row[0])
      if md > 0 && m > md * 1.2 {
        return "the mean \(what) is well above the median: a few large values pull it up, so the median "
          + "is the typical customer and the few at the top are worth a segment of their own"
      }
      return "the mean and median \(what) are close: most customers are near the typical value"
    case .profile:
      guard let table, let idx = index(of: "index", in: table), let value = index(of: "value", in: table),
        let column = index(of: "column", in: table),
        let best = table.rows.max(by: { (number($0[idx]) ?? 0) < (number($1[idx]) ?? 0) }),
        let score = number(best[idx])
      else { return nil }
      return "its strongest trait is \(describe(best[column])) \(describe(best[value])) (index "
        + "\(Int(score.rounded())): \(Figures.fixed(score / 100, decimals: 1)) times as common as in the base); "
        + "build the persona and the message on traits like this"
    case .rank:
      guard let table, let first = table.rows.first else { return nil }
      let share = table.columns.indices.last { table.columns[$0].name.contains("share") }.flatMap {
        number(first[$0])
      }
      let name = describe(first[index(of: "segment", in: table) ?? 0])
      return "\(name) comes first" + (share.map { " with \(Figures.percent($0)) of the total" } ?? "")
        + ": rank by value, not size, to decide where the budget goes"
    case .compare:
      return "customers in two segments get two campaigns: decide which one owns the overlap"
    case .cluster:
      return "k-means grouped customers who are alike on these numbers; profile each cluster to name it"
    case .persona:
      return
        "a persona is fiction built on its segment's figures: keep it true to them ('personas' shows drift)"
    case .derive(let derive): return traitLine(derive.name.text)
    case .bucket: return "bands turn a number into groups you can count, compare and target"
    case .trait(let trait): return traitLine(trait.name.text)
    case .group(let group):
      return
        "each row of \(group.target.text) is now one \(group.key.text) with its totals: segment on them, "
        + "or score them with rfm"
    case .load:
      return "each row is one record (a customer, an order) and each column a trait to segment on: "
        + "'describe' shows them"
    case .show, .top:
      return "these are individual rows; a segment is a named rule that picks rows like these"
    case .histogram:
      return "the shape matters: a long tail to the right means a few customers account for a lot"
    case .trend:
      return "a segment that grows is worth more tomorrow than its size says today"
    default:
      return nil
    }
  }

  /// "is 12.3% of customers and brings 31.0% of revenue (total_spend)", the second half only when
  /// the table has a revenue column.
  private func worth(of segment: Segment) -> String {
    guard let schema = try? catalogSchema(of: segment.tableName), let members = try? condition(of: segment)
    else { return "is empty" }
    let revenueNames = ["total_spend", "revenue", "monetary", "spend", "amount"]
    let revenue = revenueNames.lazy.compactMap { schema.column(named: $0) }.first
    let measured = revenue.flatMap { $0.type.isNumeric ? [$0.name] : nil } ?? []
    // Two questions of the table's engine, so a server's table is explained from its own figures.
    func summary(_ relation: Relation) -> Frame? {
      try? execute(Query(.summarize(measured, by: nil, quantiles: []), over: relation))
    }
    guard let all = summary(Relation(table: schema.name)), all.integer("rows") > 0,
      let mine = summary(Relation(table: schema.name, filter: members))
    else { return "is empty" }
    let share = Double(mine.integer("rows")) / Double(all.integer("rows"))
    var text = "is \(Figures.percent(share)) of \(schema.name)"
    guard let revenue = measured.first,
      let total = Self.double(all.value("sum.0", at: 0)), total > 0
    else { return text }
    let segmentTotal = Self.double(mine.value("sum.0", at: 0)) ?? 0
    text += " and brings \(Figures.percent(segmentTotal / total)) of revenue (\(revenue))"
    return text
  }

  private func traitLine(_ name: String) -> String {
    "\(name) is now a trait like any other: segment on it, e.g. segment high = \(name) > ..."
  }

  private func firstTable(_ result: CommandResult) -> ResultTable? {
    switch result {
    case .table(let table): return table
    case .sequence(let parts): return parts.lazy.compactMap { self.firstTable($0) }.first
    default: return nil
    }
  }

  private func index(of name: String, in table: ResultTable) -> Int? {
    table.columns.firstIndex { $0.name == name }
  }

  private func number(_ cell: Cell) -> Double? {
    switch cell {
    case .count(let n): return Double(n)
    case .number(let x, _), .share(let x): return x
    case .value(let value): return Self.double(value)
    default: return nil
    }
  }

  private func describe(_ cell: Cell) -> String {
    switch cell {
    case .text(let text): return text
    case .value(.string(let text)): return text
    case .value(let value): return value.isNull ? "(no value)" : "\(value)"
    case .count(let n): return Figures.grouped(n)
    case .number(let x, let decimals): return Figures.fixed(x, decimals: decimals)
    case .share(let x): return Figures.percent(x)
    default: return ""
    }
  }

  static func double(_ value: Value) -> Double? {
    switch value {
    case .int(let n): return Double(n)
    case .double(let x): return x
    default: return nil
    }
  }
}
