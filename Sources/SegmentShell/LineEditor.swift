import CEditLine
import SegmentCore

#if canImport(Glibc)
  import Glibc
#endif

/// A libedit editor on the terminal: emacs keys, Ctrl-R search, history, and Tab completion fed by
/// a closure (the session's `completions(line:cursor:)`).
final class LineEditor {
  /// What one read gave.
  enum Reading: Equatable {
    /// A line, without its final newline (a recalled multi-line entry keeps its inner newlines).
    case line(String)
    /// Ctrl-C: the line was dropped.
    case cancelled
    /// Ctrl-D on an empty line, or the terminal went away.
    case endOfInput
  }

  /// The libedit `EditLine *`.
  let editor: OpaquePointer
  /// The history the editor recalls from.
  let history: LineHistory
  /// Gives completions for a line and a Character cursor.
  let complete: (String, Int) -> CompletionSet
  /// Colours the prompt.
  var colorPrompt: Bool
  /// The current prompt as a C string, owned here because libedit reads it on every redraw.
  private var promptText: UnsafeMutablePointer<CChar>?
  /// The terminal width for listing candidates.
  var width = 80

  /// Marks escape sequences in the prompt as taking no room on screen (libedit's EL_PROMPT_ESC).
  private static let ignoreMark: CChar = 1

  /// Creates an editor on stdin/stdout, or nil when libedit cannot start (no usable terminal).
  init?(history: LineHistory, colorPrompt: Bool, complete: @escaping (String, Int) -> CompletionSet) {
    guard let editor = seg_el_init("seg") else { return nil }
    self.editor = editor
    self.history = history
    self.colorPrompt = colorPrompt
    self.complete = complete
    seg_el_set_clientdata(editor, Unmanaged.passUnretained(self).toOpaque())
    // libedit's own SIGINT handling would re-raise the signal; the shell's handler decides instead.
    seg_el_set_signal(editor, 0)
    seg_el_set_editor(editor, "emacs")
    seg_el_set_prompt(editor, LineEditor.promptCallback, LineEditor.ignoreMark)
    seg_el_set_history(editor, history.handle)
    seg_el_addfn(editor, "seg-complete", "complete the word before the cursor", LineEditor.completeCallback)
    seg_el_bind(editor, "^I", "seg-complete")
    seg_el_bind(editor, "^R", "em-inc-search-prev")
    // What bash users reach for: Ctrl-W deletes a word, Ctrl-Left/Right move by words.
    seg_el_bind(editor, "^W", "ed-delete-prev-word")
    seg_el_bind(editor, "\\e[1;5D", "ed-prev-word")
    seg_el_bind(editor, "\\e[1;5C", "em-next-word")
    // The user's ~/.editrc may rebind keys, as in every libedit program.
    el_source(editor, nil)
  }

  deinit {
    el_end(editor)
    free(promptText)
  }

  /// Shows `prompt` and reads one line with editing.
  func read(prompt: String) -> Reading {
    setPrompt(prompt)
    // The window may have been resized while a command ran; libedit only learns of it here.
    el_resize(editor)
    var count: Int32 = 0
    guard let line = el_gets(editor, &count) else {
      if count < 0 && seg_errno() == EINTR {
        // el_gets leaves the dropped text in its buffer; start the next line empty.
        el_reset(editor)
        return .cancelled
      }
      return .endOfInput
    }
    var text = String(cString: line)
    if text.hasSuffix("\n") { text.removeLast() }
    return .line(text)
  }

  private func setPrompt(_ prompt: String) {
    let mark = String(UnicodeScalar(UInt8(LineEditor.ignoreMark)))
    let shown = colorPrompt ? mark + "\u{1B}[1;36m" + mark + prompt + mark + "\u{1B}[0m" + mark : prompt
    free(promptText)
    promptText = strdup(shown)
  }

  private static let promptCallback: @convention(c) (OpaquePointer?) -> UnsafeMutablePointer<CChar>? = {
    editor in
    guard let editor, let owner = LineEditor.owner(of: editor) else { return nil }
    return owner.promptText
  }

  /// The editor that `editor` belongs to, from libedit's client data.
  static func owner(of editor: OpaquePointer) -> LineEditor? {
    guard let data = seg_el_get_clientdata(editor) else { return nil }
    return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue()
  }
}
