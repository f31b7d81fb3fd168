/* Network ops as tensor functions: conv2d, group_norm, linear, silu-style
 * activations, nearest upsampling, 2x2 average pooling, spatial attention;
 * their backward passes; the AdamW update. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../core/nn.h"
#include "../core/optim.h"
#include "../core/stats.h"
#include "../core/tokens.h"
#include "bind.h"

static dt_act check_act(lua_State *L, int idx, const char *fname) {
  static const char *const names[] = {"none",       "silu", "mish",      "gelu", "relu",
                                      "quick_gelu", "tanh", "gelu_tanh", NULL};
  static const dt_act acts[] = {DT_ACT_NONE, DT_ACT_SILU,       DT_ACT_MISH, DT_ACT_GELU,
                                DT_ACT_RELU, DT_ACT_QUICK_GELU, DT_ACT_TANH, DT_ACT_GELU_TANH};
  (void)fname;
  return acts[luaL_checkoption(L, idx, "none", names)];
}

static const dt_tensor *opt_tensor(lua_State *L, int idx) {
  if (lua_isnoneornil(L, idx))
    return NULL;
  return lt_check(L, idx);
}

/* {stride = 1, padding = 0 | {top, left, bottom, right}} at idx (may be absent) */
static dt_conv_params conv_params(lua_State *L, int idx) {
  dt_conv_params p = {1, 0, 0, 0, 0};
  if (!lua_istable(L, idx))
    return p;
  lua_getfield(L, idx, "stride");
  p.stride = (int)luaL_optinteger(L, -1, 1);
  lua_getfield(L, idx, "padding");
  if (lua_istable(L, -1)) {
    int *pads[4] = {&p.pad_t, &p.pad_l, &p.pad_b, &p.pad_r};
    for (int i = 0; i < 4; i++) {
      lua_geti(L, -1, i + 1);
      *pads[i] = (int)luaL_checkinteger(L, -1);
      lua_pop(L, 1);
    }
  } else {
    p.pad_t = p.pad_l = p.pad_b = p.pad_r = (int)luaL_optinteger(L, -1, 0);
  }
  lua_pop(L, 2);
  return p;
}

/* conv2d(x, w [, b [, {stride = 1, padding = 0 | {top, left, bottom, right}}]]) */
static int n_conv2d(lua_State *L) {
  lua_settop(L, 4);
  dt_tensor *x = lt_check(L, 1), *w = lt_check(L, 2);
  const dt_tensor *b = opt_tensor(L, 3);
  dt_conv_params p = conv_params(L, 4);
  if (b && (b->ndim != 1 || w->ndim != 4 || b->shape[0] != w->shape[0]))
    return luaL_error(L, "conv2d: bias must have one value per output channel");
  int tile = 0; /* winograd = true (the faster tile for the map), 2 or 4: F(2x2) or F(4x4) */
  if (lua_istable(L, 4)) {
    lua_getfield(L, 4, "winograd");
    if (lua_isboolean(L, -1)) {
      tile = lua_toboolean(L, -1) ? -1 : 0;
    } else if (!lua_isnil(L, -1)) {
      lua_Integer v = lua_isinteger(L, -1) ? lua_tointeger(L, -1) : 0;
      if (v != 2 && v != 4)
        return luaL_error(L, "conv2d: winograd must be true, 2 or 4 (the output tile), got %s",
                          luaL_tolstring(L, -1, NULL));
      tile = (int)v;
    }
    lua_pop(L, 1);
  }
  int64_t shape[4];
  dt_err err;
  if (dt_conv2d_shape(x, w, &p, shape, &err))
    return lt_raise(L, "conv2d", &err);
  if (tile) { /* for 3x3 kernels, stride 1, padding 1 */
    if (w->shape[2] != 3 || w->shape[3] != 3 || p.stride != 1 || p.pad_t != 1 || p.pad_l != 1 ||
        p.pad_b != 1 || p.pad_r != 1)
      return luaL_error(L, "conv2d: winograd needs a 3x3 kernel, stride 1 and padding 1");
    if (tile < 0)
      tile = dt_winograd_tile(x->shape[2], x->shape[3]);
    float *u = lua_newuserdatauv(L, dt_winograd_weights_size(w, tile) * sizeof(float), 0);
    dt_winograd_weights(u, w, tile);
    float *scratch =
        lua_newuserdatauv(L, dt_winograd_scratch(x, w->shape[0], tile) * sizeof(float), 0);
    dt_tensor *out = lt_push_new(L, shape, 4, "conv2d");
    dt_conv3x3_winograd(out, x, u, b, scratch, tile);
    return 1;
  }
  float *scratch = lua_newuserdatauv(L, dt_conv2d_scratch(x, w, &p) * sizeof(float) + 1, 0);
  dt_tensor *out = lt_push_new(L, shape, 4, "conv2d");
  dt_conv2d(out, x, w, b, &p, scratch);
  return 1;
}

/* group_norm(x, groups, gamma, beta [, eps = 1e-5 [, act = "none"]]) */
static int n_group_norm(lua_State *L) {
  dt_tensor *x = lt_check(L, 1);
  lua_Integer g = luaL_checkinteger(L, 2);
  dt_tensor *gamma = lt_check(L, 3), *beta = lt_check(L, 4);
  float eps = (float)luaL_optnumber(L, 5, 1e-5);
  dt_act act = check_act(L, 6, "group_norm");
  if (x->ndim < 2 || g < 1 || x->shape[1] % g || gamma->numel != x->shape[1] ||
      beta->numel != x->shape[1])
    return luaL_error(
        L, "group_norm: need N x C x ... input, C divisible by groups, C-sized gamma and beta");
  dt_tensor *out = lt_push_new(L, x->shape, x->ndim, "group_norm");
  dt_group_norm(out, x, gamma, beta, (int)g, eps, act);
  return 1;
}

static void check_layer_norm(lua_State *L, const dt_tensor *x, const dt_tensor *gamma,
                             const dt_tensor *beta, const char *fname) {
  int64_t c = x->ndim ? x->shape[x->ndim - 1] : 0;
  if (x->ndim < 1 || c < 1 || gamma->numel != c || (beta && beta->numel != c))
    luaL_error(L, "%s: need (..., C) input and C-sized gamma and beta", fname);
}

/* layer_norm(x, gamma, beta [, eps = 1e-5]): over the last dimension, as nn.LayerNorm */
static int n_layer_norm(lua_State *L) {
  dt_tensor *x = lt_check(L, 1), *gamma = lt_check(L, 2), *beta = lt_check(L, 3);
  float eps = (float)luaL_optnumber(L, 4, 1e-5);
  check_layer_norm(L, x, gamma, beta, "layer_norm");
  dt_tensor *out = lt_push_new(L, x->shape, x->ndim, "layer_norm");
  dt_layer_norm(out, x, gamma, beta, eps);
  return 1;
}

/* linear(x, w [, b]): x (..., in) @ w^T (w: out x in) + b */
static int n_linear(lua_State *L) {
  lua_settop(L, 3);
  dt_tensor *x = lt_check(L, 1), *w = lt_check(L, 2);
  const dt_tensor *b = opt_tensor(L, 3);
  if (x->ndim < 1 || w->ndim != 2 || x->shape[x->ndim - 1] != w->shape[1] ||
      (b && b->numel != w->shape[0]))
    return luaL_error(L, "linear: x (..., in), w (out, in) and b (out) do not fit");
  int64_t shape[DT_MAX_DIMS];
  memcpy(shape, x->shape, sizeof shape);
  shape[x->ndim - 1] = w->shape[0];
  dt_tensor *out = lt_push_new(L, shape, x->ndim, "linear");
  dt_linear(out, x, w, b);
  return 1;
}

static int n_activation(lua_State *L) {
  dt_tensor *x = lt_check(L, 1);
  dt_act act = check_act(L, 2, "activation");
  dt_tensor *out = lt_push_new(L, x->shape, x->ndim, "activation");
  dt_activation(out, x, act);
  return 1;
}

/* timestep_embedding(t (N), dim [, flip_sin_to_cos = true [, freq_shift = 0]]) -> (N, dim):
 * diffusers' sinusoidal timestep features, as the UNet's forward computes them */
static int n_timestep_embedding(lua_State *L) {
  dt_tensor *t = lt_check(L, 1);
  lua_Integer dim = luaL_checkinteger(L, 2);
  int flip = lua_isnoneornil(L, 3) ? 1 : lua_toboolean(L, 3);
  float shift = (float)luaL_optnumber(L, 4, 0);
  if (t->ndim != 1)
    return luaL_error(L, "timestep_embedding: expected a 1-d tensor of timesteps");
  if (dim < 2 || dim > (1 << 20))
    return luaL_error(L, "timestep_embedding: dim %I out of range 2..2^20", dim);
  int64_t shape[2] = {t->shape[0], dim};
  dt_tensor *out = lt_push_new(L, shape, 2, "timestep_embedding");
  dt_timestep_embedding(out->data, t->data, t->shape[0], (int)dim, flip, shift);
  return 1;
}

static int n_upsample(lua_State *L) {
  dt_tensor *x = lt_check(L, 1);
  if (x->ndim != 4)
    return luaL_error(L, "upsample_nearest2x: expected N x C x H x W");
  int64_t shape[4] = {x->shape[0], x->shape[1], 2 * x->shape[2], 2 * x->shape[3]};
  dt_tensor *out = lt_push_new(L, shape, 4, "upsample_nearest2x");
  dt_upsample_nearest2x(out, x);
  return 1;
}

static int n_avgpool(lua_State *L) {
  dt_tensor *x = lt_check(L, 1);
  if (x->ndim != 4)
    return luaL_error(L, "avg_pool2x: expected N x C x H x W");
  int64_t shape[4] = {x->shape[0], x->shape[1], x->shape[2] / 2, x->shape[3] / 2};
  dt_tensor *out = lt_push_new(L, shape, 4, "avg_pool2x");
  dt_avg_pool2x(out, x);
  return 1;
}

/* ---- backward passes: each returns the gradients of a loss with respect to
 * the op's inputs and parameters, given grad_out, its gradient with respect
 * to the op's output ---- */

static void check_grad_out(lua_State *L, const dt_tensor *g, const int64_t *shape, int ndim,
                           const char *fname) {
  int same = g->ndim == ndim;
  for (int d = 0; same && d < ndim; d++)
    same = g->shape[d] == shape[d];
  if (!same) {
    char want[160], got[160];
    dt_shape_format(shape, ndim, want, sizeof want);
    dt_shape_format(g->shape, g->ndim, got, sizeof got);
    luaL_error(L, "%s: grad_out is %s, the output is %s", fname, got, want);
  }
}

static dt_tensor *push_zeros(lua_State *L, const int64_t *shape, int ndim, const char *fname) {
  dt_tensor *t = lt_push_new(L, shape, ndim, fname);
  dt_fill(t, 0.0f);
  return t;
}

/* The arguments both convolution backward passes take, checked, and their
 * scratch (pushed on the stack). */
static float *conv_backward_args(lua_State *L, const char *fname, dt_tensor **x, dt_tensor **w,
                                 dt_tensor **g, dt_conv_params *p) {
  lua_settop(L, 4);
  *x = lt_check(L, 1);
  *w = lt_check(L, 2);
  *g = lt_check(L, 3);
  *p = conv_params(L, 4);
  int64_t shape[4];
  dt_err err;
  if (dt_conv2d_shape(*x, *w, p, shape, &err))
    lt_raise(L, fname, &err);
  check_grad_out(L, *g, shape, 4, fname);
  return lua_newuserdatauv(L, dt_conv2d_backward_scratch(*x, *w, p) * sizeof(float) + 1, 0);
}

/* conv2d_backward(x, w, grad_out [, {stride =, padding =}]) -> gx, gw, gb */
static int n_conv2d_backward(lua_State *L) {
  dt_tensor *x, *w, *g;
  dt_conv_params p;
  float *scratch = conv_backward_args(L, "conv2d_backward", &x, &w, &g, &p);
  dt_tensor *gx = lt_push_new(L, x->shape, 4, "conv2d_backward");
  dt_tensor *gw = push_zeros(L, w->shape, 4, "conv2d_backward");
  dt_tensor *gb = push_zeros(L, w->shape, 1, "conv2d_backward");
  dt_conv2d_backward(gx, gw, gb, x, w, g, &p, scratch);
  return 3;
}

/* conv2d_backward_input(x, w, grad_out [, {stride =, padding =}]) -> gx: the
 * input's gradient alone, for vector-Jacobian products (likelihoods, guidance)
 * where the weights' gradients would be thrown away */
static int n_conv2d_backward_input(lua_State *L) {
  dt_tensor *x, *w, *g;
  dt_conv_params p;
  float *scratch = conv_backward_args(L, "conv2d_backward_input", &x, &w, &g, &p);
  dt_tensor *gx = lt_push_new(L, x->shape, 4, "conv2d_backward_input");
  dt_conv2d_backward(gx, NULL, NULL, x, w, g, &p, scratch);
  return 1;
}

/* linear_backward(x, w, grad_out) -> gx, gw, gb */
static int n_linear_backward(lua_State *L) {
  dt_tensor *x = lt_check(L, 1), *w = lt_check(L, 2), *g = lt_check(L, 3);
  if (x->ndim < 1 || w->ndim != 2 || x->shape[x->ndim - 1] != w->shape[1])
    return luaL_error(L, "linear_backward: x (..., in) and w (out, in) do not fit");
  int64_t shape[DT_MAX_DIMS];
  memcpy(shape, x->shape, sizeof shape);
  shape[x->ndim - 1] = w->shape[0];
  check_grad_out(L, g, shape, x->ndim, "linear_backward");
  dt_tensor *gx = lt_push_new(L, x->shape, x->ndim, "linear_backward");
  dt_tensor *gw = push_zeros(L, w->shape, 2, "linear_backward");
  dt_tensor *gb = push_zeros(L, w->shape, 1, "linear_backward");
  dt_linear_backward(gx, gw, gb, x, w, g);
  return 3;
}

/* layer_norm_backward(x, gamma, grad_out [, eps]) -> gx, ggamma, gbeta */
static int n_layer_norm_backward(lua_State *L) {
  dt_tensor *x = lt_check(L, 1), *gamma = lt_check(L, 2), *g = lt_check(L, 3);
  float eps = (float)luaL_optnumber(L, 4, 1e-5);
  check_layer_norm(L, x, gamma, NULL, "layer_norm_backward");
  check_grad_out(L, g, x->shape, x->ndim, "layer_norm_backward");
  dt_tensor *gx = lt_push_new(L, x->shape, x->ndim, "layer_norm_backward");
  dt_tensor *gg = push_zeros(L, &x->shape[x->ndim - 1], 1, "layer_norm_backward");
  dt_tensor *gb = push_zeros(L, &x->shape[x->ndim - 1], 1, "layer_norm_backward");
  dt_layer_norm_backward(gx, gg, gb, x, gamma, eps, g);
  return 3;
}

/* group_norm_backward(x, groups, gamma, beta, grad_out [, eps [, act]]) -> gx, ggamma, gbeta */
static int n_group_norm_backward(lua_State *L) {
  dt_tensor *x = lt_check(L, 1);
  lua_Integer groups = luaL_checkinteger(L, 2);
  dt_tensor *gamma = lt_check(L, 3), *beta = lt_check(L, 4), *g = lt_check(L, 5);
  float eps = (float)luaL_optnumber(L, 6, 1e-5);
  dt_act act = check_act(L, 7, "group_norm_backward");
  if (x->ndim < 2 || groups < 1 || x->shape[1] % groups || gamma->numel != x->shape[1] ||
      beta->numel != x->shape[1])
    return luaL_error(L, "group_norm_backward: need N x C x ... input, C divisible by groups, "
                         "C-sized gamma and beta");
  check_grad_out(L, g, x->shape, x->ndim, "group_norm_backward");
  float *scratch = lua_newuserdatauv(
      L, dt_group_norm_backward_scratch(x, (int)groups) * sizeof(float) + sizeof(double), 0);
  dt_tensor *gx = lt_push_new(L, x->shape, x->ndim, "group_norm_backward");
  dt_tensor *gg = push_zeros(L, &x->shape[1], 1, "group_norm_backward");
  dt_tensor *gbeta = push_zeros(L, &x->shape[1], 1, "group_norm_backward");
  dt_group_norm_backward(gx, gg, gbeta, x, gamma, beta, (int)groups, eps, act, g, scratch);
  return 3;
}

/* activation_backward(x, grad_out, act) -> gx */
static int n_activation_backward(lua_State *L) {
  dt_tensor *x = lt_check(L, 1), *g = lt_check(L, 2);
  dt_act act = check_act(L, 3, "activation_backward");
  check_grad_out(L, g, x->shape, x->ndim, "activation_backward");
  dt_tensor *gx = lt_push_new(L, x->shape, x->ndim, "activation_backward");
  dt_activation_backward(gx, x, act, g);
  return 1;
}

/* Reads {q, k, v, out} weights (C x C) and biases (C) for C channels. */
static void attention_params(lua_State *L, int wi, int bi, int64_t c, const dt_tensor *w[4],
                             const dt_tensor *b[4], const char *fname) {
  luaL_checktype(L, wi, LUA_TTABLE);
  luaL_checktype(L, bi, LUA_TTABLE);
  for (int i = 0; i < 4; i++) {
    lua_geti(L, wi, i + 1);
    lua_geti(L, bi, i + 1);
    w[i] = lt_test(L, -2);
    b[i] = lt_test(L, -1);
    if (!w[i] || !b[i] || w[i]->ndim != 2 || w[i]->shape[0] != c || w[i]->shape[1] != c ||
        b[i]->numel != c)
      luaL_error(L, "%s: weights and biases must be 4 tensors each, %d x %d and %d", fname, (int)c,
                 (int)c, (int)c);
    lt_require_float(L, w[i], fname);
    lt_require_float(L, b[i], fname);
    lua_pop(L, 2); /* the tables keep them alive */
  }
}

static void check_attention_input(lua_State *L, const dt_tensor *xn, lua_Integer heads,
                                  const char *fname) {
  if (xn->ndim != 4 || heads < 1 || xn->shape[1] % heads)
    luaL_error(L, "%s: xn must be N x C x H x W with C divisible by heads", fname);
}

/* attention(xn, residual, {wq, wk, wv, wo}, {bq, bk, bv, bo}, heads [, rescale = 1]):
 * (proj(softmax(q k^T / sqrt(C / heads)) v) + residual) / rescale over the H x W positions */
static int n_attention(lua_State *L) {
  dt_tensor *xn = lt_check(L, 1), *res = lt_check(L, 2);
  lua_Integer heads = luaL_checkinteger(L, 5);
  float rescale = (float)luaL_optnumber(L, 6, 1.0);
  check_attention_input(L, xn, heads, "attention");
  if (!dt_shape_equal(res, xn))
    return luaL_error(L, "attention: residual must have xn's shape");
  const dt_tensor *w[4], *b[4];
  int64_t c = xn->shape[1], t = xn->shape[2] * xn->shape[3];
  attention_params(L, 3, 4, c, w, b, "attention");
  float *scratch = lua_newuserdatauv(L, dt_attention_scratch(c, t) * sizeof(float), 0);
  dt_tensor *out = lt_push_new(L, xn->shape, 4, "attention");
  dt_attention(out, xn, res, w, b, (int)heads, rescale, scratch);
  return 1;
}

/* attention_backward(xn, {w}, {b}, heads, rescale, grad_out) -> gxn, gresidual, {gw}, {gb} */
static int n_attention_backward(lua_State *L) {
  dt_tensor *xn = lt_check(L, 1);
  lua_Integer heads = luaL_checkinteger(L, 4);
  float rescale = (float)luaL_checknumber(L, 5);
  dt_tensor *g = lt_check(L, 6);
  check_attention_input(L, xn, heads, "attention_backward");
  check_grad_out(L, g, xn->shape, 4, "attention_backward");
  const dt_tensor *w[4], *b[4];
  int64_t c = xn->shape[1], t = xn->shape[2] * xn->shape[3];
  attention_params(L, 2, 3, c, w, b, "attention_backward");
  float *scratch =
      lua_newuserdatauv(L, dt_attention_backward_scratch(xn->shape[0], c, t) * sizeof(float), 0);
  dt_tensor *gxn = lt_push_new(L, xn->shape, 4, "attention_backward");
  dt_tensor *gres = lt_push_new(L, xn->shape, 4, "attention_backward");
  dt_tensor *gw[4], *gb[4];
  int64_t wshape[2] = {c, c};
  lua_createtable(L, 4, 0);
  for (int i = 0; i < 4; i++) {
    gw[i] = push_zeros(L, wshape, 2, "attention_backward");
    lua_rawseti(L, -2, i + 1);
  }
  lua_createtable(L, 4, 0);
  for (int i = 0; i < 4; i++) {
    gb[i] = push_zeros(L, &c, 1, "attention_backward");
    lua_rawseti(L, -2, i + 1);
  }
  dt_attention_backward(gxn, gres, gw, gb, xn, w, b, (int)heads, rescale, g, scratch);
  return 4;
}

/* upsample_nearest2x_backward(grad_out (N, C, 2H, 2W)) -> gx (N, C, H, W) */
static int n_upsample_backward(lua_State *L) {
  dt_tensor *g = lt_check(L, 1);
  if (g->ndim != 4 || g->shape[2] % 2 || g->shape[3] % 2)
    return luaL_error(L, "upsample_nearest2x_backward: grad_out must be N x C x 2H x 2W");
  int64_t shape[4] = {g->shape[0], g->shape[1], g->shape[2] / 2, g->shape[3] / 2};
  dt_tensor *gx = lt_push_new(L, shape, 4, "upsample_nearest2x_backward");
  dt_upsample_nearest2x_backward(gx, g);
  return 1;
}

/* avg_pool2x_backward(x, grad_out) -> gx: x gives the input's shape (H, W may be odd) */
static int n_avgpool_backward(lua_State *L) {
  dt_tensor *x = lt_check(L, 1), *g = lt_check(L, 2);
  if (x->ndim != 4 || x->shape[2] < 2 || x->shape[3] < 2)
    return luaL_error(L, "avg_pool2x_backward: expected N x C x H x W with H, W >= 2");
  int64_t shape[4] = {x->shape[0], x->shape[1], x->shape[2] / 2, x->shape[3] / 2};
  check_grad_out(L, g, shape, 4, "avg_pool2x_backward");
  dt_tensor *gx = lt_push_new(L, x->shape, 4, "avg_pool2x_backward");
  dt_avg_pool2x_backward(gx, g);
  return 1;
}

/* adamw_step_(p, grad, m, v, {lr =, beta1 = 0.9, beta2 = 0.999, eps = 1e-8,
 * weight_decay = 0.01, step =}): one AdamW update of p, m and v in place */
static int n_adamw_step(lua_State *L) {
  dt_tensor *p = lt_check(L, 1), *g = lt_check(L, 2), *m = lt_check(L, 3), *v = lt_check(L, 4);
  luaL_checktype(L, 5, LUA_TTABLE);
  if (g->numel != p->numel || m->numel != p->numel || v->numel != p->numel)
    return luaL_error(L, "adamw_step_: p, grad, m and v must have the same number of elements");
  dt_adamw o;
  const char *keys[5] = {"lr", "beta1", "beta2", "eps", "weight_decay"};
  float *fields[5] = {&o.lr, &o.beta1, &o.beta2, &o.eps, &o.weight_decay};
  const double defaults[5] = {NAN, 0.9, 0.999, 1e-8, 0.01}; /* lr has none */
  for (int i = 0; i < 5; i++) {
    lua_getfield(L, 5, keys[i]);
    if (i == 0 && lua_isnil(L, -1))
      return luaL_error(L, "adamw_step_: lr is required");
    double x = luaL_optnumber(L, -1, defaults[i]);
    if (!(x >= 0 && x < HUGE_VAL) || ((i == 1 || i == 2) && x >= 1)) {
      char shown[32];
      snprintf(shown, sizeof shown, "%g", x);
      return luaL_error(L, "adamw_step_: %s = %s is out of range", keys[i], shown);
    }
    *fields[i] = (float)x;
    lua_pop(L, 1);
  }
  lua_getfield(L, 5, "step");
  lua_Integer step = luaL_optinteger(L, -1, 0);
  if (step < 1)
    return luaL_error(L, "adamw_step_: step (counting from 1) is required");
  dt_adamw_step(p, g, m, v, &o, (int64_t)step);
  dt_storage_touch(p->storage);
  dt_storage_touch(m->storage);
  dt_storage_touch(v->storage);
  lua_settop(L, 1);
  return 1;
}

/* frechet_distance(a (N x D), b (M x D)) -> the Fréchet distance of the fitted Gaussians */
static int n_frechet(lua_State *L) {
  dt_tensor *a = lt_check(L, 1), *b = lt_check(L, 2);
  double dist;
  dt_err err;
  if (dt_frechet_distance(a, b, &dist, &err))
    return lt_raise(L, "frechet_distance", &err);
  lua_pushnumber(L, dist);
  return 1;
}

static const luaL_Reg functions[] = {
    {"conv2d", n_conv2d},
    {"group_norm", n_group_norm},
    {"layer_norm", n_layer_norm},
    {"linear", n_linear},
    {"activation", n_activation},
    {"upsample_nearest2x", n_upsample},
    {"avg_pool2x", n_avgpool},
    {"conv2d_backward", n_conv2d_backward},
    {"conv2d_backward_input", n_conv2d_backward_input},
    {"linear_backward", n_linear_backward},
    {"group_norm_backward", n_group_norm_backward},
    {"layer_norm_backward", n_layer_norm_backward},
    {"activation_backward", n_activation_backward},
    {"upsample_nearest2x_backward", n_upsample_backward},
    {"attention", n_attention},
    {"adamw_step_", n_adamw_step},
    {"frechet_distance", n_frechet},
    {"attention_backward", n_attention_backward},
    {"avg_pool2x_backward", n_avgpool_backward},
    {"timestep_embedding", n_timestep_embedding},
    {NULL, NULL},
};

void lt_open_nn(lua_State *L) { luaL_setfuncs(L, functions, 0); }
