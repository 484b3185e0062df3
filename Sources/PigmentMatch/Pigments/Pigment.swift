/// One stock pigment of a palette.
public struct Pigment: Sendable, Equatable, Identifiable {
  /// Identifier used in recipes (unique within the palette; never `"water"`).
  public let id: String
  /// Vendor's shade name.
  public let name: String
  /// Chemical class; nil when the palette omits it (a validation warning).
  public let pigmentClass: PigmentClass?
  /// Blue Wool light fastness; nil when the palette omits it (a validation warning).
  public let lightfastness: Lightfastness?
  /// Free-text notes (composition, how the numbers were modelled).
  public let notes: String?
  /// Kubelka–Munk constants per unit stock concentration.
  public let optics: PigmentOptics

  /// A pigment; `optics` is already validated by its own initialiser.
  public init(
    id: String, name: String, pigmentClass: PigmentClass?, lightfastness: Lightfastness?,
    notes: String? = nil, optics: PigmentOptics
  ) {
    self.id = id
    self.name = name
    self.pigmentClass = pigmentClass
    self.lightfastness = lightfastness
    self.notes = notes
    self.optics = optics
  }
}
