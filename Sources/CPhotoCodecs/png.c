// PNG decoding and encoding through libpng, with every fatal error caught by this file's setjmp.
#include <png.h>
#include <setjmp.h>
#include <stdlib.h>
#include "internal.h"

/// Per-call state reachable from libpng's callbacks.
typedef struct png_context {
  const uint8_t *data;  ///< Memory source, or NULL when reading `file`.
  size_t len;
  size_t pos;           ///< Bytes read so far (memory or file).
  FILE *file;           ///< File source (streamed, never held whole).
  int ended_early;      ///< The read callback ran out of data.
  int status;           ///< Status to return when libpng longjmps.
  pmc_image *image;     ///< Where messages and warnings go.
} png_context;

static void on_png_error(png_structp png, png_const_charp text) {
  png_context *ctx = (png_context *)png_get_error_ptr(png);
  pmc_image *out = ctx->image;
  if (ctx->status == PMC_OK) ctx->status = ctx->ended_early ? PMC_ERR_TRUNCATED : PMC_ERR_CORRUPT;
  if (out->message[0] == '\0') pmc_set_message(out->message, sizeof out->message, "%s", text);
  png_longjmp(png, 1);
}

/// libpng recovers from what it warns about; nothing is printed. A rejected iCCP profile is noted
/// (libpng drops it and the colours fall back to the next source), so the photo can say so.
static void on_png_warning(png_structp png, png_const_charp text) {
  png_context *ctx = (png_context *)png_get_error_ptr(png);
  if (ctx == NULL || ctx->image == NULL || strncmp(text, "iCCP", 4) != 0) return;
  pmc_image *out = ctx->image;
  if (out->icc_rejected) return;
  const char *reason = text + 4;
  while (*reason == ':' || *reason == ' ') reason++;
  out->icc_rejected = 1;
  pmc_set_message(out->icc_rejected_message, sizeof out->icc_rejected_message, "%s", reason);
}

static void read_from_source(png_structp png, png_bytep out, size_t count) {
  png_context *ctx = (png_context *)png_get_io_ptr(png);
  size_t got = 0;
  if (ctx->file != NULL) {
    got = fread(out, 1, count, ctx->file);
  } else {
    got = count <= ctx->len - ctx->pos ? count : ctx->len - ctx->pos;
    memcpy(out, ctx->data + ctx->pos, got);
  }
  ctx->pos += got;
  if (got != count) {
    ctx->ended_early = 1;
    ctx->status = PMC_ERR_TRUNCATED;
    // The caller's error already says "the file ends early"; this says where.
    pmc_set_message(ctx->image->message, sizeof ctx->image->message, "no data after byte %zu", ctx->pos);
    png_error(png, "truncated");
  }
}

/// Pixels a decode holds at once: the reduced size when rows stream through the box filter
/// (a minimum size was asked for), the whole image otherwise.
static uint64_t held_pixels(uint64_t width, uint64_t height, const pmc_options *options) {
  int factor = pmc_reduction_factor(width, height, options->min_short_side);
  return (width / (uint64_t)factor) * (height / (uint64_t)factor);
}

/// Reads every row of the image through the box filter: in order, or pass by pass (Adam7, PNG
/// §8.2; libpng hands each pass's pixels packed and skips empty passes, as here).
static void reduce_read(png_structp png, pmc_reduce *r, png_uint_32 width, png_uint_32 height) {
  if (!r->interlaced) {
    for (png_uint_32 y = 0; y < height; y++) {
      png_read_row(png, r->row, NULL);
      pmc_reduce_add_row(r, y);
    }
    return;
  }
  for (int pass = 0; pass < 7; pass++) {
    png_uint_32 cols = PNG_PASS_COLS(width, pass), rows = PNG_PASS_ROWS(height, pass);
    if (cols == 0 || rows == 0) continue;
    for (png_uint_32 j = 0; j < rows; j++) {
      png_read_row(png, r->row, NULL);
      pmc_reduce_add(r, PNG_ROW_FROM_PASS_ROW(j, pass), cols, PNG_COL_FROM_PASS_COL(0, pass),
                     (size_t)1 << PNG_PASS_COL_SHIFT(pass));
    }
  }
}

/// A row stream's working memory (pmc_decode_png_rows_file): one decoded row, the same row in
/// linear light and the colour conversion. On the heap, so the setjmp handler can free it.
typedef struct row_stream {
  pmc_row_buffers b;     ///< One decoded row, its linear light and the conversion.
  uint32_t sample_bits;  ///< 8 or 16.
  int32_t orientation;   ///< The file's EXIF orientation, handed with every row.
} row_stream;

static void row_stream_free(row_stream *s) {
  if (s == NULL) return;
  pmc_row_buffers_release(&s->b);
  free(s);
}

/// Hands file row `y` — `count` pixels in s->b.row, pixel k at column x0 + k·dx — to the sink, with
/// its linear-light values when asked. The sink runs between two png_read_row calls, never inside
/// a libpng call, so libpng's longjmp never crosses the caller's frames.
static void rows_hand(row_stream *s, const pmc_rows *target, uint32_t y, uint32_t count, uint32_t x0, uint32_t dx) {
  if (s->b.linear != NULL) pmc_linearize_row(&s->b.lin, s->b.row, s->b.linear, count);
  pmc_row row = {y, x0, dx, count, s->sample_bits, s->b.row, s->b.linear, s->orientation};
  target->sink(target->context, &row);
}

/// Reads every row and hands it to the sink: in order, or pass by pass (Adam7, PNG §8.2; each pass's
/// pixels come with their own columns and row), holding one row at a time.
static void rows_read(png_structp png, row_stream *s, const pmc_rows *target, png_uint_32 width,
                      png_uint_32 height, int interlaced) {
  if (!interlaced) {
    for (png_uint_32 y = 0; y < height; y++) {
      png_read_row(png, s->b.row, NULL);
      rows_hand(s, target, y, width, 0, 1);
    }
    return;
  }
  for (int pass = 0; pass < 7; pass++) {
    png_uint_32 cols = PNG_PASS_COLS(width, pass), rows = PNG_PASS_ROWS(height, pass);
    if (cols == 0 || rows == 0) continue;
    for (png_uint_32 j = 0; j < rows; j++) {
      png_read_row(png, s->b.row, NULL);
      rows_hand(s, target, PNG_ROW_FROM_PASS_ROW(j, pass), cols, PNG_COL_FROM_PASS_COL(0, pass),
                (png_uint_32)1 << PNG_PASS_COL_SHIFT(pass));
    }
  }
}

/// Decodes from `source` (memory or file); `data`/`len` are the file's first bytes (all of them for
/// memory), used for the signature and the early IHDR size check.
static int32_t decode_png(const png_context *source, const uint8_t *data, size_t len, const pmc_options *options,
                          const pmc_rows *rows_target, pmc_image *out) {
  if (data == NULL || len < 8 || png_sig_cmp(data, 0, 8) != 0) {
    pmc_set_message(out->message, sizeof out->message, "not a PNG file (bad signature)");
    return PMC_ERR_CORRUPT;
  }
  // Check the claimed size from IHDR before libpng reads anything else. This is the only size
  // check: libpng itself rejects a file whose first chunk is not IHDR.
  if (len >= 29 && memcmp(data + 12, "IHDR", 4) == 0) {
    uint64_t w = ((uint64_t)data[16] << 24) | ((uint64_t)data[17] << 16) | ((uint64_t)data[18] << 8) | data[19];
    uint64_t h = ((uint64_t)data[20] << 24) | ((uint64_t)data[21] << 16) | ((uint64_t)data[22] << 8) | data[23];
    out->file_width = (int32_t)(w > 0x7fffffff ? 0x7fffffff : w);
    out->file_height = (int32_t)(h > 0x7fffffff ? 0x7fffffff : h);
    if (w > PMC_PNG_MAX_SIDE || h > PMC_PNG_MAX_SIDE) {
      pmc_set_message(out->message, sizeof out->message, "%llux%llu pixels: a side is over the limit of %d pixels",
                      (unsigned long long)w, (unsigned long long)h, PMC_PNG_MAX_SIDE);
      return PMC_ERR_LIMIT;
    }
    // A row stream is checked as a full decode (its caller may keep a plane of every pixel): never reduced.
    uint64_t held = rows_target != NULL ? w * h : held_pixels(w, h, options);
    if (pmc_check_size(out, options, w, h, held) != PMC_OK) return PMC_ERR_TOO_LARGE;
    int f = rows_target != NULL ? 1 : pmc_reduction_factor(w, h, options->min_short_side);
    if (pmc_check_downscaled(out, options, w, h, w / (uint64_t)f, h / (uint64_t)f) != PMC_OK) return PMC_ERR_TOO_LARGE;
    if (rows_target != NULL && rows_target->sink == NULL) return PMC_OK;  // Header only: the caller sizes its plane.
  } else if (rows_target != NULL && rows_target->sink == NULL) {
    pmc_set_message(out->message, sizeof out->message, "the first chunk is not IHDR");
    return PMC_ERR_CORRUPT;
  }
  png_context ctx = *source;
  ctx.status = PMC_OK;
  ctx.image = out;
  png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &ctx, on_png_error, on_png_warning);
  if (png == NULL) return PMC_ERR_NO_MEMORY;
  png_infop info = png_create_info_struct(png);
  // Volatile: modified between setjmp and a possible longjmp.
  png_bytep *volatile rows = NULL;
  uint8_t *volatile pixels = NULL;
  pmc_reduce *volatile reduce = NULL;
  row_stream *volatile stream = NULL;
  if (info == NULL) {
    png_destroy_read_struct(&png, NULL, NULL);
    return PMC_ERR_NO_MEMORY;
  }
  if (setjmp(png_jmpbuf(png))) {
    free(rows);
    free(pixels);
    pmc_reduce_free(reduce);
    row_stream_free(stream);
    free(out->icc);
    out->icc = NULL;
    out->icc_len = 0;
    png_destroy_read_struct(&png, &info, NULL);
    return ctx.status == PMC_OK ? PMC_ERR_CORRUPT : ctx.status;
  }
  png_set_read_fn(png, &ctx, read_from_source);
  // Width and height: checked above from IHDR (side, then pixel limits) before libpng allocates
  // anything; libpng's own check stays at the same side limit.
  png_set_user_limits(png, PMC_PNG_MAX_SIDE, PMC_PNG_MAX_SIDE);
  // Ancillary chunks: at most PMC_PNG_CHUNK_MAX_BYTES allocated per chunk (this bounds a
  // decompressed iCCP profile: a longer one is dropped with a warning) and PMC_PNG_CHUNK_CACHE_MAX
  // kept. Chunks the analysis never reads — text (tEXt, zTXt, iTXt: the decompression bomb) and
  // the rest below — are skipped unread like unknown chunks: streamed past, never held or inflated.
  png_set_chunk_malloc_max(png, PMC_PNG_CHUNK_MAX_BYTES);
  png_set_chunk_cache_max(png, PMC_PNG_CHUNK_CACHE_MAX);
  static const png_byte skipped[] = "tEXt\0zTXt\0iTXt\0sPLT\0hIST\0pCAL\0sCAL\0sTER\0tIME\0pHYs\0oFFs\0sBIT\0bKGD";
  png_set_keep_unknown_chunks(png, PNG_HANDLE_CHUNK_NEVER, NULL, 0);
  png_set_keep_unknown_chunks(png, PNG_HANDLE_CHUNK_NEVER, skipped, (int)(sizeof skipped / 5));
  png_read_info(png, info);

  png_uint_32 width = 0, height = 0;
  int bit_depth = 0, color_type = 0, interlace = 0;
  png_get_IHDR(png, info, &width, &height, &bit_depth, &color_type, &interlace, NULL, NULL);
  out->file_width = (int32_t)width;
  out->file_height = (int32_t)height;
  out->file_bit_depth = bit_depth;
  out->interlaced = interlace != PNG_INTERLACE_NONE;
  switch (color_type) {
    case PNG_COLOR_TYPE_GRAY: out->file_kind = PMC_KIND_GRAY; break;
    case PNG_COLOR_TYPE_GRAY_ALPHA: out->file_kind = PMC_KIND_GRAY_ALPHA; break;
    case PNG_COLOR_TYPE_RGB: out->file_kind = PMC_KIND_RGB; break;
    case PNG_COLOR_TYPE_RGB_ALPHA: out->file_kind = PMC_KIND_RGB_ALPHA; break;
    default: out->file_kind = PMC_KIND_PALETTE; break;
  }

  // Colour encoding chunks.
  png_charp icc_name = NULL;
  png_bytep icc_data = NULL;
  png_uint_32 icc_len = 0;
  int compression = 0;
  if (png_get_iCCP(png, info, &icc_name, &compression, &icc_data, &icc_len) && icc_len > 0) {
    out->icc = (uint8_t *)malloc(icc_len);
    if (out->icc == NULL) {
      ctx.status = PMC_ERR_NO_MEMORY;
      png_error(png, "out of memory");
    }
    memcpy(out->icc, icc_data, icc_len);
    out->icc_len = icc_len;
    out->icc_rejected = 0;  // A warning about a profile libpng still kept: it is used.
  }
  int intent = 0;
  out->has_srgb_chunk = png_get_sRGB(png, info, &intent) != 0;
  double gamma = 0;
  if (png_get_gAMA(png, info, &gamma) && gamma > 0) {
    out->has_gama = 1;
    out->gama = gamma;
  }
  double *c = out->chrm;
  if (png_get_cHRM(png, info, &c[0], &c[1], &c[2], &c[3], &c[4], &c[5], &c[6], &c[7])) out->has_chrm = 1;
#ifdef PNG_eXIf_SUPPORTED
  png_bytep exif = NULL;
  png_uint_32 exif_len = 0;
  if (png_get_eXIf_1(png, info, &exif_len, &exif) && exif != NULL) {
    out->orientation = pmc_exif_orientation(exif, exif_len);
  }
#endif

  // Expand everything to RGBA at 8 or 16 bits.
  out->has_alpha = (color_type & PNG_COLOR_MASK_ALPHA) != 0 || png_get_valid(png, info, PNG_INFO_tRNS);
  if (color_type == PNG_COLOR_TYPE_PALETTE) png_set_palette_to_rgb(png);
  if (color_type == PNG_COLOR_TYPE_GRAY && bit_depth < 8) png_set_expand_gray_1_2_4_to_8(png);
  if (png_get_valid(png, info, PNG_INFO_tRNS)) png_set_tRNS_to_alpha(png);
  if (color_type == PNG_COLOR_TYPE_GRAY || color_type == PNG_COLOR_TYPE_GRAY_ALPHA) png_set_gray_to_rgb(png);
  int sample_bits = bit_depth == 16 ? 16 : 8;
  if (!out->has_alpha) png_set_add_alpha(png, sample_bits == 16 ? 0xffff : 0xff, PNG_FILLER_AFTER);
  if (sample_bits == 16) {
    uint16_t probe = 1;
    if (*(uint8_t *)&probe == 1) png_set_swap(png);  // PNG is big-endian; hand Swift native order.
  }
  // An interlaced file reduced while streaming reads its passes as they are stored; libpng
  // deinterlaces only into a whole image.
  int factor = rows_target != NULL ? 1 : pmc_reduction_factor(width, height, options->min_short_side);
  out->reduce_factor = factor;
  if (factor == 1 && rows_target == NULL) (void)png_set_interlace_handling(png);
  png_read_update_info(png, info);

  size_t row_bytes = png_get_rowbytes(png, info);
  size_t expected = (size_t)width * 4 * (size_t)(sample_bits / 8);
  if (row_bytes != expected) {
    pmc_set_message(out->message, sizeof out->message, "unexpected row layout (%zu bytes, expected %zu)",
                    row_bytes, expected);
    ctx.status = PMC_ERR_UNSUPPORTED;
    png_error(png, "layout");
  }
  out->sample_bits = sample_bits;
  out->channels = 4;
  if (rows_target != NULL) {
    out->width = (int32_t)width;
    out->height = (int32_t)height;
    stream = (row_stream *)calloc(1, sizeof *stream);
    if (stream == NULL) {
      ctx.status = PMC_ERR_NO_MEMORY;
      png_error(png, "out of memory");
    }
    out->pixel_bytes = row_bytes + (rows_target->linearize ? 12 * (uint64_t)width : 0);
    stream->b.row = (uint8_t *)malloc(row_bytes);
    stream->sample_bits = (uint32_t)sample_bits;
    stream->orientation = out->orientation;
    if (rows_target->linearize) {
      stream->b.linear = (float *)malloc(sizeof(float) * 3 * (size_t)width);
      stream->b.has_lin = pmc_linearizer_init_for_image(&stream->b.lin, out) == PMC_OK;
    }
    if (stream->b.row == NULL || (rows_target->linearize && (stream->b.linear == NULL || !stream->b.has_lin))) {
      ctx.status = PMC_ERR_NO_MEMORY;
      png_error(png, "out of memory");
    }
    rows_read(png, stream, rows_target, width, height, out->interlaced);
    png_read_end(png, NULL);
    row_stream_free(stream);
    stream = NULL;
    png_destroy_read_struct(&png, &info, NULL);
    return PMC_OK;
  }
  if (factor > 1) {
    out->pixel_bytes = pmc_reduce_bytes(width, width / (png_uint_32)factor, height / (png_uint_32)factor,
                                        out->interlaced, row_bytes);
    reduce = pmc_reduce_begin(out, factor, row_bytes);
    if (reduce == NULL) {
      ctx.status = PMC_ERR_NO_MEMORY;
      png_error(png, "out of memory");
    }
    reduce_read(png, reduce, width, height);
    png_read_end(png, NULL);
    pmc_reduce_finish(reduce, out);
    reduce = NULL;
    png_destroy_read_struct(&png, &info, NULL);
    return PMC_OK;
  }
  out->pixel_bytes = (uint64_t)row_bytes * height + sizeof(png_bytep) * (uint64_t)height;
  pixels = (uint8_t *)malloc(row_bytes * height);
  rows = (png_bytep *)malloc(sizeof(png_bytep) * height);
  if (pixels == NULL || rows == NULL) {
    ctx.status = PMC_ERR_NO_MEMORY;
    png_error(png, "out of memory");
  }
  for (png_uint_32 y = 0; y < height; y++) rows[y] = pixels + (size_t)y * row_bytes;
  png_read_image(png, rows);
  png_read_end(png, NULL);

  out->width = (int32_t)width;
  out->height = (int32_t)height;
  out->pixels = pixels;
  out->pixels_len = row_bytes * height;
  free(rows);
  png_destroy_read_struct(&png, &info, NULL);
  return PMC_OK;
}

int32_t pmc_decode_png(const uint8_t *data, size_t len, const pmc_options *options, pmc_image *out) {
  if (out == NULL || options == NULL) return PMC_ERR_ARGUMENT;
  memset(out, 0, sizeof *out);
  png_context source = {data, len, 0, NULL, 0, PMC_OK, NULL};
  return decode_png(&source, data, len, options, NULL, out);
}

int32_t pmc_decode_png_file(FILE *file, const pmc_options *options, pmc_image *out) {
  if (out == NULL || options == NULL || file == NULL) return PMC_ERR_ARGUMENT;
  memset(out, 0, sizeof *out);
  uint8_t head[32];
  size_t got = 0;
  if (pmc_peek_file(file, head, sizeof head, &got, out) != PMC_OK) return PMC_ERR_ARGUMENT;
  png_context source = {NULL, 0, 0, file, 0, PMC_OK, NULL};
  return decode_png(&source, head, got, options, NULL, out);
}

int32_t pmc_decode_png_rows_file(FILE *file, const pmc_options *options, const pmc_rows *rows, pmc_image *out) {
  if (out == NULL || options == NULL || file == NULL || rows == NULL) return PMC_ERR_ARGUMENT;
  memset(out, 0, sizeof *out);
  uint8_t head[32];
  size_t got = 0;
  if (pmc_peek_file(file, head, sizeof head, &got, out) != PMC_OK) return PMC_ERR_ARGUMENT;
  pmc_options whole = *options;
  whole.min_short_side = 0;
  png_context source = {NULL, 0, 0, file, 0, PMC_OK, NULL};
  return decode_png(&source, head, got, &whole, rows, out);
}

/// Growable output buffer for png_set_write_fn.
typedef struct png_sink {
  uint8_t *data;
  size_t len, capacity;
  int failed;
} png_sink;

static void write_to_memory(png_structp png, png_bytep bytes, size_t count) {
  png_sink *sink = (png_sink *)png_get_io_ptr(png);
  if (sink->len + count > sink->capacity) {
    size_t capacity = sink->capacity ? sink->capacity : 4096;
    while (capacity < sink->len + count) capacity *= 2;
    uint8_t *grown = (uint8_t *)realloc(sink->data, capacity);
    if (grown == NULL) {
      sink->failed = 1;
      png_error(png, "out of memory");
    }
    sink->data = grown;
    sink->capacity = capacity;
  }
  memcpy(sink->data + sink->len, bytes, count);
  sink->len += count;
}

static void flush_nothing(png_structp png) { (void)png; }

typedef struct png_write_context {
  char *message;
  size_t message_len;
} png_write_context;

static void on_png_write_error(png_structp png, png_const_charp text) {
  png_write_context *ctx = (png_write_context *)png_get_error_ptr(png);
  pmc_set_message(ctx->message, ctx->message_len, "%s", text);
  png_longjmp(png, 1);
}

int32_t pmc_encode_png(const uint8_t *pixels, int32_t width, int32_t height, int32_t channels,
                       const uint8_t *icc, uint32_t icc_len, uint8_t **out, size_t *out_len, char *message,
                       size_t message_len) {
  if (pixels == NULL || out == NULL || out_len == NULL || width <= 0 || height <= 0 ||
      (channels != 3 && channels != 4)) {
    pmc_set_message(message, message_len, "invalid image for PNG encoding");
    return PMC_ERR_ARGUMENT;
  }
  png_write_context ctx = {message, message_len};
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &ctx, on_png_write_error, on_png_warning);
  if (png == NULL) return PMC_ERR_NO_MEMORY;
  png_infop info = png_create_info_struct(png);
  png_sink sink = {NULL, 0, 0, 0};
  png_bytep *volatile rows = NULL;
  if (info == NULL) {
    png_destroy_write_struct(&png, NULL);
    return PMC_ERR_NO_MEMORY;
  }
  if (setjmp(png_jmpbuf(png))) {
    free(rows);
    free(sink.data);
    png_destroy_write_struct(&png, &info);
    return sink.failed ? PMC_ERR_NO_MEMORY : PMC_ERR_ARGUMENT;
  }
  png_set_write_fn(png, &sink, write_to_memory, flush_nothing);
  png_set_IHDR(png, info, (png_uint_32)width, (png_uint_32)height, 8,
               channels == 4 ? PNG_COLOR_TYPE_RGB_ALPHA : PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
               PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  if (icc != NULL && icc_len > 0) {
    png_set_iCCP(png, info, "ICC profile", PNG_COMPRESSION_TYPE_BASE, icc, icc_len);
  } else {
    png_set_sRGB_gAMA_and_cHRM(png, info, PNG_sRGB_INTENT_PERCEPTUAL);
  }
  png_write_info(png, info);
  rows = (png_bytep *)malloc(sizeof(png_bytep) * (size_t)height);
  if (rows == NULL) {
    sink.failed = 1;
    png_error(png, "out of memory");
  }
  for (int32_t y = 0; y < height; y++) rows[y] = (png_bytep)(pixels + (size_t)y * (size_t)width * (size_t)channels);
  png_write_image(png, rows);
  png_write_end(png, NULL);
  free(rows);
  png_destroy_write_struct(&png, &info);
  *out = sink.data;
  *out_len = sink.len;
  return PMC_OK;
}
