import ArgumentParser
import PhotoIO
import PigmentMatch

/// `pigmatch-bench`: stage timings, medians over repeated runs. Run it in release:
/// `swift run -c release pigmatch-bench STAGE …`. Each stage is a subcommand in its own file.
@main
struct Bench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "pigmatch-bench",
    abstract: "Time PigmentMatch's stages (run with -c release).",
    subcommands: BenchStages.all
  )

  /// The allocator set up as `pigmatch` sets it (``ProcessMemory/preferHugePages()``), then the stage.
  static func main() {
    ProcessMemory.preferHugePages()
    main(nil)
  }
}
