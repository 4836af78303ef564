/// `${name}` placeholders in a script, filled from `seg run --set name=value` so that one script can
/// run on another month's data. `${name:-default}` gives a value to use when none is set, as in sh.
public enum ScriptParameters {
  /// Parses `--set` arguments (`name=value`).
  /// - Throws: `SessionError.badParameter` for an argument without `=` or with an empty name.
  public static func parse(_ arguments: [String]) throws(SessionError) -> [String: String] {
    var values: [String: String] = [:]
    for argument in arguments {
      guard let eq = argument.firstIndex(of: "="), eq != argument.startIndex else {
        throw SessionError(.badParameter(argument))
      }
      let name = String(argument[..<eq])
      guard name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
        throw SessionError(.badParameter(argument))
      }
      values[name] = String(argument[argument.index(after: eq)...])
    }
    return values
  }

  /// `code` with every placeholder filled. Lines that are only comments (and recorded output) are left
  /// as they are, so a placeholder mentioned in a comment needs no value.
  /// - Parameter firstLine: the file line `code` starts on, for the error.
  /// - Throws: `SessionError.unsetParameter` naming the first placeholder with no value and no default.
  public static func fill(_ code: String, values: [String: String], firstLine: Int = 1) throws(SessionError)
    -> String
  {
    guard code.contains("${") else { return code }
    var lines: [String] = []
    for (offset, line) in ScriptSplitter.lines(of: code).enumerated() {
      if line.drop(while: \.isWhitespace).hasPrefix("#") || !line.contains("${") {
        lines.append(String(line))
      } else {
        lines.append(try fillLine(String(line), values: values, line: firstLine + offset))
      }
    }
    return lines.joined(separator: "\n")
  }

  static func fillLine(_ line: String, values: [String: String], line number: Int) throws(SessionError)
    -> String
  {
    var out = ""
    var rest = Substring(line)
    while let start = rest.firstRange(of: "${") {
      out += rest[..<start.lowerBound]
      guard let close = rest[start.upperBound...].firstIndex(of: "}") else {
        out += rest[start.lowerBound...]
        return out
      }
      let inside = rest[start.upperBound..<close]
      let name: Substring
      var fallback: Substring?
      if let dash = inside.firstRange(of: ":-") {
        name = inside[..<dash.lowerBound]
        fallback = inside[dash.upperBound...]
      } else {
        name = inside
      }
      if let value = values[String(name)] {
        out += value
      } else if let fallback {
        out += fallback
      } else {
        throw SessionError(.unsetParameter(name: String(name), line: number))
      }
      rest = rest[rest.index(after: close)...]
    }
    return out + rest
  }
}
