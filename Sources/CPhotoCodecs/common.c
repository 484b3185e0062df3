#include <stdlib.h>
#include "internal.h"

void pmc_image_free(pmc_image *image) {
  if (image == NULL) return;
  if (!image->pixels_borrowed) free(image->pixels);
  free(image->icc);
  free(image->alpha);
  image->alpha = NULL;
  image->pixels = NULL;
  image->icc = NULL;
  image->pixels_len = 0;
  image->icc_len = 0;
}

void pmc_free(void *pointer) { free(pointer); }

int32_t pmc_check_size(pmc_image *out, const pmc_options *options, uint64_t width, uint64_t height, uint64_t held) {
  uint64_t limit = 0;
  if (width * height > options->max_file_pixels) {
    limit = options->max_file_pixels;
  } else if (held > options->max_pixels) {
    limit = options->max_pixels;
  } else {
    return PMC_OK;
  }
  out->limit_hit = limit;
  pmc_set_message(out->message, sizeof out->message, "%llux%llu pixels is over the limit of %llu pixels",
                  (unsigned long long)width, (unsigned long long)height, (unsigned long long)limit);
  return PMC_ERR_TOO_LARGE;
}

int32_t pmc_check_downscaled(pmc_image *out, const pmc_options *options, uint64_t width, uint64_t height,
                             uint64_t out_width, uint64_t out_height) {
  uint64_t limit = options->max_downscaled_pixels;
  if (options->min_short_side <= 0 || limit == 0 || out_width * out_height <= limit) return PMC_OK;
  out->limit_hit = limit;
  pmc_set_message(out->message, sizeof out->message,
                  "%llux%llu pixels decodes to %llux%llu, over the limit of %llu pixels for a downscaled decode",
                  (unsigned long long)width, (unsigned long long)height, (unsigned long long)out_width,
                  (unsigned long long)out_height, (unsigned long long)limit);
  return PMC_ERR_TOO_LARGE;
}

int32_t pmc_peek_file(FILE *file, uint8_t *head, size_t size, size_t *got, pmc_image *out) {
  *got = fread(head, 1, size, file);
  if (fseek(file, 0, SEEK_SET) != 0) {
    pmc_set_message(out->message, sizeof out->message, "cannot seek in the file");
    return PMC_ERR_ARGUMENT;
  }
  return PMC_OK;
}

int pmc_reduction_factor(uint64_t width, uint64_t height, int32_t min_short_side) {
  if (min_short_side <= 0) return 1;
  uint64_t shorter = width < height ? width : height;
  int factor = 1;
  while (factor < 64 && shorter / (uint64_t)(factor * 2) >= (uint64_t)min_short_side) factor *= 2;
  return factor;
}
