// HEIF/HEIC/AVIF decoding through libheif. libheif reports errors as return values (it never
// longjmps); this file keeps the same shape as the PNG and JPEG decoders: plain types out, a
// PMC_* status and a message.
#include <libheif/heif.h>
#include <limits.h>
#include <stdlib.h>
#include "internal.h"

/// libheif's own default largest image side (security_limits.h of libheif 1.15); never loosened here.
enum { LIBHEIF_DEFAULT_MAX_SIDE = 32768 };
/// How far a grid's tiles may reach past the image's largest side (see decode_primary).
enum { GRID_OVERHANG = 1024 };

/// A PMC_* status for a libheif error.
static int32_t status_of(struct heif_error error) {
  switch (error.code) {
    case heif_error_Ok: return PMC_OK;
    case heif_error_Invalid_input:
      return error.subcode == heif_suberror_End_of_data ? PMC_ERR_TRUNCATED : PMC_ERR_CORRUPT;
    case heif_error_Unsupported_filetype:
    case heif_error_Unsupported_feature: return PMC_ERR_UNSUPPORTED;
    case heif_error_Memory_allocation_error:
      // A libheif security limit (too many items, boxes, extents …) is a hostile or broken file.
      return error.subcode == heif_suberror_Security_limit_exceeded ? PMC_ERR_CORRUPT : PMC_ERR_NO_MEMORY;
    default: return PMC_ERR_CORRUPT;
  }
}

/// Records a libheif error in `out` and returns its status.
static int32_t fail(pmc_image *out, struct heif_error error, const char *what) {
  pmc_set_message(out->message, sizeof out->message, "%s: %s", what,
                  error.message != NULL && error.message[0] != '\0' ? error.message : "unknown error");
  return status_of(error);
}

// --- Reading from a FILE* (random access, as HEIF needs; never the whole file in memory) ---

typedef struct file_reader {
  FILE *file;
  int64_t size;
} file_reader;

static int64_t reader_position(void *userdata) { return (int64_t)ftello(((file_reader *)userdata)->file); }

static int reader_read(void *data, size_t size, void *userdata) {
  return fread(data, 1, size, ((file_reader *)userdata)->file) == size ? 0 : -1;
}

static int reader_seek(int64_t position, void *userdata) {
  file_reader *reader = (file_reader *)userdata;
  if (position < 0 || position > reader->size) return -1;
  return fseeko(reader->file, (off_t)position, SEEK_SET) == 0 ? 0 : -1;
}

static enum heif_reader_grow_status reader_wait(int64_t target_size, void *userdata) {
  return target_size > ((file_reader *)userdata)->size ? heif_reader_grow_status_size_beyond_eof
                                                       : heif_reader_grow_status_size_reached;
}

static const struct heif_reader kFileReader = {1, reader_position, reader_read, reader_seek, reader_wait};

// --- Decoding ---

/// Records nclx code points in `out` (nothing when `nclx` is NULL).
static void keep_nclx(const struct heif_color_profile_nclx *nclx, pmc_image *out) {
  if (nclx == NULL) return;
  out->has_nclx = 1;
  out->nclx_primaries = (int32_t)nclx->color_primaries;
  out->nclx_transfer = (int32_t)nclx->transfer_characteristics;
  out->nclx_matrix = (int32_t)nclx->matrix_coefficients;
  out->nclx_full_range = nclx->full_range_flag;
}

/// Copies the colour description of `handle` into `out`: the ICC profile bytes (prof/rICC) and the
/// nclx code points, when present.
static int32_t read_colour(const struct heif_image_handle *handle, pmc_image *out) {
  enum heif_color_profile_type type = heif_image_handle_get_color_profile_type(handle);
  if (type == heif_color_profile_type_prof || type == heif_color_profile_type_rICC) {
    size_t size = heif_image_handle_get_raw_color_profile_size(handle);
    if (size > 0 && size <= UINT32_MAX) {
      out->icc = (uint8_t *)malloc(size);
      if (out->icc == NULL) return PMC_ERR_NO_MEMORY;
      if (heif_image_handle_get_raw_color_profile(handle, out->icc).code == heif_error_Ok) {
        out->icc_len = (uint32_t)size;
      } else {
        free(out->icc);
        out->icc = NULL;
        out->icc_malformed = 1;
      }
    }
  }
  struct heif_color_profile_nclx *nclx = NULL;
  if (heif_image_handle_get_nclx_color_profile(handle, &nclx).code == heif_error_Ok) keep_nclx(nclx, out);
  heif_nclx_color_profile_free(nclx);
  return PMC_OK;
}

/// The decoded interleaved plane of `image`, checked against the header's size: its rows, stride
/// and (deep samples) significant bits. NULL with a message in `out` when it does not fit.
static const uint8_t *checked_plane(const struct heif_image *image, size_t row_bytes, int deep, int *stride, int *range,
                                    pmc_image *out) {
  int width = heif_image_get_width(image, heif_channel_interleaved);
  int height = heif_image_get_height(image, heif_channel_interleaved);
  const uint8_t *plane = heif_image_get_plane_readonly(image, heif_channel_interleaved, stride);
  if (plane == NULL || width != out->file_width || height != out->file_height) {
    pmc_set_message(out->message, sizeof out->message, "the decoded image is %dx%d, the header says %dx%d", width,
                    height, out->file_width, out->file_height);
    return NULL;
  }
  if (*stride < 0 || (size_t)*stride < row_bytes) {
    pmc_set_message(out->message, sizeof out->message, "unexpected row layout");
    return NULL;
  }
  *range = deep ? heif_image_get_bits_per_pixel_range(image, heif_channel_interleaved) : 8;
  if (deep && (*range < 9 || *range > 16)) {
    pmc_set_message(out->message, sizeof out->message, "unexpected sample depth %d", *range);
    return NULL;
  }
  return plane;
}

/// Undoes premultiplied alpha in one converted RGBA row (libheif 1.15 hands premultiplied images
/// over as stored): colour = stored × full / alpha, rounded and capped; fully transparent pixels
/// keep colour 0.
static void unpremultiply_row(uint8_t *dst, size_t pixels, int deep) {
  uint32_t full = deep ? 65535u : 255u;
  for (size_t x = 0; x < pixels; x++) {
    uint32_t a = deep ? ((uint16_t *)(void *)dst)[4 * x + 3] : dst[4 * x + 3];
    if (a == 0 || a == full) continue;
    for (size_t c = 0; c < 3; c++) {
      uint32_t v = deep ? ((uint16_t *)(void *)dst)[4 * x + c] : dst[4 * x + c];
      uint32_t u = (v * full + a / 2) / a;
      if (u > full) u = full;
      if (deep) {
        ((uint16_t *)(void *)dst)[4 * x + c] = (uint16_t)u;
      } else {
        dst[4 * x + c] = (uint8_t)u;
      }
    }
  }
}

/// One row of the plane into `dst`: 8-bit samples as they are, deeper ones (little-endian, as
/// asked of libheif) rescaled from 0…2^range−1 to 0…65535, native-endian; with `premultiplied`
/// (RGBA rows) the colour is divided by alpha again.
static void convert_row(const uint8_t *row, size_t samples, int deep, int range, int premultiplied, uint8_t *dst) {
  if (!deep) {
    memcpy(dst, row, samples);
  } else {
    uint32_t top = (1u << range) - 1;
    uint16_t *out = (uint16_t *)(void *)dst;
    for (size_t i = 0; i < samples; i++) {
      uint32_t v = (uint32_t)row[2 * i] | ((uint32_t)row[2 * i + 1] << 8);
      if (v > top) v = top;
      out[i] = (uint16_t)((v * 65535u + top / 2) / top);
    }
  }
  if (premultiplied) unpremultiply_row(dst, samples / 4, deep);
}

/// Takes the decoded pixels into `out`: whole (8 or 16-bit samples, no row padding), or when
/// `factor` > 1 box-filtered row by row into linear-light floats, never holding a full-size copy.
static int32_t take_pixels(const struct heif_image *image, int channels, int deep, int factor, pmc_image *out) {
  size_t samples = (size_t)out->file_width * (size_t)channels;
  size_t row_bytes = samples * (deep ? 2 : 1);
  int stride = 0, range = 8;
  const uint8_t *plane = checked_plane(image, row_bytes, deep, &stride, &range, out);
  if (plane == NULL) return PMC_ERR_CORRUPT;
  size_t height = (size_t)out->file_height;
  int premultiplied = channels == 4 && heif_image_is_premultiplied_alpha((struct heif_image *)(uintptr_t)image);
  if (factor > 1) {
    pmc_reduce *reduce = pmc_reduce_begin(out, factor, row_bytes);
    if (reduce == NULL) return PMC_ERR_NO_MEMORY;
    for (size_t y = 0; y < height; y++) {
      convert_row(plane + y * (size_t)stride, samples, deep, range, premultiplied, reduce->row);
      pmc_reduce_add_row(reduce, (uint32_t)y);
    }
    pmc_reduce_finish(reduce, out);
    return PMC_OK;
  }
  out->pixels_len = row_bytes * height;
  out->pixels = (uint8_t *)malloc(out->pixels_len ? out->pixels_len : 1);
  if (out->pixels == NULL) return PMC_ERR_NO_MEMORY;
  for (size_t y = 0; y < height; y++) convert_row(plane + y * (size_t)stride, samples, deep, range, premultiplied, out->pixels + y * row_bytes);
  out->width = out->file_width;
  out->height = out->file_height;
  return PMC_OK;
}

/// Decodes the primary image of an opened context into `out`.
static int32_t decode_primary(struct heif_context *context, const pmc_options *options, pmc_image *out) {
  struct heif_image_handle *handle = NULL;
  struct heif_error error = heif_context_get_primary_image_handle(context, &handle);
  if (error.code != heif_error_Ok) return fail(out, error, "no primary image");
  int32_t status = PMC_OK;
  struct heif_image *image = NULL;
  struct heif_decoding_options *decoding = NULL;
  // Size as displayed (after rotation and cropping) and as coded (ispe), both checked before decoding.
  int width = heif_image_handle_get_width(handle), height = heif_image_handle_get_height(handle);
  int coded_width = heif_image_handle_get_ispe_width(handle), coded_height = heif_image_handle_get_ispe_height(handle);
  out->file_width = width;
  out->file_height = height;
  if (width <= 0 || height <= 0) {
    pmc_set_message(out->message, sizeof out->message, "the image has no size (%dx%d)", width, height);
    status = PMC_ERR_CORRUPT;
    goto done;
  }
  uint64_t coded = (uint64_t)(coded_width > 0 ? coded_width : 0) * (uint64_t)(coded_height > 0 ? coded_height : 0);
  if ((status = pmc_check_size(out, options, (uint64_t)width, (uint64_t)height, (uint64_t)width * (uint64_t)height)) != PMC_OK ||
      (status = pmc_check_size(out, options, (uint64_t)coded_width, (uint64_t)coded_height, coded)) != PMC_OK) {
    goto done;
  }
  {
    // libheif 1.15 allocates a grid's canvas from the size in the grid item's data, which it does
    // not compare with the header (a fuzzed 64 × 48 file claimed 27806 × 26176, 2.2 GB); it does
    // check that size against this limit when decoding. Allow the header's largest side plus a
    // tile's overhang (tiles are at most 512 px in practice; 1024 leaves room).
    int side = width > height ? width : height;
    if (coded_width > side) side = coded_width;
    if (coded_height > side) side = coded_height;
    heif_context_set_maximum_image_size_limit(context, side + GRID_OVERHANG < LIBHEIF_DEFAULT_MAX_SIDE
                                                           ? side + GRID_OVERHANG
                                                           : LIBHEIF_DEFAULT_MAX_SIDE);
  }
  int bits = heif_image_handle_get_luma_bits_per_pixel(handle);
  out->file_bit_depth = bits > 0 ? bits : 8;
  out->has_alpha = heif_image_handle_has_alpha_channel(handle) ? 1 : 0;
  out->file_kind = out->has_alpha ? PMC_KIND_RGB_ALPHA : PMC_KIND_RGB;
  // libheif applies the container's rotation (irot), mirror (imir) and crop (clap); the pixels come
  // out upright, so any EXIF orientation is informative only and must not be applied again.
  out->orientation = 1;
  if ((status = read_colour(handle, out)) != PMC_OK) goto done;

  int deep = bits > 8;
  int channels = out->has_alpha ? 4 : 3;
  enum heif_chroma chroma = deep ? (out->has_alpha ? heif_chroma_interleaved_RRGGBBAA_LE : heif_chroma_interleaved_RRGGBB_LE)
                                 : (out->has_alpha ? heif_chroma_interleaved_RGBA : heif_chroma_interleaved_RGB);
  decoding = heif_decoding_options_alloc();
  if (decoding == NULL) {
    status = PMC_ERR_NO_MEMORY;
    goto done;
  }
  decoding->ignore_transformations = 0;
  decoding->convert_hdr_to_8bit = 0;
  // AV1 through libaom when libheif has it: dav1d writes its parse errors to stderr, libaom
  // returns them. libheif refuses a decoder that does not handle the image's codec (HEVC …)
  // before decoding anything; the default decoder then takes it.
  decoding->decoder_id = "aom";
  error = heif_decode_image(handle, &image, heif_colorspace_RGB, chroma, decoding);
  if (error.code == heif_error_Unsupported_feature || error.code == heif_error_Plugin_loading_error) {
    decoding->decoder_id = NULL;
    error = heif_decode_image(handle, &image, heif_colorspace_RGB, chroma, decoding);
  }
  if (error.code != heif_error_Ok) {
    status = fail(out, error, "cannot decode the image");
    goto done;
  }
  if (!out->has_nclx && out->icc == NULL && heif_image_get_color_profile_type(image) == heif_color_profile_type_nclx) {
    // No colr box: libheif 1.15 reports the nclx of the HEVC bitstream's VUI only on the decoded image.
    struct heif_color_profile_nclx *nclx = NULL;
    if (heif_image_get_nclx_color_profile(image, &nclx).code == heif_error_Ok) keep_nclx(nclx, out);
    heif_nclx_color_profile_free(nclx);
  }
  out->channels = channels;
  out->sample_bits = deep ? 16 : 8;
  out->reduce_factor = pmc_reduction_factor((uint64_t)width, (uint64_t)height, options->min_short_side);
  status = take_pixels(image, channels, deep, out->reduce_factor, out);

done:
  heif_image_release(image);
  heif_decoding_options_free(decoding);
  heif_image_handle_release(handle);
  return status;
}

/// A context with libheif's largest-side limit set (its only caller-settable security limit in
/// 1.15) to libheif's own default: never looser. The caller's pixel limits are checked on the
/// header's sizes in decode_primary, which reports them as PMC_ERR_TOO_LARGE with the sizes, and
/// then tightens this limit to the header's size before decoding.
static struct heif_context *new_context(void) {
  struct heif_context *context = heif_context_alloc();
  if (context == NULL) return NULL;
  heif_context_set_maximum_image_size_limit(context, LIBHEIF_DEFAULT_MAX_SIDE);
  return context;
}

/// Decodes the primary image once the container was read (`read` is that step's result), frees
/// the context, and on failure leaves only the sizes and the message in `out`.
static int32_t decode_read(struct heif_context *context, struct heif_error read, const pmc_options *options,
                           pmc_image *out) {
  int32_t status = read.code == heif_error_Ok ? decode_primary(context, options, out) : fail(out, read, "cannot read the file");
  heif_context_free(context);
  if (status != PMC_OK) {
    int32_t width = out->file_width, height = out->file_height;
    pmc_image_free(out);
    out->file_width = width;
    out->file_height = height;
  }
  return status;
}

int32_t pmc_decode_heif(const uint8_t *data, size_t len, const pmc_options *options, pmc_image *out) {
  if (out == NULL || options == NULL) return PMC_ERR_ARGUMENT;
  memset(out, 0, sizeof *out);
  if (data == NULL || len == 0) {
    pmc_set_message(out->message, sizeof out->message, "no data");
    return PMC_ERR_TRUNCATED;
  }
  struct heif_context *context = new_context();
  if (context == NULL) return PMC_ERR_NO_MEMORY;
  return decode_read(context, heif_context_read_from_memory_without_copy(context, data, len, NULL), options, out);
}

int32_t pmc_decode_heif_file(FILE *file, const pmc_options *options, pmc_image *out) {
  if (out == NULL || options == NULL || file == NULL) return PMC_ERR_ARGUMENT;
  memset(out, 0, sizeof *out);
  file_reader reader = {file, 0};
  if (fseeko(file, 0, SEEK_END) != 0 || (reader.size = (int64_t)ftello(file)) < 0 || fseeko(file, 0, SEEK_SET) != 0) {
    pmc_set_message(out->message, sizeof out->message, "cannot seek in the file");
    return PMC_ERR_ARGUMENT;
  }
  struct heif_context *context = new_context();
  if (context == NULL) return PMC_ERR_NO_MEMORY;
  return decode_read(context, heif_context_read_from_reader(context, &kFileReader, &reader, NULL), options, out);
}
