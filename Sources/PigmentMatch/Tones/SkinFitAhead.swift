import Colorimetry
import Dispatch

/// The colour-cast check's skin fit (`NeutralLightSkin.fit(_:)`), started on a worker thread as
/// soon as the analysis has a skin tone, so that it runs while the analysis finishes its roles and
/// hair instead of after them. The check asks it for the fit of the analysis' final skin
/// (``fit(of:)``): the fit started is used only when it was started on that same colour; any other
/// colour is fitted then, so the result is the one fitting the final skin gives.
///
/// Audited `@unchecked Sendable`: `result` is written once, by the worker, before it leaves
/// `group`; it is read only after `group.wait()`, which orders that write before the read.
final class SkinFitAhead: @unchecked Sendable {
  /// The skin colour the fit was started on.
  let skin: Lab
  private let group = DispatchGroup()
  private var result: SkinFit?

  /// Starts fitting `skin` on a worker thread.
  init(skin: Lab) {
    self.skin = skin
    DispatchQueue.global().async(group: group) { [self] in result = NeutralLightSkin.fit(skin) }
  }

  /// `NeutralLightSkin.fit(lab)`: the fit started, waited for, when `lab` is the colour it was
  /// started on; otherwise fitted now.
  func fit(of lab: Lab) -> SkinFit? {
    guard lab == skin else { return NeutralLightSkin.fit(lab) }
    group.wait()
    return result
  }
}
