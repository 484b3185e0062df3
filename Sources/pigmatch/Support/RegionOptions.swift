import ArgumentParser
import PigmentMatch

/// `--roi` and `--mask`, shared by the commands that analyse a photo.
struct RegionOptions: ParsableArguments {
  @Option(help: "Analyse only this rectangle, full-resolution pixels: x,y,width,height.")
  var roi: String?

  @Option(help: "Analyse only the non-zero pixels of this PNG (same size as the photo).")
  var mask: String?

  /// Analyses `photo` within the region; any failure is one CLI line (exit 2).
  func analyse(_ photo: String) throws(CLIFailure) -> ToneAnalysis {
    var options = ToneAnalysisOptions()
    do {
      if let roi { options.region = try RegionOfInterest.parse(roi) }
      if let mask { options.mask = try AnalysisMask.load(contentsOf: mask) }
      return try ToneAnalysis(contentsOf: photo, options: options)
    } catch {
      throw CLIFailure.input(error.description)
    }
  }
}
