import Foundation
import Testing

@testable import SegmentCore

/// Cards, drift, the listing, editing, dropping and export.
@Suite("Persona cards")
struct PersonaCardTests {
  func out(_ p: Performance) -> String { p.emissions.filter { $0.stream == .out }.map(\.text).joined() }
  func err(_ p: Performance) -> String { p.emissions.filter { $0.stream == .err }.map(\.text).joined() }

  func session(_ commands: String) -> Session {
    let session = Session()
    let p = session.perform("load sample rows 2000 seed 5; segment young = age < 30\n" + commands)
    #expect(!p.failed, "\(p.emissions)")
    return session
  }

  static let mia = "persona \"Mia\" for young\n  age 24\n  channels social, email\nend"

  /// The drift rule: outside the middle half, or more than 5 years from the median.
  @Test(arguments: [(35, false), (40, false), (30, false), (29, true), (41, true), (46, true), (20, true)])
  func ageDriftRule(_ stated: Int, _ drifts: Bool) {
    var persona = Persona(name: "P", segment: "s")
    persona.set(.age, to: [String(stated)])
    let figures = PersonaFigures(
      tableName: "t", size: 100, base: 400, traits: [], age: (p25: 30, median: 35, p75: 45))
    let found = PersonaDrift.check(persona, against: figures)
    #expect(found.map(\.field) == (drifts ? [.age] : []))
  }

  @Test(arguments: [(["Email", "sms"], false), (["sms", "email"], true), ([], false)])
  func channelDriftRule(_ channels: [String], _ drifts: Bool) {
    var persona = Persona(name: "P", segment: "s")
    if !channels.isEmpty { persona.set(.channels, to: channels) }
    let top = TraitIndex(
      column: "preferred_channel", value: "email", count: 40, share: 0.4, baseShare: 0.3, index: 133, z: 3)
    let figures = PersonaFigures(tableName: "t", size: 100, base: 400, traits: [], channel: top)
    #expect(PersonaDrift.check(persona, against: figures).map(\.field) == (drifts ? [.channels] : []))
  }

  @Test func aPersonaDriftsWhenItsSegmentMovesAway() {
    let s = session(Self.mia)
    #expect(!out(s.perform("show persona mia")).contains("drifted"))
    _ = s.perform("set format csv")
    #expect(out(s.perform("personas")).contains("Mia,young,"))
    _ = s.perform("segment young = age > 60")
    let card = out(s.perform("show persona Mia"))
    #expect(card.contains(",drifted,\"stated age 24, but the segment's median age is now "))
    #expect(card.contains(",drifted,\"written for segment young as age < 30 on customers; it is now age > 60 on customers."))
    let listing = out(s.perform("personas"))
    #expect(
      listing.hasSuffix(",written,\"segment, age\"\n") || listing.hasSuffix(",written,\"segment, age, channels\"\n"))
    // Bound again, the segment's own drift goes; the figures still disagree with the stated age.
    _ = s.perform("persona Mia set segment young")
    let bound = out(s.perform("personas"))
    #expect(bound.hasSuffix(",written,age\n") || bound.hasSuffix(",written,\"age, channels\"\n"))
  }

  @Test func theCardShowsFieldsBesideLiveFigures() {
    let s = session(Self.mia + "\npersona Mia set quote \"Show me, don't tell me.\"\npersona Mia set tech 4")
    let card = out(s.perform("show persona Mia"))
    let lines = card.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines[0] == "Mia — persona for segment young")
    #expect(lines[1].hasPrefix("  segment         "))
    #expect(lines[1].contains(" of 2,000 customers ("))
    #expect(lines[1].contains("% of total_spend"))
    #expect(lines[2].hasPrefix("  stands out      "))
    #expect(card.contains("  age             24\n"))
    #expect(card.contains("  quote           \"Show me, don't tell me.\"\n"))
    #expect(card.contains("  channels        social, email\n"))
    #expect(card.contains("  tech            4 of 5\n"))
    // In CSV and Markdown a card is a table of its fields; in JSON the object `export personas` writes.
    _ = s.perform("set format csv")
    let csv = out(s.perform("show persona Mia"))
    #expect(csv.hasPrefix("field,value,status,evidence\nsegment,young,figures,"))
    #expect(csv.contains("\ntech,4 of 5,written,\n"))
    _ = s.perform("set format markdown")
    #expect(out(s.perform("show persona Mia")).contains("| tech | 4 of 5 | written |  |\n"))
    _ = s.perform("set format json")
    let json = out(s.perform("show persona Mia"))
    #expect(json.hasPrefix("{\n  \"personas\": [\n    {\n      \"name\": \"Mia\","))
    #expect(json.contains("\"quote\": \"Show me, don't tell me.\""))
  }

  @Test func editingSetsAddsAndRenames() throws {
    let s = session(Self.mia + "\npersona draft for young")
    #expect(out(s.perform("persona mia add channels SOCIAL, sms")) == "persona Mia: channels has 3 items\n")
    #expect(out(s.perform("persona young_draft set age 23")) == "persona young_draft: age is 23\n")
    #expect(s.workspace.persona(named: "young_draft")?.evidence(for: .age) == nil)
    #expect(out(s.perform("persona young_draft set name Kai")) == "renamed persona young_draft to Kai\n")
    let clash = s.perform("persona kai set name MIA")
    #expect(err(clash).hasPrefix("error: there is already a persona named Mia\n"))
    let unknown = s.perform("persona mai set age 3")
    #expect(err(unknown).contains("no persona named 'mai'"))
    #expect(err(unknown).contains("did you mean 'Kai' or 'Mia'?"))
  }

  @Test func aSegmentWithPersonasCannotBeDropped() {
    let s = session(Self.mia)
    let refused = s.perform("drop segment young")
    #expect(
      err(refused)
        == "error: segment young has persona Mia\n  drop segment young\n               ^^^^^\n"
        + "  drop persona Mia first, or keep the segment\n")
    _ = s.perform("set format csv")
    #expect(out(s.perform("segments")).hasPrefix("segment,table,size,share,definition,persona\n"))
    #expect(err(s.perform("drop persona mia")) == "dropped persona Mia\n")
    #expect(out(s.perform("segments")).hasPrefix("segment,table,size,share,definition\n"))
    #expect(!s.perform("drop segment young").failed)
  }

  @Test func aPersonaNeedsAnExistingSegment() {
    let p = session("").perform("persona \"Ann\" for yuong\n  age 3\nend")
    #expect(err(p).contains("no segment named 'yuong'"))
    #expect(err(p).contains("did you mean 'young'?"))
  }

  @Test func exportWritesMarkdownAndJSONAndRefusesToOverwrite() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "seg-persona-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let md = dir.appendingPathComponent("p.md").path
    let json = dir.appendingPathComponent("p.json").path
    let s = session(Self.mia + "\npersona draft for young")
    #expect(out(s.perform("export personas to \"\(md)\"")).hasPrefix("wrote 2 personas to \(md) ("))
    let markdown = try String(contentsOfFile: md, encoding: .utf8)
    #expect(markdown.hasPrefix("# Personas\n\n## Mia\n\n*Persona for segment young: "))
    #expect(markdown.contains("\n| age | 24 |  |\n"))
    #expect(markdown.contains("\n## young\\_draft\n"))
    #expect(markdown.contains("**Still to write:** name, quote, goals, pains"))
    let again = s.perform("export personas to \"\(md)\"")
    #expect(err(again).hasPrefix("error: \(md) already exists\n"))
    #expect(!s.perform("export personas to \"\(md)\" replace").failed)
    #expect(!s.perform("export personas to \"\(json)\"").failed)
    let text = try String(contentsOfFile: json, encoding: .utf8)
    let keys = [
      "\"name\"", "\"segment\"", "\"draft\"", "\"fields\"", "\"still_to_write\"", "\"evidence\"",
      "\"figures\"", "\"drift\"",
    ]
    let positions = keys.compactMap { text.range(of: $0)?.lowerBound }
    #expect(positions.count == keys.count && positions == positions.sorted())
    let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
    let people = try #require(parsed?["personas"] as? [[String: Any]])
    #expect(people.map { $0["name"] as? String } == ["Mia", "young_draft"])
    #expect((people[0]["fields"] as? [String: Any])?["age"] as? Int == 24)
    #expect(people[1]["draft"] as? Bool == true)
    _ = s.perform("export personas to \"\(json)\" replace")
    #expect(try String(contentsOfFile: json, encoding: .utf8) == text)
    #expect(
      err(s.perform("export personas to \"\(dir.path)/p.txt\"")).contains("writes a .md, .json or .html file"))
  }
}
