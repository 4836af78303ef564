import Testing

@testable import SegmentCore

/// Issue 18: Ctrl-C did not stop a long `derive`; the result was only thrown away at the end.
@Suite("Derive and Ctrl-C")
struct DeriveInterruptionTests {
  @Test func aRaisedFlagStopsADeriveBeforeItsFirstPassAndChangesNothing() throws {
    var workspace = Workspace()
    _ = try workspace.run(try Parser.parse("load sample customers rows 500"), interruption: Interruption())
    let stop = Interruption()
    stop.request()
    var draft = workspace
    #expect {
      _ = try draft.run(try Parser.parse("derive d = " + Array(repeating: "age", count: 50).joined(separator: " + ")), interruption: stop)
    } throws: { error in
      (error as? EvalError)?.kind == .interrupted
    }
    #expect(workspace.table(named: "customers")?.column(named: "d") == nil)
  }
}
