/* Reductions. Sums accumulate in double; whole-tensor reductions split the
 * data into chunks fixed by the size alone (not by the thread count) and
 * combine the chunk results in order, so any thread count gives the same
 * bits. */
#include <math.h>
#include <string.h>

#include "tensor.h"

#define MAX_CHUNKS 256
#define MIN_CHUNK 4096
#define PARALLEL_MIN (1 << 16)

typedef enum { SUM_X, SUM_DEV2, SUM_ABS, SUM_ABSP, SUM_X2 } sum_kind;

static inline double term(sum_kind k, double x, double shift, double p) {
  switch (k) {
  case SUM_X: return x;
  case SUM_DEV2: return (x - shift) * (x - shift);
  case SUM_ABS: return fabs(x);
  case SUM_ABSP: return pow(fabs(x), p);
  case SUM_X2: return x * x;
  }
  return 0;
}

/* Sum of term(x) over a contiguous run, fast: 32 float lanes (vectorised)
 * over blocks of LANE_BLOCK elements, each block's lanes then added into a
 * double. Float partial sums of 32 terms each lose nothing that matters,
 * and the result depends only on the data, never on threads. */
#define LANES 32
#define LANE_BLOCK 1024

#define LANE_LOOP(EXPR)                                                                            \
  for (i = 0; i + LANES <= n; i += LANES)                                                          \
    for (int j = 0; j < LANES; j++) {                                                              \
      double v = x[b + i + j];                                                                     \
      lanes[j] += (EXPR);                                                                          \
    }                                                                                              \
  for (; i < n; i++) {                                                                             \
    double v = x[b + i];                                                                           \
    lanes[0] += (EXPR);                                                                            \
  }                                                                                                \
  break

static double lane_sum(const float *x, int64_t n_total, sum_kind k, double shift) {
  double acc = 0;
  for (int64_t b = 0; b < n_total; b += LANE_BLOCK) {
    int64_t n = n_total - b < LANE_BLOCK ? n_total - b : LANE_BLOCK, i;
    double lanes[LANES] = {0};
    switch (k) {
    case SUM_X: LANE_LOOP(v);
    case SUM_ABS: LANE_LOOP(fabs(v));
    case SUM_X2: LANE_LOOP(v * v);
    default: LANE_LOOP((v - shift) * (v - shift));
    }
    double s = 0;
    for (int j = 0; j < LANES; j++)
      s += lanes[j];
    acc += s;
  }
  return acc;
}

/* Sum of term(x) over a line of n elements, stride s. */
static double line_sum(const float *x, int64_t n, int64_t s, sum_kind k, double shift, double p) {
  if (s == 1 && k != SUM_ABSP)
    return lane_sum(x, n, k, shift);
  double acc = 0;
  for (int64_t i = 0; i < n; i++)
    acc += term(k, x[i * s], shift, p);
  return acc;
}

/* Index of the max (or min) of a line; the first NaN wins, as in NumPy. */
static int64_t line_argext(const float *x, int64_t n, int64_t s, int want_max) {
  int64_t best = 0;
  float bv = x[0];
  if (bv != bv)
    return 0;
  for (int64_t i = 1; i < n; i++) {
    float v = x[i * s];
    if (v != v)
      return i;
    if (want_max ? v > bv : v < bv) {
      bv = v;
      best = i;
    }
  }
  return best;
}

/* ---- whole tensor ---- */

static int64_t chunking(int64_t numel, int64_t *chunk) {
  int64_t nch = (numel + MIN_CHUNK - 1) / MIN_CHUNK;
  if (nch > MAX_CHUNKS)
    nch = MAX_CHUNKS;
  if (nch < 1)
    nch = 1;
  *chunk = (numel + nch - 1) / nch;
  return nch;
}

static double chunked_sum(const float *x, int64_t numel, sum_kind k, double shift, double p) {
  int64_t chunk, nch = chunking(numel, &chunk);
  double part[MAX_CHUNKS];
#pragma omp parallel for schedule(static) if (numel >= PARALLEL_MIN)
  for (int64_t c = 0; c < nch; c++) {
    int64_t lo = c * chunk, hi = lo + chunk < numel ? lo + chunk : numel;
    part[c] = lo < hi ? line_sum(x + lo, hi - lo, 1, k, shift, p) : 0;
  }
  double s = 0;
  for (int64_t c = 0; c < nch; c++)
    s += part[c];
  return s;
}

static int64_t chunked_argext(const float *x, int64_t numel, int want_max) {
  int64_t chunk, nch = chunking(numel, &chunk);
  int64_t idx[MAX_CHUNKS];
#pragma omp parallel for schedule(static) if (numel >= PARALLEL_MIN)
  for (int64_t c = 0; c < nch; c++) {
    int64_t lo = c * chunk, hi = lo + chunk < numel ? lo + chunk : numel;
    idx[c] = lo < hi ? lo + line_argext(x + lo, hi - lo, 1, want_max) : -1;
  }
  int64_t best = idx[0];
  for (int64_t c = 1; c < nch; c++) {
    if (idx[c] < 0)
      continue;
    float bv = x[best], v = x[idx[c]];
    if (bv != bv)
      break;
    if (v != v || (want_max ? v > bv : v < bv))
      best = idx[c];
  }
  return best;
}

static double norm_from(const float *x, int64_t n, int64_t s, double p, int whole) {
  if (isinf(p)) {
    double m = 0;
    for (int64_t i = 0; i < n; i++) {
      double v = fabs(x[i * s]);
      if (v != v)
        return v;
      if (v > m)
        m = v;
    }
    return m;
  }
  sum_kind k = p == 2 ? SUM_X2 : p == 1 ? SUM_ABS : SUM_ABSP;
  double acc = whole ? chunked_sum(x, n, k, 0, p) : line_sum(x, n, s, k, 0, p);
  return p == 2 ? sqrt(acc) : p == 1 ? acc : pow(acc, 1.0 / p);
}

static double var_from(const float *x, int64_t n, int64_t s, int correction, int whole) {
  double mean = (whole ? chunked_sum(x, n, SUM_X, 0, 0) : line_sum(x, n, s, SUM_X, 0, 0)) / n;
  double ss = whole ? chunked_sum(x, n, SUM_DEV2, mean, 0) : line_sum(x, n, s, SUM_DEV2, mean, 0);
  return n - correction > 0 ? ss / (double)(n - correction) : NAN;
}

double dt_reduce_all(dt_reduction r, const dt_tensor *a, double p, int correction) {
  const float *x = a->data;
  int64_t n = a->numel;
  switch (r) {
  case DT_SUM: return chunked_sum(x, n, SUM_X, 0, 0);
  case DT_MEAN: return n ? chunked_sum(x, n, SUM_X, 0, 0) / n : NAN;
  case DT_VAR: return var_from(x, n, 1, correction, 1);
  case DT_NORM: return norm_from(x, n, 1, p, 1);
  case DT_MAX: return x[chunked_argext(x, n, 1)];
  case DT_MIN: return x[chunked_argext(x, n, 0)];
  case DT_ARGMAX: return (double)chunked_argext(x, n, 1);
  case DT_ARGMIN: return (double)chunked_argext(x, n, 0);
  }
  return NAN;
}

/* ---- along one dimension: a viewed as (outer, n, inner) ---- */

void dt_reduce_dim(dt_reduction r, dt_tensor *out, const dt_tensor *a, int dim, double p,
                   int correction) {
  int64_t outer = 1, inner = 1, n = a->shape[dim];
  for (int i = 0; i < dim; i++)
    outer *= a->shape[i];
  for (int i = dim + 1; i < a->ndim; i++)
    inner *= a->shape[i];
  int64_t lines = outer * inner;
#pragma omp parallel for schedule(static) if (lines * n >= PARALLEL_MIN && lines > 1)
  for (int64_t l = 0; l < lines; l++) {
    int64_t o = l / inner, i = l % inner;
    const float *x = a->data + o * n * inner + i;
    double v;
    switch (r) {
    case DT_SUM: v = line_sum(x, n, inner, SUM_X, 0, 0); break;
    case DT_MEAN: v = n ? line_sum(x, n, inner, SUM_X, 0, 0) / n : NAN; break;
    case DT_VAR: v = var_from(x, n, inner, correction, 0); break;
    case DT_NORM: v = norm_from(x, n, inner, p, 0); break;
    case DT_MAX: v = x[line_argext(x, n, inner, 1) * inner]; break;
    case DT_MIN: v = x[line_argext(x, n, inner, 0) * inner]; break;
    case DT_ARGMAX: v = (double)line_argext(x, n, inner, 1); break;
    case DT_ARGMIN: v = (double)line_argext(x, n, inner, 0); break;
    default: v = NAN;
    }
    out->data[l] = (float)v;
  }
}

double dt_dot(const dt_tensor *a, const dt_tensor *b) {
  int64_t numel = a->numel, chunk, nch = chunking(numel, &chunk);
  double part[MAX_CHUNKS];
#pragma omp parallel for schedule(static) if (numel >= PARALLEL_MIN)
  for (int64_t c = 0; c < nch; c++) {
    int64_t lo = c * chunk, hi = lo + chunk < numel ? lo + chunk : numel;
    double acc[8] = {0};
    int64_t i = lo;
    for (; i + 8 <= hi; i += 8)
      for (int j = 0; j < 8; j++)
        acc[j] += (double)a->data[i + j] * b->data[i + j];
    for (; i < hi; i++)
      acc[0] += (double)a->data[i] * b->data[i];
    part[c] = ((acc[0] + acc[1]) + (acc[2] + acc[3])) + ((acc[4] + acc[5]) + (acc[6] + acc[7]));
  }
  double s = 0;
  for (int64_t c = 0; c < nch; c++)
    s += part[c];
  return s;
}

/* ---- per-sample quantile of |x| (Imagen's dynamic thresholding) ---- */

static void swapf(float *a, float *b) {
  float t = *a;
  *a = *b;
  *b = t;
}

/* Moves the k-th smallest of v[0..n) to v[k], smaller ones before it. */
static void select_kth(float *v, int64_t n, int64_t k) {
  int64_t lo = 0, hi = n - 1;
  while (hi > lo) {
    int64_t mid = lo + (hi - lo) / 2; /* median of three as pivot */
    if (v[mid] < v[lo])
      swapf(&v[mid], &v[lo]);
    if (v[hi] < v[lo])
      swapf(&v[hi], &v[lo]);
    if (v[hi] < v[mid])
      swapf(&v[hi], &v[mid]);
    float pivot = v[mid];
    int64_t i = lo, j = hi;
    while (i <= j) {
      while (v[i] < pivot)
        i++;
      while (v[j] > pivot)
        j--;
      if (i <= j) {
        swapf(&v[i], &v[j]);
        i++;
        j--;
      }
    }
    if (k <= j)
      hi = j;
    else if (k >= i)
      lo = i;
    else
      return;
  }
}

void dt_abs_quantile(dt_tensor *out, const dt_tensor *a, double q, float *scratch) {
  int64_t nsamp = a->ndim ? a->shape[0] : 1;
  int64_t per = nsamp ? a->numel / nsamp : 0;
  for (int64_t s = 0; s < nsamp; s++) {
    const float *x = a->data + s * per;
    int has_nan = 0;
    for (int64_t i = 0; i < per; i++) {
      scratch[i] = fabsf(x[i]);
      has_nan |= x[i] != x[i];
    }
    if (has_nan || per == 0) {
      out->data[s] = NAN;
      continue;
    }
    double pos = q * (double)(per - 1);
    int64_t k = (int64_t)floor(pos);
    if (k > per - 1)
      k = per - 1;
    double frac = pos - (double)k;
    select_kth(scratch, per, k);
    double lo = scratch[k], hi = lo;
    if (k + 1 < per) { /* the next order statistic is the min of the upper part */
      hi = scratch[k + 1];
      for (int64_t i = k + 2; i < per; i++)
        if (scratch[i] < hi)
          hi = scratch[i];
    }
    out->data[s] = (float)(lo + (hi - lo) * frac);
  }
}
