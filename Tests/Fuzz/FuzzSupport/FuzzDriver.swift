/// Starts libFuzzer on `test`, from a fuzz target's `main.swift`; returns libFuzzer's exit status.
///
/// SwiftPM gives an executable target its own entry point, which wins over libFuzzer's `main`, so
/// each target starts libFuzzer itself through `LLVMFuzzerRunDriver`, libFuzzer's documented way to
/// run from a program's own main. The targets exist only in Scripts/fuzz's build
/// (`-sanitize=fuzzer,address`), which links libFuzzer.
public func runFuzzer(_ test: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32) -> Int32 {
  var argc = CommandLine.argc
  var argv = CommandLine.unsafeArgv
  return LLVMFuzzerRunDriver(&argc, &argv, test)
}

@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
  _ argc: UnsafeMutablePointer<Int32>,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
  _ test: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32
) -> Int32
