extension Parser {
  /// `copy NAME to CONNECTION [as TABLE] [replace]`.
  mutating func copyCommand() throws(ParseError) -> CopyCommand {
    let source = try name("a table or segment in memory")
    guard accept("to") else { throw unexpected("'to' and a connection's name") }
    var command = CopyCommand(source: source, connection: try name("a connection's name"))
    if accept("as") { command.table = try name("a name for the new table") }
    command.replace = accept("replace")
    guard atEnd else {
      throw unexpected(command.replace ? "the end of the command" : "'as NAME', 'replace' or the end")
    }
    return command
  }

  /// `create table NAME on CONNECTION from "PATH" [replace]`.
  mutating func createTableCommand() throws(ParseError) -> CreateTableCommand {
    guard accept("table") else {
      throw unexpected("'table', as in create table NAME on CONNECTION from \"PATH\"")
    }
    let table = try name("a name for the new table")
    guard accept("on") else { throw unexpected("'on' and a connection's name") }
    let connection = try name("a connection's name")
    guard accept("from") else { throw unexpected("'from' and the file's path in quotes") }
    let (path, range) = try string("the file's path or URI in quotes, such as \"/data/customers.csv\"")
    let replace = accept("replace")
    guard atEnd else { throw unexpected(replace ? "the end of the command" : "'replace' or the end") }
    return CreateTableCommand(
      table: table, connection: connection, path: path, pathRange: range, replace: replace)
  }

  /// `connect "URL" as NAME`.
  mutating func connectCommand() throws(ParseError) -> ConnectCommand {
    let (url, range) = try string(
      "a URL in quotes, such as \"postgresql://user@localhost:5432/db\" or \"sc://localhost:15002\"")
    guard accept("as") else { throw unexpected("'as' and a name for the connection") }
    return ConnectCommand(url: url, urlRange: range, name: try name("a name for the connection"))
  }

  /// `sql SEGMENT` or `sql COMMAND`: a command word starts a command; any other lone name is a segment.
  mutating func sqlRequest() throws(ParseError) -> SQLRequest {
    if atEnd { throw unexpected("a segment's name or a command, such as 'sql count by region'") }
    if let word = current.keyword, CommandWord(word: word) != nil {
      return .command(try command())
    }
    let segment = try name("a segment's name or a command")
    guard atEnd else { throw unexpected("the end of the command after the segment's name") }
    return .segment(segment)
  }
}
