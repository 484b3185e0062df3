// PigmentMatch: the domain — tone analysis, palettes, Kubelka–Munk, blend solving, skin optics,
// hyperpigmentation, fade and the match pipeline. See ../shared/DESIGN.md.
@_exported import Colorimetry
@_exported import PhotoIO
