/* Deterministic, deadline-bounded collectives (collective.h). Each one posts
 * nonblocking MPI operations and polls them against a deadline, on a
 * communicator of its own (a duplicate of MPI_COMM_WORLD) so that a user's
 * own MPI calls cannot match its messages. */
#include "collective.h"

#include <limits.h>
#include <mpi.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

static MPI_Comm comm = MPI_COMM_NULL;
static double timeout_s = 600;
static char last_error[256];

enum { TAG_SCATTER = 101, TAG_GATHER = 102 };

static MPI_Comm world(void) {
  if (comm == MPI_COMM_NULL)
    MPI_Comm_dup(MPI_COMM_WORLD, &comm);
  return comm;
}

void dt_coll_set_timeout(double seconds) { timeout_s = seconds; }
double dt_coll_timeout(void) { return timeout_s; }
const char *dt_coll_error(void) { return last_error; }

int dt_coll_rank(void) {
  int r = 0;
  MPI_Comm_rank(world(), &r);
  return r;
}

int dt_coll_size(void) {
  int n = 1;
  MPI_Comm_size(world(), &n);
  return n;
}

static dt_coll_status fail(dt_coll_status st, const char *why) {
  snprintf(last_error, sizeof last_error, "%s", why);
  return st;
}

/* Polls the requests until all complete or the deadline passes; sleeps
 * briefly between polls once a wait is long, so an idle rank leaves its core
 * to the others. */
static dt_coll_status wait_all(int count, MPI_Request *req) {
  double deadline = MPI_Wtime() + timeout_s;
  for (unsigned polls = 0;; polls++) {
    int done = 0;
    if (MPI_Testall(count, req, &done, MPI_STATUSES_IGNORE) != MPI_SUCCESS)
      return fail(DT_COLL_ERROR, "MPI reported an error");
    if (done)
      return DT_COLL_OK;
    if (MPI_Wtime() > deadline) {
      char why[128];
      snprintf(why, sizeof why,
               "a rank did not answer within %g s (it died, hangs or never got here)", timeout_s);
      return fail(DT_COLL_TIMEOUT, why);
    }
    if (polls > 2000) {
      struct timespec pause = {0, 50000};
      nanosleep(&pause, NULL);
    }
  }
}

dt_coll_status dt_coll_barrier(void) {
  MPI_Request req;
  if (MPI_Ibarrier(world(), &req) != MPI_SUCCESS)
    return fail(DT_COLL_ERROR, "MPI reported an error");
  return wait_all(1, &req);
}

/* chunk c of n floats over size ranks: [lo, hi) */
static void chunk(int64_t n, int size, int c, int64_t *lo, int64_t *hi) {
  *lo = n * c / size;
  *hi = n * (c + 1) / size;
}

/* One ring step: send chunk `out` to the right neighbour, receive chunk `in`
 * from the left one into dst. */
static dt_coll_status ring_step(float *x, int64_t n, int out, int in, float *dst, int tag) {
  int rank = dt_coll_rank(), size = dt_coll_size();
  int64_t olo, ohi, ilo, ihi;
  chunk(n, size, out, &olo, &ohi);
  chunk(n, size, in, &ilo, &ihi);
  MPI_Request req[2];
  if (MPI_Irecv(dst, (int)(ihi - ilo), MPI_FLOAT, (rank + size - 1) % size, tag, world(),
                &req[0]) != MPI_SUCCESS ||
      MPI_Isend(x + olo, (int)(ohi - olo), MPI_FLOAT, (rank + 1) % size, tag, world(), &req[1]) !=
          MPI_SUCCESS)
    return fail(DT_COLL_ERROR, "MPI reported an error");
  return wait_all(2, req);
}

dt_coll_status dt_coll_allreduce_f32(float *x, int64_t n, float *scratch) {
  int rank = dt_coll_rank(), size = dt_coll_size();
  if (size == 1 || n == 0)
    return DT_COLL_OK;
  if (n / size + 1 > INT_MAX)
    return fail(DT_COLL_ERROR, "more than 2^31 floats per rank's chunk");
  /* reduce-scatter: after step k, chunk (rank - k - 1) holds k + 2 ranks'
   * terms; after size - 1 steps rank r holds the whole sum of chunk r + 1 */
  for (int k = 0; k < size - 1; k++) {
    int out = ((rank - k) % size + size) % size, in = ((rank - k - 1) % size + size) % size;
    dt_coll_status st = ring_step(x, n, out, in, scratch, TAG_SCATTER);
    if (st)
      return st;
    int64_t lo, hi;
    chunk(n, size, in, &lo, &hi);
    for (int64_t i = lo; i < hi; i++)
      x[i] = x[i] + scratch[i - lo];
  }
  /* allgather: the finished chunks travel round the ring, copied as they are */
  for (int k = 0; k < size - 1; k++) {
    int out = ((rank + 1 - k) % size + size) % size, in = ((rank - k) % size + size) % size;
    int64_t lo, hi;
    chunk(n, size, in, &lo, &hi);
    dt_coll_status st = ring_step(x, n, out, in, x + lo, TAG_GATHER);
    if (st)
      return st;
  }
  return DT_COLL_OK;
}

dt_coll_status dt_coll_allreduce_f64(double *x, int64_t n, double *scratch) {
  int size = dt_coll_size();
  if (size == 1 || n == 0)
    return DT_COLL_OK;
  if (n > INT_MAX)
    return fail(DT_COLL_ERROR, "more than 2^31 numbers");
  MPI_Request req;
  if (MPI_Iallgather(x, (int)n, MPI_DOUBLE, scratch, (int)n, MPI_DOUBLE, world(), &req) !=
      MPI_SUCCESS)
    return fail(DT_COLL_ERROR, "MPI reported an error");
  dt_coll_status st = wait_all(1, &req);
  if (st)
    return st;
  for (int64_t i = 0; i < n; i++) {
    double s = scratch[i];
    for (int r = 1; r < size; r++)
      s += scratch[(int64_t)r * n + i];
    x[i] = s;
  }
  return DT_COLL_OK;
}

dt_coll_status dt_coll_broadcast(void *buf, int64_t nbytes, int root) {
  /* in pieces of at most 1 GiB: MPI counts are ints */
  for (int64_t at = 0; at < nbytes; at += (int64_t)1 << 30) {
    int64_t len = nbytes - at < ((int64_t)1 << 30) ? nbytes - at : (int64_t)1 << 30;
    MPI_Request req;
    if (MPI_Ibcast((char *)buf + at, (int)len, MPI_BYTE, root, world(), &req) != MPI_SUCCESS)
      return fail(DT_COLL_ERROR, "MPI reported an error");
    dt_coll_status st = wait_all(1, &req);
    if (st)
      return st;
  }
  return DT_COLL_OK;
}

dt_coll_status dt_coll_allgather_i64(const int64_t *values, int k, int64_t *all) {
  MPI_Request req;
  if (MPI_Iallgather(values, k, MPI_INT64_T, all, k, MPI_INT64_T, world(), &req) != MPI_SUCCESS)
    return fail(DT_COLL_ERROR, "MPI reported an error");
  return wait_all(1, &req);
}

dt_coll_status dt_coll_gatherv(const void *send, int64_t nbytes, void *recv, const int64_t *counts,
                               int root) {
  int size = dt_coll_size(), rank = dt_coll_rank();
  int icounts[size > 0 ? size : 1], displs[size > 0 ? size : 1];
  int64_t total = 0;
  for (int r = 0; r < size; r++) {
    if (counts[r] > INT_MAX || total > INT_MAX)
      return fail(DT_COLL_ERROR, "more than 2 GiB in all");
    icounts[r] = (int)counts[r];
    displs[r] = (int)total;
    total += counts[r];
  }
  if (total > INT_MAX || nbytes != counts[rank])
    return fail(DT_COLL_ERROR, total > INT_MAX ? "more than 2 GiB in all" : "bad count");
  MPI_Request req;
  int rc = root < 0 ? MPI_Iallgatherv(send, (int)nbytes, MPI_BYTE, recv, icounts, displs, MPI_BYTE,
                                      world(), &req)
                    : MPI_Igatherv(send, (int)nbytes, MPI_BYTE, recv, icounts, displs, MPI_BYTE,
                                   root, world(), &req);
  if (rc != MPI_SUCCESS)
    return fail(DT_COLL_ERROR, "MPI reported an error");
  return wait_all(1, &req);
}
