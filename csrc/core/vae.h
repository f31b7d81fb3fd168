/* diffusers' AutoencoderKL and AutoencoderTiny (TAESD): their configs, and
 * each one's encoder and decoder as two graphs (vae.c) over the shared
 * blocks, on one set of weights. */
#ifndef DIFFUSION_VAE_H
#define DIFFUSION_VAE_H

#include "graph.h"

#define DT_VAE_MAX_LEVELS 8

typedef struct {
  int in_channels, out_channels, latent_channels, sample_size;
  int nlevels;
  int block_out[DT_VAE_MAX_LEVELS];
  int layers_per_block;
  int norm_num_groups;
  dt_act act;
  int mid_attention;   /* mid_block_add_attention */
  int quant_conv;      /* use_quant_conv */
  int post_quant_conv; /* use_post_quant_conv */
  float scaling_factor, shift_factor;
  /* AutoencoderTiny: per level, the widths and the AutoencoderTinyBlocks */
  int tiny;
  int enc_out[DT_VAE_MAX_LEVELS], enc_blocks[DT_VAE_MAX_LEVELS], nenc;
  int dec_out[DT_VAE_MAX_LEVELS], dec_blocks[DT_VAE_MAX_LEVELS], ndec;
} dt_vae_config;

struct cJSON;
/* Unknown keys and unsupported values are errors naming them. */
dt_status dt_vae_config_from_json(const struct cJSON *root, dt_vae_config *cfg, dt_err *err);

typedef struct dt_vae dt_vae;
dt_status dt_vae_new(const dt_vae_config *cfg, dt_weight_fn lookup, void *ctx, dt_vae **out,
                     dt_err *err);
void dt_vae_free(dt_vae *v); /* NULL is fine */
const dt_vae_config *dt_vae_cfg(const dt_vae *v);
dt_graph *dt_vae_encoder(dt_vae *v);
dt_graph *dt_vae_decoder(dt_vae *v);

/* images (N, in_channels, H, W), H and W multiples of 2^(levels - 1) ->
 * the posterior's mean and std (N, latent_channels, h, w), std =
 * exp(logvar / 2) with logvar clamped to [-30, 20] as diffusers does; an
 * AutoencoderTiny gives its latents as the mean, and no std. */
dt_status dt_vae_encode(dt_vae *v, const dt_tensor *images, dt_tensor *mean, dt_tensor *std,
                        dt_err *err);
/* The encoder's raw output: AutoencoderKL's moments (N, 2 latent_channels,
 * h, w: mean, then logvar unclamped), what tiled encoding blends. */
dt_status dt_vae_moments(dt_vae *v, const dt_tensor *images, dt_tensor *moments, dt_err *err);
/* latents (N, latent_channels, h, w) -> images (N, out_channels, h 2^(levels-1), ...) */
dt_status dt_vae_decode(dt_vae *v, const dt_tensor *latents, dt_tensor *images, dt_err *err);

#endif
