/* Matrix products: through our own kernel in the AVX-512 build (gemm.c),
 * through OpenBLAS in the others. */
#include <cblas.h>
#include <omp.h>

#include "gemm.h"
#include "tensor.h"

/* OpenBLAS is kept single-threaded (dt_set_threads) and GEMMs are split here
 * by columns of C across OpenMP threads: a multi-threaded OpenBLAS call can
 * block the K loop differently than a single-threaded one, which changes the
 * rounding, while a column split leaves every element's arithmetic as it is.
 * So results do not depend on the thread count. */
#define GEMM_COLUMNS 128
/* A GEMM of fewer than 2 GEMM_COLUMNS columns goes in blocks of this many
 * rows of C where it has two or more (an 8x8 map's convolutions and
 * attention projections at batch 1, which as one call had left the second
 * thread idle: MNIST-size pass, two threads, best of 8 runs 5.07 -> 5.02 ms).
 * The blocks are fixed by the shape (OpenBLAS picks its kernel by the sizes
 * of a call), never by the thread count. */
#define GEMM_ROWS 32

/* Column block blk (of width step) of C = alpha op(A) op(B) + beta C */
static void sgemm_block(CBLAS_TRANSPOSE ta, CBLAS_TRANSPOSE tb, int64_t blk, int64_t step,
                        int64_t m, int64_t n, int64_t k, float alpha, const float *a, int64_t lda,
                        const float *b, int64_t ldb, float beta, float *c, int64_t ldc) {
  int64_t j0 = blk * step, cols = j0 + step < n ? step : n - j0;
  const float *bj = tb == CblasTrans ? b + j0 * ldb : b + j0;
  cblas_sgemm(CblasRowMajor, ta, tb, (int)m, (int)cols, (int)k, alpha, a, (int)lda, bj, (int)ldb,
              beta, c + j0, (int)ldc);
}

/* The column blocks of C, computed one after another (serial) or spread over
 * the OpenMP threads: either way every block is the same OpenBLAS call, so
 * results are identical. */
static void sgemm_blocks(int serial, int trans_a, int trans_b, int64_t m, int64_t n, int64_t k,
                         float alpha, const float *a, int64_t lda, const float *b, int64_t ldb,
                         float beta, float *c, int64_t ldc) {
  if (m == 0 || n == 0)
    return;
#if DT_OWN_GEMM
  dt_gemm_f32(serial, trans_a, trans_b, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
  return;
#endif
  CBLAS_TRANSPOSE ta = trans_a ? CblasTrans : CblasNoTrans;
  CBLAS_TRANSPOSE tb = trans_b ? CblasTrans : CblasNoTrans;
  /* Blocks of a fixed width: OpenBLAS picks its kernel by the matrix sizes
   * (small-matrix kernels round differently), so the split must not depend
   * on the thread count, only on n. */
  int64_t step = n < 2 * GEMM_COLUMNS ? n : GEMM_COLUMNS;
  int64_t blocks = (n + step - 1) / step;
  if (blocks == 1 && m >= 2 * GEMM_ROWS) { /* few columns, many rows: blocks of rows instead */
    int64_t row_blocks = (m + GEMM_ROWS - 1) / GEMM_ROWS;
#pragma omp parallel for schedule(static) if (!serial)
    for (int64_t blk = 0; blk < row_blocks; blk++) {
      int64_t i0 = blk * GEMM_ROWS, rows = i0 + GEMM_ROWS < m ? GEMM_ROWS : m - i0;
      cblas_sgemm(CblasRowMajor, ta, tb, (int)rows, (int)n, (int)k, alpha,
                  ta == CblasTrans ? a + i0 : a + i0 * lda, (int)lda, b, (int)ldb, beta,
                  c + i0 * ldc, (int)ldc);
    }
    return;
  }
  if (blocks == 1 && !serial) {
    /* The OpenMP build of OpenBLAS threads by omp_get_max_threads() outside a
     * parallel region; pin this call to one thread. */
    int saved = omp_get_max_threads();
    omp_set_num_threads(1);
    cblas_sgemm(CblasRowMajor, ta, tb, (int)m, (int)n, (int)k, alpha, a, (int)lda, b, (int)ldb,
                beta, c, (int)ldc);
    omp_set_num_threads(saved);
    return;
  }
  if (serial) { /* no parallel region: even an inactive one costs, on small GEMMs */
    for (int64_t blk = 0; blk < blocks; blk++)
      sgemm_block(ta, tb, blk, step, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
    return;
  }
#pragma omp parallel for schedule(static)
  for (int64_t blk = 0; blk < blocks; blk++) /* inside a parallel region OpenBLAS stays serial */
    sgemm_block(ta, tb, blk, step, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
}

void dt_sgemm(int trans_a, int trans_b, int64_t m, int64_t n, int64_t k, float alpha,
              const float *a, int64_t lda, const float *b, int64_t ldb, float beta, float *c,
              int64_t ldc) {
  sgemm_blocks(0, trans_a, trans_b, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
}

void dt_sgemm_serial(int trans_a, int trans_b, int64_t m, int64_t n, int64_t k, float alpha,
                     const float *a, int64_t lda, const float *b, int64_t ldb, float beta, float *c,
                     int64_t ldc) {
  sgemm_blocks(1, trans_a, trans_b, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
}

dt_status dt_matmul_shape(const dt_tensor *a, const dt_tensor *b, int64_t *shape, int *ndim,
                          dt_err *err) {
  char sa[160], sb[160];
  dt_shape_format(a->shape, a->ndim, sa, sizeof sa);
  dt_shape_format(b->shape, b->ndim, sb, sizeof sb);
  if (a->ndim < 2 || a->ndim > 3 || b->ndim < 2 || b->ndim > 3)
    return dt_fail(err, DT_EARG, "shapes %s and %s: expected 2-D or batched 3-D tensors", sa, sb);
  int64_t m = a->shape[a->ndim - 2], k = a->shape[a->ndim - 1];
  int64_t k2 = b->shape[b->ndim - 2], n = b->shape[b->ndim - 1];
  if (k != k2)
    return dt_fail(err, DT_EARG, "shapes %s and %s: inner sizes %lld and %lld differ", sa, sb,
                   (long long)k, (long long)k2);
  if (a->ndim == 3 && b->ndim == 3 && a->shape[0] != b->shape[0])
    return dt_fail(err, DT_EARG, "shapes %s and %s: batch sizes differ", sa, sb);
  if (m > INT32_MAX || n > INT32_MAX || k > INT32_MAX)
    return dt_fail(err, DT_EARG, "shapes %s and %s: a matrix side exceeds 2^31", sa, sb);
  int nd = a->ndim > b->ndim ? a->ndim : b->ndim;
  if (nd == 3)
    shape[0] = a->ndim == 3 ? a->shape[0] : b->shape[0];
  shape[nd - 2] = m;
  shape[nd - 1] = n;
  *ndim = nd;
  return DT_OK;
}

static void gemm(int64_t m, int64_t n, int64_t k, const float *a, const float *b, float *c) {
  if (m == 0 || n == 0)
    return;
  if (k == 0) {
    for (int64_t i = 0; i < m * n; i++)
      c[i] = 0;
    return;
  }
  dt_sgemm(0, 0, m, n, k, 1.0f, a, k, b, n, 0.0f, c, n);
}

void dt_matmul(dt_tensor *out, const dt_tensor *a, const dt_tensor *b) {
  int64_t m = a->shape[a->ndim - 2], k = a->shape[a->ndim - 1], n = b->shape[b->ndim - 1];
  if (b->ndim == 2) { /* (m,k)@(k,n) or a stack of rows against one matrix: one GEMM */
    int64_t rows = a->ndim == 3 ? a->shape[0] * m : m;
    gemm(rows, n, k, a->data, b->data, out->data);
    return;
  }
  int64_t batch = b->shape[0];
  for (int64_t i = 0; i < batch; i++) {
    const float *ai = a->ndim == 3 ? a->data + i * m * k : a->data;
    gemm(m, n, k, ai, b->data + i * k * n, out->data + i * m * n);
  }
}
