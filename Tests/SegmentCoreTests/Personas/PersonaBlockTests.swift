import Testing

@testable import SegmentCore

/// A persona block is one command across lines: in scripts, typed input, `-c`, saved sessions and
/// replays.
@Suite("Persona blocks")
struct PersonaBlockTests {
  func out(_ p: Performance) -> String { p.emissions.filter { $0.stream == .out }.map(\.text).joined() }
  func err(_ p: Performance) -> String { p.emissions.filter { $0.stream == .err }.map(\.text).joined() }

  @Test func aBlockIsOneStatementWithItsLines() {
    let script = """
      segments
      persona "Sarah" for busy   # the header
        age 32

        # a comment line stays a line, so errors keep their line numbers
        goals "a; b", c
      end
      personas
      """
    let statements = ScriptSplitter.statements(in: script)
    #expect(statements.map(\.line) == [1, 2, 8])
    #expect(statements[1].text == "persona \"Sarah\" for busy\n  age 32\n\n\n  goals \"a; b\", c\nend")
  }

  @Test func semicolonsSeparateABlocksLinesOnOneLine() {
    let statements = ScriptSplitter.statements(in: "tables; persona S for x; age 3; tech high; end; personas")
    #expect(
      statements.map(\.text) == ["tables", "persona S for x\n  age 3\n  tech high\nend", "personas"])
  }

  @Test func onlyABareHeaderOpensABlock() {
    #expect(ScriptSplitter.opensBlock("persona \"Sarah\" for busy"))
    #expect(ScriptSplitter.opensBlock("PERSONA sarah FOR `busy people`"))
    #expect(!ScriptSplitter.opensBlock("persona draft for busy"))
    #expect(ScriptSplitter.opensBlock("persona \"draft\" for busy"))
    #expect(!ScriptSplitter.opensBlock("persona sarah for busy age 3"))
    #expect(!ScriptSplitter.opensBlock("persona sarah set age 3"))
    #expect(!ScriptSplitter.opensBlock("personas"))
  }

  @Test func needsMoreInputWhileABlockIsOpen() {
    #expect(ScriptSplitter.needsMoreInput("persona \"S\" for x"))
    #expect(ScriptSplitter.needsMoreInput("persona \"S\" for x\n  age 3\n"))
    #expect(ScriptSplitter.needsMoreInput("persona \"S\" for x\n  quote \"end\""))
    #expect(!ScriptSplitter.needsMoreInput("persona \"S\" for x\n  age 3\nend"))
    #expect(!ScriptSplitter.needsMoreInput("persona \"S\" for x\n  age 3\n  END  # done"))
    #expect(!ScriptSplitter.needsMoreInput("persona draft for x"))
    #expect(!ScriptSplitter.needsMoreInput("persona S set age 3"))
    #expect(Session().needsMoreInput("persona S for x\n  age 3"))
  }

  @Test func anUnfinishedBlockAtTheEndIsAnError() {
    let session = Session()
    _ = session.perform("load sample rows 100; segment young = age < 30")
    let p = session.perform("persona \"S\" for young\n  age 24\n")
    #expect(p.failed)
    #expect(err(p).hasPrefix("error: the persona block for S is not finished\n"))
    #expect(err(p).contains("end it with a line that says 'end'"))
    #expect(session.workspace.personas.isEmpty)
  }

  @Test func aScriptErrorInsideABlockNamesTheLineItIsOn() {
    let session = Session()
    let script =
      "load sample rows 100\nsegment young = age < 30\npersona \"S\" for young\n  age 24\n  tehc high\nend\n"
    let p = session.runScript(script, origin: "p.seg")
    #expect(
      err(p).hasPrefix("p.seg:5: error: expected a persona field, found 'tehc'\n    tehc high\n    ^^^^\n"))
    #expect(err(p).contains("did you mean 'tech'?"))
  }

  @Test func aScriptCellKeepsABlockWithBlankLinesTogether() {
    let text = """
      segments

      persona "S" for x
        age 3

        tech low
      end
      #> persona S for segment x: 2 fields

      personas
      """
    let cells = ScriptDocument.parse(text, notebook: false).cells
    #expect(cells.count == 3)
    #expect(cells[1].code == "persona \"S\" for x\n  age 3\n\n  tech low\nend")
    #expect(cells[1].recorded == ["persona S for segment x: 2 fields"])
  }

  @Test func personasAreSavedAndReplayWithTheSession() {
    let session = Session()
    let p = session.perform(
      """
      load sample rows 400 seed 7
      segment young = age < 30
      persona draft for young
      persona "Mia" for young
        age 24
        channels social
      end
      persona Mia add goals "Find it fast"
      persona young_draft set name "Leo"
      show persona Mia
      """)
    #expect(!p.failed)
    #expect(session.cells.count == 7)
    #expect(session.cells[3] == "persona \"Mia\" for young\n  age 24\n  channels social\nend")
    let header = SessionHeader(written: "2026-11-01 09:00 UTC", files: [])
    let script = SessionWriter.script(session.records, header: header, withOutput: true)
    let replay = Session()
    let report = replay.check(script, origin: "saved.seg")
    #expect(report.passed)
    #expect(report.cellsChecked == 7)
    #expect(replay.workspace.personas.map(\.name) == ["Leo", "Mia"])
    #expect(replay.workspace.personas == session.workspace.personas)
  }
}
