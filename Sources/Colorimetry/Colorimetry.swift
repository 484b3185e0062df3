// Colorimetry: colour types and maths (sRGB, linear RGB, XYZ, CIELAB, LCh, ΔE, spectra, ITA°).
// Depends on nothing. See ../shared/DESIGN.md.
