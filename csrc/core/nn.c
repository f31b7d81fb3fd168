/* Network ops; see nn.h. GEMMs go to OpenBLAS (its OpenMP build, so its
 * threads and the loops here share one pool); per-sample work is independent
 * of the batch size. */
#include "nn.h"
#include "fastmath.h"
#include "panel_gemm.h"

#include <math.h>
#include <omp.h>
#include <string.h>

/* ---- convolution ---- */

dt_status dt_conv2d_shape(const dt_tensor *x, const dt_tensor *w, const dt_conv_params *p,
                          int64_t *shape, dt_err *err) {
  char sx[160], sw[160];
  dt_shape_format(x->shape, x->ndim, sx, sizeof sx);
  dt_shape_format(w->shape, w->ndim, sw, sizeof sw);
  if (x->ndim != 4 || w->ndim != 4)
    return dt_fail(err, DT_EARG, "input %s and weight %s must both be 4-D", sx, sw);
  if (x->shape[1] != w->shape[1])
    return dt_fail(err, DT_EARG, "input %s has %lld channels, weight %s expects %lld", sx,
                   (long long)x->shape[1], sw, (long long)w->shape[1]);
  if (p->stride < 1 || p->pad_t < 0 || p->pad_l < 0 || p->pad_b < 0 || p->pad_r < 0)
    return dt_fail(err, DT_EARG, "stride must be >= 1 and padding >= 0");
  int64_t hp = x->shape[2] + p->pad_t + p->pad_b, wp = x->shape[3] + p->pad_l + p->pad_r;
  if (hp < w->shape[2] || wp < w->shape[3])
    return dt_fail(err, DT_EARG, "kernel %s is larger than the padded input %s", sw, sx);
  shape[0] = x->shape[0];
  shape[1] = w->shape[0];
  shape[2] = (hp - w->shape[2]) / p->stride + 1;
  shape[3] = (wp - w->shape[3]) / p->stride + 1;
  return DT_OK;
}

static int is_pointwise(const dt_tensor *w, const dt_conv_params *p) {
  return w->shape[2] == 1 && w->shape[3] == 1 && p->stride == 1 && !p->pad_t && !p->pad_l &&
         !p->pad_b && !p->pad_r;
}

/* The columns im2col writes go through the GEMM in blocks of whole output
 * rows of about this many floats (384 KiB), so they are still in L2 when
 * OpenBLAS packs them: a 64-channel 32 x 32 map's whole im2col is 2.4 MB and
 * went through L3 twice. The blocks depend on the shape only, never on the
 * thread count, so neither do the results. */
#define COL_BLOCK_FLOATS (96 * 1024)

/* Output rows per block: an even number of blocks when there are several,
 * so two threads share them evenly. */
static int64_t block_rows(int64_t k, int64_t ho, int64_t wo) {
  int64_t blocks = (k * ho * wo + COL_BLOCK_FLOATS - 1) / COL_BLOCK_FLOATS;
  if (blocks > 1)
    blocks += blocks & 1;
  if (blocks > ho)
    blocks = ho;
  return (ho + blocks - 1) / blocks;
}

size_t dt_conv2d_scratch(const dt_tensor *x, const dt_tensor *w, const dt_conv_params *p) {
  if (is_pointwise(w, p))
    return 0;
  int64_t ho = (x->shape[2] + p->pad_t + p->pad_b - w->shape[2]) / p->stride + 1;
  int64_t wo = (x->shape[3] + p->pad_l + p->pad_r - w->shape[3]) / p->stride + 1;
  int64_t k = w->shape[1] * w->shape[2] * w->shape[3];
  int64_t rows = block_rows(k, ho, wo);
  /* one block per thread: threads take samples of a batch, or blocks of one sample */
  int64_t copies = x->shape[0] > 1 || rows < ho ? omp_get_max_threads() : 1;
  return (size_t)(k * rows * wo * copies);
}

static int64_t floor_div(int64_t a, int64_t b) { /* b > 0; C's division truncates toward zero */
  return a >= 0 ? a / b : -((-a + b - 1) / b);
}

/* Output rows [oy0, oy1) of im2col: with rows = oy1 - oy0,
 * cols[(c kh + i) kw + j][(oy - oy0) wo + ox] = x[c][oy s - pt + i][ox s - pl + j], 0 outside */
static void im2col_rows(const float *x, int64_t c_in, int64_t h, int64_t w, int64_t kh, int64_t kw,
                        const dt_conv_params *p, int64_t oy0, int64_t oy1, int64_t wo, float *cols,
                        int serial) {
  int64_t s = p->stride, rows = oy1 - oy0;
#pragma omp parallel for schedule(static) if (!serial && c_in * kh * kw * rows * wo >= (1 << 16))
  for (int64_t c = 0; c < c_in; c++) {
    const float *xc = x + c * h * w;
    for (int64_t i = 0; i < kh; i++)
      for (int64_t j = 0; j < kw; j++) {
        float *row = cols + ((c * kh + i) * kw + j) * rows * wo;
        /* the output columns whose input column lies inside the image: [lo, hi) */
        int64_t lo = -floor_div(j - p->pad_l, s), hi = floor_div(w - 1 + p->pad_l - j, s) + 1;
        lo = lo < 0 ? 0 : lo;
        hi = hi > wo ? wo : hi;
        hi = hi < lo ? lo : hi;
        for (int64_t oy = oy0; oy < oy1; oy++) {
          int64_t y = oy * s - p->pad_t + i;
          float *dst = row + (oy - oy0) * wo;
          if (y < 0 || y >= h) {
            memset(dst, 0, (size_t)wo * sizeof(float));
            continue;
          }
          /* plain loops: rows are short (tens of floats), too short for memcpy's call */
          const float *from = xc + y * w + lo * s - p->pad_l + j;
          for (int64_t ox = 0; ox < lo; ox++)
            dst[ox] = 0.0f;
          if (s == 1)
            for (int64_t ox = lo; ox < hi; ox++)
              dst[ox] = from[ox - lo];
          else
            for (int64_t ox = lo; ox < hi; ox++)
              dst[ox] = from[(ox - lo) * s];
          for (int64_t ox = hi; ox < wo; ox++)
            dst[ox] = 0.0f;
        }
      }
  }
}

void dt_im2col(const float *x, int64_t c_in, int64_t h, int64_t w, int64_t kh, int64_t kw,
               const dt_conv_params *p, int64_t ho, int64_t wo, float *cols, int serial) {
  im2col_rows(x, c_in, h, w, kh, kw, p, 0, ho, wo, cols, serial);
}

/* One sample onto its bias: a pointwise conv is one GEMM on x itself; any
 * other goes block by block of output rows, im2col then GEMM. serial: inside
 * a batch's parallel loop (scratch is this thread's); otherwise the blocks
 * are spread over the threads, each with its own part of scratch, or a
 * single block is threaded inside im2col and the GEMM. */
static void conv_sample(float *o, const float *xs, const dt_tensor *w, const dt_tensor *b,
                        const dt_conv_params *p, int64_t c_in, int64_t h, int64_t wd, int64_t ho,
                        int64_t wo, float *scratch, int serial) {
  int64_t c_out = w->shape[0], kh = w->shape[2], kw = w->shape[3], hw = ho * wo;
  int64_t k = c_in * kh * kw;
  float beta = 0;
  if (b) { /* start from the bias, accumulate the product onto it */
    for (int64_t co = 0; co < c_out; co++) {
      float v = b->data[co];
      for (int64_t i = 0; i < hw; i++)
        o[co * hw + i] = v;
    }
    beta = 1;
  }
  if (is_pointwise(w, p)) {
    if (serial)
      dt_sgemm_serial(0, 0, c_out, hw, k, 1.0f, w->data, k, xs, hw, beta, o, hw);
    else
      dt_sgemm(0, 0, c_out, hw, k, 1.0f, w->data, k, xs, hw, beta, o, hw);
    return;
  }
  int64_t rows = block_rows(k, ho, wo);
  if (rows == ho) { /* one block */
    im2col_rows(xs, c_in, h, wd, kh, kw, p, 0, ho, wo, scratch, serial);
    if (serial)
      dt_sgemm_serial(0, 0, c_out, hw, k, 1.0f, w->data, k, scratch, hw, beta, o, hw);
    else
      dt_sgemm(0, 0, c_out, hw, k, 1.0f, w->data, k, scratch, hw, beta, o, hw);
    return;
  }
  int64_t blocks = (ho + rows - 1) / rows;
#pragma omp parallel for schedule(static) if (!serial)
  for (int64_t blk = 0; blk < blocks; blk++) {
    int64_t oy0 = blk * rows, oy1 = oy0 + rows < ho ? oy0 + rows : ho, n = (oy1 - oy0) * wo;
    float *cols = serial ? scratch : scratch + (int64_t)omp_get_thread_num() * k * rows * wo;
    im2col_rows(xs, c_in, h, wd, kh, kw, p, oy0, oy1, wo, cols, 1);
    dt_sgemm_serial(0, 0, c_out, n, k, 1.0f, w->data, k, cols, n, beta, o + oy0 * wo, hw);
  }
}

void dt_conv2d(dt_tensor *out, const dt_tensor *x, const dt_tensor *w, const dt_tensor *b,
               const dt_conv_params *p, float *scratch) {
  int64_t n = x->shape[0], c_in = x->shape[1], h = x->shape[2], wd = x->shape[3];
  int64_t c_out = w->shape[0], ho = out->shape[2], wo = out->shape[3];
  int64_t k = c_in * w->shape[2] * w->shape[3];
  int64_t per = is_pointwise(w, p) ? 0 : k * block_rows(k, ho, wo) * wo; /* a thread's scratch */
  int threads = omp_get_max_threads();
  if (n > 1 && threads > 1) { /* a batch: whole samples per thread, each as below, serially */
#pragma omp parallel for schedule(dynamic, 1)
    for (int64_t s = 0; s < n; s++)
      conv_sample(out->data + s * c_out * ho * wo, x->data + s * c_in * h * wd, w, b, p, c_in, h,
                  wd, ho, wo, scratch + (int64_t)omp_get_thread_num() * per, 1);
    return;
  }
  for (int64_t s = 0; s < n; s++)
    conv_sample(out->data + s * c_out * ho * wo, x->data + s * c_in * h * wd, w, b, p, c_in, h, wd,
                ho, wo, scratch, 0);
}

/* ---- activations and group norm ---- */

static inline float act_value(float v, dt_act act) {
  switch (act) {
  case DT_ACT_SILU: return dt_silu(v);
  case DT_ACT_MISH: return v * tanhf(log1pf(expf(v)));
  case DT_ACT_GELU: return 0.5f * v * (1.0f + erff(v * 0.70710678118654752f));
  case DT_ACT_RELU: return v > 0.0f ? v : 0.0f;
  case DT_ACT_QUICK_GELU: return v / (1.0f + expf(-1.702f * v));
  case DT_ACT_TANH: return tanhf(v);
  case DT_ACT_GELU_TANH:
    return 0.5f * v * (1.0f + tanhf(0.7978845608028654f * (v + 0.044715f * v * v * v)));
  default: return v;
  }
}

void dt_activation(dt_tensor *out, const dt_tensor *x, dt_act act) {
  int64_t n = x->numel;
  if (act == DT_ACT_SILU) { /* eight at a time, the tail alone (so by position, not by thread) */
    int64_t eights = n / 8;
#pragma omp parallel for schedule(static) if (n >= (1 << 16))
    for (int64_t e = 0; e < eights; e++)
      dt_silu_eight(out->data + 8 * e, x->data + 8 * e, 1.0f, 0.0f);
    for (int64_t i = 8 * eights; i < n; i++)
      out->data[i] = dt_silu(x->data[i]);
    return;
  }
#pragma omp parallel for schedule(static) if (n >= (1 << 16))
  for (int64_t i = 0; i < n; i++)
    out->data[i] = act_value(x->data[i], act);
}

void dt_mean_rstd(const float *x, int64_t m, float eps, double *mean, double *rstd) {
  double lane[8] = {0}, sum = 0, sq = 0;
  int64_t i = 0;
  for (; i + 8 <= m; i += 8) /* eight running sums: no chain of dependent adds */
    for (int l = 0; l < 8; l++)
      lane[l] += x[i + l];
  for (; i < m; i++)
    lane[i % 8] += x[i];
  for (int l = 0; l < 8; l++) {
    sum += lane[l];
    lane[l] = 0;
  }
  double mu = sum / (double)m;
  for (i = 0; i + 8 <= m; i += 8)
    for (int l = 0; l < 8; l++)
      lane[l] += (x[i + l] - mu) * (x[i + l] - mu);
  for (; i < m; i++)
    lane[i % 8] += (x[i] - mu) * (x[i] - mu);
  for (int l = 0; l < 8; l++)
    sq += lane[l];
  *mean = mu;
  *rstd = 1.0 / sqrt(sq / (double)m + eps);
}

void dt_group_norm(dt_tensor *out, const dt_tensor *x, const dt_tensor *gamma,
                   const dt_tensor *beta, int groups, float eps, dt_act act) {
  int64_t n = x->shape[0], c = x->shape[1], hw = x->numel / (n * c), cpg = c / groups;
  int64_t units = n * groups;
  /* in parallel from 4096 values (64 channels of 8x8): at two threads and
   * batch 1, the MNIST-size pass's best time 5.18 -> 5.08 ms against 32768 */
#pragma omp parallel for schedule(static) if (x->numel >= (1 << 12))
  for (int64_t u = 0; u < units; u++) {
    int64_t s = u / groups, g = u % groups;
    const float *xs = x->data + (s * c + g * cpg) * hw;
    float *os = out->data + (s * c + g * cpg) * hw;
    double mean, inv;
    dt_mean_rstd(xs, cpg * hw, eps, &mean, &inv);
    for (int64_t ch = 0; ch < cpg; ch++) {
      int64_t cc = g * cpg + ch;
      float scale = (float)(gamma->data[cc] * inv);
      float shift = (float)(beta->data[cc] - mean * gamma->data[cc] * inv);
      const float *xc = xs + ch * hw;
      float *oc = os + ch * hw;
      if (act == DT_ACT_NONE) {
        for (int64_t i = 0; i < hw; i++)
          oc[i] = xc[i] * scale + shift;
      } else if (act == DT_ACT_SILU) {
        int64_t i = 0;
        for (; i + 8 <= hw; i += 8)
          dt_silu_eight(oc + i, xc + i, scale, shift);
        for (; i < hw; i++)
          oc[i] = dt_silu(xc[i] * scale + shift);
      } else {
        for (int64_t i = 0; i < hw; i++)
          oc[i] = act_value(xc[i] * scale + shift, act);
      }
    }
  }
}

/* ---- linear ---- */

/* Row by row: OpenBLAS picks its kernel by the matrix sizes, and its kernels
 * round differently, so one GEMM over all rows gave a row a result that
 * depended on how many rows came with it (a sample's time embedding on the
 * batch size). A row's product is small next to the convolutions around it,
 * so the lost blocking costs little. */
void dt_linear(dt_tensor *out, const dt_tensor *x, const dt_tensor *w, const dt_tensor *b) {
  int64_t m = x->numel / x->shape[x->ndim - 1], n_in = w->shape[1], n_out = w->shape[0];
  float beta = 0;
  if (b) {
    for (int64_t r = 0; r < m; r++)
      memcpy(out->data + r * n_out, b->data, (size_t)n_out * sizeof(float));
    beta = 1;
  }
  for (int64_t r = 0; r < m; r++)
    dt_sgemm(0, 1, 1, n_out, n_in, 1.0f, x->data + r * n_in, n_in, w->data, n_in, beta,
             out->data + r * n_out, n_out);
}

/* ---- attention ---- */

/* row = exp(row - max(row)) in place; returns 1 / sum(row) */
static float exp_row(float *row, int64_t cols) {
  /* eight running maxima, so the loop vectorises (a single running max
   * is a serial chain of compares: it was a third of the softmax) */
  float top[8];
  for (int l = 0; l < 8; l++)
    top[l] = row[0];
  int64_t j = 0;
  for (; j + 8 <= cols; j += 8)
    for (int l = 0; l < 8; l++)
      top[l] = row[j + l] > top[l] ? row[j + l] : top[l];
  for (; j < cols; j++)
    top[0] = row[j] > top[0] ? row[j] : top[0];
  float mx = top[0];
  for (int l = 1; l < 8; l++)
    mx = top[l] > mx ? top[l] : mx;
  float lane[8] = {0}; /* eight running sums, so the loop vectorises */
  j = 0;
  for (; j + 8 <= cols; j += 8)
    for (int l = 0; l < 8; l++) {
      row[j + l] = dt_expf(row[j + l] - mx);
      lane[l] += row[j + l];
    }
  for (; j < cols; j++) {
    row[j] = dt_expf(row[j] - mx);
    lane[j % 8] += row[j];
  }
  double sum = 0;
  for (int l = 0; l < 8; l++)
    sum += lane[l];
  return (float)(1.0 / sum);
}

void dt_softmax_rows(float *x, int64_t rows, int64_t cols) {
#pragma omp parallel for schedule(static) if (rows * cols >= (1 << 16))
  for (int64_t i = 0; i < rows; i++) {
    float *row = x + i * cols, inv = exp_row(row, cols);
    for (int64_t j = 0; j < cols; j++)
      row[j] *= inv;
  }
}

/* ---- attention, a block of 16 queries at a time ----
 *
 * For each head, K^T and V are packed once into panel_gemm's panels and
 * the queries (scaled by 1 / sqrt(d)) into its column blocks; then per block
 * of 16 queries: their scores against every key, S (T x 16) = K^T Q_block,
 * the softmax down each column (a query's scores are a column, so its max,
 * exponentials and sum are vector lanes), and O_block (d x 16) = V S. S stays
 * in L1/L2 (16 KB at T = 256) where a whole T x T score matrix went through
 * memory and two OpenBLAS calls that packed it. */

#define QUERY_BLOCK DT_BLOCK_COLUMNS

static int64_t round4(int64_t n) { return (n + 3) / 4 * 4; }

/* A head's packed K^T, Q and V */
static int64_t head_floats(int64_t d, int64_t t) {
  return (int64_t)dt_panel_size(t, d) + d * round4(t) + (int64_t)dt_panel_size(d, t);
}

/* One query block's scores, output and column sums */
static int64_t block_floats(int64_t d, int64_t t) {
  return t * QUERY_BLOCK + d * QUERY_BLOCK + QUERY_BLOCK;
}

/* A thread's share of the scratch: a sample's q, k, v and heads' outputs,
 * then a head's packing and a query block's buffers */
static int64_t slot_floats(int64_t c, int64_t t) {
  return 4 * c * t + head_floats(c, t) + block_floats(c, t);
}

size_t dt_attention_scratch(int64_t channels, int64_t tokens) {
  return (size_t)(omp_get_max_threads() * slot_floats(channels, tokens));
}

/* rows (C x T) = W (C x C) @ in (C x T) + b */
static void project(float *rows, const float *in, const dt_tensor *w, const dt_tensor *b, int64_t c,
                    int64_t t, int serial) {
  for (int64_t i = 0; i < c; i++)
    for (int64_t j = 0; j < t; j++)
      rows[i * t + j] = b->data[i];
  if (serial)
    dt_sgemm_serial(0, 0, c, t, c, 1.0f, w->data, c, in, t, 1.0f, rows, t);
  else
    dt_sgemm(0, 0, c, t, c, 1.0f, w->data, c, in, t, 1.0f, rows, t);
}

void dt_project(float *rows, const float *in, const dt_tensor *w, const dt_tensor *b, int64_t c,
                int64_t t) {
  project(rows, in, w, b, c, t, 0);
}

/* K^T panels (T x d), query blocks (d x round4(T)), V panels (d x T) */
typedef struct {
  const float *kp, *qb, *vp;
  int64_t d, t;
} packed_head;

static packed_head pack_head(const float *qh, const float *kh, const float *vh, int64_t d,
                             int64_t t, float scale, float *buf) {
  int64_t tp = round4(t);
  float *kp = buf, *qb = kp + dt_panel_size(t, d), *vp = qb + d * tp;
  dt_panel_pack_t(kp, kh, t, d, t);
  for (int64_t first = 0; first < tp; first += QUERY_BLOCK) { /* Q block by block; padding 0 */
    int64_t w = tp - first < QUERY_BLOCK ? tp - first : QUERY_BLOCK;
    float *dst = qb + first * d; /* (dt_block_offset's layout: d rows of w) */
    for (int64_t i = 0; i < d; i++)
      for (int64_t c = 0; c < w; c++)
        dst[i * w + c] = first + c < t ? scale * qh[i * t + first + c] : 0.0f;
  }
  dt_panel_pack(vp, vh, d, t, t);
  return (packed_head){kp, qb, vp, d, t};
}

#if defined(__AVX2__) && defined(__FMA__)
/* A full block: 16 columns, two vectors per row, the running maxima and
 * sums in registers (GCC's vectorisation of the scalar loop below kept them
 * in memory: a block's softmax at T = 256 took 2.0 us, 1.5 us this way) */
static void softmax_block(float *s, int64_t t, float *inv) {
  __m256 top0 = _mm256_loadu_ps(s), top1 = _mm256_loadu_ps(s + 8);
  for (int64_t r = 1; r < t; r++) { /* (a NaN score leaves the max; its exp is NaN below) */
    top0 = _mm256_max_ps(_mm256_loadu_ps(s + r * QUERY_BLOCK), top0);
    top1 = _mm256_max_ps(_mm256_loadu_ps(s + r * QUERY_BLOCK + 8), top1);
  }
  __m256 sum0 = _mm256_setzero_ps(), sum1 = sum0;
  for (int64_t r = 0; r < t; r++) {
    float *row = s + r * QUERY_BLOCK;
    __m256 e0 = dt_exp8(_mm256_sub_ps(_mm256_loadu_ps(row), top0));
    __m256 e1 = dt_exp8(_mm256_sub_ps(_mm256_loadu_ps(row + 8), top1));
    _mm256_storeu_ps(row, e0);
    _mm256_storeu_ps(row + 8, e1);
    sum0 = _mm256_add_ps(sum0, e0);
    sum1 = _mm256_add_ps(sum1, e1);
  }
  _mm256_storeu_ps(inv, _mm256_div_ps(_mm256_set1_ps(1.0f), sum0));
  _mm256_storeu_ps(inv + 8, _mm256_div_ps(_mm256_set1_ps(1.0f), sum1));
}
#endif

/* The softmax down each of the w columns of s (T x w), in place, and 1 /
 * each column's sum in inv: a query's scores are a column, so its max,
 * exponentials and sum are vector lanes. */
static void softmax_columns(float *s, int64_t t, int64_t w, float *inv) {
#if defined(__AVX2__) && defined(__FMA__)
  if (w == QUERY_BLOCK) {
    softmax_block(s, t, inv);
    return;
  }
#endif
  /* four rows per step, so the running max and sum (kept in memory by the
   * compiler) are updated a quarter as often */
  float top[QUERY_BLOCK], sum[QUERY_BLOCK];
  for (int64_t j = 0; j < w; j++) {
    top[j] = s[j];
    sum[j] = 0.0f;
  }
  int64_t r = 0;
  for (; r + 4 <= t; r += 4) {
    const float *s0 = s + r * w, *s1 = s0 + w, *s2 = s1 + w, *s3 = s2 + w;
#pragma omp simd
    for (int64_t j = 0; j < w; j++) {
      float m01 = s0[j] > s1[j] ? s0[j] : s1[j], m23 = s2[j] > s3[j] ? s2[j] : s3[j];
      float m = m01 > m23 ? m01 : m23;
      top[j] = m > top[j] ? m : top[j];
    }
  }
  for (; r < t; r++)
    for (int64_t j = 0; j < w; j++)
      top[j] = s[r * w + j] > top[j] ? s[r * w + j] : top[j];
  for (r = 0; r + 4 <= t; r += 4) {
    float *s0 = s + r * w, *s1 = s0 + w, *s2 = s1 + w, *s3 = s2 + w;
#pragma omp simd
    for (int64_t j = 0; j < w; j++) {
      float e0 = dt_expf(s0[j] - top[j]), e1 = dt_expf(s1[j] - top[j]);
      float e2 = dt_expf(s2[j] - top[j]), e3 = dt_expf(s3[j] - top[j]);
      s0[j] = e0;
      s1[j] = e1;
      s2[j] = e2;
      s3[j] = e3;
      sum[j] += (e0 + e1) + (e2 + e3);
    }
  }
  for (; r < t; r++)
    for (int64_t j = 0; j < w; j++) {
      float e = dt_expf(s[r * w + j] - top[j]);
      s[r * w + j] = e;
      sum[j] += e;
    }
  for (int64_t j = 0; j < w; j++)
    inv[j] = 1.0f / sum[j];
}

/* Queries first .. first + 15 (or to the end) of a packed head into oh (d x T) */
static void query_block(const packed_head *h, int64_t first, float *oh, float *buf) {
  int64_t d = h->d, t = h->t, tp = round4(t);
  int64_t w = tp - first < QUERY_BLOCK ? tp - first : QUERY_BLOCK; /* the block's columns */
  int64_t valid = t - first < w ? t - first : w;                   /* ... that are queries */
  float *s = buf, *ob = s + t * QUERY_BLOCK, *inv = ob + d * QUERY_BLOCK;
  dt_panel_gemm(t, w, d, h->kp, h->qb + first * d, s, w); /* S = K^T Q_block, T x w */
  softmax_columns(s, t, w, inv);
  dt_panel_gemm(d, w, t, h->vp, s, ob, w); /* O_block = V S, d x w */
  for (int64_t c = 0; c < d; c++)          /* the softmax's normalisation, on d x w values */
    for (int64_t j = 0; j < valid; j++)
      oh[c * t + first + j] = ob[c * w + j] * inv[j];
}

/* One head, serially: every call computes the same blocks the same way, so
 * the bits do not depend on which thread ran what. */
static void attention_head(float *oh, const float *qh, const float *kh, const float *vh, int64_t d,
                           int64_t t, float scale, float *packing, float *buf) {
  packed_head h = pack_head(qh, kh, vh, d, t, scale, packing);
  for (int64_t first = 0; first < t; first += QUERY_BLOCK)
    query_block(&h, first, oh, buf);
}

/* One sample, everything on the calling thread (serial) or spread over the
 * threads: a head per thread, or one head's query blocks. slot: this
 * thread's share of the scratch; slots: everyone's (for the spread). */
static void attention_sample(float *os, const float *xs, const float *rs,
                             const dt_tensor *const w[4], const dt_tensor *const b[4], int heads,
                             float rescale, int64_t c, int64_t t, float *slot, float *slots,
                             int serial) {
  int64_t d = c / heads, per = slot_floats(c, t);
  float scale = 1.0f / sqrtf((float)d);
  float *q = slot, *k = q + c * t, *v = k + c * t, *o = v + c * t, *own = o + c * t;
  project(q, xs, w[0], b[0], c, t, serial);
  project(k, xs, w[1], b[1], c, t, serial);
  project(v, xs, w[2], b[2], c, t, serial);
  if (serial) {
    for (int64_t h = 0; h < heads; h++)
      attention_head(o + h * d * t, q + h * d * t, k + h * d * t, v + h * d * t, d, t, scale, own,
                     own + head_floats(c, t));
  } else if (heads > 1) { /* a head per thread */
#pragma omp parallel for schedule(dynamic, 1)
    for (int64_t h = 0; h < heads; h++) {
      float *mine = slots + omp_get_thread_num() * per + 4 * c * t;
      attention_head(o + h * d * t, q + h * d * t, k + h * d * t, v + h * d * t, d, t, scale, mine,
                     mine + head_floats(c, t));
    }
  } else { /* one head, its query blocks spread over the threads */
    packed_head ph = pack_head(q, k, v, d, t, scale, own);
    int64_t blocks = (t + QUERY_BLOCK - 1) / QUERY_BLOCK;
#pragma omp parallel for schedule(dynamic, 1) if (t * t >= (1 << 16))
    for (int64_t j = 0; j < blocks; j++)
      query_block(&ph, j * QUERY_BLOCK, o,
                  slots + omp_get_thread_num() * per + 4 * c * t + head_floats(c, t));
  }
  project(os, o, w[3], b[3], c, t, serial);
  float inv = 1.0f / rescale;
  for (int64_t i = 0; i < c * t; i++)
    os[i] = (os[i] + rs[i]) * inv;
}

void dt_attention(dt_tensor *out, const dt_tensor *xn, const dt_tensor *residual,
                  const dt_tensor *const w[4], const dt_tensor *const b[4], int heads,
                  float rescale, float *scratch) {
  int64_t n = xn->shape[0], c = xn->shape[1], t = xn->numel / (n * c), per = slot_floats(c, t);
  int threads = omp_get_max_threads();
  if (n > 1 && threads > 1) { /* whole samples per thread, as the convolutions */
#pragma omp parallel for schedule(dynamic, 1)
    for (int64_t s = 0; s < n; s++)
      attention_sample(out->data + s * c * t, xn->data + s * c * t, residual->data + s * c * t, w,
                       b, heads, rescale, c, t, scratch + omp_get_thread_num() * per, scratch, 1);
    return;
  }
  for (int64_t s = 0; s < n; s++)
    attention_sample(out->data + s * c * t, xn->data + s * c * t, residual->data + s * c * t, w, b,
                     heads, rescale, c, t, scratch, scratch, threads == 1);
}

/* ---- resampling ---- */

void dt_upsample_nearest2x(dt_tensor *out, const dt_tensor *x) {
  int64_t planes = x->shape[0] * x->shape[1], h = x->shape[2], w = x->shape[3];
#pragma omp parallel for schedule(static) if (out->numel >= (1 << 16))
  for (int64_t p = 0; p < planes; p++) {
    const float *src = x->data + p * h * w;
    float *dst = out->data + p * 4 * h * w;
    for (int64_t y = 0; y < 2 * h; y++)
      for (int64_t xx = 0; xx < 2 * w; xx++)
        dst[y * 2 * w + xx] = src[(y / 2) * w + xx / 2];
  }
}

void dt_avg_pool2x(dt_tensor *out, const dt_tensor *x) {
  int64_t planes = x->shape[0] * x->shape[1], h = x->shape[2], w = x->shape[3];
  int64_t ho = out->shape[2], wo = out->shape[3];
#pragma omp parallel for schedule(static) if (x->numel >= (1 << 16))
  for (int64_t p = 0; p < planes; p++) {
    const float *src = x->data + p * h * w;
    float *dst = out->data + p * ho * wo;
    for (int64_t y = 0; y < ho; y++)
      for (int64_t xx = 0; xx < wo; xx++) {
        const float *a = src + 2 * y * w + 2 * xx;
        dst[y * wo + xx] = (a[0] + a[1] + a[w] + a[w + 1]) * 0.25f;
      }
  }
}

/* ---- timestep embedding ---- */

void dt_timestep_embedding(float *out, const float *t, int64_t n, int dim, int flip_sin_to_cos,
                           float freq_shift) {
  int half = dim / 2;
  const float neg_log_period = (float)(-log(10000.0));
  for (int64_t s = 0; s < n; s++) {
    float *o = out + s * dim;
    for (int i = 0; i < half; i++) {
      float e = neg_log_period * (float)i; /* each step rounded to float32, as torch */
      e = e / ((float)half - freq_shift);
      float arg = t[s] * expf(e);
      float sn = sinf(arg), cs = cosf(arg);
      o[flip_sin_to_cos ? half + i : i] = sn;
      o[flip_sin_to_cos ? i : half + i] = cs;
    }
    if (dim % 2)
      o[dim - 1] = 0;
  }
}
