/* Backward passes of the network ops in nn.c, for training. Each mirrors its
 * forward: the convolution through im2col and two GEMMs (col2im scatters the
 * input gradient back), group norm with statistics in double. Samples are
 * taken in order, so parameter gradients do not depend on the thread count. */
#include <math.h>
#include <string.h>

#include "nn.h"

/* The derivative of the activation at v (nn.c's act_value). */
static float act_slope(float v, dt_act act) {
  switch (act) {
  case DT_ACT_NONE: return 1.0f;
  case DT_ACT_SILU: {
    float s = 1.0f / (1.0f + expf(-v));
    return s * (1.0f + v * (1.0f - s));
  }
  case DT_ACT_MISH: { /* v tanh(softplus v) */
    float t = tanhf(log1pf(expf(v))), s = 1.0f / (1.0f + expf(-v));
    return t + v * (1.0f - t * t) * s;
  }
  case DT_ACT_RELU: return v > 0.0f ? 1.0f : 0.0f;
  case DT_ACT_GELU: /* 0.5 v (1 + erf(v / sqrt 2)) */
    return 0.5f * (1.0f + erff(v * 0.70710678118654752f)) +
           v * expf(-0.5f * v * v) * 0.39894228040143268f;
  }
  return 1.0f;
}

void dt_activation_backward(dt_tensor *gx, const dt_tensor *x, dt_act act, const dt_tensor *g) {
#pragma omp parallel for schedule(static) if (x->numel >= (1 << 16))
  for (int64_t i = 0; i < x->numel; i++)
    gx->data[i] = g->data[i] * act_slope(x->data[i], act);
}

static void conv_dims(const dt_tensor *x, const dt_tensor *w, const dt_conv_params *p, int64_t *ho,
                      int64_t *wo) {
  *ho = (x->shape[2] + p->pad_t + p->pad_b - w->shape[2]) / p->stride + 1;
  *wo = (x->shape[3] + p->pad_l + p->pad_r - w->shape[3]) / p->stride + 1;
}

size_t dt_conv2d_backward_scratch(const dt_tensor *x, const dt_tensor *w, const dt_conv_params *p) {
  int64_t ho, wo;
  conv_dims(x, w, p, &ho, &wo);
  return 2 * (size_t)(w->shape[1] * w->shape[2] * w->shape[3]) * (size_t)(ho * wo);
}

/* The transpose of im2col: adds each column entry back onto the pixel it was
 * copied from (padding positions are dropped). */
static void col2im_add(float *gx, const float *cols, int64_t c_in, int64_t h, int64_t w, int64_t kh,
                       int64_t kw, const dt_conv_params *p, int64_t ho, int64_t wo) {
#pragma omp parallel for schedule(static) if (c_in * kh * kw * ho * wo >= (1 << 16))
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

void dt_conv2d_backward(dt_tensor *gx, dt_tensor *gw, dt_tensor *gb, const dt_tensor *x,
                        const dt_tensor *w, const dt_tensor *g, const dt_conv_params *p,
                        float *scratch) {
  int64_t n = x->shape[0], c_in = x->shape[1], h = x->shape[2], wd = x->shape[3];
  int64_t c_out = w->shape[0], kh = w->shape[2], kw = w->shape[3], ho, wo;
  conv_dims(x, w, p, &ho, &wo);
  int64_t k = c_in * kh * kw, hw = ho * wo;
  float *cols = scratch, *gcols = scratch + k * hw;
  if (gx)
    memset(gx->data, 0, (size_t)gx->numel * sizeof(float));
  for (int64_t s = 0; s < n; s++) {
    const float *gs = g->data + s * c_out * hw;
    if (gw) { /* gw (c_out x k) += g_s (c_out x hw) @ cols^T */
      dt_im2col(x->data + s * c_in * h * wd, c_in, h, wd, kh, kw, p, ho, wo, cols, 0);
      dt_sgemm(0, 1, c_out, k, hw, 1.0f, gs, hw, cols, hw, 1.0f, gw->data, k);
    }
    if (gb)
      for (int64_t co = 0; co < c_out; co++) {
        double sum = 0;
        for (int64_t i = 0; i < hw; i++)
          sum += gs[co * hw + i];
        gb->data[co] += (float)sum;
      }
    if (gx) { /* gcols (k x hw) = w^T (k x c_out) @ g_s, then back onto the pixels */
      dt_sgemm(1, 0, k, hw, c_out, 1.0f, w->data, k, gs, hw, 0.0f, gcols, hw);
      col2im_add(gx->data + s * c_in * h * wd, gcols, c_in, h, wd, kh, kw, p, ho, wo);
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

/* With xhat the normalised input, z = gamma xhat + beta and y = act(z):
 * gz = g act'(z); ggamma += sum gz xhat; gbeta += sum gz; and over each
 * group of m values, gx = (gxh - mean(gxh) - xhat mean(gxh xhat)) / sd with
 * gxh = gz gamma. Parameter sums run over samples in order (deterministic). */
void dt_group_norm_backward(dt_tensor *gx, dt_tensor *ggamma, dt_tensor *gbeta, const dt_tensor *x,
                            const dt_tensor *gamma, const dt_tensor *beta, int groups, float eps,
                            dt_act act, const dt_tensor *g) {
  int64_t n = x->shape[0], c = x->shape[1], hw = x->numel / (n * c), cg = c / groups;
  int64_t m = cg * hw;
  for (int64_t s = 0; s < n; s++)
    for (int64_t grp = 0; grp < groups; grp++) {
      int64_t base = (s * c + grp * cg) * hw;
      const float *xs = x->data + base, *gs = g->data + base;
      double sum = 0, sq = 0;
      for (int64_t i = 0; i < m; i++)
        sum += xs[i];
      double mean = sum / (double)m;
      for (int64_t i = 0; i < m; i++)
        sq += (xs[i] - mean) * (xs[i] - mean);
      double rstd = 1.0 / sqrt(sq / (double)m + eps);
      double mean_gxh = 0, mean_gxh_xhat = 0;
      for (int64_t ch = 0; ch < cg; ch++) {
        int64_t cc = grp * cg + ch;
        double ga = gamma->data[cc], be = beta->data[cc], sg = 0, sb = 0;
        for (int64_t i = ch * hw; i < (ch + 1) * hw; i++) {
          double xhat = (xs[i] - mean) * rstd;
          double gz = gs[i] * (double)act_slope((float)(ga * xhat + be), act);
          sg += gz * xhat;
          sb += gz;
          mean_gxh += gz * ga;
          mean_gxh_xhat += gz * ga * xhat;
        }
        if (ggamma)
          ggamma->data[cc] += (float)sg;
        if (gbeta)
          gbeta->data[cc] += (float)sb;
      }
      if (!gx)
        continue;
      mean_gxh /= (double)m;
      mean_gxh_xhat /= (double)m;
      for (int64_t ch = 0; ch < cg; ch++) {
        int64_t cc = grp * cg + ch;
        double ga = gamma->data[cc], be = beta->data[cc];
        for (int64_t i = ch * hw; i < (ch + 1) * hw; i++) {
          double xhat = (xs[i] - mean) * rstd;
          double gxh = gs[i] * (double)act_slope((float)(ga * xhat + be), act) * ga;
          gx->data[base + i] = (float)((gxh - mean_gxh - xhat * mean_gxh_xhat) * rstd);
        }
      }
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

size_t dt_attention_backward_scratch(int64_t channels, int64_t tokens) {
  return (size_t)(9 * channels * tokens + 2 * tokens * tokens);
}

/* Per sample, in dt_attention's channel-major layout (C x T): recompute q, k,
 * v and the head outputs o; then gY = g / rescale gives gWo += gY o^T, gbo,
 * go = Wo^T gY; each head, with P = softmax(scale qh^T kh) recomputed:
 * gvh = goh P, gP = goh^T vh, gS = P (gP - rowsum(gP P)), gqh = scale kh gS^T,
 * gkh = scale qh gS; finally the three input projections backwards. */
void dt_attention_backward(dt_tensor *gxn, dt_tensor *gres, dt_tensor *const gw[4],
                           dt_tensor *const gb[4], const dt_tensor *xn, const dt_tensor *const w[4],
                           const dt_tensor *const b[4], int heads, float rescale,
                           const dt_tensor *g, float *scratch) {
  int64_t n = xn->shape[0], c = xn->shape[1], t = xn->numel / (n * c), d = c / heads;
  float scale = 1.0f / sqrtf((float)d), inv = 1.0f / rescale;
  float *q = scratch, *k = q + c * t, *v = k + c * t, *o = v + c * t, *gy = o + c * t;
  float *go = gy + c * t, *gq = go + c * t, *gk = gq + c * t, *gv = gk + c * t;
  float *p = gv + c * t, *gp = p + t * t;
  float *grads[3] = {gq, gk, gv};
  for (int64_t s = 0; s < n; s++) {
    const float *xs = xn->data + s * c * t, *gs = g->data + s * c * t;
    dt_project(q, xs, w[0], b[0], c, t);
    dt_project(k, xs, w[1], b[1], c, t);
    dt_project(v, xs, w[2], b[2], c, t);
    for (int64_t h = 0; h < heads; h++) {
      dt_sgemm(1, 0, t, t, d, scale, q + h * d * t, t, k + h * d * t, t, 0.0f, p, t);
      dt_softmax_rows(p, t, t);
      dt_sgemm(0, 1, d, t, t, 1.0f, v + h * d * t, t, p, t, 0.0f, o + h * d * t, t);
    }
    for (int64_t i = 0; i < c * t; i++)
      gy[i] = gs[i] * inv;
    if (gres)
      memcpy(gres->data + s * c * t, gy, (size_t)(c * t) * sizeof(float));
    if (gw[3])
      dt_sgemm(0, 1, c, c, t, 1.0f, gy, t, o, t, 1.0f, gw[3]->data, c);
    if (gb[3])
      for (int64_t i = 0; i < c; i++) {
        double sum = 0;
        for (int64_t j = 0; j < t; j++)
          sum += gy[i * t + j];
        gb[3]->data[i] += (float)sum;
      }
    dt_sgemm(1, 0, c, t, c, 1.0f, w[3]->data, c, gy, t, 0.0f, go, t);
    for (int64_t h = 0; h < heads; h++) {
      const float *qh = q + h * d * t, *kh = k + h * d * t, *vh = v + h * d * t;
      const float *goh = go + h * d * t;
      dt_sgemm(1, 0, t, t, d, scale, qh, t, kh, t, 0.0f, p, t);
      dt_softmax_rows(p, t, t);
      dt_sgemm(0, 0, d, t, t, 1.0f, goh, t, p, t, 0.0f, gv + h * d * t, t);
      dt_sgemm(1, 0, t, t, d, 1.0f, goh, t, vh, t, 0.0f, gp, t);
      for (int64_t i = 0; i < t; i++) { /* through the softmax */
        double dot = 0;
        for (int64_t j = 0; j < t; j++)
          dot += (double)gp[i * t + j] * p[i * t + j];
        for (int64_t j = 0; j < t; j++)
          gp[i * t + j] = p[i * t + j] * (gp[i * t + j] - (float)dot);
      }
      dt_sgemm(0, 1, d, t, t, scale, kh, t, gp, t, 0.0f, gq + h * d * t, t);
      dt_sgemm(0, 0, d, t, t, scale, qh, t, gp, t, 0.0f, gk + h * d * t, t);
    }
    float *gxs = gxn ? gxn->data + s * c * t : NULL;
    for (int r = 0; r < 3; r++) { /* rows = W x + b, backwards */
      if (gw[r])
        dt_sgemm(0, 1, c, c, t, 1.0f, grads[r], t, xs, t, 1.0f, gw[r]->data, c);
      if (gb[r])
        for (int64_t i = 0; i < c; i++) {
          double sum = 0;
          for (int64_t j = 0; j < t; j++)
            sum += grads[r][i * t + j];
          gb[r]->data[i] += (float)sum;
        }
      if (gxs)
        dt_sgemm(1, 0, c, t, c, 1.0f, w[r]->data, c, grads[r], t, r ? 1.0f : 0.0f, gxs, t);
    }
  }
}
