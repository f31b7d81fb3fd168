/* AutoencoderKL (diffusers' autoencoder_kl.py and vae.py): Encoder (conv_in,
 * DownEncoderBlock2Ds, UNetMidBlock2D, norm, SiLU, conv_out to the moments)
 * and quant_conv; post_quant_conv and Decoder (conv_in, UNetMidBlock2D,
 * UpDecoderBlock2Ds, norm, SiLU, conv_out). Resnets take no time embedding,
 * every norm has eps 1e-6, the mid attention is one head over all channels. */
#include "vae.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"

#include "blocks.h"

#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wformat-truncation" /* names: see blocks.c */
#endif

struct dt_vae {
  dt_vae_config cfg;
  dt_graph *enc, *dec;
};

/* ---- config ---- */

static const char *const KEYS[] = {"_class_name",
                                   "_diffusers_version",
                                   "_name_or_path",
                                   "act_fn",
                                   "block_out_channels",
                                   "down_block_types",
                                   "force_upcast",
                                   "in_channels",
                                   "latent_channels",
                                   "latents_mean",
                                   "latents_std",
                                   "layers_per_block",
                                   "mid_block_add_attention",
                                   "norm_num_groups",
                                   "out_channels",
                                   "sample_size",
                                   "scaling_factor",
                                   "shift_factor",
                                   "up_block_types",
                                   "use_post_quant_conv",
                                   "use_quant_conv",
                                   NULL};

/* a list of n copies of one block type */
static dt_status block_list(const cJSON *v, const char *key, const char *type, int *n,
                            dt_err *err) {
  if (!cJSON_IsArray(v) || cJSON_GetArraySize(v) < 1 || cJSON_GetArraySize(v) > DT_VAE_MAX_LEVELS)
    return dt_config_bad(err, key, v, "must list 1 to 8 block types");
  const cJSON *e;
  cJSON_ArrayForEach(e, v) {
    if (!cJSON_IsString(e) || strcmp(e->valuestring, type))
      return dt_config_bad(err, key, v,
                           type[0] == 'D' ? "only DownEncoderBlock2D is supported"
                                          : "only UpDecoderBlock2D is supported");
  }
  *n = cJSON_GetArraySize(v);
  return DT_OK;
}

static const char *const TINY_KEYS[] = {"_class_name",
                                        "_diffusers_version",
                                        "_name_or_path",
                                        "act_fn",
                                        "block_out_channels",
                                        "decoder_block_out_channels",
                                        "encoder_block_out_channels",
                                        "force_upcast",
                                        "in_channels",
                                        "latent_channels",
                                        "latent_magnitude",
                                        "latent_shift",
                                        "num_decoder_blocks",
                                        "num_encoder_blocks",
                                        "out_channels",
                                        "scaling_factor",
                                        "shift_factor",
                                        "upsample_fn",
                                        "upsampling_scaling_factor",
                                        NULL};

static int int_list(const cJSON *v, int *out, int *n, int lo, int hi) {
  int k = cJSON_GetArraySize(v);
  if (!cJSON_IsArray(v) || k < 1 || k > DT_VAE_MAX_LEVELS)
    return 0;
  for (int i = 0; i < k; i++)
    if (!dt_config_int(cJSON_GetArrayItem(v, i), &out[i], lo, hi))
      return 0;
  *n = k;
  return 1;
}

/* The keys both autoencoders read alike: the channel counts and the latent
 * scaling (shift_factor null where null_shift). Returns whether k is one of
 * them; *ok says whether its value is usable. */
static int shared_key(const char *k, const cJSON *v, dt_vae_config *c, int null_shift, int *ok) {
  if (!strcmp(k, "in_channels"))
    *ok = dt_config_int(v, &c->in_channels, 1, 1 << 16);
  else if (!strcmp(k, "out_channels"))
    *ok = dt_config_int(v, &c->out_channels, 1, 1 << 16);
  else if (!strcmp(k, "latent_channels"))
    *ok = dt_config_int(v, &c->latent_channels, 1, 1 << 16);
  else if (!strcmp(k, "scaling_factor") || !strcmp(k, "shift_factor")) {
    *ok = cJSON_IsNumber(v) || (null_shift && k[1] == 'h' && cJSON_IsNull(v));
    if (*ok && cJSON_IsNumber(v))
      *(k[1] == 'c' ? &c->scaling_factor : &c->shift_factor) = (float)v->valuedouble;
  } else
    return 0;
  return 1;
}

/* AutoencoderTiny's keys (block_out_channels, a copy of the decoder's, is ignored) */
static dt_status tiny_config(const cJSON *root, dt_vae_config *c, dt_err *err) {
  static const int enc[4] = {1, 3, 3, 3}, dec[4] = {3, 3, 3, 1};
  c->tiny = 1;
  c->act = DT_ACT_RELU;
  c->scaling_factor = 1;
  c->nenc = c->ndec = 4;
  for (int i = 0; i < 4; i++) {
    c->enc_out[i] = c->dec_out[i] = 64;
    c->enc_blocks[i] = enc[i];
    c->dec_blocks[i] = dec[i];
  }
  int n1 = 4, n2 = 4;
  const cJSON *v;
  cJSON_ArrayForEach(v, root) {
    const char *k = v->string;
    int known = dt_config_listed(TINY_KEYS, k), ok = 1;
    if (!known)
      return dt_fail(err, DT_EFORMAT, "config key '%.80s' is not supported", k);
    if (shared_key(k, v, c, 0, &ok)) { /* channels and scaling: read */
    } else if (!strcmp(k, "act_fn")) {
      if (!cJSON_IsString(v) || (strcmp(v->valuestring, "relu") && strcmp(v->valuestring, "silu")))
        return dt_config_bad(err, k, v, "only relu and silu are supported");
      c->act = !strcmp(v->valuestring, "relu") ? DT_ACT_RELU : DT_ACT_SILU;
    } else if (!strcmp(k, "encoder_block_out_channels")) {
      ok = int_list(v, c->enc_out, &c->nenc, 1, 1 << 16);
    } else if (!strcmp(k, "decoder_block_out_channels")) {
      ok = int_list(v, c->dec_out, &c->ndec, 1, 1 << 16);
    } else if (!strcmp(k, "num_encoder_blocks")) {
      ok = int_list(v, c->enc_blocks, &n1, 0, 64);
    } else if (!strcmp(k, "num_decoder_blocks")) {
      ok = int_list(v, c->dec_blocks, &n2, 0, 64);
    } else if (!strcmp(k, "upsample_fn")) {
      if (!cJSON_IsString(v) || strcmp(v->valuestring, "nearest"))
        return dt_config_bad(err, k, v, "only nearest is supported");
    } else if (!strcmp(k, "upsampling_scaling_factor")) {
      if (!cJSON_IsNumber(v) || v->valuedouble != 2)
        return dt_config_bad(err, k, v, "only 2 is supported");
    } else if (!strcmp(k, "force_upcast")) {
      ok = cJSON_IsBool(v);
    } else if (!strcmp(k, "latent_magnitude") || !strcmp(k, "latent_shift")) {
      ok = cJSON_IsNumber(v); /* for scale_latents, which encode and decode do not apply */
    }
    if (!ok)
      return dt_config_bad(err, k, v, "the wrong type or out of range");
  }
  if (n1 != c->nenc || n2 != c->ndec)
    return dt_fail(err, DT_EFORMAT,
                   "config: %d encoder and %d decoder block counts for %d and %d "
                   "block widths",
                   n1, n2, c->nenc, c->ndec);
  for (int i = 1; i < c->nenc; i++) /* each level's stride-2 conv keeps the width */
    if (c->enc_out[i] != c->enc_out[i - 1])
      return dt_fail(err, DT_EFORMAT, "config: encoder_block_out_channels must all be equal");
  c->nlevels = c->nenc;
  return DT_OK;
}

dt_status dt_vae_config_from_json(const cJSON *root, dt_vae_config *c, dt_err *err) {
  memset(c, 0, sizeof *c);
  c->in_channels = c->out_channels = 3;
  c->latent_channels = 4;
  c->nlevels = 1;
  c->block_out[0] = 64;
  c->layers_per_block = 1;
  c->norm_num_groups = 32;
  c->act = DT_ACT_SILU;
  c->mid_attention = c->quant_conv = c->post_quant_conv = 1;
  c->scaling_factor = 0.18215f;
  int ndown = 1, nup = 1;
  if (!cJSON_IsObject(root))
    return dt_fail(err, DT_EFORMAT, "config is not a JSON object");
  const cJSON *cls = cJSON_GetObjectItemCaseSensitive(root, "_class_name");
  if (cJSON_IsString(cls) && !strcmp(cls->valuestring, "AutoencoderTiny"))
    return tiny_config(root, c, err);
  const cJSON *v;
  cJSON_ArrayForEach(v, root) {
    const char *k = v->string;
    int known = dt_config_listed(KEYS, k);
    if (!known)
      return dt_fail(err, DT_EFORMAT, "config key '%.80s' is not supported", k);
    dt_status st = DT_OK;
    int ok = 1;
    if (!strcmp(k, "_class_name")) {
      if (!cJSON_IsString(v) || strcmp(v->valuestring, "AutoencoderKL"))
        return dt_fail(err, DT_EFORMAT,
                       "config is for '%.60s', not AutoencoderKL or AutoencoderTiny",
                       cJSON_IsString(v) ? v->valuestring : "?");
    } else if (!strcmp(k, "act_fn")) {
      ok = cJSON_IsString(v) &&
           (!strcmp(v->valuestring, "silu") || !strcmp(v->valuestring, "swish"));
      if (!ok)
        return dt_config_bad(err, k, v, "only silu is supported");
    } else if (!strcmp(k, "block_out_channels")) {
      int n = cJSON_GetArraySize(v);
      ok = cJSON_IsArray(v) && n >= 1 && n <= DT_VAE_MAX_LEVELS;
      for (int i = 0; ok && i < n; i++)
        ok = dt_config_int(cJSON_GetArrayItem(v, i), &c->block_out[i], 1, 1 << 16);
      c->nlevels = n;
    } else if (!strcmp(k, "down_block_types")) {
      st = block_list(v, k, "DownEncoderBlock2D", &ndown, err);
    } else if (!strcmp(k, "up_block_types")) {
      st = block_list(v, k, "UpDecoderBlock2D", &nup, err);
    } else if (shared_key(k, v, c, 1, &ok)) { /* channels and scaling: read */
    } else if (!strcmp(k, "layers_per_block")) {
      ok = dt_config_int(v, &c->layers_per_block, 1, 64);
    } else if (!strcmp(k, "norm_num_groups")) {
      ok = dt_config_int(v, &c->norm_num_groups, 1, 1 << 16);
    } else if (!strcmp(k, "sample_size")) {
      ok = dt_config_int(cJSON_IsArray(v) ? cJSON_GetArrayItem(v, 0) : v, &c->sample_size, 1,
                         1 << 20);
    } else if (!strcmp(k, "latents_mean") || !strcmp(k, "latents_std")) {
      ok = cJSON_IsNull(v);
      if (!ok)
        return dt_config_bad(err, k, v, "not supported yet");
    } else if (!strcmp(k, "mid_block_add_attention") || !strcmp(k, "use_quant_conv") ||
               !strcmp(k, "use_post_quant_conv") || !strcmp(k, "force_upcast")) {
      ok = cJSON_IsBool(v); /* force_upcast: float32 already */
      int on = cJSON_IsTrue(v);
      if (k[0] == 'm')
        c->mid_attention = on;
      else if (!strcmp(k, "use_quant_conv"))
        c->quant_conv = on;
      else if (k[0] == 'u')
        c->post_quant_conv = on;
    }
    if (st)
      return st;
    if (!ok)
      return dt_config_bad(err, k, v, "the wrong type or out of range");
  }
  if (ndown != c->nlevels || nup != c->nlevels)
    return dt_fail(err, DT_EFORMAT,
                   "config: %d down and %d up block types for %d block_out_channels", ndown, nup,
                   c->nlevels);
  for (int i = 0; i < c->nlevels; i++)
    if (c->block_out[i] % c->norm_num_groups)
      return dt_fail(err, DT_EFORMAT, "config: block_out_channels %d is not divisible by %d groups",
                     c->block_out[i], c->norm_num_groups);
  return DT_OK;
}

/* ---- the graphs ---- */

static const int PAD1[4] = {1, 1, 1, 1}, PAD0[4] = {0, 0, 0, 0};
#define EPS 1e-6f

static int mid_block(dt_graph *g, const dt_vae_config *c, const char *prefix, int h, int ch) {
  char name[256];
  dt_resnet_opts ro = {c->norm_num_groups, EPS, c->act, 0, 0, 0, 0, 1};
  snprintf(name, sizeof name, "%s.mid_block.resnets.0", prefix);
  h = dt_block_resnet(g, name, h, -1, ch, ch, &ro);
  if (c->mid_attention) {
    snprintf(name, sizeof name, "%s.mid_block.attentions.0", prefix);
    h = dt_block_spatial_attention(g, name, h, ch, ch, c->norm_num_groups, EPS, 1);
  }
  snprintf(name, sizeof name, "%s.mid_block.resnets.1", prefix);
  return dt_block_resnet(g, name, h, -1, ch, ch, &ro);
}

static int encoder(dt_graph *g, const dt_vae_config *c) {
  char name[256];
  int L = c->nlevels, ch = c->block_out[0];
  dt_resnet_opts ro = {c->norm_num_groups, EPS, c->act, 0, 0, 0, 0, 1};
  int h = dt_block_conv(g, "encoder.conv_in", 0, c->in_channels, ch, 3, 1, PAD1);
  for (int i = 0; i < L; i++) {
    int out = c->block_out[i];
    for (int j = 0; j < c->layers_per_block; j++) {
      snprintf(name, sizeof name, "encoder.down_blocks.%d.resnets.%d", i, j);
      h = dt_block_resnet(g, name, h, -1, ch, out, &ro);
      ch = out;
    }
    if (i < L - 1) {
      snprintf(name, sizeof name, "encoder.down_blocks.%d.downsamplers.0", i);
      h = dt_block_downsample(g, name, h, ch, 0);
    }
  }
  h = mid_block(g, c, "encoder", h, ch);
  h = dt_block_group_norm(g, "encoder.conv_norm_out", h, ch, c->norm_num_groups, EPS, c->act);
  h = dt_block_conv(g, "encoder.conv_out", h, ch, 2 * c->latent_channels, 3, 1, PAD1);
  if (c->quant_conv)
    h = dt_block_conv(g, "quant_conv", h, 2 * c->latent_channels, 2 * c->latent_channels, 1, 1,
                      PAD0);
  return h;
}

static int decoder(dt_graph *g, const dt_vae_config *c) {
  char name[256];
  int L = c->nlevels, lat = c->latent_channels, ch = c->block_out[L - 1];
  dt_resnet_opts ro = {c->norm_num_groups, EPS, c->act, 0, 0, 0, 0, 1};
  int h = 0;
  if (c->post_quant_conv)
    h = dt_block_conv(g, "post_quant_conv", h, lat, lat, 1, 1, PAD0);
  h = dt_block_conv(g, "decoder.conv_in", h, lat, ch, 3, 1, PAD1);
  h = mid_block(g, c, "decoder", h, ch);
  for (int i = 0; i < L; i++) {
    int out = c->block_out[L - 1 - i];
    for (int j = 0; j <= c->layers_per_block; j++) {
      snprintf(name, sizeof name, "decoder.up_blocks.%d.resnets.%d", i, j);
      h = dt_block_resnet(g, name, h, -1, ch, out, &ro);
      ch = out;
    }
    if (i < L - 1) {
      snprintf(name, sizeof name, "decoder.up_blocks.%d.upsamplers.0", i);
      h = dt_block_upsample(g, name, h, ch);
    }
  }
  h = dt_block_group_norm(g, "decoder.conv_norm_out", h, ch, c->norm_num_groups, EPS, c->act);
  return dt_block_conv(g, "decoder.conv_out", h, ch, c->out_channels, 3, 1, PAD1);
}

/* AutoencoderTiny: EncoderTiny (the image to [0, 1], per level a conv (the
 * first plain, the others stride 2 without bias) and its blocks, a conv to
 * the latents) and DecoderTiny (3 tanh(x / 3), a conv and the activation,
 * per level its blocks, an upsampling and a conv (without bias but the
 * last), then 2 x - 1). Layer names count every module of nn.Sequential. */
static int tiny_encoder(dt_graph *g, const dt_vae_config *c) {
  char name[256];
  int h = dt_block_affine(g, 0, 0.5f, 0.5f), k = 0, ch = c->in_channels;
  for (int i = 0; i < c->nenc; i++) {
    int out = c->enc_out[i];
    snprintf(name, sizeof name, "encoder.layers.%d", k++);
    h = i == 0 ? dt_block_conv(g, name, h, ch, out, 3, 1, PAD1)
               : dt_block_conv_nobias(g, name, h, ch, out, 3, 2, PAD1);
    ch = out;
    for (int j = 0; j < c->enc_blocks[i]; j++) {
      snprintf(name, sizeof name, "encoder.layers.%d", k++);
      h = dt_block_tiny(g, name, h, ch, ch, c->act);
    }
  }
  snprintf(name, sizeof name, "encoder.layers.%d", k);
  return dt_block_conv(g, name, h, ch, c->latent_channels, 3, 1, PAD1);
}

static int tiny_decoder(dt_graph *g, const dt_vae_config *c) {
  char name[256];
  int h =
      dt_block_affine(g, dt_block_act(g, dt_block_affine(g, 0, 1.0f / 3, 0), DT_ACT_TANH), 3, 0);
  int ch = c->dec_out[0];
  h = dt_block_act(g, dt_block_conv(g, "decoder.layers.0", h, c->latent_channels, ch, 3, 1, PAD1),
                   c->act);
  int k = 2;
  for (int i = 0; i < c->ndec; i++) {
    int last = i == c->ndec - 1, out = c->dec_out[i];
    for (int j = 0; j < c->dec_blocks[i]; j++) {
      snprintf(name, sizeof name, "decoder.layers.%d", k++);
      h = dt_block_tiny(g, name, h, ch, out, c->act);
      ch = out;
    }
    if (!last) {
      h = dt_block_nearest2x(g, h);
      k++;
    }
    snprintf(name, sizeof name, "decoder.layers.%d", k++);
    h = last ? dt_block_conv(g, name, h, ch, c->out_channels, 3, 1, PAD1)
             : dt_block_conv_nobias(g, name, h, ch, ch, 3, 1, PAD1);
  }
  return dt_block_affine(g, h, 2, -1);
}

dt_status dt_vae_new(const dt_vae_config *cfg, dt_weight_fn lookup, void *ctx, dt_vae **out,
                     dt_err *err) {
  *out = NULL;
  dt_vae *v = calloc(1, sizeof *v);
  if (v) {
    v->cfg = *cfg;
    v->enc = dt_graph_new(1, lookup, ctx);
    v->dec = dt_graph_new(1, lookup, ctx);
  }
  if (!v || !v->enc || !v->dec) {
    dt_vae_free(v);
    return dt_fail(err, DT_ENOMEM, "out of memory for the model");
  }
  int tiny = cfg->tiny;
  dt_status st = dt_graph_finish(v->enc, (tiny ? tiny_encoder : encoder)(v->enc, &v->cfg), err);
  if (!st)
    st = dt_graph_finish(v->dec, (tiny ? tiny_decoder : decoder)(v->dec, &v->cfg), err);
  if (st) {
    dt_vae_free(v);
    return st;
  }
  dt_graph_share_workspace(v->dec, v->enc); /* the two halves never run at once */
  *out = v;
  return DT_OK;
}

void dt_vae_free(dt_vae *v) {
  if (!v)
    return;
  dt_graph_free(v->enc);
  dt_graph_free(v->dec);
  free(v);
}

const dt_vae_config *dt_vae_cfg(const dt_vae *v) { return &v->cfg; }
dt_graph *dt_vae_encoder(dt_vae *v) { return v->enc; }
dt_graph *dt_vae_decoder(dt_vae *v) { return v->dec; }

static dt_status check_input(const dt_vae *v, const dt_tensor *x, int channels, int64_t div,
                             const char *what, dt_err *err) {
  char s[160];
  dt_shape_format(x->shape, x->ndim, s, sizeof s);
  if (x->ndim != 4 || x->shape[1] != channels || x->shape[0] < 1 || !x->data)
    return dt_fail(err, DT_EARG, "%s %s: expected N x %d x H x W", what, s, channels);
  if (x->shape[2] % div || x->shape[3] % div || x->shape[2] < div || x->shape[3] < div)
    return dt_fail(err, DT_EARG, "%s %s: H and W must be multiples of %lld", what, s,
                   (long long)div);
  (void)v;
  return DT_OK;
}

dt_status dt_vae_encode(dt_vae *v, const dt_tensor *images, dt_tensor *mean, dt_tensor *std,
                        dt_err *err) {
  const dt_vae_config *c = &v->cfg;
  dt_status st =
      check_input(v, images, c->in_channels, (int64_t)1 << (c->nlevels - 1), "images", err);
  dt_tensor moments = {0};
  if (!st && c->tiny) /* the latents themselves */
    return dt_graph_forward(v->enc, &images, mean, err);
  if (!st)
    st = dt_graph_forward(v->enc, &images, &moments, err);
  if (st)
    return st;
  int64_t n = moments.shape[0], lat = c->latent_channels, hw = moments.shape[2] * moments.shape[3];
  int64_t shape[4] = {n, lat, moments.shape[2], moments.shape[3]};
  st = dt_alloc(mean, shape, 4, err);
  if (!st)
    st = dt_alloc(std, shape, 4, err);
  for (int64_t s = 0; s < n && !st; s++) {
    const float *m = moments.data + s * 2 * lat * hw, *lv = m + lat * hw;
    memcpy(mean->data + s * lat * hw, m, (size_t)(lat * hw) * sizeof(float));
    for (int64_t i = 0; i < lat * hw; i++) { /* DiagonalGaussianDistribution */
      float l = lv[i] < -30.0f ? -30.0f : lv[i] > 20.0f ? 20.0f : lv[i];
      std->data[s * lat * hw + i] = expf(0.5f * l);
    }
  }
  dt_free(&moments);
  if (st) {
    dt_free(mean);
    dt_free(std);
  }
  return st;
}

dt_status dt_vae_moments(dt_vae *v, const dt_tensor *images, dt_tensor *moments, dt_err *err) {
  const dt_vae_config *c = &v->cfg;
  dt_status st =
      check_input(v, images, c->in_channels, (int64_t)1 << (c->nlevels - 1), "images", err);
  return st ? st : dt_graph_forward(v->enc, &images, moments, err);
}

dt_status dt_vae_decode(dt_vae *v, const dt_tensor *latents, dt_tensor *images, dt_err *err) {
  dt_status st = check_input(v, latents, v->cfg.latent_channels, 1, "latents", err);
  if (!st)
    st = dt_graph_forward(v->dec, &latents, images, err);
  return st;
}
