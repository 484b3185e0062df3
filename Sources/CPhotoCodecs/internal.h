// Shared helpers of the C codecs (not exported to Swift).
#ifndef PMC_INTERNAL_H
#define PMC_INTERNAL_H
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "CPhotoCodecs.h"

/// Writes a message into a fixed buffer, always NUL-terminated.
static inline void pmc_set_message(char *buffer, size_t size, const char *format, ...) {
  if (buffer == NULL || size == 0) return;
  va_list args;
  va_start(args, format);
  vsnprintf(buffer, size, format, args);
  va_end(args);
}

/// Checks a claimed `width` × `height` against the file limit and `held` (pixels kept in memory)
/// against the memory limit. Returns PMC_OK, or PMC_ERR_TOO_LARGE with message and limit_hit set.
int32_t pmc_check_size(pmc_image *out, const pmc_options *options, uint64_t width, uint64_t height, uint64_t held);

/// The largest power of two up to 64 that keeps the shorter side at least `min_short_side` (1 when
/// `min_short_side` ≤ 0): the downscaled decode's box-filter factor.
int pmc_reduction_factor(uint64_t width, uint64_t height, int32_t min_short_side);

/// lcms2 parametric curve (type 4: Y = (aX + b)^γ for X ≥ d, Y = cX below) decoding an nclx
/// transfer characteristic to linear light: params = γ, a, b, c, d. Returns 0 for an unsupported code.
int pmc_nclx_transfer_curve(int32_t code, double params[5]);
/// The nclx transfer code of the sRGB curve (IEC 61966-2-1).
enum { PMC_NCLX_TRANSFER_SRGB = 13 };
/// White and primaries (xy[8] = white x,y, red x,y, green x,y, blue x,y) of nclx colour primaries;
/// returns 0 for an unsupported code.
int pmc_nclx_chromaticities(int32_t code, double xy[8]);

/// When a downscaled decode was asked for (min_short_side > 0), checks its decoded size
/// `out_width` × `out_height` against max_downscaled_pixels. PMC_ERR_TOO_LARGE as pmc_check_size.
int32_t pmc_check_downscaled(pmc_image *out, const pmc_options *options, uint64_t width, uint64_t height,
                             uint64_t out_width, uint64_t out_height);

/// Reads up to `size` bytes from the start of `file` into `head` (*got receives how many) and
/// rewinds it, for the signature check before a streaming decode. PMC_ERR_ARGUMENT, with the
/// message in `out`, when the file cannot be rewound.
int32_t pmc_peek_file(FILE *file, uint8_t *head, size_t size, size_t *got, pmc_image *out);

/// Reads the EXIF orientation (1…8) from a TIFF-structured EXIF block, 0 when absent or malformed.
int32_t pmc_exif_orientation(const uint8_t *tiff, size_t len);

/// Converts rows of an image's samples to linear-light sRGB floats, by an lcms2 transform (ICC
/// profile or gAMA/cHRM) or by the sRGB curve.
typedef struct pmc_linearizer {
  void *transform;  ///< cmsHTRANSFORM, or NULL for the sRGB-curve path.
  void *context;    ///< cmsContext owning the transform.
  float *lut;       ///< sRGB curve per sample code (256 or 65536 entries) when transform is NULL.
  int channels;     ///< Samples per input pixel.
  int bytes;        ///< Bytes per sample (1 or 2).
  int invert;       ///< Adobe-inverted CMYK: ink = 255 − sample (lcms2 cannot read that flavour into floats).
  uint8_t *scratch; ///< One inverted row when `invert`.
  size_t scratch_len;
  /// 8-bit RGB through a matrix/shaper profile: the transform is separable, so each channel's
  /// contribution to linear R, G, B is tabulated (3 channels × 256 codes × 3 floats) and a pixel
  /// is the sum of three entries. NULL otherwise.
  float *tables;
} pmc_linearizer;

/// Prepares `lin` for `image`'s layout and colour `source` (PMC_SOURCE_*). On a profile that cannot
/// be used it returns PMC_ERR_PROFILE with a message; the caller may retry with the sRGB source.
int32_t pmc_linearizer_init(pmc_linearizer *lin, const pmc_image *image, int32_t source, char *message,
                            size_t message_len);
/// Prepares `lin` for `image` from its own colour source (pmc_color_source): when that cannot be used,
/// sRGB is assumed and image->profile_failed and image->profile_message say why. PMC_ERR_NO_MEMORY
/// when even the sRGB curve cannot be set up.
int32_t pmc_linearizer_init_for_image(pmc_linearizer *lin, pmc_image *image);
/// Linearizes `width` pixels of one row into `out` (3 floats per pixel).
void pmc_linearize_row(const pmc_linearizer *lin, const uint8_t *row, float *out, size_t width);
void pmc_linearizer_free(pmc_linearizer *lin);

/// The working row of a row stream (PNG and JPEG row readers): one decoded row and, when asked
/// for, the same row in linear light and the conversion that makes it.
typedef struct pmc_row_buffers {
  uint8_t *row;
  float *linear;  ///< NULL unless linear light was asked for.
  pmc_linearizer lin;
  int has_lin;
} pmc_row_buffers;
/// Frees the buffers' contents (not `b` itself).
void pmc_row_buffers_release(pmc_row_buffers *b);

/// Row-by-row box filtering in linear light (PNG and HEIF downscaled decodes). Rows that arrive in
/// order need one accumulator row; an interlaced PNG's seven Adam7 passes revisit every part of the
/// image, so it accumulates into the whole reduced image. Either way memory holds one decoded row,
/// the reduced output and its accumulators, never the file's full size. Each output pixel is the
/// mean of a factor × factor block weighted by opacity, so transparent pixels do not darken edges.
typedef struct pmc_reduce {
  pmc_linearizer lin;
  int factor, sixteen, channels, interlaced;
  size_t in_width, out_width, out_height;
  size_t sum_rows;     ///< Accumulator rows: 1, or out_height when interlaced.
  uint8_t *row;        ///< One decoded row (3 or 4 samples per pixel, 8 or 16 bits): fill it, then add it.
  float *linear;       ///< That row in linear light (3 per pixel).
  double *sum;         ///< Σ alpha·rgb per output pixel of the accumulated rows.
  double *weight;      ///< Σ alpha per output pixel.
  float *pixels;       ///< Output, linear RGB.
  float *alpha;        ///< Output opacity 0…1.
} pmc_reduce;

/// Sets up the reduction of `out` (file_width/height, channels, sample_bits and colour fields set)
/// by `factor`; picks the colour source by precedence, falling back to sRGB (and saying so in
/// out->profile_message) when the file's profile cannot be used. NULL when out of memory.
pmc_reduce *pmc_reduce_begin(pmc_image *out, int factor, size_t row_bytes);
/// Bytes pmc_reduce_begin allocates for a file `in_width` wide reduced to `out_width` × `out_height`.
uint64_t pmc_reduce_bytes(uint64_t in_width, uint64_t out_width, uint64_t out_height, int interlaced,
                          size_t row_bytes);
/// Adds decoded row `y` (in r->row, a whole row) to its output row, emitting it after every `factor` rows.
void pmc_reduce_add_row(pmc_reduce *r, uint32_t y);
/// Adds the decoded row in r->row — `count` pixels of file row `y`, pixel k at column x0 + k·dx
/// (Adam7 pass geometry; x0 = 0, dx = 1 for a whole row) — to its output row.
void pmc_reduce_add(pmc_reduce *r, size_t y, size_t count, size_t x0, size_t dx);
/// Hands the output buffers to `out` (linear_float set) and frees the rest.
void pmc_reduce_finish(pmc_reduce *r, pmc_image *out);
void pmc_reduce_free(pmc_reduce *r);

#endif
