/* Storage, shapes, views and thread settings. */
#include "tensor.h"

#include <cblas.h>
#include <omp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

dt_status dt_fail(dt_err *err, dt_status st, const char *fmt, ...) {
  if (err) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
  }
  return st;
}

static void release_malloc(dt_storage *s) { free(s->base); }

/* From this size on, ask for transparent huge pages: a fresh 64 MiB tensor
 * then takes 32 page faults instead of 16384 (NumPy does the same). */
#define HUGE_FROM ((size_t)4 << 20)
#define HUGE_PAGE ((uintptr_t)2 << 20)

dt_storage *dt_storage_new(size_t nbytes) {
  /* Plain malloc (16-byte aligned), not aligned_alloc: glibc cannot reuse a
   * freed memalign block for the next, slightly larger memalign request, and
   * a loop of big temporaries then grows the heap without bound. */
  void *p = malloc(nbytes ? nbytes : 1);
  if (!p)
    return NULL;
  if (nbytes >= HUGE_FROM) {
    uintptr_t lo = ((uintptr_t)p + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
    uintptr_t hi = ((uintptr_t)p + nbytes) & ~(HUGE_PAGE - 1);
    if (hi > lo)
      madvise((void *)lo, hi - lo, MADV_HUGEPAGE); /* a hint: failure is fine */
  }
  dt_storage *s = dt_storage_wrap(p, nbytes, release_malloc);
  if (!s)
    free(p);
  return s;
}

dt_storage *dt_storage_wrap(void *base, size_t nbytes, void (*release)(dt_storage *s)) {
  dt_storage *s = malloc(sizeof *s);
  if (!s)
    return NULL;
  s->refcount = 1;
  s->nbytes = nbytes;
  s->base = base;
  s->owner = NULL;
  s->release = release;
  return s;
}

void dt_storage_retain(dt_storage *s) { s->refcount++; }

void dt_storage_release(dt_storage *s) {
  if (!s || --s->refcount > 0)
    return;
  if (s->release)
    s->release(s);
  free(s);
}

dt_status dt_shape_check(const int64_t *shape, int ndim, int64_t *numel, dt_err *err) {
  if (ndim < 0 || ndim > DT_MAX_DIMS)
    return dt_fail(err, DT_EARG, "%d dimensions (at most %d allowed)", ndim, DT_MAX_DIMS);
  int64_t n = 1;
  for (int i = 0; i < ndim; i++) {
    if (shape[i] < 0)
      return dt_fail(err, DT_EARG, "negative size %lld in dimension %d", (long long)shape[i],
                     i + 1);
    if (shape[i] > 0 && n > DT_MAX_NUMEL / shape[i]) {
      char buf[160];
      dt_shape_format(shape, ndim, buf, sizeof buf);
      return dt_fail(err, DT_EARG, "shape %s has more than 2^40 elements", buf);
    }
    n *= shape[i];
  }
  if (numel)
    *numel = n;
  return DT_OK;
}

void dt_shape_format(const int64_t *shape, int ndim, char *buf, size_t len) {
  size_t used = 0;
  int w = snprintf(buf, len, "{");
  if (w > 0)
    used = (size_t)w;
  for (int i = 0; i < ndim && used < len; i++) {
    w = snprintf(buf + used, len - used, i ? ",%lld" : "%lld", (long long)shape[i]);
    if (w < 0)
      break;
    used += (size_t)w;
  }
  if (used < len)
    snprintf(buf + used, len - used, "}");
}

int dt_shape_equal(const dt_tensor *a, const dt_tensor *b) {
  if (a->ndim != b->ndim)
    return 0;
  for (int i = 0; i < a->ndim; i++)
    if (a->shape[i] != b->shape[i])
      return 0;
  return 1;
}

static void set_shape(dt_tensor *t, const int64_t *shape, int ndim, int64_t numel) {
  t->ndim = ndim;
  for (int i = 0; i < ndim; i++)
    t->shape[i] = shape[i];
  for (int i = ndim; i < DT_MAX_DIMS; i++)
    t->shape[i] = 1;
  t->numel = numel;
}

void dt_tensor_adopt(dt_tensor *t, dt_storage *s, const int64_t *shape, int ndim, int64_t numel) {
  dt_free(t);
  t->storage = s;
  t->data = s->base;
  t->bits16 = NULL;
  t->dtype = DT_F32;
  set_shape(t, shape, ndim, numel);
}

dt_status dt_alloc_dtype(dt_tensor *t, const int64_t *shape, int ndim, dt_dtype dtype,
                         dt_err *err) {
  if (dtype != DT_F32 && dtype != DT_F16 && dtype != DT_BF16)
    return dt_fail(err, DT_EARG, "a tensor holds float32, float16 or bfloat16");
  int64_t numel;
  dt_status st = dt_shape_check(shape, ndim, &numel, err);
  if (st)
    return st;
  size_t nbytes = (size_t)numel * (dtype == DT_F32 ? sizeof(float) : sizeof(uint16_t));
  dt_storage *s = dt_storage_new(nbytes);
  if (!s) {
    char buf[160];
    dt_shape_format(shape, ndim, buf, sizeof buf);
    return dt_fail(err, DT_ENOMEM, "cannot allocate %zu bytes for shape %s", nbytes, buf);
  }
  dt_tensor_adopt(t, s, shape, ndim, numel);
  if (dtype != DT_F32) {
    t->data = NULL;
    t->bits16 = s->base;
    t->dtype = dtype;
  }
  return DT_OK;
}

dt_status dt_alloc(dt_tensor *t, const int64_t *shape, int ndim, dt_err *err) {
  return dt_alloc_dtype(t, shape, ndim, DT_F32, err);
}

dt_status dt_view(dt_tensor *t, const dt_tensor *src, int64_t offset, const int64_t *shape,
                  int ndim, dt_err *err) {
  int64_t numel;
  dt_status st = dt_shape_check(shape, ndim, &numel, err);
  if (st)
    return st;
  if (offset < 0 || offset > src->numel || numel > src->numel - offset)
    return dt_fail(err, DT_EARG, "view of %lld elements at offset %lld is outside %lld",
                   (long long)numel, (long long)offset, (long long)src->numel);
  dt_storage *s = src->storage;
  dt_dtype dtype = src->dtype;
  float *data = dtype == DT_F32 && src->data ? src->data + offset : NULL;
  uint16_t *bits16 = dtype != DT_F32 && src->bits16 ? src->bits16 + offset : NULL;
  if (s)
    dt_storage_retain(s);
  dt_free(t);
  t->storage = s;
  t->data = data;
  t->bits16 = bits16;
  t->dtype = dtype;
  set_shape(t, shape, ndim, numel);
  return DT_OK;
}

void dt_free(dt_tensor *t) {
  dt_storage_release(t->storage);
  t->storage = NULL;
  t->data = NULL;
  t->bits16 = NULL;
  t->dtype = DT_F32;
  t->numel = 0;
}

void dt_set_threads(int n) {
  if (n < 1)
    n = 1;
  omp_set_num_threads(n);
  openblas_set_num_threads(n);
}

int dt_get_threads(void) { return omp_get_max_threads(); }
