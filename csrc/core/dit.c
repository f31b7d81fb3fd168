/* DiTTransformer2DModel (diffusers' dit_transformer_2d.py, its
 * BasicTransformerBlock with norm_type "ada_norm_zero" and AdaLayerNormZero). */
#include "dit.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"

#include "blocks.h"

#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wformat-truncation" /* names: see blocks.c */
#endif

struct dt_dit {
  dt_dit_config cfg;
  dt_graph *g;
};

static const char *const KEYS[] = {"_class_name",
                                   "_diffusers_version",
                                   "_name_or_path",
                                   "activation_fn",
                                   "attention_bias",
                                   "attention_head_dim",
                                   "dropout",
                                   "in_channels",
                                   "norm_elementwise_affine",
                                   "norm_eps",
                                   "norm_num_groups",
                                   "norm_type",
                                   "num_attention_heads",
                                   "num_embeds_ada_norm",
                                   "num_layers",
                                   "out_channels",
                                   "patch_size",
                                   "sample_size",
                                   "upcast_attention",
                                   NULL};

dt_status dt_dit_config_from_json(const cJSON *root, dt_dit_config *c, dt_err *err) {
  /* DiTTransformer2DModel's defaults */
  *c = (dt_dit_config){4, 0, 32, 2, 16, 72, 28, 1000, 1e-5f, DT_ACT_GELU_TANH};
  if (!cJSON_IsObject(root))
    return dt_fail(err, DT_EFORMAT, "config is not a JSON object");
  const cJSON *v;
  cJSON_ArrayForEach(v, root) {
    const char *k = v->string;
    int known = dt_config_listed(KEYS, k), ok = 1;
    if (!known)
      return dt_fail(err, DT_EFORMAT, "config key '%.80s' is not supported", k);
    if (!strcmp(k, "_class_name")) {
      if (!cJSON_IsString(v) || strcmp(v->valuestring, "DiTTransformer2DModel"))
        return dt_fail(err, DT_EFORMAT, "config is for '%.60s', not DiTTransformer2DModel",
                       cJSON_IsString(v) ? v->valuestring : "?");
    } else if (!strcmp(k, "activation_fn")) {
      ok = cJSON_IsString(v);
      if (ok && !strcmp(v->valuestring, "gelu-approximate"))
        c->act = DT_ACT_GELU_TANH;
      else if (ok && !strcmp(v->valuestring, "gelu"))
        c->act = DT_ACT_GELU;
      else
        return dt_config_bad(err, k, v, "only gelu-approximate and gelu are supported");
    } else if (!strcmp(k, "norm_type")) {
      if (!cJSON_IsString(v) || strcmp(v->valuestring, "ada_norm_zero"))
        return dt_config_bad(err, k, v, "only ada_norm_zero is supported");
    } else if (!strcmp(k, "attention_bias") || !strcmp(k, "norm_elementwise_affine")) {
      /* DiT's: biased projections, norms without an affine */
      if (!cJSON_IsBool(v) || cJSON_IsTrue(v) != (k[0] == 'a'))
        return dt_config_bad(err, k, v, "only DiT's value is supported");
    } else if (!strcmp(k, "in_channels")) {
      ok = dt_config_int(v, &c->in_channels, 1, 1 << 16);
    } else if (!strcmp(k, "out_channels")) {
      ok = cJSON_IsNull(v) || dt_config_int(v, &c->out_channels, 1, 1 << 16);
    } else if (!strcmp(k, "sample_size")) {
      ok = dt_config_int(v, &c->sample_size, 1, 1 << 16);
    } else if (!strcmp(k, "patch_size")) {
      ok = dt_config_int(v, &c->patch_size, 1, 64);
    } else if (!strcmp(k, "num_attention_heads")) {
      ok = dt_config_int(v, &c->heads, 1, 1 << 10);
    } else if (!strcmp(k, "attention_head_dim")) {
      ok = dt_config_int(v, &c->head_dim, 1, 1 << 12);
    } else if (!strcmp(k, "num_layers")) {
      ok = dt_config_int(v, &c->layers, 1, 256);
    } else if (!strcmp(k, "num_embeds_ada_norm")) {
      ok = dt_config_int(v, &c->num_embeds, 1, 1 << 24);
    } else if (!strcmp(k, "norm_eps")) {
      ok = cJSON_IsNumber(v) && v->valuedouble > 0;
      c->norm_eps = ok ? (float)v->valuedouble : c->norm_eps;
    }
    if (!ok)
      return dt_config_bad(err, k, v, "the wrong type or out of range");
  }
  if (!c->out_channels)
    c->out_channels = c->in_channels;
  if ((c->heads * c->head_dim) % 4)
    return dt_fail(err, DT_EFORMAT,
                   "config: the width %d is not a multiple of 4 (sin-cos positions)",
                   c->heads * c->head_dim);
  if (c->sample_size % c->patch_size)
    return dt_fail(err, DT_EFORMAT, "config: patch_size %d does not divide sample_size %d",
                   c->patch_size, c->sample_size);
  return DT_OK;
}

enum { IN_SAMPLE, IN_TIME, IN_LABELS, NINPUTS };

/* CombinedTimestepLabelEmbeddings: TimestepEmbedding of 256 sinusoids
 * (flipped, shift 1) plus the class table's row */
static int conditioning(dt_graph *g, const dt_dit_config *c, const char *prefix, int dim) {
  char name[256];
  int tp = dt_block_timesteps(g, IN_TIME, 256, 1, 1);
  snprintf(name, sizeof name, "%s.timestep_embedder", prefix);
  int temb = dt_block_timestep_mlp(g, name, tp, 256, dim, DT_ACT_SILU);
  snprintf(name, sizeof name, "%s.class_embedder.embedding_table.weight", prefix);
  int cemb = dt_block_embedding(g, name, IN_LABELS, c->num_embeds + 1, dim, "class label");
  return dt_block_add(g, temb, cemb, 1);
}

static int modulate(dt_graph *g, int x, int v, int chunks, int scale, int shift, float offset) {
  dt_op op = dt_op_make(DT_OP_MODULATE, x, v);
  op.chunks = chunks;
  op.scale_chunk = scale;
  op.shift_chunk = shift;
  op.scale = offset;
  return dt_graph_op(g, &op);
}

/* an op whose in[1] only gives the output's map size */
static int shaped(dt_graph *g, dt_op_kind kind, int x, int like, int dim) {
  dt_op op = dt_op_make(kind, x, like);
  op.dim = dim;
  return dt_graph_op(g, &op);
}

static int build(dt_graph *g, const dt_dit_config *c) {
  char name[256], sub[256];
  static const int PAD0[4] = {0, 0, 0, 0};
  int d = c->heads * c->head_dim, p = c->patch_size;
  int map = dt_block_conv(g, "pos_embed.proj", IN_SAMPLE, c->in_channels, d, p, p, PAD0);
  int tok = dt_block_to_tokens(g, map);
  tok = shaped(g, DT_OP_ADD_SINCOS_2D, tok, map, c->sample_size / p);
  int cond0 = -1;
  for (int i = 0; i < c->layers; i++) {
    snprintf(name, sizeof name, "transformer_blocks.%d", i);
    snprintf(sub, sizeof sub, "%s.norm1.emb", name);
    int cond = conditioning(g, c, sub, d);
    if (i == 0)
      cond0 = cond;
    snprintf(sub, sizeof sub, "%s.norm1.linear", name); /* shift, scale, gate (msa, then mlp) */
    int mod = dt_block_linear(g, sub, dt_block_act(g, cond, DT_ACT_SILU), d, 6 * d);
    int n = modulate(g, dt_block_layer_norm_plain(g, tok, 1e-6f), mod, 6, 1, 0, 1);
    snprintf(sub, sizeof sub, "%s.attn1", name);
    int a = dt_block_attention(g, sub, n, n, d, d, c->heads, c->head_dim, 1);
    tok = dt_block_add(g, modulate(g, a, mod, 6, 2, -1, 0), tok, 1);
    n = modulate(g, dt_block_layer_norm_plain(g, tok, c->norm_eps), mod, 6, 4, 3, 1);
    snprintf(sub, sizeof sub, "%s.ff", name);
    int f = dt_block_feed_forward_act(g, sub, n, d, 4, c->act);
    tok = dt_block_add(g, modulate(g, f, mod, 6, 5, -1, 0), tok, 1);
  }
  /* the output norm is modulated by block 0's conditioning, through proj_out_1 */
  int so = dt_block_linear(g, "proj_out_1", dt_block_act(g, cond0, DT_ACT_SILU), d, 2 * d);
  int n = modulate(g, dt_block_layer_norm_plain(g, tok, 1e-6f), so, 2, 1, 0, 1);
  int o = dt_block_linear(g, "proj_out_2", n, d, p * p * c->out_channels);
  return shaped(g, DT_OP_UNPATCHIFY, o, IN_SAMPLE, p);
}

dt_status dt_dit_new(const dt_dit_config *cfg, dt_weight_fn lookup, void *ctx, dt_dit **out,
                     dt_err *err) {
  *out = NULL;
  dt_dit *m = calloc(1, sizeof *m);
  if (m) {
    m->cfg = *cfg;
    m->g = dt_graph_new(NINPUTS, lookup, ctx);
  }
  if (!m || !m->g) {
    dt_dit_free(m);
    return dt_fail(err, DT_ENOMEM, "out of memory for the model");
  }
  dt_status st = dt_graph_finish(m->g, build(m->g, &m->cfg), err);
  if (st) {
    dt_dit_free(m);
    return st;
  }
  *out = m;
  return DT_OK;
}

void dt_dit_free(dt_dit *m) {
  if (!m)
    return;
  dt_graph_free(m->g);
  free(m);
}

const dt_dit_config *dt_dit_cfg(const dt_dit *m) { return &m->cfg; }
dt_graph *dt_dit_graph(dt_dit *m) { return m->g; }

static dt_status run(dt_dit *m, const dt_tensor *x, const float *t, const float *labels,
                     dt_pass **pass, dt_tensor *out, dt_err *err) {
  const dt_dit_config *c = &m->cfg;
  char sx[160];
  dt_shape_format(x->shape, x->ndim, sx, sizeof sx);
  if (x->ndim != 4 || x->shape[1] != c->in_channels || x->shape[0] < 1)
    return dt_fail(err, DT_EARG, "input %s: expected N x %d x H x W", sx, c->in_channels);
  if (x->shape[2] % c->patch_size || x->shape[3] % c->patch_size)
    return dt_fail(err, DT_EARG, "input %s: H and W must be multiples of %d", sx, c->patch_size);
  if (!labels)
    return dt_fail(err, DT_EARG, "the model is class-conditional: class_labels are needed");
  int64_t n = x->shape[0], shape[1] = {n};
  dt_tensor tt = {0}, lt = {0};
  dt_status st = dt_alloc(&tt, shape, 1, err);
  if (!st)
    st = dt_alloc(&lt, shape, 1, err);
  for (int64_t s = 0; s < n && !st; s++) {
    if (!isfinite(t[s]))
      st = dt_fail(err, DT_EARG, "timestep %g is not usable", (double)t[s]);
    tt.data[s] = t[s];
    lt.data[s] = labels[s];
  }
  const dt_tensor *in[NINPUTS] = {x, &tt, &lt};
  if (!st)
    st = pass ? dt_graph_record(m->g, in, pass, out, err) : dt_graph_forward(m->g, in, out, err);
  dt_free(&tt);
  dt_free(&lt);
  return st;
}

dt_status dt_dit_forward(dt_dit *m, const dt_tensor *x, const float *t, const float *labels,
                         dt_tensor *out, dt_err *err) {
  return run(m, x, t, labels, NULL, out, err);
}

dt_status dt_dit_record(dt_dit *m, const dt_tensor *x, const float *t, const float *labels,
                        dt_pass **pass, dt_tensor *out, dt_err *err) {
  *pass = NULL;
  return run(m, x, t, labels, pass, out, err);
}
