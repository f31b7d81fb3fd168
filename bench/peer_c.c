/* Reference figures for bench/tensor_ops.lua, from plain C on this machine:
 * a STREAM-style triad (a = b + s*c) with OpenMP, giving the memory bandwidth
 * the fused ops are judged against, and raw cblas_sgemm at 1024^2.
 * Prints "name value" lines. Usage: peer_c THREADS */
#include <cblas.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Best of `reps` triads over n floats, in GB/s counting 3 streams (2 reads, 1 write). */
static double triad(long n, int reps) {
  float *a = malloc((size_t)n * sizeof *a), *b = malloc((size_t)n * sizeof *b),
        *c = malloc((size_t)n * sizeof *c);
  if (!a || !b || !c)
    exit(1);
#pragma omp parallel for schedule(static)
  for (long i = 0; i < n; i++) {
    a[i] = 0;
    b[i] = 1;
    c[i] = 2;
  }
  double best = 1e30;
  for (int r = 0; r < reps; r++) {
    double t0 = now();
#pragma omp parallel for schedule(static)
    for (long i = 0; i < n; i++)
      a[i] = b[i] + 0.5f * c[i];
    double t = now() - t0;
    if (t < best)
      best = t;
  }
  if (a[n / 2] != 2.0f)
    exit(2); /* keep the loop */
  free(a);
  free(b);
  free(c);
  return 3.0 * (double)n * sizeof(float) / best / 1e9;
}

static double sgemm_seconds(int n, int reps) {
  float *a = malloc((size_t)n * n * sizeof *a), *b = malloc((size_t)n * n * sizeof *b),
        *c = malloc((size_t)n * n * sizeof *c);
  if (!a || !b || !c)
    exit(1);
  for (long i = 0; i < (long)n * n; i++) {
    a[i] = (float)(i % 7) * 0.1f;
    b[i] = (float)(i % 5) * 0.1f;
  }
  double best = 1e30;
  for (int r = 0; r < reps; r++) {
    double t0 = now();
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, n, n, n, 1, a, n, b, n, 0, c, n);
    double t = now() - t0;
    if (t < best)
      best = t;
  }
  free(a);
  free(b);
  free(c);
  return best;
}

int main(int argc, char **argv) {
  int threads = argc > 1 ? atoi(argv[1]) : 2;
  omp_set_num_threads(threads);
  openblas_set_num_threads(threads);
  printf("triad_gbs_1m %.3f\n", triad(1L << 20, 50));
  printf("triad_gbs_16m %.3f\n", triad(1L << 24, 20));
  printf("sgemm_1024_s %.6f\n", sgemm_seconds(1024, 20));
  return 0;
}
