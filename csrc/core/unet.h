/* diffusers' UNet2DModel: its config (unet_config.c) and its graph (unet.c),
 * which the interpreter of graph.h runs forward and backward. */
#ifndef DIFFUSION_UNET_H
#define DIFFUSION_UNET_H

#include "graph.h"

#define DT_UNET_MAX_LEVELS 8
#define DT_UNET_MAX_LAYERS 8

typedef enum { DT_TIME_POSITIONAL, DT_TIME_FOURIER, DT_TIME_LEARNED } dt_time_kind;
typedef enum { DT_CLASS_NONE, DT_CLASS_TABLE, DT_CLASS_TIMESTEP, DT_CLASS_IDENTITY } dt_class_kind;

/* a level's block: DownBlock2D / UpBlock2D, AttnDownBlock2D / AttnUpBlock2D
 * (UNet2DModel), CrossAttnDownBlock2D / CrossAttnUpBlock2D (UNet2DConditionModel) */
enum { DT_BLOCK_PLAIN, DT_BLOCK_ATTN, DT_BLOCK_CROSS_ATTN };

typedef struct {
  int conditional; /* UNet2DConditionModel (else UNet2DModel) */
  int in_channels, out_channels, sample_size;
  int nlevels;
  int block_out[DT_UNET_MAX_LEVELS];
  int down_attn[DT_UNET_MAX_LEVELS]; /* DT_BLOCK_*, per level */
  int up_attn[DT_UNET_MAX_LEVELS];
  /* UNet2DConditionModel: per down level (the up blocks take them reversed,
   * the mid block the last), Transformer2DModel's heads (its config's
   * attention_head_dim, a misnomer diffusers keeps) and blocks */
  int heads[DT_UNET_MAX_LEVELS];
  int transformer_layers[DT_UNET_MAX_LEVELS];
  int cross_attention_dim;
  int linear_projection;              /* use_linear_projection */
  int only_cross[DT_UNET_MAX_LEVELS]; /* only_cross_attention, per down level */
  int time_cond_proj_dim; /* LCM's guidance embedding: a projection added to the time features */
  int text_time; /* SDXL's addition_embed_type "text_time": pooled text and size/crop ids */
  int addition_time_embed_dim, projection_input_dim;
  int layers_per_block;
  int mid_block; /* UNetMidBlock2D present */
  int add_attention;
  int attention_head_dim;   /* 0: one head per block (null in the config) */
  int attn_norm_num_groups; /* 0: as norm_num_groups */
  int norm_num_groups;
  float norm_eps;
  dt_act act;
  int center_input_sample;
  int flip_sin_to_cos;
  float freq_shift;
  dt_time_kind time_kind;
  int time_embedding_dim;  /* 0: 4 * block_out[0] */
  int num_train_timesteps; /* learned time embedding */
  dt_class_kind class_kind;
  int num_class_embeds;
  int downsample_padding;
  int downsample_resnet; /* downsample_type "resnet" */
  int upsample_resnet;
  int scale_shift; /* resnet_time_scale_shift "scale_shift" */
  float mid_block_scale_factor;
} dt_unet_config;

/* Parses and validates config.json text: unknown keys and unsupported values
 * are errors naming them. */
dt_status dt_unet_config_parse(const char *json, size_t len, dt_unet_config *cfg, dt_err *err);
/* The same from a parsed tree (the binding parses once, for this and for the
 * Lua table it hands out as model.config). */
struct cJSON;
dt_status dt_unet_config_from_json(const struct cJSON *root, dt_unet_config *cfg, dt_err *err);

typedef struct dt_unet dt_unet;

/* Builds the model's graph (unet.c, over the blocks of blocks.h), looking
 * every weight up; on failure *out is NULL and err names the tensor, its
 * expected and actual shapes. `used` counts lookups that found a tensor (so
 * the caller can report leftovers). */
dt_status dt_unet_new(const dt_unet_config *cfg, dt_weight_fn lookup, void *ctx, dt_unet **out,
                      int *used, dt_err *err);
void dt_unet_free(dt_unet *u); /* NULL is fine */
const dt_unet_config *dt_unet_cfg(const dt_unet *u);
dt_graph *dt_unet_graph(dt_unet *u); /* its weights, memory, Winograd setting */
int dt_unet_temb_dim(const dt_unet *u);

/* A call's inputs: x (N, in_channels, H, W), H and W divisible by
 * 2^(levels - 1); t[N]; labels[N] or NULL; for "identity" class embeddings
 * class_emb (N, time_embed_dim); for UNet2DConditionModel context, the
 * encoder_hidden_states (N, L, cross_attention_dim), and as its config asks
 * timestep_cond (N, time_cond_proj_dim), text_embeds (N, D) and time_ids
 * (N, K) with D + K addition_time_embed_dim = projection_class_embeddings_input_dim. */
typedef struct {
  const dt_tensor *x;
  const float *t, *labels;
  const dt_tensor *class_emb, *context;
  const dt_tensor *timestep_cond, *text_embeds, *time_ids;
} dt_unet_inputs;

/* out (N, out_channels, H, W) = model(inputs), allocated here. */
dt_status dt_unet_forward(dt_unet *u, const dt_unet_inputs *in, dt_tensor *out, dt_err *err);
/* The same, recorded for dt_graph_backward (gradients for x and the weights). */
dt_status dt_unet_record(dt_unet *u, const dt_unet_inputs *in, dt_pass **pass, dt_tensor *out,
                         dt_err *err);

#endif
