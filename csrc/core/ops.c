/* Each graph op's shape, forward and backward (ops.h). */
#include "ops.h"
#include "panel_gemm.h"

#include "tokens.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *const NAMES[DT_OP_KINDS] = {"conv2d",
                                               "linear",
                                               "group_norm",
                                               "activation",
                                               "upsample2x",
                                               "avgpool2x",
                                               "add",
                                               "add_channels",
                                               "scale_shift",
                                               "concat",
                                               "attention",
                                               "affine",
                                               "timestep_embedding",
                                               "fourier_embedding",
                                               "lookup",
                                               "div_samples",
                                               "layer_norm",
                                               "token_attention",
                                               "geglu",
                                               "to_tokens",
                                               "from_tokens",
                                               "add_positions",
                                               "modulate",
                                               "add_sincos_2d",
                                               "unpatchify"};

const char *dt_op_name(dt_op_kind kind) { return NAMES[kind]; }

int dt_op_shape_input(dt_op_kind kind, int j) {
  return j == 1 &&
         (kind == DT_OP_FROM_TOKENS || kind == DT_OP_ADD_SINCOS_2D || kind == DT_OP_UNPATCHIFY);
}

int dt_op_in_place(dt_op_kind kind) {
  switch (kind) {
  case DT_OP_GROUP_NORM:
  case DT_OP_ACT:
  case DT_OP_ADD:
  case DT_OP_ADD_POSITIONS:
  case DT_OP_ADD_CHANNELS:
  case DT_OP_SCALE_SHIFT:
  case DT_OP_AFFINE:
  case DT_OP_DIV_SAMPLES: return 1;
  default: return 0;
  }
}

static float *scratch(dt_op_ctx *c, size_t floats, dt_err *err, dt_status *st) {
  dt_workspace *ws = c->ws;
  if (floats > ws->scratch_floats) {
    free(ws->scratch); /* (nothing in it outlives an op: no copy) */
    ws->scratch = malloc(floats * sizeof(float));
    ws->scratch_floats = ws->scratch ? floats : 0;
    if (!ws->scratch) {
      *st =
          dt_fail(err, DT_ENOMEM, "out of memory for %zu bytes of scratch", floats * sizeof(float));
      return NULL;
    }
  }
  return ws->scratch;
}

static void copy_shape(const dt_tensor *t, int64_t *shape, int *ndim) {
  *ndim = t->ndim;
  memcpy(shape, t->shape, (size_t)t->ndim * sizeof(int64_t));
}

dt_status dt_op_shape(const dt_op *op, const dt_tensor *const in[2], const dt_tensor *const *w,
                      int64_t *shape, int *ndim, dt_err *err) {
  const dt_tensor *x = in[0];
  switch (op->kind) {
  case DT_OP_CONV2D: *ndim = 4; return dt_conv2d_shape(x, w[0], &op->conv, shape, err);
  case DT_OP_LINEAR:
    if (x->shape[x->ndim - 1] != w[0]->shape[1])
      return dt_fail(err, DT_EARG, "linear: input is not ... x %lld", (long long)w[0]->shape[1]);
    copy_shape(x, shape, ndim);
    shape[*ndim - 1] = w[0]->shape[0];
    return DT_OK;
  case DT_OP_GEGLU:
    copy_shape(x, shape, ndim);
    shape[*ndim - 1] /= 2;
    return DT_OK;
  case DT_OP_TO_TOKENS:
    *ndim = 3;
    shape[0] = x->shape[0];
    shape[1] = x->shape[2] * x->shape[3];
    shape[2] = x->shape[1];
    return DT_OK;
  case DT_OP_FROM_TOKENS:
    copy_shape(in[1], shape, ndim);
    shape[1] = x->shape[2];
    return DT_OK;
  case DT_OP_UPSAMPLE2X:
  case DT_OP_AVGPOOL2X:
    copy_shape(x, shape, ndim);
    if (op->kind == DT_OP_UPSAMPLE2X) {
      shape[2] *= 2;
      shape[3] *= 2;
    } else {
      if (x->shape[2] % 2 || x->shape[3] % 2)
        return dt_fail(err, DT_EARG, "avgpool2x: odd map size");
      shape[2] /= 2;
      shape[3] /= 2;
    }
    return DT_OK;
  case DT_OP_CONCAT:
    copy_shape(x, shape, ndim);
    shape[1] += in[1]->shape[1];
    return DT_OK;
  case DT_OP_ATTENTION: copy_shape(in[1], shape, ndim); return DT_OK;
  case DT_OP_TIMESTEP_EMBED: /* t (N) -> (N, dim); t (N, K) -> (N, K dim) */
    *ndim = 2;
    shape[0] = x->shape[0];
    shape[1] = (x->numel / (x->shape[0] ? x->shape[0] : 1)) * op->dim;
    return DT_OK;
  case DT_OP_FOURIER_EMBED:
    *ndim = 2;
    shape[0] = x->numel;
    shape[1] = 2 * w[0]->numel;
    return DT_OK;
  case DT_OP_LOOKUP:
    copy_shape(x, shape, ndim);
    shape[(*ndim)++] = w[0]->shape[1];
    return DT_OK;
  case DT_OP_UNPATCHIFY:
    copy_shape(in[1], shape, ndim);
    shape[1] = x->shape[2] / ((int64_t)op->dim * op->dim);
    return DT_OK;
  case DT_OP_ADD_POSITIONS:
    if (x->ndim != 3 || x->shape[1] > w[0]->shape[0])
      return dt_fail(err, DT_EARG, "%lld tokens: the model takes at most %lld",
                     (long long)(x->ndim == 3 ? x->shape[1] : 0), (long long)w[0]->shape[0]);
    copy_shape(x, shape, ndim);
    return DT_OK;
  default: /* elementwise: the shape of x */ copy_shape(x, shape, ndim); return DT_OK;
  }
}

static int winograd_fits(const dt_op_ctx *c, const dt_op *op, const dt_tensor *w,
                         const dt_tensor *x) {
  /* Winograd for 3x3 / stride 1 / pad 1 convolutions with at least 16
   * channels in and out: below that (the first convolution of a 1- or
   * 3-channel image) there is nothing to gain. Measured here, one thread:
   * 15-20% faster on the ddpm-cifar10 layout; the bundled model 9.4 -> 6.0
   * ms an image. */
  const dt_conv_params *p = &op->conv;
  return c->winograd_min_pixels > 0 && w->shape[0] >= 16 && w->shape[1] >= 16 && w->shape[2] == 3 &&
         w->shape[3] == 3 && p->stride == 1 && p->pad_t == 1 && p->pad_l == 1 && p->pad_b == 1 &&
         p->pad_r == 1 && x->shape[2] * x->shape[3] >= c->winograd_min_pixels;
}

void dt_op_drop_cache(dt_op_ctx *c, dt_op *op) {
  free(op->wino);
  c->ws->winograd_cached -= op->wino_bytes;
  op->wino = NULL;
  op->wino_bytes = 0;
  op->wino_tile = 0;
}

/* The Winograd transform of w for this tile: the op's cached one, made now
 * if the workspace's budget has room for it (a conv sees one map size per input
 * size, so it is made once), or NULL: the caller transforms into scratch. */
static const float *cached_transform(dt_op_ctx *c, dt_op *op, const dt_tensor *w, int tile) {
  uint64_t version = w->storage ? w->storage->version : 0;
  dt_workspace *ws = c->ws;
  if (op->wino && (op->wino_version != version || op->wino_tile != tile ||
                   ws->winograd_cached > ws->winograd_budget))
    dt_op_drop_cache(c, op); /* edited in place, another map size, or over a lowered budget (set
                                through another graph of the workspace) */
  if (op->wino)
    return op->wino;
  size_t bytes = dt_winograd_weights_size(w, tile) * sizeof(float);
  if (ws->winograd_cached > ws->winograd_budget ||
      bytes > ws->winograd_budget - ws->winograd_cached)
    return NULL;
  dt_tensor wide = {0}; /* 16-bit weights widened for the transform, once */
  if (w->dtype != DT_F32 && dt_as_float(&wide, w, NULL))
    return NULL;
  op->wino = malloc(bytes);
  if (!op->wino) { /* out of memory: the scratch's transform instead */
    dt_free(&wide);
    return NULL;
  }
  dt_winograd_weights(op->wino, w->dtype != DT_F32 ? &wide : w, tile);
  dt_free(&wide);
  op->wino_bytes = bytes;
  op->wino_tile = tile;
  op->wino_version = version;
  ws->winograd_cached += bytes;
  return op->wino;
}

/* Transforms made per call are made and used a piece of output channels at a
 * time, each piece's at most this many floats (32 MB): whole, SD1.5's UNet's
 * 2560 -> 1280 channel convolution held 451 MB of them in the scratch. Each
 * piece transforms the input anew, 0.5% of the products per piece there. */
#define ON_THE_FLY_FLOATS ((size_t)8 << 20)

/* Winograd with the weights transformed here, rows co0 .. of w at a time
 * (16-bit weights widened a piece at a time, into the scratch). */
static dt_status winograd_on_the_fly(dt_op_ctx *c, const dt_tensor *x, const dt_tensor *w,
                                     const dt_tensor *b, dt_tensor *out, int tile, dt_err *err) {
  dt_status st = DT_OK;
  int64_t co_n = w->shape[0], k = w->numel / co_n;
  dt_tensor piece = *w; /* rows co0 .. co0 + rows - 1 of w: a view, or their widened copy */
  piece.dtype = DT_F32;
  piece.bits16 = NULL;
  piece.shape[0] = DT_PANEL_ROWS;
  int64_t panels = (int64_t)(ON_THE_FLY_FLOATS / dt_winograd_weights_size(&piece, tile));
  int64_t rows = (panels > 1 ? panels : 1) * DT_PANEL_ROWS;
  piece.shape[0] = rows = rows < co_n ? rows : co_n;
  size_t u_floats = dt_winograd_weights_size(&piece, tile),
         x_floats = dt_winograd_scratch(x, rows, tile);
  size_t wide_floats = w->dtype != DT_F32 ? (size_t)(rows * k) : 0;
  float *s = scratch(c, u_floats + x_floats + wide_floats, err, &st);
  if (st)
    return st;
  for (int64_t co0 = 0; co0 < co_n; co0 += rows) {
    piece.shape[0] = co0 + rows < co_n ? rows : co_n - co0;
    piece.numel = piece.shape[0] * k;
    if (wide_floats) {
      piece.data = s + u_floats + x_floats;
      dt_from_16bit(w->dtype, w->bits16 + co0 * k, piece.data, piece.numel);
    } else {
      piece.data = w->data + co0 * k;
    }
    dt_winograd_weights(s, &piece, tile);
    dt_conv3x3_winograd_channels(out, co0, piece.shape[0], rows, x, s, b ? b->data + co0 : NULL,
                                 s + u_floats, tile);
  }
  return DT_OK;
}

static dt_status conv_forward(dt_op_ctx *c, dt_op *op, const dt_tensor *x, const dt_tensor *w,
                              const dt_tensor *b, dt_tensor *out, dt_err *err) {
  dt_status st = DT_OK;
  int tile = winograd_fits(c, op, w, x) ? dt_winograd_tile(x->shape[2], x->shape[3]) : 0;
  const float *u = tile ? cached_transform(c, op, w, tile) : NULL;
  if (u) {
    float *s = scratch(c, dt_winograd_scratch(x, out->shape[1], tile), err, &st);
    if (st)
      return st;
    dt_conv3x3_winograd(out, x, u, b, s, tile);
  } else if (tile) { /* the same values as with a cached transform: results do not depend on the
                        budget */
    if ((st = winograd_on_the_fly(c, x, w, b, out, tile, err)))
      return st;
  } else {
    size_t conv_floats = dt_conv2d_scratch(x, w, &op->conv);
    float *s = scratch(c, conv_floats + (w->dtype != DT_F32 ? (size_t)w->numel : 0), err, &st);
    if (st)
      return st;
    dt_tensor wide = *w; /* 16-bit weights widened into the scratch's tail */
    if (w->dtype != DT_F32) {
      wide.data = s + conv_floats;
      wide.bits16 = NULL;
      wide.dtype = DT_F32;
      dt_from_16bit(w->dtype, w->bits16, wide.data, w->numel);
    }
    dt_conv2d(out, x, &wide, b, &op->conv, s);
  }
  c->flops += 2.0 * (double)out->numel * (double)(w->numel / w->shape[0]);
  return DT_OK;
}

/* index i of a LOOKUP, checked: an integer row of the table */
static dt_status lookup_row(const dt_op *op, float v, int64_t rows, int64_t *row, dt_err *err) {
  int64_t k = (int64_t)v;
  if (!(v >= 0 && v < (float)rows) || (float)k != v)
    return dt_fail(err, DT_EARG, "%s %g is not an integer in 0..%lld", op->what, (double)v,
                   (long long)rows - 1);
  *row = k;
  return DT_OK;
}

dt_status dt_op_forward(dt_op_ctx *c, dt_op *op, const dt_tensor *const in[2],
                        const dt_tensor *const *w, dt_tensor *out, dt_err *err) {
  const dt_tensor *x = in[0];
  dt_status st = DT_OK;
  int64_t n = x->shape[0];
  switch (op->kind) {
  case DT_OP_CONV2D: return conv_forward(c, op, x, w[0], w[1], out, err);
  case DT_OP_LINEAR:
    if (x->ndim > 2)
      dt_tokens_linear(out, x, w[0], w[1]);
    else
      dt_linear(out, x, w[0], w[1]);
    c->flops += 2.0 * (double)out->numel * (double)w[0]->shape[1];
    return DT_OK;
  case DT_OP_LAYER_NORM: dt_layer_norm(out, x, w[0], w[1], op->eps); return DT_OK;
  case DT_OP_TOKEN_ATTENTION: {
    int64_t t = x->shape[1], s = in[1]->shape[1], inner = w[0]->shape[0];
    float *sc = scratch(c, dt_token_attention_scratch(t, s, inner), err, &st);
    if (st)
      return st;
    dt_token_attention(out, x, in[1], w, w + 4, op->heads, op->causal, sc);
    c->flops += 2.0 * (double)n *
                ((double)t * inner * (x->shape[2] * 2.0) + 2.0 * s * inner * in[1]->shape[2] +
                 2.0 * t * s * inner);
    return DT_OK;
  }
  case DT_OP_GEGLU: dt_geglu(out, x); return DT_OK;
  case DT_OP_TO_TOKENS: dt_to_tokens(out, x); return DT_OK;
  case DT_OP_FROM_TOKENS: dt_from_tokens(out, x); return DT_OK;
  case DT_OP_GROUP_NORM:
    dt_group_norm(out, x, w[0], w[1], op->groups, op->eps, op->act);
    return DT_OK;
  case DT_OP_ACT: dt_activation(out, x, op->act); return DT_OK;
  case DT_OP_UPSAMPLE2X: dt_upsample_nearest2x(out, x); return DT_OK;
  case DT_OP_AVGPOOL2X: dt_avg_pool2x(out, x); return DT_OK;
  case DT_OP_ADD: {
    const float *a = x->data, *b = in[1]->data;
    float s = op->scale;
    if (s == 1) {
      for (int64_t i = 0; i < out->numel; i++)
        out->data[i] = a[i] + b[i];
    } else {
      for (int64_t i = 0; i < out->numel; i++)
        out->data[i] = (a[i] + b[i]) * s;
    }
    return DT_OK;
  }
  case DT_OP_ADD_CHANNELS:
  case DT_OP_SCALE_SHIFT: {
    int64_t ch = x->shape[1], hw = x->shape[2] * x->shape[3], vw = in[1]->shape[1];
    for (int64_t s = 0; s < n; s++)
      for (int64_t k = 0; k < ch; k++) {
        const float *p = x->data + (s * ch + k) * hw;
        float *o = out->data + (s * ch + k) * hw;
        const float *v = in[1]->data + s * vw;
        if (op->kind == DT_OP_ADD_CHANNELS) {
          float add = v[k];
          for (int64_t i = 0; i < hw; i++)
            o[i] = p[i] + add;
        } else {
          float scale = 1 + v[k], shift = v[ch + k];
          for (int64_t i = 0; i < hw; i++)
            o[i] = p[i] * scale + shift;
        }
      }
    return DT_OK;
  }
  case DT_OP_CONCAT: {
    int64_t sa = x->numel / n, sb = in[1]->numel / n;
    for (int64_t s = 0; s < n; s++) {
      memcpy(out->data + s * (sa + sb), x->data + s * sa, (size_t)sa * sizeof(float));
      memcpy(out->data + s * (sa + sb) + sa, in[1]->data + s * sb, (size_t)sb * sizeof(float));
    }
    return DT_OK;
  }
  case DT_OP_ATTENTION: {
    int64_t ch = x->shape[1], tokens = x->shape[2] * x->shape[3];
    float *s = scratch(c, dt_attention_scratch(ch, tokens), err, &st);
    if (st)
      return st;
    dt_attention(out, x, in[1], w, w + 4, op->heads, op->scale, s);
    c->flops += (double)n * (8.0 * ch * ch * tokens + 4.0 * tokens * tokens * ch);
    return DT_OK;
  }
  case DT_OP_AFFINE:
    for (int64_t i = 0; i < out->numel; i++)
      out->data[i] = x->data[i] * op->scale + op->shift;
    return DT_OK;
  case DT_OP_TIMESTEP_EMBED:
    dt_timestep_embedding(out->data, x->data, x->numel, op->dim, op->flip, op->shift);
    return DT_OK;
  case DT_OP_FOURIER_EMBED: {
    int64_t half = w[0]->numel, m = x->numel;
    for (int64_t s = 0; s < m; s++)
      for (int64_t i = 0; i < half; i++) { /* log(t) * W * 2 pi in float32, as torch */
        float arg = logf(x->data[s]) * w[0]->data[i] * 2.0f * (float)M_PI;
        out->data[s * 2 * half + i] = sinf(arg); /* UNet2DModel never flips them */
        out->data[s * 2 * half + half + i] = cosf(arg);
      }
    return DT_OK;
  }
  case DT_OP_MODULATE: {
    int64_t t = x->shape[1], dd = x->shape[2], vw = in[1]->shape[1];
    for (int64_t s = 0; s < n; s++) {
      const float *sc = in[1]->data + s * vw + op->scale_chunk * dd;
      const float *sh = op->shift_chunk >= 0 ? in[1]->data + s * vw + op->shift_chunk * dd : NULL;
      for (int64_t r = 0; r < t; r++) {
        const float *xr = x->data + (s * t + r) * dd;
        float *o = out->data + (s * t + r) * dd;
        for (int64_t i = 0; i < dd; i++)
          o[i] = xr[i] * (op->scale + sc[i]) + (sh ? sh[i] : 0.0f);
      }
    }
    return DT_OK;
  }
  case DT_OP_ADD_SINCOS_2D: {
    int64_t hh = in[1]->shape[2], ww = in[1]->shape[3], dd = x->shape[2], q = dd / 4;
    float *e = scratch(c, (size_t)dd, err, &st);
    if (st)
      return st;
    for (int64_t r = 0; r < hh * ww; r++) {
      /* diffusers' get_2d_sincos_pos_embed: the first half from the column,
       * the second from the row (its meshgrid puts w first); each half
       * sin then cos at frequencies 10000^(-k / q), in float64 */
      double pos[2] = {(double)(float)((float)(r % ww) / ((float)ww / (float)op->dim)),
                       (double)(float)((float)(r / ww) / ((float)hh / (float)op->dim))};
      for (int half = 0; half < 2; half++)
        for (int64_t k = 0; k < q; k++) {
          double a = pos[half] * (1.0 / pow(10000.0, (double)k / (double)q));
          e[half * 2 * q + k] = (float)sin(a);
          e[half * 2 * q + q + k] = (float)cos(a);
        }
      for (int64_t s = 0; s < n; s++)
        for (int64_t i = 0; i < dd; i++)
          out->data[(s * hh * ww + r) * dd + i] = x->data[(s * hh * ww + r) * dd + i] + e[i];
    }
    return DT_OK;
  }
  case DT_OP_UNPATCHIFY: {
    int64_t p = op->dim, ch = out->shape[1], hp = out->shape[2], wp = out->shape[3];
    int64_t hh = hp / p, ww = wp / p;
    for (int64_t s = 0; s < n; s++) /* (h, w, p, q, c) -> (c, h p, w q) */
      for (int64_t a = 0; a < hh; a++)
        for (int64_t b = 0; b < ww; b++)
          for (int64_t i = 0; i < p; i++)
            for (int64_t j = 0; j < p; j++)
              for (int64_t k = 0; k < ch; k++)
                out->data[((s * ch + k) * hp + a * p + i) * wp + b * p + j] =
                    x->data[(((s * hh + a) * ww + b) * p + i) * p * ch + j * ch + k];
    return DT_OK;
  }
  case DT_OP_ADD_POSITIONS: {
    int64_t per = x->numel / n; /* L x D: the table's first L rows */
    for (int64_t s = 0; s < n; s++)
      for (int64_t i = 0; i < per; i++)
        out->data[s * per + i] = x->data[s * per + i] + w[0]->data[i];
    return DT_OK;
  }
  case DT_OP_LOOKUP: {
    int64_t rows = w[0]->shape[0], dim = w[0]->shape[1];
    for (int64_t s = 0; s < x->numel; s++) {
      int64_t row = 0;
      if ((st = lookup_row(op, x->data[s], rows, &row, err)))
        return st;
      if (w[0]->dtype != DT_F32) /* a table kept in 16 bits (not staged: graph.c) */
        dt_from_16bit(w[0]->dtype, w[0]->bits16 + row * dim, out->data + s * dim, dim);
      else
        memcpy(out->data + s * dim, w[0]->data + row * dim, (size_t)dim * sizeof(float));
    }
    return DT_OK;
  }
  case DT_OP_DIV_SAMPLES: {
    int64_t per = x->numel / n;
    for (int64_t s = 0; s < n; s++)
      for (int64_t i = 0; i < per; i++)
        out->data[s * per + i] = x->data[s * per + i] / in[1]->data[s];
    return DT_OK;
  }
  default: return dt_fail(err, DT_EARG, "graph: unknown op %d", (int)op->kind);
  }
}

dt_status dt_op_backward(dt_op_ctx *c, const dt_op *op, const dt_tensor *const in[2],
                         const dt_tensor *const *w, const dt_tensor *gy, dt_tensor *const gin[2],
                         dt_tensor *const *gw, dt_err *err) {
  const dt_tensor *x = in[0];
  dt_tensor *gx = gin[0];
  dt_status st = DT_OK;
  int64_t n = x->shape[0];
  const float *g = gy->data;
  switch (op->kind) {
  case DT_OP_CONV2D: {
    if (!gx && !gw[0] && !gw[1])
      return DT_OK;
    float *s = scratch(c, dt_conv2d_backward_scratch(x, w[0], &op->conv), err, &st);
    if (!st)
      dt_conv2d_backward(gx, gw[0], gw[1], x, w[0], gy, &op->conv, s);
    return st;
  }
  case DT_OP_LINEAR: dt_linear_backward(gx, gw[0], gw[1], x, w[0], gy); return DT_OK;
  case DT_OP_LAYER_NORM:
    dt_layer_norm_backward(gx, gw[0], gw[1], x, w[0], op->eps, gy);
    return DT_OK;
  case DT_OP_TOKEN_ATTENTION: {
    int64_t t = x->shape[1], s = in[1]->shape[1], inner = w[0]->shape[0];
    float *sc = scratch(c, dt_token_attention_backward_scratch(t, s, inner), err, &st);
    if (!st)
      dt_token_attention_backward(gx, gin[1], gw, gw + 4, x, in[1], w, w + 4, op->heads, op->causal,
                                  gy, sc);
    return st;
  }
  case DT_OP_GEGLU:
    if (gx)
      dt_geglu_backward(gx, x, gy);
    return DT_OK;
  case DT_OP_TO_TOKENS:
    if (gx)
      dt_from_tokens(gx, gy);
    return DT_OK;
  case DT_OP_FROM_TOKENS:
    if (gx)
      dt_to_tokens(gx, gy);
    return DT_OK;
  case DT_OP_GROUP_NORM: {
    float *s = scratch(c, dt_group_norm_backward_scratch(x, op->groups), err, &st);
    if (!st)
      dt_group_norm_backward(gx, gw[0], gw[1], x, w[0], w[1], op->groups, op->eps, op->act, gy, s);
    return st;
  }
  case DT_OP_ACT:
    if (gx)
      dt_activation_backward(gx, x, op->act, gy);
    return DT_OK;
  case DT_OP_UPSAMPLE2X:
    if (gx)
      dt_upsample_nearest2x_backward(gx, gy);
    return DT_OK;
  case DT_OP_AVGPOOL2X:
    if (gx)
      dt_avg_pool2x_backward(gx, gy);
    return DT_OK;
  case DT_OP_ADD:
    for (int j = 0; j < 2; j++)
      if (gin[j])
        for (int64_t i = 0; i < gy->numel; i++)
          gin[j]->data[i] = g[i] * op->scale;
    return DT_OK;
  case DT_OP_ADD_CHANNELS:
  case DT_OP_SCALE_SHIFT: {
    int64_t ch = x->shape[1], hw = x->shape[2] * x->shape[3], vw = in[1]->shape[1];
    int shift = op->kind == DT_OP_SCALE_SHIFT;
    for (int64_t s = 0; s < n; s++)
      for (int64_t k = 0; k < ch; k++) {
        const float *gs = g + (s * ch + k) * hw, *xs = x->data + (s * ch + k) * hw;
        const float *v = in[1]->data + s * vw;
        double sum = 0, sum_x = 0;
        for (int64_t i = 0; i < hw; i++) {
          sum += gs[i];
          sum_x += (double)gs[i] * xs[i];
        }
        if (gx) {
          float *o = gx->data + (s * ch + k) * hw;
          float scale = shift ? 1 + v[k] : 1;
          for (int64_t i = 0; i < hw; i++)
            o[i] = gs[i] * scale;
        }
        if (gin[1]) { /* (N, C): the sums; scale-shift (N, 2C): d scale, d shift */
          float *gv = gin[1]->data + s * vw;
          if (shift) {
            gv[k] = (float)sum_x;
            gv[ch + k] = (float)sum;
          } else {
            gv[k] = (float)sum;
          }
        }
      }
    return DT_OK;
  }
  case DT_OP_CONCAT: {
    int64_t sa = x->numel / n, sb = in[1]->numel / n;
    for (int64_t s = 0; s < n; s++) {
      if (gx)
        memcpy(gx->data + s * sa, g + s * (sa + sb), (size_t)sa * sizeof(float));
      if (gin[1])
        memcpy(gin[1]->data + s * sb, g + s * (sa + sb) + sa, (size_t)sb * sizeof(float));
    }
    return DT_OK;
  }
  case DT_OP_ATTENTION: {
    int64_t ch = x->shape[1], tokens = x->shape[2] * x->shape[3];
    float *s = scratch(c, dt_attention_backward_scratch(n, ch, tokens), err, &st);
    if (!st)
      dt_attention_backward(gx, gin[1], gw, gw + 4, x, w, w + 4, op->heads, op->scale, gy, s);
    return st;
  }
  case DT_OP_AFFINE:
    if (gx)
      for (int64_t i = 0; i < gy->numel; i++)
        gx->data[i] = g[i] * op->scale;
    return DT_OK;
  case DT_OP_MODULATE: {
    int64_t t = x->shape[1], dd = x->shape[2], vw = in[1]->shape[1];
    if (gin[1])
      memset(gin[1]->data, 0, (size_t)gin[1]->numel * sizeof(float));
    for (int64_t s = 0; s < n; s++) {
      const float *sc = in[1]->data + s * vw + op->scale_chunk * dd;
      for (int64_t i = 0; i < dd; i++) {
        double gs = 0, gh = 0;
        for (int64_t r = 0; r < t; r++) {
          int64_t at = (s * t + r) * dd + i;
          if (gx)
            gx->data[at] = g[at] * (op->scale + sc[i]);
          gs += (double)g[at] * x->data[at];
          gh += g[at];
        }
        if (gin[1]) {
          gin[1]->data[s * vw + op->scale_chunk * dd + i] = (float)gs;
          if (op->shift_chunk >= 0)
            gin[1]->data[s * vw + op->shift_chunk * dd + i] = (float)gh;
        }
      }
    }
    return DT_OK;
  }
  case DT_OP_ADD_SINCOS_2D:
    if (gx)
      memcpy(gx->data, g, (size_t)gy->numel * sizeof(float));
    return DT_OK;
  case DT_OP_UNPATCHIFY: {
    if (!gx)
      return DT_OK;
    int64_t p = op->dim, ch = gy->shape[1], hp = gy->shape[2], wp = gy->shape[3];
    int64_t hh = hp / p, ww = wp / p;
    for (int64_t s = 0; s < n; s++)
      for (int64_t a = 0; a < hh; a++)
        for (int64_t b = 0; b < ww; b++)
          for (int64_t i = 0; i < p; i++)
            for (int64_t j = 0; j < p; j++)
              for (int64_t k = 0; k < ch; k++)
                gx->data[(((s * hh + a) * ww + b) * p + i) * p * ch + j * ch + k] =
                    g[((s * ch + k) * hp + a * p + i) * wp + b * p + j];
    return DT_OK;
  }
  case DT_OP_ADD_POSITIONS: {
    int64_t per = x->numel / n;
    if (gx)
      memcpy(gx->data, g, (size_t)gy->numel * sizeof(float));
    if (gw[0])
      for (int64_t s = 0; s < n; s++)
        for (int64_t i = 0; i < per; i++)
          gw[0]->data[i] += g[s * per + i];
    return DT_OK;
  }
  case DT_OP_LOOKUP: {
    if (!gw[0])
      return DT_OK;
    int64_t dim = w[0]->shape[1];
    for (int64_t s = 0; s < x->numel; s++) { /* checked by the forward */
      float *row = gw[0]->data + (int64_t)x->data[s] * dim;
      for (int64_t i = 0; i < dim; i++)
        row[i] += g[s * dim + i];
    }
    return DT_OK;
  }
  case DT_OP_DIV_SAMPLES:
    if (gx) {
      int64_t per = x->numel / n;
      for (int64_t s = 0; s < n; s++)
        for (int64_t i = 0; i < per; i++)
          gx->data[s * per + i] = g[s * per + i] / in[1]->data[s];
    }
    return DT_OK;
  default: /* the embeddings of timesteps: nothing upstream is differentiable */ return DT_OK;
  }
}
