import Foundation
import Testing

/// `group` of a server's table writes the grouped table on that server and prints what the same group
/// prints in memory, byte for byte, as do the commands that read the new table (its rows in key order).
@Suite(
  "group on servers",
  .enabled(if: PostgresServer.url != nil || SparkServer.url != nil || PostgresServer.isCI))
struct GroupOnServersEndToEndTests {
  let traits = TraitOnServersEndToEndTests()
  /// A suffix for the names of the tables the tests make, new in every run: a server keeps the tables
  /// of earlier runs, and a group onto one of them would say "(replaced)" where memory does not. The
  /// tables copied there have names of their own, as other suites copy theirs at the same time.
  let run = String(Int.random(in: 100_000...999_999))

  /// The sample's order log grouped into customers: a derived column of the source, a window of days,
  /// every kind of aggregate; then the new table read by show, stats, count by and describe, and grouped
  /// again with `replace`.
  static let ordersBlock = """
    set today 2026-11-01
    use T_go
    derive line = amount * quantity
    group T_go by customer_id into T_gb_RUN with orders_n = count(*), spend = sum(amount), lines = sum(line), avg_line = mean(line), fav = most_frequent(category), first_cat = first(category), last_day = last(order_date), kinds = distinct_count(product), cheapest = min(amount), top_product = max(product) where order_date within 1 year
    show limit 8
    stats orders_n, spend, lines, avg_line, kinds, cheapest
    count by fav
    describe
    group T_go by category into T_gb_RUN with n = count(*), units = sum(quantity) replace
    show
    """

  /// `rfm from` of the order log: the per-customer table made on the server (named, and by default
  /// `CONN.LOG_rfm`), scored there, its segments counted. The log's name is new in every run too, for
  /// the default name of the table made from it.
  static let rfmBlock = """
    set today 2026-11-01
    rfm from T_gl_RUN by customer_id date order_date amount amount * quantity order order_id where category != "Grocery" into T_gr_RUN
    count by rfm where champions
    segments
    rfm from T_gl_RUN by customer_id date order_date amount amount replace
    stats revenue by orders
    """

  /// Text keys with upper and lower case (byte order puts upper case first), null keys, nulls in every
  /// value, a filter that leaves out whole keys, and Bool and Date keys.
  static let edgeBlock = """
    group T_ge by pid into T_gx_RUN with n = count(*), nv = count(v), sv = sum(v), mv = mean(n), fl = first(t), ll = last(d), mf = most_frequent(t), mfb = most_frequent(flag), dc = distinct_count(t), lo = min(flag), hi = max(t)
    show
    group T_ge by pid into T_gx_RUN with n = count(*), sn = sum(n) where flag = true replace
    show
    group T_ge by t into T_gy_RUN with n = count(*), first_pid = first(pid)
    show
    group T_ge by flag into T_gz_RUN with n = count(*), mean_v = mean(v)
    show
    group T_ge by d into T_gd_RUN with n = count(*) where d after 2021-01-01
    show
    count
    """

  @Test func theSampleOrdersGroupedIntoCustomers() throws {
    let tables = [("go", "sample orders rows 3000 seed 4")]
    for (url, conn) in ServerAnalyticsEndToEndTests.servers {
      let (memory, server) = try traits.compare(
        url: url, conn: conn, tables: tables,
        block: Self.ordersBlock.replacingOccurrences(of: "RUN", with: run),
        made: ["gb_\(run)"])
      #expect(memory.contains("grouped \(conn)_go by customer_id into \(conn)_gb_\(run): "), "\(memory)")
      #expect(memory.contains("grouped \(conn)_go by category into \(conn)_gb_\(run) (replaced): "))
      #expect(server == memory, "\(conn)")
    }
  }

  @Test func rfmFromTheOrderLogScoresItOnTheServer() throws {
    let tables = [("gl_\(run)", "sample orders rows 3000 seed 4")]
    for (url, conn) in ServerAnalyticsEndToEndTests.servers {
      let (memory, server) = try traits.compare(
        url: url, conn: conn, tables: tables, block: Self.rfmBlock.replacingOccurrences(of: "RUN", with: run),
        made: ["gr_\(run)", "gl_\(run)_rfm"])
      #expect(
        memory.contains("grouped \(conn)_gl_\(run) by customer_id into \(conn)_gr_\(run): "), "\(memory)")
      #expect(memory.contains("into \(conn)_gl_\(run)_rfm: "), "\(memory)")
      #expect(server == memory, "\(conn)")
    }
  }

  @Test func edgesOfKeysAndValues() throws {
    try traits.withFiles { _, events in
      for (url, conn) in ServerAnalyticsEndToEndTests.servers {
        let (memory, server) = try traits.compare(
          url: url, conn: conn, tables: [("ge", "\"\(events)\"")],
          block: Self.edgeBlock.replacingOccurrences(of: "RUN", with: run),
          made: ["gx", "gy", "gz", "gd"].map { "\($0)_\(run)" })
        #expect(
          memory.contains(
            "grouped \(conn)_ge by pid into \(conn)_gx_\(run): 5 rows from 10 rows of \(conn)_ge; "
              + "left out 1 row with no pid"), "\(memory)")
        #expect(
          memory.contains(
            "grouped \(conn)_ge by pid into \(conn)_gx_\(run) (replaced): 3 rows from 3 rows of \(conn)_ge; "
              + "left out 7 rows by where and 1 with no pid"), "\(memory)")
        #expect(server == memory, "\(conn)")
      }
    }
  }

  /// A new table named off the source's engine, a Double key, a name that is taken and a column named
  /// twice are refused before anything is written, and the current table stays as it was; `sql group`
  /// prints the statement and writes nothing.
  @Test func refusalsLeaveTheSessionAsItWas() throws {
    try traits.withFiles { people, events in
      for (url, conn) in ServerAnalyticsEndToEndTests.servers {
        let (gx, gq) = ("\(conn).gx_\(run)", "\(conn).gq_\(run)")
        let script = [
          "load \"\(people)\" as gpx", "load \"\(events)\" as gex", "connect \"\(url)\" as \(conn)",
          "copy gex to \(conn) as gex replace", "copy gpx to \(conn) as gpx replace", "use \(conn).gpx",
          "group \(conn).gex by pid into gx_\(run) with n = count(*)",
          "group gex by pid into \(gx) with n = count(*)",
          "group \(conn).gex by v into \(gx) with n = count(*)",
          "group \(conn).gex by pid into \(conn).gpx with n = count(*)",
          "group \(conn).gex by pid into \(gx) with pid = count(*)",
          "group \(conn).gex by pid into \(conn).gex with n = count(*) replace",
          "sql group \(conn).gex by pid into \(gq) with n = count(*)",
          // What rfm would refuse of last_order is refused of the log's column, before a table is made.
          "rfm from \(conn).gex by pid date t amount v into \(gq)",
          "rfm from \(conn).gex by pid date n amount v as of 2026-01-01 into \(gq)",
          "use \(gq)",
          "count where name = \"Ann\"",
        ]
        let result = try SegBinary.run(["--no-init"] + script.flatMap { ["--cmd", $0] })
        let errors = [
          "error: \(conn).gex is on \(conn), and a table grouped from it is written there: into \(gx)",
          "error: gex is in memory, and a table grouped from it stays there: into gx_\(run)",
          "error: a server's table is grouped by an Int, String, Date or Bool key; v of \(conn).gex is Double",
          "error: table \(conn).gpx already exists",
          "error: column 'pid' is named twice",
          "error: the new table cannot replace \(conn).gex, the table it is made from",
          "error: recency needs a date, or a number of days since the last purchase: t is String",
          "error: 'as of' needs a date recency column: n already counts days",
          "error: no table named '\(gq)'",
        ]
        for error in errors { #expect(result.stderr.contains(error), "\(result.stderr)") }
        #expect(result.stdout.contains("share of 6 rows in \(conn).gpx"), "\(result.stdout)")
        #expect(!result.stdout.contains("grouped"))
        // sql shows the statement that would make the table, and makes none.
        let create =
          conn == "pg"
          ? "CREATE TABLE \"gq_\(run)\" AS SELECT" : "CREATE TABLE `gq_\(run)` USING parquet AS SELECT"
        #expect(result.stdout.contains(create), "\(result.stdout)")
      }
    }
  }
}
