/// The purpose a command serves, used to group `help`.
public enum CommandGroup: String, Sendable, CaseIterable {
  case data = "Data"
  case segments = "Segments"
  case personas = "Personas"
  case analysis = "Looking at the data"
  case analytics = "Segment analytics"
  case columns = "Computed columns"
  case output = "Output and settings"
  case engines = "Databases and clusters"
  case session = "Session"
  case learning = "Learning"
}

/// One command of the language: its word, syntax, summary and an example.
///
/// Help, completion and the parser all read this one registry, so they can never disagree about
/// which commands exist.
public struct CommandSpec: Sendable {
  /// The command this spec describes.
  public let word: CommandWord
  /// The command word.
  public var name: String { word.rawValue }
  /// Other words that run the same command.
  public var aliases: [String]
  /// What help shows to group it.
  public var group: CommandGroup
  /// The syntax, with optional parts in brackets.
  public var syntax: String
  /// One line on what it does.
  public var summary: String
  /// A command to try.
  public var example: String
  /// Words that may follow the command word, offered by completion.
  public var keywords: [String]
}

/// Every command word of the language, one case per command, in the order help lists them.
///
/// The parser and completion switch over these cases, and `spec` switches over them too, so a command
/// added here without its spec or its parser does not compile (issue 17: a string-keyed registry let a
/// command reach the parser with no case for it, and trap at run time).
public enum CommandWord: String, Sendable, CaseIterable {
  // One line per help group, in help's order.
  case load, tables, use, describe, show, export
  case segment, segments, drop
  case persona, personas
  case count, stats, histogram, top
  case profile, compare, rank, trend, rfm, cluster
  case derive, bucket, trait, group
  case set
  case connect, disconnect, copy, create, sql
  case help, save, history, run, restore, quit
  case explain, lesson

  /// The command that `word` names, by its word or an alias, ignoring case; nil when none does.
  public init?(word: String) {
    guard let command = CommandRegistry.commandsByWord[word.lowercased()] else { return nil }
    self = command
  }

  /// The command's aliases, group, syntax, summary, example and keywords.
  ///
  /// An exhaustive switch, so every case must have one. `CommandRegistry.all` keeps them built once.
  public var spec: CommandSpec {
    switch self {
    case .load:
      return CommandSpec(
        word: self, aliases: [], group: .data,
        syntax:
          "load \"FILE\" [as NAME] [delimiter \"C\"|whitespace] [header on|off] [encoding latin1]\n"
          + "  [skip bad rows] [distinct]\n"
          + "load \"FILE.xlsx\" [sheet \"NAME\"] [as NAME] [header on|off] [distinct]\n"
          + "load sample [customers|orders] [rows N] [seed S] [as NAME]\n"
          + "delimiter whitespace: columns separated by runs of spaces, as in fixed-width exports\n"
          + "  (detected when no delimiter splits the lines and a column holds numbers);\n"
          + "distinct: drop rows that repeat an earlier row exactly (describe counts them);\n"
          + "whole numbers written yyyymmdd are read as dates when the column's name says date/day/dt,\n"
          + "  or it holds 32 or more distinct days and its name is not an id or code",
        summary: "read a CSV/TSV file, an Excel sheet, or the built-in sample data, into a table",
        example: "load sample customers rows 5000 seed 42",
        keywords: [
          "sample", "customers", "orders", "rows", "seed", "as", "delimiter", "header", "encoding", "skip",
          "sheet", "whitespace", "distinct",
        ])
    case .tables:
      return CommandSpec(
        word: self, aliases: [], group: .data, syntax: "tables",
        summary: "list the loaded tables with their rows and columns", example: "tables", keywords: [])
    case .use:
      return CommandSpec(
        word: self, aliases: [], group: .data, syntax: "use NAME",
        summary: "make a table the current one", example: "use orders", keywords: [])
    case .describe:
      return CommandSpec(
        word: self, aliases: [], group: .data, syntax: "describe [NAME]",
        summary: "each column's type, nulls, distinct values and range or top values",
        example: "describe customers", keywords: [])
    case .show:
      return CommandSpec(
        word: self, aliases: [], group: .data,
        syntax: "show [TABLE|SEGMENT] [columns a, b] [where P] [sort by c [desc]] [limit N]\n"
          + "show persona NAME",
        summary: "rows of a table or segment, or a persona's card",
        example: "show columns first_name, age, city where age < 25 sort by age desc limit 5",
        keywords: ["columns", "where", "sort", "by", "desc", "asc", "limit", "persona"])
    case .export:
      return CommandSpec(
        word: self, aliases: [], group: .data,
        syntax: "export TABLE|SEGMENT to \"FILE.csv\"|\"FILE.tsv\"|\"FILE.xlsx\" [replace]\n"
          + "export personas to \"FILE.md\"|\"FILE.json\"|\"FILE.html\" [replace]",
        summary:
          "write a table or segment to a CSV or Excel file, or the persona cards to Markdown, JSON or an HTML page",
        example: "export customers to \"customers.csv\"", keywords: ["to", "replace", "personas"])
    case .segment:
      return CommandSpec(
        word: self, aliases: [], group: .segments,
        syntax: "segment NAME = CONDITION [as of snapshot]\n"
          + "conditions: = != < <= > >=, between A and B, in (\"a\", \"b\"), contains \"x\", starts with \"x\",\n"
          + "  ends with \"x\", is [not] null, within 90 days, before DATE, after DATE, and, or, not, ( ),\n"
          + "  and other segments by name",
        summary: "define a named group of customers, and see which condition shrinks it most",
        example: "segment young_men = gender = \"M\" and age between 18 and 25",
        keywords: [
          "and", "or", "not", "between", "in", "contains", "starts", "ends", "with", "is", "null", "within",
          "before", "after", "days", "weeks", "months", "years", "as", "of", "snapshot",
        ])
    case .segments:
      return CommandSpec(
        word: self, aliases: [], group: .segments, syntax: "segments",
        summary: "list the segments with size, share and definition", example: "segments", keywords: [])
    case .drop:
      return CommandSpec(
        word: self, aliases: [], group: .segments, syntax: "drop segment NAME\ndrop persona NAME",
        summary: "remove a segment (once no persona stands for it) or a persona",
        example: "drop segment young_men", keywords: ["segment", "persona"])
    case .persona:
      return CommandSpec(
        word: self, aliases: [], group: .personas,
        syntax: "persona \"NAME\" for SEGMENT, then one FIELD VALUE per line, then a line: end\n"
          + "persona draft for SEGMENT [as NAME]\npersona NAME set FIELD VALUE\npersona NAME add FIELD VALUE, ...\n"
          + "persona NAME set segment SEGMENT (stand for another segment, or for its own as it is now)\n"
          + "fields: name, age, gender, location, job, industry, education, income, family, bio, quote,\n"
          + "  goals, motivations, pains, objections, triggers, channels, device, interests, habits, traits,\n"
          + "  tech (1-5 or low|medium|high), websites, brands; lists take commas: channels email, social\n"
          + "a draft fills traits with the strongest findings of profile SEGMENT, whatever the columns are called",
        summary: "a named person who stands for a segment: written by hand, or drafted from its figures",
        example: "persona draft for young_men",
        keywords: ["draft", "for", "as", "set", "add", "segment"] + PersonaField.allCases.map(\.rawValue))
    case .personas:
      return CommandSpec(
        word: self, aliases: [], group: .personas, syntax: "personas",
        summary: "list the personas with their segment, size, status and drift", example: "personas",
        keywords: [])
    case .count:
      return CommandSpec(
        word: self, aliases: [], group: .analysis, syntax: "count [TABLE|SEGMENT] [where P] [by c, d]",
        summary: "count rows, with their share, optionally per group",
        example: "count by region where total_spend > 500", keywords: ["where", "by"])
    case .stats:
      return CommandSpec(
        word: self, aliases: [], group: .analysis, syntax: "stats c, d [in SEGMENT] [where P] [by c]",
        summary: "count, mean, median, quartiles, min, max and sum of numeric columns",
        example: "stats total_spend, age by loyalty_tier", keywords: ["in", "where", "by"])
    case .histogram:
      return CommandSpec(
        word: self, aliases: [], group: .analysis, syntax: "histogram c [in SEGMENT] [where P] [bins N]",
        summary: "a bar chart of a column: numbers and dates in bins, categories by frequency",
        example: "histogram age bins 8", keywords: ["in", "where", "bins"])
    case .top:
      return CommandSpec(
        word: self, aliases: [], group: .analysis, syntax: "top N by c [in SEGMENT] [where P] [columns a, b]",
        summary: "the rows with the highest values of a column",
        example: "top 10 by total_spend columns first_name, city, total_spend",
        keywords: ["by", "in", "where", "columns"])
    case .profile:
      return CommandSpec(
        word: self, aliases: [], group: .analytics,
        syntax: "profile SEGMENT [vs SEGMENT] [all | columns a, b]\n"
          + "skips, unless named or under all: the columns that define the segments (they differ by\n"
          + "  definition) and ids: a column named id, *_id or *ID (customer_id, CustomerID) holding\n"
          + "  numbers or text at least 90% distinct, or any text (or dense whole numbers) all distinct",
        summary: "how a segment differs from the base, trait by trait: shares, index (100 = same) and z",
        example: "profile high_value columns gender, loyalty_tier", keywords: ["vs", "all", "columns"])
    case .compare:
      return CommandSpec(
        word: self, aliases: [], group: .analytics, syntax: "compare A, B[, C]",
        summary: "sizes, pairwise overlaps (with Jaccard) and the exclusive parts of two or three segments",
        example: "compare high_value, young", keywords: [])
    case .rank:
      return CommandSpec(
        word: self, aliases: [], group: .analytics,
        syntax: "rank segments by sum(c)|mean(c)|median(c)|count(c)|count(*)",
        summary: "the segments of the current table ordered by an aggregate, with their share of the total",
        example: "rank segments by sum(total_spend)",
        keywords: ["segments", "by", "sum", "mean", "median", "count"])
    case .trend:
      return CommandSpec(
        word: self, aliases: [], group: .analytics,
        syntax: "trend SEGMENT by week|month|quarter|year of c",
        summary: "a segment's size per period of a date column, with its share of the period and bars",
        example: "trend high_value by month of signup_date",
        keywords: ["by", "of", "week", "month", "quarter", "year"])
    case .rfm:
      return CommandSpec(
        word: self, aliases: [], group: .analytics,
        syntax: "rfm recency c frequency c monetary c [as of DATE]\n"
          + "rfm from TABLE by KEY date c amount EXPRESSION [order c] [where P] [as of DATE] [into NEW] [replace]\n"
          + "recency: a date (the latest scores 5) or a number of days since (the fewest scores 5)\n"
          + "rfm from starts from an order log: it groups TABLE into NEW (TABLE_rfm when not named), one row\n"
          + "  per KEY in key order with last_order = max(date), orders = distinct_count(order) (count(*)\n"
          + "  without order) and revenue = sum(EXPRESSION), then scores that table as rfm does\n"
          + "adds r, f, m (quintiles 1-5 as SQL ntile(5), ties in row order), fm = (f + m) / 2 and rfm (\"545\"),\n"
          + "  and segments champions, loyal, potential_loyalist, new_customers, promising, need_attention,\n"
          + "  about_to_sleep, at_risk, cant_lose_them, hibernating, lost; running it again replaces them\n"
          + "on a connection's table (use pg.t) the scores are a query the server runs; the table is not altered;\n"
          + "  rfm from a connection's order log makes NEW on that server (pg.orders_rfm), as group does",
        summary:
          "score recency, frequency and monetary value, and split customers into the named RFM segments",
        example: "rfm recency last_purchase_date frequency orders monetary total_spend",
        keywords: [
          "recency", "frequency", "monetary", "as", "of", "from", "by", "date", "amount", "order", "where",
          "into",
          "replace",
        ])
    case .cluster:
      return CommandSpec(
        word: self, aliases: [], group: .analytics,
        syntax: "cluster k=N on a, b, c [seed S] [scale standard|robust]\n"
          + "cluster k=A..B on a, b, c [seed S] [scale standard|robust]\n"
          + "k-means (best of 3 k-means++ starts) on z-scored number columns; rows with a null are left out;\n"
          + "  the same seed gives the same clusters; k=N adds a column cluster (1..N) and segments cluster_1\n"
          + "  ... cluster_N; k=A..B prints inertia, mean silhouette and the smallest cluster per k to choose k,\n"
          + "  and changes nothing; a cluster under 1% of the rows is flagged (a few extreme values)\n"
          + "scale robust: each column less its median over its interquartile range, values beyond 3 IQR past\n"
          + "  the quartiles held there, so a handful of outliers cannot claim clusters of their own",
        summary:
          "group customers by similarity (k-means), one segment per cluster, centres in the columns' units",
        example: "cluster k=4 on age, income, total_spend seed 7",
        keywords: ["k", "on", "seed", "scale", "standard", "robust"])
    case .derive:
      return CommandSpec(
        word: self, aliases: [], group: .columns,
        syntax: "derive NAME = EXPRESSION\n"
          + "expressions: + - * / % and ( ), numbers, \"text\", dates, null, columns,\n"
          + "  days_since(d), year(d), month(d), date(n) (a whole number written yyyymmdd as a date),\n"
          + "  lower(s), upper(s), length(s), abs(x), round(x[, digits]), coalesce(a, b, ...),\n"
          + "  case when CONDITION then X [when ...] [else Y] end\n"
          + "Int op Int stays Int (but / gives a Double); a null or a division by zero gives null\n"
          + "on a connection's table the column is a query the server runs; the table is not altered",
        summary: "add a column computed from the current table's columns (redefining one replaces it)",
        example: "derive spend_per_order = total_spend / orders",
        keywords: ["case", "when", "then", "else", "end", "null"] + ExpressionBinder.functionNames)
    case .bucket:
      return CommandSpec(
        word: self, aliases: [], group: .columns,
        syntax:
          "bucket c into E1, E2, ... [as NAME]\n"
          + "on a connection's table the band is a query the server runs; the table is not altered",
        summary: "cut a number column into labelled bands (<18, 18-24, ..., 50+), as a new text column",
        example: "bucket age into 18, 25, 35, 50 as age_band", keywords: ["into", "as"])
    case .trait:
      return CommandSpec(
        word: self, aliases: [], group: .columns,
        syntax: "trait NAME = AGG(EXPRESSION) from TABLE [where P] by KEY [= SOURCE_KEY]\n"
          + "AGG: count(*), count(c), distinct_count(c), sum, mean, min, max, first, last, most_frequent\n"
          + "  over a column or an expression of TABLE's columns, as derive writes them: sum(quantity * price)\n"
          + "rows with nothing in TABLE get null (counts get 0); first and last follow TABLE's row order\n"
          + "both tables on one engine: in memory, or on one connection (from pg.orders on pg.customers)",
        summary: "add a column aggregated from another table (orders, events) joined on a key",
        example: "trait spend_90d = sum(amount) from orders where order_date within 90 days by customer_id",
        keywords: [
          "from", "where", "by", "count", "distinct_count", "sum", "mean", "min", "max", "first", "last",
          "most_frequent", "within", "days",
        ])
    case .group:
      return CommandSpec(
        word: self, aliases: [], group: .columns,
        syntax: "group TABLE by KEY into NEW with NAME = AGG(EXPRESSION), ... [where P] [replace]\n"
          + "AGG: count(*), count(c), distinct_count(c), sum, mean, min, max, first, last, most_frequent,\n"
          + "  over a column or an expression of TABLE's columns, as derive writes them: sum(quantity * price)\n"
          + "NEW gets one row per KEY value, in key order (numbers and dates ascending, text A to Z), with\n"
          + "  KEY and the named columns; rows with a null KEY are left out and counted; where picks the rows\n"
          + "  (it may also follow TABLE); an existing NEW needs replace; describe NEW says where it came from\n"
          + "On a connection's table, NEW is written on that server by one statement (no row crosses the\n"
          + "  network) and names it: group pg.orders by customer_id into pg.buyers with ...",
        summary: "make a table with one row per customer (or any key) from an order log or events",
        example:
          "group orders by customer_id into buyers with orders = count(*), spend = sum(amount), "
          + "last_order = max(order_date)",
        keywords: [
          "by", "into", "with", "where", "replace", "count", "distinct_count", "sum", "mean", "min", "max",
          "first",
          "last", "most_frequent",
        ])
    case .set:
      return CommandSpec(
        word: self, aliases: [], group: .output,
        syntax: "set format table|csv|json|markdown\nset today DATE|off\nset timer on|off\n"
          + "set explain on|off   (after each result, one line on what it means for marketing)\n"
          + "set safe on          (write files only inside the current folder, no connect; stays on)",
        summary: "change a setting (recorded in saved sessions)", example: "set today 2026-11-01",
        keywords: [
          "format", "today", "timer", "explain", "safe", "on", "off", "table", "csv", "json", "markdown",
        ])
    case .help:
      return CommandSpec(
        word: self, aliases: [], group: .session, syntax: "help [COMMAND]",
        summary: "list the commands, or show one in full", example: "help load", keywords: [])
    case .save:
      return CommandSpec(
        word: self, aliases: [], group: .session,
        syntax:
          "save \"FILE.seg\" [with output] [replace]\nsave notebook \"FILE.md\" [replace]\n"
          + "save report \"FILE.html\" [replace]",
        summary:
          "write this session's cells as a script to replay (with output: a test for 'seg run --check'), "
          + "or as one HTML page with charts and persona cards to share",
        example: "save \"my-segments.seg\" with output",
        keywords: ["notebook", "report", "with", "output", "replace"])
    case .history:
      return CommandSpec(
        word: self, aliases: [], group: .session, syntax: "history [N | N-M | grep TEXT]",
        summary: "the numbered cells of this session, and the commands that failed",
        example: "history grep segment", keywords: ["grep"])
    case .run:
      return CommandSpec(
        word: self, aliases: [], group: .session, syntax: "run \"FILE.seg\"",
        summary: "replay a script or Markdown notebook into this session",
        example: "run \"Sessions/quickstart.seg\"", keywords: [])
    case .restore:
      return CommandSpec(
        word: self, aliases: [], group: .session, syntax: "restore",
        summary: "bring back the session a crashed or closed shell left unsaved", example: "restore",
        keywords: [])
    case .connect:
      return CommandSpec(
        word: self, aliases: [], group: .engines,
        syntax:
          "connect \"postgresql://USER@HOST:PORT/DB[?sslmode=MODE&sslrootcert=FILE]\" as NAME\n"
          + "connect \"sc://HOST:PORT[/;token=...]\" as NAME\n"
          + "sslmode: disable, prefer (the default), require, verify-ca, verify-full, as psql reads it\n"
          + "on its tables the query commands, describe, profile, persona drafts, rfm, bucket, derive, trait\n"
          + "and export run on the server (rfm, bucket, derive and trait add their columns as a query, never\n"
          + "altering the server's table); cluster and group need a copy: load NAME.table as LOCAL",
        summary:
          "open a PostgreSQL database or a Spark cluster (Spark Connect): its tables become NAME.table; passwords and tokens are never shown or saved",
        example:
          "connect \"postgresql://analyst@localhost:5432/shop\" as pg\nconnect \"sc://localhost:15002\" as spark",
        keywords: ["as"])
    case .disconnect:
      return CommandSpec(
        word: self, aliases: [], group: .engines, syntax: "disconnect NAME",
        summary: "close a connection (its tables must have no segments)", example: "disconnect pg",
        keywords: [])
    case .copy:
      return CommandSpec(
        word: self, aliases: [], group: .engines,
        syntax: "copy TABLE|SEGMENT to CONNECTION [as NAME] [replace]",
        summary: "write a table or a segment's rows to a database as a new table, keeping their order",
        example: "copy customers to pg", keywords: ["to", "as", "replace"])
    case .create:
      return CommandSpec(
        word: self, aliases: [], group: .engines,
        syntax: "create table NAME on CONNECTION from \"PATH\" [replace]",
        summary:
          "declare a table over a CSV (with a header) or Parquet file the cluster itself reads; column types are the engine's",
        example: "create table customers on spark from \"/data/customers.csv\"",
        keywords: ["table", "on", "from", "replace"])
    case .sql:
      return CommandSpec(
        word: self, aliases: [], group: .engines, syntax: "sql SEGMENT\nsql COMMAND",
        summary:
          "the SQL a segment stands for, or that a command runs, in the dialect of the table's engine (PostgreSQL's for memory)",
        example: "sql count by region where young_men", keywords: [])
    case .quit:
      return CommandSpec(
        word: self, aliases: ["exit"], group: .session, syntax: "quit",
        summary: "leave the shell (Ctrl-D does the same)", example: "quit", keywords: [])
    case .explain:
      return CommandSpec(
        word: self, aliases: [], group: .learning, syntax: "explain [TOPIC]",
        summary: "a short lesson on an idea of the field (rfm, personas, index...), with commands to try",
        example: "explain segments-vs-personas", keywords: ExplainCatalog.names)
    case .lesson:
      return CommandSpec(
        word: self, aliases: [], group: .learning,
        syntax: "lesson\nlesson N|NAME|\"FILE.lesson\"\nlesson next|stop\nlesson check \"FILE.lesson\"\n"
          + "a lesson works on copies of your tables, without your segments and personas, and gives your\n"
          + "own work back as it was when it ends or stops; its commands are not saved with the session",
        summary: "guided lessons on the sample data that check each step's result; list, start, skip, stop",
        example: "lesson 1", keywords: ["next", "stop", "check"])
    }
  }
}

/// The registry of every command the language knows.
public enum CommandRegistry {
  /// All commands, in the order help lists them: the order of `CommandWord`'s cases.
  public static let all: [CommandSpec] = CommandWord.allCases.map(\.spec)

  /// Each command word and alias to its command. Should two commands claim one word the first would
  /// win, as in a search of `all`; a test checks that none do.
  static let commandsByWord: [String: CommandWord] = Dictionary(
    all.flatMap { spec in ([spec.name] + spec.aliases).map { ($0, spec.word) } },
    uniquingKeysWith: { first, _ in first })

  /// The spec whose name or alias is `word` (case-insensitive).
  public static func spec(named word: String) -> CommandSpec? {
    guard let command = CommandWord(word: word) else { return nil }
    return all.first { $0.word == command }
  }

  /// Every command word, aliases included, sorted.
  public static let words: [String] = all.flatMap { [$0.name] + $0.aliases }.sorted()
}
