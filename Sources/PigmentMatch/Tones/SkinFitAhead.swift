import Colorimetry
import Foundation

/// The colour-cast check's skin fit (`NeutralLightSkin.fit(_:)`), offered to a worker thread as
/// soon as the analysis has a skin tone, so that it can run while the analysis finishes its roles
/// and hair instead of after them. Whoever starts it first does it: the worker, or ``fit(of:)``
/// when the worker has not begun (so a caller never waits on a pool thread that has not started,
/// e.g. under `batch`'s concurrent photos), and ``abandon()`` keeps a worker that has not begun
/// from starting a fit nobody will ask for. The fit is used only for the colour it was started on;
/// any other colour is fitted then, so the result is the one fitting the final skin gives.
///
/// Audited `@unchecked Sendable`: `claimed` and `result` are read and written only under `state`'s
/// lock; `skin` is immutable.
final class SkinFitAhead: @unchecked Sendable {
  /// The skin colour the fit was started on.
  let skin: Lab
  private let state = NSCondition()
  private var claimed = false
  /// The finished fit (`.some(nil)`: no fit was possible), nil until it is done.
  private var result: SkinFit??

  /// Offers the fit of `skin` to a worker thread.
  init(skin: Lab) {
    self.skin = skin
    DispatchQueue.global().async { [self] in
      guard claim() else { return }
      let fit = NeutralLightSkin.fit(skin)
      state.lock()
      result = .some(fit)
      state.broadcast()
      state.unlock()
    }
  }

  /// `NeutralLightSkin.fit(lab)`: the worker's fit, waited for, when `lab` is the colour it was
  /// started on and the worker has begun; otherwise fitted here.
  func fit(of lab: Lab) -> SkinFit? {
    guard lab == skin else {
      abandon()
      return NeutralLightSkin.fit(lab)
    }
    if claim() { return NeutralLightSkin.fit(lab) }
    state.lock()
    defer { state.unlock() }
    while result == nil { state.wait() }
    return result ?? nil
  }

  /// The fit is no longer wanted: a worker that has not begun does not start it.
  func abandon() {
    _ = claim()
  }

  /// Takes the fit to do; false when someone already has.
  private func claim() -> Bool {
    state.lock()
    defer { state.unlock() }
    if claimed { return false }
    claimed = true
    return true
  }
}
