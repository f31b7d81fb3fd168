/* Backward passes of the network ops in nn.c, for training. Each mirrors its
 * forward: the convolution's weight gradient through im2col and a GEMM, its
 * input gradient as the forward convolution of the flipped kernel (stride 1,
 * "same" padding) or a GEMM and col2im (the rest); group norm with its
 * statistics in double.
 *
 * A batch is spread over the threads by samples. Parameter gradients are
 * sums over samples, so their order of summation is fixed apart from the
 * threads: partial sums over fixed chunks of GRAD_CHUNK samples, added in
 * chunk order (or one channel per thread, samples in order). So gradients
 * do not depend on the thread count. */
#include <math.h>
#include <omp.h>
#include <string.h>

#include "fastmath.h"
#include "nn.h"

#define GRAD_CHUNK 4

static int64_t chunks_of(int64_t n) { return (n + GRAD_CHUNK - 1) / GRAD_CHUNK; }

/* copies of per-thread scratch a batch of n needs */
static int64_t thread_copies(int64_t n) {
  int64_t t = omp_get_max_threads();
  return n > 1 ? (t < n ? t : n) : 1;
}

/* dst[i] += sum over chunks c (in order) of partial[c * len + i] */
static void add_partials(float *dst, const float *partial, int64_t chunks, int64_t len) {
#pragma omp parallel for schedule(static) if (len * chunks >= (1 << 16))
  for (int64_t i = 0; i < len; i++) {
    float sum = dst[i];
    for (int64_t c = 0; c < chunks; c++)
      sum += partial[c * len + i];
    dst[i] = sum;
  }
}

/* The derivative of the activation at v (nn.c's act_value). */
static float act_slope(float v, dt_act act) {
  switch (act) {
  case DT_ACT_NONE: return 1.0f;
  case DT_ACT_SILU: return dt_silu_slope(v);
  case DT_ACT_MISH: { /* v tanh(softplus v) */
    float t = tanhf(log1pf(expf(v))), s = 1.0f / (1.0f + expf(-v));
    return t + v * (1.0f - t * t) * s;
  }
  case DT_ACT_RELU: return v > 0.0f ? 1.0f : 0.0f;
  case DT_ACT_GELU_TANH: {
    float u = 0.7978845608028654f * (v + 0.044715f * v * v * v), t = tanhf(u);
    return 0.5f * (1.0f + t) +
           0.5f * v * (1.0f - t * t) * 0.7978845608028654f * (1.0f + 3 * 0.044715f * v * v);
  }
  case DT_ACT_TANH: {
    float t = tanhf(v);
    return 1.0f - t * t;
  }
  case DT_ACT_QUICK_GELU: { /* s + 1.702 v s (1 - s), s = sigmoid(1.702 v) */
    float s = 1.0f / (1.0f + expf(-1.702f * v));
    return s + 1.702f * v * s * (1.0f - s);
  }
  case DT_ACT_GELU: /* 0.5 v (1 + erf(v / sqrt 2)) */
    return 0.5f * (1.0f + erff(v * 0.70710678118654752f)) +
           v * expf(-0.5f * v * v) * 0.39894228040143268f;
  }
  return 1.0f;
}

void dt_activation_backward(dt_tensor *gx, const dt_tensor *x, dt_act act, const dt_tensor *g) {
  if (act == DT_ACT_SILU) { /* apart, so that it vectorises */
#pragma omp parallel for schedule(static) if (x->numel >= (1 << 16))
    for (int64_t i = 0; i < x->numel; i++)
      gx->data[i] = g->data[i] * dt_silu_slope(x->data[i]);
    return;
  }
#pragma omp parallel for schedule(static) if (x->numel >= (1 << 16))
  for (int64_t i = 0; i < x->numel; i++)
    gx->data[i] = g->data[i] * act_slope(x->data[i], act);
}

static void conv_dims(const dt_tensor *x, const dt_tensor *w, const dt_conv_params *p, int64_t *ho,
                      int64_t *wo) {
  *ho = (x->shape[2] + p->pad_t + p->pad_b - w->shape[2]) / p->stride + 1;
  *wo = (x->shape[3] + p->pad_l + p->pad_r - w->shape[3]) / p->stride + 1;
}

/* A stride-1 convolution with "same" padding passes its gradient back as
 * the forward convolution of g with the kernel flipped and its channel axes
 * swapped: the fast forward path, and no scatter. */
static int same_stride1(const dt_tensor *w, const dt_conv_params *p) {
  int64_t kh = w->shape[2], kw = w->shape[3];
  return p->stride == 1 && kh % 2 && kw % 2 && p->pad_t == (kh - 1) / 2 && p->pad_b == p->pad_t &&
         p->pad_l == (kw - 1) / 2 && p->pad_r == p->pad_l;
}

/* The flipped kernel as a tensor over wt: (c_in, c_out, kh, kw). */
static dt_tensor flipped_kernel(const dt_tensor *w, float *wt) {
  int64_t co_n = w->shape[0], ci_n = w->shape[1], kh = w->shape[2], kw = w->shape[3];
  for (int64_t co = 0; co < co_n; co++)
    for (int64_t ci = 0; ci < ci_n; ci++)
      for (int64_t i = 0; i < kh; i++)
        for (int64_t j = 0; j < kw; j++)
          wt[((ci * co_n + co) * kh + (kh - 1 - i)) * kw + (kw - 1 - j)] =
              w->data[((co * ci_n + ci) * kh + i) * kw + j];
  dt_tensor t = {0};
  t.data = wt;
  t.ndim = 4;
  t.shape[0] = ci_n;
  t.shape[1] = co_n;
  t.shape[2] = kh;
  t.shape[3] = kw;
  t.numel = w->numel;
  return t;
}

size_t dt_conv2d_backward_scratch(const dt_tensor *x, const dt_tensor *w, const dt_conv_params *p) {
  int64_t ho, wo;
  conv_dims(x, w, p, &ho, &wo);
  size_t per = 2 * (size_t)(w->shape[1] * w->shape[2] * w->shape[3]) * (size_t)(ho * wo);
  size_t total =
      per * (size_t)thread_copies(x->shape[0]) + (size_t)(chunks_of(x->shape[0]) * w->numel);
  if (same_stride1(w, p)) { /* the flipped kernel, and the forward convolution's scratch */
    int64_t gshape[4] = {x->shape[0], w->shape[0], ho, wo};
    dt_tensor g = {0}, wt = {0};
    memcpy(g.shape, gshape, sizeof gshape);
    g.ndim = 4;
    wt.ndim = 4;
    wt.shape[0] = w->shape[1];
    wt.shape[1] = w->shape[0];
    wt.shape[2] = w->shape[2];
    wt.shape[3] = w->shape[3];
    total += (size_t)w->numel + dt_conv2d_scratch(&g, &wt, p);
  }
  return total;
}

/* The transpose of im2col: adds each column entry back onto the pixel it was
 * copied from (padding positions are dropped). */
static void col2im_add(float *gx, const float *cols, int64_t c_in, int64_t h, int64_t w, int64_t kh,
                       int64_t kw, const dt_conv_params *p, int64_t ho, int64_t wo, int serial) {
#pragma omp parallel for schedule(static) if (!serial && c_in * kh * kw * ho * wo >= (1 << 16))
  for (int64_t c = 0; c < c_in; c++) { /* each thread owns whole channels of gx */
    float *gc = gx + c * h * w;
    for (int64_t i = 0; i < kh; i++)
      for (int64_t j = 0; j < kw; j++) {
        const float *row = cols + ((c * kh + i) * kw + j) * ho * wo;
        for (int64_t oy = 0; oy < ho; oy++) {
          int64_t y = oy * p->stride - p->pad_t + i;
          if (y < 0 || y >= h)
            continue;
          for (int64_t ox = 0; ox < wo; ox++) {
            int64_t xx = ox * p->stride - p->pad_l + j;
            if (xx >= 0 && xx < w)
              gc[y * w + xx] += row[oy * wo + ox];
          }
        }
      }
  }
}

static void sgemm_any(int serial, int ta, int tb, int64_t m, int64_t n, int64_t k, float alpha,
                      const float *a, int64_t lda, const float *b, int64_t ldb, float beta,
                      float *c, int64_t ldc) {
  if (serial)
    dt_sgemm_serial(ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
  else
    dt_sgemm(ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
}

void dt_conv2d_backward(dt_tensor *gx, dt_tensor *gw, dt_tensor *gb, const dt_tensor *x,
                        const dt_tensor *w, const dt_tensor *g, const dt_conv_params *p,
                        float *scratch) {
  int64_t n = x->shape[0], c_in = x->shape[1], h = x->shape[2], wd = x->shape[3];
  int64_t c_out = w->shape[0], kh = w->shape[2], kw = w->shape[3], ho, wo;
  conv_dims(x, w, p, &ho, &wo);
  int64_t k = c_in * kh * kw, hw = ho * wo, chunks = chunks_of(n);
  int64_t per = 2 * k * hw;
  float *partial = scratch + per * thread_copies(n); /* chunks x (c_out x k) */
  int by_sample = n > 1 && omp_get_max_threads() > 1;
  if (gx && same_stride1(w, p)) {
    float *wt = partial + chunks * w->numel;
    dt_tensor flipped = flipped_kernel(w, wt);
    dt_conv2d(gx, g, &flipped, NULL, p, wt + w->numel);
    gx = NULL; /* done */
  }
  if (gx)
    memset(gx->data, 0, (size_t)gx->numel * sizeof(float));
  if (gw)
    memset(partial, 0, (size_t)(chunks * w->numel) * sizeof(float));
#pragma omp parallel for schedule(dynamic, 1) if (by_sample)
  for (int64_t ch = 0; ch < chunks; ch++) {
    float *cols = scratch + (by_sample ? omp_get_thread_num() : 0) * per, *gcols = cols + k * hw;
    int64_t end = (ch + 1) * GRAD_CHUNK < n ? (ch + 1) * GRAD_CHUNK : n;
    for (int64_t s = ch * GRAD_CHUNK; s < end; s++) {
      const float *gs = g->data + s * c_out * hw;
      if (gw) { /* partial (c_out x k) += g_s (c_out x hw) @ cols^T */
        dt_im2col(x->data + s * c_in * h * wd, c_in, h, wd, kh, kw, p, ho, wo, cols, by_sample);
        sgemm_any(by_sample, 0, 1, c_out, k, hw, 1.0f, gs, hw, cols, hw, 1.0f,
                  partial + ch * w->numel, k);
      }
      if (gx) { /* gcols (k x hw) = w^T (k x c_out) @ g_s, then back onto the pixels */
        sgemm_any(by_sample, 1, 0, k, hw, c_out, 1.0f, w->data, k, gs, hw, 0.0f, gcols, hw);
        col2im_add(gx->data + s * c_in * h * wd, gcols, c_in, h, wd, kh, kw, p, ho, wo, by_sample);
      }
    }
  }
  if (gw)
    add_partials(gw->data, partial, chunks, w->numel);
  if (gb) {
#pragma omp parallel for schedule(static) if (n * c_out * hw >= (1 << 16))
    for (int64_t co = 0; co < c_out; co++) { /* a channel per thread, samples in order */
      double sum = 0;
      for (int64_t s = 0; s < n; s++) {
        const float *gs = g->data + (s * c_out + co) * hw;
        for (int64_t i = 0; i < hw; i++)
          sum += gs[i];
      }
      gb->data[co] += (float)sum;
    }
  }
}

void dt_linear_backward(dt_tensor *gx, dt_tensor *gw, dt_tensor *gb, const dt_tensor *x,
                        const dt_tensor *w, const dt_tensor *g) {
  int64_t n_in = w->shape[1], n_out = w->shape[0], m = x->numel / n_in;
  if (gx) /* gx (m x n_in) = g (m x n_out) @ w */
    dt_sgemm(0, 0, m, n_in, n_out, 1.0f, g->data, n_out, w->data, n_in, 0.0f, gx->data, n_in);
  if (gw) /* gw (n_out x n_in) += g^T @ x */
    dt_sgemm(1, 0, n_out, n_in, m, 1.0f, g->data, n_out, x->data, n_in, 1.0f, gw->data, n_in);
  if (gb)
    for (int64_t o = 0; o < n_out; o++) {
      double sum = 0;
      for (int64_t i = 0; i < m; i++)
        sum += g->data[i * n_out + o];
      gb->data[o] += (float)sum;
    }
}

size_t dt_group_norm_backward_scratch(const dt_tensor *x, int groups) {
  /* in double: a mean and 1/sd per (sample, group), two sums per (sample, channel) */
  return 2 * (size_t)(2 * x->shape[0] * groups + 2 * x->shape[0] * x->shape[1]);
}

/* gz = g act'(a x + b) written to gz; returns sum gz and sum gz (x - xm) */
static void slope_sums(float *gz, const float *x, const float *g, int64_t len, float a, float b,
                       float xm, dt_act act, double *sum_gz, double *sum_gzx) {
  float lane_gz[8] = {0}, lane_gzx[8] = {0};
  int64_t i = 0;
  if (act == DT_ACT_SILU) { /* the common case, vectorised */
    for (; i + 8 <= len; i += 8)
      for (int l = 0; l < 8; l++) {
        float v = g[i + l] * dt_silu_slope(a * x[i + l] + b);
        gz[i + l] = v;
        lane_gz[l] += v;
        lane_gzx[l] += v * (x[i + l] - xm);
      }
  }
  for (; i < len; i++) {
    float v = g[i] * act_slope(a * x[i] + b, act);
    gz[i] = v;
    lane_gz[i % 8] += v;
    lane_gzx[i % 8] += v * (x[i] - xm);
  }
  double s1 = 0, s2 = 0;
  for (int l = 0; l < 8; l++) {
    s1 += lane_gz[l];
    s2 += lane_gzx[l];
  }
  *sum_gz = s1;
  *sum_gzx = s2;
}

/* With xhat the normalised input, z = gamma xhat + beta and y = act(z):
 * gz = g act'(z); ggamma += sum gz xhat; gbeta += sum gz; and over each
 * group of m values, gx = (gxh - mean(gxh) - xhat mean(gxh xhat)) / sd with
 * gxh = gz gamma. Each (sample, group) is one task; the parameter sums are
 * per (sample, channel) first, then added over samples in order
 * (deterministic). gx must not be NULL: it holds gz on the way. */
void dt_group_norm_backward(dt_tensor *gx, dt_tensor *ggamma, dt_tensor *gbeta, const dt_tensor *x,
                            const dt_tensor *gamma, const dt_tensor *beta, int groups, float eps,
                            dt_act act, const dt_tensor *g, float *scratch) {
  int64_t n = x->shape[0], c = x->shape[1], hw = x->numel / (n * c), cg = c / groups;
  int64_t m = cg * hw;
  double *sum_gz = (double *)scratch, *sum_gzx = sum_gz + n * c; /* per (sample, channel) */
#pragma omp parallel for schedule(static) if (x->numel >= (1 << 15))
  for (int64_t sg = 0; sg < n * groups; sg++) {
    int64_t s = sg / groups, grp = sg % groups, base = sg * m;
    const float *xs = x->data + base, *gs = g->data + base;
    float *out = gx->data + base;
    double mean, rstd;
    dt_mean_rstd(xs, m, eps, &mean, &rstd);
    double mean_gxh = 0, mean_gxh_xhat = 0;
    for (int64_t ch = 0; ch < cg; ch++) {
      int64_t cc = grp * cg + ch, off = ch * hw;
      double ga = gamma->data[cc];
      float a = (float)(ga * rstd), b = (float)(beta->data[cc] - mean * ga * rstd);
      double sgz, sgzx;
      slope_sums(out + off, xs + off, gs + off, hw, a, b, (float)mean, act, &sgz, &sgzx);
      double sxhat = sgzx * rstd; /* sum gz xhat */
      sum_gz[s * c + cc] = sgz;
      sum_gzx[s * c + cc] = sxhat;
      mean_gxh += ga * sgz;
      mean_gxh_xhat += ga * sxhat;
    }
    mean_gxh /= (double)m;
    mean_gxh_xhat /= (double)m;
    for (int64_t ch = 0; ch < cg; ch++) { /* gx = (gz gamma - mean_gxh - xhat mean_gxh_xhat) / sd */
      int64_t off = ch * hw;
      float ga = gamma->data[grp * cg + ch];
      float k1 = (float)(mean_gxh_xhat * rstd), k0 = (float)rstd;
      float c0 = (float)(mean_gxh - mean * mean_gxh_xhat * rstd);
      for (int64_t i = off; i < off + hw; i++)
        out[i] = (out[i] * ga - c0 - xs[i] * k1) * k0;
    }
  }
  for (int64_t cc = 0; cc < c; cc++) {
    double sg = 0, sb = 0;
    for (int64_t s = 0; s < n; s++) {
      sg += sum_gzx[s * c + cc];
      sb += sum_gz[s * c + cc];
    }
    if (ggamma)
      ggamma->data[cc] += (float)sg;
    if (gbeta)
      gbeta->data[cc] += (float)sb;
  }
}

void dt_upsample_nearest2x_backward(dt_tensor *gx, const dt_tensor *g) {
  int64_t planes = gx->shape[0] * gx->shape[1], h = gx->shape[2], w = gx->shape[3];
#pragma omp parallel for schedule(static) if (g->numel >= (1 << 16))
  for (int64_t p = 0; p < planes; p++) {
    const float *src = g->data + p * 4 * h * w;
    float *dst = gx->data + p * h * w;
    for (int64_t y = 0; y < h; y++)
      for (int64_t xx = 0; xx < w; xx++) {
        const float *a = src + 2 * y * 2 * w + 2 * xx;
        dst[y * w + xx] = a[0] + a[1] + a[2 * w] + a[2 * w + 1];
      }
  }
}

void dt_avg_pool2x_backward(dt_tensor *gx, const dt_tensor *g) {
  int64_t planes = gx->shape[0] * gx->shape[1], h = gx->shape[2], w = gx->shape[3];
  int64_t ho = g->shape[2], wo = g->shape[3];
  memset(gx->data, 0, (size_t)gx->numel * sizeof(float)); /* an odd last row or column: 0 */
#pragma omp parallel for schedule(static) if (gx->numel >= (1 << 16))
  for (int64_t p = 0; p < planes; p++) {
    const float *src = g->data + p * ho * wo;
    float *dst = gx->data + p * h * w;
    for (int64_t y = 0; y < ho; y++)
      for (int64_t xx = 0; xx < wo; xx++) {
        float v = 0.25f * src[y * wo + xx];
        float *a = dst + 2 * y * w + 2 * xx;
        a[0] = a[1] = a[w] = a[w + 1] = v;
      }
  }
}

size_t dt_attention_backward_scratch(int64_t n, int64_t channels, int64_t tokens) {
  size_t per = (size_t)(9 * channels * tokens + 2 * tokens * tokens);
  return per * (size_t)thread_copies(n) + (size_t)(chunks_of(n) * 4 * (channels + 1) * channels);
}

/* One sample, in dt_attention's channel-major layout (C x T): recompute q, k,
 * v and the head outputs o; then gY = g / rescale gives gWo += gY o^T, gbo,
 * go = Wo^T gY; each head, with P = softmax(scale qh^T kh) recomputed:
 * gvh = goh P, gP = goh^T vh, gS = P (gP - rowsum(gP P)), gqh = scale kh gS^T,
 * gkh = scale qh gS; finally the three input projections backwards.
 * Parameter gradients are added to pw (4 C x C) and pb (4 C); the key bias's
 * is zero. */
static void attention_sample_backward(float *gxs, float *gress, float *pw, float *pb,
                                      const float *xs, const float *gs, const dt_tensor *const w[4],
                                      const dt_tensor *const b[4], int64_t c, int64_t t, int heads,
                                      float rescale, float *scratch, int serial) {
  int64_t d = c / heads;
  float scale = 1.0f / sqrtf((float)d), inv = 1.0f / rescale;
  float *q = scratch, *k = q + c * t, *v = k + c * t, *o = v + c * t, *gy = o + c * t;
  float *go = gy + c * t, *gq = go + c * t, *gk = gq + c * t, *gv = gk + c * t;
  float *p = gv + c * t, *gp = p + t * t;
  float *grads[3] = {gq, gk, gv};
  dt_project(q, xs, w[0], b[0], c, t);
  dt_project(k, xs, w[1], b[1], c, t);
  dt_project(v, xs, w[2], b[2], c, t);
  for (int64_t h = 0; h < heads; h++) {
    sgemm_any(serial, 1, 0, t, t, d, scale, q + h * d * t, t, k + h * d * t, t, 0.0f, p, t);
    dt_softmax_rows(p, t, t);
    sgemm_any(serial, 0, 1, d, t, t, 1.0f, v + h * d * t, t, p, t, 0.0f, o + h * d * t, t);
  }
  for (int64_t i = 0; i < c * t; i++)
    gy[i] = gs[i] * inv;
  if (gress)
    memcpy(gress, gy, (size_t)(c * t) * sizeof(float));
  sgemm_any(serial, 0, 1, c, c, t, 1.0f, gy, t, o, t, 1.0f, pw + 3 * c * c, c);
  for (int64_t i = 0; i < c; i++) {
    double sum = 0;
    for (int64_t j = 0; j < t; j++)
      sum += gy[i * t + j];
    pb[3 * c + i] += (float)sum;
  }
  sgemm_any(serial, 1, 0, c, t, c, 1.0f, w[3]->data, c, gy, t, 0.0f, go, t);
  for (int64_t h = 0; h < heads; h++) {
    const float *qh = q + h * d * t, *kh = k + h * d * t, *vh = v + h * d * t;
    const float *goh = go + h * d * t;
    sgemm_any(serial, 1, 0, t, t, d, scale, qh, t, kh, t, 0.0f, p, t);
    dt_softmax_rows(p, t, t);
    sgemm_any(serial, 0, 0, d, t, t, 1.0f, goh, t, p, t, 0.0f, gv + h * d * t, t);
    sgemm_any(serial, 1, 0, t, t, d, 1.0f, goh, t, vh, t, 0.0f, gp, t);
    for (int64_t i = 0; i < t; i++) { /* through the softmax */
      double dot = 0;
      for (int64_t j = 0; j < t; j++)
        dot += (double)gp[i * t + j] * p[i * t + j];
      for (int64_t j = 0; j < t; j++)
        gp[i * t + j] = p[i * t + j] * (gp[i * t + j] - (float)dot);
    }
    sgemm_any(serial, 0, 1, d, t, t, scale, kh, t, gp, t, 0.0f, gq + h * d * t, t);
    sgemm_any(serial, 0, 0, d, t, t, scale, qh, t, gp, t, 0.0f, gk + h * d * t, t);
  }
  for (int r = 0; r < 3; r++) { /* rows = W x + b, backwards */
    sgemm_any(serial, 0, 1, c, c, t, 1.0f, grads[r], t, xs, t, 1.0f, pw + r * c * c, c);
    /* the key bias's gradient is exactly 0 (a softmax row is unchanged when its
     * scores shift together): summing gk would give only rounding, which AdamW
     * would amplify into steps */
    for (int64_t i = 0; r != 1 && i < c; i++) {
      double sum = 0;
      for (int64_t j = 0; j < t; j++)
        sum += grads[r][i * t + j];
      pb[r * c + i] += (float)sum;
    }
    if (gxs)
      sgemm_any(serial, 1, 0, c, t, c, 1.0f, w[r]->data, c, grads[r], t, r ? 1.0f : 0.0f, gxs, t);
  }
}

void dt_attention_backward(dt_tensor *gxn, dt_tensor *gres, dt_tensor *const gw[4],
                           dt_tensor *const gb[4], const dt_tensor *xn, const dt_tensor *const w[4],
                           const dt_tensor *const b[4], int heads, float rescale,
                           const dt_tensor *g, float *scratch) {
  int64_t n = xn->shape[0], c = xn->shape[1], t = xn->numel / (n * c), chunks = chunks_of(n);
  int64_t per = 9 * c * t + 2 * t * t, plen = 4 * (c + 1) * c;
  float *partial = scratch + per * thread_copies(n); /* chunks x (4 C x C weights, 4 C biases) */
  int by_sample = n > 1 && omp_get_max_threads() > 1;
  memset(partial, 0, (size_t)(chunks * plen) * sizeof(float));
#pragma omp parallel for schedule(dynamic, 1) if (by_sample)
  for (int64_t ch = 0; ch < chunks; ch++) {
    float *s_scratch = scratch + (by_sample ? omp_get_thread_num() : 0) * per;
    float *pw = partial + ch * plen, *pb = pw + 4 * c * c;
    int64_t end = (ch + 1) * GRAD_CHUNK < n ? (ch + 1) * GRAD_CHUNK : n;
    for (int64_t s = ch * GRAD_CHUNK; s < end; s++)
      attention_sample_backward(gxn ? gxn->data + s * c * t : NULL,
                                gres ? gres->data + s * c * t : NULL, pw, pb, xn->data + s * c * t,
                                g->data + s * c * t, w, b, c, t, heads, rescale, s_scratch,
                                by_sample);
  }
  for (int64_t ch = 1; ch < chunks; ch++) /* chunk 0 collects the others, in order */
    for (int64_t i = 0; i < plen; i++)
      partial[i] += partial[ch * plen + i];
  for (int r = 0; r < 4; r++) {
    if (gw[r])
      for (int64_t i = 0; i < c * c; i++)
        gw[r]->data[i] += partial[r * c * c + i];
    if (gb[r])
      for (int64_t i = 0; i < c; i++)
        gb[r]->data[i] += partial[4 * c * c + r * c + i];
  }
}
