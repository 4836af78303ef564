import Foundation
import Testing

/// `trait` on a server's tables prints what it prints in memory, byte for byte: the same script runs on
/// two tables in memory called `CONN_xx` and on their copies `CONN.xx` (names of one width, so every
/// table is laid out alike), on every server the run started.
@Suite(
  "trait on servers",
  .enabled(if: PostgresServer.url != nil || SparkServer.url != nil || PostgresServer.isCI))
struct TraitOnServersEndToEndTests {
  /// Every aggregate over the sample's orders, a filter by a window of days and by a segment of the
  /// source, a column derived on the source, an expression, a trait replaced, and segments, counts,
  /// stats and describe reading the traits.
  static let ordersBlock = """
    set today 2026-11-01
    use T_to
    derive line = amount * quantity
    derive big = case when line > 150 then true else false end
    segment pricey = amount > 100
    use T_tc
    trait orders_n = count(*) from T_to by customer_id
    trait spend = sum(amount) from T_to by customer_id
    trait units = sum(quantity) from T_to where pricey by customer_id
    trait avg_line = mean(amount * quantity) from T_to by customer_id
    trait recent = count(*) from T_to where order_date within 90 days by customer_id
    trait big_n = count(big) from T_to where big = true by customer_id
    trait any_big = max(big) from T_to by customer_id
    trait all_big = min(big) from T_to by customer_id
    trait first_cat = first(category) from T_to by customer_id
    trait last_day = last(order_date) from T_to by customer_id
    trait fav = most_frequent(category) from T_to by customer_id
    trait kinds = distinct_count(product) from T_to by customer_id
    trait cheapest = min(amount) from T_to by customer_id
    trait top_product = max(product) from T_to by customer_id
    trait spend = sum(amount) from T_to where order_date within 1 year by customer_id
    segment loyal_buyers = orders_n >= 5 and fav = "Fashion"
    count by fav, any_big where loyal_buyers
    stats orders_n, spend, units, avg_line, kinds, cheapest, recent
    show columns customer_id, orders_n, spend, units, avg_line, big_n, any_big, all_big, first_cat, last_day, fav, kinds, top_product sort by customer_id limit 10
    describe
    """

  /// String keys with a null, source rows with null keys and with keys no row has, nulls in every
  /// value, ties for the commonest value (upper case sorts first in byte order), and Bool values.
  static let people = """
    pid,name
    a,Ann
    b,Bob
    ,Nobody
    c,Cy
    d,Di
    e,Eve

    """

  static let events = """
    pid,flag,v,n,t,d
    a,true,1.5,3,x,2024-01-02
    a,,,,y,
    a,false,-0.5,3,y,2024-01-01
    b,,,,,
    b,true,2.25,-4,Z,2023-12-31
    ,true,9,9,q,2020-01-01
    c,false,0.1,,x,
    c,false,0.2,7,X,2025-05-05
    zz,true,1,1,a,2021-01-01
    d,,,9223372036854775807,,
    d,,,1,,

    """

  static let edgeBlock = """
    use T_pe
    trait n = count(*) from T_ev by pid
    trait nv = count(v) from T_ev by pid
    trait sv = sum(v) from T_ev by pid
    trait mv = mean(n) from T_ev by pid
    trait fl = first(t) from T_ev by pid
    trait ll = last(d) from T_ev by pid
    trait mf = most_frequent(t) from T_ev by pid
    trait mfb = most_frequent(flag) from T_ev by pid
    trait dc = distinct_count(t) from T_ev by pid
    trait lo = min(flag) from T_ev by pid
    trait hi = max(t) from T_ev by pid
    trait sn = sum(n) from T_ev where flag = true by pid
    show columns pid, name, n, nv, sv, mv, fl, ll, mf, mfb, dc, lo, hi, sn sort by pid
    """

  /// Runs `block` (its tables written `T_xx`) on `tables` (name and source of each) in memory, named
  /// `CONN_xx`, and on their copies on a server, named `CONN.xx`; the server's output with its names
  /// written as memory's, both without the lines that load, connect and copy.
  /// - Parameter made: the names (without `T_`) of the tables the block makes, written as memory's too.
  func compare(url: String, conn: String, tables: [(String, String)], block: String, made: [String] = [])
    throws -> (memory: String, server: String)
  {
    let loads = tables.map { "load \($0.1) as \(conn)_\($0.0)" }
    let memory = try SegBinary.run([
      "--no-init", "-c",
      (loads + [block.replacingOccurrences(of: "T_", with: "\(conn)_")]).joined(separator: "\n")
        .replacingOccurrences(of: "\n", with: "; "),
    ])
    #expect(memory.status == 0, "\(memory.stderr)")
    let copies = tables.map { "copy \(conn)_\($0.0) to \(conn) as \($0.0) replace" }
    let script =
      loads + ["connect \"\(url)\" as \(conn)"] + copies + [
        block.replacingOccurrences(of: "T_", with: "\(conn).")
      ]
    let server = try SegBinary.run([
      "--no-init", "-c", script.joined(separator: "\n").replacingOccurrences(of: "\n", with: "; "),
    ])
    #expect(server.status == 0, "\(server.stderr)")
    var serverText = server.stdout
    for name in tables.map(\.0) + made {
      serverText = serverText.replacingOccurrences(of: "\(conn).\(name)", with: "\(conn)_\(name)")
    }
    let memoryLines = memory.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(
      tables.count)
    let serverLines = serverText.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(
      2 * tables.count + 1)
    return (memoryLines.joined(separator: "\n"), serverLines.joined(separator: "\n"))
  }

  @Test func everyAggregateOverTheSampleOrders() throws {
    let tables = [("tc", "sample customers rows 2500 seed 9"), ("to", "sample orders rows 2500 seed 9")]
    for (url, conn) in ServerAnalyticsEndToEndTests.servers {
      let (memory, server) = try compare(url: url, conn: conn, tables: tables, block: Self.ordersBlock)
      #expect(
        memory.contains("trait orders_n (Int) on \(conn)_tc: 2,341 of 2,500 rows matched rows of \(conn)_to"))
      #expect(memory.contains("replaced trait spend (Double) on \(conn)_tc"))
      #expect(server == memory, "\(conn)")
    }
  }

  @Test func edgesOfKeysAndValues() throws {
    try withFiles { people, events in
      for (url, conn) in ServerAnalyticsEndToEndTests.servers {
        let (memory, server) = try compare(
          url: url, conn: conn, tables: [("pe", "\"\(people)\""), ("ev", "\"\(events)\"")],
          block: Self.edgeBlock)
        #expect(
          memory.contains(
            "trait n (Int) on \(conn)_pe: 4 of 6 rows matched rows of \(conn)_ev; the other 2 are 0"))
        // a: x, y, y; c: x and X tie, X first in byte order.
        #expect(memory.contains("│ c   │ Cy     │ 2 │"))
        #expect(server == memory, "\(conn)")
      }
    }
  }

  /// A source on another engine, a key that repeats, keys of two types and an Int sum past 64 bits are
  /// refused, on the server as in memory, and the table is as it was after each.
  @Test func refusalsOnEveryServer() throws {
    try withFiles { people, events in
      for (url, conn) in ServerAnalyticsEndToEndTests.servers {
        let script = [
          "load \"\(people)\" as px", "load \"\(events)\" as ex", "connect \"\(url)\" as \(conn)",
          "copy px to \(conn) as px replace", "copy ex to \(conn) as ex replace", "use \(conn).px",
          "trait x = count(*) from ex by pid",
          "use \(conn).ex", "trait x = count(*) from \(conn).px by pid",
          "use \(conn).px", "trait x = count(*) from \(conn).ex by name = n",
          "use \(conn).px", "trait x = sum(n) from \(conn).ex by pid",
          "describe",
        ]
        let run = try SegBinary.run(["--no-init"] + script.flatMap { ["--cmd", $0] })
        #expect(
          run.stderr.contains(
            "error: a trait joins two tables of one engine: \(conn).px is on \(conn), ex in memory"),
          "\(run.stderr)")
        #expect(run.stderr.contains("error: pid is not unique in \(conn).ex: \"a\" is on more than one row"))
        #expect(
          run.stderr.contains(
            "error: keys must both be Int or both String; \(conn).px.name is String, \(conn).ex.n is Int"))
        let said = conn == "pg" ? "PostgreSQL: bigint out of range" : "Spark: [CAST_OVERFLOW]"
        #expect(
          run.stderr.contains("error: a number or a date is out of range in sum(n) (\(said)"), "\(run.stderr)"
        )
        #expect(!run.stdout.contains("│ x "))
        #expect(run.stdout.contains("\(conn).px: 6 rows, 2 columns"))
      }
    }
    // Memory names the row whose sum overflows.
    try withFiles { people, events in
      let run = try SegBinary.run([
        "--no-init", "-c",
        "load \"\(people)\" as pe; load \"\(events)\" as ev; use pe; trait x = sum(n) from ev by pid",
      ])
      #expect(run.stderr.contains("error: the sum overflows for row 5"), "\(run.stderr)")
    }
  }

  /// Runs `body` with the paths of `people` and `events` as CSV files, in a scratch folder removed
  /// afterwards.
  func withFiles(_ body: (String, String) throws -> Void) throws {
    let dir = try SegBinary.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let people = dir.appendingPathComponent("people.csv").path
    let events = dir.appendingPathComponent("events.csv").path
    try Self.people.write(toFile: people, atomically: true, encoding: .utf8)
    try Self.events.write(toFile: events, atomically: true, encoding: .utf8)
    try body(people, events)
  }
}
