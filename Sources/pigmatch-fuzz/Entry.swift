import Foundation

#if FUZZING
  /// libFuzzer entry point (built with `-sanitize=fuzzer,address -D FUZZING`; see scripts/fuzz.sh).
  @_cdecl("LLVMFuzzerTestOneInput")
  public func fuzzOneInput(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    FuzzTarget.selected.run(Array(UnsafeBufferPointer(start: start, count: count)))
    return 0
  }

  /// libFuzzer's driver (compiler-rt FuzzerInterface.h).
  @_silgen_name("LLVMFuzzerRunDriver")
  func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
  ) -> CInt

  /// SwiftPM links executables with their entry point renamed to `<module>_main`, which leaves
  /// libFuzzer's own `main` out; this is that entry point, handing over to libFuzzer's driver.
  @_cdecl("pigmatch_fuzz_main")
  public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var vector = argv
    return runFuzzerDriver(&count, &vector) { start, size in fuzzOneInput(start, size) }
  }

  extension FuzzTarget {
    /// The target named by PIGMATCH_FUZZ_TARGET (png when unset).
    static let selected: FuzzTarget =
      FuzzTarget(rawValue: ProcessInfo.processInfo.environment["PIGMATCH_FUZZ_TARGET"] ?? "png") ?? .png
  }
#else
  /// Replay runner: `pigmatch-fuzz TARGET FILE…` runs saved inputs (corpora, crash reproducers)
  /// through a fuzz target without the fuzzer, e.g. under valgrind.
  @main
  struct FuzzReplay {
    static func main() {
      let arguments = CommandLine.arguments.dropFirst()
      guard let name = arguments.first, let target = FuzzTarget(rawValue: name) else {
        let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")
        FileHandle.standardError.write(Data("usage: pigmatch-fuzz \(names) FILE…\n".utf8))
        exit(2)
      }
      var count = 0
      for path in arguments.dropFirst() {
        guard let data = FileManager.default.contents(atPath: path) else {
          FileHandle.standardError.write(Data("pigmatch-fuzz: \(path): cannot read\n".utf8))
          exit(2)
        }
        target.run([UInt8](data))
        count += 1
      }
      print("\(target.rawValue): \(count) input(s) ran without a crash")
    }
  }
#endif
