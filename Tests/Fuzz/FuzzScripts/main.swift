import FuzzSupport
#if canImport(Glibc)
  import Glibc
#endif
import SegmentCore

/// libFuzzer entry (`Scripts/fuzz scripts SECONDS`): any text read as a saved session (script and
/// notebook), as input the shell waits on, and as a lesson file. Each must give its value or its
/// error, never a crash, a hang or a sanitizer report.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScripts(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  for notebook in [false, true] {
    let document = ScriptDocument.parse(text, notebook: notebook)
    for cell in document.cells { _ = ScriptSplitter.statements(in: cell.code) }
  }
  _ = ScriptSplitter.needsMoreInput(text)
  _ = try? LessonFile.parse(text)
  for statement in ScriptSplitter.statements(in: text).prefix(16) { _ = try? Parser.parse(statement.text) }
  return 0
}

// libFuzzer calls the entry point above, also by its C name when it links its own main.
exit(runFuzzer(fuzzScripts))
