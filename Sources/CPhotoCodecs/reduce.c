// Row-by-row box filtering in linear light (the downscaled decode of non-interlaced PNG and of
// HEIF/AVIF): only one decoded row and one accumulator row live at once besides the output.
#include <stdlib.h>
#include "internal.h"

void pmc_reduce_free(pmc_reduce *r) {
  if (r == NULL) return;
  pmc_linearizer_free(&r->lin);
  free(r->row);
  free(r->linear);
  free(r->sum);
  free(r->weight);
  free(r->pixels);
  free(r->alpha);
  free(r);
}

pmc_reduce *pmc_reduce_begin(pmc_image *out, int factor, size_t row_bytes) {
  pmc_reduce *r = (pmc_reduce *)calloc(1, sizeof *r);
  if (r == NULL) return NULL;
  r->factor = factor;
  r->sixteen = out->sample_bits == 16;
  r->channels = out->channels;
  r->in_width = (size_t)out->file_width;
  r->out_width = r->in_width / (size_t)factor;
  r->out_height = (size_t)out->file_height / (size_t)factor;
  out->width = (int32_t)r->out_width;
  out->height = (int32_t)r->out_height;
  int32_t source = pmc_color_source(out);
  if (pmc_linearizer_init(&r->lin, out, source, out->profile_message, sizeof out->profile_message) != PMC_OK) {
    out->profile_failed = 1;
    if (pmc_linearizer_init(&r->lin, out, PMC_SOURCE_ASSUMED_SRGB, NULL, 0) != PMC_OK) {
      pmc_reduce_free(r);
      return NULL;
    }
  }
  size_t out_count = r->out_width * r->out_height;
  r->row = (uint8_t *)malloc(row_bytes ? row_bytes : 1);
  r->linear = (float *)malloc(sizeof(float) * 3 * (r->in_width ? r->in_width : 1));
  r->sum = (double *)calloc(3 * (r->out_width ? r->out_width : 1), sizeof(double));
  r->weight = (double *)calloc(r->out_width ? r->out_width : 1, sizeof(double));
  r->pixels = (float *)calloc(3 * (out_count ? out_count : 1), sizeof(float));
  r->alpha = (float *)calloc(out_count ? out_count : 1, sizeof(float));
  if (!r->row || !r->linear || !r->sum || !r->weight || !r->pixels || !r->alpha) {
    pmc_reduce_free(r);
    return NULL;
  }
  return r;
}

void pmc_reduce_add_row(pmc_reduce *r, uint32_t y) {
  size_t out_y = (size_t)y / (size_t)r->factor;
  if (out_y >= r->out_height) return;  // Rows past the last whole block are dropped.
  pmc_linearize_row(&r->lin, r->row, r->linear, r->in_width);
  const uint16_t *row16 = (const uint16_t *)(const void *)r->row;
  size_t channels = (size_t)r->channels;
  int opaque = r->channels < 4;
  for (size_t x = 0; x < r->out_width * (size_t)r->factor; x++) {
    double a = opaque ? 1.0 : r->sixteen ? row16[channels * x + 3] / 65535.0 : r->row[channels * x + 3] / 255.0;
    size_t o = x / (size_t)r->factor;
    r->sum[3 * o] += a * r->linear[3 * x];
    r->sum[3 * o + 1] += a * r->linear[3 * x + 1];
    r->sum[3 * o + 2] += a * r->linear[3 * x + 2];
    r->weight[o] += a;
  }
  if (((size_t)y + 1) % (size_t)r->factor != 0) return;
  double area = (double)r->factor * (double)r->factor;
  for (size_t o = 0; o < r->out_width; o++) {
    size_t i = out_y * r->out_width + o;
    double w = r->weight[o];
    for (int c = 0; c < 3; c++) r->pixels[3 * i + (size_t)c] = w > 0 ? (float)(r->sum[3 * o + (size_t)c] / w) : 0.0f;
    r->alpha[i] = (float)(w / area);
  }
  memset(r->sum, 0, sizeof(double) * 3 * r->out_width);
  memset(r->weight, 0, sizeof(double) * r->out_width);
}

void pmc_reduce_finish(pmc_reduce *r, pmc_image *out) {
  out->pixels = (uint8_t *)r->pixels;
  out->pixels_len = sizeof(float) * 3 * r->out_width * r->out_height;
  out->linear_float = 1;
  out->channels = 3;
  if (out->has_alpha) {
    out->alpha = r->alpha;
    r->alpha = NULL;
  }
  r->pixels = NULL;
  pmc_reduce_free(r);
}
