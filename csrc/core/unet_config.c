/* The config.json of UNet2DModel and UNet2DConditionModel: parsed and
 * checked once, unknown keys and unsupported values named (unet.h). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unet.h"

#include "config.h"

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

/* UNet2DModel's keys that UNet2DConditionModel's constructor does not take */
static const char *const PLAIN_ONLY[] = {"add_attention", "attn_norm_num_groups", "downsample_type",
                                         "upsample_type", "num_train_timesteps",  NULL};
/* UNet2DConditionModel's keys beyond those: the ones read, */
static const char *const COND_KEYS[] = {
    "cross_attention_dim",     "transformer_layers_per_block",
    "use_linear_projection",   "upcast_attention",
    "time_cond_proj_dim",      "addition_embed_type",
    "addition_time_embed_dim", "projection_class_embeddings_input_dim",
    "only_cross_attention",    NULL};
/* and those whose features are not built yet: accepted at diffusers' default
 * only (null, false, or the value given), so a config that needs one is
 * refused by name instead of computed wrong */
static const struct {
  const char *key;
  const char *value; /* as JSON */
} COND_DEFAULTS[] = {
    {"addition_embed_type_num_heads", NULL}, /* any: read only with an addition embedding */
    {"attention_type", "\"default\""},
    {"class_embeddings_concat", "false"},
    {"conv_in_kernel", "3"},
    {"conv_out_kernel", "3"},
    {"cross_attention_norm", "null"},
    {"dual_cross_attention", "false"},
    {"encoder_hid_dim", "null"},
    {"encoder_hid_dim_type", "null"},
    {"mid_block_only_cross_attention", NULL}, /* any: UNetMidBlock2DCrossAttn takes none */
    {"num_attention_heads", "null"},
    {"resnet_out_scale_factor", "1"},
    {"resnet_skip_time_act", "false"},
    {"reverse_transformer_layers_per_block", "null"},
    {"time_embedding_act_fn", "null"},
    {"timestep_post_act", "null"},
};

static dt_status parse_choice(const cJSON *v, const char *key, const char *const *names, int *out,
                              dt_err *err) {
  if (!cJSON_IsString(v))
    return dt_config_bad(err, key, v, "must be a string");
  for (int i = 0; names[i]; i++)
    if (strcmp(names[i], v->valuestring) == 0) {
      *out = i;
      return DT_OK;
    }
  return dt_fail(err, DT_EFORMAT, "config '%s': '%.60s' is not supported", key, v->valuestring);
}

/* block types: `plain` is DT_BLOCK_PLAIN, `attn` the given kind */
static dt_status parse_blocks(const cJSON *v, const char *key, const char *plain, const char *attn,
                              int attn_kind, int *out, int *count, dt_err *err) {
  if (!cJSON_IsArray(v))
    return dt_config_bad(err, key, v, "must be a list of block types");
  int n = cJSON_GetArraySize(v);
  if (n < 1 || n > DT_UNET_MAX_LEVELS)
    return dt_config_bad(err, key, v, "must list 1 to 8 blocks");
  for (int i = 0; i < n; i++) {
    const cJSON *e = cJSON_GetArrayItem(v, i);
    if (!cJSON_IsString(e))
      return dt_config_bad(err, key, v, "entries must be strings");
    if (strcmp(e->valuestring, plain) == 0)
      out[i] = 0;
    else if (strcmp(e->valuestring, attn) == 0)
      out[i] = attn_kind;
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

/* an int, or a list of one per level: into out[nlevels] */
static dt_status per_level(const cJSON *v, const char *key, int nlevels, int lo, int hi, int *out,
                           dt_err *err) {
  int iv;
  if (dt_config_int(v, &iv, lo, hi)) {
    for (int i = 0; i < nlevels; i++)
      out[i] = iv;
    return DT_OK;
  }
  if (!cJSON_IsArray(v) || cJSON_GetArraySize(v) != nlevels)
    return dt_config_bad(err, key, v, "must be a number or a list of one per block");
  for (int i = 0; i < nlevels; i++)
    if (!dt_config_int(cJSON_GetArrayItem(v, i), &out[i], lo, hi))
      return dt_config_bad(err, key, v, "must be a number or a list of one per block");
  return DT_OK;
}

/* UNet2DConditionModel's constructor defaults */
static void cond_defaults(dt_unet_config *c) {
  static const int out[4] = {320, 640, 1280, 1280};
  c->conditional = 1;
  c->in_channels = c->out_channels = 4;
  c->cross_attention_dim = 1280;
  for (int i = 0; i < 4; i++) {
    c->block_out[i] = out[i];
    c->down_attn[i] = i < 3 ? DT_BLOCK_CROSS_ATTN : DT_BLOCK_PLAIN;
    c->up_attn[i] = i > 0 ? DT_BLOCK_CROSS_ATTN : DT_BLOCK_PLAIN;
  }
}

dt_status dt_unet_config_from_json(const cJSON *root, dt_unet_config *c, dt_err *err) {
  memset(c, 0, sizeof *c);
  const cJSON *cls =
      cJSON_IsObject(root) ? cJSON_GetObjectItemCaseSensitive(root, "_class_name") : NULL;
  int cond = cJSON_IsString(cls) && !strcmp(cls->valuestring, "UNet2DConditionModel");
  /* per level: read once nlevels is known */
  const cJSON *head_v = NULL, *layers_v = NULL, *only_cross_v = NULL;
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
  if (cond)
    cond_defaults(c);
  dt_status st = DT_OK;
  if (!cJSON_IsObject(root)) {
    st = dt_fail(err, DT_EFORMAT, "config is not a JSON object");
    goto done;
  }
  const cJSON *v;
  cJSON_ArrayForEach(v, root) {
    const char *k = v->string;
    int known = dt_config_listed(CONFIG_KEYS, k) && !(cond && dt_config_listed(PLAIN_ONLY, k));
    known |= cond && dt_config_listed(COND_KEYS, k);
    for (size_t i = 0; cond && !known && i < sizeof COND_DEFAULTS / sizeof *COND_DEFAULTS; i++)
      if (!strcmp(k, COND_DEFAULTS[i].key)) {
        known = 1;
        char *text = cJSON_PrintUnformatted(v);
        int fine =
            !COND_DEFAULTS[i].value ||
            (text && (!strcmp(text, COND_DEFAULTS[i].value) ||
                      (cJSON_IsNumber(v) && v->valuedouble == atof(COND_DEFAULTS[i].value))));
        cJSON_free(text);
        if (!fine) {
          st = dt_config_bad(err, k, v, "not supported yet");
          goto done;
        }
      }
    if (!known) {
      st = dt_fail(err, DT_EFORMAT, "config key '%.80s' is not supported", k);
      goto done;
    }
    int iv = 0, choice = 0;
    if (!strcmp(k, "_class_name")) {
      if (!cJSON_IsString(v) || (strcmp(v->valuestring, "UNet2DModel") &&
                                 strcmp(v->valuestring, "UNet2DConditionModel"))) {
        st = dt_fail(err, DT_EFORMAT,
                     "config is for '%.60s', not UNet2DModel or UNet2DConditionModel",
                     cJSON_IsString(v) ? v->valuestring : "?");
        goto done;
      }
    } else if (cond &&
               (!strcmp(k, "attention_head_dim") || !strcmp(k, "transformer_layers_per_block"))) {
      if (k[0] == 'a')
        head_v = v;
      else
        layers_v = v;
    } else if (!strcmp(k, "time_cond_proj_dim") || !strcmp(k, "addition_time_embed_dim") ||
               !strcmp(k, "projection_class_embeddings_input_dim")) {
      int *dst = k[0] == 't'   ? &c->time_cond_proj_dim
                 : k[0] == 'a' ? &c->addition_time_embed_dim
                               : &c->projection_input_dim;
      if (!cJSON_IsNull(v) && !dt_config_int(v, dst, 1, 1 << 20))
        goto type_error;
    } else if (!strcmp(k, "only_cross_attention")) {
      only_cross_v = v; /* a bool, or one per block: read once nlevels is known */
    } else if (!strcmp(k, "addition_embed_type")) {
      if (cJSON_IsNull(v))
        continue;
      if (!cJSON_IsString(v) || strcmp(v->valuestring, "text_time")) {
        st = dt_config_bad(err, k, v, "not supported yet (only null and \"text_time\")");
        goto done;
      }
      c->text_time = 1;
    } else if (!strcmp(k, "cross_attention_dim")) {
      if (!dt_config_int(v, &c->cross_attention_dim, 1, 1 << 16))
        goto type_error;
    } else if (!strcmp(k, "use_linear_projection") || !strcmp(k, "upcast_attention")) {
      if (!cJSON_IsBool(v)) /* upcast: float32 already */
        goto type_error;
      if (k[1] == 's')
        c->linear_projection = cJSON_IsTrue(v);
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
      else if (!dt_config_int(v, &c->attention_head_dim, 1, 1 << 16))
        goto type_error;
    } else if (!strcmp(k, "attn_norm_num_groups")) {
      if (cJSON_IsNull(v))
        c->attn_norm_num_groups = 0;
      else if (!dt_config_int(v, &c->attn_norm_num_groups, 1, 1 << 16))
        goto type_error;
    } else if (!strcmp(k, "block_out_channels")) {
      int n = cJSON_GetArraySize(v);
      if (!cJSON_IsArray(v) || n < 1 || n > DT_UNET_MAX_LEVELS) {
        st = dt_config_bad(err, k, v, "must list 1 to 8 channel counts");
        goto done;
      }
      for (int i = 0; i < n; i++)
        if (!dt_config_int(cJSON_GetArrayItem(v, i), &c->block_out[i], 1, 1 << 16))
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
      if ((st =
               parse_blocks(v, k, "DownBlock2D", cond ? "CrossAttnDownBlock2D" : "AttnDownBlock2D",
                            cond ? DT_BLOCK_CROSS_ATTN : DT_BLOCK_ATTN, c->down_attn, &ndown, err)))
        goto done;
    } else if (!strcmp(k, "up_block_types")) {
      if ((st = parse_blocks(v, k, "UpBlock2D", cond ? "CrossAttnUpBlock2D" : "AttnUpBlock2D",
                             cond ? DT_BLOCK_CROSS_ATTN : DT_BLOCK_ATTN, c->up_attn, &nup, err)))
        goto done;
    } else if (!strcmp(k, "downsample_padding")) {
      if (!dt_config_int(v, &c->downsample_padding, 0, 16))
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
      if (!dt_config_int(v, &c->in_channels, 1, 1 << 16))
        goto type_error;
    } else if (!strcmp(k, "out_channels")) {
      if (!dt_config_int(v, &c->out_channels, 1, 1 << 16))
        goto type_error;
    } else if (!strcmp(k, "layers_per_block")) {
      if (!dt_config_int(v, &c->layers_per_block, 1, DT_UNET_MAX_LAYERS))
        goto type_error;
    } else if (!strcmp(k, "mid_block_scale_factor")) {
      if (!cJSON_IsNumber(v) || !(v->valuedouble > 0))
        goto type_error;
      c->mid_block_scale_factor = (float)v->valuedouble;
    } else if (!strcmp(k, "mid_block_type")) {
      const char *const kinds[] = {cond ? "UNetMidBlock2DCrossAttn" : "UNetMidBlock2D", NULL};
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
      if (!dt_config_int(v, &c->norm_num_groups, 1, 1 << 16))
        goto type_error;
    } else if (!strcmp(k, "num_class_embeds")) {
      if (cJSON_IsNull(v))
        continue;
      if (!dt_config_int(v, &c->num_class_embeds, 1, 1 << 24))
        goto type_error;
    } else if (!strcmp(k, "num_train_timesteps")) {
      if (cJSON_IsNull(v))
        continue;
      if (!dt_config_int(v, &c->num_train_timesteps, 1, 1 << 24))
        goto type_error;
    } else if (!strcmp(k, "resnet_time_scale_shift")) {
      static const char *const kinds[] = {"default", "scale_shift", NULL};
      if ((st = parse_choice(v, k, kinds, &choice, err)))
        goto done;
      c->scale_shift = choice;
    } else if (!strcmp(k, "sample_size")) {
      if (cJSON_IsArray(v)) {
        if (!dt_config_int(cJSON_GetArrayItem(v, 0), &iv, 1, 1 << 16))
          goto type_error;
      } else if (!dt_config_int(v, &iv, 1, 1 << 16)) {
        goto type_error;
      }
      c->sample_size = iv;
    } else if (!strcmp(k, "time_embedding_dim")) {
      if (cJSON_IsNull(v))
        continue;
      if (!dt_config_int(v, &c->time_embedding_dim, 1, 1 << 20))
        goto type_error;
    } else if (!strcmp(k, "time_embedding_type")) {
      static const char *const kinds[] = {"positional", "fourier", "learned", NULL};
      if ((st = parse_choice(v, k, kinds, &choice, err)))
        goto done;
      c->time_kind = (dt_time_kind)choice;
    }
    continue;
  type_error:
    st = dt_config_bad(err, k, v, "the wrong type or out of range");
    goto done;
  }
  if (ndown != c->nlevels || nup != c->nlevels) {
    st = dt_fail(err, DT_EFORMAT, "config: %d down and %d up block types for %d block_out_channels",
                 ndown, nup, c->nlevels);
    goto done;
  }
  if (c->class_kind == DT_CLASS_NONE && c->num_class_embeds > 0)
    c->class_kind = DT_CLASS_TABLE;
  if (cond) {
    for (int i = 0; i < c->nlevels; i++) {
      c->heads[i] = 8;
      c->transformer_layers[i] = 1;
    }
    if (head_v &&
        (st = per_level(head_v, "attention_head_dim", c->nlevels, 1, 1 << 12, c->heads, err)))
      goto done;
    if (layers_v && (st = per_level(layers_v, "transformer_layers_per_block", c->nlevels, 1, 64,
                                    c->transformer_layers, err)))
      goto done;
    for (int i = 0; only_cross_v && i < c->nlevels; i++) {
      const cJSON *e =
          cJSON_IsArray(only_cross_v) ? cJSON_GetArrayItem(only_cross_v, i) : only_cross_v;
      if (!cJSON_IsBool(e) ||
          (cJSON_IsArray(only_cross_v) && cJSON_GetArraySize(only_cross_v) != c->nlevels)) {
        st = dt_config_bad(err, "only_cross_attention", only_cross_v,
                           "must be true, false or one of them per block");
        goto done;
      }
      c->only_cross[i] = cJSON_IsTrue(e);
    }
    if (c->time_kind != DT_TIME_POSITIONAL) {
      st = dt_fail(err, DT_EFORMAT,
                   "config: UNet2DConditionModel with non-positional time embeddings is not "
                   "supported yet");
      goto done;
    }
    if (c->text_time && (!c->addition_time_embed_dim || !c->projection_input_dim)) {
      st = dt_fail(err, DT_EFORMAT,
                   "config: addition_embed_type \"text_time\" needs "
                   "addition_time_embed_dim and "
                   "projection_class_embeddings_input_dim");
      goto done;
    }
    c->attention_head_dim = 0;
    for (int i = 0; i < c->nlevels; i++) /* the heads split the channels where attention is */
      if ((c->down_attn[i] || c->up_attn[c->nlevels - 1 - i]) && c->block_out[i] % c->heads[i]) {
        st = dt_fail(err, DT_EFORMAT, "config: %d attention heads do not divide %d channels",
                     c->heads[i], c->block_out[i]);
        goto done;
      }
  }
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
