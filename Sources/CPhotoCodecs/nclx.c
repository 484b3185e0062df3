// HEIF nclx colour descriptions: the ITU-T H.273 (07/2024) code points this library converts.
#include "internal.h"

typedef struct nclx_primaries {
  int32_t code;
  const char *name;
  double xy[8];  ///< White x,y, red x,y, green x,y, blue x,y.
} nclx_primaries;

/// ITU-T H.273 Table 2 (colour primaries). Code 2 (unspecified) is read as BT.709, as libheif and
/// browsers do.
static const nclx_primaries kPrimaries[] = {
    /// Rec. ITU-R BT.709-6 (the sRGB primaries, IEC 61966-2-1), D65.
    {1, "BT.709", {0.3127, 0.3290, 0.640, 0.330, 0.300, 0.600, 0.150, 0.060}},
    {2, "unspecified (BT.709)", {0.3127, 0.3290, 0.640, 0.330, 0.300, 0.600, 0.150, 0.060}},
    /// Rec. ITU-R BT.470-6 System B, G / BT.601 625-line, D65.
    {5, "BT.601 625-line", {0.3127, 0.3290, 0.640, 0.330, 0.290, 0.600, 0.150, 0.060}},
    /// Rec. ITU-R BT.601-7 525-line / SMPTE 170M, D65.
    {6, "BT.601 525-line", {0.3127, 0.3290, 0.630, 0.340, 0.310, 0.595, 0.155, 0.070}},
    /// SMPTE 240M (same primaries as 6), D65.
    {7, "SMPTE 240M", {0.3127, 0.3290, 0.630, 0.340, 0.310, 0.595, 0.155, 0.070}},
    /// Rec. ITU-R BT.2020-2 / BT.2100, D65.
    {9, "BT.2020", {0.3127, 0.3290, 0.708, 0.292, 0.170, 0.797, 0.131, 0.046}},
    /// SMPTE RP 431-2 (DCI-P3, DCI white).
    {11, "DCI-P3", {0.314, 0.351, 0.680, 0.320, 0.265, 0.690, 0.150, 0.060}},
    /// SMPTE EG 432-1 (P3 primaries, D65 white: Apple's Display P3).
    {12, "Display P3", {0.3127, 0.3290, 0.680, 0.320, 0.265, 0.690, 0.150, 0.060}},
};

typedef struct nclx_transfer {
  int32_t code;
  const char *name;
  double params[5];  ///< lcms2 type 4: Y = (aX + b)^γ for X ≥ d, Y = cX below; γ, a, b, c, d.
} nclx_transfer;

/// ITU-T H.273 Table 3 (transfer characteristics), inverted to give linear light. Code 2
/// (unspecified) is read as sRGB.
static const nclx_transfer kTransfers[] = {
    /// Rec. ITU-R BT.709-6 OETF V = 1.099 L^0.45 − 0.099 (L ≥ 0.018), 4.5 L below; inverse.
    /// (BT.2020 codes 14/15 use the same curve with α = 1.0993, β = 0.0181 at 12 bits: within 1e-4.)
    {1, "BT.709", {1 / 0.45, 1 / 1.099, 0.099 / 1.099, 1 / 4.5, 0.081}},
    {6, "BT.601", {1 / 0.45, 1 / 1.099, 0.099 / 1.099, 1 / 4.5, 0.081}},
    {14, "BT.2020 10-bit", {1 / 0.45, 1 / 1.099, 0.099 / 1.099, 1 / 4.5, 0.081}},
    {15, "BT.2020 12-bit", {1 / 0.45, 1 / 1.0993, 0.0993 / 1.0993, 1 / 4.5, 0.0814}},
    /// IEC 61966-2-1:1999 §4.2 (sRGB): linear = ((V + 0.055)/1.055)^2.4 for V ≥ 0.04045, V/12.92 below.
    {PMC_NCLX_TRANSFER_SRGB, "sRGB", {2.4, 1 / 1.055, 0.055 / 1.055, 1 / 12.92, 0.04045}},
    {2, "unspecified (sRGB)", {2.4, 1 / 1.055, 0.055 / 1.055, 1 / 12.92, 0.04045}},
    /// Rec. ITU-R BT.470-6 System M: assumed display gamma 2.2.
    {4, "gamma 2.2", {2.2, 1, 0, 0, 0}},
    /// Rec. ITU-R BT.470-6 System B, G: assumed display gamma 2.8.
    {5, "gamma 2.8", {2.8, 1, 0, 0, 0}},
    /// Linear light.
    {8, "linear", {1, 1, 0, 0, 0}},
};

/// Matrix coefficients libheif converts to RGB by the Kr/Kb form (or identity): 0 GBR, 1 BT.709,
/// 2 unspecified, 4 FCC, 5/6 BT.601, 7 SMPTE 240M, 9 BT.2020 non-constant luminance, 12
/// chromaticity-derived non-constant luminance. The others (YCgCo, constant luminance, ICtCp …)
/// are reported as unsupported.
static int matrix_supported(int32_t code) {
  return code == 0 || code == 1 || code == 2 || code == 4 || code == 5 || code == 6 || code == 7 || code == 9 ||
         code == 12;
}

static const nclx_primaries *find_primaries(int32_t code) {
  for (size_t i = 0; i < sizeof kPrimaries / sizeof kPrimaries[0]; i++) {
    if (kPrimaries[i].code == code) return &kPrimaries[i];
  }
  return NULL;
}

static const nclx_transfer *find_transfer(int32_t code) {
  for (size_t i = 0; i < sizeof kTransfers / sizeof kTransfers[0]; i++) {
    if (kTransfers[i].code == code) return &kTransfers[i];
  }
  return NULL;
}

int pmc_nclx_chromaticities(int32_t code, double xy[8]) {
  const nclx_primaries *found = find_primaries(code);
  if (found == NULL) return 0;
  memcpy(xy, found->xy, sizeof found->xy);
  return 1;
}

int pmc_nclx_transfer_curve(int32_t code, double params[5]) {
  const nclx_transfer *found = find_transfer(code);
  if (found == NULL) return 0;
  memcpy(params, found->params, sizeof found->params);
  return 1;
}

/// Names of code points this library does not convert (for the warning).
static const char *unsupported_name(int32_t kind, int32_t code) {
  if (kind == 1 && code == 16) return "PQ (HDR)";
  if (kind == 1 && code == 18) return "HLG (HDR)";
  if (kind == 2 && code == 14) return "ICtCp";
  if (kind == 2 && code == 8) return "YCgCo";
  return NULL;
}

int32_t pmc_nclx_describe(const pmc_image *image, char *text, size_t text_len) {
  if (image == NULL || !image->has_nclx) {
    pmc_set_message(text, text_len, "no nclx");
    return 0;
  }
  const nclx_primaries *primaries = find_primaries(image->nclx_primaries);
  const nclx_transfer *transfer = find_transfer(image->nclx_transfer);
  int matrix = matrix_supported(image->nclx_matrix);
  char p[48], t[48], m[48];
  if (primaries != NULL) {
    pmc_set_message(p, sizeof p, "%s primaries", primaries->name);
  } else {
    pmc_set_message(p, sizeof p, "unsupported primaries %d", image->nclx_primaries);
  }
  const char *tn = unsupported_name(1, image->nclx_transfer);
  if (transfer != NULL) {
    pmc_set_message(t, sizeof t, "%s transfer", transfer->name);
  } else if (tn != NULL) {
    pmc_set_message(t, sizeof t, "unsupported %s transfer", tn);
  } else {
    pmc_set_message(t, sizeof t, "unsupported transfer %d", image->nclx_transfer);
  }
  const char *mn = unsupported_name(2, image->nclx_matrix);
  if (matrix) {
    m[0] = '\0';
  } else if (mn != NULL) {
    pmc_set_message(m, sizeof m, ", unsupported %s matrix", mn);
  } else {
    pmc_set_message(m, sizeof m, ", unsupported matrix %d", image->nclx_matrix);
  }
  pmc_set_message(text, text_len, "%s, %s%s (nclx)", p, t, m);
  return primaries != NULL && transfer != NULL && matrix;
}
