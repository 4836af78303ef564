import Columnar
import Foundation
import Testing

@testable import SegmentCore

/// `persona draft`: each value with its evidence, checked against figures computed here by hand.
@Suite("Persona drafts")
struct PersonaDraftTests {
  func out(_ p: Performance) -> String { p.emissions.filter { $0.stream == .out }.map(\.text).joined() }

  /// A session on the sample customers with one segment, drafted.
  func drafted(_ condition: String, rows: Int = 3000) throws -> (Session, Persona, Table) {
    let session = Session()
    let p = session.perform("load sample rows \(rows) seed 11; segment s = \(condition); persona draft for s")
    #expect(!p.failed, "\(p.emissions)")
    let persona = try #require(session.workspace.persona(named: "s_draft"))
    let table = try #require(session.workspace.table(named: "customers"))
    return (session, persona, table)
  }

  /// The values of a column at the rows where `keep` holds, as Values.
  func values(_ table: Table, _ column: String, where keep: (Int) -> Bool) -> [Value] {
    let c = table.column(named: column)!
    return (0..<table.rowCount).filter(keep).map { c.value(at: $0) }
  }

  @Test func ageIsTheMembersMedian() throws {
    let (_, persona, table) = try drafted("age >= 60")
    let column = try #require(table.column(named: "age"))
    var ages: [Double] = []
    for row in 0..<table.rowCount {
      if case .int(let a) = column.value(at: row), a >= 60 { ages.append(Double(a)) }
    }
    ages.sort()
    let middle = Double(ages.count - 1) / 2
    let median = (ages[Int(middle.rounded(.down))] + ages[Int(middle.rounded(.up))]) / 2
    #expect(persona.age == Int(median.rounded()))
    let evidence = try #require(persona.evidence(for: .age))
    #expect(!evidence.isWeak)
    #expect(evidence.note.hasPrefix("median age of \(Figures.grouped(ages.count)) members (middle half "))
  }

  @Test func aDefiningCategoryIsTheMostOverRepresented() throws {
    let (_, persona, table) = try drafted("gender = \"F\"")
    let genders = values(table, "gender") { _ in true }
    let women = genders.filter { $0 == .string("F") }.count
    let index = 100 / (Double(women) / Double(genders.count))
    #expect(persona.values[.gender] == ["F"])
    let evidence = try #require(persona.evidence(for: .gender))
    #expect(!evidence.isWeak)
    #expect(
      evidence.note
        == "gender index \(Figures.fixed(index, decimals: 0)): 100.0% of members vs "
        + "\(Figures.percent(Double(women) / Double(genders.count))) of customers, \(Figures.grouped(women)) members"
    )
  }

  @Test(arguments: [
    ("occupation = \"student\"", PersonaField.job, ["student"]),
    ("preferred_channel = \"social\"", .channels, ["social"]),
    ("device = \"tablet\"", .device, ["tablet"]),
    ("city = \"London\"", .location, ["London"]),
    ("education = \"doctorate\"", .education, ["doctorate"]),
  ])
  func categoriesComeFromTheData(_ condition: String, _ field: PersonaField, _ expected: [String]) throws {
    let (_, persona, _) = try drafted(condition)
    #expect(persona.values[field] == expected)
    #expect(persona.evidence(for: field)?.isWeak == false)
  }

  @Test func interestsAreTheOverRepresentedItemsOfTheList() throws {
    let (_, persona, _) = try drafted("interests contains \"gaming\"")
    #expect(persona.values[.interests]?.first == "gaming")
    #expect(
      persona.evidence(for: .interests)?.note.hasPrefix("interests over-represented: gaming index ") == true)
  }

  @Test func spendingHabitsAreMediansAgainstTheBase() throws {
    let (_, persona, _) = try drafted("total_spend > 1000")
    let habits = try #require(persona.values[.habits]?.first)
    #expect(habits.contains(" spent in all, "))
    #expect(habits.contains(" an order"))
    #expect(persona.evidence(for: .habits)?.note.hasPrefix("medians; customers: ") == true)
    #expect(persona.values[.income] != nil)
  }

  @Test func fewMembersAreWeakEvidenceAndNotAsserted() throws {
    let (session, persona, _) = try drafted("customer_id <= 20")
    #expect(persona.values.isEmpty)
    #expect(!persona.evidence.isEmpty)
    #expect(persona.evidence.allSatisfy { $0.isWeak })
    let card = out(session.perform("show persona s_draft"))
    #expect(card.contains("\n  age             ? "))
    #expect(card.contains("[weak evidence, not asserted: median age of 20 members"))
  }

  @Test func anIndexNearOneHundredIsWeakEvenWithManyMembers() throws {
    let (_, persona, _) = try drafted("customer_id > 0")
    let gender = try #require(persona.evidence(for: .gender))
    #expect(gender.isWeak)
    #expect(gender.note.contains("index 100:"))
    #expect(persona.values[.gender] == nil)
    #expect(persona.values[.age] != nil)
  }

  @Test func humanFieldsAreLeftAsPrompts() throws {
    let (session, persona, _) = try drafted("age < 30")
    #expect(persona.stillToWrite == [.name, .quote, .goals, .pains])
    #expect(persona.isDraft)
    let card = out(session.perform("show persona s_draft"))
    #expect(card.hasPrefix("s_draft — draft persona for segment s\n"))
    #expect(card.contains("  quote           [to write: a sentence in their own words]\n"))
    #expect(card.contains("still to write: name, quote, goals, pains"))
    _ = session.perform("persona s_draft set name Noa; persona Noa set quote \"Hi\"; persona Noa add goals x")
    _ = session.perform("persona Noa add pains y")
    let done = try #require(session.workspace.persona(named: "noa"))
    #expect(!done.isDraft)
    #expect(done.evidence(for: .age) != nil)
  }

  @Test func aTableWithoutKnownColumnsGivesPromptsOnly() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "seg-persona-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("scores.csv").path
    try "id,score\n1,3\n2,4\n3,5\n".write(toFile: path, atomically: true, encoding: .utf8)
    let session = Session()
    let p = session.perform("load \"\(path)\"; segment hi = score > 3; persona draft for hi")
    #expect(!p.failed)
    #expect(out(p).contains("0 fields from the data (table scores has none of the columns a draft reads"))
    let persona = try #require(session.workspace.persona(named: "hi_draft"))
    #expect(persona.values.isEmpty)
    #expect(persona.stillToWrite == [.name, .quote, .goals, .pains])
  }

  @Test func draftingIsDeterministic() throws {
    let (_, first, _) = try drafted("total_spend > 500 and urban")
    let (_, second, _) = try drafted("total_spend > 500 and urban")
    #expect(first == second)
  }
}
