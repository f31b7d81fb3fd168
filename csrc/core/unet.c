/* UNet2DModel: the model graph of diffusers' unet_2d.py (down blocks, mid
 * block, up blocks with skip connections) over the ops of nn.c. */
#include "unet.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Weight names are built with snprintf into 256-byte buffers; the longest
 * diffusers name is under 60 bytes, and a truncated one could only fail its
 * lookup, which is reported as a missing weight. */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wformat-truncation"
#endif

#define MAX_RES (DT_UNET_MAX_LAYERS + 1)
#define SLOTS 256

typedef struct {
  const dt_tensor *w, *b;
  dt_conv_params p;
  float *wino;   /* Winograd-transformed weights, made on first use (3x3, stride 1, pad 1) */
  int wino_tile; /* ... for this tile size (2 or 4) */
  uint64_t wino_version; /* ... of the weights' storage at this version (edits bump it) */
} conv_t;

typedef struct {
  const dt_tensor *g, *b;
  int groups;
} gn_t;

typedef struct {
  const dt_tensor *w, *b;
} lin_t;

typedef struct {
  gn_t norm1, norm2;
  conv_t conv1, conv2, shortcut;
  lin_t temb;
  int has_shortcut, up, down, out_ch;
  float out_scale;
} resnet_t;

typedef struct {
  gn_t norm;
  int has_norm, heads;
  const dt_tensor *w[4], *b[4];
  float rescale;
} attn_t;

typedef struct {
  int nres, attn, sampler, sampler_resnet;
  resnet_t res[MAX_RES];
  attn_t att[MAX_RES];
  conv_t samp_conv;
  resnet_t samp_res;
} block_t;

struct dt_unet {
  dt_unet_config cfg;
  int temb_dim, tproj_dim;
  const dt_tensor *fourier_w, *learned_w, *class_table;
  lin_t temb1, temb2, class1, class2;
  conv_t conv_in, conv_out;
  gn_t norm_out;
  block_t down[DT_UNET_MAX_LEVELS], up[DT_UNET_MAX_LEVELS], mid;
  int64_t nparams;
  dt_pool *pool;
  float *scratch;
  size_t scratch_floats, live_bytes, peak_bytes;
  double flops;            /* of the last forward pass: convolutions, attention, linear */
  int winograd_min_pixels; /* 3x3 convolutions on maps this large use Winograd; 0: never */
  dt_tensor slot[SLOTS];
  int slot_used[SLOTS];
};

/* ================= config ================= */

#include <cjson/cJSON.h>

static const char *const CONFIG_KEYS[] = {"_class_name",
                                          "_diffusers_version",
                                          "_name_or_path",
                                          "act_fn",
                                          "add_attention",
                                          "attention_head_dim",
                                          "attn_norm_num_groups",
                                          "block_out_channels",
                                          "center_input_sample",
                                          "class_embed_type",
                                          "down_block_types",
                                          "downsample_padding",
                                          "downsample_type",
                                          "dropout",
                                          "flip_sin_to_cos",
                                          "freq_shift",
                                          "in_channels",
                                          "layers_per_block",
                                          "mid_block_scale_factor",
                                          "mid_block_type",
                                          "norm_eps",
                                          "norm_num_groups",
                                          "num_class_embeds",
                                          "num_train_timesteps",
                                          "out_channels",
                                          "resnet_time_scale_shift",
                                          "sample_size",
                                          "time_embedding_dim",
                                          "time_embedding_type",
                                          "up_block_types",
                                          "upsample_type",
                                          NULL};

static int json_int(const cJSON *v, int *out, int lo, int hi) {
  if (!cJSON_IsNumber(v) || v->valuedouble != floor(v->valuedouble) || v->valuedouble < lo ||
      v->valuedouble > hi)
    return 0;
  *out = (int)v->valuedouble;
  return 1;
}

static dt_status bad(dt_err *err, const char *key, const char *why) {
  return dt_fail(err, DT_EFORMAT, "config '%s': %s", key, why);
}

static dt_status parse_choice(const cJSON *v, const char *key, const char *const *names, int *out,
                              dt_err *err) {
  if (!cJSON_IsString(v))
    return bad(err, key, "must be a string");
  for (int i = 0; names[i]; i++)
    if (strcmp(names[i], v->valuestring) == 0) {
      *out = i;
      return DT_OK;
    }
  return dt_fail(err, DT_EFORMAT, "config '%s': '%.60s' is not supported", key, v->valuestring);
}

static dt_status parse_blocks(const cJSON *v, const char *key, const char *plain, const char *attn,
                              int *out, int *count, dt_err *err) {
  if (!cJSON_IsArray(v))
    return bad(err, key, "must be a list of block types");
  int n = cJSON_GetArraySize(v);
  if (n < 1 || n > DT_UNET_MAX_LEVELS)
    return bad(err, key, "must list 1 to 8 blocks");
  for (int i = 0; i < n; i++) {
    const cJSON *e = cJSON_GetArrayItem(v, i);
    if (!cJSON_IsString(e))
      return bad(err, key, "entries must be strings");
    if (strcmp(e->valuestring, plain) == 0)
      out[i] = 0;
    else if (strcmp(e->valuestring, attn) == 0)
      out[i] = 1;
    else
      return dt_fail(err, DT_EFORMAT, "config '%s': block type '%.60s' is not supported (%s, %s)",
                     key, e->valuestring, plain, attn);
  }
  *count = n;
  return DT_OK;
}

dt_status dt_unet_config_parse(const char *json, size_t len, dt_unet_config *c, dt_err *err) {
  cJSON *root = cJSON_ParseWithLength(json, len);
  if (!root)
    return dt_fail(err, DT_EFORMAT, "config is not valid JSON");
  dt_status st = dt_unet_config_from_json(root, c, err);
  cJSON_Delete(root);
  return st;
}

dt_status dt_unet_config_from_json(const cJSON *root, dt_unet_config *c, dt_err *err) {
  memset(c, 0, sizeof *c);
  c->in_channels = c->out_channels = 3;
  c->layers_per_block = 2;
  c->mid_block = 1;
  c->add_attention = 1;
  c->attention_head_dim = 8;
  c->norm_num_groups = 32;
  c->norm_eps = 1e-5f;
  c->act = DT_ACT_SILU;
  c->flip_sin_to_cos = 1;
  c->downsample_padding = 1;
  c->mid_block_scale_factor = 1;
  c->num_train_timesteps = 0;
  int ndown = 0, nup = 0;
  c->nlevels = 4; /* diffusers' defaults: 224, 448, 672, 896 */
  int defaults[4] = {224, 448, 672, 896};
  for (int i = 0; i < 4; i++) {
    c->block_out[i] = defaults[i];
    c->down_attn[i] = i > 0;
    c->up_attn[i] = i < 3;
  }
  ndown = nup = 4;
  dt_status st = DT_OK;
  if (!cJSON_IsObject(root)) {
    st = dt_fail(err, DT_EFORMAT, "config is not a JSON object");
    goto done;
  }
  const cJSON *v;
  cJSON_ArrayForEach(v, root) {
    const char *k = v->string;
    int known = 0;
    for (int i = 0; CONFIG_KEYS[i]; i++)
      known |= strcmp(k, CONFIG_KEYS[i]) == 0;
    if (!known) {
      st = dt_fail(err, DT_EFORMAT, "config key '%.80s' is not supported", k);
      goto done;
    }
    int iv = 0, choice = 0;
    if (!strcmp(k, "_class_name")) {
      if (!cJSON_IsString(v) || strcmp(v->valuestring, "UNet2DModel") != 0) {
        st = dt_fail(err, DT_EFORMAT, "config is for '%.60s', not UNet2DModel",
                     cJSON_IsString(v) ? v->valuestring : "?");
        goto done;
      }
    } else if (!strcmp(k, "act_fn")) {
      static const char *const acts[] = {"silu", "swish", "mish", "gelu", NULL};
      static const dt_act map[] = {DT_ACT_SILU, DT_ACT_SILU, DT_ACT_MISH, DT_ACT_GELU};
      if ((st = parse_choice(v, k, acts, &choice, err)))
        goto done;
      c->act = map[choice];
    } else if (!strcmp(k, "add_attention")) {
      if (!cJSON_IsBool(v))
        goto type_error;
      c->add_attention = cJSON_IsTrue(v);
    } else if (!strcmp(k, "attention_head_dim")) {
      if (cJSON_IsNull(v))
        c->attention_head_dim = 0;
      else if (!json_int(v, &c->attention_head_dim, 1, 1 << 16))
        goto type_error;
    } else if (!strcmp(k, "attn_norm_num_groups")) {
      if (cJSON_IsNull(v))
        c->attn_norm_num_groups = 0;
      else if (!json_int(v, &c->attn_norm_num_groups, 1, 1 << 16))
        goto type_error;
    } else if (!strcmp(k, "block_out_channels")) {
      int n = cJSON_GetArraySize(v);
      if (!cJSON_IsArray(v) || n < 1 || n > DT_UNET_MAX_LEVELS) {
        st = bad(err, k, "must list 1 to 8 channel counts");
        goto done;
      }
      for (int i = 0; i < n; i++)
        if (!json_int(cJSON_GetArrayItem(v, i), &c->block_out[i], 1, 1 << 16))
          goto type_error;
      c->nlevels = n;
    } else if (!strcmp(k, "center_input_sample")) {
      if (!cJSON_IsBool(v))
        goto type_error;
      c->center_input_sample = cJSON_IsTrue(v);
    } else if (!strcmp(k, "class_embed_type")) {
      static const char *const kinds[] = {"timestep", "identity", NULL};
      if (cJSON_IsNull(v))
        continue;
      if ((st = parse_choice(v, k, kinds, &choice, err)))
        goto done;
      c->class_kind = choice == 0 ? DT_CLASS_TIMESTEP : DT_CLASS_IDENTITY;
    } else if (!strcmp(k, "down_block_types")) {
      if ((st = parse_blocks(v, k, "DownBlock2D", "AttnDownBlock2D", c->down_attn, &ndown, err)))
        goto done;
    } else if (!strcmp(k, "up_block_types")) {
      if ((st = parse_blocks(v, k, "UpBlock2D", "AttnUpBlock2D", c->up_attn, &nup, err)))
        goto done;
    } else if (!strcmp(k, "downsample_padding")) {
      if (!json_int(v, &c->downsample_padding, 0, 16))
        goto type_error;
    } else if (!strcmp(k, "downsample_type") || !strcmp(k, "upsample_type")) {
      static const char *const kinds[] = {"conv", "resnet", NULL};
      if ((st = parse_choice(v, k, kinds, &choice, err)))
        goto done;
      if (k[0] == 'd')
        c->downsample_resnet = choice;
      else
        c->upsample_resnet = choice;
    } else if (!strcmp(k, "dropout")) {
      if (!cJSON_IsNumber(v))
        goto type_error; /* inactive at inference */
    } else if (!strcmp(k, "flip_sin_to_cos")) {
      if (!cJSON_IsBool(v))
        goto type_error;
      c->flip_sin_to_cos = cJSON_IsTrue(v);
    } else if (!strcmp(k, "freq_shift")) {
      if (!cJSON_IsNumber(v))
        goto type_error;
      c->freq_shift = (float)v->valuedouble;
    } else if (!strcmp(k, "in_channels")) {
      if (!json_int(v, &c->in_channels, 1, 1 << 16))
        goto type_error;
    } else if (!strcmp(k, "out_channels")) {
      if (!json_int(v, &c->out_channels, 1, 1 << 16))
        goto type_error;
    } else if (!strcmp(k, "layers_per_block")) {
      if (!json_int(v, &c->layers_per_block, 1, DT_UNET_MAX_LAYERS))
        goto type_error;
    } else if (!strcmp(k, "mid_block_scale_factor")) {
      if (!cJSON_IsNumber(v) || !(v->valuedouble > 0))
        goto type_error;
      c->mid_block_scale_factor = (float)v->valuedouble;
    } else if (!strcmp(k, "mid_block_type")) {
      static const char *const kinds[] = {"UNetMidBlock2D", NULL};
      if (cJSON_IsNull(v)) {
        c->mid_block = 0;
        continue;
      }
      if ((st = parse_choice(v, k, kinds, &choice, err)))
        goto done;
    } else if (!strcmp(k, "norm_eps")) {
      if (!cJSON_IsNumber(v) || !(v->valuedouble > 0))
        goto type_error;
      c->norm_eps = (float)v->valuedouble;
    } else if (!strcmp(k, "norm_num_groups")) {
      if (!json_int(v, &c->norm_num_groups, 1, 1 << 16))
        goto type_error;
    } else if (!strcmp(k, "num_class_embeds")) {
      if (cJSON_IsNull(v))
        continue;
      if (!json_int(v, &c->num_class_embeds, 1, 1 << 24))
        goto type_error;
    } else if (!strcmp(k, "num_train_timesteps")) {
      if (cJSON_IsNull(v))
        continue;
      if (!json_int(v, &c->num_train_timesteps, 1, 1 << 24))
        goto type_error;
    } else if (!strcmp(k, "resnet_time_scale_shift")) {
      static const char *const kinds[] = {"default", "scale_shift", NULL};
      if ((st = parse_choice(v, k, kinds, &choice, err)))
        goto done;
      c->scale_shift = choice;
    } else if (!strcmp(k, "sample_size")) {
      if (cJSON_IsArray(v)) {
        if (!json_int(cJSON_GetArrayItem(v, 0), &iv, 1, 1 << 16))
          goto type_error;
      } else if (!json_int(v, &iv, 1, 1 << 16)) {
        goto type_error;
      }
      c->sample_size = iv;
    } else if (!strcmp(k, "time_embedding_dim")) {
      if (cJSON_IsNull(v))
        continue;
      if (!json_int(v, &c->time_embedding_dim, 1, 1 << 20))
        goto type_error;
    } else if (!strcmp(k, "time_embedding_type")) {
      static const char *const kinds[] = {"positional", "fourier", "learned", NULL};
      if ((st = parse_choice(v, k, kinds, &choice, err)))
        goto done;
      c->time_kind = (dt_time_kind)choice;
    }
    continue;
  type_error:
    st = bad(err, k, "has a value of the wrong type or out of range");
    goto done;
  }
  if (ndown != c->nlevels || nup != c->nlevels) {
    st = dt_fail(err, DT_EFORMAT, "config: %d down and %d up block types for %d block_out_channels",
                 ndown, nup, c->nlevels);
    goto done;
  }
  if (c->class_kind == DT_CLASS_NONE && c->num_class_embeds > 0)
    c->class_kind = DT_CLASS_TABLE;
  if (c->time_kind == DT_TIME_LEARNED && c->num_train_timesteps <= 0) {
    st = dt_fail(err, DT_EFORMAT, "config: a learned time embedding needs num_train_timesteps");
    goto done;
  }
  for (int i = 0; i < c->nlevels; i++) {
    int ch = c->block_out[i];
    if (ch % c->norm_num_groups) {
      st = dt_fail(err, DT_EFORMAT, "config: block_out_channels %d is not divisible by %d groups",
                   ch, c->norm_num_groups);
      goto done;
    }
    if (c->attention_head_dim && ch % c->attention_head_dim &&
        (c->down_attn[i] || c->up_attn[c->nlevels - 1 - i])) {
      st = dt_fail(err, DT_EFORMAT, "config: attention_head_dim %d does not divide %d channels",
                   c->attention_head_dim, ch);
      goto done;
    }
  }
done:
  return st;
}

/* ================= building ================= */

typedef struct {
  dt_weight_fn lookup;
  void *ctx;
  dt_err *err;
  dt_status st;
  int used;
  int64_t nparams;
} builder;

/* Looks up `name` and checks it has the given shape. */
static const dt_tensor *need(builder *b, const char *name, int ndim, const int64_t *shape) {
  if (b->st)
    return NULL;
  const dt_tensor *t = b->lookup(b->ctx, name, ndim, shape);
  char want[160];
  dt_shape_format(shape, ndim, want, sizeof want);
  if (!t) {
    b->st = dt_fail(b->err, DT_EFORMAT, "weight '%s' (shape %s) is missing", name, want);
    return NULL;
  }
  b->used++;
  int ok = t->ndim == ndim;
  for (int i = 0; ok && i < ndim; i++)
    ok = t->shape[i] == shape[i];
  if (!ok) {
    char got[160];
    dt_shape_format(t->shape, t->ndim, got, sizeof got);
    b->st = dt_fail(b->err, DT_EFORMAT, "weight '%s' has shape %s, the config implies %s", name,
                    got, want);
    return NULL;
  }
  b->nparams += t->numel;
  return t;
}

static void need_conv(builder *b, conv_t *c, const char *prefix, int out, int in, int k, int stride,
                      int pad) {
  char name[256];
  int64_t ws[4] = {out, in, k, k}, bs[1] = {out};
  snprintf(name, sizeof name, "%s.weight", prefix);
  c->w = need(b, name, 4, ws);
  snprintf(name, sizeof name, "%s.bias", prefix);
  c->b = need(b, name, 1, bs);
  c->p.stride = stride;
  c->p.pad_t = c->p.pad_l = c->p.pad_b = c->p.pad_r = pad;
}

static void need_gn(builder *b, gn_t *g, const char *prefix, int ch, int groups) {
  char name[256];
  int64_t s[1] = {ch};
  snprintf(name, sizeof name, "%s.weight", prefix);
  g->g = need(b, name, 1, s);
  snprintf(name, sizeof name, "%s.bias", prefix);
  g->b = need(b, name, 1, s);
  g->groups = groups;
  if (!b->st && ch % groups)
    b->st = dt_fail(b->err, DT_EFORMAT, "'%s': %d channels do not split into %d groups", prefix, ch,
                    groups);
}

static void need_lin(builder *b, lin_t *l, const char *prefix, int out, int in) {
  char name[256];
  int64_t ws[2] = {out, in}, bs[1] = {out};
  snprintf(name, sizeof name, "%s.weight", prefix);
  l->w = need(b, name, 2, ws);
  snprintf(name, sizeof name, "%s.bias", prefix);
  l->b = need(b, name, 1, bs);
}

static void need_resnet(builder *b, resnet_t *r, const dt_unet *u, const char *prefix, int in,
                        int out, float out_scale) {
  const dt_unet_config *c = &u->cfg;
  char name[256];
  snprintf(name, sizeof name, "%s.norm1", prefix);
  need_gn(b, &r->norm1, name, in, c->norm_num_groups);
  snprintf(name, sizeof name, "%s.conv1", prefix);
  need_conv(b, &r->conv1, name, out, in, 3, 1, 1);
  snprintf(name, sizeof name, "%s.time_emb_proj", prefix);
  need_lin(b, &r->temb, name, c->scale_shift ? 2 * out : out, u->temb_dim);
  snprintf(name, sizeof name, "%s.norm2", prefix);
  need_gn(b, &r->norm2, name, out, c->norm_num_groups);
  snprintf(name, sizeof name, "%s.conv2", prefix);
  need_conv(b, &r->conv2, name, out, out, 3, 1, 1);
  r->has_shortcut = in != out;
  if (r->has_shortcut) {
    snprintf(name, sizeof name, "%s.conv_shortcut", prefix);
    need_conv(b, &r->shortcut, name, out, in, 1, 1, 0);
  }
  r->out_ch = out;
  r->out_scale = out_scale;
}

static void need_attn(builder *b, attn_t *a, const dt_unet *u, const char *prefix, int ch,
                      int groups, float rescale) {
  static const char *const proj[4] = {"to_q", "to_k", "to_v", "to_out.0"};
  char name[256];
  int head_dim = u->cfg.attention_head_dim ? u->cfg.attention_head_dim : ch;
  a->heads = ch / head_dim;
  if (!b->st && (a->heads < 1 || ch % head_dim))
    b->st = dt_fail(b->err, DT_EFORMAT, "'%s': head dim %d does not divide %d channels", prefix,
                    head_dim, ch);
  a->has_norm = groups > 0;
  if (a->has_norm) {
    snprintf(name, sizeof name, "%s.group_norm", prefix);
    need_gn(b, &a->norm, name, ch, groups);
  }
  for (int i = 0; i < 4; i++) {
    lin_t l;
    snprintf(name, sizeof name, "%s.%s", prefix, proj[i]);
    need_lin(b, &l, name, ch, ch);
    a->w[i] = l.w;
    a->b[i] = l.b;
  }
  a->rescale = rescale;
}

dt_status dt_unet_new(const dt_unet_config *cfg, dt_weight_fn lookup, void *ctx, dt_unet **out,
                      int *used, dt_err *err) {
  *out = NULL;
  dt_unet *u = calloc(1, sizeof *u);
  if (!u)
    return dt_fail(err, DT_ENOMEM, "out of memory for the model");
  u->cfg = *cfg;
  const dt_unet_config *c = &u->cfg;
  builder b = {lookup, ctx, err, DT_OK, 0, 0};
  char name[256];
  int ch0 = c->block_out[0], L = c->nlevels;
  u->temb_dim = c->time_embedding_dim ? c->time_embedding_dim : 4 * ch0;
  u->tproj_dim = c->time_kind == DT_TIME_FOURIER ? 2 * ch0 : ch0;
  if (c->time_kind == DT_TIME_FOURIER) {
    int64_t s[1] = {ch0};
    u->fourier_w = need(&b, "time_proj.weight", 1, s);
  } else if (c->time_kind == DT_TIME_LEARNED) {
    int64_t s[2] = {c->num_train_timesteps, ch0};
    u->learned_w = need(&b, "time_proj.weight", 2, s);
  }
  need_lin(&b, &u->temb1, "time_embedding.linear_1", u->temb_dim, u->tproj_dim);
  need_lin(&b, &u->temb2, "time_embedding.linear_2", u->temb_dim, u->temb_dim);
  if (c->class_kind == DT_CLASS_TABLE) {
    int64_t s[2] = {c->num_class_embeds, u->temb_dim};
    u->class_table = need(&b, "class_embedding.weight", 2, s);
  } else if (c->class_kind == DT_CLASS_TIMESTEP) {
    need_lin(&b, &u->class1, "class_embedding.linear_1", u->temb_dim, u->tproj_dim);
    need_lin(&b, &u->class2, "class_embedding.linear_2", u->temb_dim, u->temb_dim);
  }
  need_conv(&b, &u->conv_in, "conv_in", ch0, c->in_channels, 3, 1, 1);

  int output = ch0;
  for (int i = 0; i < L; i++) { /* down blocks */
    int input = output;
    output = c->block_out[i];
    block_t *bl = &u->down[i];
    bl->nres = c->layers_per_block;
    bl->attn = c->down_attn[i];
    for (int j = 0; j < bl->nres; j++) {
      snprintf(name, sizeof name, "down_blocks.%d.resnets.%d", i, j);
      need_resnet(&b, &bl->res[j], u, name, j == 0 ? input : output, output, 1);
      if (bl->attn) {
        snprintf(name, sizeof name, "down_blocks.%d.attentions.%d", i, j);
        need_attn(&b, &bl->att[j], u, name, output, c->norm_num_groups, 1);
      }
    }
    bl->sampler = i < L - 1;
    /* diffusers' get_down_block passes downsample_type to AttnDownBlock2D
     * only: a DownBlock2D always downsamples with a convolution */
    bl->sampler_resnet = c->downsample_resnet && bl->attn;
    if (bl->sampler && bl->sampler_resnet) {
      snprintf(name, sizeof name, "down_blocks.%d.downsamplers.0", i);
      need_resnet(&b, &bl->samp_res, u, name, output, output, 1);
      bl->samp_res.down = 1;
    } else if (bl->sampler) {
      snprintf(name, sizeof name, "down_blocks.%d.downsamplers.0.conv", i);
      int pad = c->downsample_padding;
      need_conv(&b, &bl->samp_conv, name, output, output, 3, 2, pad);
      if (pad == 0)
        bl->samp_conv.p.pad_b = bl->samp_conv.p.pad_r = 1; /* F.pad (0, 1, 0, 1) */
    }
  }
  if (c->mid_block) {
    int chm = c->block_out[L - 1];
    int attn_groups = c->attn_norm_num_groups ? c->attn_norm_num_groups
                                              : (c->scale_shift ? 0 : c->norm_num_groups);
    u->mid.nres = 2;
    u->mid.attn = c->add_attention;
    need_resnet(&b, &u->mid.res[0], u, "mid_block.resnets.0", chm, chm, c->mid_block_scale_factor);
    if (u->mid.attn)
      need_attn(&b, &u->mid.att[0], u, "mid_block.attentions.0", chm, attn_groups,
                c->mid_block_scale_factor);
    need_resnet(&b, &u->mid.res[1], u, "mid_block.resnets.1", chm, chm, c->mid_block_scale_factor);
  }
  output = c->block_out[L - 1];
  for (int i = 0; i < L; i++) { /* up blocks, over the channels reversed */
    int prev = output;
    output = c->block_out[L - 1 - i];
    int input = c->block_out[L - 1 - (i + 1 < L ? i + 1 : L - 1)];
    block_t *bl = &u->up[i];
    bl->nres = c->layers_per_block + 1;
    bl->attn = c->up_attn[i];
    for (int j = 0; j < bl->nres; j++) {
      int skip = j == bl->nres - 1 ? input : output;
      int res_in = j == 0 ? prev : output;
      snprintf(name, sizeof name, "up_blocks.%d.resnets.%d", i, j);
      need_resnet(&b, &bl->res[j], u, name, res_in + skip, output, 1);
      if (bl->attn) {
        snprintf(name, sizeof name, "up_blocks.%d.attentions.%d", i, j);
        need_attn(&b, &bl->att[j], u, name, output, c->norm_num_groups, 1);
      }
    }
    bl->sampler = i < L - 1;
    bl->sampler_resnet = c->upsample_resnet && bl->attn; /* likewise upsample_type: AttnUpBlock2D */
    if (bl->sampler && bl->sampler_resnet) {
      snprintf(name, sizeof name, "up_blocks.%d.upsamplers.0", i);
      need_resnet(&b, &bl->samp_res, u, name, output, output, 1);
      bl->samp_res.up = 1;
    } else if (bl->sampler) {
      snprintf(name, sizeof name, "up_blocks.%d.upsamplers.0.conv", i);
      need_conv(&b, &bl->samp_conv, name, output, output, 3, 1, 1);
    }
  }
  need_gn(&b, &u->norm_out, "conv_norm_out", ch0, c->norm_num_groups);
  need_conv(&b, &u->conv_out, "conv_out", c->out_channels, ch0, 3, 1, 1);
  *used = b.used;
  if (b.st) {
    free(u);
    return b.st;
  }
  u->nparams = b.nparams;
  u->winograd_min_pixels = DT_WINOGRAD_MIN_PIXELS;
  u->pool = dt_pool_new((size_t)256 << 20);
  if (!u->pool) {
    free(u);
    return dt_fail(err, DT_ENOMEM, "out of memory for the model's buffer pool");
  }
  *out = u;
  return DT_OK;
}

static void drop_transform(conv_t *c) {
  free(c->wino);
  c->wino = NULL;
  c->wino_tile = 0;
}

/* Frees every cached Winograd weight transform (they are remade on use). */
static void drop_winograd(dt_unet *u) {
  block_t *blocks[2 * DT_UNET_MAX_LEVELS + 1];
  int nb = 0;
  for (int l = 0; l < DT_UNET_MAX_LEVELS; l++) {
    blocks[nb++] = &u->down[l];
    blocks[nb++] = &u->up[l];
  }
  blocks[nb++] = &u->mid;
  for (int i = 0; i < nb; i++) {
    block_t *b = blocks[i];
    resnet_t *resnets[MAX_RES + 1];
    for (int r = 0; r < MAX_RES; r++)
      resnets[r] = &b->res[r];
    resnets[MAX_RES] = &b->samp_res;
    for (int r = 0; r <= MAX_RES; r++) {
      drop_transform(&resnets[r]->conv1);
      drop_transform(&resnets[r]->conv2);
      drop_transform(&resnets[r]->shortcut);
    }
    drop_transform(&b->samp_conv);
  }
  drop_transform(&u->conv_in);
  drop_transform(&u->conv_out);
}

void dt_unet_free(dt_unet *u) {
  if (!u)
    return;
  drop_winograd(u);
  for (int i = 0; i < SLOTS; i++)
    if (u->slot_used[i])
      dt_free(&u->slot[i]);
  dt_pool_release(u->pool);
  free(u->scratch);
  free(u);
}

const dt_unet_config *dt_unet_cfg(const dt_unet *u) { return &u->cfg; }
int64_t dt_unet_parameters(const dt_unet *u) { return u->nparams; }
double dt_unet_last_flops(const dt_unet *u) { return u->flops; }
void dt_unet_weights_changed(dt_unet *u) { drop_winograd(u); }

void dt_unet_set_winograd(dt_unet *u, int min_pixels) {
  u->winograd_min_pixels = min_pixels;
  drop_winograd(u); /* weights may have changed since the transforms were made */
}

void dt_unet_memory(const dt_unet *u, size_t *scratch, size_t *pooled, size_t *peak) {
  *scratch = u->scratch_floats * sizeof(float);
  *pooled = dt_pool_cached_bytes(u->pool);
  *peak = u->peak_bytes;
}

/* ================= forward ================= */

/* Temporaries live in slots, so an error anywhere frees them all. */
typedef struct {
  dt_unet *u;
  dt_err *err;
  dt_status st;
} fwd;

static dt_tensor *tnew(fwd *f, int64_t n, int64_t c, int64_t h, int64_t w) {
  if (f->st)
    return NULL;
  dt_unet *u = f->u;
  for (int i = 0; i < SLOTS; i++)
    if (!u->slot_used[i]) {
      int64_t shape[4] = {n, c, h, w};
      memset(&u->slot[i], 0, sizeof u->slot[i]);
      f->st = dt_alloc_pooled(u->pool, &u->slot[i], shape, 4, f->err);
      if (f->st)
        return NULL;
      u->slot_used[i] = 1;
      u->live_bytes += (size_t)u->slot[i].numel * sizeof(float);
      if (u->live_bytes > u->peak_bytes)
        u->peak_bytes = u->live_bytes;
      return &u->slot[i];
    }
  f->st = dt_fail(f->err, DT_ENOMEM, "too many live activations");
  return NULL;
}

static void tfree(fwd *f, dt_tensor *t) {
  if (!t)
    return;
  dt_unet *u = f->u;
  int i = (int)(t - u->slot);
  if (i < 0 || i >= SLOTS || !u->slot_used[i])
    return;
  u->live_bytes -= (size_t)t->numel * sizeof(float);
  dt_free(t);
  u->slot_used[i] = 0;
}

static float *scratch(fwd *f, size_t floats) {
  if (f->st)
    return NULL;
  dt_unet *u = f->u;
  if (floats > u->scratch_floats) {
    float *p = realloc(u->scratch, floats * sizeof(float));
    if (!p) {
      f->st = dt_fail(f->err, DT_ENOMEM, "out of memory for %zu bytes of scratch",
                      floats * sizeof(float));
      return NULL;
    }
    u->scratch = p;
    u->scratch_floats = floats;
  }
  return u->scratch;
}

/* Winograd for 3x3 / stride 1 / pad 1 convolutions with at least 16
 * channels in and out (on maps of min_pixels and more). Measured here, one
 * thread: 15-20% faster on the ddpm-cifar10 layout (128-256 channels); on
 * the 32-64 channel MNIST-size layout 15.7 -> 11.6 ms a pass, and the bundled
 * model 9.4 -> 6.0 ms an image (7x7 maps included). Below 16 channels (the
 * first convolution of a 1- or 3-channel image) there is nothing to gain. */
#define WINOGRAD_MIN_CHANNELS 16

static int winograd_fits(const dt_unet *u, const conv_t *c, const dt_tensor *x) {
  const dt_conv_params *p = &c->p;
  return u->winograd_min_pixels > 0 && c->w->shape[0] >= WINOGRAD_MIN_CHANNELS &&
         c->w->shape[1] >= WINOGRAD_MIN_CHANNELS && c->w->shape[2] == 3 && c->w->shape[3] == 3 &&
         p->stride == 1 && p->pad_t == 1 && p->pad_l == 1 && p->pad_b == 1 && p->pad_r == 1 &&
         x->shape[2] * x->shape[3] >= u->winograd_min_pixels;
}

static dt_tensor *conv(fwd *f, conv_t *c, const dt_tensor *x) {
  int64_t shape[4];
  if (f->st)
    return NULL;
  if ((f->st = dt_conv2d_shape(x, c->w, &c->p, shape, f->err)))
    return NULL;
  int tile = winograd_fits(f->u, c, x) ? dt_winograd_tile(x->shape[2], x->shape[3]) : 0;
  uint64_t version = c->w->storage ? c->w->storage->version : 0;
  if (c->wino && c->wino_version != version) /* the weights were edited in place */
    drop_transform(c);
  if (tile && c->wino_tile != tile) { /* a conv sees one map size per input size: made once */
    drop_transform(c);
    c->wino = malloc(dt_winograd_weights_size(c->w, tile) * sizeof(float));
    if (c->wino) { /* out of memory: im2col instead */
      dt_winograd_weights(c->wino, c->w, tile);
      c->wino_tile = tile;
      c->wino_version = version;
    }
  }
  int wino = tile && c->wino;
  float *s =
      scratch(f, wino ? dt_winograd_scratch(x, shape[1], tile) : dt_conv2d_scratch(x, c->w, &c->p));
  dt_tensor *o = tnew(f, shape[0], shape[1], shape[2], shape[3]);
  if (!o)
    return NULL;
  if (wino)
    dt_conv3x3_winograd(o, x, c->wino, c->b, s, tile);
  else
    dt_conv2d(o, x, c->w, c->b, &c->p, s);
  f->u->flops += 2.0 * (double)o->numel * (double)(c->w->numel / c->w->shape[0]);
  return o;
}

static dt_tensor *norm(fwd *f, const gn_t *g, const dt_tensor *x, dt_act act) {
  dt_tensor *o = tnew(f, x->shape[0], x->shape[1], x->shape[2], x->shape[3]);
  if (!o)
    return NULL;
  dt_group_norm(o, x, g->g, g->b, g->groups, f->u->cfg.norm_eps, act);
  return o;
}

/* 2x resampling inside resnets: nearest up, 2x2 average down */
static dt_tensor *resample(fwd *f, const dt_tensor *x, int up) {
  int64_t h = up ? 2 * x->shape[2] : x->shape[2] / 2, w = up ? 2 * x->shape[3] : x->shape[3] / 2;
  dt_tensor *o = tnew(f, x->shape[0], x->shape[1], h, w);
  if (!o)
    return NULL;
  if (up)
    dt_upsample_nearest2x(o, x);
  else
    dt_avg_pool2x(o, x);
  return o;
}

static dt_tensor *resnet(fwd *f, resnet_t *r, const dt_tensor *x, const dt_tensor *emb_act) {
  const dt_unet_config *c = &f->u->cfg;
  dt_tensor *h = norm(f, &r->norm1, x, c->act);
  dt_tensor *xs = NULL; /* the resampled shortcut input */
  if (!f->st && (r->up || r->down)) {
    dt_tensor *h2 = resample(f, h, r->up);
    tfree(f, h);
    h = h2;
    xs = resample(f, x, r->up);
  }
  dt_tensor *c1 = h ? conv(f, &r->conv1, h) : NULL;
  tfree(f, h);
  /* time embedding projection: (N, out) or (N, 2 out) */
  int64_t n = x->shape[0], proj_dim = r->temb.w->shape[0];
  dt_tensor *tp = tnew(f, n, proj_dim, 1, 1);
  if (f->st) {
    tfree(f, c1);
    tfree(f, tp);
    tfree(f, xs);
    return NULL;
  }
  tp->ndim = 2;
  tp->shape[1] = proj_dim;
  dt_linear(tp, emb_act, r->temb.w, r->temb.b);
  int64_t oc = r->out_ch, hw = c1->shape[2] * c1->shape[3];
  dt_tensor *h2;
  if (!c->scale_shift) {
    for (int64_t s = 0; s < n; s++)
      for (int64_t ch = 0; ch < oc; ch++) {
        float v = tp->data[s * proj_dim + ch];
        float *p = c1->data + (s * oc + ch) * hw;
        for (int64_t i = 0; i < hw; i++)
          p[i] += v;
      }
    h2 = norm(f, &r->norm2, c1, c->act);
  } else {
    h2 = norm(f, &r->norm2, c1, DT_ACT_NONE);
    if (h2) {
      for (int64_t s = 0; s < n; s++)
        for (int64_t ch = 0; ch < oc; ch++) {
          float scale = 1 + tp->data[s * proj_dim + ch], shift = tp->data[s * proj_dim + oc + ch];
          float *p = h2->data + (s * oc + ch) * hw;
          for (int64_t i = 0; i < hw; i++)
            p[i] = p[i] * scale + shift;
        }
      dt_activation(h2, h2, c->act);
    }
  }
  tfree(f, tp);
  tfree(f, c1);
  dt_tensor *c2 = h2 ? conv(f, &r->conv2, h2) : NULL;
  tfree(f, h2);
  const dt_tensor *skip = xs ? xs : x;
  dt_tensor *sc = NULL;
  if (c2 && r->has_shortcut)
    sc = conv(f, &r->shortcut, skip);
  if (f->st) {
    tfree(f, c2);
    tfree(f, sc);
    tfree(f, xs);
    return NULL;
  }
  const dt_tensor *base = sc ? sc : skip;
  float inv = 1.0f / r->out_scale;
  for (int64_t i = 0; i < c2->numel; i++)
    c2->data[i] = (base->data[i] + c2->data[i]) * inv;
  tfree(f, sc);
  tfree(f, xs);
  return c2;
}

static dt_tensor *attention(fwd *f, const attn_t *a, const dt_tensor *x) {
  dt_tensor *xn = NULL;
  if (a->has_norm)
    xn = norm(f, &a->norm, x, DT_ACT_NONE);
  int64_t ch = x->shape[1], tokens = x->shape[2] * x->shape[3];
  float *s = scratch(f, dt_attention_scratch(ch, tokens));
  dt_tensor *o = tnew(f, x->shape[0], ch, x->shape[2], x->shape[3]);
  if (f->st) {
    tfree(f, xn);
    tfree(f, o);
    return NULL;
  }
  dt_attention(o, xn ? xn : x, x, a->w, a->b, a->heads, a->rescale, s);
  f->u->flops += (double)x->shape[0] * (8.0 * ch * ch * tokens + 4.0 * tokens * tokens * ch);
  tfree(f, xn);
  return o;
}

/* out = x replaced by y: frees x */
static dt_tensor *swap(fwd *f, dt_tensor *x, dt_tensor *y) {
  tfree(f, x);
  return y;
}

static dt_tensor *concat(fwd *f, const dt_tensor *a, const dt_tensor *b) {
  dt_tensor *o = tnew(f, a->shape[0], a->shape[1] + b->shape[1], a->shape[2], a->shape[3]);
  if (!o)
    return NULL;
  int64_t n = a->shape[0], sa = a->numel / n, sb = b->numel / n;
  for (int64_t s = 0; s < n; s++) {
    memcpy(o->data + s * (sa + sb), a->data + s * sa, (size_t)sa * sizeof(float));
    memcpy(o->data + s * (sa + sb) + sa, b->data + s * sb, (size_t)sb * sizeof(float));
  }
  return o;
}

/* the time (and class) embedding, activated once for all resnets: (N, temb) */
static dt_tensor *embedding(fwd *f, const float *t, const float *labels, const dt_tensor *cond,
                            int64_t n) {
  dt_unet *u = f->u;
  const dt_unet_config *c = &u->cfg;
  int64_t td = u->tproj_dim, ed = u->temb_dim;
  dt_tensor *proj = tnew(f, n, td, 1, 1), *h = tnew(f, n, ed, 1, 1), *emb = tnew(f, n, ed, 1, 1);
  if (f->st)
    goto fail;
  proj->ndim = h->ndim = emb->ndim = 2;
  if (c->time_kind == DT_TIME_POSITIONAL) {
    dt_timestep_embedding(proj->data, t, n, (int)td, c->flip_sin_to_cos, c->freq_shift);
  } else if (c->time_kind == DT_TIME_FOURIER) {
    int64_t half = td / 2;
    for (int64_t s = 0; s < n; s++)
      for (int64_t i = 0; i < half; i++) { /* x = log(t) * W * 2 pi, float32 as torch; */
        float arg = logf(t[s]) * u->fourier_w->data[i] * 2.0f * (float)M_PI; /* [sin, cos]: */
        proj->data[s * td + i] = sinf(arg); /* UNet2DModel never flips its Fourier features */
        proj->data[s * td + half + i] = cosf(arg);
      }
  } else {
    for (int64_t s = 0; s < n; s++) {
      int64_t idx = (int64_t)t[s];
      if (t[s] != (float)idx || idx < 0 || idx >= c->num_train_timesteps) {
        f->st =
            dt_fail(f->err, DT_EARG, "timestep %g is not an integer in 0..%d (learned embedding)",
                    (double)t[s], c->num_train_timesteps - 1);
        goto fail;
      }
      memcpy(proj->data + s * td, u->learned_w->data + idx * td, (size_t)td * sizeof(float));
    }
  }
  dt_linear(h, proj, u->temb1.w, u->temb1.b);
  dt_activation(h, h, DT_ACT_SILU);
  dt_linear(emb, h, u->temb2.w, u->temb2.b);
  if (c->class_kind != DT_CLASS_NONE) {
    if (!labels && !cond) {
      f->st = dt_fail(f->err, DT_EARG, "the model is class-conditional: class_labels are needed");
      goto fail;
    }
    for (int64_t s = 0; s < n; s++) {
      float *e = emb->data + s * ed;
      if (c->class_kind == DT_CLASS_TABLE) {
        int64_t k = (int64_t)labels[s];
        if (labels[s] != (float)k || k < 0 || k >= c->num_class_embeds) {
          f->st = dt_fail(f->err, DT_EARG, "class label %g is not an integer in 0..%d",
                          (double)labels[s], c->num_class_embeds - 1);
          goto fail;
        }
        const float *row = u->class_table->data + k * ed;
        for (int64_t i = 0; i < ed; i++)
          e[i] += row[i];
      } else if (c->class_kind == DT_CLASS_IDENTITY) {
        const float *row = cond->data + s * ed;
        for (int64_t i = 0; i < ed; i++)
          e[i] += row[i];
      }
    }
    if (c->class_kind == DT_CLASS_TIMESTEP) { /* TimestepEmbedding of the labels' sinusoids */
      dt_timestep_embedding(proj->data, labels, n, (int)td, c->flip_sin_to_cos, c->freq_shift);
      dt_linear(h, proj, u->class1.w, u->class1.b);
      dt_activation(h, h, DT_ACT_SILU);
      dt_tensor *ce = tnew(f, n, ed, 1, 1);
      if (!ce)
        goto fail;
      ce->ndim = 2;
      dt_linear(ce, h, u->class2.w, u->class2.b);
      for (int64_t i = 0; i < n * ed; i++)
        emb->data[i] += ce->data[i];
      tfree(f, ce);
    }
  } else if (labels) {
    f->st = dt_fail(f->err, DT_EARG, "class_labels given, but the model has no class embedding");
    goto fail;
  }
  dt_activation(emb, emb, c->act); /* resnets apply their nonlinearity to temb first */
  tfree(f, proj);
  tfree(f, h);
  return emb;
fail:
  tfree(f, proj);
  tfree(f, h);
  tfree(f, emb);
  return NULL;
}

/* One pass over a batch already checked by dt_unet_forward. */
static dt_status forward_chunk(dt_unet *u, const dt_tensor *x, const float *t, const float *labels,
                               const dt_tensor *cond_emb, dt_tensor *out, dt_err *err) {
  const dt_unet_config *c = &u->cfg;
  fwd F = {u, err, DT_OK}, *f = &F;
  int64_t n = x->shape[0];
  u->live_bytes = 0;
  dt_tensor *emb = embedding(f, t, labels, cond_emb, n);
  dt_tensor *skips[DT_UNET_MAX_LEVELS * (MAX_RES + 1) + 1];
  int nskip = 0;
  dt_tensor *h = NULL;
  if (!f->st) {
    if (c->center_input_sample) {
      dt_tensor *xc = tnew(f, n, x->shape[1], x->shape[2], x->shape[3]);
      if (xc) {
        for (int64_t i = 0; i < x->numel; i++)
          xc->data[i] = 2 * x->data[i] - 1;
        h = conv(f, &u->conv_in, xc);
        tfree(f, xc);
      }
    } else {
      h = conv(f, &u->conv_in, x);
    }
  }
  if (h)
    skips[nskip++] = h;
  for (int i = 0; i < c->nlevels && !f->st; i++) {
    block_t *bl = &u->down[i];
    for (int j = 0; j < bl->nres && !f->st; j++) {
      dt_tensor *y = resnet(f, &bl->res[j], h, emb);
      h = y;
      if (y && bl->attn)
        h = swap(f, y, attention(f, &bl->att[j], y));
      if (h)
        skips[nskip++] = h;
    }
    if (bl->sampler && !f->st) {
      h = bl->sampler_resnet ? resnet(f, &bl->samp_res, h, emb) : conv(f, &bl->samp_conv, h);
      if (h)
        skips[nskip++] = h;
    }
  }
  /* h is the last skip: the mid block works on a copy of the pointer */
  if (c->mid_block && !f->st) {
    dt_tensor *y = resnet(f, &u->mid.res[0], h, emb);
    if (y && u->mid.attn)
      y = swap(f, y, attention(f, &u->mid.att[0], y));
    if (y)
      h = swap(f, y, resnet(f, &u->mid.res[1], y, emb));
  } else if (!f->st) { /* keep h distinct from the skips it came from */
    dt_tensor *y = tnew(f, h->shape[0], h->shape[1], h->shape[2], h->shape[3]);
    if (y)
      dt_copy(y, h);
    h = y;
  }
  for (int i = 0; i < c->nlevels && !f->st; i++) {
    block_t *bl = &u->up[i];
    for (int j = 0; j < bl->nres && !f->st; j++) {
      dt_tensor *skip = skips[--nskip];
      dt_tensor *cat = concat(f, h, skip);
      tfree(f, skip);
      tfree(f, h);
      h = cat ? resnet(f, &bl->res[j], cat, emb) : NULL;
      tfree(f, cat);
      if (h && bl->attn)
        h = swap(f, h, attention(f, &bl->att[j], h));
    }
    if (bl->sampler && h && !f->st) {
      if (bl->sampler_resnet) {
        h = swap(f, h, resnet(f, &bl->samp_res, h, emb));
      } else {
        dt_tensor *upx = resample(f, h, 1);
        tfree(f, h);
        h = upx ? conv(f, &bl->samp_conv, upx) : NULL;
        tfree(f, upx);
      }
    }
  }
  dt_tensor *o = NULL;
  if (h && !f->st) {
    dt_tensor *hn = norm(f, &u->norm_out, h, DT_ACT_SILU);
    tfree(f, h);
    h = NULL;
    if (hn)
      o = conv(f, &u->conv_out, hn);
    tfree(f, hn);
  }
  if (!f->st && c->time_kind == DT_TIME_FOURIER) {
    int64_t per = o->numel / n;
    for (int64_t s = 0; s < n; s++)
      for (int64_t i = 0; i < per; i++)
        o->data[s * per + i] /= t[s];
  }
  dt_status st = f->st;
  if (!st) { /* hand the result over: a fresh reference for out, the slot let go */
    dt_storage_retain(o->storage);
    dt_tensor_adopt(out, o->storage, o->shape, 4, o->numel);
  }
  for (int i = 0; i < SLOTS; i++) /* everything else the pass made */
    if (u->slot_used[i]) {
      dt_free(&u->slot[i]);
      u->slot_used[i] = 0;
    }
  u->live_bytes = 0;
  return st;
}

/* Batches run in chunks of this many samples, so that each op's operands are
 * still in cache from the op before: a batch of 1,000 MNIST-size images has
 * 130 MB per activation, which went through DRAM on every op, and the pool's
 * blocks stay chunk-sized. Samples do not interact, so the result is the same. */
#define FORWARD_CHUNK 32

dt_status dt_unet_forward(dt_unet *u, const dt_tensor *x, const float *t, const float *labels,
                          const dt_tensor *cond_emb, dt_tensor *out, dt_err *err) {
  const dt_unet_config *c = &u->cfg;
  char sx[160];
  dt_shape_format(x->shape, x->ndim, sx, sizeof sx);
  int64_t div = (int64_t)1 << (c->nlevels - 1);
  if (x->ndim != 4 || x->shape[1] != c->in_channels)
    return dt_fail(err, DT_EARG, "input %s: expected N x %d x H x W", sx, c->in_channels);
  if (x->shape[2] < div || x->shape[3] < div || x->shape[2] % div || x->shape[3] % div)
    return dt_fail(err, DT_EARG, "input %s: H and W must be multiples of %lld", sx, (long long)div);
  int64_t n = x->shape[0];
  if (n == 0) { /* an empty batch gives an empty batch, as in PyTorch */
    int64_t shape[4] = {0, c->out_channels, x->shape[2], x->shape[3]};
    return dt_alloc(out, shape, 4, err);
  }
  for (int64_t s = 0; s < n; s++)
    if (!isfinite(t[s]) || (c->time_kind == DT_TIME_FOURIER && !(t[s] > 0)))
      return dt_fail(err, DT_EARG, "timestep %g is not usable", (double)t[s]);
  if (cond_emb && (cond_emb->numel != n * u->temb_dim || (cond_emb->numel && !cond_emb->data))) {
    char sc[160];
    dt_shape_format(cond_emb->shape, cond_emb->ndim, sc, sizeof sc);
    return dt_fail(err, DT_EARG, "class_labels %s: the identity class embedding needs %lld x %lld",
                   sc, (long long)n, (long long)u->temb_dim);
  }
  u->flops = 0;
  if (n <= FORWARD_CHUNK)
    return forward_chunk(u, x, t, labels, cond_emb, out, err);
  int64_t shape[4] = {n, c->out_channels, x->shape[2], x->shape[3]};
  dt_status st = dt_alloc(out, shape, 4, err);
  int64_t in_per = x->numel / n, out_per = out->numel / n;
  for (int64_t s = 0; s < n && !st; s += FORWARD_CHUNK) {
    int64_t m = n - s < FORWARD_CHUNK ? n - s : FORWARD_CHUNK;
    dt_tensor xs = {0}, es = {0}, os = {0};
    int64_t xshape[4] = {m, x->shape[1], x->shape[2], x->shape[3]};
    st = dt_view(&xs, x, s * in_per, xshape, 4, err);
    if (!st && cond_emb) {
      int64_t eshape[2] = {m, cond_emb->numel / n};
      st = dt_view(&es, cond_emb, s * eshape[1], eshape, 2, err);
    }
    if (!st)
      st =
          forward_chunk(u, &xs, t + s, labels ? labels + s : NULL, cond_emb ? &es : NULL, &os, err);
    if (!st)
      memcpy(out->data + s * out_per, os.data, (size_t)(m * out_per) * sizeof(float));
    dt_free(&xs);
    dt_free(&es);
    dt_free(&os);
  }
  if (st)
    dt_free(out);
  return st;
}
