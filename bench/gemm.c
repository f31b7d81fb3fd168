/* Our AVX-512 GEMM (csrc/core/gemm.c) against OpenBLAS's cblas_sgemm, the
 * two taking turns on the GEMM shapes of the UNets' convolutions (m output
 * channels, n pixels, k = 9 input channels) and attention projections.
 * Both sides multiply with the same thread count: ours splits C over the
 * OpenMP threads itself, OpenBLAS (the OpenMP build) threads its own call.
 * Run with OPENBLAS_CORETYPE unset for OpenBLAS's AVX-512 kernels.
 * Usage: build/bench/gemm THREADS TURNS */
#include <cblas.h>
#include <math.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "../csrc/core/gemm.h"

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

typedef struct {
  const char *what;
  int m, n, k;
} shape;

static const shape shapes[] = {
    {"cifar10 conv 128ch 32x32, b1", 128, 1024, 1152},
    {"cifar10 conv 256ch 16x16, b1", 256, 256, 2304},
    {"cifar10 conv 128ch 32x32, b8", 128, 8192, 1152},
    {"cifar10 conv 256ch 8x8, b8", 256, 512, 2304},
    {"mnist-size conv 32ch 32x32, b1", 32, 1024, 288},
    {"mnist-size conv 64ch 16x16, b8", 64, 2048, 576},
    {"SD1.5 conv 320ch 64x64", 320, 4096, 2880},
    {"SD1.5 conv 640ch 32x32", 640, 1024, 5760},
    {"SD1.5 conv 1280ch 16x16", 1280, 256, 11520},
    {"SD1.5 attention proj 4096 tokens", 4096, 320, 320},
    {"square 2048", 2048, 2048, 2048},
};

static double time_one(int ours, int m, int n, int k, const float *a, const float *b, float *c) {
  double t0 = now();
  if (ours)
    dt_gemm_f32(0, 0, 0, m, n, k, 1.0f, a, k, b, n, 0.0f, c, n);
  else
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, m, n, k, 1.0f, a, k, b, n, 0.0f, c, n);
  return now() - t0;
}

int main(int argc, char **argv) {
  int threads = argc > 1 ? atoi(argv[1]) : 2, turns = argc > 2 ? atoi(argv[2]) : 5;
  omp_set_num_threads(threads);
  printf("threads: %d, best of %d turns (each: both sides, 1 warm-up + reps calls)\n", threads,
         turns);
  printf("kernels: ours avx512 8x48; OpenBLAS %s (OPENBLAS_CORETYPE=%s)\n\n",
         openblas_get_corename(), getenv("OPENBLAS_CORETYPE") ? getenv("OPENBLAS_CORETYPE") : "");
  printf("| shape | m x n x k | ours (GFLOP/s) | OpenBLAS (GFLOP/s) | ours / OpenBLAS | max |diff| "
         "|\n");
  printf("|---|---|---|---|---|---|\n");
  for (size_t s = 0; s < sizeof shapes / sizeof *shapes; s++) {
    int m = shapes[s].m, n = shapes[s].n, k = shapes[s].k;
    float *a = malloc(sizeof(float) * (size_t)m * k), *b = malloc(sizeof(float) * (size_t)k * n);
    float *c0 = malloc(sizeof(float) * (size_t)m * n), *c1 = malloc(sizeof(float) * (size_t)m * n);
    if (!a || !b || !c0 || !c1)
      return 1;
    for (long i = 0; i < (long)m * k; i++)
      a[i] = (float)((i * 7919) % 1000) / 1000.0f - 0.5f;
    for (long i = 0; i < (long)k * n; i++)
      b[i] = (float)((i * 104729) % 1000) / 1000.0f - 0.5f;
    double flop = 2.0 * m * n * k, best[2] = {1e30, 1e30};
    int reps = (int)(2e9 / flop) + 1;
    for (int turn = 0; turn < turns; turn++)
      for (int side = 0; side < 2; side++) {
        float *c = side ? c1 : c0;
        time_one(side, m, n, k, a, b, c);
        double t = 0;
        for (int r = 0; r < reps; r++)
          t += time_one(side, m, n, k, a, b, c);
        if (t / reps < best[side])
          best[side] = t / reps;
      }
    double diff = 0;
    for (long i = 0; i < (long)m * n; i++)
      diff = fmax(diff, fabs((double)c0[i] - c1[i]));
    printf("| %s | %d x %d x %d | %.0f | %.0f | %.2f | %.1e |\n", shapes[s].what, m, n, k,
           flop / best[1] / 1e9, flop / best[0] / 1e9, best[0] / best[1], diff);
    free(a);
    free(b);
    free(c0);
    free(c1);
  }
  return 0;
}
