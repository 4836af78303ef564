import Foundation
import Testing

/// Files that loaded wrong, or killed seg, before issues 14 and 18: run through the built binary.
@Suite("Loading awkward files")
struct LoaderEndToEndTests {
  /// Runs `script` (commands separated by `;`) in a fresh folder holding `files`.
  static func run(_ script: String, files: [String: [UInt8]]) throws -> SegBinary.Result {
    let folder = try SegBinary.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    for (name, bytes) in files {
      try Data(bytes).write(to: folder.appendingPathComponent(name))
    }
    return try SegBinary.run(["--no-init", "-c", script], directory: folder)
  }

  static let customers =
    "name\tcity\tjoined\tspend\r\nZoë\tKraków\t2024-01-02\t12.5\r\nJosé\t東京\t2024-02-03\t7\r\n"

  @Test(arguments: [false, true])
  func excelUnicodeTextLoads(bigEndian: Bool) throws {
    var bytes: [UInt8] = []
    for unit in [0xFEFF] + Array(Self.customers.utf16) {
      let (high, low) = (UInt8(unit >> 8), UInt8(unit & 0xFF))
      bytes += bigEndian ? [high, low] : [low, high]
    }
    let r = try Self.run(
      "load \"u.txt\" as u; show u columns name, city", files: ["u.txt": bytes])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stderr.isEmpty, "\(r.stderr)")
    #expect(r.stdout.contains("loaded u: 2 rows, 4 columns from u.txt"), "\(r.stdout)")
    #expect(
      r.stdout.contains("Kraków") && r.stdout.contains("東京") && r.stdout.contains("José"), "\(r.stdout)")
  }

  @Test func classicMacLineEndsLoadLikeLineFeeds() throws {
    let text = "id,name,joined\n1,Ann,2024-01-02\n2,Bob,2024-02-03\n3,Cy,2024-03-04\n"
    let script = "load \"f.csv\" as f; describe f; count where joined before 2024-03-01"
    let lf = try Self.run(script, files: ["f.csv": Array(text.utf8)])
    let cr = try Self.run(
      script, files: ["f.csv": Array(text.replacingOccurrences(of: "\n", with: "\r").utf8)])
    #expect(cr.status == 0, "\(cr.stderr)")
    #expect(cr.stdout.contains("loaded f: 3 rows, 3 columns"), "\(cr.stdout)")
    #expect(cr.stdout == lf.stdout)
    #expect(cr.stderr == lf.stderr)
  }

  @Test func oneBadDateIsNamedInAWarning() throws {
    var text = "id,signup_date\n"
    for i in 0..<200 { text += "\(i),\(i == 120 ? "2023-02-29" : "2023-03-\(10 + i % 18)")\n" }
    let r = try Self.run(
      "load \"c.csv\" as c; count where signup_date is null", files: ["c.csv": Array(text.utf8)])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(
      r.stderr
        == "warning: column 'signup_date' was read as text because 1 of 200 values is not a date (the first "
        + "is \"2023-02-29\" on line 122); correct or empty it in the file and load it again to read the "
        + "column as dates\n")
  }

  /// Issue 14: a file truncated by another process while seg loads it killed seg with SIGBUS. Now the
  /// load gives the whole file (writers wait for it), a prefix of it, or a clear error. Run both with
  /// the file open for writing elsewhere (as a download in progress is) and without.
  @Test(arguments: [false, true])
  func aFileTruncatedWhileItLoadsNeverKillsSeg(heldOpenForWriting: Bool) throws {
    let rows = 400_000
    var text = "id,name,city,joined,spend\n"
    text.reserveCapacity(rows * 48)
    for i in 0..<rows {
      text += "\(i),name \(i % 977),city \(i % 89),2024-01-\(10 + i % 18),\(i % 1000).25\n"
    }
    let bytes = Data(text.utf8)
    let folder = try SegBinary.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("big.csv")
    for delay in ["0", "0.01", "0.03", "0.06", "0.1"] {
      try bytes.write(to: file)
      let writer = heldOpenForWriting ? try FileHandle(forWritingTo: file) : nil
      let truncator = Process()
      truncator.executableURL = URL(fileURLWithPath: "/bin/sh")
      truncator.arguments = ["-c", "sleep \(delay); truncate -s \(bytes.count / 3) big.csv"]
      truncator.currentDirectoryURL = folder
      try truncator.run()
      let r = try SegBinary.run(
        ["--no-init", "--format", "csv", "-c", "load \"big.csv\" as big; stats id"], directory: folder)
      truncator.waitUntilExit()
      try writer?.close()
      #expect(r.status == 0 || r.status == 1, "killed by a signal after \(delay) s: \(r.status) \(r.stderr)")
      if r.status == 0 {
        // The whole file or a prefix of it: the ids are exactly 0 up to the count less one.
        let stats = try #require(r.stdout.split(separator: "\n").first { $0.hasPrefix("id,") })
        let fields = stats.split(separator: ",")
        let count = Int(fields[1])!
        #expect(count <= rows)
        #expect(fields[6] == "0" && Int(fields[7]) == count - 1, "\(stats)")
        #expect(Int(fields[8]) == count * (count - 1) / 2, "\(stats)")
      } else {
        #expect(r.stderr.hasPrefix("error: "), "\(r.stderr)")
      }
    }
  }
}
