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

/// Decodes from memory (`data`, `len`) or, when `file` is not NULL, streams from `file`; `data` then
/// holds the file's first bytes for the signature check.
static int32_t decode_jpeg(const uint8_t *data, size_t len, FILE *file, const pmc_options *options, pmc_image *out) {
  if (data == NULL || len < 3 || data[0] != 0xFF || data[1] != 0xD8) {
    pmc_set_message(out->message, sizeof out->message, "not a JPEG file (no start-of-image marker)");
    return PMC_ERR_CORRUPT;
  }
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
    free(out->icc);
    out->icc = NULL;
    out->icc_len = 0;
    jpeg_destroy_decompress(&cinfo);
    return guard.status == PMC_OK ? PMC_ERR_CORRUPT : guard.status;
  }
  jpeg_create_decompress(&cinfo);
  // Bound libjpeg's own working memory (progressive coefficient buffers and the like).
  cinfo.mem->max_memory_to_use = 2048L * 1024L * 1024L;
  scan_limit scans;
  memset(&scans, 0, sizeof scans);
  scans.base.progress_monitor = on_jpeg_progress;
  scans.max_scans = options->max_scans;
  cinfo.progress = &scans.base;
  if (file != NULL) {
    use_file_source(&cinfo, file);
  } else {
    jpeg_mem_src(&cinfo, data, (unsigned long)len);
  }
  jpeg_save_markers(&cinfo, JPEG_APP0 + 1, 0xFFFF);
  jpeg_save_markers(&cinfo, JPEG_APP0 + 2, 0xFFFF);
  jpeg_read_header(&cinfo, TRUE);

  out->file_width = (int32_t)cinfo.image_width;
  out->file_height = (int32_t)cinfo.image_height;
  out->file_bit_depth = cinfo.data_precision;
  out->progressive = cinfo.progressive_mode;
  out->arithmetic = cinfo.arith_code;
  out->orientation = orientation_from_markers(&cinfo);
  switch (cinfo.jpeg_color_space) {
    case JCS_GRAYSCALE: out->file_kind = PMC_KIND_GRAY; break;
    case JCS_CMYK: out->file_kind = PMC_KIND_CMYK; break;
    case JCS_YCCK: out->file_kind = PMC_KIND_YCCK; break;
    default: out->file_kind = PMC_KIND_RGB; break;
  }
  if (cinfo.data_precision != 8) {
    guard.status = PMC_ERR_UNSUPPORTED;
    pmc_set_message(out->message, sizeof out->message, "%d-bit JPEG is not supported (8-bit only)",
                    cinfo.data_precision);
    longjmp(guard.jump, 1);
  }
  JOCTET *icc = NULL;
  unsigned int icc_len = 0;
  if (jpeg_read_icc_profile(&cinfo, &icc, &icc_len) && icc != NULL) {
    out->icc = icc;
    out->icc_len = icc_len;
  }
  int cmyk = cinfo.jpeg_color_space == JCS_CMYK || cinfo.jpeg_color_space == JCS_YCCK;
  out->cmyk_inverted = cmyk && cinfo.saw_Adobe_marker;
  cinfo.out_color_space = cmyk ? JCS_CMYK : JCS_RGB;
  denom = choose_denominator(&cinfo, options);
  cinfo.scale_num = 1;
  cinfo.scale_denom = (unsigned int)denom;
  out->reduce_factor = denom;
  jpeg_calc_output_dimensions(&cinfo);
  // Progressive and multi-scan files buffer every coefficient at full size; others stream.
  uint64_t held = jpeg_has_multiple_scans(&cinfo)
                      ? (uint64_t)cinfo.image_width * cinfo.image_height
                      : (uint64_t)cinfo.output_width * cinfo.output_height;
  if (pmc_check_size(out, options, cinfo.image_width, cinfo.image_height, held) != PMC_OK ||
      pmc_check_downscaled(out, options, cinfo.image_width, cinfo.image_height, cinfo.output_width,
                           cinfo.output_height) != PMC_OK) {
    guard.status = PMC_ERR_TOO_LARGE;
    longjmp(guard.jump, 1);
  }
  size_t width = cinfo.output_width, height = cinfo.output_height;
  size_t components = (size_t)cinfo.output_components;
  size_t row_bytes = width * components;
  out->pixel_bytes = (uint64_t)row_bytes * height;
  if (jpeg_has_multiple_scans(&cinfo)) {  // The whole-image coefficient buffer (one JBLOCK = 128 bytes).
    for (int c = 0; c < cinfo.num_components; c++) {
      out->pixel_bytes += (uint64_t)cinfo.comp_info[c].width_in_blocks * cinfo.comp_info[c].height_in_blocks * 128;
    }
  }
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

  out->width = (int32_t)width;
  out->height = (int32_t)height;
  out->sample_bits = 8;
  out->warnings = guard.base.num_warnings;
  out->icc_malformed = guard.icc_malformed;
  if (!out->warnings) out->message[0] = '\0';
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
  jpeg_create_decompress(&cinfo);
  if (file != NULL) {
    use_file_source(&cinfo, file);
  } else {
    jpeg_mem_src(&cinfo, data, (unsigned long)len);
  }
  jpeg_save_markers(&cinfo, JPEG_APP0 + 1, 0xFFFF);
  jpeg_save_markers(&cinfo, JPEG_APP0 + 2, 0xFFFF);
  jpeg_read_header(&cinfo, TRUE);
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

int32_t pmc_decode_jpeg_file(FILE *file, const pmc_options *options, pmc_image *out) {
  if (out == NULL || options == NULL || file == NULL) return PMC_ERR_ARGUMENT;
  memset(out, 0, sizeof *out);
  uint8_t head[4];
  size_t got = 0;
  if (pmc_peek_file(file, head, sizeof head, &got, out) != PMC_OK) return PMC_ERR_ARGUMENT;
  return decode_jpeg(head, got, file, options, out);
}

int32_t pmc_encode_jpeg(const uint8_t *rgb, int32_t width, int32_t height, int32_t quality,
                        const uint8_t *icc, uint32_t icc_len, uint8_t **out, size_t *out_len,
                        char *message, size_t message_len) {
  if (rgb == NULL || out == NULL || out_len == NULL || width <= 0 || height <= 0 || quality < 1 ||
      quality > 100) {
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
  cinfo.input_components = 3;
  cinfo.in_color_space = JCS_RGB;
  jpeg_set_defaults(&cinfo);
  jpeg_set_quality(&cinfo, quality, TRUE);
  jpeg_start_compress(&cinfo, TRUE);
  if (icc != NULL && icc_len > 0) jpeg_write_icc_profile(&cinfo, icc, icc_len);
  size_t row_bytes = (size_t)width * 3;
  while (cinfo.next_scanline < cinfo.image_height) {
    JSAMPROW row = (JSAMPROW)(rgb + (size_t)cinfo.next_scanline * row_bytes);
    jpeg_write_scanlines(&cinfo, &row, 1);
  }
  jpeg_finish_compress(&cinfo);
  jpeg_destroy_compress(&cinfo);
  *out = target;
  *out_len = buffer_len;
  return PMC_OK;
}
