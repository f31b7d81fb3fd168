/* CLIP's text tower (transformers' modeling_clip.py: CLIPTextTransformer). */
#include "clip.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"

#include "blocks.h"

#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wformat-truncation" /* names: see blocks.c */
#endif

struct dt_clip {
  dt_clip_config cfg;
  dt_graph *g;
  const dt_tensor *projection; /* text_projection.weight, or NULL */
};

/* ---- config ---- */

static const char *const KEYS[] = {"_name_or_path",
                                   "architectures",
                                   "attention_dropout",
                                   "bos_token_id",
                                   "dropout",
                                   "eos_token_id",
                                   "hidden_act",
                                   "hidden_size",
                                   "initializer_factor",
                                   "initializer_range",
                                   "intermediate_size",
                                   "layer_norm_eps",
                                   "max_position_embeddings",
                                   "model_type",
                                   "num_attention_heads",
                                   "num_hidden_layers",
                                   "pad_token_id",
                                   "projection_dim",
                                   "torch_dtype",
                                   "transformers_version",
                                   "vocab_size",
                                   NULL};

dt_status dt_clip_config_from_json(const cJSON *root, dt_clip_config *c, dt_err *err) {
  /* CLIPTextConfig's defaults */
  *c = (dt_clip_config){49408, 512, 2048, 12, 8, 77, 512, 0, 49407, DT_ACT_QUICK_GELU, 1e-5f};
  if (!cJSON_IsObject(root))
    return dt_fail(err, DT_EFORMAT, "config is not a JSON object");
  const cJSON *v;
  cJSON_ArrayForEach(v, root) {
    const char *k = v->string;
    int known = dt_config_listed(KEYS, k), ok = 1;
    if (!known)
      return dt_fail(err, DT_EFORMAT, "config key '%.80s' is not supported", k);
    if (!strcmp(k, "architectures")) {
      const cJSON *a = cJSON_GetArrayItem(v, 0);
      ok = cJSON_IsArray(v) && cJSON_GetArraySize(v) == 1 && cJSON_IsString(a) &&
           (!strcmp(a->valuestring, "CLIPTextModel") ||
            !strcmp(a->valuestring, "CLIPTextModelWithProjection"));
      if (!ok)
        return dt_config_bad(err, k, v,
                             "only CLIPTextModel and CLIPTextModelWithProjection are supported");
      c->with_projection = !strcmp(a->valuestring, "CLIPTextModelWithProjection");
    } else if (!strcmp(k, "model_type")) {
      if (!cJSON_IsString(v) || strcmp(v->valuestring, "clip_text_model"))
        return dt_config_bad(err, k, v, "only clip_text_model is supported");
    } else if (!strcmp(k, "hidden_act")) {
      ok = cJSON_IsString(v);
      if (ok && !strcmp(v->valuestring, "quick_gelu"))
        c->act = DT_ACT_QUICK_GELU;
      else if (ok && !strcmp(v->valuestring, "gelu"))
        c->act = DT_ACT_GELU;
      else
        return dt_config_bad(err, k, v, "only quick_gelu and gelu are supported");
    } else if (!strcmp(k, "vocab_size")) {
      ok = dt_config_int(v, &c->vocab_size, 1, 1 << 24);
    } else if (!strcmp(k, "hidden_size")) {
      ok = dt_config_int(v, &c->hidden_size, 1, 1 << 16);
    } else if (!strcmp(k, "intermediate_size")) {
      ok = dt_config_int(v, &c->intermediate_size, 1, 1 << 18);
    } else if (!strcmp(k, "num_hidden_layers")) {
      ok = dt_config_int(v, &c->layers, 1, DT_CLIP_MAX_LAYERS);
    } else if (!strcmp(k, "num_attention_heads")) {
      ok = dt_config_int(v, &c->heads, 1, 1 << 10);
    } else if (!strcmp(k, "max_position_embeddings")) {
      ok = dt_config_int(v, &c->max_positions, 1, 1 << 16);
    } else if (!strcmp(k, "projection_dim")) {
      ok = dt_config_int(v, &c->projection_dim, 1, 1 << 16);
    } else if (!strcmp(k, "eos_token_id")) {
      ok = dt_config_int(v, &c->eos_token_id, 0, 1 << 24);
    } else if (!strcmp(k, "layer_norm_eps")) {
      ok = cJSON_IsNumber(v) && v->valuedouble > 0;
      c->eps = ok ? (float)v->valuedouble : c->eps;
    }
    if (!ok)
      return dt_config_bad(err, k, v, "the wrong type or out of range");
  }
  if (c->hidden_size % c->heads)
    return dt_fail(err, DT_EFORMAT, "config: %d heads do not divide hidden_size %d", c->heads,
                   c->hidden_size);
  return DT_OK;
}

/* ---- the graph: outputs last, hidden 0 .. layers ---- */

static void build(dt_graph *g, const dt_clip_config *c, int *outputs) {
  char name[256];
  int d = c->hidden_size;
  int h = dt_block_embedding(g, "text_model.embeddings.token_embedding.weight", 0, c->vocab_size, d,
                             "token id");
  h = dt_block_add_positions(g, "text_model.embeddings.position_embedding.weight", h,
                             c->max_positions, d);
  outputs[1] = h;
  for (int i = 0; i < c->layers; i++) {
    snprintf(name, sizeof name, "text_model.encoder.layers.%d", i);
    h = dt_block_clip_layer(g, name, h, d, c->heads, c->intermediate_size, c->act, c->eps, 1);
    outputs[i + 2] = h;
  }
  outputs[0] = dt_block_layer_norm(g, "text_model.final_layer_norm", h, d, c->eps);
}

dt_status dt_clip_new(const dt_clip_config *cfg, dt_weight_fn lookup, void *ctx, dt_clip **out,
                      dt_err *err) {
  *out = NULL;
  dt_clip *c = calloc(1, sizeof *c);
  if (c) {
    c->cfg = *cfg;
    c->g = dt_graph_new(1, lookup, ctx);
  }
  if (!c || !c->g) {
    dt_clip_free(c);
    return dt_fail(err, DT_ENOMEM, "out of memory for the model");
  }
  int outputs[DT_CLIP_MAX_LAYERS + 2];
  build(c->g, &c->cfg, outputs);
  if (cfg->with_projection) { /* a weight no op reads: the pooled rows are projected here */
    int64_t shape[2] = {cfg->projection_dim, cfg->hidden_size};
    int slot = dt_graph_weight(c->g, "text_projection.weight", 2, shape);
    c->projection = slot >= 0 ? dt_graph_weight_tensor(c->g, slot) : NULL;
  }
  dt_status st = dt_graph_finish_outputs(c->g, outputs, cfg->layers + 2, err);
  if (st) {
    dt_clip_free(c);
    return st;
  }
  *out = c;
  return DT_OK;
}

void dt_clip_free(dt_clip *c) {
  if (!c)
    return;
  dt_graph_free(c->g);
  free(c);
}

const dt_clip_config *dt_clip_cfg(const dt_clip *c) { return &c->cfg; }
dt_graph *dt_clip_graph(dt_clip *c) { return c->g; }

dt_status dt_clip_forward(dt_clip *c, const dt_tensor *ids, dt_tensor *last, dt_tensor *pooled,
                          dt_tensor *hidden, dt_err *err) {
  const dt_clip_config *cfg = &c->cfg;
  char s[160];
  dt_shape_format(ids->shape, ids->ndim, s, sizeof s);
  if (ids->ndim != 2 || ids->shape[0] < 1 || ids->shape[1] < 1 || !ids->data)
    return dt_fail(err, DT_EARG, "ids %s: expected N x L token ids", s);
  if (ids->shape[1] > cfg->max_positions)
    return dt_fail(err, DT_EARG, "ids %s: %lld tokens, the model takes at most %d", s,
                   (long long)ids->shape[1], cfg->max_positions);
  int n = cfg->layers + 2;
  dt_tensor outs[DT_CLIP_MAX_LAYERS + 2];
  memset(outs, 0, sizeof outs);
  dt_status st = dt_graph_forward_all(c->g, &ids, outs, err);
  if (st)
    return st;
  int64_t rows = ids->shape[0], len = ids->shape[1], d = cfg->hidden_size;
  int64_t ps[2] = {rows, d};
  dt_tensor pool = {0};
  st = dt_alloc(&pool, ps, 2, err);
  for (int64_t r = 0; r < rows && !st; r++) { /* the end token of each row */
    const float *row = ids->data + r * len;
    int64_t at = 0;
    if (cfg->eos_token_id == 2) { /* legacy configs: argmax of the ids (the first max) */
      for (int64_t j = 1; j < len; j++)
        if (row[j] > row[at])
          at = j;
    } else {
      while (at < len - 1 && row[at] != (float)cfg->eos_token_id)
        at++;
      if (row[at] != (float)cfg->eos_token_id)
        at = 0; /* none: transformers indexes position 0 (argmax of all-false) */
    }
    memcpy(pool.data + r * d, outs[0].data + (r * len + at) * d, (size_t)d * sizeof(float));
  }
  if (!st && c->projection) { /* text_embeds = pooled @ W^T */
    int64_t es[2] = {rows, cfg->projection_dim};
    dt_tensor w = {0};
    st = dt_as_float(&w, c->projection, err);
    if (!st)
      st = dt_alloc(pooled, es, 2, err);
    if (!st)
      dt_linear(pooled, &pool, &w, NULL);
    dt_free(&w);
    dt_free(&pool);
  } else if (!st) {
    *pooled = pool;
  }
  *last = outs[0];
  for (int i = 1; i < n; i++) {
    if (hidden && !st)
      hidden[i - 1] = outs[i];
    else
      dt_free(&outs[i]);
  }
  if (st) {
    dt_free(last);
    dt_free(&pool);
  }
  return st;
}
