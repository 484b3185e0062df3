import ArgumentParser
import Foundation
import PhotoIO
import PigmentMatch

/// The `pigmatch` command line: a thin shell over the PigmentMatch library.
@main
struct PigMatch: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "pigmatch",
    abstract: "Match scalp-micropigmentation pigments to a client's skin and hair.",
    discussion: DecodeLimitsHelp.discussion + """

      Limits: \(PaletteLimits.summary). Photos, masks and palettes must be regular files (not a FIFO \
      or device). Outputs never replace an input of the run, a symbolic link's target, a device or a \
      FIFO. A file whose name starts with '-' goes after '--'. Exit status: 0 done, 1 failed \
      validation, 2 bad input, usage or a failed write.
      """,
    version: ToolVersion.description,
    subcommands: [
      InspectCommand.self, ColorCommand.self, AnalyzeCommand.self, PaletteCommand.self, MixCommand.self,
      BlendCommand.self, FadeCommand.self, MatchCommand.self, ReportCommand.self, BatchCommand.self,
    ]
  )

  static func main() {
    ProcessMemory.preferHugePages()
    reserveClosedStandardStreams()
    let status = execute(rawArguments())
    Foundation.exit(status)
  }

  /// The arguments byte for byte (``FileName``): `CommandLine.arguments` replaces bytes that are
  /// not UTF-8, so a photo with a Latin-1 name could not be found.
  static func rawArguments() -> [String] {
    (1..<Int(CommandLine.argc)).compactMap { index in
      CommandLine.unsafeArgv[index].map { FileName.string(fromCString: $0) }
    }
  }

  /// A closed stdin, stdout or stderr (`>&-`) is reopened read-only on /dev/null, so the next file
  /// this process opens cannot take its number (output text would land in it) and writes fail with
  /// EBADF, reported as one line and exit 2.
  static func reserveClosedStandardStreams() {
    for stream in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(stream, F_GETFD) < 0 {
      let placeholder = open("/dev/null", O_RDONLY)
      if placeholder >= 0, placeholder != stream {
        dup2(placeholder, stream)
        close(placeholder)
      }
    }
  }

  /// Parses and runs `arguments`, reporting any failure as one line on the console's stderr.
  /// Returns the exit status: 0 success, 1 failed validation, 2 bad input or usage.
  static func execute(_ arguments: [String]) -> Int32 {
    let status = run(arguments)
    // A failed write to stdout or stderr (full disk, closed or broken pipe) wins: exit 2.
    return CLI.console.finishWithWriteFailure() ?? status
  }

  private static func run(_ arguments: [String]) -> Int32 {
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
      if status == .success, let grouped = groupedShortOptionsAskingForHelp(arguments) {
        // `-dash.jpg` parses as the short flags -d -a -s -h …, and -h asks for help.
        console.printError(
          "pigmatch: unknown option '\(grouped)' (a file whose name starts with '-' goes after '--': "
            + "pigmatch analyze -- \(grouped))")
        return 2
      }
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

extension PigMatch {
  /// The argument that asked for help only as one letter of a group of short options (a file
  /// name like `-dash.jpg`), or nil when help was asked for plainly (`-h`, `--help`, `help`).
  static func groupedShortOptionsAskingForHelp(_ arguments: [String]) -> String? {
    let options = arguments.prefix { $0 != "--" }
    let plain: Set<String> = ["-h", "--help", "help", "--version", "--experimental-dump-help"]
    guard !options.contains(where: { plain.contains($0) || $0.hasPrefix("--generate-completion") })
    else { return nil }
    return options.first { $0.hasPrefix("-") && !$0.hasPrefix("--") && $0.count > 2 }
  }
}

/// Options every reporting command shares.
struct OutputOptions: ParsableArguments {
  @Flag(name: .long, help: "Print one JSON object instead of a table.")
  var json = false
}
