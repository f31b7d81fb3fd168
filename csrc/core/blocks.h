/* The layers diffusers models share, as graph builders: each requests its
 * weights under a prefix (its diffusers module path), appends its ops and
 * returns the value it makes. A block never knows which model it is in;
 * forward and backward come from the ops (ops.c). Channel counts are the
 * builder's: the weights' shapes are checked against them. */
#ifndef DIFFUSION_BLOCKS_H
#define DIFFUSION_BLOCKS_H

#include "graph.h"

/* nn.Conv2d(in, out, k, stride, padding): pad is {top, left, bottom, right}. */
int dt_block_conv(dt_graph *g, const char *prefix, int x, int in, int out, int k, int stride,
                  const int pad[4]);
/* ... without a bias */
int dt_block_conv_nobias(dt_graph *g, const char *prefix, int x, int in, int out, int k, int stride,
                         const int pad[4]);
int dt_block_linear(dt_graph *g, const char *prefix, int x, int in, int out);
int dt_block_linear_nobias(dt_graph *g, const char *prefix, int x, int in, int out);
/* nn.GroupNorm, then the activation (DT_ACT_NONE: none) */
int dt_block_group_norm(dt_graph *g, const char *prefix, int x, int ch, int groups, float eps,
                        dt_act act);
int dt_block_act(dt_graph *g, int x, dt_act act);
/* (a + b) * scale */
int dt_block_add(dt_graph *g, int a, int b, float scale);
int dt_block_concat(dt_graph *g, int a, int b);

/* ResnetBlock2D: norm1, act, [up/down resample of h and the shortcut], conv1,
 * the projected time embedding added ("default") or as scale and shift
 * ("scale_shift", after norm2), norm2, act, conv2, [conv_shortcut], then
 * (shortcut + h) / output_scale_factor. emb is the activated embedding. */
typedef struct {
  int groups;
  float eps;
  dt_act act;
  int temb_dim; /* the embedding's width; 0: no time embedding */
  int scale_shift;
  int up, down;
  float output_scale;
} dt_resnet_opts;
int dt_block_resnet(dt_graph *g, const char *prefix, int x, int emb, int in, int out,
                    const dt_resnet_opts *o);

/* Attention over the H x W positions (diffusers' Attention as the 2D blocks
 * use it): optional group norm (groups 0: none), heads of head_dim channels
 * (0: one head), to_q/to_k/to_v/to_out.0, residual, / rescale. */
int dt_block_spatial_attention(dt_graph *g, const char *prefix, int x, int ch, int head_dim,
                               int groups, float eps, float rescale);

/* Downsample2D with a conv (stride 2; padding 0 pads right and bottom by one,
 * as diffusers' F.pad) and Upsample2D (nearest 2x, then a conv). */
int dt_block_downsample(dt_graph *g, const char *prefix, int x, int ch, int padding);
/* AutoencoderTinyBlock: conv.0, act, conv.2, act, conv.4, plus x (or skip, a
 * 1x1 conv without bias, when the widths differ), then ReLU. */
int dt_block_tiny(dt_graph *g, const char *prefix, int x, int in, int out, dt_act act);
int dt_block_upsample(dt_graph *g, const char *prefix, int x, int ch);
int dt_block_nearest2x(dt_graph *g, int x); /* nn.Upsample(scale_factor=2, mode="nearest") */

/* TimestepEmbedding: linear_1, the activation (SiLU unless the model says), linear_2. */
int dt_block_timestep_mlp(dt_graph *g, const char *prefix, int x, int in, int dim, dt_act act);
/* Timesteps: the sinusoidal projection of t (N) to (N, dim); of t (N, K) to
 * (N, K dim), each value's features in turn (SDXL's time ids). */
int dt_block_timesteps(dt_graph *g, int t, int dim, int flip_sin_to_cos, float freq_shift);
/* GaussianFourierProjection: [sin, cos](log(t) W 2 pi) with W (dim) fixed, (N, 2 dim). */
int dt_block_fourier_projection(dt_graph *g, const char *name, int t, int dim);
/* x * scale + shift, and x divided sample by sample by t (N). */
int dt_block_affine(dt_graph *g, int x, float scale, float shift);
int dt_block_div_samples(dt_graph *g, int x, int t);
/* nn.Embedding(rows, dim) indexed by idx (N); `what` names the index in errors. */
int dt_block_embedding(dt_graph *g, const char *name, int idx, int rows, int dim, const char *what);

/* ---- transformers, over tokens (N, T, C) ---- */

int dt_block_layer_norm(dt_graph *g, const char *prefix, int x, int ch, float eps);
/* ... without an affine (elementwise_affine=False) */
int dt_block_layer_norm_plain(dt_graph *g, int x, float eps);
int dt_block_to_tokens(dt_graph *g, int x); /* (N, C, H, W) -> (N, H W, C) */
/* diffusers' Attention over tokens: to_q (inner x dim), to_k and to_v (inner x
 * ctx_dim; ctx = x for self-attention, ctx_dim = dim), to_out.0 (dim x
 * inner, with bias); qkv_bias: to_q/k/v have biases. inner = heads x head_dim. */
int dt_block_attention(dt_graph *g, const char *prefix, int x, int ctx, int dim, int ctx_dim,
                       int heads, int head_dim, int qkv_bias);
/* FeedForward: net.0 (GEGLU: proj to 2 inner, a * gelu(b); or GELU: proj to
 * inner, then gelu), net.2 back to dim; inner = mult x dim. */
int dt_block_feed_forward(dt_graph *g, const char *prefix, int x, int dim, int mult, int geglu);
/* ... GELU's kinds: net.0.proj, the activation, net.2 */
int dt_block_feed_forward_act(dt_graph *g, const char *prefix, int x, int dim, int mult,
                              dt_act act);
/* BasicTransformerBlock (layer-norm kind): self-attention (only_cross: it
 * attends to ctx as well), cross-attention on ctx (N, S, ctx_dim),
 * feed-forward (GEGLU), each pre-normed and residual. */
int dt_block_transformer(dt_graph *g, const char *prefix, int x, int ctx, int dim, int ctx_dim,
                         int heads, int head_dim, int only_cross);
/* transformers' CLIPEncoderLayer: layer_norm1, self-attention (q_proj,
 * k_proj, v_proj, out_proj, all with biases; causal for the text tower),
 * residual, layer_norm2, mlp (fc1, act, fc2), residual. */
int dt_block_clip_layer(dt_graph *g, const char *prefix, int x, int dim, int heads, int mlp_dim,
                        dt_act act, float eps, int causal);
/* x (N, L, D) + the first L rows of the position table `name` (P, D). */
int dt_block_add_positions(dt_graph *g, const char *name, int x, int positions, int dim);

/* Transformer2DModel on an NCHW map: group norm (eps 1e-6), proj_in (1x1 conv,
 * or linear on the tokens), `layers` transformer blocks, proj_out, residual. */
typedef struct {
  int heads, head_dim, layers, groups, ctx_dim, linear_projection, only_cross;
} dt_transformer_opts;
int dt_block_transformer_2d(dt_graph *g, const char *prefix, int x, int ctx, int ch,
                            const dt_transformer_opts *o);

#endif
