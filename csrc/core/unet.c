/* UNet2DModel and UNet2DConditionModel: the graph of diffusers' unet_2d.py
 * and unet_2d_condition.py (time and class embeddings, down blocks, mid
 * block, up blocks with skip connections; the conditional one's attention
 * is Transformer2DModel over the text) built from the config over the shared
 * blocks. This is the models' only topology: inference and training both
 * run it. */
#include "unet.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "blocks.h"

#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wformat-truncation" /* names: see blocks.c */
#endif

struct dt_unet {
  dt_unet_config cfg;
  int temb_dim;
  dt_graph *g;
};

/* the graph's inputs */
enum {
  IN_SAMPLE,
  IN_TIME,
  IN_LABELS,
  IN_COND,
  IN_CONTEXT,
  IN_TIME_COND,
  IN_TEXT_EMBEDS,
  IN_TIME_IDS,
  NINPUTS
};

/* a level's attention after each resnet: AttnDownBlock2D's spatial
 * attention, or CrossAttnDownBlock2D's transformer over the context */
static int level_attention(dt_graph *g, const dt_unet_config *c, const char *prefix, int h,
                           int kind, int ch, int level, int only_cross) {
  if (kind == DT_BLOCK_ATTN)
    return dt_block_spatial_attention(g, prefix, h, ch, c->attention_head_dim, c->norm_num_groups,
                                      c->norm_eps, 1);
  if (ch % c->heads[level])
    dt_graph_fail(g, "'%s': %d heads do not divide %d channels", prefix, c->heads[level], ch);
  dt_transformer_opts o = {c->heads[level],    ch / c->heads[level],   c->transformer_layers[level],
                           c->norm_num_groups, c->cross_attention_dim, c->linear_projection,
                           only_cross};
  return dt_block_transformer_2d(g, prefix, h, IN_CONTEXT, ch, &o);
}

/* the time (and class) embedding, activated once for all resnets: (N, temb) */
static int embedding(dt_graph *g, const dt_unet_config *c, int temb) {
  int ch0 = c->block_out[0], proj;
  if (c->time_kind == DT_TIME_POSITIONAL) {
    proj = dt_block_timesteps(g, IN_TIME, ch0, c->flip_sin_to_cos, c->freq_shift);
  } else if (c->time_kind == DT_TIME_FOURIER) { /* fixed features: not trained, as in diffusers */
    proj = dt_block_fourier_projection(g, "time_proj.weight", IN_TIME, ch0);
  } else {
    proj =
        dt_block_embedding(g, "time_proj.weight", IN_TIME, c->num_train_timesteps, ch0, "timestep");
  }
  int tproj = c->time_kind == DT_TIME_FOURIER ? 2 * ch0 : ch0;
  if (c->time_cond_proj_dim) /* LCM: the guidance embedding, projected onto the time features */
    proj = dt_block_add(g, proj,
                        dt_block_linear_nobias(g, "time_embedding.cond_proj", IN_TIME_COND,
                                               c->time_cond_proj_dim, tproj),
                        1);
  /* UNet2DModel's embeddings use SiLU; UNet2DConditionModel's its act_fn */
  dt_act mlp = c->conditional ? c->act : DT_ACT_SILU;
  int emb = dt_block_timestep_mlp(g, "time_embedding", proj, tproj, temb, mlp);
  int class_emb = -1; /* then the class embedding is added, then SDXL's, in diffusers' order */
  if (c->class_kind == DT_CLASS_TABLE) {
    class_emb = dt_block_embedding(g, "class_embedding.weight", IN_LABELS, c->num_class_embeds,
                                   temb, "class label");
  } else if (c->class_kind == DT_CLASS_TIMESTEP) { /* TimestepEmbedding of the labels' sinusoids */
    int p = dt_block_timesteps(g, IN_LABELS, ch0, c->flip_sin_to_cos, c->freq_shift);
    class_emb = dt_block_timestep_mlp(g, "class_embedding", p, ch0, temb, mlp);
  } else if (c->class_kind == DT_CLASS_IDENTITY) {
    class_emb = IN_COND;
  }
  if (class_emb >= 0)
    emb = dt_block_add(g, emb, class_emb, 1);
  if (c->text_time) { /* SDXL: [pooled text, sinusoids of the size/crop ids] -> add_embedding */
    int ids = dt_block_timesteps(g, IN_TIME_IDS, c->addition_time_embed_dim, c->flip_sin_to_cos,
                                 c->freq_shift);
    int both = dt_block_concat(g, IN_TEXT_EMBEDS, ids);
    emb = dt_block_add(
        g, emb, dt_block_timestep_mlp(g, "add_embedding", both, c->projection_input_dim, temb, mlp),
        1);
  }
  return dt_block_act(g, emb, c->act); /* resnets apply their nonlinearity to temb first */
}

static int build(dt_graph *g, const dt_unet_config *c, int temb) {
  char name[256];
  int L = c->nlevels, ch0 = c->block_out[0];
  static const int PAD1[4] = {1, 1, 1, 1};
  dt_resnet_opts ro = {c->norm_num_groups, c->norm_eps, c->act, temb, c->scale_shift, 0, 0, 1};
  int emb = embedding(g, c, temb);
  int h = IN_SAMPLE;
  if (c->center_input_sample)
    h = dt_block_affine(g, h, 2, -1);
  h = dt_block_conv(g, "conv_in", h, c->in_channels, ch0, 3, 1, PAD1);
  int skips[DT_UNET_MAX_LEVELS * (DT_UNET_MAX_LAYERS + 1) + 1], nskip = 0;
  skips[nskip++] = h;
  int ch = ch0;
  for (int i = 0; i < L; i++) { /* down blocks */
    int out = c->block_out[i];
    for (int j = 0; j < c->layers_per_block; j++) {
      snprintf(name, sizeof name, "down_blocks.%d.resnets.%d", i, j);
      h = dt_block_resnet(g, name, h, emb, ch, out, &ro);
      ch = out;
      if (c->down_attn[i]) {
        snprintf(name, sizeof name, "down_blocks.%d.attentions.%d", i, j);
        h = level_attention(g, c, name, h, c->down_attn[i], ch, i, c->only_cross[i]);
      }
      skips[nskip++] = h;
    }
    if (i < L - 1) {
      snprintf(name, sizeof name, "down_blocks.%d.downsamplers.0", i);
      /* diffusers' get_down_block passes downsample_type to AttnDownBlock2D
       * only: a DownBlock2D always downsamples with a convolution */
      if (c->downsample_resnet && c->down_attn[i]) {
        dt_resnet_opts down = ro;
        down.down = 1;
        h = dt_block_resnet(g, name, h, emb, ch, ch, &down);
      } else {
        h = dt_block_downsample(g, name, h, ch, c->downsample_padding);
      }
      skips[nskip++] = h;
    }
  }
  if (c->mid_block) {
    dt_resnet_opts mid = ro;
    mid.output_scale = c->mid_block_scale_factor;
    int groups = c->attn_norm_num_groups ? c->attn_norm_num_groups
                                         : (c->scale_shift ? 0 : c->norm_num_groups);
    h = dt_block_resnet(g, "mid_block.resnets.0", h, emb, ch, ch, &mid);
    if (c->conditional)
      h = level_attention(
          g, c, "mid_block.attentions.0", h, DT_BLOCK_CROSS_ATTN, ch, L - 1,
          0); /* never only-cross: diffusers gives UNetMidBlock2DCrossAttn no flag */
    else if (c->add_attention)
      h = dt_block_spatial_attention(g, "mid_block.attentions.0", h, ch, c->attention_head_dim,
                                     groups, c->norm_eps, c->mid_block_scale_factor);
    h = dt_block_resnet(g, "mid_block.resnets.1", h, emb, ch, ch, &mid);
  }
  for (int i = 0; i < L; i++) { /* up blocks, over the channels reversed */
    int out = c->block_out[L - 1 - i];
    for (int j = 0; j <= c->layers_per_block; j++) {
      int skip = skips[--nskip];
      int skip_ch = j == c->layers_per_block ? c->block_out[L - 1 - (i + 1 < L ? i + 1 : i)] : out;
      snprintf(name, sizeof name, "up_blocks.%d.resnets.%d", i, j);
      h = dt_block_resnet(g, name, dt_block_concat(g, h, skip), emb, ch + skip_ch, out, &ro);
      ch = out;
      if (c->up_attn[i]) { /* the up blocks take the per-level settings reversed */
        snprintf(name, sizeof name, "up_blocks.%d.attentions.%d", i, j);
        h = level_attention(g, c, name, h, c->up_attn[i], ch, L - 1 - i, c->only_cross[L - 1 - i]);
      }
    }
    if (i < L - 1) {
      snprintf(name, sizeof name, "up_blocks.%d.upsamplers.0", i);
      if (c->upsample_resnet && c->up_attn[i]) { /* likewise upsample_type: AttnUpBlock2D */
        dt_resnet_opts up = ro;
        up.up = 1;
        h = dt_block_resnet(g, name, h, emb, ch, ch, &up);
      } else {
        h = dt_block_upsample(g, name, h, ch);
      }
    }
  }
  /* UNet2DModel's conv_act is SiLU whatever act_fn says; UNet2DConditionModel's is act_fn */
  h = dt_block_group_norm(g, "conv_norm_out", h, ch, c->norm_num_groups, c->norm_eps,
                          c->conditional ? c->act : DT_ACT_SILU);
  h = dt_block_conv(g, "conv_out", h, ch, c->out_channels, 3, 1, PAD1);
  if (c->time_kind == DT_TIME_FOURIER) /* the output is divided by the noise level */
    h = dt_block_div_samples(g, h, IN_TIME);
  return h;
}

dt_status dt_unet_new(const dt_unet_config *cfg, dt_weight_fn lookup, void *ctx, dt_unet **out,
                      int *used, dt_err *err) {
  *out = NULL;
  *used = 0;
  dt_unet *u = calloc(1, sizeof *u);
  if (u)
    u->g = dt_graph_new(NINPUTS, lookup, ctx);
  if (!u || !u->g) {
    free(u);
    return dt_fail(err, DT_ENOMEM, "out of memory for the model");
  }
  u->cfg = *cfg;
  u->temb_dim = cfg->time_embedding_dim ? cfg->time_embedding_dim : 4 * cfg->block_out[0];
  dt_status st = dt_graph_finish(u->g, build(u->g, &u->cfg, u->temb_dim), err);
  *used = dt_graph_lookups(u->g);
  if (st) {
    dt_unet_free(u);
    return st;
  }
  *out = u;
  return DT_OK;
}

void dt_unet_free(dt_unet *u) {
  if (!u)
    return;
  dt_graph_free(u->g);
  free(u);
}

const dt_unet_config *dt_unet_cfg(const dt_unet *u) { return &u->cfg; }
dt_graph *dt_unet_graph(dt_unet *u) { return u->g; }
int dt_unet_temb_dim(const dt_unet *u) { return u->temb_dim; }

/* The graph's inputs from the caller's, checked in the caller's terms before
 * any work: the sample's shape, usable timesteps, the conditioning the
 * config needs. t and labels are copied into tensors the caller frees. */
static dt_status inputs_of(const dt_unet *u, const dt_unet_inputs *a, dt_tensor *tt, dt_tensor *lt,
                           const dt_tensor **in, dt_err *err) {
  const dt_unet_config *c = &u->cfg;
  const dt_tensor *x = a->x, *cond = a->class_emb, *ctx = a->context;
  const float *t = a->t, *labels = a->labels;
  char sx[160];
  dt_shape_format(x->shape, x->ndim, sx, sizeof sx);
  int64_t div = (int64_t)1 << (c->nlevels - 1);
  if (x->ndim != 4 || x->shape[1] != c->in_channels)
    return dt_fail(err, DT_EARG, "input %s: expected N x %d x H x W", sx, c->in_channels);
  if (x->shape[2] < div || x->shape[3] < div || x->shape[2] % div || x->shape[3] % div)
    return dt_fail(err, DT_EARG, "input %s: H and W must be multiples of %lld", sx, (long long)div);
  int64_t n = x->shape[0];
  for (int64_t s = 0; s < n; s++)
    if (!isfinite(t[s]) || (c->time_kind == DT_TIME_FOURIER && !(t[s] > 0)))
      return dt_fail(err, DT_EARG, "timestep %g is not usable", (double)t[s]);
  int wants_labels = c->class_kind == DT_CLASS_TABLE || c->class_kind == DT_CLASS_TIMESTEP;
  if (c->class_kind != DT_CLASS_NONE && !labels && !cond)
    return dt_fail(err, DT_EARG, "the model is class-conditional: class_labels are needed");
  if (c->class_kind == DT_CLASS_NONE && (labels || cond))
    return dt_fail(err, DT_EARG, "class_labels given, but the model has no class embedding");
  if (c->class_kind == DT_CLASS_IDENTITY &&
      (!cond || cond->numel != n * u->temb_dim || (cond->numel && !cond->data))) {
    char sc[160] = "(labels)";
    if (cond)
      dt_shape_format(cond->shape, cond->ndim, sc, sizeof sc);
    return dt_fail(err, DT_EARG, "class_labels %s: the identity class embedding needs %lld x %lld",
                   sc, (long long)n, (long long)u->temb_dim);
  }
  if (wants_labels && !labels)
    return dt_fail(err, DT_EARG, "class_labels: the model needs %lld labels", (long long)n);
  if (c->conditional && !ctx)
    return dt_fail(err, DT_EARG, "the model is text-conditional: encoder_hidden_states are needed");
  if (!c->conditional && ctx)
    return dt_fail(err, DT_EARG, "encoder_hidden_states given, but the model takes no text");
  if (ctx && (ctx->ndim != 3 || ctx->shape[0] != n || ctx->shape[1] < 1 ||
              ctx->shape[2] != c->cross_attention_dim || !ctx->data)) {
    char sc[160];
    dt_shape_format(ctx->shape, ctx->ndim, sc, sizeof sc);
    return dt_fail(err, DT_EARG, "encoder_hidden_states %s: expected %lld x L x %d", sc,
                   (long long)n, c->cross_attention_dim);
  }
  int64_t shape[1] = {n};
  dt_status st = dt_alloc(tt, shape, 1, err);
  if (!st && wants_labels)
    st = dt_alloc(lt, shape, 1, err);
  if (st)
    return st;
  for (int64_t s = 0; s < n; s++) {
    tt->data[s] = t[s];
    if (wants_labels)
      lt->data[s] = labels[s];
  }
  in[IN_SAMPLE] = x;
  in[IN_TIME] = tt;
  in[IN_LABELS] = wants_labels ? lt : NULL;
  in[IN_COND] = c->class_kind == DT_CLASS_IDENTITY ? cond : NULL;
  in[IN_CONTEXT] = ctx;
  in[IN_TIME_COND] = in[IN_TEXT_EMBEDS] = in[IN_TIME_IDS] = NULL;
  if (c->time_cond_proj_dim) {
    const dt_tensor *tc = a->timestep_cond;
    if (!tc || tc->ndim != 2 || tc->shape[0] != n || tc->shape[1] != c->time_cond_proj_dim ||
        !tc->data)
      return dt_fail(err, DT_EARG,
                     "timestep_cond: the model needs %lld x %d (the guidance embedding)",
                     (long long)n, c->time_cond_proj_dim);
    in[IN_TIME_COND] = tc;
  } else if (a->timestep_cond) {
    return dt_fail(err, DT_EARG, "timestep_cond given, but the model has no time_cond_proj_dim");
  }
  if (c->text_time) {
    const dt_tensor *te = a->text_embeds, *ti = a->time_ids;
    if (!te || !ti || te->ndim != 2 || ti->ndim != 2 || te->shape[0] != n || ti->shape[0] != n ||
        !te->data || !ti->data ||
        te->shape[1] + ti->shape[1] * c->addition_time_embed_dim != c->projection_input_dim)
      return dt_fail(
          err, DT_EARG,
          "text_embeds and time_ids: the model needs %lld x D and %lld x K with D + %d K "
          "= %d",
          (long long)n, (long long)n, c->addition_time_embed_dim, c->projection_input_dim);
    in[IN_TEXT_EMBEDS] = te;
    in[IN_TIME_IDS] = ti;
  } else if (a->text_embeds || a->time_ids) {
    return dt_fail(err, DT_EARG, "text_embeds or time_ids given, but the model takes none");
  }
  return DT_OK;
}

dt_status dt_unet_forward(dt_unet *u, const dt_unet_inputs *a, dt_tensor *out, dt_err *err) {
  dt_tensor tt = {0}, lt = {0};
  const dt_tensor *in[NINPUTS];
  dt_status st = inputs_of(u, a, &tt, &lt, in, err);
  if (!st && a->x->shape[0] == 0) { /* an empty batch gives an empty batch, as in PyTorch */
    int64_t shape[4] = {0, u->cfg.out_channels, a->x->shape[2], a->x->shape[3]};
    st = dt_alloc(out, shape, 4, err);
  } else if (!st) {
    st = dt_graph_forward(u->g, in, out, err);
  }
  dt_free(&tt);
  dt_free(&lt);
  return st;
}

dt_status dt_unet_record(dt_unet *u, const dt_unet_inputs *a, dt_pass **pass, dt_tensor *out,
                         dt_err *err) {
  dt_tensor tt = {0}, lt = {0};
  const dt_tensor *in[NINPUTS];
  *pass = NULL;
  dt_status st = inputs_of(u, a, &tt, &lt, in, err);
  if (!st)
    st = dt_graph_record(u->g, in, pass, out, err);
  dt_free(&tt);
  dt_free(&lt);
  return st;
}
