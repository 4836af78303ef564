import Testing

@testable import SegmentCore

@Suite("Script parameters")
struct ScriptParametersTests {
  @Test func placeholdersAreFilled() throws {
    let code = "load \"${file}\" as c\nset today ${today:-2026-11-01}"
    #expect(
      try ScriptParameters.fill(code, values: ["file": "oct.csv"])
        == "load \"oct.csv\" as c\nset today 2026-11-01")
    #expect(
      try ScriptParameters.fill(code, values: ["file": "a.csv", "today": "2026-01-01"])
        == "load \"a.csv\" as c\nset today 2026-01-01")
  }

  @Test func anUnsetPlaceholderIsAClearError() {
    #expect(throws: SessionError(.unsetParameter(name: "file", line: 12))) {
      try ScriptParameters.fill("tables\nload \"${file}\"", values: [:], firstLine: 11)
    }
    var error = SessionError(.unsetParameter(name: "file", line: 12))
    error.path = "report.seg"
    #expect(error.message == "report.seg:12 uses ${file} but no value was given for it")
    #expect(error.hint == "pass --set file=VALUE to 'seg run', or write ${file:-DEFAULT} in the script")
  }

  @Test func commentsAndOutputNeedNoValues() throws {
    let code = "# uses ${file}\n#> ${x}\ntables"
    #expect(try ScriptParameters.fill(code, values: [:]) == code)
  }

  @Test func setArgumentsAreParsed() throws {
    #expect(
      try ScriptParameters.parse(["file=a=b.csv", "today=2026-01-01"]) == [
        "file": "a=b.csv", "today": "2026-01-01",
      ])
    #expect(throws: SessionError(.badParameter("file"))) { try ScriptParameters.parse(["file"]) }
    #expect(throws: SessionError(.badParameter("=x"))) { try ScriptParameters.parse(["=x"]) }
  }
}
