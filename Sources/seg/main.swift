import ArgumentParser
import SegmentShell

#if canImport(Glibc)
  import Glibc
#endif

// Parse by hand rather than with `Seg.main()` so that a bad invocation exits 2 (DESIGN §3), not
// ArgumentParser's 64.
do {
  var command = try Seg.parseAsRoot()
  try command.run()
} catch let code as ExitCode {
  exit(code.rawValue)
} catch {
  let code = Seg.exitCode(for: error)
  if code == .validationFailure {
    let message = Seg.fullMessage(for: error)
    Console.write(message + "\n", to: .err)
    exit(2)
  }
  Seg.exit(withError: error)
}
