import Foundation
import PigmentMatch
import Testing

@testable import pigmatch

/// The CLI's JSON is the library's contract model: each output decodes into its `JSONContract`
/// type and encodes back to the same bytes, so a front end reading the model loses nothing.
@Suite("JSON contract round trip")
struct ContractRoundTripTests {
  static let iron = Paths.inPackage("Palettes/iron-oxide-tones.json")
  static let carbon = Paths.inPackage("Palettes/carbon-greyscale.json")
  static let photo = Paths.inPackage("Samples/04-light-salt-pepper.jpg")

  static func roundTrip<T: Codable>(_ type: T.Type, _ arguments: [String], status: Int32 = 0) throws {
    let run = CLIRun(arguments)
    #expect(run.status == status, "\(run.stderr)")
    let printed = run.stdout.trimmingCharacters(in: .newlines)
    let decoded = try JSONDecoder().decode(T.self, from: Data(printed.utf8))
    #expect(try JSONContract.encode(decoded) == printed, "\(arguments.joined(separator: " "))")
  }

  @Test func everyOutputDecodesAndEncodesToTheSameBytes() throws {
    try Self.roundTrip(JSONContract.InspectOutput.self, ["inspect", Self.photo, "--json"])
    try Self.roundTrip(JSONContract.ColorOutput.self, ["color", "#262322", "61,11,16", "--json"])
    try Self.roundTrip(JSONContract.Analysis.self, ["analyze", Self.photo, "--json"])
    try Self.roundTrip(JSONContract.PaletteShowOutput.self, ["palette", "show", Self.iron, "--json"])
    try Self.roundTrip(JSONContract.PaletteValidateOutput.self, ["palette", "validate", Self.carbon, "--json"])
    try Self.roundTrip(
      JSONContract.PaletteValidateManyOutput.self, ["palette", "validate", Self.carbon, Self.iron, "--json"])
    try Self.roundTrip(
      JSONContract.MixOutput.self, ["mix", "--palette", Self.carbon, "--recipe", "cb-black=1:4", "--skin-lab", "61,11,16", "--json"])
    try Self.roundTrip(
      JSONContract.FadeOutput.self, ["fade", "--palette", Self.carbon, "--recipe", "cb-black=1:4", "--years", "3", "--json"])
    try Self.roundTrip(
      JSONContract.BlendOutput.self,
      ["blend", "--palette", Self.iron, "--hair-lab", "30,5,10", "--skin-lab", "61,11,16", "--volume", "5ml", "--json"])
    try Self.roundTrip(
      JSONContract.MatchOutput.self,
      ["match", Self.photo, "--palette", Self.iron, "--years", "2", "--fitzpatrick", "III", "--json"])
  }

  @Test func versionLineNamesTheContractVersionEveryObjectCarries() throws {
    let version = CLIRun(["--version"])
    #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "pigmatch 0.16.0 (JSON schemaVersion 4)")
    for arguments in [["color", "50,0,0", "--json"], ["palette", "show", Self.iron, "--json"]] {
      #expect(try CLIRun(arguments).json()["schemaVersion"] as? Int == JSONContract.schemaVersion)
    }
  }
}
