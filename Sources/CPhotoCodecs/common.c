#include <stdlib.h>
#include "internal.h"

void pmc_image_free(pmc_image *image) {
  if (image == NULL) return;
  free(image->pixels);
  free(image->icc);
  free(image->alpha);
  image->alpha = NULL;
  image->pixels = NULL;
  image->icc = NULL;
  image->pixels_len = 0;
  image->icc_len = 0;
}

void pmc_free(void *pointer) { free(pointer); }
