import ArgumentParser
import SegmentCore
import SegmentShell

#if canImport(Glibc)
  import Glibc
#endif

/// The `seg` command line (DESIGN §3): the shell, `-c`, and `run`.
struct Seg: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "seg",
    abstract: "An interactive notebook shell for customer segmentation and buyer personas.",
    discussion: """
      With no arguments, starts the shell (line editing on a terminal, plain line reading from a pipe).
      Exit codes: 0 success, 1 a command failed, 2 bad invocation.
      """,
    version: segVersion,
    subcommands: [Run.self]
  )

  @Option(name: .customShort("c"), help: "Run these commands (separated by ';') and exit.")
  var commands: String?

  @Option(name: .long, help: "Run these commands first, then start the shell (as DuckDB's -cmd).")
  var cmd: [String] = []

  @OptionGroup var output: OutputOptions

  @Flag(name: .long, help: "Do not run the init script ($XDG_CONFIG_HOME/seg/init.seg or ~/.segrc).")
  var noInit = false

  mutating func run() throws {
    let session = output.makeSession()
    if let commands {
      throw ExitCode(Emit.perform(session, commands, origin: nil))
    }
    if !noInit, let path = InitScript.path(), let text = try? ScriptFile.read(path) {
      let performance = session.perform(text, origin: path)
      Console.write(performance)
    }
    for text in cmd {
      Console.write(session.perform(text))
    }
    let options = ShellOptions(
      historyPath: Shell.defaultHistoryPath(environment: Environment.all), showGreeting: true)
    throw ExitCode(Shell.run(session: session, options: options))
  }
}

/// `seg run FILE...`
struct Run: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Replay session scripts; stop at the first error with its file:line and exit 1.")

  @Argument(help: "Scripts to replay, in order, into one session.")
  var files: [String]

  @Flag(name: .long, help: "Run the remaining commands after an error (still exits 1).")
  var keepGoing = false

  @OptionGroup var output: OutputOptions

  mutating func run() throws {
    let session = output.makeSession()
    var failed = false
    for file in files {
      let text: String
      do {
        text = try ScriptFile.read(file)
      } catch {
        Console.write("error: \(error.message)\n", to: .err)
        throw ExitCode(1)
      }
      let performance = session.perform(text, origin: file, keepGoing: keepGoing)
      Console.write(performance)
      if performance.exitRequested { break }
      if performance.failed {
        failed = true
        if !keepGoing { break }
      }
    }
    throw ExitCode(failed ? 1 : 0)
  }
}

/// Options every mode shares.
struct OutputOptions: ParsableArguments {
  @Option(name: .long, help: "Output format for results: table, csv, json or markdown.")
  var format: OutputFormat = .table

  func makeSession() -> Session {
    var settings = Settings()
    settings.format = format
    let style = Terminal.isTerminal(1)
      ? RenderStyle(color: Terminal.colorAllowed(), width: Terminal.width() ?? 120)
      : RenderStyle.plain
    return Session(settings: settings, style: style)
  }
}

extension OutputFormat: ExpressibleByArgument {}
