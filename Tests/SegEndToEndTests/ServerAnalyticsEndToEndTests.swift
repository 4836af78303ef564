import Foundation
import Testing

/// `describe`, `profile`, persona drafts, `rfm`, `bucket` and `derive` on a server's table print what they print
/// in memory, byte for byte: the same script runs on a table in memory called `CONN_an` and on its copy `CONN.an`
/// (names of one width, so every table is laid out alike).
@Suite(
  "Describe, profile, personas, rfm, bucket and derive on servers",
  .enabled(if: PostgresServer.url != nil || SparkServer.url != nil || PostgresServer.isCI))
struct ServerAnalyticsEndToEndTests {
  static let block = """
    set today 2026-11-01
    describe
    segment big = total_spend > 500 and last_purchase_date within 1 year
    segment young = age < 30
    profile big
    profile big vs young
    profile young columns interests, urban, income, signup_date
    persona draft for big
    persona big_draft set age 40
    personas
    """

  /// rfm and bucket add columns the segments and later commands read; a second run replaces them in
  /// place, under a band that still reads the first scores.
  static let modelBlock = """
    set today 2026-11-01
    rfm recency last_purchase_date frequency orders monetary total_spend
    count by loyalty_tier where champions or loyal
    bucket age into 18, 25, 35, 50
    bucket total_spend into 100, 500.5, 2000 as spend_band
    bucket fm into 2, 4 as fm_band
    stats total_spend by age_band where at_risk
    rfm recency cart_abandons frequency orders monetary avg_order_value
    count by r, fm_band
    show columns customer_id, r, f, m, fm, rfm, fm_band sort by fm desc limit 5
    bucket income into 10000.5, 30000 as age_band
    describe
    profile champions columns age_band, spend_band, rfm
    """

  /// Runs the block in memory and on the server through `conn`, and returns both outputs with the
  /// server's table named as the memory one.
  func compare(
    url: String, conn: String, block: String = Self.block, table: String = "an",
    source: String = "sample customers rows 2500 seed 9"
  ) throws -> (memory: String, server: String) {
    let load = "load \(source) as \(conn)_\(table)"
    let memory = try SegBinary.run([
      "--no-init", "-c", (load + "\n" + block).replacingOccurrences(of: "\n", with: "; "),
    ])
    #expect(memory.status == 0, "\(memory.stderr)")
    let script = [
      load, "connect \"\(url)\" as \(conn)", "copy \(conn)_\(table) to \(conn) as \(table) replace",
      "use \(conn).\(table)",
      block,
    ]
    let server = try SegBinary.run([
      "--no-init", "-c", script.joined(separator: "\n").replacingOccurrences(of: "\n", with: "; "),
    ])
    #expect(server.status == 0, "\(server.stderr)")
    let memoryLines = memory.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropFirst()
    let serverLines = server.stdout.replacingOccurrences(of: "\(conn).\(table)", with: "\(conn)_\(table)")
      .split(separator: "\n", omittingEmptySubsequences: false).dropFirst(4)
    return (memoryLines.joined(separator: "\n"), serverLines.joined(separator: "\n"))
  }

  @Test func onPostgreSQL() throws {
    let url = try #require(
      PostgresServer.url, "CI must start PostgreSQL: Scripts/test runs Scripts/pg-server")
    let (memory, server) = try compare(url: url, conn: "pg")
    #expect(memory.contains("profile of big vs pg_an: categories"))
    #expect(memory.contains("drafted persona big_draft for segment big"))
    #expect(server == memory)
  }

  @Test func onSpark() throws {
    let url = try #require(SparkServer.url, "CI must start Spark: Scripts/test runs Scripts/spark-server")
    let (memory, server) = try compare(url: url, conn: "sc")
    #expect(memory.contains("profile of big vs sc_an: numbers and dates"))
    #expect(server == memory)
  }

  /// Ties, nulls in every input, negative amounts, a timestamp recency (summed in whole days), the
  /// largest Int, and decimal edges over whole numbers.
  static let edgeRows: String = {
    var rows = ["id,seen,visits,spend,score"]
    let spends = ["0", "-5.5", "12.25", "12.25", "100", "1e3", "7.5"]
    let scores = ["", "17", "18", "24", "25", "-3", "9223372036854775807", "50"]
    for i in 1...300 {
      func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
      let seen =
        i % 37 == 0 ? "" : "2026-\(two(i % 10 + 1))-\(two(i % 7 * 4 + 1)) \(two(i % 24)):\(two(i % 60)):00"
      let visits = i % 41 == 0 ? "" : String([1, 1, 1, 2, 2, 3, 5, 8, -1, 0][i * 7 % 10])
      let spend = i % 43 == 0 ? "" : spends[i * 3 % spends.count]
      rows.append("\(i),\(seen),\(visits),\(spend),\(scores[i * 5 % scores.count])")
    }
    return rows.joined(separator: "\n") + "\n"
  }()

  static let edgeBlock = """
    rfm recency seen frequency visits monetary spend
    count by rfm
    rfm recency visits frequency score monetary spend
    count by r, f, m
    bucket score into 18, 24.5, 50 as sband
    bucket spend into -1, 0, 12.25, 100.5 as pband
    count by sband, pband
    show columns id, seen, r, f, m, fm, rfm, sband, pband sort by id limit 12
    describe
    """

  /// Every server this run started, with the connection name the tests give it.
  static var servers: [(url: String, conn: String)] {
    var servers: [(url: String, conn: String)] = []
    if let url = PostgresServer.url { servers.append((url, "pg")) }
    if let url = SparkServer.url { servers.append((url, "sc")) }
    #expect(!servers.isEmpty, "CI must start PostgreSQL and Spark: Scripts/test runs both")
    return servers
  }

  /// Runs `body` with the path of a CSV file holding `rows`, in a scratch folder removed afterwards.
  func withFile(_ rows: String, _ body: (String) throws -> Void) throws {
    let dir = try SegBinary.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("rows.csv").path
    try rows.write(toFile: path, atomically: true, encoding: .utf8)
    try body(path)
  }

  /// `set explain on` reads its figures (the segment's share, and of revenue) from the table's engine.
  @Test func explainedSegmentsOnEveryServer() throws {
    let block = """
      set explain on
      segment big = total_spend > 1000
      segment quiet = orders < 2 and income > 80000
      count by loyalty_tier where big
      """
    for (url, conn) in Self.servers {
      let (memory, server) = try compare(url: url, conn: conn, block: block, table: "ex")
      #expect(
        memory.contains("in marketing terms: this segment is 5.9% of \(conn)_ex and brings 29.4% of revenue"),
        "\(memory)")
      #expect(server == memory, "\(conn)")
    }
  }

  @Test func rfmAndBucketOnEdgesOnEveryServer() throws {
    try withFile(Self.edgeRows) { path in
      for (url, conn) in Self.servers {
        let (memory, server) = try compare(
          url: url, conn: conn, block: Self.edgeBlock, table: "ed", source: "\"\(path)\"")
        #expect(memory.contains("rows with a null in visits, score or spend not scored"))
        #expect(memory.contains("bucketed spend into pband on \(conn)_ed: 5 bands"))
        #expect(server == memory, "\(conn)")
      }
    }
  }

  @Test func rfmAndBucketOnPostgreSQL() throws {
    let url = try #require(
      PostgresServer.url, "CI must start PostgreSQL: Scripts/test runs Scripts/pg-server")
    let (memory, server) = try compare(url: url, conn: "pg", block: Self.modelBlock, table: "mo")
    #expect(memory.contains("rfm on pg_mo: scored"))
    #expect(memory.contains("bucketed total_spend into spend_band on pg_mo: 4 bands"))
    #expect(server == memory)
  }

  @Test func rfmAndBucketOnSpark() throws {
    let url = try #require(SparkServer.url, "CI must start Spark: Scripts/test runs Scripts/spark-server")
    let (memory, server) = try compare(url: url, conn: "sc", block: Self.modelBlock, table: "mo")
    #expect(memory.contains("replaced age_band on sc_mo: 3 bands"))
    #expect(server == memory)
  }

  /// derive with every function, operator and `case`, a segment in a condition, days counted from the
  /// column's own latest day and then from `set today`, and columns that later commands and segments
  /// read.
  static let deriveBlock = """
    segment big = total_spend > 500
    derive spo = total_spend / orders
    derive mix = orders * 3 - cart_abandons % 4
    derive half = round(total_spend * 1.005, 2) + round(-avg_order_value, -1)
    derive inc_k = round(income, -3)
    derive since = days_since(last_purchase_date)
    derive ym = year(signup_date) * 100 + month(signup_date)
    derive bday = date(20240000 + month(birth_date) * 100 + age)
    derive who = upper(first_name)
    derive place = lower(country)
    derive clen = length(city)
    derive band = case when age < 30 then "young" when big then "big" when income is null then null else "other" end
    derive spend_or = case when urban then total_spend else orders end
    derive gap = last_purchase_date - signup_date
    derive soon = signup_date + 30 - -age
    derive filled = coalesce(avg_order_value, income, 1.5)
    derive nothing = null + age
    set today 2026-11-01
    derive since = days_since(last_purchase_date) * 2
    segment heavy = spo > 100 and band = "other"
    count by band, clen where heavy
    stats spo, half, since by band
    describe
    show columns customer_id, spo, half, inc_k, since, bday, who, spend_or, soon sort by half desc limit 6
    """

  @Test func deriveOnPostgreSQL() throws {
    let url = try #require(
      PostgresServer.url, "CI must start PostgreSQL: Scripts/test runs Scripts/pg-server")
    let (memory, server) = try compare(url: url, conn: "pg", block: Self.deriveBlock, table: "dv")
    #expect(memory.contains("derived band (String) on pg_dv: 2,500 rows"))
    #expect(memory.contains("replaced since (Int) on pg_dv"))
    #expect(server == memory)
  }

  @Test func deriveOnSpark() throws {
    let url = try #require(SparkServer.url, "CI must start Spark: Scripts/test runs Scripts/spark-server")
    let (memory, server) = try compare(url: url, conn: "sc", block: Self.deriveBlock, table: "dv")
    #expect(memory.contains("derived nothing (Int) on sc_dv: 2,500 rows, 2,500 null"))
    #expect(server == memory)
  }

  /// Halves rounded away from zero (and doubles just below a half), the largest and least Int, a
  /// division by zero, yyyymmdd digits that are no date, and text beyond A to Z. (No mean of `n`:
  /// a sum of doubles near 2^63 depends on the order of the rows, which no server promises.)
  static let formulaRows = """
    id,n,x,code,t,d
    1,9223372036854775807,2.5,20240229,Ärger,2024-01-31
    2,-9223372036854775808,-2.5,20230229,straße,
    3,0,0.5,1997,İstanbul,1999-12-31
    4,-7,-0.5,99991231,,2000-02-29
    5,15,1.005,10101,plain,
    6,,2.675,20241301,ÉCOLE,2024-03-01
    7,-15,0.49999999999999994,19700101,mIxEd,1970-01-01
    8,149,1e300,,ΟΔΟΣ,
    9,-150,0,20240431,cafe\u{301},2026-12-31
    10,250,-123456.789,-20240101,y,

    """

  static let formulaBlock = """
    derive r0 = round(x)
    derive r2 = round(x, 2)
    derive rn = round(n, -2)
    derive q = n % 7
    derive dd = date(code)
    derive lo = lower(t)
    derive up = upper(t)
    derive len = length(t)
    derive neg = -x
    derive div = n / x
    derive ab = abs(x) + abs(-7)
    derive yr = year(dd) - month(d)
    derive z = coalesce(dd, d)
    derive back = d - 3
    derive days = days_since(d)
    stats r2, q, yr, days, len
    show columns id, r0, r2, rn, q, dd, lo, up, len, div, neg, ab, yr, z, back, days sort by id limit 12
    """

  @Test func deriveOnEdgesOnEveryServer() throws {
    try withFile(Self.formulaRows) { path in
      for (url, conn) in Self.servers {
        let (memory, server) = try compare(
          url: url, conn: conn, block: Self.formulaBlock, table: "fo", source: "\"\(path)\"")
        #expect(memory.contains("derived dd (Date) on \(conn)_fo: 10 rows, 6 null"))
        #expect(memory.contains("STRASSE"))
        // A Σ that ends a word lowers to ς; `length` counts cafe + U+0301 as 5 on every engine.
        #expect(memory.contains("│ οδος "))
        #expect(server == memory, "\(conn)")
      }
    }
  }

  /// What a server cannot compute as memory does is refused before anything changes, and an Int the
  /// server finds out of range names the expression; the table is as it was after either.
  @Test func deriveErrorsOnEveryServer() throws {
    try withFile(Self.formulaRows) { path in
      for (url, conn) in Self.servers {
        try checkErrors(url: url, conn: conn, path: path)
      }
    }
  }

  /// The errors of `deriveErrorsOnEveryServer` on one server.
  func checkErrors(url: String, conn: String, path: String) throws {
    let said = conn == "pg" ? "PostgreSQL: bigint out of range" : "Spark: [ARITHMETIC_OVERFLOW]"
    let script = [
      "load \"\(path)\" as f", "connect \"\(url)\" as \(conn)", "copy f to \(conn) as fe replace",
      "use \(conn).fe", "derive twice = n * 2", "derive m = x % 0.7", "describe",
    ]
    let run = try SegBinary.run(["--no-init"] + script.flatMap { ["--cmd", $0] })
    #expect(
      run.stderr.contains("error: a number or a date is out of range in n * 2 (\(said)"), "\(run.stderr)")
    if conn == "pg" {
      #expect(
        run.stderr.contains(
          "error: PostgreSQL cannot compute % of Double values exactly as seg does; load the table into "
            + "memory first"))
      #expect(!run.stdout.contains("│ m "))
    } else {
      #expect(run.stdout.contains("derived m (Double) on sc.fe: 10 rows"))
    }
    #expect(!run.stdout.contains("twice"))
  }
}
