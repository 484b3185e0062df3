import ArgumentParser
import Foundation
import PigmentMatch

/// The `pigmatch` command line: a thin shell over the PigmentMatch library.
@main
struct PigMatch: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "pigmatch",
    abstract: "Match scalp-micropigmentation pigments to a client's skin and hair.",
    version: ToolVersion.description,
    subcommands: [
      InspectCommand.self, ColorCommand.self, AnalyzeCommand.self, PaletteCommand.self, MixCommand.self,
      BlendCommand.self, FadeCommand.self, MatchCommand.self, ReportCommand.self, BatchCommand.self,
    ]
  )

  static func main() {
    let status = execute(Array(CommandLine.arguments.dropFirst()))
    Foundation.exit(status)
  }

  /// Parses and runs `arguments`, reporting any failure as one line on the console's stderr.
  /// Returns the exit status: 0 success, 1 failed validation, 2 bad input or usage.
  static func execute(_ arguments: [String]) -> Int32 {
    let console = CLI.console
    do {
      var command = try parseAsRoot(arguments)
      try command.run()
      return 0
    } catch let failure as CLIFailure {
      console.printError("pigmatch: \(failure.message)")
      return failure.status
    } catch let code as ExitCode {
      return code.rawValue
    } catch {
      let status = exitCode(for: error)
      let message = fullMessage(for: error)
      if status == .success {  // --help, --version
        console.print(message)
        return 0
      }
      let line = message.split(separator: "\n").first.map(String.init) ?? "invalid arguments"
      let trimmed = line.hasPrefix("Error: ") ? String(line.dropFirst(7)) : line
      console.printError("pigmatch: \(trimmed)")
      return 2
    }
  }
}

/// Options every reporting command shares.
struct OutputOptions: ParsableArguments {
  @Flag(name: .long, help: "Print one JSON object instead of a table.")
  var json = false
}
