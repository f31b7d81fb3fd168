/* The weights a config fuzzer hands its model, by plan: after the config's
 * JSON and a NUL byte, one byte per weight lookup says what the "file" holds
 * for that name: the expected tensor, nothing, a tensor with one dimension
 * off, or a flattened one (the bytes cycle; none means every weight is
 * right). Shared by the config fuzzers. */
#ifndef DIFFUSION_FUZZ_WEIGHTS_H
#define DIFFUSION_FUZZ_WEIGHTS_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../csrc/core/tensor.h"

#define MAX_WEIGHTS 4096
#define MAX_WEIGHT_NUMEL (1 << 16) /* keeps each input fast; larger is "missing" */

typedef struct {
  const uint8_t *plan;
  size_t plan_len, next;
  dt_tensor held[MAX_WEIGHTS];
  int nheld;
} weights;

static inline const dt_tensor *lookup(void *ctx, const char *name, int ndim, const int64_t *shape) {
  weights *w = ctx;
  (void)name;
  int what = w->plan_len ? w->plan[w->next++ % w->plan_len] % 8 : 0;
  int64_t numel = 1;
  for (int d = 0; d < ndim; d++)
    numel *= shape[d];
  if (what == 5 || numel > MAX_WEIGHT_NUMEL || w->nheld == MAX_WEIGHTS)
    return NULL;
  int64_t s[DT_MAX_DIMS];
  memcpy(s, shape, sizeof(int64_t) * (size_t)ndim);
  int n = ndim;
  if (what == 6)
    s[0] += 1;
  else if (what == 7) {
    s[0] = numel;
    n = 1;
  }
  dt_tensor *t = &w->held[w->nheld];
  if (dt_alloc(t, s, n, NULL))
    return NULL;
  w->nheld++;
  for (int64_t k = 0; k < t->numel; k++)
    t->data[k] = (float)((k * 7919) % 101 - 50) * 1e-3f;
  return t;
}

/* The input split at its NUL: *json_len bytes of config, then the plan of a
 * fresh weights holder. Runs on one thread. */
static inline weights *fuzz_weights_new(const uint8_t *data, size_t size, size_t *json_len) {
  static int once;
  if (!once) {
    dt_set_threads(1);
    once = 1;
  }
  const uint8_t *nul = memchr(data, 0, size);
  *json_len = nul ? (size_t)(nul - data) : size;
  weights *w = calloc(1, sizeof *w);
  if (!w)
    abort();
  if (nul) {
    w->plan = nul + 1;
    w->plan_len = size - *json_len - 1;
  }
  return w;
}

static inline void fuzz_weights_free(weights *w) {
  for (int i = 0; i < w->nheld; i++)
    dt_free(&w->held[i]);
  free(w);
}

#endif
