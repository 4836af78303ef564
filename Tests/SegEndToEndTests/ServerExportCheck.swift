import Foundation
import Testing

/// `export` of a table or segment on a connection, checked against the same export in memory: the
/// script exports each from memory (`m*`), copies the table to the server, exports it again from there
/// (`s*`), and the files must be the same bytes. Shared by the PostgreSQL and Spark suites.
enum ServerExportCheck {
  /// The formats each export is written in.
  static let formats = ["csv", "tsv", "xlsx"]

  /// The sample table and a segment of it, exported in every format from memory and then from `table`
  /// on the connection `connection`.
  static func sampleScript(url: String, connection: String, table: String) -> String {
    func exports(_ prefix: String, _ tableName: String) -> [String] {
      formats.flatMap { ext in
        ["export \(tableName) to \"\(prefix).\(ext)\"", "export big to \"\(prefix)_big.\(ext)\""]
      }
    }
    var lines = [
      "load sample customers rows 1500 seed 3 as \(table)",
      "connect \"\(url)\" as \(connection)",
      "copy \(table) to \(connection) replace",
      "segment big = total_spend > 500",
    ]
    lines += exports("m", table)
    lines += ["use \(connection).\(table)", "segment big = total_spend > 500"]
    lines += exports("s", "\(connection).\(table)")
    // The file exists now: refused before any row is fetched.
    lines.append("export \(connection).\(table) to \"s.csv\"")
    return lines.joined(separator: "\n") + "\n"
  }

  /// A segment of a table whose Bool column was read from `Yes`/`No`, exported from memory and then
  /// from the server.
  static func wordsScript(url: String, connection: String, table: String) -> String {
    """
    load "members.csv" as \(table)
    connect "\(url)" as \(connection)
    copy \(table) to \(connection) replace
    segment later = id >= 2
    export later to "m_words.csv"
    use \(connection).\(table)
    segment later = id >= 2
    export later to "s_words.csv"

    """
  }

  /// Runs `script` with `seg run --keep-going` in a fresh directory holding `members.csv`.
  static func run(_ script: String) throws -> (SegBinary.Result, directory: URL) {
    let directory = try SegBinary.temporaryDirectory()
    try "id,member\n1,Yes\n2,No\n3,\n4,Yes\n".write(
      to: directory.appendingPathComponent("members.csv"), atomically: true, encoding: .utf8)
    try script.write(to: directory.appendingPathComponent("s.seg"), atomically: true, encoding: .utf8)
    let result = try SegBinary.run(["--no-init", "run", "--keep-going", "s.seg"], directory: directory)
    return (result, directory)
  }

  /// Checks what `sampleScript` wrote and said: the server's files are the memory ones byte for byte,
  /// its messages the memory ones with the server's table named, and a file that exists is refused.
  static func checkSample(
    _ result: SegBinary.Result, in directory: URL, connection: String, table: String
  ) throws {
    let lines = result.stdout.split(separator: "\n").map(String.init)
    for ext in formats {
      for (memory, server) in [("m.\(ext)", "s.\(ext)"), ("m_big.\(ext)", "s_big.\(ext)")] {
        let m = try Data(contentsOf: directory.appendingPathComponent(memory))
        let s = try Data(contentsOf: directory.appendingPathComponent(server))
        #expect(!m.isEmpty && m == s, "\(server) differs from \(memory)")
        let said = try #require(lines.first { $0.contains(" to \(memory) (") }, "\(result.stdout)")
        let expected = said.replacingOccurrences(of: " to \(memory) ", with: " to \(server) ")
          .replacingOccurrences(of: " of \(table) ", with: " of \(connection).\(table) ")
          .replacingOccurrences(of: "(\(table))", with: "(\(connection).\(table))")
        #expect(lines.contains(expected), "\(result.stdout)")
      }
    }
    #expect(lines.contains("wrote 1,500 rows of \(connection).\(table) to s.csv (265,710 bytes)"))
    #expect(result.stderr.contains("error: s.csv already exists"), "\(result.stderr)")
  }

  /// Checks what `wordsScript` wrote: the words came back from the server, in the same bytes.
  static func checkWords(_ result: SegBinary.Result, in directory: URL, connection: String, table: String)
    throws
  {
    #expect(result.status == 0, "\(result.stderr)")
    let m = try String(contentsOf: directory.appendingPathComponent("m_words.csv"), encoding: .utf8)
    let s = try String(contentsOf: directory.appendingPathComponent("s_words.csv"), encoding: .utf8)
    #expect(m == "id,member\n2,No\n3,\n4,Yes\n")
    #expect(s == m)
    #expect(
      result.stdout.contains(
        "wrote 3 rows of segment later (\(connection).\(table)) to s_words.csv (24 bytes)\n"))
  }
}
