/* Tensor buffer cache; see pool.h. */
#include "pool.h"

#include <stdlib.h>

/* enough for every activation a training step keeps for its backward pass */
#define SLOTS 1024

struct dt_pool {
  int refcount;
  size_t max_bytes, cached_bytes;
  unsigned long clock; /* for least-recently-cached eviction */
  struct {
    void *block;
    size_t size;
    unsigned long stamp;
  } slot[SLOTS];
};

dt_pool *dt_pool_new(size_t max_cached_bytes) {
  dt_pool *p = calloc(1, sizeof *p);
  if (!p)
    return NULL;
  p->refcount = 1;
  p->max_bytes = max_cached_bytes;
  return p;
}

void dt_pool_retain(dt_pool *p) { p->refcount++; }

void dt_pool_release(dt_pool *p) {
  if (!p || --p->refcount > 0)
    return;
  for (int i = 0; i < SLOTS; i++)
    free(p->slot[i].block);
  free(p);
}

size_t dt_pool_cached_bytes(const dt_pool *p) { return p ? p->cached_bytes : 0; }

/* Block sizes are rounded to whole pages so near sizes share blocks. */
static size_t block_size(size_t nbytes) { return (nbytes + 4095) & ~(size_t)4095; }

/* Frees the oldest cached blocks until `size` more bytes fit the limit. */
static void make_room(dt_pool *p, size_t size) {
  while (p->cached_bytes && p->cached_bytes + size > p->max_bytes) {
    int old = -1;
    for (int i = 0; i < SLOTS; i++)
      if (p->slot[i].block && (old < 0 || p->slot[i].stamp < p->slot[old].stamp))
        old = i;
    free(p->slot[old].block);
    p->cached_bytes -= p->slot[old].size;
    p->slot[old].block = NULL;
  }
}

void dt_pool_set_limit(dt_pool *p, size_t max_cached_bytes) {
  p->max_bytes = max_cached_bytes;
  make_room(p, 0);
}

size_t dt_pool_limit(const dt_pool *p) { return p ? p->max_bytes : 0; }

static void put_back(dt_pool *p, void *block, size_t size) {
  if (size > p->max_bytes) {
    free(block);
    return;
  }
  make_room(p, size);
  int free_slot = -1, old = -1;
  for (int i = 0; i < SLOTS; i++) {
    if (!p->slot[i].block)
      free_slot = i;
    else if (old < 0 || p->slot[i].stamp < p->slot[old].stamp)
      old = i;
  }
  if (free_slot < 0) { /* every slot taken: the oldest goes */
    free(p->slot[old].block);
    p->cached_bytes -= p->slot[old].size;
    free_slot = old;
  }
  p->slot[free_slot].block = block;
  p->slot[free_slot].size = size;
  p->slot[free_slot].stamp = ++p->clock;
  p->cached_bytes += size;
}

static void release_pooled(dt_storage *s) {
  dt_pool *p = s->owner;
  put_back(p, s->base, block_size(s->nbytes));
  dt_pool_release(p);
}

dt_storage *dt_pool_storage(dt_pool *p, size_t nbytes) {
  if (!p || nbytes < DT_POOL_MIN_BLOCK)
    return dt_storage_new(nbytes);
  size_t size = block_size(nbytes);
  void *block = NULL;
  for (int i = 0; i < SLOTS; i++)
    if (p->slot[i].block && p->slot[i].size == size) {
      block = p->slot[i].block;
      p->slot[i].block = NULL;
      p->cached_bytes -= size;
      break;
    }
  if (!block) {
    dt_storage *fresh = dt_storage_new(size); /* malloc and the huge-page hint */
    if (!fresh)
      return NULL;
    block = fresh->base;
    fresh->release = NULL; /* keep the block, drop the wrapper */
    dt_storage_release(fresh);
  }
  dt_storage *s = dt_storage_wrap(block, nbytes, release_pooled);
  if (!s) {
    free(block);
    return NULL;
  }
  s->owner = p;
  dt_pool_retain(p);
  return s;
}

dt_status dt_alloc_pooled(dt_pool *p, dt_tensor *t, const int64_t *shape, int ndim, dt_err *err) {
  int64_t numel;
  dt_status st = dt_shape_check(shape, ndim, &numel, err);
  if (st)
    return st;
  size_t nbytes = (size_t)numel * sizeof(float);
  dt_storage *s = dt_pool_storage(p, nbytes);
  if (!s) {
    char buf[160];
    dt_shape_format(shape, ndim, buf, sizeof buf);
    return dt_fail(err, DT_ENOMEM, "cannot allocate %zu bytes for shape %s", nbytes, buf);
  }
  dt_tensor_adopt(t, s, shape, ndim, numel);
  return DT_OK;
}
