import ArgumentParser
import PostgresBackend
import SegmentCore
import SegmentShell
import SparkBackend

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

      Tab completion of seg's options in your own shell:
        bash: seg --generate-completion-script bash > ~/.local/share/bash-completion/completions/seg
        zsh:  seg --generate-completion-script zsh > "${fpath[1]}/_seg"
        fish: seg --generate-completion-script fish > ~/.config/fish/completions/seg.fish
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
      let performance = ProgressLine.showing(session) { session.perform(text, origin: path) }
      Console.write(performance)
    }
    for text in cmd {
      Console.write(ProgressLine.showing(session) { session.perform(text) })
    }
    let environment = Environment.all
    let options = ShellOptions(
      historyPath: Shell.defaultHistoryPath(environment: environment), showGreeting: true)
    // The journal keeps every successful cell on disk as it runs, so a crash loses nothing (DESIGN §7).
    if let directory = JournalLocation.directory(environment: environment) {
      do {
        if let unsaved = try session.startJournal(in: directory) {
          Console.write(Session.notice(for: unsaved) + "\n", to: .err)
        }
      } catch {
        Console.write("warning: \(error.message); this session is not journaled\n", to: .err)
      }
    }
    let code = Shell.run(session: session, options: options)
    // Leaving a terminal session with unsaved work keeps its journal for 'restore'; piped input is
    // already in a file or a program, so its journal goes.
    session.endJournal(keepUnsaved: Terminal.isTerminal(0))
    throw ExitCode(code)
  }
}

/// `seg run FILE...`
struct Run: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Replay session scripts; stop at the first error with its file:line and exit 1.",
    discussion: """
      Scripts are .seg files or Markdown notebooks (.md) whose ```seg blocks hold the commands.
      With --check, each cell's output is compared with the output recorded under it ('#> ' lines,
      or a notebook's output block): any difference is shown as a unified diff and exits 1.
      With --report, the cells that ran are also written as one self-contained HTML page with charts
      and persona cards (the same page as 'save report').
      """)

  @Argument(help: "Scripts to replay, in order, into one session.")
  var files: [String]

  @Flag(name: .long, help: "Run the remaining commands after an error (still exits 1).")
  var keepGoing = false

  @Flag(name: .long, help: "Compare each cell's output with the output recorded in the script.")
  var check = false

  @Flag(
    name: .long,
    help: "With --check, rewrite each .seg script's recorded output as it prints now (review the diff).")
  var update = false

  @Option(
    name: .long,
    help: ArgumentHelp("Also write the replayed cells as an HTML report to FILE.", valueName: "FILE"))
  var report: String?

  @Option(
    name: .customLong("set"),
    help: ArgumentHelp("Fill ${NAME} in the scripts with VALUE (repeatable).", valueName: "NAME=VALUE"))
  var parameters: [String] = []

  @OptionGroup var output: OutputOptions

  func validate() throws {
    if update && !check {
      throw ValidationError("--update goes with --check: seg run --check --update FILE.seg")
    }
    if report != nil && check {
      throw ValidationError("--report goes without --check: seg run FILE.seg --report FILE.html")
    }
    if update, let notebook = files.first(where: ScriptDocument.isNotebook) {
      throw ValidationError("--update rewrites .seg scripts only, not \(notebook): save the notebook again")
    }
    do {
      _ = try ScriptParameters.parse(parameters)
    } catch {
      throw ValidationError(error.message)
    }
  }

  mutating func run() throws {
    let values = (try? ScriptParameters.parse(parameters)) ?? [:]
    if check { throw ExitCode(checkAll(values)) }
    let session = output.makeSession()
    var failed = false
    for file in files {
      guard let text = Run.read(file) else { throw ExitCode(1) }
      let performance = withCtrlCStopping(session.interruption) {
        ProgressLine.showing(session) {
          session.runScript(text, origin: file, parameters: values, keepGoing: keepGoing)
        }
      }
      Console.write(performance)
      if performance.exitRequested { break }
      if performance.failed {
        failed = true
        if !keepGoing || session.interruption.isRequested { break }
      }
    }
    // The cells that ran are worth a page even when one failed; the exit code still says it failed.
    if let report {
      do {
        Console.write(try session.writeReport(to: report, titledAfter: files.first ?? report) + "\n", to: .err)
      } catch {
        Console.write(Diagnostic(error, source: nil, location: nil).rendered(color: false), to: .err)
        failed = true
      }
    }
    throw ExitCode(failed ? 1 : 0)
  }

  /// Checks each file in a fresh session, always in the plain style so a terminal changes nothing.
  func checkAll(_ values: [String: String]) -> Int32 {
    var passed = true
    for file in files {
      guard let text = Run.read(file) else { return 1 }
      let session = Session(settings: output.settings, style: .plain, connectors: OutputOptions.connectors)
      let report = withCtrlCStopping(session.interruption) {
        session.check(text, origin: file, parameters: values, update: update, keepGoing: keepGoing)
      }
      for emission in report.emissions { Console.write(emission.text, to: .err) }
      if let updated = report.updatedText {
        guard Run.write(updated, to: file) else { return 1 }
        Console.write("updated the recorded output in \(file)\n")
        continue
      }
      Console.write(report.summary + "\n", to: report.passed ? .out : .err)
      passed = passed && report.passed
      if session.interruption.isRequested { break }
    }
    return passed ? 0 : 1
  }

  static func write(_ text: String, to file: String) -> Bool {
    do {
      try ScriptFile.write(text, to: file)
      return true
    } catch {
      Console.write(Diagnostic(error, source: nil, location: nil).rendered(color: false), to: .err)
      return false
    }
  }

  static func read(_ file: String) -> String? {
    do {
      return try ScriptFile.read(file)
    } catch {
      Console.write(Diagnostic(error, source: nil, location: nil).rendered(color: false), to: .err)
      return nil
    }
  }
}

/// Options every mode shares.
struct OutputOptions: ParsableArguments {
  @Option(name: .long, help: "Output format for results: table, csv, json or markdown.")
  var format: OutputFormat = .table

  @Flag(
    name: .long,
    help: """
      Safe mode, for scripts from someone else: files are written only inside the current folder \
      (no absolute paths, '..' or links out of it) and connect is off; 'set safe off' cannot undo it.
      """)
  var safe = false

  /// The settings every mode starts from.
  var settings: Settings {
    var settings = Settings()
    settings.format = format
    settings.safe = safe
    return settings
  }

  /// The engines `connect` can open: the executable is the one place database clients are linked.
  static let connectors: [any Connector] = [PostgresConnector(), SparkConnector()]

  func makeSession() -> Session {
    let style =
      Terminal.isTerminal(1)
      ? RenderStyle(color: Terminal.colorAllowed(), width: Terminal.width() ?? 120)
      : RenderStyle.plain
    let session = Session(settings: settings, style: style, connectors: OutputOptions.connectors)
    session.lessonLibrary = LessonLocation.library(environment: Environment.all)
    return session
  }
}

extension OutputFormat: ExpressibleByArgument {}
