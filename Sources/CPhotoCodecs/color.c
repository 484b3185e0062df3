// Colour management through LittleCMS: embedded ICC profiles (or PNG gAMA/cHRM, HEIF nclx) to linear sRGB.
#include <lcms2.h>
#include <math.h>
#include <stdlib.h>
#include "internal.h"

/// sRGB primaries and D65 white (IEC 61966-2-1:1999, Table 1).
static const cmsCIExyY kD65 = {0.3127, 0.3290, 1.0};
static const cmsCIExyYTRIPLE kSRGBPrimaries = {{0.64, 0.33, 1.0}, {0.30, 0.60, 1.0}, {0.15, 0.06, 1.0}};

/// A matrix/shaper profile with sRGB primaries, D65 white and a linear tone curve.
static cmsHPROFILE create_linear_srgb(cmsContext context) {
  cmsToneCurve *linear = cmsBuildGamma(context, 1.0);
  if (linear == NULL) return NULL;
  cmsToneCurve *curves[3] = {linear, linear, linear};
  cmsHPROFILE profile = cmsCreateRGBProfileTHR(context, &kD65, &kSRGBPrimaries, curves);
  cmsFreeToneCurve(linear);
  return profile;
}

/// A matrix/shaper RGB profile with white and primaries xy[8] (white, red, green, blue x,y) and
/// `curve` on every channel; takes ownership of `curve` (NULL gives NULL).
static cmsHPROFILE create_profile_with_curve(cmsContext context, const double *xy, cmsToneCurve *curve) {
  if (curve == NULL) return NULL;
  cmsCIExyY white = {xy[0], xy[1], 1.0};
  cmsCIExyYTRIPLE primaries = {{xy[2], xy[3], 1.0}, {xy[4], xy[5], 1.0}, {xy[6], xy[7], 1.0}};
  cmsToneCurve *curves[3] = {curve, curve, curve};
  cmsHPROFILE profile = cmsCreateRGBProfileTHR(context, &white, &primaries, curves);
  cmsFreeToneCurve(curve);
  return profile;
}

static cmsHPROFILE create_power_profile(cmsContext context, const double *xy, double gamma) {
  return create_profile_with_curve(context, xy, cmsBuildGamma(context, gamma));
}

/// A matrix/shaper profile from a HEIF nclx description: its primaries and white (ITU-T H.273
/// Table 2) and the inverse of its transfer characteristic (Table 3) as the tone curve.
static cmsHPROFILE create_nclx_profile(cmsContext context, const pmc_image *image) {
  double xy[8], params[5];
  if (!pmc_nclx_chromaticities(image->nclx_primaries, xy) || !pmc_nclx_transfer_curve(image->nclx_transfer, params)) {
    return NULL;
  }
  return create_profile_with_curve(context, xy, cmsBuildParametricToneCurve(context, 4, params));
}

static void ignore_lcms_errors(cmsContext context, cmsUInt32Number code, const char *text) {
  (void)context;
  (void)code;
  (void)text;  // Errors surface as NULL handles; nothing is printed.
}

static int32_t space_code(cmsColorSpaceSignature space) {
  switch (space) {
    case cmsSigGrayData: return 1;
    case cmsSigRgbData: return 3;
    case cmsSigCmykData: return 4;
    default: return 0;
  }
}

int32_t pmc_icc_describe(const uint8_t *icc, uint32_t len, char *description, size_t description_len,
                         int32_t *color_space) {
  if (icc == NULL || len == 0) return PMC_ERR_ARGUMENT;
  cmsContext context = cmsCreateContext(NULL, NULL);
  if (context == NULL) return PMC_ERR_NO_MEMORY;
  cmsSetLogErrorHandlerTHR(context, ignore_lcms_errors);
  cmsHPROFILE profile = cmsOpenProfileFromMemTHR(context, icc, len);
  if (profile == NULL) {
    cmsDeleteContext(context);
    return PMC_ERR_PROFILE;
  }
  if (description != NULL && description_len > 0) {
    description[0] = '\0';
    cmsUInt32Number n =
        cmsGetProfileInfoASCII(profile, cmsInfoDescription, "en", "US", description, (cmsUInt32Number)description_len);
    if (n == 0) description[0] = '\0';
    description[description_len - 1] = '\0';
  }
  if (color_space != NULL) *color_space = space_code(cmsGetColorSpace(profile));
  cmsCloseProfile(profile);
  cmsDeleteContext(context);
  return PMC_OK;
}

/// The lcms2 pixel format of the decoded buffer as seen through a profile of `space`.
static cmsUInt32Number input_format(const pmc_image *image, cmsColorSpaceSignature space, int *ok) {
  cmsUInt32Number bytes = image->sample_bits == 16 ? 2 : 1;
  *ok = 1;
  if (image->is_cmyk) {
    if (space != cmsSigCmykData) *ok = 0;
    // Adobe-inverted samples are inverted back by pmc_linearize_row: lcms2 rejects the reversed
    // flavour with float output.
    return COLORSPACE_SH(PT_CMYK) | CHANNELS_SH(4) | BYTES_SH(bytes);
  }
  cmsUInt32Number extra = (cmsUInt32Number)image->channels - 3;
  if (space == cmsSigRgbData) return COLORSPACE_SH(PT_RGB) | CHANNELS_SH(3) | EXTRA_SH(extra) | BYTES_SH(bytes);
  if (space == cmsSigGrayData) {
    // Grey data was expanded to equal R, G, B: read the first as grey and skip the rest.
    return COLORSPACE_SH(PT_GRAY) | CHANNELS_SH(1) | EXTRA_SH(extra + 2) | BYTES_SH(bytes);
  }
  *ok = 0;
  return 0;
}

int32_t pmc_color_source(const pmc_image *image) {
  if (image == NULL) return PMC_SOURCE_ASSUMED_SRGB;
  if (image->icc != NULL && image->icc_len > 0) return PMC_SOURCE_ICC;
  if (image->has_nclx) {
    // sRGB primaries (or unspecified) with the sRGB curve (or unspecified) need no conversion;
    // neither can nclx this library does not convert (pmc_nclx_describe says so for a warning).
    double xy[8], curve[5];
    int usable = pmc_nclx_chromaticities(image->nclx_primaries, xy) && pmc_nclx_transfer_curve(image->nclx_transfer, curve);
    int srgb_primaries = image->nclx_primaries == 1 || image->nclx_primaries == 2;
    int srgb_curve = image->nclx_transfer == 13 || image->nclx_transfer == 2;
    return usable && !(srgb_primaries && srgb_curve) ? PMC_SOURCE_NCLX : PMC_SOURCE_NCLX_SRGB;
  }
  if (image->has_srgb_chunk) return PMC_SOURCE_SRGB_CHUNK;
  if (image->has_gama && image->gama > 0) return PMC_SOURCE_GAMA;
  return PMC_SOURCE_ASSUMED_SRGB;
}

/// The sRGB decoding curve (IEC 61966-2-1:1999 §4.2) for one code of `levels` levels.
static float srgb_to_linear(unsigned code, unsigned levels) {
  double v = (double)code / (double)(levels - 1);
  return (float)(v <= 0.04045 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4));
}

void pmc_srgb_to_linear_table(float *out, uint32_t levels) {
  if (out == NULL || levels < 2) return;
  for (uint32_t i = 0; i < levels; i++) out[i] = srgb_to_linear(i, levels);
}

/// Tabulates a separable 8-bit RGB transform (matrix/shaper: out = A·TRC_r(r) + B·TRC_g(g) +
/// C·TRC_b(b)): with Z = f(0, 0, 0), f(r, g, b) = f(r, 0, 0) + [f(0, g, 0) − Z] + [f(0, 0, b) − Z].
static int32_t build_tables(pmc_linearizer *lin) {
  uint8_t probe[3 * 256 * 3 + 3];
  float result[3 * 256 * 3 + 3];
  memset(probe, 0, sizeof probe);
  for (int c = 0; c < 3; c++) {
    for (int v = 0; v < 256; v++) probe[3 * (256 * c + v) + c] = (uint8_t)v;
  }
  cmsDoTransform((cmsHTRANSFORM)lin->transform, probe, result, 3 * 256 + 1);
  const float *zero = result + 3 * 256 * 3;
  lin->tables = (float *)malloc(sizeof(float) * 3 * 256 * 3);
  if (lin->tables == NULL) return PMC_ERR_NO_MEMORY;
  for (int c = 0; c < 3; c++) {
    for (int v = 0; v < 256; v++) {
      for (int k = 0; k < 3; k++) {
        float value = result[3 * (256 * c + v) + k];
        lin->tables[3 * (256 * c + v) + k] = c == 0 ? value : value - zero[k];
      }
    }
  }
  return PMC_OK;
}

/// Largest |linear sRGB| any sample may map to. The widest real encodings stay far inside it
/// (ProPhoto's and ACES AP0's primaries land within about −1.3…2.6 of linear sRGB); a profile that
/// maps codes beyond it (degenerate or hand-made matrices: a mean L* of −2 472 078 was seen) does
/// not describe a camera or a display, so it is refused and the pixels are read as sRGB.
#define PMC_MAX_LINEAR 16.0f

/// Whether the file's pixels carry colour (a grey ICC profile cannot describe them).
static int is_colour_kind(int32_t kind) {
  return kind == PMC_KIND_RGB || kind == PMC_KIND_RGB_ALPHA || kind == PMC_KIND_PALETTE;
}

/// Pushes a grid of codes (5 levels per colour channel, extra channels at full) through the
/// transform and checks every result is finite and within ±PMC_MAX_LINEAR.
static int transform_is_sane(cmsHTRANSFORM transform, const pmc_image *image, int bytes) {
  enum { LEVELS = 5, MAX_PROBES = 625 };  // 5^4: CMYK is the widest colour layout.
  int channels = image->is_cmyk ? 4 : image->channels;
  int colour = image->is_cmyk ? 4 : 3;
  if (channels < 1 || channels > 4) return 0;
  int count = 1;
  for (int c = 0; c < colour; c++) count *= LEVELS;
  uint8_t in[MAX_PROBES * 4 * 2];
  float result[MAX_PROBES * 3];
  unsigned top = bytes == 2 ? 65535u : 255u;
  for (int p = 0; p < count; p++) {
    int digits = p;
    for (int c = 0; c < channels; c++) {
      unsigned value = top;
      if (c < colour) {
        value = (unsigned)(digits % LEVELS) * top / (LEVELS - 1);
        digits /= LEVELS;
      }
      if (bytes == 2) {
        uint16_t v16 = (uint16_t)value;
        memcpy(in + 2 * ((size_t)p * (size_t)channels + (size_t)c), &v16, 2);
      } else {
        in[(size_t)p * (size_t)channels + (size_t)c] = (uint8_t)value;
      }
    }
  }
  cmsDoTransform(transform, in, result, (cmsUInt32Number)count);
  for (int i = 0; i < 3 * count; i++) {
    if (!isfinite(result[i]) || fabsf(result[i]) > PMC_MAX_LINEAR) return 0;
  }
  return 1;
}

int32_t pmc_linearizer_init(pmc_linearizer *lin, const pmc_image *image, int32_t source, char *message,
                            size_t message_len) {
  if (lin == NULL || image == NULL) return PMC_ERR_ARGUMENT;
  memset(lin, 0, sizeof *lin);
  lin->bytes = image->sample_bits == 16 ? 2 : 1;
  lin->channels = image->channels;
  if (source != PMC_SOURCE_ICC && source != PMC_SOURCE_GAMA && source != PMC_SOURCE_NCLX) {
    if (image->is_cmyk) {
      pmc_set_message(message, message_len, "CMYK pixels need a CMYK profile");
      return PMC_ERR_PROFILE;
    }
    unsigned levels = lin->bytes == 2 ? 65536u : 256u;
    lin->lut = (float *)malloc(sizeof(float) * levels);
    if (lin->lut == NULL) return PMC_ERR_NO_MEMORY;
    pmc_srgb_to_linear_table(lin->lut, levels);
    return PMC_OK;
  }
  cmsContext context = cmsCreateContext(NULL, NULL);
  if (context == NULL) return PMC_ERR_NO_MEMORY;
  cmsSetLogErrorHandlerTHR(context, ignore_lcms_errors);
  cmsHPROFILE profile = NULL;
  if (source == PMC_SOURCE_ICC) {
    if (image->icc != NULL) profile = cmsOpenProfileFromMemTHR(context, image->icc, image->icc_len);
    if (profile == NULL) pmc_set_message(message, message_len, "the embedded ICC profile is malformed");
  } else if (source == PMC_SOURCE_NCLX) {
    profile = create_nclx_profile(context, image);
    if (profile == NULL) pmc_set_message(message, message_len, "the nclx colour description is not supported");
  } else {
    double srgb_xy[8] = {0.3127, 0.3290, 0.64, 0.33, 0.30, 0.60, 0.15, 0.06};
    const double *xy = image->has_chrm ? image->chrm : srgb_xy;
    // PNG gAMA holds the encoding exponent; decoding raises samples to 1/gAMA (PNG spec §11.3.3.2).
    if (image->has_gama && image->gama > 0) profile = create_power_profile(context, xy, 1.0 / image->gama);
    if (profile == NULL) pmc_set_message(message, message_len, "the gAMA/cHRM values do not form a colour space");
  }
  if (profile == NULL) {
    cmsDeleteContext(context);
    return PMC_ERR_PROFILE;
  }
  if (source == PMC_SOURCE_ICC && cmsGetColorSpace(profile) == cmsSigGrayData && is_colour_kind(image->file_kind)) {
    // lcms2 would read the first channel as grey and the photo would silently turn grey.
    pmc_set_message(message, message_len, "a grey ICC profile cannot describe colour pixels");
    cmsCloseProfile(profile);
    cmsDeleteContext(context);
    return PMC_ERR_PROFILE;
  }
  int ok = 0;
  cmsUInt32Number in_format = input_format(image, cmsGetColorSpace(profile), &ok);
  cmsHPROFILE target = ok ? create_linear_srgb(context) : NULL;
  cmsHTRANSFORM transform = NULL;
  if (target != NULL) {
    transform = cmsCreateTransformTHR(context, profile, in_format, target, TYPE_RGB_FLT, INTENT_RELATIVE_COLORIMETRIC,
                                      cmsFLAGS_NOCACHE);
  }
  if (!ok) {
    pmc_set_message(message, message_len, "the embedded ICC profile does not describe %s pixels",
                    image->is_cmyk ? "CMYK" : "RGB or grey");
  } else if (transform == NULL) {
    pmc_set_message(message, message_len, "the colour profile cannot be converted to sRGB");
  }
  if (target != NULL) cmsCloseProfile(target);
  int matrix_shaper = cmsGetColorSpace(profile) == cmsSigRgbData && cmsIsMatrixShaper(profile);
  cmsCloseProfile(profile);
  if (transform == NULL) {
    cmsDeleteContext(context);
    return PMC_ERR_PROFILE;
  }
  lin->transform = transform;
  lin->context = context;
  if (!transform_is_sane(transform, image, lin->bytes)) {
    pmc_set_message(message, message_len, "the colour profile maps pixels outside ±%.0f of linear sRGB",
                    (double)PMC_MAX_LINEAR);
    pmc_linearizer_free(lin);
    return PMC_ERR_PROFILE;
  }
  if (!image->is_cmyk && lin->bytes == 1 && lin->channels == 3 && matrix_shaper) {
    if (build_tables(lin) != PMC_OK) {
      pmc_linearizer_free(lin);
      return PMC_ERR_NO_MEMORY;
    }
  }
  if (image->is_cmyk && image->cmyk_inverted) {
    lin->invert = 1;
    lin->scratch_len = (size_t)image->width * (size_t)image->channels * (size_t)lin->bytes;
    lin->scratch = (uint8_t *)malloc(lin->scratch_len ? lin->scratch_len : 1);
    if (lin->scratch == NULL) {
      pmc_linearizer_free(lin);
      return PMC_ERR_NO_MEMORY;
    }
  }
  return PMC_OK;
}

int32_t pmc_linearizer_init_for_image(pmc_linearizer *lin, pmc_image *image) {
  int32_t source = pmc_color_source(image);
  if (pmc_linearizer_init(lin, image, source, image->profile_message, sizeof image->profile_message) == PMC_OK) {
    return PMC_OK;
  }
  image->profile_failed = 1;
  return pmc_linearizer_init(lin, image, PMC_SOURCE_ASSUMED_SRGB, NULL, 0) == PMC_OK ? PMC_OK : PMC_ERR_NO_MEMORY;
}

void pmc_linearize_row(const pmc_linearizer *lin, const uint8_t *row, float *out, size_t width) {
  if (lin->tables != NULL) {
    const float *tr = lin->tables, *tg = lin->tables + 3 * 256, *tb = lin->tables + 6 * 256;
    for (size_t x = 0; x < width; x++) {
      const float *r = tr + 3 * row[3 * x], *g = tg + 3 * row[3 * x + 1], *b = tb + 3 * row[3 * x + 2];
      out[3 * x] = r[0] + g[0] + b[0];
      out[3 * x + 1] = r[1] + g[1] + b[1];
      out[3 * x + 2] = r[2] + g[2] + b[2];
    }
    return;
  }
  if (lin->transform != NULL) {
    if (lin->invert) {
      size_t n = width * (size_t)lin->channels * (size_t)lin->bytes;
      if (n > lin->scratch_len) n = lin->scratch_len;
      for (size_t i = 0; i < n; i++) lin->scratch[i] = (uint8_t)(255 - row[i]);
      row = lin->scratch;
    }
    cmsDoTransform((cmsHTRANSFORM)lin->transform, row, out, (cmsUInt32Number)width);
    return;
  }
  size_t channels = (size_t)lin->channels;
  if (lin->bytes == 2) {
    const uint16_t *samples = (const uint16_t *)(const void *)row;
    for (size_t x = 0; x < width; x++) {
      for (size_t c = 0; c < 3; c++) out[3 * x + c] = lin->lut[samples[channels * x + c]];
    }
  } else {
    for (size_t x = 0; x < width; x++) {
      for (size_t c = 0; c < 3; c++) out[3 * x + c] = lin->lut[row[channels * x + c]];
    }
  }
}

void pmc_linearizer_free(pmc_linearizer *lin) {
  if (lin == NULL) return;
  if (lin->transform != NULL) cmsDeleteTransform((cmsHTRANSFORM)lin->transform);
  if (lin->context != NULL) cmsDeleteContext((cmsContext)lin->context);
  free(lin->lut);
  free(lin->scratch);
  free(lin->tables);
  memset(lin, 0, sizeof *lin);
}

void pmc_row_buffers_release(pmc_row_buffers *b) {
  if (b == NULL) return;
  if (b->has_lin) pmc_linearizer_free(&b->lin);
  free(b->row);
  free(b->linear);
  memset(b, 0, sizeof *b);
}

int32_t pmc_to_linear_srgb(const pmc_image *image, int32_t source, float *out, char *message,
                           size_t message_len) {
  if (image == NULL || out == NULL || image->pixels == NULL) return PMC_ERR_ARGUMENT;
  int usable = source == PMC_SOURCE_ICC    ? image->icc != NULL
               : source == PMC_SOURCE_GAMA ? image->has_gama && image->gama > 0
               : source == PMC_SOURCE_NCLX ? image->has_nclx
                                           : 0;
  if (!usable) return PMC_ERR_ARGUMENT;
  pmc_linearizer lin;
  int32_t status = pmc_linearizer_init(&lin, image, source, message, message_len);
  if (status != PMC_OK) return status;
  size_t width = (size_t)image->width, height = (size_t)image->height;
  size_t stride = width * (size_t)image->channels * (size_t)lin.bytes;
  for (size_t y = 0; y < height; y++) pmc_linearize_row(&lin, image->pixels + y * stride, out + y * width * 3, width);
  pmc_linearizer_free(&lin);
  return PMC_OK;
}

/// A matrix/shaper profile whose tone curve is the sRGB one (IEC 61966-2-1; lcms2 parametric type 4).
static cmsHPROFILE create_srgb_curve_profile(cmsContext context, const double *xy) {
  double params[5];
  (void)pmc_nclx_transfer_curve(PMC_NCLX_TRANSFER_SRGB, params);
  return create_profile_with_curve(context, xy, cmsBuildParametricToneCurve(context, 4, params));
}

int32_t pmc_make_rgb_profile(const double *xy, double gamma, int32_t srgb_curve, const char *description,
                             uint8_t **out, uint32_t *out_len) {
  if (xy == NULL || out == NULL || out_len == NULL || (!srgb_curve && gamma <= 0)) return PMC_ERR_ARGUMENT;
  cmsContext context = cmsCreateContext(NULL, NULL);
  if (context == NULL) return PMC_ERR_NO_MEMORY;
  cmsSetLogErrorHandlerTHR(context, ignore_lcms_errors);
  cmsHPROFILE profile = srgb_curve ? create_srgb_curve_profile(context, xy) : create_power_profile(context, xy, gamma);
  int32_t status = PMC_ERR_PROFILE;
  if (profile != NULL) {
    if (description != NULL) {
      cmsMLU *mlu = cmsMLUalloc(context, 1);
      if (mlu != NULL) {
        cmsMLUsetASCII(mlu, "en", "US", description);
        cmsWriteTag(profile, cmsSigProfileDescriptionTag, mlu);
        cmsMLUfree(mlu);
      }
    }
    cmsUInt32Number size = 0;
    if (cmsSaveProfileToMem(profile, NULL, &size) && size > 0) {
      uint8_t *bytes = (uint8_t *)malloc(size);
      if (bytes != NULL && cmsSaveProfileToMem(profile, bytes, &size)) {
        *out = bytes;
        *out_len = size;
        status = PMC_OK;
      } else {
        free(bytes);
        status = PMC_ERR_NO_MEMORY;
      }
    }
    cmsCloseProfile(profile);
  }
  cmsDeleteContext(context);
  return status;
}

struct pmc_row_converter {
  pmc_linearizer lin;
};

pmc_row_converter *pmc_row_converter_create(const uint8_t *icc, uint32_t icc_len, char *message, size_t message_len) {
  if (icc == NULL || icc_len == 0) return NULL;
  pmc_image image;
  memset(&image, 0, sizeof image);
  image.icc = (uint8_t *)(uintptr_t)icc;
  image.icc_len = icc_len;
  image.file_kind = PMC_KIND_RGB;  // Rows of a colour JPEG.
  image.channels = 3;
  image.sample_bits = 8;
  pmc_row_converter *converter = (pmc_row_converter *)calloc(1, sizeof *converter);
  if (converter == NULL) return NULL;
  if (pmc_linearizer_init(&converter->lin, &image, PMC_SOURCE_ICC, message, message_len) != PMC_OK) {
    free(converter);
    return NULL;
  }
  return converter;
}

void pmc_row_converter_run(const pmc_row_converter *converter, const uint8_t *row, float *out, size_t width) {
  if (converter == NULL || row == NULL || out == NULL) return;
  pmc_linearize_row(&converter->lin, row, out, width);
}

void pmc_row_converter_free(pmc_row_converter *converter) {
  if (converter == NULL) return;
  pmc_linearizer_free(&converter->lin);
  free(converter);
}
