import Foundation
import Testing

/// Drives the real `seg` binary in a pseudo-terminal through tmux: what a user at a keyboard sees.
@Suite(
  "Interactive shell in a pseudo-terminal", .serialized,
  .enabled(if: Tmux.isInstalled, "tmux is not installed; install tmux to run the pseudo-terminal tests"))
struct InteractiveShellTests {
  @Test("a typed command runs, and Up recalls it")
  func commandAndRecall() throws {
    let shell = try Tmux()
    try shell.waitForPrompt()
    shell.type("help")
    shell.press("Enter")
    try shell.waitFor("help output and a new prompt") { screen in
      screen.contains("load") && screen.lines.count > 2 && Tmux.isEmptyPrompt(screen.lastLine)
    }
    shell.press("Up")
    try shell.waitFor("the last line recalled") { Tmux.isPrompt($0.lastLine, with: "help") }
  }

  @Test("Tab completes a command name")
  func tabCompletion() throws {
    let shell = try Tmux()
    try shell.waitForPrompt()
    shell.type("desc")
    shell.press("Tab")
    try shell.waitFor("'desc' completed to 'describe'") { Tmux.isPrompt($0.lastLine, with: "describe") }
  }

  @Test("Tab completes a file name inside load's quotes, folder by folder")
  func fileNameCompletion() throws {
    let shell = try Tmux(files: ["data/customers.csv", "data/notes.md", "other.txt"])
    try shell.waitForPrompt()
    shell.type("load \"da")
    shell.press("Tab")
    try shell.waitFor("the folder completed") { Tmux.isPrompt($0.lastLine, with: "load \"data/") }
    shell.type("c")
    shell.press("Tab")
    try shell.waitFor("the file completed and its quote closed") {
      Tmux.isPrompt($0.lastLine, with: "load \"data/customers.csv\"")
    }
  }

  @Test("Ctrl-C at the prompt drops the line and the shell stays alive")
  func controlCAtPrompt() throws {
    let shell = try Tmux()
    try shell.waitForPrompt()
    shell.type("nonsense that never runs")
    shell.press("C-c")
    try shell.waitFor("a fresh prompt") { Tmux.isEmptyPrompt($0.lastLine) && $0.lines.count >= 3 }
    shell.type("help")
    shell.press("Enter")
    try shell.waitFor("help output") { $0.contains("load") && Tmux.isEmptyPrompt($0.lastLine) }
    #expect(!shell.screen().contains("error"))
  }

  @Test("Ctrl-C stops a running command, which then changes nothing")
  func controlCStopsACommand() throws {
    let shell = try Tmux()
    try shell.waitForPrompt()
    shell.type("load sample rows 5000000")
    shell.press("Enter")
    Thread.sleep(forTimeInterval: 0.3)
    shell.press("C-c")
    try shell.waitFor("the command interrupted and a new prompt") { screen in
      screen.contains("interrupted") && Tmux.isEmptyPrompt(screen.lastLine)
    }
    shell.type("tables")
    shell.press("Enter")
    try shell.waitFor("no table was loaded") {
      $0.contains("no tables yet") && Tmux.isEmptyPrompt($0.lastLine)
    }
  }

  @Test("a long load shows a progress line on the terminal, erased before its result, and none in a pipe")
  func progressLine() throws {
    let shell = try Tmux()
    // About 150 MB: over a second to parse in a debug build, well past the line's half-second delay.
    let path = shell.home + "/big.csv"
    try Tmux.writeBigCSV(path, megabytes: 150)
    try shell.waitForPrompt()
    shell.type("load \"big.csv\"")
    shell.press("Enter")
    try shell.waitFor("the progress line") { screen in
      screen.lines.contains { $0.hasPrefix("loading big.csv  ") && $0.contains("% (") && $0.hasSuffix(" MiB)") }
    }
    try shell.waitFor("the load's result and a new prompt", timeout: 60) { screen in
      screen.contains("loaded big: ") && Tmux.isEmptyPrompt(screen.lastLine)
    }
    #expect(!shell.screen().contains("loading big.csv"), "the progress line was left on the screen")

    // The same load with stderr going to a file: no progress text, no carriage returns.
    let piped = try SegBinary.run(["--no-init", "-c", "load \"\(path)\""])
    #expect(piped.status == 0)
    #expect(piped.stdout.hasPrefix("loaded big: "))
    #expect(!piped.stderr.contains("loading") && !piped.stderr.contains("\r"), "stderr: \(piped.stderr)")
  }

  @Test("Ctrl-C stops a load from a pipe whose writer stalls")
  func controlCStopsAStalledPipe() throws {
    let shell = try Tmux()
    let fifo = shell.home + "/feed.csv"
    #expect(mkfifo(fifo, 0o600) == 0)
    // A writer that sends a header and a row, then keeps the pipe open without another byte. It
    // opens the pipe for reading and writing, which does not wait for a reader, so it is there
    // before seg opens the pipe (a pipe with no writer at all reads as empty at once).
    let writer = Process()
    writer.executableURL = URL(fileURLWithPath: "/bin/sh")
    writer.arguments = ["-c", "exec 3<>'\(fifo)'; printf 'a,b\\n1,2\\n' >&3; sleep 60"]
    try writer.run()
    defer { writer.terminate() }
    try shell.waitForPrompt()
    shell.type("load \"feed.csv\"")
    shell.press("Enter")
    Thread.sleep(forTimeInterval: 1)
    shell.press("C-c")
    try shell.waitFor("the load interrupted and a new prompt", timeout: 5) { screen in
      screen.contains("error: interrupted; nothing was changed") && Tmux.isEmptyPrompt(screen.lastLine)
    }
  }

  @Test("a journal that cannot take a whole cell is cut back to whole cells, and says so once")
  func journalKeepsWholeCells() throws {
    // Files may grow to 4 blocks: 4 KiB in bash, 2 KiB in dash. The signal a bigger write raises is
    // ignored, as seg inherits it, so the write fails with EFBIG as on a full disk.
    let shell = try Tmux(before: "trap '' XFSZ; ulimit -f 4;")
    try shell.waitForPrompt()
    let long = "count where city in (" + (0..<150).map { "\"town \($0)\"" }.joined(separator: ", ") + ")"
    for (i, command) in (["load sample rows 20"] + Array(repeating: long, count: 4)).enumerated() {
      shell.type(command)
      shell.press("Enter")
      try shell.waitFor("cell \(i + 2)'s prompt") { Tmux.isEmptyPrompt($0.lastLine) && $0.contains("seg [\(i + 2)]>") }
    }
    // The warning's line wraps on the screen; its start is on one line.
    let screen = shell.screen().text
    #expect(screen.components(separatedBy: "warning: cannot write ").count == 2, "the warning comes once: \(screen)")
    let folder = shell.home + "/state/seg/journal"
    let journals = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix("journal-") }
    let name = try #require(journals.first)
    let journal = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
    #expect(journal.hasSuffix("\n"), "a torn cell was left at the end")
    let cells = journal.split(separator: "\n").filter { !$0.hasPrefix("#") }
    #expect(cells.first == "load sample rows 20")
    #expect(cells.dropFirst().allSatisfy { $0 == long[...] }, "every cell kept is whole")
    #expect(journal.utf8.count <= 4096)
  }

  @Test("a trailing backslash shows the continuation prompt and the next line completes the command")
  func multiLine() throws {
    let shell = try Tmux()
    try shell.waitForPrompt()
    shell.type("help \\")
    shell.press("Enter")
    try shell.waitFor("the continuation prompt") { $0.lastLine.hasPrefix("   ...>") }
    shell.type("load")
    shell.press("Enter")
    try shell.waitFor("help for load and a new prompt") { screen in
      Tmux.isEmptyPrompt(screen.lastLine) && screen.lines.dropFirst(2).contains { $0.contains("load") }
    }
    #expect(!shell.screen().contains("error"))
    shell.press("Up")
    try shell.waitFor("the two-line entry recalled whole") { screen in
      let last = screen.lines.suffix(2)
      return last.count == 2 && Tmux.isPrompt(last.first!, with: "help \\") && last.last == "load"
    }
  }

  @Test("Ctrl-D exits with status 0 and the history file holds the commands")
  func controlDAndHistory() throws {
    let shell = try Tmux()
    try shell.waitForPrompt()
    for (index, command) in ["help", "help load"].enumerated() {
      shell.type(command)
      shell.press("Enter")
      try shell.waitFor("'\(command)' ran") { screen in
        Tmux.isEmptyPrompt(screen.lastLine)
          && screen.lines.filter { $0.hasPrefix("seg [") }.count >= index + 2
      }
    }
    shell.press("C-d")
    #expect(try shell.waitForExit() == 0)
    let history = try String(contentsOfFile: shell.home + "/state/seg/history", encoding: .utf8)
    #expect(Tmux.historyEntries(history) == ["help", "help load"])
  }

  @Test("quit exits with status 0")
  func quit() throws {
    let shell = try Tmux()
    try shell.waitForPrompt()
    shell.type("quit")
    shell.press("Enter")
    #expect(try shell.waitForExit() == 0)
  }
}

/// One `seg` in a detached tmux session on a server of its own, with a private home directory.
final class Tmux {
  struct Timeout: Error, CustomStringConvertible {
    var description: String
  }

  /// What the pane shows.
  struct Screen {
    var text: String
    var lines: [String] {
      var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      while lines.last?.isEmpty == true { lines.removeLast() }
      return lines
    }
    var lastLine: String { lines.last ?? "" }
    func contains(_ part: String) -> Bool { text.contains(part) }
  }

  /// The temporary home; `state/seg/history` is the history file.
  let home: String
  private let socket: String
  private static let counter = Counter()

  static var isInstalled: Bool {
    (try? run(["-V"]).status) == 0
  }

  /// The `seg` built beside this test bundle.
  static var segPath: String {
    let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? ""
    return (executable as NSString).deletingLastPathComponent + "/seg"
  }

  /// Starts seg in a fresh pseudo-terminal; `files` are created, empty, in its home folder, which is
  /// also its current folder; `before` is shell text run first (limits for seg to inherit).
  init(files: [String] = [], before: String = "") throws {
    home = NSTemporaryDirectory() + "segtest-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
    for file in files {
      let path = home + "/" + file
      try FileManager.default.createDirectory(
        atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      FileManager.default.createFile(atPath: path, contents: Data())
    }
    socket = "segtest-\(getpid())-\(Tmux.counter.next())"
    let seg = Tmux.segPath
    #expect(FileManager.default.isExecutableFile(atPath: seg), "no seg binary at \(seg)")
    let command = """
      cd '\(home)' && \(before) env -i PATH=/usr/bin:/bin HOME='\(home)' XDG_STATE_HOME='\(home)/state' \
      XDG_CONFIG_HOME='\(home)/config' NO_COLOR=1 LC_ALL=C.UTF-8 TERM=screen '\(seg)' --no-init; \
      echo $? > '\(home)/status'
      """
    let result = try Tmux.run([
      "-L", socket, "-f", "/dev/null", "new-session", "-d", "-x", "120", "-y", "40", command,
    ])
    #expect(result.status == 0, "tmux new-session failed")
  }

  deinit {
    _ = try? Tmux.run(["-L", socket, "kill-server"])
    try? FileManager.default.removeItem(atPath: home)
  }

  /// Types `text` literally.
  func type(_ text: String) {
    _ = try? Tmux.run(["-L", socket, "send-keys", "-l", text])
  }

  /// Presses a key by its tmux name: Enter, Tab, Up, C-c, C-d.
  func press(_ key: String) {
    _ = try? Tmux.run(["-L", socket, "send-keys", key])
  }

  /// The pane with its scrollback.
  func screen() -> Screen {
    Screen(
      text: (try? Tmux.run(["-L", socket, "capture-pane", "-p", "-S", "-"], captureOutput: true).output) ?? ""
    )
  }

  /// Polls the pane until `condition` holds, so the test waits no longer than the shell needs.
  func waitFor(_ what: String, timeout: Double = 15, _ condition: (Screen) -> Bool) throws {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      if condition(screen()) { return }
      usleep(30_000)
    }
    let last = screen()
    if condition(last) { return }
    throw Timeout(description: "timed out waiting for \(what); the screen shows:\n\(last.text)")
  }

  /// Waits for the greeting and the first prompt.
  func waitForPrompt() throws {
    try waitFor("the first prompt") { $0.contains("seg ") && Tmux.isEmptyPrompt($0.lastLine) }
  }

  /// Waits for `seg` to end and returns its exit status.
  func waitForExit(timeout: Double = 15) throws -> Int32 {
    let path = home + "/status"
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      if let text = try? String(contentsOfFile: path, encoding: .utf8), text.hasSuffix("\n"),
        let status = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
      {
        return status
      }
      usleep(30_000)
    }
    throw Timeout(description: "seg did not exit; the screen shows:\n\(screen().text)")
  }

  /// Writes a CSV of about `megabytes` MiB at `path`, in blocks of whole rows.
  static func writeBigCSV(_ path: String, megabytes: Int) throws {
    let header = "id,amount,city\n"
    var block = ""
    var row = 0
    while block.utf8.count < (1 << 20) - 64 {
      block += "\(1_000_000 + row),\(row % 997).\(row % 100),Lisbon\n"
      row += 1
    }
    FileManager.default.createFile(atPath: path, contents: Data(header.utf8))
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    defer { try? handle.close() }
    try handle.seekToEnd()
    let data = Data(block.utf8)
    for _ in 0..<megabytes * (1 << 20) / data.count { try handle.write(contentsOf: data) }
  }

  /// True for a prompt line with nothing typed on it (tmux drops the trailing space).
  static func isEmptyPrompt(_ line: String) -> Bool {
    line.hasPrefix("seg [") && line.hasSuffix("]>")
  }

  /// True for a prompt line, whatever its cell number, showing `typed`.
  static func isPrompt(_ line: String, with typed: String) -> Bool {
    line.hasPrefix("seg [") && line.hasSuffix("]> " + typed)
  }

  /// The entries of a libedit history file, whose lines escape spaces and newlines as `\ooo` octal.
  static func historyEntries(_ file: String) -> [String] {
    file.split(separator: "\n").dropFirst().map { line in
      var bytes: [UInt8] = []
      var rest = Substring(line).utf8[...]
      while let byte = rest.first {
        let digits = rest.dropFirst().prefix(3)
        if byte == UInt8(ascii: "\\"), digits.count == 3,
          let value = UInt8(String(decoding: digits, as: UTF8.self), radix: 8)
        {
          bytes.append(value)
          rest = rest.dropFirst(4)
        } else {
          bytes.append(byte)
          rest = rest.dropFirst()
        }
      }
      return String(decoding: bytes, as: UTF8.self)
    }
  }

  /// glibc's `posix_spawn_file_actions_addclosefrom_np`, which Swift does not import: it keeps every
  /// other descriptor of the test process out of tmux.
  private static let closeFrom: CloseFrom? = {
    guard let symbol = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") else { return nil }
    return unsafeBitCast(symbol, to: CloseFrom.self)
  }()
  private typealias CloseFrom =
    @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32

  /// Runs tmux and waits for it; stdout is read only when `captureOutput`.
  ///
  /// Spawned by hand rather than with Foundation's `Process`: the tmux server that `new-session` forks
  /// would inherit `Process`'s descriptors and blocked signals, so the test would never see the client
  /// end, and the server and `seg` would ignore signals.
  @discardableResult
  static func run(_ arguments: [String], captureOutput: Bool = false) throws -> (
    status: Int32, output: String
  ) {
    var fds: [Int32] = [-1, -1]
    if captureOutput, pipe(&fds) != 0 { throw Timeout(description: "pipe failed") }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    if captureOutput {
      posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
    } else {
      posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    }
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    if let closeFrom = closeFrom { _ = closeFrom(&actions, 3) }
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var noSignals = sigset_t()
    sigemptyset(&noSignals)
    var defaults = sigset_t()
    sigfillset(&defaults)
    posix_spawnattr_setsigmask(&attributes, &noSignals)
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    let argv = (["tmux"] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid: pid_t = 0
    let spawned = posix_spawnp(&pid, "tmux", &actions, &attributes, argv, environ)
    var output = Data()
    if captureOutput {
      close(fds[1])
      if spawned == 0 {
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
          let count = read(fds[0], &chunk, chunk.count)
          if count < 0 && errno == EINTR { continue }
          if count <= 0 { break }
          output.append(contentsOf: chunk[0..<count])
        }
      }
      close(fds[0])
    }
    guard spawned == 0 else { throw Timeout(description: "cannot run tmux (\(spawned))") }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    let exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    return (exitStatus, String(decoding: output, as: UTF8.self))
  }
}

/// Numbers tmux servers so tests in one process never share a socket.
final class Counter: @unchecked Sendable {
  private let lock = NSLock()
  private var value = 0

  func next() -> Int {
    lock.withLock {
      value += 1
      return value
    }
  }
}
