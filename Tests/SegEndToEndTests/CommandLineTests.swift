import Foundation
import Testing

/// End-to-end tests of the command line (DESIGN §3): they run the built `seg` and compare exact output.
@Suite("Command line")
struct CommandLineTests {
  @Test func versionAndHelp() throws {
    let version = try SegBinary.run(["--version"])
    #expect(version.status == 0)
    #expect(version.stdout == "0.1.0\n")
    let help = try SegBinary.run(["--help"])
    #expect(help.status == 0)
    #expect(help.stdout.contains("USAGE: seg"))
    #expect(help.stdout.contains("run"))
  }

  @Test(arguments: [["--bogus"], ["--format", "xml", "-c", "tables"], ["run"], ["-c"]])
  func badInvocationExitsTwo(arguments: [String]) throws {
    let result = try SegBinary.run(arguments)
    #expect(result.status == 2)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.contains("Error:") || result.stderr.contains("error:"))
  }

  @Test func dashCRunsCommandsInOrder() throws {
    let result = try SegBinary.run(["-c", "load sample rows 10 seed 1; tables"])
    #expect(result.status == 0)
    #expect(result.stderr.isEmpty)
    #expect(
      result.stdout == """
        loaded customers: 10 rows, 24 columns (sample, seed 1)
        ┌─────────────┬──────┬─────────┬─────────┐
        │ table       │ rows │ columns │ memory  │
        ├─────────────┼──────┼─────────┼─────────┤
        │ customers * │   10 │      24 │ 1.4 KiB │
        └─────────────┴──────┴─────────┴─────────┘
        * current table

        """)
  }

  @Test func aFailingCommandExitsOneWithTheErrorOnStderr() throws {
    let result = try SegBinary.run(["-c", "tables; lod sample; tables"])
    #expect(result.status == 1)
    #expect(
      result.stderr == """
        error: unknown command 'lod'
          lod sample
          ^^^
          did you mean 'load'?
          type 'help' to list the commands

        """)
    #expect(result.stdout.components(separatedBy: "no tables yet").count == 2)
  }

  @Test func formatFlagAppliesToResults() throws {
    let result = try SegBinary.run([
      "--format", "csv", "-c", "load sample rows 3 seed 9; show columns customer_id",
    ])
    #expect(result.status == 0)
    #expect(result.stdout.hasSuffix("customer_id\n1\n2\n3\n"))
  }

  @Test func runReplaysScriptsAndStopsAtTheFirstErrorWithFileAndLine() throws {
    let dir = try SegBinary.temporaryDirectory()
    try "load sample rows 5\n# a comment\ntables\n".write(
      to: dir.appendingPathComponent("a.seg"), atomically: true, encoding: .utf8)
    try "set format csv\n\nshow columns agee\ntables\n".write(
      to: dir.appendingPathComponent("b.seg"), atomically: true, encoding: .utf8)
    let result = try SegBinary.run(["run", "a.seg", "b.seg"], directory: dir)
    #expect(result.status == 1)
    #expect(result.stderr.hasPrefix("format is csv\nb.seg:3: error: no column 'agee' in table customers\n"))
    #expect(!result.stdout.contains("table,rows,columns"))

    let going = try SegBinary.run(["run", "--keep-going", "a.seg", "b.seg"], directory: dir)
    #expect(going.status == 1)
    #expect(going.stdout.hasSuffix("table,rows,columns,memory\ncustomers *,5,24,843\n"))
  }

  @Test func runOfAMissingFileSaysSo() throws {
    let result = try SegBinary.run(["run", "nowhere.seg"])
    #expect(result.status == 1)
    #expect(result.stderr == "error: cannot read nowhere.seg: no such file\n")
  }

  @Test func pipedInputRunsEveryLineAndKeepsGoing() throws {
    let dir = try SegBinary.temporaryDirectory()
    let result = try SegBinary.run(
      ["--no-init"], input: "load sample rows 4\nshow nope\nset format csv\ntables\n",
      environment: ["HOME": dir.path, "XDG_STATE_HOME": dir.path])
    #expect(result.status == 1)
    #expect(result.stderr.contains("no table or segment named 'nope'"))
    #expect(result.stdout.hasSuffix("\ntable,rows,columns,memory\ncustomers *,4,24,698\n"))
    #expect(result.stderr.contains("format is csv\n"), "in CSV the sentences go to stderr")
  }

  @Test func initScriptRunsBeforeTheShellUnlessNoInit() throws {
    let dir = try SegBinary.temporaryDirectory()
    try "set format csv\n".write(to: dir.appendingPathComponent(".segrc"), atomically: true, encoding: .utf8)
    let env = ["HOME": dir.path, "XDG_STATE_HOME": dir.path, "XDG_CONFIG_HOME": ""]
    let withInit = try SegBinary.run([], input: "tables\n", environment: env)
    #expect(withInit.stdout.contains("table,rows,columns"))
    let without = try SegBinary.run(["--no-init"], input: "tables\n", environment: env)
    #expect(without.stdout.contains("┌"))
  }
}
