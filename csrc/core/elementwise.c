/* Elementwise ops with NumPy broadcasting, and the fused multi-tensor updates
 * samplers use. Work is cut into fixed blocks of the output so that any
 * thread count computes exactly the same values. */
#include <math.h>
#include <string.h>

#include "tensor.h"

#define BLOCK 16384            /* output elements per work item */
#define PARALLEL_MIN (1 << 16) /* below this, one thread is faster */

/* Internal op codes beyond the public dt_binop ones. */
enum { OP_AXPBY = 100, OP_FIRST, OP_CLAMP };

/* ---- broadcast layout ---- */

/* Output shape with per-operand strides (0 along broadcast dims), trailing
 * dims merged where both operands stay contiguous across them. */
typedef struct {
  int ndim;
  int64_t shape[DT_MAX_DIMS];
  int64_t sa[DT_MAX_DIMS], sb[DT_MAX_DIMS];
} layout;

dt_status dt_broadcast_shape(const int64_t *a, int na, const int64_t *b, int nb, int64_t *out,
                             int *nout, dt_err *err) {
  int n = na > nb ? na : nb;
  for (int i = 0; i < n; i++) {
    int64_t da = i < n - na ? 1 : a[i - (n - na)];
    int64_t db = i < n - nb ? 1 : b[i - (n - nb)];
    if (da != db && da != 1 && db != 1) {
      char sa[160], sb[160];
      dt_shape_format(a, na, sa, sizeof sa);
      dt_shape_format(b, nb, sb, sizeof sb);
      return dt_fail(err, DT_EARG, "shapes %s and %s do not broadcast", sa, sb);
    }
    out[i] = da == 1 ? db : da;
  }
  *nout = n;
  return DT_OK;
}

static void strides_for(const dt_tensor *t, const dt_tensor *out, int64_t *s) {
  int off = out->ndim - t->ndim;
  int64_t stride = 1;
  for (int i = out->ndim - 1; i >= 0; i--) {
    int64_t d = i < off ? 1 : t->shape[i - off];
    s[i] = d == 1 ? 0 : stride;
    stride *= d;
  }
}

static void make_layout(layout *L, const dt_tensor *out, const dt_tensor *a, const dt_tensor *b) {
  int64_t sa[DT_MAX_DIMS], sb[DT_MAX_DIMS];
  strides_for(a, out, sa);
  strides_for(b, out, sb);
  int n = 0;
  for (int i = 0; i < out->ndim; i++) {
    if (out->shape[i] == 1)
      continue; /* size-1 dims carry no work */
    if (n > 0) {
      int j = n - 1; /* merge dim i into j when both operands step uniformly */
      int ok_a = sa[j] == sa[i] * out->shape[i];
      int ok_b = sb[j] == sb[i] * out->shape[i];
      if (ok_a && ok_b) {
        L->shape[j] *= out->shape[i];
        L->sa[j] = sa[i];
        L->sb[j] = sb[i];
        continue;
      }
    }
    L->shape[n] = out->shape[i];
    L->sa[n] = sa[i];
    L->sb[n] = sb[i];
    n++;
  }
  if (n == 0) { /* a scalar-shaped result */
    L->shape[0] = 1;
    L->sa[0] = L->sb[0] = 0;
    n = 1;
  }
  L->ndim = n;
}

/* ---- kernels: o[i] = EXPR(x = a[i*sa], y = b[i*sb]) with sa, sb in {0, 1} ---- */

#define KERNEL(NAME, EXPR)                                                                         \
  static void NAME(float *o, const float *pa, const float *pb, int64_t n, int64_t sa, int64_t sb,  \
                   float p0, float p1) {                                                           \
    (void)p0;                                                                                      \
    (void)p1;                                                                                      \
    if (sa && sb) {                                                                                \
      for (int64_t i = 0; i < n; i++) {                                                            \
        float x = pa[i], y = pb[i];                                                                \
        (void)x;                                                                                   \
        (void)y;                                                                                   \
        o[i] = (EXPR);                                                                             \
      }                                                                                            \
    } else if (sa) {                                                                               \
      float y = pb[0];                                                                             \
      for (int64_t i = 0; i < n; i++) {                                                            \
        float x = pa[i];                                                                           \
        (void)x;                                                                                   \
        (void)y;                                                                                   \
        o[i] = (EXPR);                                                                             \
      }                                                                                            \
    } else if (sb) {                                                                               \
      float x = pa[0];                                                                             \
      for (int64_t i = 0; i < n; i++) {                                                            \
        float y = pb[i];                                                                           \
        (void)x;                                                                                   \
        (void)y;                                                                                   \
        o[i] = (EXPR);                                                                             \
      }                                                                                            \
    } else {                                                                                       \
      float x = pa[0], y = pb[0];                                                                  \
      (void)x;                                                                                     \
      (void)y;                                                                                     \
      float v = (EXPR);                                                                            \
      for (int64_t i = 0; i < n; i++)                                                              \
        o[i] = v;                                                                                  \
    }                                                                                              \
  }

/* NaN-propagating max/min, as NumPy's maximum and minimum. */
#define MAX_EXPR ((x > y || x != x) ? x : y)
#define MIN_EXPR ((x < y || x != x) ? x : y)

KERNEL(k_add, x + y)
KERNEL(k_sub, x - y)
KERNEL(k_mul, x *y)
KERNEL(k_div, x / y)
KERNEL(k_pow, powf(x, y))
KERNEL(k_max, MAX_EXPR)
KERNEL(k_min, MIN_EXPR)
KERNEL(k_axpby, p0 *x + p1 * y)
KERNEL(k_first, ((void)y, x))                         /* plain broadcast copy of a */
KERNEL(k_clamp, x != x ? x : fminf(fmaxf(x, p0), p1)) /* NaN stays NaN */

typedef void (*kernel_fn)(float *, const float *, const float *, int64_t, int64_t, int64_t, float,
                          float);

static kernel_fn binop_kernel(int op) {
  switch (op) {
  case DT_ADD: return k_add;
  case DT_SUB: return k_sub;
  case DT_MUL: return k_mul;
  case DT_DIV: return k_div;
  case DT_POW: return k_pow;
  case DT_MAXIMUM: return k_max;
  case DT_MINIMUM: return k_min;
  case OP_AXPBY: return k_axpby;
  case OP_FIRST: return k_first;
  default: return k_clamp;
  }
}

/* Runs kernel k over [lo, hi) of the output's linear index. */
static void run_range(kernel_fn k, const layout *L, float *o, const float *a, const float *b,
                      int64_t lo, int64_t hi, float p0, float p1) {
  int last = L->ndim - 1;
  int64_t inner = L->shape[last];
  int64_t row = lo / inner, col = lo % inner;
  int64_t idx[DT_MAX_DIMS];
  int64_t oa = 0, ob = 0;
  for (int d = last - 1; d >= 0; d--) { /* decompose row into outer indices */
    idx[d] = row % L->shape[d];
    row /= L->shape[d];
    oa += idx[d] * L->sa[d];
    ob += idx[d] * L->sb[d];
  }
  int64_t pos = lo;
  while (pos < hi) {
    int64_t n = inner - col;
    if (n > hi - pos)
      n = hi - pos;
    k(o + pos, a + oa + col * L->sa[last], b + ob + col * L->sb[last], n, L->sa[last], L->sb[last],
      p0, p1);
    pos += n;
    col = 0;
    for (int d = last - 1; d >= 0; d--) { /* odometer step to the next row */
      oa += L->sa[d];
      ob += L->sb[d];
      if (++idx[d] < L->shape[d])
        break;
      oa -= L->sa[d] * L->shape[d];
      ob -= L->sb[d] * L->shape[d];
      idx[d] = 0;
    }
  }
}

static void run_layout(kernel_fn k, const layout *L, float *o, const float *a, const float *b,
                       int64_t numel, float p0, float p1) {
  int64_t nblocks = (numel + BLOCK - 1) / BLOCK;
#pragma omp parallel for schedule(static) if (numel >= PARALLEL_MIN)
  for (int64_t blk = 0; blk < nblocks; blk++) {
    int64_t lo = blk * BLOCK, hi = lo + BLOCK < numel ? lo + BLOCK : numel;
    run_range(k, L, o, a, b, lo, hi, p0, p1);
  }
}

static void binary_op(int op, dt_tensor *out, const dt_tensor *a, const dt_tensor *b, float p0,
                      float p1) {
  if (out->numel == 0)
    return;
  layout L;
  make_layout(&L, out, a, b);
  run_layout(binop_kernel(op), &L, out->data, a->data, b->data, out->numel, p0, p1);
}

void dt_binary(dt_binop op, dt_tensor *out, const dt_tensor *a, const dt_tensor *b) {
  binary_op(op, out, a, b, 0, 0);
}

void dt_binary_scalar(dt_binop op, dt_tensor *out, const dt_tensor *a, float s, int scalar_first) {
  dt_tensor st = {0};
  st.data = &s;
  st.ndim = 0;
  st.numel = 1;
  if (scalar_first)
    binary_op(op, out, &st, a, 0, 0);
  else
    binary_op(op, out, a, &st, 0, 0);
}

void dt_axpby(dt_tensor *t, float a, float b, const dt_tensor *u) {
  binary_op(OP_AXPBY, t, t, u, a, b);
}

void dt_clamp(dt_tensor *out, const dt_tensor *a, float lo, float hi) {
  binary_op(OP_CLAMP, out, a, a, lo, hi);
}

void dt_expand(dt_tensor *out, const dt_tensor *a) { binary_op(OP_FIRST, out, a, a, 0, 0); }

/* ---- unary ---- */

#define UNARY_LOOP(EXPR)                                                                           \
  for (int64_t i = lo; i < hi; i++) {                                                              \
    float x = a[i];                                                                                \
    o[i] = (EXPR);                                                                                 \
  }                                                                                                \
  break

static void unary_range(dt_unop op, float *o, const float *a, int64_t lo, int64_t hi) {
  switch (op) {
  case DT_ABS: UNARY_LOOP(fabsf(x));
  case DT_NEG: UNARY_LOOP(-x);
  case DT_EXP: UNARY_LOOP(expf(x));
  case DT_LOG: UNARY_LOOP(logf(x));
  case DT_SQRT: UNARY_LOOP(sqrtf(x));
  case DT_RSQRT: UNARY_LOOP(1.0f / sqrtf(x));
  case DT_TANH: UNARY_LOOP(tanhf(x));
  case DT_SIGMOID: UNARY_LOOP(1.0f / (1.0f + expf(-x)));
  case DT_SILU: UNARY_LOOP(x / (1.0f + expf(-x)));
  case DT_SIN: UNARY_LOOP(sinf(x));
  case DT_COS: UNARY_LOOP(cosf(x));
  case DT_SIGN: UNARY_LOOP(x > 0 ? 1.0f : (x < 0 ? -1.0f : x)); /* keeps 0 and NaN */
  case DT_SQUARE: UNARY_LOOP(x * x);
  case DT_ROUND: UNARY_LOOP(roundf(x));
  case DT_FLOOR: UNARY_LOOP(floorf(x));
  }
}

void dt_unary(dt_unop op, dt_tensor *out, const dt_tensor *a) {
  int64_t numel = a->numel, nblocks = (numel + BLOCK - 1) / BLOCK;
#pragma omp parallel for schedule(static) if (numel >= PARALLEL_MIN)
  for (int64_t blk = 0; blk < nblocks; blk++) {
    int64_t lo = blk * BLOCK, hi = lo + BLOCK < numel ? lo + BLOCK : numel;
    unary_range(op, out->data, a->data, lo, hi);
  }
}

void dt_fill(dt_tensor *t, float v) {
  int64_t numel = t->numel, nblocks = (numel + BLOCK - 1) / BLOCK;
  float *o = t->data;
#pragma omp parallel for schedule(static) if (numel >= PARALLEL_MIN)
  for (int64_t blk = 0; blk < nblocks; blk++) {
    int64_t lo = blk * BLOCK, hi = lo + BLOCK < numel ? lo + BLOCK : numel;
    for (int64_t i = lo; i < hi; i++)
      o[i] = v;
  }
}

void dt_copy(dt_tensor *dst, const dt_tensor *src) {
  int64_t numel = dst->numel;
  if (dst->data == src->data || numel == 0)
    return;
  const float *s = src->data;
  float *d = dst->data;
  if ((d < s && d + numel > s) || (s < d && s + numel > d)) { /* overlapping views */
    memmove(d, s, (size_t)numel * sizeof(float));
    return;
  }
  int64_t nblocks = (numel + BLOCK - 1) / BLOCK;
#pragma omp parallel for schedule(static) if (numel >= PARALLEL_MIN)
  for (int64_t blk = 0; blk < nblocks; blk++) {
    int64_t lo = blk * BLOCK, hi = lo + BLOCK < numel ? lo + BLOCK : numel;
    memcpy(d + lo, s + lo, (size_t)(hi - lo) * sizeof(float));
  }
}

/* ---- fused linear combination ---- */

/* One pass: every term is read once and out written once. Up to LC_FUSED
 * terms go through a loop specialised for their count; `out` may be one of
 * the terms (exactly: partial overlaps are copied away by the caller), since
 * element i of every term is read before o[i] is written. */
#define LC_FUSED 8
#define LC_CHUNK 2048 /* longer combinations accumulate in a stack buffer */

#define LC_CASE(N)                                                                                 \
  case N:                                                                                          \
    for (int64_t i = lo; i < hi; i++) {                                                            \
      float s = c[0] * p[0][i];                                                                    \
      for (int k = 1; k < N; k++)                                                                  \
        s += c[k] * p[k][i];                                                                       \
      o[i] = s;                                                                                    \
    }                                                                                              \
    break;

static void lincomb_fused(float *o, int n, const float *c, const float *const *p, int64_t lo,
                          int64_t hi) {
  switch (n) {
    LC_CASE(1)
    LC_CASE(2)
    LC_CASE(3)
    LC_CASE(4)
    LC_CASE(5)
    LC_CASE(6)
    LC_CASE(7)
    LC_CASE(8)
  }
}

static void lincomb_long(float *o, int n, const float *c, const float *const *p, int64_t lo,
                         int64_t hi) {
  float acc[LC_CHUNK];
  int64_t len = hi - lo;
  for (int64_t i = 0; i < len; i++)
    acc[i] = c[0] * p[0][lo + i];
  for (int k = 1; k < n; k++) {
    const float *pk = p[k] + lo;
    float ck = c[k];
    for (int64_t i = 0; i < len; i++)
      acc[i] += ck * pk[i];
  }
  memcpy(o + lo, acc, (size_t)len * sizeof(float));
}

void dt_lincomb(dt_tensor *out, int n, const float *c, const dt_tensor *const *ts) {
  int64_t numel = out->numel, nchunks = (numel + LC_CHUNK - 1) / LC_CHUNK;
  float *o = out->data;
  if (n < 1) {
    dt_fill(out, 0);
    return;
  }
  const float *p[64];
  for (int k = 0; k < n && k < 64; k++)
    p[k] = ts[k]->data;
#pragma omp parallel for schedule(static) if (numel >= PARALLEL_MIN)
  for (int64_t ch = 0; ch < nchunks; ch++) {
    int64_t lo = ch * LC_CHUNK, hi = lo + LC_CHUNK < numel ? lo + LC_CHUNK : numel;
    if (n <= LC_FUSED)
      lincomb_fused(o, n, c, p, lo, hi);
    else
      lincomb_long(o, n, c, p, lo, hi);
  }
}

int dt_all_finite(const dt_tensor *t) {
  int ok = 1;
  int64_t numel = t->numel;
  if (t->dtype != DT_F32) { /* all-ones exponent: inf or NaN */
    uint16_t mask = t->dtype == DT_F16 ? 0x7c00 : 0x7f80;
    const uint16_t *h = t->bits16;
#pragma omp parallel for schedule(static) reduction(&& : ok) if (numel >= PARALLEL_MIN)
    for (int64_t i = 0; i < numel; i++)
      ok = ok && (h[i] & mask) != mask;
    return ok;
  }
  const float *p = t->data;
#pragma omp parallel for schedule(static) reduction(&& : ok) if (numel >= PARALLEL_MIN)
  for (int64_t i = 0; i < numel; i++)
    ok = ok && isfinite(p[i]);
  return ok;
}
