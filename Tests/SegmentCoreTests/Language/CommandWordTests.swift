import Testing

@testable import SegmentCore

@Suite("Command words")
struct CommandWordTests {
  /// The shortest valid command for each word. A switch, so a new command needs a line here too.
  static func minimal(_ command: CommandWord) -> String {
    switch command {
    case .load: "load sample"
    case .tables: "tables"
    case .use: "use customers"
    case .describe: "describe"
    case .show: "show"
    case .export: #"export customers to "c.csv""#
    case .segment: "segment young = age < 30"
    case .segments: "segments"
    case .drop: "drop segment young"
    case .persona: "persona draft for young"
    case .personas: "personas"
    case .count: "count"
    case .stats: "stats age"
    case .histogram: "histogram age"
    case .top: "top 5 by age"
    case .profile: "profile young"
    case .compare: "compare young, old"
    case .rank: "rank segments by count(*)"
    case .trend: "trend young by month of signup_date"
    case .rfm: "rfm recency last_purchase_date frequency orders monetary total_spend"
    case .cluster: "cluster k=3 on age, income"
    case .derive: "derive one = 1"
    case .bucket: "bucket age into 18, 30"
    case .trait: "trait n = count(*) from orders by customer_id"
    case .group: "group orders by customer_id into buyers with n = count(*)"
    case .set: "set timer on"
    case .help: "help"
    case .save: #"save "s.seg""#
    case .history: "history"
    case .run: #"run "s.seg""#
    case .restore: "restore"
    case .quit: "quit"
    case .explain: "explain"
    case .lesson: "lesson"
    case .sql: "sql tables"
    case .connect: "connect \"postgresql://u@localhost:5432/db\" as pg"
    case .disconnect: "disconnect pg"
    case .copy: "copy customers to pg"
    case .create: #"create table t on spark from "/data/t.csv""#
    }
  }

  @Test(arguments: CommandWord.allCases)
  func everyCommandParsesFromItsWord(_ command: CommandWord) throws {
    let source = Self.minimal(command)
    #expect(source.split(separator: " ").first.map(String.init) == command.rawValue)
    _ = try Parser.parse(source)
    _ = try Parser.parse(
      source.replacing(command.rawValue, with: command.rawValue.uppercased(), maxReplacements: 1))
    // The word alone may lack its arguments, but it is never an unknown command.
    do {
      _ = try Parser.parse(command.rawValue)
    } catch {
      if case .unknownCommand = error.kind { Issue.record("'\(command.rawValue)' is an unknown command") }
    }
  }

  @Test(arguments: CommandWord.allCases)
  func everyCommandIsInHelp(_ command: CommandWord) throws {
    let overview = try HelpText.render(topic: nil)
    #expect(overview.split(separator: "\n").contains { $0.hasPrefix("  \(command.rawValue) ") })
    let page = try HelpText.render(topic: Name(command.rawValue, at: SourceRange(0, 0)))
    #expect(page.hasPrefix("\(command.rawValue): \(command.spec.summary)\n"))
  }

  @Test func everyAliasResolvesToItsCommand() throws {
    let aliased = CommandRegistry.all.filter { !$0.aliases.isEmpty }
    #expect(!aliased.isEmpty)
    for spec in aliased {
      for alias in spec.aliases {
        #expect(CommandWord(word: alias) == spec.word)
        #expect(CommandWord(word: alias.uppercased()) == spec.word)
        #expect(CommandRegistry.spec(named: alias)?.word == spec.word)
        let source = Self.minimal(spec.word)
        _ = try Parser.parse(source.replacing(spec.name, with: alias, maxReplacements: 1))
      }
    }
    #expect(try Parser.parse("exit") == Parser.parse("quit"))
  }

  @Test func registryFollowsTheWordsInHelpOrder() {
    #expect(CommandRegistry.all.map(\.word) == CommandWord.allCases)
    #expect(CommandRegistry.all.allSatisfy { $0.name == $0.word.rawValue })
    let words = CommandRegistry.all.flatMap { [$0.name] + $0.aliases }
    #expect(Set(words).count == words.count, "two commands claim one word")
    #expect(words.allSatisfy { $0 == $0.lowercased() })
    #expect(CommandWord(word: "lod") == nil)
    #expect(CommandWord(word: "LOAD") == .load)
  }
}
