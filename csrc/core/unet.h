/* diffusers' UNet2DModel: config, weight binding and the forward pass.
 *
 * A model is built from a parsed config; each weight it needs is requested by
 * its diffusers name through a lookup callback, with its expected shape, so
 * a missing or misshapen tensor is an error naming it. The forward pass runs
 * on a buffer pool and a reused scratch area (no malloc per op once warm). */
#ifndef DIFFUSION_UNET_H
#define DIFFUSION_UNET_H

#include "nn.h"
#include "pool.h"
#include "tensor.h"

#define DT_UNET_MAX_LEVELS 8
#define DT_UNET_MAX_LAYERS 8

typedef enum { DT_TIME_POSITIONAL, DT_TIME_FOURIER, DT_TIME_LEARNED } dt_time_kind;
typedef enum { DT_CLASS_NONE, DT_CLASS_TABLE, DT_CLASS_TIMESTEP, DT_CLASS_IDENTITY } dt_class_kind;

typedef struct {
  int in_channels, out_channels, sample_size;
  int nlevels;
  int block_out[DT_UNET_MAX_LEVELS];
  int down_attn[DT_UNET_MAX_LEVELS]; /* AttnDownBlock2D (1) or DownBlock2D (0) */
  int up_attn[DT_UNET_MAX_LEVELS];
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

/* Weight lookup: returns the tensor stored under name, or NULL. The expected
 * shape comes along (a caller can also create the weight from it). */
typedef const dt_tensor *(*dt_weight_fn)(void *ctx, const char *name, int ndim,
                                         const int64_t *shape);

typedef struct dt_unet dt_unet;

/* Builds the model, looking every weight up; on failure *out is NULL and err
 * names the tensor, its expected and actual shapes. `used` counts lookups
 * that found a tensor (so the caller can report leftovers). */
dt_status dt_unet_new(const dt_unet_config *cfg, dt_weight_fn lookup, void *ctx, dt_unet **out,
                      int *used, dt_err *err);
void dt_unet_free(dt_unet *u); /* NULL is fine */
const dt_unet_config *dt_unet_cfg(const dt_unet *u);

/* out (N, out_channels, H, W) = model(x (N, in_channels, H, W), t[N], labels[N] or NULL;
 * for "identity" class embeddings, cond_emb (N, time_embed_dim)). H and W must
 * be divisible by 2^(levels - 1). out is allocated here. Big batches run in
 * chunks of 32 samples; a sample's output does not depend on the others. */
dt_status dt_unet_forward(dt_unet *u, const dt_tensor *x, const float *t, const float *labels,
                          const dt_tensor *cond_emb, dt_tensor *out, dt_err *err);

/* Bytes held: scratch, pooled buffers, and the peak of live activations. */
void dt_unet_memory(const dt_unet *u, size_t *scratch, size_t *pooled, size_t *peak);
int64_t dt_unet_parameters(const dt_unet *u);
double dt_unet_last_flops(const dt_unet *u); /* of the last forward pass */
/* 3x3 convolutions on maps of at least min_pixels use Winograd F(2x2, 3x3)
 * (default DT_WINOGRAD_MIN_PIXELS: from 4x4 maps on); 0 turns it off. The transformed weights are
 * cached on first use; this call drops the cache, so it must follow in-place weight edits. */
#define DT_WINOGRAD_MIN_PIXELS 16
void dt_unet_set_winograd(dt_unet *u, int min_pixels);
/* The weights were edited in place (a training step): drops what was derived
 * from them (the Winograd transforms). */
void dt_unet_weights_changed(dt_unet *u);

#endif
