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
        + "interests, habits, traits, tech, websites, brands; a line 'end' closes the block\n")
  }

  /// 200 customers whose columns are named as another shop names them (issue 20, item 4): the 60 `wine`
  /// members hold the premium plan four times in five (the table: 83 of 200) and visit less.
  static func wineFile(in dir: URL) throws -> String {
    var lines = ["ID,MntWines,NumWebVisitsMonth,Plan,Half"]
    for i in 0..<200 {
      let wine = i < 60 ? 600 + i : 100 + i % 50
      let visits = i < 60 ? 2 + i % 3 : 6 + i % 4
      let plan = i < 60 ? (i % 5 == 0 ? "basic" : "premium") : (i % 4 == 0 ? "premium" : "basic")
      lines.append("\(i * 3 + 1),\(wine),\(visits),\(plan),\(i % 2 == 0 ? "a" : "b")")
    }
    let path = dir.appendingPathComponent("wine.csv").path
    try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  @Test func aDraftStatesTheProfilesStrongestTraitsWhateverTheColumnsAreCalled() throws {
    let dir = try SegBinary.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = try Self.wineFile(in: dir)
    let result = try SegBinary.run([
      "--no-init", "-c", "load \"\(path)\" as mc; segment wine = MntWines > 500; persona draft for wine",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("drafted persona wine_draft for segment wine: 1 field from the data\n"))
    #expect(
      result.stdout.contains(
        "  traits          higher MntWines, lower NumWebVisitsMonth, Plan premium  [strongest in profile wine: "
          + "MntWines mean 629.50 vs 277.00 in mc, z 198.1 (defines the segment); NumWebVisitsMonth mean 3.00 "
          + "vs 6.15 in mc, z -31.6; Plan premium index 193, 80.0% vs 41.5% of mc, z 7.2]\n"))
  }

  @Test(.enabled(if: FileManager.default.fileExists(atPath: SegBinary.sharedData.path)))
  func aDraftOnTheCustomerPersonalityFileStatesWhatDefinesTheSegment() throws {
    let path = SegBinary.sharedData.appendingPathComponent("customer_personality/marketing_campaign.csv").path
    let result = try SegBinary.run([
      "--no-init", "-c", "load \"\(path)\" as mc; segment wine = MntWines > 500; persona draft for wine",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("drafted persona wine_draft for segment wine: 3 fields from the data\n"))
    #expect(
      result.stdout.contains(
        "  traits          higher MntWines, higher NumCatalogPurchases, lower Kidhome, higher NumStorePurchases, "
          + "higher NumWebPurchases, higher MntMeatProducts  [strongest in profile wine: MntWines mean 800.08 "
          + "vs 303.94 in mc, z 62.9 (defines the segment); NumCatalogPurchases mean "))
  }

  @Test func thePersonasSessionReplaysGreen() throws {
    let result = try SegBinary.run(
      ["run", "--check", "Sessions/personas.seg"], directory: SegBinary.repositoryRoot)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.hasSuffix("in Sessions/personas.seg: all match\n"))
  }
}
