/* A cache of freed tensor buffers. glibc serves blocks of 128 KiB and more
 * with fresh mmap'd pages, so a loop that makes and drops temporaries of the
 * same size would fault every page in again on every call; a pool keeps a
 * few freed blocks and hands them back for the next request of that size.
 * One pool per Lua state (no global state); refcounted, since storages can
 * outlive the state's reference to it. */
#ifndef DIFFUSION_POOL_H
#define DIFFUSION_POOL_H

#include "tensor.h"

#define DT_POOL_MIN_BLOCK ((size_t)64 << 10) /* smaller blocks: plain malloc */

typedef struct dt_pool dt_pool;

dt_pool *dt_pool_new(size_t max_cached_bytes); /* refcount 1; NULL when out of memory */
void dt_pool_retain(dt_pool *p);
void dt_pool_release(dt_pool *p); /* NULL is fine */
size_t dt_pool_cached_bytes(const dt_pool *p);
/* Sets how many bytes of freed blocks may wait in the cache (freeing the
 * oldest beyond it). */
void dt_pool_set_limit(dt_pool *p, size_t max_cached_bytes);
size_t dt_pool_limit(const dt_pool *p);
/* A storage of nbytes, from the cache when a block of that size waits there;
 * it returns to the pool when released. p may be NULL (plain malloc). */
dt_storage *dt_pool_storage(dt_pool *p, size_t nbytes);
/* dt_alloc through a pool. */
dt_status dt_alloc_pooled(dt_pool *p, dt_tensor *t, const int64_t *shape, int ndim, dt_err *err);

#endif
