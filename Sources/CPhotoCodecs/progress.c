// Row progress of a decode running on another thread: the decoder publishes how many output rows
// are complete; a reader blocks until more are. A mutex and condition variable order the decoder's
// pixel writes before the reader's reads of the rows it was told about.
#include <pthread.h>
#include <stdlib.h>
#include "internal.h"

struct pmc_progress {
  pthread_mutex_t lock;
  pthread_cond_t changed;
  int32_t rows;
  int32_t done;
};

pmc_progress *pmc_progress_create(void) {
  pmc_progress *p = (pmc_progress *)calloc(1, sizeof *p);
  if (p == NULL) return NULL;
  if (pthread_mutex_init(&p->lock, NULL) != 0) {
    free(p);
    return NULL;
  }
  if (pthread_cond_init(&p->changed, NULL) != 0) {
    pthread_mutex_destroy(&p->lock);
    free(p);
    return NULL;
  }
  return p;
}

void pmc_progress_destroy(pmc_progress *p) {
  if (p == NULL) return;
  pthread_cond_destroy(&p->changed);
  pthread_mutex_destroy(&p->lock);
  free(p);
}

void pmc_progress_publish(pmc_progress *p, int32_t rows) {
  if (p == NULL) return;
  pthread_mutex_lock(&p->lock);
  if (rows > p->rows) p->rows = rows;
  pthread_cond_broadcast(&p->changed);
  pthread_mutex_unlock(&p->lock);
}

void pmc_progress_finish(pmc_progress *p) {
  if (p == NULL) return;
  pthread_mutex_lock(&p->lock);
  p->done = 1;
  pthread_cond_broadcast(&p->changed);
  pthread_mutex_unlock(&p->lock);
}

int32_t pmc_progress_wait(pmc_progress *p, int32_t seen, int32_t *done) {
  if (p == NULL) {
    if (done != NULL) *done = 1;
    return seen;
  }
  pthread_mutex_lock(&p->lock);
  while (p->rows <= seen && !p->done) pthread_cond_wait(&p->changed, &p->lock);
  int32_t rows = p->rows;
  if (done != NULL) *done = p->done;
  pthread_mutex_unlock(&p->lock);
  return rows;
}
