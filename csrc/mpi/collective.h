/* Collectives over MPI_COMM_WORLD whose results do not depend on timing:
 * sums are taken in one fixed order (a ring for float32 vectors, rank order
 * for float64 ones), so a run on N ranks is bit-identical from run to run.
 * Every wait has a deadline: a rank that died or stopped answering makes the
 * others fail with DT_COLL_TIMEOUT instead of hanging. Lua-free. */
#ifndef DIFFUSION_COLLECTIVE_H
#define DIFFUSION_COLLECTIVE_H

#include <stddef.h>
#include <stdint.h>

typedef enum {
  DT_COLL_OK = 0,
  DT_COLL_TIMEOUT, /* a peer did not answer within the deadline */
  DT_COLL_ERROR,   /* MPI reported an error, or a message was too large */
} dt_coll_status;

/* Seconds every collective waits for its peers before failing. */
void dt_coll_set_timeout(double seconds);
double dt_coll_timeout(void);

int dt_coll_rank(void);
int dt_coll_size(void);

dt_coll_status dt_coll_barrier(void);
/* Sums x[0..n) over the ranks into every rank's x: a ring reduce-scatter then
 * allgather, 2 (N - 1) / N * n floats sent per rank, each chunk summed in ring
 * order. scratch holds n / N + 1 floats. */
dt_coll_status dt_coll_allreduce_f32(float *x, int64_t n, float *scratch);
/* Sums x[0..n) over the ranks in rank order (0 + 1 + ... + N-1): every rank
 * gathers all, so keep n small. scratch holds N * n doubles. */
dt_coll_status dt_coll_allreduce_f64(double *x, int64_t n, double *scratch);
dt_coll_status dt_coll_broadcast(void *buf, int64_t nbytes, int root);
/* Gathers each rank's nbytes[rank] bytes at root (recv: sum of nbytes,
 * rank order; root only) or at every rank when root < 0 (allgather). */
dt_coll_status dt_coll_gatherv(const void *send, int64_t nbytes, void *recv, const int64_t *counts,
                               int root);
/* Gathers k int64s from every rank into all[0..N k) at every rank, in rank
 * order. */
dt_coll_status dt_coll_allgather_i64(const int64_t *values, int k, int64_t *all);

/* What the last failure was, in words ("a rank did not answer within 600 s
 * (it died, hangs or never got here)"). */
const char *dt_coll_error(void);

#endif
