// JPEG decoding and encoding through libjpeg-turbo, with every fatal error caught by this file's setjmp.
#include <setjmp.h>
#include <stdlib.h>
#include "internal.h"
#include <jpeglib.h>
#include <jerror.h>

/// libjpeg error manager extended with our jump buffer and policy.
typedef struct jpeg_guard {
  struct jpeg_error_mgr base;
  jmp_buf jump;
  int status;
  int accept_warnings;
  int icc_malformed;
  char *message;
  size_t message_len;
} jpeg_guard;

static void format_jpeg_message(j_common_ptr cinfo, char *buffer, size_t len) {
  char text[JMSG_LENGTH_MAX];
  (*cinfo->err->format_message)(cinfo, text);
  pmc_set_message(buffer, len, "%s", text);
}

/// Replaces libjpeg's default, which calls exit().
static void on_jpeg_error(j_common_ptr cinfo) {
  jpeg_guard *guard = (jpeg_guard *)cinfo->err;
  if (guard->status == PMC_OK) {
    int code = guard->base.msg_code;
    if (code == JERR_BAD_PRECISION || code == JERR_NOT_COMPILED || code == JERR_CONVERSION_NOTIMPL ||
        code == JERR_NO_ARITH_TABLE) {
      guard->status = PMC_ERR_UNSUPPORTED;
    } else if (code == JERR_INPUT_EMPTY || code == JERR_INPUT_EOF || code == JERR_NO_SOI) {
      guard->status = code == JERR_NO_SOI ? PMC_ERR_CORRUPT : PMC_ERR_TRUNCATED;
    } else if (code == JERR_OUT_OF_MEMORY) {
      guard->status = PMC_ERR_NO_MEMORY;
    } else {
      guard->status = PMC_ERR_CORRUPT;
    }
    if (code == JERR_BAD_PRECISION) {
      pmc_set_message(guard->message, guard->message_len, "%d-bit JPEG is not supported (8-bit only)",
                      guard->base.msg_parm.i[0]);
    } else {
      format_jpeg_message(cinfo, guard->message, guard->message_len);
    }
  }
  longjmp(guard->jump, 1);
}

/// Replaces libjpeg's default, which prints to stderr. Level -1 is a corrupt-data warning.
static void on_jpeg_message(j_common_ptr cinfo, int level) {
  jpeg_guard *guard = (jpeg_guard *)cinfo->err;
  if (level >= 0) return;  // Trace messages.
  if (guard->base.msg_code == JWRN_BOGUS_ICC) {
    guard->icc_malformed = 1;  // The profile is dropped; the pixels are fine.
    return;
  }
  guard->base.num_warnings++;
  format_jpeg_message(cinfo, guard->message, guard->message_len);
  if (!guard->accept_warnings) {
    guard->status = guard->base.msg_code == JWRN_JPEG_EOF ? PMC_ERR_TRUNCATED : PMC_ERR_CORRUPT;
    longjmp(guard->jump, 1);
  }
}

static void install_guard(jpeg_guard *guard, char *message, size_t message_len, int accept_warnings) {
  jpeg_std_error(&guard->base);
  guard->base.error_exit = on_jpeg_error;
  guard->base.emit_message = on_jpeg_message;
  guard->status = PMC_OK;
  guard->accept_warnings = accept_warnings;
  guard->icc_malformed = 0;
  guard->message = message;
  guard->message_len = message_len;
}

/// libjpeg-turbo's documented defence against the progressive-scan CPU bomb (each scan walks every
/// block of the image, so thousands of tiny scans cost minutes): a progress monitor that stops the
/// decode once input_scan_number exceeds a limit, as djpeg -maxscans and TurboJPEG's
/// TJPARAM_SCANLIMIT do.
typedef struct scan_limit {
  struct jpeg_progress_mgr base;
  int max_scans;
} scan_limit;

static void on_jpeg_progress(j_common_ptr cinfo) {
  if (!cinfo->is_decompressor) return;
  scan_limit *limit = (scan_limit *)cinfo->progress;
  int scan = ((j_decompress_ptr)cinfo)->input_scan_number;
  if (limit->max_scans <= 0 || scan <= limit->max_scans) return;
  jpeg_guard *guard = (jpeg_guard *)cinfo->err;
  guard->status = PMC_ERR_LIMIT;
  pmc_set_message(guard->message, guard->message_len, "more than %d scans (the limit on progressive JPEG scans)",
                  limit->max_scans);
  longjmp(guard->jump, 1);
}

/// The DCT scale denominator: options->scale_denom, or with min_short_side the largest of 1/2, 1/4,
/// 1/8 that keeps the decoded shorter side at least that many pixels.
/// A FILE source like libjpeg's jpeg_stdio_src, with a 128 KB buffer instead of 4 KB: libjpeg-turbo's
/// fast Huffman path needs ~3 KB of buffered input per MCU and falls back to the slow path near the
/// end of every buffer, which with 4 KB reads is most of the time (measured: 1/4-scale decode of a
/// 12 MP JPEG 49.5 → 46.5 ms). Memory stays bounded; the file is still streamed.
#define PMC_FILE_BUFFER (128 * 1024)
typedef struct {
  struct jpeg_source_mgr pub;
  FILE *file;
  JOCTET *buffer;
  int start_of_file;
} file_source;

static void file_init_source(j_decompress_ptr cinfo) { ((file_source *)cinfo->src)->start_of_file = 1; }

static boolean file_fill_input_buffer(j_decompress_ptr cinfo) {
  file_source *src = (file_source *)cinfo->src;
  size_t n = fread(src->buffer, 1, PMC_FILE_BUFFER, src->file);
  if (n == 0) {
    if (src->start_of_file) ERREXIT(cinfo, JERR_INPUT_EMPTY);
    WARNMS(cinfo, JWRN_JPEG_EOF);
    // As libjpeg does: an EOI marker ends the image where the data ends.
    src->buffer[0] = (JOCTET)0xFF;
    src->buffer[1] = (JOCTET)JPEG_EOI;
    n = 2;
  }
  src->pub.next_input_byte = src->buffer;
  src->pub.bytes_in_buffer = n;
  src->start_of_file = 0;
  return TRUE;
}

static void file_skip_input_data(j_decompress_ptr cinfo, long count) {
  struct jpeg_source_mgr *src = cinfo->src;
  if (count <= 0) return;
  while (count > (long)src->bytes_in_buffer) {
    count -= (long)src->bytes_in_buffer;
    (void)(*src->fill_input_buffer)(cinfo);
  }
  src->next_input_byte += (size_t)count;
  src->bytes_in_buffer -= (size_t)count;
}

static void file_term_source(j_decompress_ptr cinfo) { (void)cinfo; }

/// Reads the JPEG from `file` through a PMC_FILE_BUFFER-byte buffer owned by libjpeg's pool.
static void use_file_source(j_decompress_ptr cinfo, FILE *file) {
  file_source *src = (file_source *)(*cinfo->mem->alloc_small)((j_common_ptr)cinfo, JPOOL_PERMANENT, sizeof(file_source));
  src->buffer = (JOCTET *)(*cinfo->mem->alloc_large)((j_common_ptr)cinfo, JPOOL_PERMANENT, PMC_FILE_BUFFER);
  src->file = file;
  src->start_of_file = 1;
  src->pub.init_source = file_init_source;
  src->pub.fill_input_buffer = file_fill_input_buffer;
  src->pub.skip_input_data = file_skip_input_data;
  src->pub.resync_to_restart = jpeg_resync_to_restart;
  src->pub.term_source = file_term_source;
  src->pub.bytes_in_buffer = 0;
  src->pub.next_input_byte = NULL;
  cinfo->src = &src->pub;
}

static int choose_denominator(j_decompress_ptr cinfo, const pmc_options *options) {
  if (options->min_short_side <= 0) return options->scale_denom;
  unsigned shorter = cinfo->image_width < cinfo->image_height ? cinfo->image_width : cinfo->image_height;
  int denom = 1;
  while (denom < 8 && (shorter + (unsigned)denom * 2 - 1) / ((unsigned)denom * 2) >= (unsigned)options->min_short_side) {
    denom *= 2;
  }
  return denom;
}

static int32_t orientation_from_markers(j_decompress_ptr cinfo) {
  for (jpeg_saved_marker_ptr m = cinfo->marker_list; m != NULL; m = m->next) {
    if (m->marker == JPEG_APP0 + 1 && m->data_length > 6 && memcmp(m->data, "Exif\0\0", 6) == 0) {
      return pmc_exif_orientation(m->data + 6, m->data_length - 6);
    }
  }
  return 0;
}

/// Naive CMYK → RGB for CMYK JPEGs without a usable profile; Adobe files store inverted ink.
static void cmyk_to_rgb_in_place(uint8_t *pixels, size_t count, int inverted) {
  for (size_t i = 0; i < count; i++) {
    unsigned c = pixels[4 * i], m = pixels[4 * i + 1], y = pixels[4 * i + 2], k = pixels[4 * i + 3];
    if (!inverted) {
      c = 255 - c; m = 255 - m; y = 255 - y; k = 255 - k;
    }
    pixels[3 * i] = (uint8_t)((c * k + 127) / 255);
    pixels[3 * i + 1] = (uint8_t)((m * k + 127) / 255);
    pixels[3 * i + 2] = (uint8_t)((y * k + 127) / 255);
  }
}

/// Whether `data` (the file's first `len` bytes) starts with a JPEG start-of-image marker; sets the message when not.
static int has_jpeg_signature(const uint8_t *data, size_t len, pmc_image *out) {
  if (data != NULL && len >= 3 && data[0] == 0xFF && data[1] == 0xD8) return 1;
  pmc_set_message(out->message, sizeof out->message, "not a JPEG file (no start-of-image marker)");
  return 0;
}

/// Creates the decompressor on `cinfo` (its error manager installed) with its memory bounded and the
/// scan limit armed (`scans` must outlive it), reading from memory (`data`, `len`) or, when `file` is
/// not NULL, from `file`; reads the header with the APP1 (EXIF) and APP2 (ICC) markers saved.
/// Errors longjmp to the caller's setjmp.
static void open_jpeg(j_decompress_ptr cinfo, scan_limit *scans, int max_scans, const uint8_t *data, size_t len,
                      FILE *file) {
  jpeg_create_decompress(cinfo);
  // Bound libjpeg's own working memory (progressive coefficient buffers and the like).
  cinfo->mem->max_memory_to_use = 2048L * 1024L * 1024L;
  memset(scans, 0, sizeof *scans);
  scans->base.progress_monitor = on_jpeg_progress;
  scans->max_scans = max_scans;
  cinfo->progress = &scans->base;
  if (file != NULL) {
    use_file_source(cinfo, file);
  } else {
    jpeg_mem_src(cinfo, data, (unsigned long)len);
  }
  jpeg_save_markers(cinfo, JPEG_APP0 + 1, 0xFFFF);
  jpeg_save_markers(cinfo, JPEG_APP0 + 2, 0xFFFF);
  jpeg_read_header(cinfo, TRUE);
}

/// Records the header's facts in `out` (stored size, precision, coding, EXIF orientation, colour kind,
/// the ICC profile, Adobe inversion) and refuses a precision other than 8 bits (longjmp). Returns
/// whether the pixels are CMYK or YCCK.
static int describe_header(j_decompress_ptr cinfo, pmc_image *out) {
  out->file_width = (int32_t)cinfo->image_width;
  out->file_height = (int32_t)cinfo->image_height;
  out->file_bit_depth = cinfo->data_precision;
  out->progressive = cinfo->progressive_mode;
  out->arithmetic = cinfo->arith_code;
  out->orientation = orientation_from_markers(cinfo);
  switch (cinfo->jpeg_color_space) {
    case JCS_GRAYSCALE: out->file_kind = PMC_KIND_GRAY; break;
    case JCS_CMYK: out->file_kind = PMC_KIND_CMYK; break;
    case JCS_YCCK: out->file_kind = PMC_KIND_YCCK; break;
    default: out->file_kind = PMC_KIND_RGB; break;
  }
  if (cinfo->data_precision != 8) {
    jpeg_guard *guard = (jpeg_guard *)cinfo->err;
    guard->status = PMC_ERR_UNSUPPORTED;
    pmc_set_message(out->message, sizeof out->message, "%d-bit JPEG is not supported (8-bit only)",
                    cinfo->data_precision);
    longjmp(guard->jump, 1);
  }
  JOCTET *icc = NULL;
  unsigned int icc_len = 0;
  if (jpeg_read_icc_profile(cinfo, &icc, &icc_len) && icc != NULL) {
    out->icc = icc;
    out->icc_len = icc_len;
  }
  int cmyk = cinfo->jpeg_color_space == JCS_CMYK || cinfo->jpeg_color_space == JCS_YCCK;
  out->cmyk_inverted = cmyk && cinfo->saw_Adobe_marker;
  return cmyk;
}

/// Sets the output (RGB, or CMYK for a CMYK file, at 1/`denom`) and checks its size against the
/// limits (longjmp with PMC_ERR_TOO_LARGE). Progressive and multi-scan files buffer every coefficient
/// at full size; others stream. Returns the bytes of that whole-image coefficient buffer (0 when none).
static uint64_t check_output(j_decompress_ptr cinfo, const pmc_options *options, int denom, int cmyk, pmc_image *out) {
  cinfo->out_color_space = cmyk ? JCS_CMYK : JCS_RGB;
  cinfo->scale_num = 1;
  cinfo->scale_denom = (unsigned int)denom;
  out->reduce_factor = denom;
  jpeg_calc_output_dimensions(cinfo);
  int multiple = jpeg_has_multiple_scans(cinfo);
  uint64_t held = multiple ? (uint64_t)cinfo->image_width * cinfo->image_height
                           : (uint64_t)cinfo->output_width * cinfo->output_height;
  if (pmc_check_size(out, options, cinfo->image_width, cinfo->image_height, held) != PMC_OK ||
      pmc_check_downscaled(out, options, cinfo->image_width, cinfo->image_height, cinfo->output_width,
                           cinfo->output_height) != PMC_OK) {
    jpeg_guard *guard = (jpeg_guard *)cinfo->err;
    guard->status = PMC_ERR_TOO_LARGE;
    longjmp(guard->jump, 1);
  }
  uint64_t coefficients = 0;
  if (multiple) {  // One JBLOCK = 128 bytes.
    for (int c = 0; c < cinfo->num_components; c++) {
      coefficients += (uint64_t)cinfo->comp_info[c].width_in_blocks * cinfo->comp_info[c].height_in_blocks * 128;
    }
  }
  return coefficients;
}

/// After jpeg_finish_decompress: the output size and the warnings accepted (the message kept only then).
static void record_finish(j_decompress_ptr cinfo, pmc_image *out) {
  jpeg_guard *guard = (jpeg_guard *)cinfo->err;
  out->width = (int32_t)cinfo->output_width;
  out->height = (int32_t)cinfo->output_height;
  out->sample_bits = 8;
  out->warnings = guard->base.num_warnings;
  out->icc_malformed = guard->icc_malformed;
  if (!out->warnings) out->message[0] = '\0';
}

/// After a longjmp: releases the profile and the decompressor, and returns the status to report.
static int32_t abandon_decode(j_decompress_ptr cinfo, pmc_image *out) {
  jpeg_guard *guard = (jpeg_guard *)cinfo->err;
  free(out->icc);
  out->icc = NULL;
  out->icc_len = 0;
  jpeg_destroy_decompress(cinfo);
  return guard->status == PMC_OK ? PMC_ERR_CORRUPT : guard->status;
}

/// Decodes from memory (`data`, `len`) or, when `file` is not NULL, streams from `file`; `data` then
/// holds the file's first bytes for the signature check.
static int32_t decode_jpeg(const uint8_t *data, size_t len, FILE *file, const pmc_options *options, pmc_image *out) {
  if (!has_jpeg_signature(data, len, out)) return PMC_ERR_CORRUPT;
  int denom = options->scale_denom;
  if (denom != 1 && denom != 2 && denom != 4 && denom != 8) {
    pmc_set_message(out->message, sizeof out->message, "scale must be 1/1, 1/2, 1/4 or 1/8");
    return PMC_ERR_ARGUMENT;
  }
  struct jpeg_decompress_struct cinfo;
  jpeg_guard guard;
  uint8_t *volatile pixels = NULL;
  cinfo.err = &guard.base;
  install_guard(&guard, out->message, sizeof out->message, options->accept_warnings);
  if (setjmp(guard.jump)) {
    if (pixels != options->into) free(pixels);
    return abandon_decode(&cinfo, out);
  }
  scan_limit scans;
  open_jpeg(&cinfo, &scans, options->max_scans, data, len, file);
  int cmyk = describe_header(&cinfo, out);
  uint64_t coefficients = check_output(&cinfo, options, choose_denominator(&cinfo, options), cmyk, out);
  size_t width = cinfo.output_width, height = cinfo.output_height;
  size_t components = (size_t)cinfo.output_components;
  size_t row_bytes = width * components;
  out->pixel_bytes = (uint64_t)row_bytes * height + coefficients;
  jpeg_start_decompress(&cinfo);

  int borrowed = options->into != NULL && !cmyk && components == 3 && options->into_len == row_bytes * height;
  pixels = borrowed ? options->into : (uint8_t *)malloc(row_bytes * height);
  if (pixels == NULL) {
    guard.status = PMC_ERR_NO_MEMORY;
    pmc_set_message(out->message, sizeof out->message, "out of memory for %zux%zu pixels", width, height);
    longjmp(guard.jump, 1);
  }
  // Rows are published in bands of 16 when a reader follows the decode (only into its buffer).
  pmc_progress *progress = borrowed ? options->progress : NULL;
  JDIMENSION published = 0;
  while (cinfo.output_scanline < cinfo.output_height) {
    JSAMPROW row = pixels + (size_t)cinfo.output_scanline * row_bytes;
    jpeg_read_scanlines(&cinfo, &row, 1);
    if (progress != NULL && cinfo.output_scanline - published >= 16) {
      published = cinfo.output_scanline;
      pmc_progress_publish(progress, (int32_t)published);
    }
  }
  jpeg_finish_decompress(&cinfo);
  record_finish(&cinfo, out);
  if (cmyk && out->icc == NULL) {
    cmyk_to_rgb_in_place(pixels, width * height, out->cmyk_inverted);
    out->channels = 3;
    out->pixels_len = width * height * 3;
  } else {
    out->channels = (int32_t)components;
    out->is_cmyk = cmyk;
    out->pixels_len = row_bytes * height;
  }
  out->pixels = pixels;
  out->pixels_borrowed = borrowed;
  jpeg_destroy_decompress(&cinfo);
  return PMC_OK;
}

/// A JPEG row stream's working memory (pmc_decode_jpeg_rows_file): one decoded row as libjpeg gives
/// it (RGB or CMYK), the same row as RGBA for the sink, its linear light and the colour conversion.
/// On the heap, so the setjmp handler can free it.
typedef struct jpeg_row_stream {
  pmc_row_buffers b;  ///< The row as libjpeg gives it, its linear light and the conversion.
  uint8_t *rgba;
  int cmyk;           ///< The row is CMYK (converted naively for the RGBA samples).
  int naive;          ///< No usable CMYK profile: converted naively before linear light, as the full decode does.
  int inverted;       ///< Adobe-inverted CMYK.
} jpeg_row_stream;

static void jpeg_row_stream_free(jpeg_row_stream *s) {
  if (s == NULL) return;
  pmc_row_buffers_release(&s->b);
  free(s->rgba);
  free(s);
}

/// The working memory for rows `width` pixels wide of `components` samples, with the colour
/// conversion the full decode would use when `linearize` (a CMYK file's profile, or the naive
/// conversion read as sRGB when it has none or it cannot be used). NULL when out of memory.
static jpeg_row_stream *jpeg_row_stream_begin(pmc_image *out, size_t width, size_t components, int cmyk, int linearize) {
  jpeg_row_stream *s = (jpeg_row_stream *)calloc(1, sizeof *s);
  if (s == NULL) return NULL;
  s->cmyk = cmyk;
  s->inverted = out->cmyk_inverted;
  s->naive = cmyk && out->icc == NULL;
  out->is_cmyk = cmyk && !s->naive;
  out->channels = out->is_cmyk ? 4 : 3;
  out->sample_bits = 8;
  s->b.row = (uint8_t *)malloc(width * components);
  s->rgba = (uint8_t *)malloc(width * 4);
  if (s->b.row == NULL || s->rgba == NULL) {
    jpeg_row_stream_free(s);
    return NULL;
  }
  if (!linearize) return s;
  s->b.linear = (float *)malloc(sizeof(float) * 3 * width);
  int ok = s->b.linear != NULL && pmc_linearizer_init_for_image(&s->b.lin, out) == PMC_OK;
  if (!ok && s->b.linear != NULL && out->is_cmyk) {
    // The CMYK profile cannot be used: the full decode then converts naively and reads sRGB.
    out->is_cmyk = 0;
    out->channels = 3;
    s->naive = 1;
    ok = pmc_linearizer_init(&s->b.lin, out, PMC_SOURCE_ASSUMED_SRGB, NULL, 0) == PMC_OK;
  }
  if (!ok) {
    jpeg_row_stream_free(s);
    return NULL;
  }
  s->b.has_lin = 1;
  return s;
}

/// Hands stored row `y` (in s->b.row) to the sink as RGBA with its linear light. Called between two
/// jpeg_read_scanlines calls, never inside a libjpeg call, so libjpeg's longjmp never crosses the
/// caller's frames.
static void jpeg_rows_hand(jpeg_row_stream *s, const pmc_rows *target, uint32_t y, size_t width, int32_t orientation) {
  if (s->naive && s->cmyk) cmyk_to_rgb_in_place(s->b.row, width, s->inverted);
  if (s->b.linear != NULL) pmc_linearize_row(&s->b.lin, s->b.row, s->b.linear, width);
  if (s->cmyk && !s->naive) cmyk_to_rgb_in_place(s->b.row, width, s->inverted);
  for (size_t x = 0; x < width; x++) {
    s->rgba[4 * x] = s->b.row[3 * x];
    s->rgba[4 * x + 1] = s->b.row[3 * x + 1];
    s->rgba[4 * x + 2] = s->b.row[3 * x + 2];
    s->rgba[4 * x + 3] = 0xFF;
  }
  pmc_row row = {y, 0, 1, (uint32_t)width, 8, s->rgba, s->b.linear, orientation};
  target->sink(target->context, &row);
}

/// Streams the JPEG `file` (its first bytes in `head`) row by row to `target` (pmc_decode_jpeg_rows_file).
static int32_t stream_jpeg_rows(const uint8_t *head, size_t got, FILE *file, const pmc_options *options,
                                const pmc_rows *target, pmc_image *out) {
  if (!has_jpeg_signature(head, got, out)) return PMC_ERR_CORRUPT;
  // A row stream is checked as a full decode (its caller may keep a plane of every pixel): never reduced.
  pmc_options whole = *options;
  whole.min_short_side = 0;
  struct jpeg_decompress_struct cinfo;
  jpeg_guard guard;
  jpeg_row_stream *volatile stream = NULL;
  cinfo.err = &guard.base;
  install_guard(&guard, out->message, sizeof out->message, whole.accept_warnings);
  if (setjmp(guard.jump)) {
    jpeg_row_stream_free(stream);
    return abandon_decode(&cinfo, out);
  }
  scan_limit scans;
  open_jpeg(&cinfo, &scans, whole.max_scans, NULL, 0, file);
  int cmyk = describe_header(&cinfo, out);
  uint64_t coefficients = check_output(&cinfo, &whole, 1, cmyk, out);
  if (target->sink == NULL) {  // Header only: the caller sizes its plane.
    jpeg_destroy_decompress(&cinfo);
    return PMC_OK;
  }
  size_t width = cinfo.output_width, components = (size_t)cinfo.output_components;
  out->pixel_bytes = coefficients + width * (components + 4) + (target->linearize ? 12 * (uint64_t)width : 0);
  jpeg_start_decompress(&cinfo);
  stream = jpeg_row_stream_begin(out, width, components, cmyk, target->linearize);
  if (stream == NULL) {
    guard.status = PMC_ERR_NO_MEMORY;
    pmc_set_message(out->message, sizeof out->message, "out of memory for a row of %zu pixels", width);
    longjmp(guard.jump, 1);
  }
  while (cinfo.output_scanline < cinfo.output_height) {
    uint32_t y = cinfo.output_scanline;
    JSAMPROW row = stream->b.row;
    jpeg_read_scanlines(&cinfo, &row, 1);
    jpeg_rows_hand(stream, target, y, width, out->orientation);
  }
  jpeg_finish_decompress(&cinfo);
  record_finish(&cinfo, out);
  out->channels = 4;
  jpeg_row_stream_free(stream);
  stream = NULL;
  jpeg_destroy_decompress(&cinfo);
  return PMC_OK;
}

int32_t pmc_probe_jpeg(const uint8_t *data, size_t len, FILE *file, const pmc_options *options, int32_t *width,
                       int32_t *height, int32_t *channels, int32_t *has_icc, int32_t *file_width,
                       int32_t *file_height, uint8_t **icc_out, uint32_t *icc_len_out, int32_t *orientation) {
  if (icc_out != NULL) *icc_out = NULL;
  if (orientation != NULL) *orientation = 0;
  if (icc_len_out != NULL) *icc_len_out = 0;
  if (options == NULL || width == NULL || height == NULL || channels == NULL || has_icc == NULL) return PMC_ERR_ARGUMENT;
  if (file == NULL && (data == NULL || len < 3)) return PMC_ERR_CORRUPT;
  struct jpeg_decompress_struct cinfo;
  jpeg_guard guard;
  char message[JMSG_LENGTH_MAX];
  cinfo.err = &guard.base;
  install_guard(&guard, message, sizeof message, 1);
  if (setjmp(guard.jump)) {
    jpeg_destroy_decompress(&cinfo);
    if (file != NULL) fseek(file, 0, SEEK_SET);
    return guard.status == PMC_OK ? PMC_ERR_CORRUPT : guard.status;
  }
  scan_limit scans;
  open_jpeg(&cinfo, &scans, options->max_scans, data, len, file);
  if (orientation != NULL) *orientation = orientation_from_markers(&cinfo);
  int cmyk = cinfo.jpeg_color_space == JCS_CMYK || cinfo.jpeg_color_space == JCS_YCCK;
  int denom = choose_denominator(&cinfo, options);
  cinfo.out_color_space = cmyk ? JCS_CMYK : JCS_RGB;
  cinfo.scale_num = 1;
  cinfo.scale_denom = (unsigned int)denom;
  jpeg_calc_output_dimensions(&cinfo);
  *width = (int32_t)cinfo.output_width;
  *height = (int32_t)cinfo.output_height;
  if (file_width != NULL) *file_width = (int32_t)cinfo.image_width;
  if (file_height != NULL) *file_height = (int32_t)cinfo.image_height;
  *channels = cmyk || cinfo.data_precision != 8 ? 0 : 3;
  // The same reading of the profile as the decode's, so a malformed one counts as absent here too.
  JOCTET *icc = NULL;
  unsigned int icc_len = 0;
  *has_icc = jpeg_read_icc_profile(&cinfo, &icc, &icc_len) && icc != NULL;
  if (*has_icc && icc_out != NULL && icc_len_out != NULL) {
    *icc_out = icc;
    *icc_len_out = icc_len;
  } else {
    free(icc);
  }
  jpeg_destroy_decompress(&cinfo);
  if (file != NULL && fseek(file, 0, SEEK_SET) != 0) return PMC_ERR_ARGUMENT;
  return PMC_OK;
}

int32_t pmc_decode_jpeg(const uint8_t *data, size_t len, const pmc_options *options, pmc_image *out) {
  if (out == NULL || options == NULL) return PMC_ERR_ARGUMENT;
  memset(out, 0, sizeof *out);
  return decode_jpeg(data, len, NULL, options, out);
}

/// Decodes the JPEG `file` whole, or row by row to `target` when it is not NULL.
static int32_t decode_jpeg_file(FILE *file, const pmc_options *options, const pmc_rows *target, pmc_image *out) {
  if (out == NULL || options == NULL || file == NULL) return PMC_ERR_ARGUMENT;
  memset(out, 0, sizeof *out);
  uint8_t head[4];
  size_t got = 0;
  if (pmc_peek_file(file, head, sizeof head, &got, out) != PMC_OK) return PMC_ERR_ARGUMENT;
  return target != NULL ? stream_jpeg_rows(head, got, file, options, target, out)
                        : decode_jpeg(head, got, file, options, out);
}

int32_t pmc_decode_jpeg_file(FILE *file, const pmc_options *options, pmc_image *out) {
  return decode_jpeg_file(file, options, NULL, out);
}

int32_t pmc_decode_jpeg_rows_file(FILE *file, const pmc_options *options, const pmc_rows *target, pmc_image *out) {
  return target == NULL ? PMC_ERR_ARGUMENT : decode_jpeg_file(file, options, target, out);
}

int32_t pmc_encode_jpeg(const uint8_t *rgb, int32_t width, int32_t height, int32_t quality,
                        const uint8_t *icc, uint32_t icc_len, uint8_t **out, size_t *out_len,
                        char *message, size_t message_len) {
  return pmc_encode_jpeg_pixels(rgb, width, height, 3, quality, 0, icc, icc_len, out, out_len, message, message_len);
}

int32_t pmc_encode_jpeg_pixels(const uint8_t *pixels, int32_t width, int32_t height, int32_t channels,
                               int32_t quality, int32_t progressive, const uint8_t *icc, uint32_t icc_len,
                               uint8_t **out, size_t *out_len, char *message, size_t message_len) {
  if (pixels == NULL || out == NULL || out_len == NULL || width <= 0 || height <= 0 || quality < 1 ||
      quality > 100 || (channels != 1 && channels != 3)) {
    pmc_set_message(message, message_len, "invalid image for JPEG encoding");
    return PMC_ERR_ARGUMENT;
  }
  struct jpeg_compress_struct cinfo;
  jpeg_guard guard;
  // Written by libjpeg through its address, so it lives in memory across the longjmp.
  unsigned char *target = NULL;
  unsigned long buffer_len = 0;
  cinfo.err = &guard.base;
  install_guard(&guard, message, message_len, 1);
  if (setjmp(guard.jump)) {
    jpeg_destroy_compress(&cinfo);
    free(target);
    return guard.status == PMC_OK ? PMC_ERR_ARGUMENT : guard.status;
  }
  jpeg_create_compress(&cinfo);
  jpeg_mem_dest(&cinfo, &target, &buffer_len);
  cinfo.image_width = (JDIMENSION)width;
  cinfo.image_height = (JDIMENSION)height;
  cinfo.input_components = channels;
  cinfo.in_color_space = channels == 1 ? JCS_GRAYSCALE : JCS_RGB;
  jpeg_set_defaults(&cinfo);
  jpeg_set_quality(&cinfo, quality, TRUE);
  if (progressive) jpeg_simple_progression(&cinfo);
  jpeg_start_compress(&cinfo, TRUE);
  if (icc != NULL && icc_len > 0) jpeg_write_icc_profile(&cinfo, icc, icc_len);
  size_t row_bytes = (size_t)width * (size_t)channels;
  while (cinfo.next_scanline < cinfo.image_height) {
    JSAMPROW row = (JSAMPROW)(pixels + (size_t)cinfo.next_scanline * row_bytes);
    jpeg_write_scanlines(&cinfo, &row, 1);
  }
  jpeg_finish_compress(&cinfo);
  jpeg_destroy_compress(&cinfo);
  *out = target;
  *out_len = buffer_len;
  return PMC_OK;
}
