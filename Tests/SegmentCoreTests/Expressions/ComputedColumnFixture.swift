import Columnar

@testable import SegmentCore

/// Small hand-made tables for the computed-column tests, with answers that can be worked out by hand.
enum ComputedColumnFixture {
  static func day(_ text: String) -> Int32 { CivilDate.parseISODate(text)! }

  /// people: six customers; the latest date of its date columns (today by default) is 2026-10-31.
  static func people() throws -> Table {
    try Table(
      name: "people",
      columns: [
        .int("id", [1, 2, 3, 4, 5, 6]),
        .int("age", [20, 35, nil, 50, 17, 64]),
        .double("spend", [100, 0, 50.5, nil, 12.25, 300]),
        .int("orders_n", [4, 0, 2, 1, nil, 3]),
        .string("name", ["Ann", "bob", nil, "Émile", "ann", "Zoë"]),
        .date(
          "joined",
          days: [
            day("2026-10-01"), day("2026-01-15"), nil, day("2025-12-31"), day("2026-10-31"),
            day("2024-02-29"),
          ]),
      ])
  }

  /// orders of the people, keyed by `customer`: customer 9 does not exist, one key is null, customers 4-6
  /// have no orders. The latest order date is 2026-10-30.
  static func orders() throws -> Table {
    try Table(
      name: "orders",
      columns: [
        .int("customer", [1, 2, 1, 3, 1, 9, nil, 3, 2]),
        .date(
          "day",
          days: [
            day("2026-10-01"), day("2026-09-01"), day("2026-06-01"), day("2026-10-20"), day("2026-10-30"),
            day("2026-10-30"), day("2026-10-30"), day("2026-10-21"), day("2026-08-01"),
          ]),
        .string("item", ["tea", "cake", "cake", "tea", "cake", "tea", "tea", "jam", nil]),
        .double("amount", [10, nil, 5.5, 7, 2.5, 100, 1, 7, 4]),
        .int("qty", [1, 2, 3, 1, 1, 5, 1, 2, 1]),
      ])
  }

  /// A workspace with people (current) and orders.
  static func workspace() throws -> Workspace {
    var workspace = Workspace()
    try workspace.put(try orders())
    try workspace.put(try people())
    return workspace
  }

  /// Runs commands on a copy that replaces the workspace only on success, as `Session.perform` does.
  @discardableResult
  static func run(_ workspace: inout Workspace, _ source: String) throws -> CommandResult {
    var copy = workspace
    let output = try copy.run(try Parser.parse(source), interruption: Interruption())
    workspace = copy
    return output.result
  }

  /// The error a command raises, or nil when it runs.
  static func error(_ workspace: Workspace, _ source: String) throws -> EvalError? {
    var copy = workspace
    do {
      _ = try copy.run(try Parser.parse(source), interruption: Interruption())
      return nil
    } catch let error as EvalError {
      return error
    }
  }

  /// A column's values, boxed.
  static func values(_ workspace: Workspace, _ column: String, table: String = "people") -> [Value] {
    workspace.table(named: table)?.column(named: column)?.values ?? []
  }

  /// The first message of a result.
  static func message(_ result: CommandResult) -> String {
    switch result {
    case .message(let text): return text
    case .sequence(let parts): return parts.first.map(message) ?? ""
    default: return ""
    }
  }
}
