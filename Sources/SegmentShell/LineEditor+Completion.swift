import CEditLine
import SegmentCore

/// Tab completion: libedit's line and byte cursor in, the core's candidates applied back.
extension LineEditor {
  static let completeCallback: @convention(c) (OpaquePointer?, Int32) -> UInt8 = { editor, _ in
    guard let editor, let owner = LineEditor.owner(of: editor) else { return UInt8(CC_ERROR) }
    return owner.completeAtCursor()
  }

  /// Completes the word before the cursor; returns the libedit code for how to redraw.
  func completeAtCursor() -> UInt8 {
    var buffer: UnsafePointer<CChar>?
    var cursor: Int32 = 0
    var length: Int32 = 0
    seg_el_line(editor, &buffer, &cursor, &length)
    guard let buffer else { return UInt8(CC_ERROR) }
    let bytes = UnsafeBufferPointer(
      start: UnsafeRawPointer(buffer).assumingMemoryBound(to: UInt8.self), count: Int(length))
    let line = String(decoding: bytes, as: UTF8.self)
    let characterCursor = LineOffsets.characterOffset(utf8: bytes, byteOffset: Int(cursor))
    let completions = complete(line, characterCursor)
    switch CompletionEdit.plan(line: line, cursor: characterCursor, completions: completions) {
    case .none:
      return UInt8(CC_REFRESH_BEEP)
    case .replace(let deleting, let inserting):
      if deleting > 0 { el_deletestr(editor, Int32(deleting)) }
      if el_insertstr(editor, inserting) != 0 { return UInt8(CC_ERROR) }
      return UInt8(CC_REFRESH)
    case .list(let candidates):
      // Below the line being edited, then libedit redraws the prompt and line under the list.
      Console.write("\n" + CandidateGrid.render(candidates, width: width))
      return UInt8(CC_REDISPLAY)
    }
  }
}
