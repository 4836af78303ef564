import SegmentCore
import Testing

@testable import SegmentShell

@Suite("Multi-line input")
struct InputBufferTests {
  /// The core's rule, so these tests follow the real language.
  let session = Session()

  @Test("a plain line is complete at once")
  func single() {
    var buffer = InputBuffer(needsMoreInput: session.needsMoreInput)
    #expect(buffer.append("help") == "help")
    #expect(buffer.isEmpty)
  }

  @Test("a trailing backslash waits for the next line, and the entry keeps its newlines")
  func continuation() {
    var buffer = InputBuffer(needsMoreInput: session.needsMoreInput)
    #expect(buffer.append("help \\") == nil)
    #expect(!buffer.isEmpty)
    #expect(buffer.append("  \\") == nil)
    #expect(buffer.append("load") == "help \\\n  \\\nload")
    #expect(buffer.isEmpty)
  }

  @Test("a recalled multi-line entry arrives as one line and completes")
  func recalled() {
    var buffer = InputBuffer(needsMoreInput: session.needsMoreInput)
    #expect(buffer.append("help \\\nload") == "help \\\nload")
  }

  @Test("the end of input flushes what is pending")
  func flush() {
    var buffer = InputBuffer(needsMoreInput: session.needsMoreInput)
    #expect(buffer.flush() == nil)
    _ = buffer.append("help \\")
    #expect(buffer.flush() == "help \\")
    #expect(buffer.isEmpty)
  }

  @Test("Ctrl-C drops the pending entry")
  func clear() {
    var buffer = InputBuffer(needsMoreInput: session.needsMoreInput)
    _ = buffer.append("help \\")
    buffer.clear()
    #expect(buffer.isEmpty)
    #expect(buffer.append("tables") == "tables")
  }

  @Test("blank entries are recognised", arguments: [("", true), ("  \t", true), ("\n", true), (" x", false)])
  func blank(text: String, isBlank: Bool) {
    #expect(InputBuffer.isBlank(text) == isBlank)
  }

  @Test("prompts show the cell number, or the continuation mark")
  func prompts() {
    #expect(Shell.prompt(cell: 3, continuing: false) == "seg [3]> ")
    #expect(Shell.prompt(cell: 3, continuing: true) == "   ...> ")
  }
}
