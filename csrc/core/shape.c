/* Shape ops that move data: permute, narrow/place along a dim, tile, pad.
 * (Views that move nothing are dt_view in tensor.c.) */
#include <string.h>

#include "tensor.h"

void dt_permute(dt_tensor *out, const dt_tensor *a, const int *perm) {
  int nd = a->ndim;
  if (out->numel == 0)
    return;
  int64_t astride[DT_MAX_DIMS], s = 1;
  for (int i = nd - 1; i >= 0; i--) {
    astride[i] = s;
    s *= a->shape[i];
  }
  int64_t step[DT_MAX_DIMS], idx[DT_MAX_DIMS] = {0};
  for (int i = 0; i < nd; i++)
    step[i] = astride[perm[i]];
  int64_t off = 0;
  for (int64_t k = 0; k < out->numel; k++) {
    out->data[k] = a->data[off];
    for (int d = nd - 1; d >= 0; d--) { /* odometer over out's index */
      off += step[d];
      if (++idx[d] < out->shape[d])
        break;
      off -= step[d] * out->shape[d];
      idx[d] = 0;
    }
  }
}

/* a viewed as (outer, n, inner) around dim */
static void around(const dt_tensor *t, int dim, int64_t *outer, int64_t *inner) {
  *outer = 1;
  *inner = 1;
  for (int i = 0; i < dim; i++)
    *outer *= t->shape[i];
  for (int i = dim + 1; i < t->ndim; i++)
    *inner *= t->shape[i];
}

void dt_narrow_copy(dt_tensor *out, const dt_tensor *a, int dim, int64_t start) {
  int64_t outer, inner;
  around(a, dim, &outer, &inner);
  int64_t n = a->shape[dim], len = out->shape[dim];
  for (int64_t o = 0; o < outer; o++)
    memcpy(out->data + o * len * inner, a->data + (o * n + start) * inner,
           (size_t)(len * inner) * sizeof(float));
}

void dt_place(dt_tensor *out, const dt_tensor *a, int dim, int64_t start) {
  int64_t outer, inner;
  around(out, dim, &outer, &inner);
  int64_t n = out->shape[dim], len = a->ndim > dim ? a->shape[dim] : 1;
  for (int64_t o = 0; o < outer; o++)
    memcpy(out->data + (o * n + start) * inner, a->data + o * len * inner,
           (size_t)(len * inner) * sizeof(float));
}

/* Writes the tile of a's dims d.. into o (contiguous, out's dims d..). */
static float *tile_rec(const dt_tensor *out, const dt_tensor *a, int d, float *o, const float *src,
                       const int64_t *astride) {
  int64_t reps = out->shape[d] / a->shape[d];
  if (d == a->ndim - 1) {
    for (int64_t r = 0; r < reps; r++, o += a->shape[d])
      memcpy(o, src, (size_t)a->shape[d] * sizeof(float));
    return o;
  }
  for (int64_t r = 0; r < reps; r++)
    for (int64_t j = 0; j < a->shape[d]; j++)
      o = tile_rec(out, a, d + 1, o, src + j * astride[d], astride);
  return o;
}

void dt_tile(dt_tensor *out, const dt_tensor *a) {
  if (out->numel == 0)
    return;
  if (a->ndim == 0) {
    out->data[0] = a->data[0];
    return;
  }
  int64_t astride[DT_MAX_DIMS], s = 1;
  for (int i = a->ndim - 1; i >= 0; i--) {
    astride[i] = s;
    s *= a->shape[i];
  }
  tile_rec(out, a, 0, out->data, a->data, astride);
}

void dt_pad2d(dt_tensor *out, const dt_tensor *a, int64_t left, int64_t top, float value) {
  int nd = a->ndim;
  int64_t h = a->shape[nd - 2], w = a->shape[nd - 1];
  int64_t oh = out->shape[nd - 2], ow = out->shape[nd - 1];
  int64_t planes = (h > 0 && w > 0) ? a->numel / (h * w) : 0;
  dt_fill(out, value);
  for (int64_t p = 0; p < planes; p++)
    for (int64_t y = 0; y < h; y++)
      memcpy(out->data + (p * oh + y + top) * ow + left, a->data + (p * h + y) * w,
             (size_t)w * sizeof(float));
}
