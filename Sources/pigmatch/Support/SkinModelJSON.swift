import PigmentMatch

/// The fitted skin model in JSON (`skinModel` of `mix`, `blend`, `fade` and `match`): the fit's
/// ΔE00, every fitted parameter, those at an end of their range, and whether the colour is skin
/// under neutral light at all (else `advice` says it is likely a colour cast). The three flat
/// parameter keys are kept from the first `match` contract.
struct SkinModelJSON: Encodable {
  struct Parameters: Encodable {
    let melanosomeFraction: Rounded
    let pheomelaninFraction: Rounded
    let bloodFraction: Rounded
    let oxygenSaturation: Rounded
    let dermalScatteringScale: Rounded
    let epidermisThicknessMM: Rounded
    let scatteringPower: Rounded
    let caroteneMicromolar: Rounded
  }

  let fitDeltaE00: Rounded
  let inGamut: Bool
  let advice: String?
  let parametersAtBounds: [String]
  let parameters: Parameters
  let melanosomeFraction: Rounded
  let bloodFraction: Rounded
  let dermalScatteringScale: Rounded

  init(_ fit: SkinFit) {
    let p = fit.optics.parameters
    fitDeltaE00 = Rounded(fit.deltaE00, places: 4)
    inGamut = fit.inGamut
    advice = fit.gamut.advice
    parametersAtBounds = fit.parametersAtBounds
    parameters = Parameters(
      melanosomeFraction: Rounded(p.melanosomeFraction, places: 4),
      pheomelaninFraction: Rounded(p.pheomelaninFraction, places: 3),
      bloodFraction: Rounded(p.bloodFraction, places: 5),
      oxygenSaturation: Rounded(p.oxygenSaturation, places: 3),
      dermalScatteringScale: Rounded(p.dermalScatteringScale, places: 3),
      epidermisThicknessMM: Rounded(p.epidermisThickness, places: 4),
      scatteringPower: Rounded(p.scatteringPower, places: 3),
      caroteneMicromolar: Rounded(p.caroteneMicromolar, places: 2))
    melanosomeFraction = parameters.melanosomeFraction
    bloodFraction = parameters.bloodFraction
    dermalScatteringScale = parameters.dermalScatteringScale
  }
}
