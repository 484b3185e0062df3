import ArgumentParser
import PigmentMatch

/// The `pigmatch` command line: a thin shell over the PigmentMatch library.
@main
struct PigMatch: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "pigmatch",
    abstract: "Match scalp-micropigmentation pigments to a client's skin and hair.",
    subcommands: []
  )
}
