/* The shared blocks (blocks.h) as op sequences. */
#include "blocks.h"

#include <stdio.h>
#include <string.h>

/* Names are built with snprintf into 256-byte buffers; the longest diffusers
 * name is under 80 bytes, and a truncated one could only fail its lookup,
 * which is reported as a missing weight. */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wformat-truncation"
#endif

typedef char name_t[256];

static int weight(dt_graph *g, name_t name, const char *prefix, const char *what, int ndim,
                  int64_t d0, int64_t d1, int64_t d2, int64_t d3) {
  int64_t shape[4] = {d0, d1, d2, d3};
  snprintf(name, sizeof(name_t), "%s.%s", prefix, what);
  return dt_graph_weight(g, name, ndim, shape);
}

int dt_block_conv(dt_graph *g, const char *prefix, int x, int in, int out, int k, int stride,
                  const int pad[4]) {
  name_t name;
  dt_op op = dt_op_make(DT_OP_CONV2D, x, -1);
  op.w[0] = weight(g, name, prefix, "weight", 4, out, in, k, k);
  op.w[1] = weight(g, name, prefix, "bias", 1, out, 0, 0, 0);
  op.conv = (dt_conv_params){stride, pad[0], pad[1], pad[2], pad[3]};
  return dt_graph_op(g, &op);
}

int dt_block_conv_nobias(dt_graph *g, const char *prefix, int x, int in, int out, int k, int stride,
                         const int pad[4]) {
  name_t name;
  dt_op op = dt_op_make(DT_OP_CONV2D, x, -1);
  op.w[0] = weight(g, name, prefix, "weight", 4, out, in, k, k);
  op.conv = (dt_conv_params){stride, pad[0], pad[1], pad[2], pad[3]};
  return dt_graph_op(g, &op);
}

int dt_block_linear(dt_graph *g, const char *prefix, int x, int in, int out) {
  name_t name;
  dt_op op = dt_op_make(DT_OP_LINEAR, x, -1);
  op.w[0] = weight(g, name, prefix, "weight", 2, out, in, 0, 0);
  op.w[1] = weight(g, name, prefix, "bias", 1, out, 0, 0, 0);
  return dt_graph_op(g, &op);
}

int dt_block_linear_nobias(dt_graph *g, const char *prefix, int x, int in, int out) {
  name_t name;
  dt_op op = dt_op_make(DT_OP_LINEAR, x, -1);
  op.w[0] = weight(g, name, prefix, "weight", 2, out, in, 0, 0);
  return dt_graph_op(g, &op);
}

int dt_block_group_norm(dt_graph *g, const char *prefix, int x, int ch, int groups, float eps,
                        dt_act act) {
  name_t name;
  if (groups < 1 || ch % groups)
    dt_graph_fail(g, "'%s': %d channels do not split into %d groups", prefix, ch, groups);
  dt_op op = dt_op_make(DT_OP_GROUP_NORM, x, -1);
  op.w[0] = weight(g, name, prefix, "weight", 1, ch, 0, 0, 0);
  op.w[1] = weight(g, name, prefix, "bias", 1, ch, 0, 0, 0);
  op.groups = groups;
  op.eps = eps;
  op.act = act;
  return dt_graph_op(g, &op);
}

int dt_block_act(dt_graph *g, int x, dt_act act) {
  dt_op op = dt_op_make(DT_OP_ACT, x, -1);
  op.act = act;
  return dt_graph_op(g, &op);
}

int dt_block_add(dt_graph *g, int a, int b, float scale) {
  dt_op op = dt_op_make(DT_OP_ADD, a, b);
  op.scale = scale;
  return dt_graph_op(g, &op);
}

int dt_block_concat(dt_graph *g, int a, int b) {
  dt_op op = dt_op_make(DT_OP_CONCAT, a, b);
  return dt_graph_op(g, &op);
}

static int resample(dt_graph *g, int x, int up) {
  dt_op op = dt_op_make(up ? DT_OP_UPSAMPLE2X : DT_OP_AVGPOOL2X, x, -1);
  return dt_graph_op(g, &op);
}

static const int PAD1[4] = {1, 1, 1, 1}, PAD0[4] = {0, 0, 0, 0};

static int to_tokens(dt_graph *g, int x) {
  dt_op op = dt_op_make(DT_OP_TO_TOKENS, x, -1);
  return dt_graph_op(g, &op);
}

/* tokens back to the map `like` (whose H and W they have) */
static int from_tokens(dt_graph *g, int x, int like) {
  dt_op op = dt_op_make(DT_OP_FROM_TOKENS, x, like);
  return dt_graph_op(g, &op);
}

int dt_block_resnet(dt_graph *g, const char *prefix, int x, int emb, int in, int out,
                    const dt_resnet_opts *o) {
  name_t name;
  snprintf(name, sizeof name, "%s.norm1", prefix);
  int h = dt_block_group_norm(g, name, x, in, o->groups, o->eps, o->act);
  int skip = x;
  if (o->up || o->down) { /* up or down: h and the shortcut alike */
    h = resample(g, h, o->up);
    skip = resample(g, x, o->up);
  }
  snprintf(name, sizeof name, "%s.conv1", prefix);
  h = dt_block_conv(g, name, h, in, out, 3, 1, PAD1);
  snprintf(name, sizeof name, "%s.norm2", prefix);
  if (o->temb_dim) {
    char proj[256];
    snprintf(proj, sizeof proj, "%s.time_emb_proj", prefix);
    int tp = dt_block_linear(g, proj, emb, o->temb_dim, o->scale_shift ? 2 * out : out);
    if (o->scale_shift) {
      h = dt_block_group_norm(g, name, h, out, o->groups, o->eps, DT_ACT_NONE);
      dt_op op = dt_op_make(DT_OP_SCALE_SHIFT, h, tp);
      h = dt_block_act(g, dt_graph_op(g, &op), o->act);
    } else {
      dt_op op = dt_op_make(DT_OP_ADD_CHANNELS, h, tp);
      h = dt_block_group_norm(g, name, dt_graph_op(g, &op), out, o->groups, o->eps, o->act);
    }
  } else {
    h = dt_block_group_norm(g, name, h, out, o->groups, o->eps, o->act);
  }
  snprintf(name, sizeof name, "%s.conv2", prefix);
  h = dt_block_conv(g, name, h, out, out, 3, 1, PAD1);
  if (in != out) {
    snprintf(name, sizeof name, "%s.conv_shortcut", prefix);
    skip = dt_block_conv(g, name, skip, in, out, 1, 1, PAD0);
  }
  return dt_block_add(g, skip, h, 1.0f / o->output_scale);
}

int dt_block_spatial_attention(dt_graph *g, const char *prefix, int x, int ch, int head_dim,
                               int groups, float eps, float rescale) {
  static const char *const proj[4] = {"to_q", "to_k", "to_v", "to_out.0"};
  name_t name;
  int dim = head_dim ? head_dim : ch;
  if (dim < 1 || ch % dim)
    dt_graph_fail(g, "'%s': head dim %d does not divide %d channels", prefix, dim, ch);
  int xn = x;
  if (groups > 0) {
    snprintf(name, sizeof name, "%s.group_norm", prefix);
    xn = dt_block_group_norm(g, name, x, ch, groups, eps, DT_ACT_NONE);
  }
  dt_op op = dt_op_make(DT_OP_ATTENTION, xn, x); /* attended input, residual */
  for (int i = 0; i < 4; i++) {
    char p[256];
    snprintf(p, sizeof p, "%s.%s", prefix, proj[i]);
    op.w[i] = weight(g, name, p, "weight", 2, ch, ch, 0, 0);
    op.w[4 + i] = weight(g, name, p, "bias", 1, ch, 0, 0, 0);
  }
  op.heads = ch / (dim > 0 ? dim : 1);
  op.scale = rescale;
  return dt_graph_op(g, &op);
}

int dt_block_downsample(dt_graph *g, const char *prefix, int x, int ch, int padding) {
  name_t name;
  snprintf(name, sizeof name, "%s.conv", prefix);
  int pad[4] = {padding, padding, padding ? padding : 1, padding ? padding : 1};
  return dt_block_conv(g, name, x, ch, ch, 3, 2, pad);
}

int dt_block_tiny(dt_graph *g, const char *prefix, int x, int in, int out, dt_act act) {
  name_t name;
  snprintf(name, sizeof name, "%s.conv.0", prefix);
  int h = dt_block_act(g, dt_block_conv(g, name, x, in, out, 3, 1, PAD1), act);
  snprintf(name, sizeof name, "%s.conv.2", prefix);
  h = dt_block_act(g, dt_block_conv(g, name, h, out, out, 3, 1, PAD1), act);
  snprintf(name, sizeof name, "%s.conv.4", prefix);
  h = dt_block_conv(g, name, h, out, out, 3, 1, PAD1);
  int skip = x;
  if (in != out) {
    snprintf(name, sizeof name, "%s.skip", prefix);
    skip = dt_block_conv_nobias(g, name, x, in, out, 1, 1, PAD0);
  }
  return dt_block_act(g, dt_block_add(g, h, skip, 1), DT_ACT_RELU);
}

int dt_block_upsample(dt_graph *g, const char *prefix, int x, int ch) {
  name_t name;
  snprintf(name, sizeof name, "%s.conv", prefix);
  return dt_block_conv(g, name, resample(g, x, 1), ch, ch, 3, 1, PAD1);
}

int dt_block_nearest2x(dt_graph *g, int x) { return resample(g, x, 1); }

int dt_block_timestep_mlp(dt_graph *g, const char *prefix, int x, int in, int dim, dt_act act) {
  name_t name;
  snprintf(name, sizeof name, "%s.linear_1", prefix);
  int h = dt_block_act(g, dt_block_linear(g, name, x, in, dim), act);
  snprintf(name, sizeof name, "%s.linear_2", prefix);
  return dt_block_linear(g, name, h, dim, dim);
}

int dt_block_timesteps(dt_graph *g, int t, int dim, int flip_sin_to_cos, float freq_shift) {
  dt_op op = dt_op_make(DT_OP_TIMESTEP_EMBED, t, -1);
  op.dim = dim;
  op.flip = flip_sin_to_cos;
  op.shift = freq_shift;
  return dt_graph_op(g, &op);
}

int dt_block_fourier_projection(dt_graph *g, const char *name, int t, int dim) {
  int64_t shape[1] = {dim};
  dt_op op = dt_op_make(DT_OP_FOURIER_EMBED, t, -1);
  op.w[0] = dt_graph_weight(g, name, 1, shape);
  return dt_graph_op(g, &op);
}

int dt_block_affine(dt_graph *g, int x, float scale, float shift) {
  dt_op op = dt_op_make(DT_OP_AFFINE, x, -1);
  op.scale = scale;
  op.shift = shift;
  return dt_graph_op(g, &op);
}

int dt_block_div_samples(dt_graph *g, int x, int t) {
  dt_op op = dt_op_make(DT_OP_DIV_SAMPLES, x, t);
  return dt_graph_op(g, &op);
}

int dt_block_embedding(dt_graph *g, const char *name, int idx, int rows, int dim,
                       const char *what) {
  int64_t shape[2] = {rows, dim};
  dt_op op = dt_op_make(DT_OP_LOOKUP, idx, -1);
  op.w[0] = dt_graph_weight(g, name, 2, shape);
  op.what = what;
  return dt_graph_op(g, &op);
}

/* ---- transformers ---- */

int dt_block_layer_norm(dt_graph *g, const char *prefix, int x, int ch, float eps) {
  name_t name;
  dt_op op = dt_op_make(DT_OP_LAYER_NORM, x, -1);
  op.w[0] = weight(g, name, prefix, "weight", 1, ch, 0, 0, 0);
  op.w[1] = weight(g, name, prefix, "bias", 1, ch, 0, 0, 0);
  op.eps = eps;
  return dt_graph_op(g, &op);
}

int dt_block_layer_norm_plain(dt_graph *g, int x, float eps) {
  dt_op op = dt_op_make(DT_OP_LAYER_NORM, x, -1);
  op.eps = eps;
  return dt_graph_op(g, &op);
}

int dt_block_to_tokens(dt_graph *g, int x) { return to_tokens(g, x); }

int dt_block_attention(dt_graph *g, const char *prefix, int x, int ctx, int dim, int ctx_dim,
                       int heads, int head_dim, int qkv_bias) {
  static const char *const proj[4] = {"to_q", "to_k", "to_v", "to_out.0"};
  name_t name;
  int inner = heads * head_dim;
  dt_op op = dt_op_make(DT_OP_TOKEN_ATTENTION, x, ctx);
  for (int i = 0; i < 4; i++) {
    char p[256];
    snprintf(p, sizeof p, "%s.%s", prefix, proj[i]);
    int rows = i == 3 ? dim : inner, cols = i == 3 ? inner : (i == 0 ? dim : ctx_dim);
    op.w[i] = weight(g, name, p, "weight", 2, rows, cols, 0, 0);
    if (i == 3 || qkv_bias)
      op.w[4 + i] = weight(g, name, p, "bias", 1, rows, 0, 0, 0);
  }
  op.heads = heads;
  return dt_graph_op(g, &op);
}

int dt_block_feed_forward(dt_graph *g, const char *prefix, int x, int dim, int mult, int geglu) {
  name_t name;
  int inner = mult * dim;
  snprintf(name, sizeof name, "%s.net.0.proj", prefix);
  int h = dt_block_linear(g, name, x, dim, geglu ? 2 * inner : inner);
  if (geglu) {
    dt_op op = dt_op_make(DT_OP_GEGLU, h, -1);
    h = dt_graph_op(g, &op);
  } else {
    h = dt_block_act(g, h, DT_ACT_GELU);
  }
  snprintf(name, sizeof name, "%s.net.2", prefix);
  return dt_block_linear(g, name, h, inner, dim);
}

int dt_block_feed_forward_act(dt_graph *g, const char *prefix, int x, int dim, int mult,
                              dt_act act) {
  name_t name;
  snprintf(name, sizeof name, "%s.net.0.proj", prefix);
  int h = dt_block_act(g, dt_block_linear(g, name, x, dim, mult * dim), act);
  snprintf(name, sizeof name, "%s.net.2", prefix);
  return dt_block_linear(g, name, h, mult * dim, dim);
}

int dt_block_transformer(dt_graph *g, const char *prefix, int x, int ctx, int dim, int ctx_dim,
                         int heads, int head_dim, int only_cross) {
  name_t name, sub;
  snprintf(name, sizeof name, "%s.norm1", prefix);
  int n = dt_block_layer_norm(g, name, x, dim, 1e-5f);
  snprintf(sub, sizeof sub, "%s.attn1", prefix);
  int a = only_cross ? dt_block_attention(g, sub, n, ctx, dim, ctx_dim, heads, head_dim, 0)
                     : dt_block_attention(g, sub, n, n, dim, dim, heads, head_dim, 0);
  x = dt_block_add(g, a, x, 1);
  snprintf(name, sizeof name, "%s.norm2", prefix);
  n = dt_block_layer_norm(g, name, x, dim, 1e-5f);
  snprintf(sub, sizeof sub, "%s.attn2", prefix);
  x = dt_block_add(g, dt_block_attention(g, sub, n, ctx, dim, ctx_dim, heads, head_dim, 0), x, 1);
  snprintf(name, sizeof name, "%s.norm3", prefix);
  n = dt_block_layer_norm(g, name, x, dim, 1e-5f);
  snprintf(sub, sizeof sub, "%s.ff", prefix);
  return dt_block_add(g, dt_block_feed_forward(g, sub, n, dim, 4, 1), x, 1);
}

int dt_block_transformer_2d(dt_graph *g, const char *prefix, int x, int ctx, int ch,
                            const dt_transformer_opts *o) {
  name_t name;
  int inner = o->heads * o->head_dim;
  snprintf(name, sizeof name, "%s.norm", prefix);
  int h = dt_block_group_norm(g, name, x, ch, o->groups, 1e-6f, DT_ACT_NONE);
  snprintf(name, sizeof name, "%s.proj_in", prefix);
  if (o->linear_projection) {
    h = dt_block_linear(g, name, to_tokens(g, h), ch, inner);
  } else {
    h = to_tokens(g, dt_block_conv(g, name, h, ch, inner, 1, 1, PAD0));
  }
  for (int k = 0; k < o->layers; k++) {
    snprintf(name, sizeof name, "%s.transformer_blocks.%d", prefix, k);
    h = dt_block_transformer(g, name, h, ctx, inner, o->ctx_dim, o->heads, o->head_dim,
                             o->only_cross);
  }
  snprintf(name, sizeof name, "%s.proj_out", prefix);
  if (o->linear_projection) {
    h = from_tokens(g, dt_block_linear(g, name, h, inner, ch), x);
  } else {
    h = dt_block_conv(g, name, from_tokens(g, h, x), inner, ch, 1, 1, PAD0);
  }
  return dt_block_add(g, h, x, 1);
}

int dt_block_clip_layer(dt_graph *g, const char *prefix, int x, int dim, int heads, int mlp_dim,
                        dt_act act, float eps, int causal) {
  static const char *const proj[4] = {"q_proj", "k_proj", "v_proj", "out_proj"};
  name_t name;
  snprintf(name, sizeof name, "%s.layer_norm1", prefix);
  int n = dt_block_layer_norm(g, name, x, dim, eps);
  dt_op op = dt_op_make(DT_OP_TOKEN_ATTENTION, n, n);
  for (int i = 0; i < 4; i++) {
    char p[256];
    snprintf(p, sizeof p, "%s.self_attn.%s", prefix, proj[i]);
    op.w[i] = weight(g, name, p, "weight", 2, dim, dim, 0, 0);
    op.w[4 + i] = weight(g, name, p, "bias", 1, dim, 0, 0, 0);
  }
  if (heads < 1 || dim % heads)
    dt_graph_fail(g, "'%s': %d heads do not divide %d channels", prefix, heads, dim);
  op.heads = heads;
  op.causal = causal;
  x = dt_block_add(g, dt_graph_op(g, &op), x, 1);
  snprintf(name, sizeof name, "%s.layer_norm2", prefix);
  n = dt_block_layer_norm(g, name, x, dim, eps);
  snprintf(name, sizeof name, "%s.mlp.fc1", prefix);
  int h = dt_block_act(g, dt_block_linear(g, name, n, dim, mlp_dim), act);
  snprintf(name, sizeof name, "%s.mlp.fc2", prefix);
  return dt_block_add(g, dt_block_linear(g, name, h, mlp_dim, dim), x, 1);
}

int dt_block_add_positions(dt_graph *g, const char *name, int x, int positions, int dim) {
  int64_t shape[2] = {positions, dim};
  dt_op op = dt_op_make(DT_OP_ADD_POSITIONS, x, -1);
  op.w[0] = dt_graph_weight(g, name, 2, shape);
  return dt_graph_op(g, &op);
}
