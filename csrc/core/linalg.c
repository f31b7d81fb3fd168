/* Matrix products through OpenBLAS. */
#include <cblas.h>

#include "tensor.h"

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
  cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, (int)m, (int)n, (int)k, 1.0f, a, (int)k, b,
              (int)n, 0.0f, c, (int)n);
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
