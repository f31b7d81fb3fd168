/* diffusers' DiTTransformer2DModel (class-conditional latent DiT): patch
 * embedding with 2-D sin-cos positions, BasicTransformerBlocks with
 * adaLN-Zero (each block its own timestep and class embedder), the
 * modulated output norm and the unpatchify (dit.c). A transformer: the
 * model layer is not UNet-shaped. */
#ifndef DIFFUSION_DIT_H
#define DIFFUSION_DIT_H

#include "graph.h"

typedef struct {
  int in_channels, out_channels, sample_size, patch_size;
  int heads, head_dim, layers;
  int num_embeds; /* classes; the table has one more, the null class */
  float norm_eps;
  dt_act act; /* the feed-forward's: gelu-approximate or gelu */
} dt_dit_config;

struct cJSON;
dt_status dt_dit_config_from_json(const struct cJSON *root, dt_dit_config *cfg, dt_err *err);

typedef struct dt_dit dt_dit;
dt_status dt_dit_new(const dt_dit_config *cfg, dt_weight_fn lookup, void *ctx, dt_dit **out,
                     dt_err *err);
void dt_dit_free(dt_dit *m); /* NULL is fine */
const dt_dit_config *dt_dit_cfg(const dt_dit *m);
dt_graph *dt_dit_graph(dt_dit *m);

/* out (N, out_channels, H, W) = model(x (N, in_channels, H, W), t[N],
 * labels[N] integers in 0 .. num_embeds (num_embeds: the null class)); H and
 * W multiples of patch_size. */
dt_status dt_dit_forward(dt_dit *m, const dt_tensor *x, const float *t, const float *labels,
                         dt_tensor *out, dt_err *err);

/* The same, recorded for dt_graph_backward. */
dt_status dt_dit_record(dt_dit *m, const dt_tensor *x, const float *t, const float *labels,
                        dt_pass **pass, dt_tensor *out, dt_err *err);

#endif
