// EXIF orientation: a bounds-checked walk of IFD0 for tag 0x0112 (EXIF 2.32, TIFF 6.0 §2).
#include "internal.h"

static uint32_t read16(const uint8_t *p, int little) {
  return little ? (uint32_t)(p[0] | (p[1] << 8)) : (uint32_t)((p[0] << 8) | p[1]);
}

static uint32_t read32(const uint8_t *p, int little) {
  return little ? ((uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24))
                : (((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | (uint32_t)p[3]);
}

int32_t pmc_exif_orientation(const uint8_t *tiff, size_t len) {
  if (tiff == NULL || len < 8) return 0;
  int little;
  if (tiff[0] == 'I' && tiff[1] == 'I') little = 1;
  else if (tiff[0] == 'M' && tiff[1] == 'M') little = 0;
  else return 0;
  if (read16(tiff + 2, little) != 42) return 0;
  uint32_t ifd = read32(tiff + 4, little);
  if (ifd > len || len - ifd < 2) return 0;
  uint32_t count = read16(tiff + ifd, little);
  for (uint32_t i = 0; i < count; i++) {
    size_t entry = (size_t)ifd + 2 + (size_t)i * 12;
    if (entry + 12 > len) return 0;
    if (read16(tiff + entry, little) == 0x0112) {
      uint32_t type = read16(tiff + entry + 2, little);
      if (type != 3) return 0;  // SHORT
      uint32_t value = read16(tiff + entry + 8, little);
      return (value >= 1 && value <= 8) ? (int32_t)value : 0;
    }
  }
  return 0;
}
