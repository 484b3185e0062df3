import ArgumentParser

/// The registered stage subcommands. Add a stage by adding its command type here.
enum BenchStages {
  static let all: [any ParsableCommand.Type] = [
    DecodeStage.self, MakePhotoStage.self, SoakStage.self, LabStage.self, BlendStage.self, MatchStage.self, MonteCarloStage.self, SkinFitStage.self,
    AllStage.self, AnalyzeStage.self, GeometryStage.self,
  ]
}
