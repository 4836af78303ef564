/// A session-level command or script that could not run: reading or writing a script, a parameter
/// left unset, nothing to restore.
public struct SessionError: Error, Sendable, Equatable {
  /// What went wrong.
  public enum Kind: Sendable, Equatable {
    /// A script or journal could not be read.
    case cannotRead(path: String, reason: String)
    /// A session file could not be written.
    case cannotWrite(path: String, reason: String)
    /// `save` would overwrite a file without `replace`.
    case fileExists(String)
    /// A script uses `${name}` and no value was given.
    case unsetParameter(name: String, line: Int)
    /// `--set` was given something other than `name=value`.
    case badParameter(String)
    /// `restore` with no journal left behind by an earlier shell.
    case nothingToRestore
    /// `run` nested too deeply, as when a script runs itself.
    case runTooDeep(String)
    /// Refused by safe mode.
    case safeMode(SafeModeRefusal)
  }

  /// What went wrong.
  public var kind: Kind
  /// The script the problem was found in, when it matters to the message.
  public var path: String?

  /// Creates a session error.
  public init(_ kind: Kind, path: String? = nil) {
    self.kind = kind
    self.path = path
  }

  /// The one-line description: lowercase, no final period.
  public var message: String {
    switch kind {
    case .cannotRead(let path, let reason): return "cannot read \(path): \(reason)"
    case .cannotWrite(let path, let reason): return "cannot write \(path): \(reason)"
    case .fileExists(let path): return "\(path) already exists"
    case .unsetParameter(let name, let line):
      let place = path.map { "\($0):\(line)" } ?? "line \(line)"
      return "\(place) uses ${\(name)} but no value was given for it"
    case .badParameter(let text): return "'\(text)' is not a parameter: write NAME=VALUE"
    case .nothingToRestore: return "there is no unsaved session to restore"
    case .runTooDeep(let path): return "\(path) runs scripts nested more than 16 deep (does it run itself?)"
    case .safeMode(let refusal): return refusal.message
    }
  }

  /// A sentence on what to do next, when there is one.
  public var hint: String? {
    switch kind {
    case .fileExists: return "add 'replace' at the end to overwrite it"
    case .unsetParameter(let name, _):
      return "pass --set \(name)=VALUE to 'seg run', or write ${\(name):-DEFAULT} in the script"
    case .badParameter: return "for example: seg run report.seg --set file=october.csv"
    case .nothingToRestore: return "a journal is left only when a shell ends without saving its work"
    case .safeMode(let refusal): return refusal.hint
    default: return nil
    }
  }
}

extension Diagnostic {
  /// A diagnostic for a session error raised by `source`.
  public init(_ error: SessionError, source: String?, location: String?) {
    self.init(
      message: error.message, source: source, range: nil, hint: error.hint, suggestions: [],
      location: location)
  }
}
