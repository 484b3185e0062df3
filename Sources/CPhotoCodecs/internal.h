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

/// Reads the EXIF orientation (1…8) from a TIFF-structured EXIF block, 0 when absent or malformed.
int32_t pmc_exif_orientation(const uint8_t *tiff, size_t len);

#endif
