// Process memory set-up for the executables: large blocks from one heap backed by transparent
// huge pages. Not called by the library.
#define _GNU_SOURCE
#include "CPhotoCodecs.h"

#if defined(__linux__) && defined(__GLIBC__)
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>
#endif

int pmc_prefer_huge_pages(size_t reserve) {
#if defined(__linux__) && defined(__GLIBC__) && defined(MADV_HUGEPAGE)
  const uintptr_t huge = (uintptr_t)2 << 20;
  if (reserve < huge || reserve > ((size_t)1 << 30)) return PMC_ERR_ARGUMENT;
  // glibc mallopt(3): one arena for every thread; blocks up to 32 MB (the largest threshold it
  // takes) from the heap instead of one mapping each that free() unmaps; freed memory kept for
  // reuse; the heap grown by `reserve` at a time (address space, not memory, until touched).
  if (mallopt(M_ARENA_MAX, 1) == 0 || mallopt(M_MMAP_THRESHOLD, 32 << 20) == 0 ||
      mallopt(M_TRIM_THRESHOLD, 1 << 30) == 0 || mallopt(M_TOP_PAD, (int)reserve) == 0) {
    return PMC_ERR_ARGUMENT;
  }
  uintptr_t before = (uintptr_t)sbrk(0);
  // Grows the heap by the pad now (volatile: a compiler may drop an unused malloc/free pair).
  char *volatile probe = malloc((size_t)1 << 20);
  if (probe != NULL) probe[0] = 0;
  uintptr_t after = (uintptr_t)sbrk(0);
  free(probe);
  uintptr_t start = (before + huge - 1) & ~(huge - 1);
  if (probe == NULL || after <= start + huge) return PMC_ERR_NO_MEMORY;
  // madvise(2): the kernel may back the new part of the heap with 2 MB pages (one fault per 2 MB).
  if (madvise((void *)start, (after - start) & ~(huge - 1), MADV_HUGEPAGE) != 0) return PMC_ERR_UNSUPPORTED;
  return PMC_OK;
#else
  (void)reserve;
  return PMC_ERR_UNSUPPORTED;
#endif
}
