/* Token-sequence ops (tokens.h). */
#include "tokens.h"

#include <math.h>
#include <string.h>

#include "nn.h"

void dt_layer_norm(dt_tensor *out, const dt_tensor *x, const dt_tensor *gamma,
                   const dt_tensor *beta, float eps) {
  int64_t c = x->shape[x->ndim - 1], rows = x->numel / c;
#pragma omp parallel for schedule(static) if (x->numel >= (1 << 16))
  for (int64_t r = 0; r < rows; r++) {
    const float *xr = x->data + r * c;
    float *o = out->data + r * c;
    double sum = 0, sq = 0;
    for (int64_t i = 0; i < c; i++)
      sum += xr[i];
    double mean = sum / (double)c;
    for (int64_t i = 0; i < c; i++)
      sq += (xr[i] - mean) * (xr[i] - mean);
    float m = (float)mean, rstd = (float)(1.0 / sqrt(sq / (double)c + eps));
    for (int64_t i = 0; i < c; i++)
      o[i] = gamma ? (xr[i] - m) * rstd * gamma->data[i] + beta->data[i] : (xr[i] - m) * rstd;
  }
}

void dt_layer_norm_backward(dt_tensor *gx, dt_tensor *ggamma, dt_tensor *gbeta, const dt_tensor *x,
                            const dt_tensor *gamma, float eps, const dt_tensor *g) {
  int64_t c = x->shape[x->ndim - 1], rows = x->numel / c;
  /* the parameters' sums run over rows in order (one thread), so they do not
   * depend on the thread count; the input gradient is row by row */
  for (int64_t r = 0; r < rows; r++) {
    const float *xr = x->data + r * c, *gr = g->data + r * c;
    double sum = 0, sq = 0;
    for (int64_t i = 0; i < c; i++)
      sum += xr[i];
    double mean = sum / (double)c;
    for (int64_t i = 0; i < c; i++)
      sq += (xr[i] - mean) * (xr[i] - mean);
    double rstd = 1.0 / sqrt(sq / (double)c + eps);
    double a = 0, b = 0; /* mean of gamma g, and of gamma g xhat */
    for (int64_t i = 0; i < c; i++) {
      double xhat = (xr[i] - mean) * rstd, gg = (double)gr[i] * (gamma ? gamma->data[i] : 1.0f);
      a += gg;
      b += gg * xhat;
      if (ggamma)
        ggamma->data[i] += (float)(gr[i] * xhat);
      if (gbeta)
        gbeta->data[i] += gr[i];
    }
    a /= (double)c;
    b /= (double)c;
    if (gx)
      for (int64_t i = 0; i < c; i++) {
        double xhat = (xr[i] - mean) * rstd;
        gx->data[r * c + i] =
            (float)(rstd * ((double)gr[i] * (gamma ? gamma->data[i] : 1.0f) - a - xhat * b));
      }
  }
}

/* rows of y (t x n_out) = x (t x n_in) @ w^T + b */
static void linear_rows(float *y, const float *x, int64_t t, const dt_tensor *w,
                        const dt_tensor *b) {
  int64_t n_out = w->shape[0], n_in = w->shape[1];
  float beta = 0;
  if (b) {
    for (int64_t r = 0; r < t; r++)
      memcpy(y + r * n_out, b->data, (size_t)n_out * sizeof(float));
    beta = 1;
  }
  dt_sgemm(0, 1, t, n_out, n_in, 1.0f, x, n_in, w->data, n_in, beta, y, n_out);
}

void dt_tokens_linear(dt_tensor *out, const dt_tensor *x, const dt_tensor *w, const dt_tensor *b) {
  int64_t n_in = w->shape[1], n_out = w->shape[0], rows = x->numel / n_in;
  int64_t n = x->ndim > 2 ? x->shape[0] : rows, t = rows / (n ? n : 1);
  for (int64_t s = 0; s < n; s++)
    linear_rows(out->data + s * t * n_out, x->data + s * t * n_in, t, w, b);
}

/* ---- attention ---- */

/* scores of query r for keys after r: -inf, so softmax gives them 0 */
static void mask_future(float *p, int64_t t, int64_t s) {
  for (int64_t r = 0; r < t; r++)
    for (int64_t j = r + 1; j < s; j++)
      p[r * s + j] = -INFINITY;
}

size_t dt_token_attention_scratch(int64_t t, int64_t s, int64_t inner) {
  return (size_t)(2 * t * inner + 2 * s * inner + t * s);
}

void dt_token_attention(dt_tensor *out, const dt_tensor *x, const dt_tensor *ctx,
                        const dt_tensor *const w[4], const dt_tensor *const b[4], int heads,
                        int causal, float *scratch) {
  int64_t n = x->shape[0], t = x->shape[1], c = x->shape[2], s = ctx->shape[1], cc = ctx->shape[2];
  int64_t inner = w[0]->shape[0], d = inner / heads;
  float scale = 1.0f / sqrtf((float)d);
  float *q = scratch, *k = q + t * inner, *v = k + s * inner, *o = v + s * inner,
        *p = o + t * inner;
  for (int64_t i = 0; i < n; i++) {
    const float *xs = x->data + i * t * c, *cs = ctx->data + i * s * cc;
    linear_rows(q, xs, t, w[0], b[0]);
    linear_rows(k, cs, s, w[1], b[1]);
    linear_rows(v, cs, s, w[2], b[2]);
    for (int64_t h = 0; h < heads; h++) { /* p (t x s) = q_h k_h^T, o_h = softmax(p) v_h */
      dt_sgemm(0, 1, t, s, d, scale, q + h * d, inner, k + h * d, inner, 0.0f, p, s);
      if (causal)
        mask_future(p, t, s);
      dt_softmax_rows(p, t, s);
      dt_sgemm(0, 0, t, d, s, 1.0f, p, s, v + h * d, inner, 0.0f, o + h * d, inner);
    }
    linear_rows(out->data + i * t * c, o, t, w[3], b[3]);
  }
}

size_t dt_token_attention_backward_scratch(int64_t t, int64_t s, int64_t inner) {
  return (size_t)(4 * t * inner + 4 * s * inner + 2 * t * s);
}

static void add_bias_grad(dt_tensor *gb, const float *g, int64_t rows, int64_t cols) {
  if (!gb)
    return;
  for (int64_t j = 0; j < cols; j++) {
    double sum = 0;
    for (int64_t r = 0; r < rows; r++)
      sum += g[r * cols + j];
    gb->data[j] += (float)sum;
  }
}

void dt_token_attention_backward(dt_tensor *gx, dt_tensor *gctx, dt_tensor *const gw[4],
                                 dt_tensor *const gb[4], const dt_tensor *x, const dt_tensor *ctx,
                                 const dt_tensor *const w[4], const dt_tensor *const b[4],
                                 int heads, int causal, const dt_tensor *g, float *scratch) {
  int64_t n = x->shape[0], t = x->shape[1], c = x->shape[2], s = ctx->shape[1], cc = ctx->shape[2];
  int64_t inner = w[0]->shape[0], d = inner / heads;
  float scale = 1.0f / sqrtf((float)d);
  float *q = scratch, *k = q + t * inner, *v = k + s * inner, *o = v + s * inner;
  float *go = o + t * inner, *gq = go + t * inner, *gk = gq + t * inner, *gv = gk + s * inner;
  float *p = gv + s * inner, *gp = p + t * s;
  for (int64_t i = 0; i < n; i++) {
    const float *xs = x->data + i * t * c, *cs = ctx->data + i * s * cc, *gs = g->data + i * t * c;
    linear_rows(q, xs, t, w[0], b[0]);
    linear_rows(k, cs, s, w[1], b[1]);
    linear_rows(v, cs, s, w[2], b[2]);
    for (int64_t h = 0; h < heads; h++) {
      dt_sgemm(0, 1, t, s, d, scale, q + h * d, inner, k + h * d, inner, 0.0f, p, s);
      if (causal)
        mask_future(p, t, s);
      dt_softmax_rows(p, t, s);
      dt_sgemm(0, 0, t, d, s, 1.0f, p, s, v + h * d, inner, 0.0f, o + h * d, inner);
    }
    /* out = o Wo^T + bo */
    if (gw[3])
      dt_sgemm(1, 0, c, inner, t, 1.0f, gs, c, o, inner, 1.0f, gw[3]->data, inner);
    add_bias_grad(gb[3], gs, t, c);
    dt_sgemm(0, 0, t, inner, c, 1.0f, gs, c, w[3]->data, inner, 0.0f, go, inner);
    for (int64_t h = 0; h < heads; h++) {
      const float *qh = q + h * d, *kh = k + h * d, *vh = v + h * d, *goh = go + h * d;
      dt_sgemm(0, 1, t, s, d, scale, qh, inner, kh, inner, 0.0f, p, s);
      if (causal)
        mask_future(p, t, s);
      dt_softmax_rows(p, t, s);
      dt_sgemm(1, 0, s, d, t, 1.0f, p, s, goh, inner, 0.0f, gv + h * d, inner); /* P^T go */
      dt_sgemm(0, 1, t, s, d, 1.0f, goh, inner, vh, inner, 0.0f, gp, s);        /* go v^T */
      for (int64_t r = 0; r < t; r++) { /* through the softmax */
        float *pr = p + r * s, *gr = gp + r * s;
        double dot = 0;
        for (int64_t j = 0; j < s; j++)
          dot += (double)gr[j] * pr[j];
        for (int64_t j = 0; j < s; j++)
          gr[j] = pr[j] * (gr[j] - (float)dot) * scale;
      }
      dt_sgemm(0, 0, t, d, s, 1.0f, gp, s, kh, inner, 0.0f, gq + h * d, inner);
      dt_sgemm(1, 0, s, d, t, 1.0f, gp, s, qh, inner, 0.0f, gk + h * d, inner);
    }
    /* the projections, backwards: q from x, k and v from ctx */
    const float *grads[3] = {gq, gk, gv}, *ins[3] = {xs, cs, cs};
    int64_t rows[3] = {t, s, s}, widths[3] = {c, cc, cc};
    for (int r = 0; r < 3; r++) {
      if (gw[r])
        dt_sgemm(1, 0, inner, widths[r], rows[r], 1.0f, grads[r], inner, ins[r], widths[r], 1.0f,
                 gw[r]->data, widths[r]);
      if (b[r])
        add_bias_grad(gb[r], grads[r], rows[r], inner);
    }
    if (gx)
      dt_sgemm(0, 0, t, c, inner, 1.0f, gq, inner, w[0]->data, c, 0.0f, gx->data + i * t * c, c);
    if (gctx) {
      float *gcs = gctx->data + i * s * cc;
      dt_sgemm(0, 0, s, cc, inner, 1.0f, gk, inner, w[1]->data, cc, 0.0f, gcs, cc);
      dt_sgemm(0, 0, s, cc, inner, 1.0f, gv, inner, w[2]->data, cc, 1.0f, gcs, cc);
    }
  }
}

/* ---- GEGLU ---- */

static float gelu(float v) { return 0.5f * v * (1.0f + erff(v * 0.70710678118654752f)); }

void dt_geglu(dt_tensor *out, const dt_tensor *x) {
  int64_t f = out->shape[out->ndim - 1], rows = out->numel / f;
#pragma omp parallel for schedule(static) if (out->numel >= (1 << 16))
  for (int64_t r = 0; r < rows; r++) {
    const float *a = x->data + r * 2 * f, *b = a + f;
    for (int64_t i = 0; i < f; i++)
      out->data[r * f + i] = a[i] * gelu(b[i]);
  }
}

void dt_geglu_backward(dt_tensor *gx, const dt_tensor *x, const dt_tensor *g) {
  int64_t f = g->shape[g->ndim - 1], rows = g->numel / f;
#pragma omp parallel for schedule(static) if (g->numel >= (1 << 16))
  for (int64_t r = 0; r < rows; r++) {
    const float *a = x->data + r * 2 * f, *b = a + f, *gr = g->data + r * f;
    float *ga = gx->data + r * 2 * f, *gb = ga + f;
    for (int64_t i = 0; i < f; i++) {
      float v = b[i];
      float slope = 0.5f * (1.0f + erff(v * 0.70710678118654752f)) +
                    v * expf(-0.5f * v * v) * 0.39894228040143268f;
      ga[i] = gr[i] * gelu(v);
      gb[i] = gr[i] * a[i] * slope;
    }
  }
}

/* ---- layouts ---- */

static void transpose(float *dst, const float *src, int64_t rows, int64_t cols) {
  for (int64_t r = 0; r < rows; r++)
    for (int64_t c = 0; c < cols; c++)
      dst[c * rows + r] = src[r * cols + c];
}

void dt_to_tokens(dt_tensor *out, const dt_tensor *x) {
  int64_t n = x->shape[0], c = x->shape[1], hw = x->numel / (n * c);
  for (int64_t s = 0; s < n; s++)
    transpose(out->data + s * c * hw, x->data + s * c * hw, c, hw);
}

void dt_from_tokens(dt_tensor *out, const dt_tensor *x) {
  int64_t n = out->shape[0], c = out->shape[1], hw = out->numel / (n * c);
  for (int64_t s = 0; s < n; s++)
    transpose(out->data + s * c * hw, x->data + s * c * hw, hw, c);
}
