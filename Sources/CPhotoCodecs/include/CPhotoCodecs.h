// CPhotoCodecs: the one C target that calls libpng, libjpeg-turbo, libheif and LittleCMS.
//
// Internal to PigmentMatch; no stable API. Every libpng/libjpeg call that can fail runs inside a
// C function that armed its own setjmp, so a fatal library error becomes a status code and a
// message, never an exit or a longjmp through Swift frames. Only plain integer and pointer types
// cross into Swift.
#ifndef CPHOTOCODECS_H
#define CPHOTOCODECS_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Status codes returned by every pmc_ function.
enum {
  PMC_OK = 0,
  PMC_ERR_TRUNCATED = 1,    ///< The data ends before the image does.
  PMC_ERR_CORRUPT = 2,      ///< Bad signature, CRC, Huffman data, marker or header field.
  PMC_ERR_UNSUPPORTED = 3,  ///< Valid but unsupported (12-bit JPEG, lossless JPEG …).
  PMC_ERR_TOO_LARGE = 4,    ///< Width × height over the caller's pixel limit.
  PMC_ERR_NO_MEMORY = 5,    ///< An allocation failed.
  PMC_ERR_PROFILE = 6,      ///< The colour profile cannot be used for these pixels.
  PMC_ERR_ARGUMENT = 7,     ///< The caller passed an invalid argument.
  PMC_ERR_LIMIT = 8,        ///< A decode limit other than the pixel limits (e.g. JPEG scans); see message.
};

/// Limits the decoders apply to every file (not options: no photo comes near them).
enum {
  /// PNG: most bytes libpng may allocate for one chunk, which bounds a decompressed iCCP profile
  /// (libpng's own default, PNG_USER_CHUNK_MALLOC_MAX; camera and display profiles are under 1 MB).
  PMC_PNG_CHUNK_MAX_BYTES = 8000000,
  /// PNG: most ancillary chunks libpng may keep (sPLT, unknown; text is skipped unread).
  PMC_PNG_CHUNK_CACHE_MAX = 100,
  /// PNG: longest side, in pixels (libpng's own default user limit, PNG_USER_WIDTH_MAX). libpng
  /// holds two rows of the file whatever the height, so without it a 100 000 000 × 1 strip costs
  /// more in rows than in pixels. JPEG's format limit is 65 535.
  PMC_PNG_MAX_SIDE = 1000000,
};

/// What the file stores, before any expansion.
enum {
  PMC_KIND_GRAY = 1,
  PMC_KIND_GRAY_ALPHA = 2,
  PMC_KIND_RGB = 3,
  PMC_KIND_RGB_ALPHA = 4,
  PMC_KIND_PALETTE = 5,
  PMC_KIND_CMYK = 6,
  PMC_KIND_YCCK = 7,
};

/// Row progress of a decode that runs on another thread (see pmc_progress_wait).
typedef struct pmc_progress pmc_progress;

/// Decoding options.
typedef struct pmc_options {
  /// Largest number of pixels the decode may hold in memory at once, checked from the header before
  /// any pixel allocation: width × height for a full decode (and for progressive or multi-scan JPEGs,
  /// whose coefficients are buffered whole), the reduced size for a streaming downscaled decode.
  uint64_t max_pixels;
  /// Largest width × height a file may claim at all, however it is decoded.
  uint64_t max_file_pixels;
  /// When min_short_side > 0: largest decoded (reduced) width × height. A file that cannot be reduced
  /// enough (a shorter side already under min_short_side, e.g. 100 000 000 × 1) is refused
  /// (PMC_ERR_TOO_LARGE) before any pixel allocation. 0 = no such limit.
  uint64_t max_downscaled_pixels;
  /// JPEG: most scans a progressive file may have (libjpeg-turbo's answer to the progressive-scan
  /// CPU bomb: a progress monitor that stops at input_scan_number > limit, as djpeg -maxscans and
  /// TurboJPEG's TJPARAM_SCANLIMIT). PMC_ERR_LIMIT when exceeded. 0 = no limit.
  int32_t max_scans;
  /// JPEG only: decode at 1/scale_denom of full size in the DCT domain (1, 2, 4 or 8).
  int32_t scale_denom;
  /// When > 0, decode smaller but keep the shorter side at least this many pixels. JPEG: overrides
  /// scale_denom with the largest of 1/2, 1/4, 1/8 that does. PNG: the largest power-of-two box
  /// filter up to 1/64, applied in linear light while reading rows (an interlaced file's seven
  /// passes accumulate into the reduced image), so memory holds the reduced image and a row; the
  /// result is linear float (see pmc_image.linear_float).
  int32_t min_short_side;
  /// JPEG only: when nonzero, corrupt-data warnings (premature end, bad Huffman code) are counted
  /// in `warnings` and decoding goes on; when zero the first one fails the decode.
  int32_t accept_warnings;
  /// JPEG only: when not NULL and the output is 8-bit RGB of exactly `into_len` bytes (see
  /// pmc_probe_jpeg), decode straight into this caller-owned buffer instead of allocating one.
  uint8_t *into;
  size_t into_len;
  /// When not NULL, the decoder publishes the number of finished output rows here as it goes, so
  /// another thread can read them before the decode ends (JPEG decoding into `into` only).
  pmc_progress *progress;
} pmc_options;

/// A decoded image. Free with pmc_image_free.
typedef struct pmc_image {
  int32_t width, height;            ///< Decoded size (after DCT scaling).
  int32_t file_width, file_height;  ///< Size stored in the file.
  int32_t file_bit_depth;           ///< Bits per sample in the file (1, 2, 4, 8, 16).
  int32_t file_kind;                ///< PMC_KIND_*.
  /// Output layout: PNG gives RGBA (4 channels, alpha 0xFF/0xFFFF where the file has none);
  /// JPEG gives RGB (3) or, for CMYK/YCCK with an embedded profile, raw CMYK (4, see cmyk_inverted).
  int32_t channels;
  int32_t sample_bits;              ///< 8 or 16 (16-bit samples are native-endian uint16).
  int32_t is_cmyk;                  ///< Pixels are CMYK (JPEG with a CMYK profile).
  int32_t cmyk_inverted;            ///< CMYK stored inverted (Adobe APP14 marker).
  int32_t has_alpha;                ///< The file carries transparency (alpha channel or tRNS).
  int32_t interlaced, progressive, arithmetic;
  int32_t warnings;                 ///< Corrupt-data warnings seen (JPEG, accept_warnings only).
  int32_t icc_malformed;            ///< JPEG: the APP2 ICC chunks were malformed and were ignored.
  /// PNG reduced decode: `pixels` hold linear-light sRGB floats (3 per pixel) and `alpha` holds
  /// opacity floats 0…1 (NULL when opaque); colour management was already applied.
  int32_t linear_float;
  float *alpha;
  /// File pixels per decoded pixel along each axis: the JPEG DCT scale denominator, or the PNG
  /// box-filter factor (applied here while rows stream, interlaced or not, and then `linear_float`
  /// is set).
  int32_t reduce_factor;
  int32_t profile_failed;           ///< The colour source could not be used; sRGB was assumed.
  char profile_message[128];        ///< Why, when profile_failed.
  int32_t has_srgb_chunk, has_gama, has_chrm;
  double gama;                      ///< PNG gAMA: the file's encoding exponent (e.g. 0.45455).
  double chrm[8];                   ///< PNG cHRM: white x,y, red x,y, green x,y, blue x,y.
  int32_t orientation;              ///< EXIF orientation 1…8, 0 when absent (HEIF: 1, already applied).
  /// HEIF nclx colour description (ITU-T H.273 code points), when has_nclx.
  int32_t has_nclx, nclx_primaries, nclx_transfer, nclx_matrix, nclx_full_range;
  /// PNG: an iCCP profile libpng rejected (and dropped); `icc_rejected_message` says why.
  int32_t icc_rejected;
  char icc_rejected_message[128];
  /// Bytes the decoder allocated (or was about to allocate when it stopped) for pixels and
  /// per-pixel working buffers: what the limits bound. Set even when the decode fails.
  uint64_t pixel_bytes;
  uint8_t *pixels;
  size_t pixels_len;
  int32_t pixels_borrowed;          ///< `pixels` is the caller's `into` buffer: pmc_image_free leaves it.
  uint8_t *icc;                     ///< Embedded ICC profile bytes, or NULL.
  uint32_t icc_len;
  uint64_t limit_hit;               ///< PMC_ERR_TOO_LARGE: the limit that was exceeded.
  char message[256];                ///< What went wrong (or the last warning), NUL-terminated.
} pmc_image;

int32_t pmc_decode_png(const uint8_t *data, size_t len, const pmc_options *options, pmc_image *out);
int32_t pmc_decode_jpeg(const uint8_t *data, size_t len, const pmc_options *options, pmc_image *out);
/// HEIF/HEIC/AVIF through libheif: the primary image (grids assembled, rotation/mirror/crop applied),
/// RGB or RGBA, 8-bit, or 16-bit for deeper files (rescaled to 0…65535). The size is checked from
/// the header before decoding (the whole image is decoded, so max_pixels bounds width × height even
/// for a reduced decode). With min_short_side the decoded rows are box-filtered in linear light as
/// for PNG (linear_float set), never copied whole.
int32_t pmc_decode_heif(const uint8_t *data, size_t len, const pmc_options *options, pmc_image *out);
/// Reads a JPEG's header (from memory, or from `file` when not NULL, which is then rewound) and
/// reports the decode's output: width, height, channels (3 for RGB output, 0 when the output is
/// not plain 8-bit RGB, e.g. CMYK), whether a readable ICC profile is embedded, and the size stored
/// in the file (file_width, file_height; may be NULL). When `icc` is not NULL and there is a
/// profile, *icc receives a malloc'd copy (release it with pmc_free) and *icc_len its length.
/// *orientation (when not NULL) receives the EXIF orientation 1…8, 0 when absent.
int32_t pmc_probe_jpeg(const uint8_t *data, size_t len, FILE *file, const pmc_options *options, int32_t *width,
                       int32_t *height, int32_t *channels, int32_t *has_icc, int32_t *file_width,
                       int32_t *file_height, uint8_t **icc, uint32_t *icc_len, int32_t *orientation);

/// The same, streaming from an open file (never holding the whole file in memory).
int32_t pmc_decode_png_file(FILE *file, const pmc_options *options, pmc_image *out);
int32_t pmc_decode_jpeg_file(FILE *file, const pmc_options *options, pmc_image *out);
int32_t pmc_decode_heif_file(FILE *file, const pmc_options *options, pmc_image *out);
void pmc_image_free(pmc_image *image);

/// One row handed out by pmc_decode_png_rows_file or pmc_decode_jpeg_rows_file: `count` pixels of
/// stored row `y`, pixel k at column x0 + k·dx (an interlaced PNG's Adam7 pass rows, PNG §8.2;
/// x0 = 0, dx = 1 otherwise). `samples` are RGBA, 8 or 16 bits as sample_bits says (16-bit
/// native-endian; alpha 0xFF/0xFFFF where the file has none; a CMYK JPEG's pixels converted as the
/// full decode converts them without a profile). `linear`, when asked for, holds the colour-managed
/// linear-light sRGB of the row (3 floats a pixel), exactly as the full decode converts it.
/// `orientation` is the file's EXIF orientation (0 when absent). Valid only during the call.
typedef struct pmc_row {
  uint32_t y, x0, dx, count;
  uint32_t sample_bits;  ///< 8 or 16.
  const uint8_t *samples;
  const float *linear;
  int32_t orientation;
} pmc_row;

/// Receives each row. It is called between libpng calls, never inside one, so no longjmp crosses it;
/// it must not call back into this library.
typedef void (*pmc_row_sink)(void *context, const pmc_row *row);

/// What pmc_decode_png_rows_file hands its rows to.
typedef struct pmc_rows {
  pmc_row_sink sink;  ///< NULL: read and check only the header.
  void *context;          ///< Passed to the sink.
  int32_t linearize;      ///< Nonzero: also convert each row to linear light (pmc_row.linear).
} pmc_rows;

/// Decodes a PNG streamed from `file` row by row (an interlaced file pass by pass, never
/// deinterlaced), handing every row to rows->sink in file order: memory holds one row (and its
/// linear-light copy), whatever the image's size or interlacing. The size is checked from IHDR
/// against the same limits as a full decode (max_file_pixels, and max_pixels for width × height, so
/// a caller may keep a plane of one value a pixel). With rows->sink NULL only the header is read
/// and checked: file_width and file_height say the size; rewind the file before the real call. On
/// success width, height, channels (4), sample_bits, the colour fields and orientation are set,
/// `pixels` stays NULL, and pixel_bytes counts the row buffers. When linearize is set and the file's
/// colour source cannot be used, sRGB is assumed and profile_failed/profile_message say why.
int32_t pmc_decode_png_rows_file(FILE *file, const pmc_options *options, const pmc_rows *rows, pmc_image *out);
/// The same for a JPEG streamed from `file`: libjpeg's jpeg_read_scanlines one row at a time at full
/// size (scale_denom and min_short_side are ignored), every row handed to rows->sink between two
/// libjpeg calls. Memory holds libjpeg's own buffers (a progressive file's coefficients, counted in
/// pixel_bytes and checked as a full decode's) and one row; the size, scan limit and corrupt-data
/// policy are those of pmc_decode_jpeg_file. With rows->sink NULL only the header is read and checked.
int32_t pmc_decode_jpeg_rows_file(FILE *file, const pmc_options *options, const pmc_rows *rows, pmc_image *out);

/// Where an image's colours are defined, by PNG §11.3.3's precedence (iCCP, then sRGB, then gAMA/cHRM);
/// for HEIF the ICC profile, then the nclx description.
enum {
  PMC_SOURCE_ASSUMED_SRGB = 0,  ///< Untagged: read as sRGB.
  PMC_SOURCE_ICC = 1,           ///< The embedded ICC profile.
  PMC_SOURCE_SRGB_CHUNK = 2,    ///< PNG sRGB chunk.
  PMC_SOURCE_GAMA = 3,          ///< PNG gAMA (and cHRM).
  PMC_SOURCE_NCLX = 4,          ///< HEIF nclx primaries and transfer other than sRGB's, converted.
  PMC_SOURCE_NCLX_SRGB = 5,     ///< HEIF nclx that is sRGB (or that cannot be used: read as sRGB).
};
int32_t pmc_color_source(const pmc_image *image);

/// Describes the image's nclx code points ("Display P3 primaries, sRGB transfer") into `text`.
/// Returns 1 when primaries, transfer and matrix are all ones this library converts, else 0.
int32_t pmc_nclx_describe(const pmc_image *image, char *text, size_t text_len);

/// Describes an ICC profile: its description text and colour space
/// (1 grey, 3 RGB, 4 CMYK, 0 other). Returns PMC_ERR_PROFILE when it cannot be parsed.
int32_t pmc_icc_describe(const uint8_t *icc, uint32_t len, char *description, size_t description_len,
                         int32_t *color_space);

/// Converts the image's pixels to linear-light RGB with sRGB primaries and a D65 white
/// (interleaved float, 3 per pixel, unbounded: wide-gamut colours may fall outside 0…1).
/// The source encoding is `source`: PMC_SOURCE_ICC (the embedded profile), PMC_SOURCE_GAMA (PNG
/// gAMA and cHRM, if present) or PMC_SOURCE_NCLX. `out` holds width × height × 3 floats.
int32_t pmc_to_linear_srgb(const pmc_image *image, int32_t source, float *out, char *message,
                           size_t message_len);

/// Converts rows of 8-bit RGB samples described by an embedded ICC profile to linear-light sRGB
/// floats, exactly as pmc_to_linear_srgb does for a whole image (for decoding row by row).
typedef struct pmc_row_converter pmc_row_converter;
/// A converter for `icc`, or NULL (with a message) when the profile cannot be used for RGB pixels.
pmc_row_converter *pmc_row_converter_create(const uint8_t *icc, uint32_t icc_len, char *message, size_t message_len);
/// Converts `width` pixels (3 bytes each) of `row` into `out` (3 floats each).
void pmc_row_converter_run(const pmc_row_converter *converter, const uint8_t *row, float *out, size_t width);
void pmc_row_converter_free(pmc_row_converter *converter);

/// Encodes 8-bit pixels (3 = RGB, 4 = RGBA) as a PNG: with an sRGB chunk when `icc` is NULL,
/// otherwise tagged with that ICC profile (iCCP). On success *out is malloc'd; release it with pmc_free.
int32_t pmc_encode_png(const uint8_t *pixels, int32_t width, int32_t height, int32_t channels,
                       const uint8_t *icc, uint32_t icc_len, uint8_t **out, size_t *out_len, char *message,
                       size_t message_len);

/// Encodes 8-bit RGB pixels as a baseline JPEG (4:2:0) at `quality` (1…100), embedding `icc`
/// when it is not NULL. On success *out is malloc'd; release it with pmc_free.
int32_t pmc_encode_jpeg(const uint8_t *rgb, int32_t width, int32_t height, int32_t quality,
                        const uint8_t *icc, uint32_t icc_len, uint8_t **out, size_t *out_len,
                        char *message, size_t message_len);
/// Encodes 8-bit grey (`channels` 1) or RGB (3) pixels as a JPEG at `quality`, progressive
/// (libjpeg's jpeg_simple_progression script) when `progressive` is nonzero; pmc_encode_jpeg is the
/// RGB baseline case. On success *out is malloc'd; release it with pmc_free.
int32_t pmc_encode_jpeg_pixels(const uint8_t *pixels, int32_t width, int32_t height, int32_t channels,
                               int32_t quality, int32_t progressive, const uint8_t *icc, uint32_t icc_len,
                               uint8_t **out, size_t *out_len, char *message, size_t message_len);

/// Builds a matrix/shaper RGB ICC profile (pure power-law tone curve) from white and primary
/// chromaticities: xy[8] = white x,y, red x,y, green x,y, blue x,y. With `srgb_curve` nonzero the
/// tone curve is the sRGB piecewise curve (as in Display P3) and `gamma` is ignored. *out is malloc'd.
int32_t pmc_make_rgb_profile(const double *xy, double gamma, int32_t srgb_curve, const char *description,
                             uint8_t **out, uint32_t *out_len);

/// Fills `out[0…levels-1]` with the sRGB decoding curve (IEC 61966-2-1) of each code of an image
/// with `levels` levels (256 or 65536): the one definition PhotoIO and the C linearizer share.
void pmc_srgb_to_linear_table(float *out, uint32_t levels);

/// A progress object (NULL when out of memory). Destroy it only after the decode has returned.
pmc_progress *pmc_progress_create(void);
void pmc_progress_destroy(pmc_progress *progress);
/// Decoder side: `rows` output rows are complete (their pixels are written).
void pmc_progress_publish(pmc_progress *progress, int32_t rows);
/// The decode has returned (successfully or not); wakes every waiter.
void pmc_progress_finish(pmc_progress *progress);
/// Blocks until more than `seen` rows are complete or the decode has finished; returns the rows
/// complete so far and sets *done when it has finished. Rows it reports may be read safely.
int32_t pmc_progress_wait(pmc_progress *progress, int32_t seen, int32_t *done);

void pmc_free(void *pointer);

/// For an executable, before its work (Linux with glibc): large blocks come from one heap grown
/// `reserve` bytes at a time, kept once freed, and backed by transparent huge pages where the
/// kernel allows them (`madvise` mode), instead of one fresh mapping per array faulted in 4 KB
/// pages. PMC_OK, or a status saying why not (the allocator is then left as it was, or partly set).
int pmc_prefer_huge_pages(size_t reserve);

#ifdef __cplusplus
}
#endif
#endif
