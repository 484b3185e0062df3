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
/// Linearizes `width` pixels of one row into `out` (3 floats per pixel).
void pmc_linearize_row(const pmc_linearizer *lin, const uint8_t *row, float *out, size_t width);
void pmc_linearizer_free(pmc_linearizer *lin);

#endif
