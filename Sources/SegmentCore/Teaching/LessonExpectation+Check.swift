import Columnar

extension LessonExpectation {
  /// Checks the fact on `workspace` after a command whose result was `result` (nil when there was none).
  /// - Returns: nil when it holds, else a sentence on what is still missing, in the learner's terms.
  /// - Complexity: O(n) in the table's rows for a segment with a condition.
  public func unmet(in workspace: Workspace, result: CommandResult?) -> String? {
    switch kind {
    case .table(let name, let rows):
      guard let table = workspace.table(named: name) else { return "there is no table \(name) yet" }
      if let rows, table.rowCount != rows {
        return
          "table \(table.name) has \(Figures.rows(table.rowCount)); this step wants \(Figures.rows(rows))"
      }
      return nil
    case .columns(let names):
      guard let current = workspace.currentTableName, let table = workspace.table(named: current) else {
        return "no table is loaded"
      }
      let missing = names.filter { table.column(named: $0) == nil }
      if missing.isEmpty { return nil }
      return "table \(table.name) has no column \(missing.joined(separator: ", ")) yet"
    case .segment(let name, let condition, let text):
      return segmentUnmet(name: name, condition: condition, text: text, in: workspace)
    case .persona(let segment, let fields):
      let candidates = workspace.personas.filter { persona in
        segment.map { persona.segment.lowercased() == $0.lowercased() } ?? true
      }
      guard !candidates.isEmpty else {
        return segment.map { "there is no persona for segment \($0) yet" } ?? "there is no persona yet"
      }
      if candidates.contains(where: { p in fields.allSatisfy { !p.items($0).isEmpty } }) { return nil }
      let best = candidates.last!
      let missing = fields.filter { best.items($0).isEmpty }.map(\.rawValue)
      return "persona \(best.name) has no \(missing.joined(separator: ", ")) yet"
    case .outputColumn(let name):
      guard let result else { return "this step wants a command that shows a \(name) column" }
      if Self.columns(of: result).contains(where: { $0.lowercased() == name.lowercased() }) { return nil }
      return "that showed no \(name) column"
    }
  }

  private func segmentUnmet(name: String?, condition: Predicate?, text: String, in workspace: Workspace)
    -> String?
  {
    let named = name.flatMap { workspace.segment(named: $0) }
    if let name, named == nil { return "there is no segment \(name) yet" }
    guard let condition else { return nil }
    let tableName = named?.tableName ?? workspace.currentTableName
    guard let tableName, let table = workspace.table(named: tableName) else { return "no table is loaded" }
    let expected: Bitmap
    do {
      expected = try workspace.members(condition, on: table)
    } catch {
      return "this step's condition (\(text)) cannot be checked yet: \(error.message)"
    }
    let size = expected.popcount()
    let members = { (segment: Segment) in
      (try? workspace.members(of: segment)) ?? Bitmap(count: 0, allSet: false)
    }
    if let named {
      let rows = members(named)
      if rows == expected { return nil }
      return "segment \(named.name) has \(Figures.rows(rows.popcount())); this step asks for "
        + "\(Figures.rows(size)) (\(Figures.grouped((rows & expected).popcount())) in both)"
    }
    let onTable = workspace.segments.filter { $0.tableName.lowercased() == table.name.lowercased() }
    if onTable.contains(where: { members($0) == expected }) { return nil }
    guard let latest = onTable.last else { return "there is no segment yet" }
    let rows = members(latest)
    return "your latest segment \(latest.name) has \(Figures.rows(rows.popcount())); this step asks for "
      + "\(Figures.rows(size)) (\(Figures.grouped((rows & expected).popcount())) in both)"
  }

  /// The column names of every table in a result.
  static func columns(of result: CommandResult) -> [String] {
    switch result {
    case .table(let table): return table.columns.map(\.name)
    case .sequence(let parts): return parts.flatMap { columns(of: $0) }
    default: return []
    }
  }
}
