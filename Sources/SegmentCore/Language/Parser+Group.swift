import Columnar

/// One `NAME = AGG(EXPR)` of `group ... with`.
public struct GroupColumn: Sendable, Equatable {
  /// The new table's column.
  public var name: Name
  /// What it holds per key.
  public var call: AggregateCall

  /// Creates a group column.
  public init(name: Name, call: AggregateCall) {
    self.name = name
    self.call = call
  }
}

/// A parsed `group TABLE by KEY into NEW with NAME = AGG(EXPR), ... [where P] [replace]`: a new table
/// with one row per key of TABLE (an order log), holding the key and the aggregates.
public struct GroupCommand: Sendable, Equatable {
  /// The table whose rows are grouped.
  public var source: Name
  /// The column of `source` whose values become the new table's rows.
  public var key: Name
  /// The new table's name.
  public var target: Name
  /// The new table's other columns, in order.
  public var columns: [GroupColumn]
  /// Which source rows count.
  public var filter: Predicate?
  /// True when an existing table of that name may be replaced.
  public var replace: Bool

  /// Creates a group command.
  public init(
    source: Name, key: Name, target: Name, columns: [GroupColumn], filter: Predicate? = nil,
    replace: Bool = false
  ) {
    self.source = source
    self.key = key
    self.target = target
    self.columns = columns
    self.filter = filter
    self.replace = replace
  }

  /// The command in one spelling (`where` last, before `replace`); parsing it gives the same command.
  public var commandText: String {
    let columns = columns.map { "\($0.name.commandText) = \($0.call.commandText)" }
    return "group \(Name.tableCommandText(for: source.text)) by \(key.commandText) into "
      + "\(Name.tableCommandText(for: target.text)) with \(columns.joined(separator: ", "))"
      + (filter.map { " where \($0.commandText)" } ?? "") + (replace ? " replace" : "")
  }
}

/// A parsed `rfm from TABLE by KEY date DATECOL amount EXPR [order ORDERCOL] [where P] [as of DATE]
/// [into NEW] [replace]`: groups an order log into one row per customer and scores it as `rfm` does.
public struct RFMFromCommand: Sendable, Equatable {
  /// The order log.
  public var source: Name
  /// The customer column of the log.
  public var key: Name
  /// The order date or timestamp: its latest value per customer is the recency.
  public var date: Name
  /// The money of a row (`Quantity * UnitPrice`): its sum per customer is the monetary value.
  public var amount: Expression
  /// The order id, when a log has a row per order line: frequency counts distinct orders, else rows.
  public var order: Name?
  /// Which rows of the log count (`Quantity > 0` leaves out returns).
  public var filter: Predicate?
  /// The date recency is counted to, when given.
  public var asOf: Int32?
  /// Where `as of DATE` stands, for errors about it.
  public var asOfRange: SourceRange?
  /// The new table's name; `RFMFromCommand.defaultTarget(for:)` when nil.
  public var target: Name?
  /// True when an existing table of that name may be replaced.
  public var replace: Bool

  /// Creates an rfm-from command.
  public init(
    source: Name, key: Name, date: Name, amount: Expression, order: Name? = nil, filter: Predicate? = nil,
    asOf: Int32? = nil, asOfRange: SourceRange? = nil, target: Name? = nil, replace: Bool = false
  ) {
    self.source = source
    self.key = key
    self.date = date
    self.amount = amount
    self.order = order
    self.filter = filter
    self.asOf = asOf
    self.asOfRange = asOfRange
    self.target = target
    self.replace = replace
  }

  /// The new table's name when the command names none: the source's name and `_rfm` (`tx_rfm`).
  public static func defaultTarget(for source: String) -> String {
    Workspace.identifier(source + "_rfm")
  }

  /// The columns of the new table besides the key: recency, frequency and monetary value.
  static let columnNames = (recency: "last_order", frequency: "orders", monetary: "revenue")

  /// The command in one spelling; parsing it gives the same command.
  public var commandText: String {
    var text =
      "rfm from \(Name.tableCommandText(for: source.text)) by \(key.commandText) date \(date.commandText)"
      + " amount \(amount.commandText)"
    if let order { text += " order \(order.commandText)" }
    if let filter { text += " where \(filter.commandText)" }
    if let asOf { text += " as of \(CivilDate.format(days: asOf))" }
    if let target { text += " into \(Name.tableCommandText(for: target.text))" }
    return text + (replace ? " replace" : "")
  }
}

extension Name {
  /// A table's name as it must be typed: each part of `connection.table` on its own.
  static func tableCommandText(for name: String) -> String {
    name.split(separator: ".", omittingEmptySubsequences: false).map { commandText(for: String($0)) }
      .joined(separator: ".")
  }
}

extension Parser {
  /// `group TABLE [where P] by KEY into NEW with NAME = AGG(EXPR), ... [where P] [replace]`
  mutating func groupCommand() throws(ParseError) -> GroupCommand {
    let source = try tableName("the table to group, e.g. orders")
    var filter: Predicate?
    if accept("where") { filter = try predicate() }
    guard accept("by") else {
      throw unexpected(
        filter == nil ? "where or by KEY" : "'by' and the column to group on, e.g. by customer_id",
        suggestions: current.keyword.map { Suggestions.closest(to: $0, among: ["by", "where"]) } ?? [])
    }
    let key = try name("the column to group on, e.g. customer_id")
    guard accept("into") else {
      throw unexpected(
        "'into' and a name for the new table, e.g. group \(source.text) by \(key.text) into customers",
        suggestions: current.keyword.map { Suggestions.closest(to: $0, among: ["into"]) } ?? [])
    }
    let target = try tableName("a name for the new table")
    guard accept("with") else {
      throw unexpected(
        "'with' and the new table's columns, e.g. with orders = count(*), spend = sum(amount)",
        suggestions: current.keyword.map { Suggestions.closest(to: $0, among: ["with"]) } ?? [])
    }
    var columns: [GroupColumn] = []
    repeat {
      let name = try self.name("a name for a column of \(target.text), e.g. orders = count(*)")
      guard acceptSymbol("=") else {
        throw unexpected("'=' and an aggregate, e.g. \(name.text) = sum(amount)")
      }
      columns.append(GroupColumn(name: name, call: try aggregateCall()))
    } while acceptSymbol(",")
    var replace = false
    while !atEnd {
      if filter == nil, !replace, accept("where") {
        filter = try predicate()
      } else if !replace, accept("replace") {
        replace = true
      } else {
        let words = replace ? [] : (filter == nil ? ["where", "replace"] : ["replace"])
        let expected =
          replace
          ? "the end of the command"
          : "',' and another column, " + (filter == nil ? "where P, " : "")
            + "replace or the end of the command"
        throw unexpected(
          expected, suggestions: current.keyword.map { Suggestions.closest(to: $0, among: words) } ?? [])
      }
    }
    return GroupCommand(
      source: source, key: key, target: target, columns: columns, filter: filter, replace: replace)
  }

  /// `from TABLE by KEY date DATECOL amount EXPR [order ORDERCOL] [where P] [as of DATE] [into NEW]
  /// [replace]`, after `rfm`; the clauses after `by KEY` in any order.
  mutating func rfmFromCommand() throws(ParseError) -> RFMFromCommand {
    let source = try tableName("the order log to score, e.g. orders")
    try expect("by")
    let key = try name("the customer column, e.g. customer_id")
    var date: Name?
    var amount: Expression?
    var command = RFMFromCommand(
      source: source, key: key, date: key, amount: Expression(.null, at: key.range, text: "null"))
    var seen: Set<String> = []
    let clauses = ["date", "amount", "order", "where", "as", "into", "replace"]
    while !atEnd {
      guard let word = current.keyword, clauses.contains(word), !seen.contains(word) else {
        let left = clauses.filter { !seen.contains($0) }
        let missing = ["date", "amount"].filter { !seen.contains($0) }
        let expected =
          missing.isEmpty
          ? "order, where, as of, into, replace or the end of the command"
          : missing.map { $0 == "date" ? "date COLUMN" : "amount EXPRESSION" }.joined(separator: " and ")
        throw unexpected(
          expected, suggestions: current.keyword.map { Suggestions.closest(to: $0, among: left) } ?? [])
      }
      seen.insert(word)
      let start = advance().range
      switch word {
      case "date": date = try name("the order date column")
      case "amount":
        if atEnd { throw unexpected("an expression for a row's money, e.g. quantity * unit_price") }
        amount = try expression()
      case "order": command.order = try name("the order id column")
      case "where": command.filter = try predicate()
      case "as":
        try expect("of")
        guard case .date(let days) = current.kind else { throw unexpected("a date such as 2026-11-01") }
        command.asOf = days
        command.asOfRange = start.union(advance().range)
      case "into": command.target = try tableName("a name for the new table")
      default: command.replace = true
      }
    }
    guard let date, let amount else {
      let missing = [date == nil ? "date COLUMN" : nil, amount == nil ? "amount EXPRESSION" : nil]
      throw unexpected(
        missing.compactMap { $0 }.joined(separator: " and ")
          + ", e.g. rfm from orders by customer_id date order_date amount price")
    }
    command.date = date
    command.amount = amount
    return command
  }
}
