// Row-by-row box filtering in linear light (the downscaled decode of PNG, interlaced or not, and of
// HEIF/AVIF): one decoded row, the reduced output and its accumulators live at once.
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

uint64_t pmc_reduce_bytes(uint64_t in_width, uint64_t out_width, uint64_t out_height, int interlaced,
                          size_t row_bytes) {
  uint64_t sum_rows = interlaced ? out_height : 1;
  return row_bytes + 12 * in_width + 32 * out_width * sum_rows + 16 * out_width * out_height;
}

pmc_reduce *pmc_reduce_begin(pmc_image *out, int factor, size_t row_bytes) {
  pmc_reduce *r = (pmc_reduce *)calloc(1, sizeof *r);
  if (r == NULL) return NULL;
  r->factor = factor;
  r->sixteen = out->sample_bits == 16;
  r->channels = out->channels;
  r->interlaced = out->interlaced;
  r->in_width = (size_t)out->file_width;
  r->out_width = r->in_width / (size_t)factor;
  r->out_height = (size_t)out->file_height / (size_t)factor;
  r->sum_rows = r->interlaced ? r->out_height : 1;
  out->width = (int32_t)r->out_width;
  out->height = (int32_t)r->out_height;
  if (pmc_linearizer_init_for_image(&r->lin, out) != PMC_OK) {
    pmc_reduce_free(r);
    return NULL;
  }
  size_t out_count = r->out_width * r->out_height;
  size_t sums = r->out_width * r->sum_rows;
  r->row = (uint8_t *)malloc(row_bytes ? row_bytes : 1);
  r->linear = (float *)malloc(sizeof(float) * 3 * (r->in_width ? r->in_width : 1));
  r->sum = (double *)calloc(3 * (sums ? sums : 1), sizeof(double));
  r->weight = (double *)calloc(sums ? sums : 1, sizeof(double));
  r->pixels = (float *)calloc(3 * (out_count ? out_count : 1), sizeof(float));
  r->alpha = (float *)calloc(out_count ? out_count : 1, sizeof(float));
  if (!r->row || !r->linear || !r->sum || !r->weight || !r->pixels || !r->alpha) {
    pmc_reduce_free(r);
    return NULL;
  }
  return r;
}

/// Writes output row `out_y` from accumulator row `s` and clears the accumulator.
static void reduce_emit(pmc_reduce *r, size_t out_y, size_t s) {
  double area = (double)r->factor * (double)r->factor;
  double *sum = r->sum + 3 * s * r->out_width, *weight = r->weight + s * r->out_width;
  for (size_t o = 0; o < r->out_width; o++) {
    size_t i = out_y * r->out_width + o;
    double w = weight[o];
    for (int c = 0; c < 3; c++) r->pixels[3 * i + (size_t)c] = w > 0 ? (float)(sum[3 * o + (size_t)c] / w) : 0.0f;
    r->alpha[i] = (float)(w / area);
  }
  memset(sum, 0, sizeof(double) * 3 * r->out_width);
  memset(weight, 0, sizeof(double) * r->out_width);
}

void pmc_reduce_add(pmc_reduce *r, size_t y, size_t count, size_t x0, size_t dx) {
  size_t out_y = y / (size_t)r->factor;
  if (out_y >= r->out_height) return;  // Rows past the last whole block are dropped.
  pmc_linearize_row(&r->lin, r->row, r->linear, count);
  size_t s = r->interlaced ? out_y : 0;
  double *sum = r->sum + 3 * s * r->out_width, *weight = r->weight + s * r->out_width;
  const uint16_t *row16 = (const uint16_t *)(const void *)r->row;
  size_t channels = (size_t)r->channels;
  int opaque = r->channels < 4;
  size_t limit = r->out_width * (size_t)r->factor;  // Columns past the last whole block are dropped.
  for (size_t k = 0; k < count; k++) {
    size_t x = x0 + k * dx;
    if (x >= limit) break;
    double a = opaque ? 1.0 : r->sixteen ? row16[channels * k + 3] / 65535.0 : r->row[channels * k + 3] / 255.0;
    size_t o = x / (size_t)r->factor;
    sum[3 * o] += a * r->linear[3 * k];
    sum[3 * o + 1] += a * r->linear[3 * k + 1];
    sum[3 * o + 2] += a * r->linear[3 * k + 2];
    weight[o] += a;
  }
  if (!r->interlaced && (y + 1) % (size_t)r->factor == 0) reduce_emit(r, out_y, 0);
}

void pmc_reduce_add_row(pmc_reduce *r, uint32_t y) { pmc_reduce_add(r, (size_t)y, r->in_width, 0, 1); }

void pmc_reduce_finish(pmc_reduce *r, pmc_image *out) {
  if (r->interlaced) {
    for (size_t out_y = 0; out_y < r->out_height; out_y++) reduce_emit(r, out_y, out_y);
  }
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
