import Columnar
import Testing

@testable import SegmentCore

@Suite("EvalError messages")
struct EvalErrorTests {
  /// Each structured kind and the exact text users see; the sessions and scripts replay these words, so
  /// a change here is a change of the shell's output.
  static let messages: [(EvalError.Kind, String)] = [
    (
      .listNotAllowed(column: "interests", in: .comparison),
      "interests is a list: test its items with contains, starts with, ends with or in"
    ),
    (.boolNeedsEquality(column: "urban"), "urban is a Bool: compare it with = or !="),
    (
      .textTestNeedsText(test: "starts with", column: "age", type: "Int"),
      "starts with works on text; age is Int"
    ),
    (
      .wrongType(command: "between", wants: .numbersDatesOrText, value: "urban", type: "Bool"),
      "between needs numbers, dates or text; urban is Bool"
    ),
    (
      .wrongType(command: "within", wants: .dateColumn, value: "age", type: "Int"),
      "within needs a date column; age is Int"
    ),
    (
      .segmentNameIsColumn("age", table: "customers"),
      "age is a column of customers: pick another segment name"
    ),
    (.segmentUsesItself("young"), "segment young cannot be defined in terms of itself"),
    (
      .wrongType(command: "stats", wants: .numbers, value: "city", type: "String"),
      "stats needs numbers; city is String"
    ),
    (
      .wrongType(command: "+", wants: .numbers, value: "name", type: "String"),
      "+ needs numbers; name is String"
    ),
    (
      .wrongType(command: "round", wants: .number, value: "city", type: "String"),
      "round needs a number; city is String"
    ),
    (
      .wrongType(command: "-", wants: .number, value: "city", type: "String"),
      "- needs a number; city is String"
    ),
    (.wrongType(command: "year", wants: .date, value: "age", type: "Int"), "year needs a date; age is Int"),
    (.wrongType(command: "lower", wants: .text, value: "age", type: "Int"), "lower needs text; age is Int"),
    (
      .wrongType(command: "bucket", wants: .numberColumn, value: "city", type: "String"),
      "bucket needs a number column; city is String"
    ),
    (
      .wrongType(command: "trend", wants: .dateColumn, value: "age", type: "Int"),
      "trend needs a date column; age is Int"
    ),
    (
      .listNotAllowed(column: "tags", in: .expression),
      "tags is a list; expressions work on single values per row"
    ),
    (
      .listNotAllowed(column: "tags", in: .aggregate("sum")),
      "sum cannot aggregate a list; tags is a List (count(tags) can)"
    ),
    (
      .listNotAllowed(column: "tags", in: .statsGroup),
      "stats cannot group by a list column; use count by tags"
    ),
    (.listNotAllowed(column: "tags", in: .topRank), "top cannot rank by a list column"),
    (.listNotAllowed(column: "tags", in: .secondGroup), "group by one list column at a time"),
    (.segmentNamedTwice("vip"), "segment vip is named twice"),
    (.duplicatePersona("Ana"), "there is already a persona named Ana"),
    (.tableNotSegment("orders", command: "compare"), "compare takes segments; orders is a table"),
    (
      .columnIsSegmentName("vip", table: "customers"),
      "vip is a segment of customers: pick another column name"
    ),
    (
      .predefinedSegmentIsColumn("champions", table: "customers"),
      "segment champions cannot be defined: champions is a column of customers"
    ),
    (.wrongArgumentCount(function: "lower", takes: .one), "lower takes one value"),
    (.wrongArgumentCount(function: "coalesce", takes: .oneOrMore), "coalesce takes one or more values"),
    (
      .wrongArgumentCount(function: "round", takes: .numberAndDigits),
      "round takes a number and optionally a number of digits"
    ),
    (.roundDigits, "round's digits must be a whole number from -15 to 15, such as round(x, 2)"),
    (.integerOverflow(.abs("big")), "integer overflow in abs(big)"),
    (.integerOverflow(.negation("big")), "integer overflow in -big"),
    (
      .integerOverflow(.arithmetic("big", op: "*", "2", row: 6)),
      "integer overflow in big * 2 at row 7: multiply by 1.0 to compute in decimals"
    ),
    (.sumOverflow(row: 0), "the sum overflows for row 1: use mean, or sum a Double column"),
    (
      .mixedTypes(command: "coalesce", first: "age", firstType: "Int", second: "city", secondType: "String"),
      "coalesce needs values of one type; age is Int, city is String"
    ),
    (
      .keyTypeMismatch(
        table: "customers", key: "id", keyType: "Int", source: "orders", sourceKey: "customer",
        sourceKeyType: "Date"),
      "keys must both be Int or both String; customers.id is Int, orders.customer is Date"
    ),
    (.bucketEdgesDescend(10, after: 20.5), "bucket edges must ascend: 10 comes after 20.5"),
    (.rfmReadsOwnOutput("f"), "rfm writes its scores to columns r, f, m, fm and rfm, so it cannot read f"),
    (
      .rfmInput(role: "recency", column: "city", type: "String"),
      "recency needs a date, or a number of days since the last purchase: city is String"
    ),
    (
      .rfmInput(role: "frequency", column: "city", type: "String"),
      "frequency needs a number column: city is String"
    ),
    (
      .rfmInput(role: "monetary", column: "joined", type: "Date"),
      "monetary needs a number column: joined is Date"
    ),
    (
      .asOfNeedsDate(recency: "days"),
      "'as of' needs a date recency column: days already counts days, so its smallest value is the most recent"
    ),
    (
      .table(.lengthMismatch(column: "x", expected: 3, found: 2)),
      "column 'x' has 2 rows, expected 3 like the other columns"
    ),
    (.clusterNeedsNumbers(column: "city", type: "String"), "cluster needs number columns: city is String"),
    (
      .tooFewRows(k: 5, table: "customers", rows: 3),
      "k=5 needs at least 5 rows with a value in every column; customers has 3"
    ),
    (.nullEverywhere(expression: "null + 1"), "null + 1 is null on every row and has no type"),
    (.personaExportFormat(path: "p.txt"), "export personas writes a .md, .json or .html file, not p.txt"),
    (.noPersonas, "there are no personas to export: try 'persona draft for SEGMENT'"),
    (
      .noSegmentsToRank(table: "orders"),
      "table orders has no segments to rank: define one with segment NAME = CONDITION"
    ),
    (.noLessonNumbered(9, count: 0), "no lesson 9: there are none (type 'lesson' to list them)"),
    (.noLessonNumbered(9, count: 4), "no lesson 9: they are numbered 1 to 4 (type 'lesson' to list them)"),
    (.unknownLesson("basics"), "no lesson named 'basics' (type 'lesson' to list them)"),
    (
      .invalidLesson(path: "l.txt", first: LessonFileError(line: 3, "no title")),
      "l.txt is not a valid lesson: line 3: no title (lesson check \"l.txt\" lists every mistake)"
    ),
    (
      .invalidLesson(path: "l.txt", first: nil),
      "l.txt is not a valid lesson (lesson check \"l.txt\" lists every mistake)"
    ),
    (
      .noLessonUnderWay(skipping: true),
      "no lesson is under way: type 'lesson' to list them, 'lesson 1' to start"
    ),
    (.noLessonUnderWay(skipping: false), "no lesson is under way: type 'lesson' to list them"),
  ]

  @Test(arguments: messages)
  func messageIsExact(kind: EvalError.Kind, text: String) {
    let error = EvalError(kind)
    #expect(error.message == text)
    // None of these kinds had a hint line; adding one would change the shell's output.
    #expect(error.hint == nil)
  }

  @Test func plainDiagnosticIsTheErrorLabelAndMessage() {
    let diagnostic = Diagnostic(
      SessionError(.cannotRead(path: "x.seg", reason: "no such file")), source: nil, location: nil)
    #expect(diagnostic.rendered(color: false) == "error: cannot read x.seg: no such file\n")
  }
}
