/// An arithmetic expression of `derive NAME = EXPR`, with where each part stands so errors can point at it.
///
/// Expressions compute one value per row from columns, literals, arithmetic, functions and
/// `case when P then E ... else E end`, where `P` is a predicate of the segment language.
public struct Expression: Sendable, Equatable {
  /// The expression's shape.
  public indirect enum Kind: Sendable, Equatable {
    /// A number, text, date or Bool written in the command.
    case literal(Literal)
    /// `null`, for `coalesce` and `case` branches.
    case null
    /// A column of the current table.
    case column(Name)
    /// `-x`
    case negate(Expression)
    /// `a + b`, `a - b`, `a * b`, `a / b`, `a % b`
    case binary(ArithmeticOperator, Expression, Expression)
    /// `f(a, b, ...)`
    case call(Name, [Expression])
    /// `case when P then E [when ...] [else E] end`; no `else` means null.
    case caseWhen([WhenClause], otherwise: Expression?)
  }

  /// The shape.
  public var kind: Kind
  /// The expression's whole extent in the command.
  public var range: SourceRange
  /// The expression as the user wrote it, for messages ("lower needs text; age * 2 is Int").
  public var text: String {
    get {
      switch written {
      case .text(let text): return text
      case .source(let source):
        return String(source[min(range.start, source.count)..<min(range.end, source.count)])
      }
    }
    set { written = .text(newValue) }
  }

  /// Where `text` comes from. A parsed expression shares the command's characters and cuts its text
  /// only when asked (in a message): storing every node's text made a chain of n terms cost O(n²)
  /// time and memory to parse.
  private enum Written: Sendable {
    case text(String)
    case source([Character])
  }

  private var written: Written

  /// Creates an expression.
  public init(_ kind: Kind, at range: SourceRange, text: String) {
    self.kind = kind
    self.range = range
    self.written = .text(text)
  }

  /// Creates an expression whose text is `range` of `source`, the whole command (shared, not copied).
  init(_ kind: Kind, at range: SourceRange, source: [Character]) {
    self.kind = kind
    self.range = range
    self.written = .source(source)
  }

  /// The command's characters the text is cut from, when the expression was parsed.
  var sourceCharacters: [Character]? {
    if case .source(let source) = written { return source }
    return nil
  }

  public static func == (a: Expression, b: Expression) -> Bool {
    a.kind == b.kind && a.range == b.range && a.text == b.text
  }
}

/// One `when P then E` of a `case` expression.
public struct WhenClause: Sendable, Equatable {
  /// The condition; rows where it is unknown fall through, as in SQL.
  public var condition: Predicate
  /// The value for rows where the condition is true (and no earlier one was).
  public var value: Expression

  /// Creates a clause.
  public init(condition: Predicate, value: Expression) {
    self.condition = condition
    self.value = value
  }
}

/// A parsed `derive NAME = EXPR`.
public struct DeriveCommand: Sendable, Equatable {
  /// The new (or redefined) column's name.
  public var name: Name
  /// What to compute.
  public var expression: Expression

  /// Creates a derive command.
  public init(name: Name, expression: Expression) {
    self.name = name
    self.expression = expression
  }
}

/// A parsed `bucket c into E1, E2, ... [as NAME]`.
public struct BucketCommand: Sendable, Equatable {
  /// The numeric column to cut.
  public var column: Name
  /// The edges, ascending; each starts a band.
  public var edges: [Literal]
  /// The new column's name; `c_band` when nil.
  public var alias: Name?

  /// Creates a bucket command.
  public init(column: Name, edges: [Literal], alias: Name? = nil) {
    self.column = column
    self.edges = edges
    self.alias = alias
  }
}

extension TraitAggregate {
  /// The function names users may write, each with its aggregate.
  static let spellings: [(String, TraitAggregate)] = [
    ("count", .count), ("distinct_count", .distinctCount), ("count_distinct", .distinctCount),
    ("sum", .sum), ("mean", .mean), ("avg", .mean), ("min", .min), ("max", .max), ("first", .first),
    ("last", .last), ("most_frequent", .mostFrequent), ("mode", .mostFrequent),
  ]
}

/// One `AGG(EXPR)` of `trait` or `group`: an aggregate over an expression of the source table's rows.
public struct AggregateCall: Sendable, Equatable {
  /// The aggregate.
  public var aggregate: TraitAggregate
  /// What is aggregated, computed on each source row; nil for `count(*)`.
  public var argument: Expression?
  /// Where the whole call stands, for errors about it.
  public var range: SourceRange

  /// Creates an aggregate call.
  public init(_ aggregate: TraitAggregate, _ argument: Expression?, at range: SourceRange) {
    self.aggregate = aggregate
    self.argument = argument
    self.range = range
  }

  /// The call in one spelling (`avg` reads as `mean`, `count(distinct x)` as `distinct_count(x)`);
  /// parsing it gives the same call.
  public var commandText: String {
    guard let argument else { return "count(*)" }
    return "\(aggregate.rawValue)(\(argument.commandText))"
  }

  /// True for the counts, which are 0 (not null) where nothing matched.
  var isCount: Bool { aggregate.isCount }
}

/// A parsed `trait NAME = AGG(EXPR) from TABLE [where P] by KEY [= SOURCE_KEY]`.
public struct TraitCommand: Sendable, Equatable {
  /// The new (or redefined) column's name on the current table.
  public var name: Name
  /// The aggregate and what it aggregates.
  public var call: AggregateCall
  /// The table the rows come from (orders, events...).
  public var source: Name
  /// Which source rows count.
  public var filter: Predicate?
  /// The key column of the current table.
  public var key: Name
  /// The key column of the source table; the same name as `key` when nil.
  public var sourceKey: Name?

  /// Creates a trait command.
  public init(
    name: Name, call: AggregateCall, source: Name, filter: Predicate? = nil, key: Name, sourceKey: Name? = nil
  ) {
    self.name = name
    self.call = call
    self.source = source
    self.filter = filter
    self.key = key
    self.sourceKey = sourceKey
  }

  /// The command in one spelling; parsing it gives the same command.
  public var commandText: String {
    var text = "trait \(name.commandText) = \(call.commandText) from \(source.commandText)"
    if let filter { text += " where \(filter.commandText)" }
    text += " by \(key.commandText)"
    if let sourceKey { text += " = \(sourceKey.commandText)" }
    return text
  }
}
