import Foundation
import Testing

/// Persona blocks through the built `seg`: `-c`, piped input, scripts with errors, and the session.
@Suite("Personas end to end")
struct PersonaTests {
  static let setup = "load sample customers rows 600; segment young = age < 30"

  @Test func aBlockRunsFromDashCWithNewlinesOrSemicolons() throws {
    for block in [
      "persona \"S\" for young\n age 24\n channels social\n end",
      "persona \"S\" for young; age 24; channels social; end",
    ] {
      let result = try SegBinary.run(["-c", Self.setup + "\n" + block + "\npersonas"])
      #expect(result.status == 0, "\(result.stderr)")
      #expect(result.stdout.contains("persona S for segment young: 2 fields\n"))
      #expect(result.stdout.contains("│ S       │ young   │"))
    }
  }

  @Test func pipedInputWaitsForTheEndOfABlock() throws {
    let input = Self.setup + "\npersona \"S\" for young\n  age 24\n\n  tech low\nend\nshow persona S\n"
    let state = try SegBinary.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: state) }
    let result = try SegBinary.run(["--no-init"], input: input, environment: ["XDG_STATE_HOME": state.path])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("S — persona for segment young\n"))
    #expect(result.stdout.contains("  tech            low\n"))
  }

  @Test func aScriptErrorInsideABlockNamesItsFileLine() throws {
    let dir = try SegBinary.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let script = dir.appendingPathComponent("bad.seg")
    try (Self.setup + "\npersona \"S\" for young\n  age 24\n  agee 25\nend\n").write(
      to: script, atomically: true, encoding: .utf8)
    let result = try SegBinary.run(["run", script.path])
    #expect(result.status == 1)
    #expect(
      result.stderr
        == "\(script.path):4: error: expected a persona field, found 'agee'\n    agee 25\n    ^^^^\n"
        + "  did you mean 'age'?\n  the fields are name, age, gender, location, job, industry, education, "
        + "income, family, bio, quote, goals, motivations, pains, objections, triggers, channels, device, "
        + "interests, habits, tech, websites, brands; a line 'end' closes the block\n")
  }

  @Test func thePersonasSessionReplaysGreen() throws {
    let result = try SegBinary.run(
      ["run", "--check", "Sessions/personas.seg"], directory: SegBinary.repositoryRoot)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.hasSuffix("in Sessions/personas.seg: all match\n"))
  }
}
