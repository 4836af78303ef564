import Testing

@testable import SegmentShell

@Suite("State location")
struct StateLocationTests {
  @Test(
    "journals and lesson progress sit beside the history file",
    arguments: [
      ("journal", ["XDG_STATE_HOME": "/s", "HOME": "/h"], "/s/seg/journal"),
      ("lessons", ["XDG_STATE_HOME": "/s/", "HOME": "/h"], "/s/seg/lessons"),
      ("journal", ["XDG_STATE_HOME": "relative", "HOME": "/h"], "/h/.local/state/seg/journal"),
      ("lessons", ["HOME": "/h"], "/h/.local/state/seg/lessons"),
    ])
  func path(name: String, environment: [String: String], expected: String) {
    #expect(StateLocation.path(name, environment: environment) == expected)
  }

  @Test func noAbsoluteDirectoryGivesNone() {
    #expect(StateLocation.path("journal", environment: ["HOME": "relative"]) == nil)
  }
}
