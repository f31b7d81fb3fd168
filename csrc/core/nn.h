/* Network ops on NCHW float32 tensors: convolution (im2col + sgemm), group
 * norm with a fused activation, linear, spatial self-attention, up and down
 * sampling, timestep embeddings. Output tensors are allocated by the caller
 * with the shapes the *_shape helpers give; scratch comes from the caller. */
#ifndef DIFFUSION_NN_H
#define DIFFUSION_NN_H

#include "tensor.h"

/* QUICK_GELU: x sigmoid(1.702 x), OpenAI CLIP's */
typedef enum {
  DT_ACT_NONE,
  DT_ACT_SILU,
  DT_ACT_MISH,
  DT_ACT_GELU,
  DT_ACT_RELU,
  DT_ACT_QUICK_GELU,
  DT_ACT_TANH,
  DT_ACT_GELU_TANH /* GELU's tanh approximation (approximate="tanh") */
} dt_act;

typedef struct {
  int stride;
  int pad_t, pad_l, pad_b, pad_r;
} dt_conv_params;

/* Output shape of a convolution; fails on mismatched channels or an empty output. */
dt_status dt_conv2d_shape(const dt_tensor *x, const dt_tensor *w, const dt_conv_params *p,
                          int64_t *shape, dt_err *err);
/* Floats of scratch dt_conv2d needs (0 for a 1x1, stride 1, unpadded conv). */
size_t dt_conv2d_scratch(const dt_tensor *x, const dt_tensor *w, const dt_conv_params *p);
/* One sample's im2col: cols ((c_in kh kw) x (ho wo)) from x (c_in, h, w). */
void dt_im2col(const float *x, int64_t c_in, int64_t h, int64_t w, int64_t kh, int64_t kw,
               const dt_conv_params *p, int64_t ho, int64_t wo, float *cols, int serial);
/* out = conv(x, w) + b; b may be NULL. */
void dt_conv2d(dt_tensor *out, const dt_tensor *x, const dt_tensor *w, const dt_tensor *b,
               const dt_conv_params *p, float *scratch);

/* 3x3, stride 1, padding 1 convolutions by Winograd's F(2x2, 3x3) or
 * F(4x4, 3x3) (tile 2 or 4; Lavin and Gray 2016): 2.25x or 4x fewer
 * multiplications than the direct form. The weights are transformed once,
 * U = G g G^T, into (tile + 2)^2 packed Cout x Cin matrices. */
int dt_winograd_tile(int64_t h, int64_t w); /* the faster tile for an h x w map */
size_t dt_winograd_weights_size(const dt_tensor *w, int tile);
void dt_winograd_weights(float *u, const dt_tensor *w, int tile);
size_t dt_winograd_scratch(const dt_tensor *x, int64_t c_out, int tile);
void dt_conv3x3_winograd(dt_tensor *out, const dt_tensor *x, const float *u, const dt_tensor *b,
                         float *scratch, int tile);
/* Output channels co_first .. co_first + co_n - 1 of out alone, u the
 * transforms of those rows of the weights (bias: theirs, or NULL); scratch
 * of dt_winograd_scratch(x, co_scratch, tile), co_scratch >= co_n (the
 * bands are cut for co_scratch channels, so one scratch serves every piece).
 * The same values as the whole. */
void dt_conv3x3_winograd_channels(dt_tensor *out, int64_t co_first, int64_t co_n,
                                  int64_t co_scratch, const dt_tensor *x, const float *u,
                                  const float *bias, float *scratch, int tile);

/* Group norm over (C / groups) x H x W per sample and group (statistics in
 * double), then the per-channel affine, then the activation. out may be x. */
void dt_group_norm(dt_tensor *out, const dt_tensor *x, const dt_tensor *gamma,
                   const dt_tensor *beta, int groups, float eps, dt_act act);
void dt_activation(dt_tensor *out, const dt_tensor *x, dt_act act);

/* out (M, n_out) = x (M, n_in) @ w^T (w: n_out x n_in) + b */
void dt_linear(dt_tensor *out, const dt_tensor *x, const dt_tensor *w, const dt_tensor *b);

/* Self-attention over the H x W positions of xn (N, C, H, W), heads of
 * dim_head = C / heads, with q, k, v and out projections (C x C weights,
 * biases); out = (proj(attention) + residual) / rescale. Scratch: at least
 * dt_attention_scratch floats. */
size_t dt_attention_scratch(int64_t channels, int64_t tokens);
/* rows (C x T) = w (C x C) @ in (C x T) + b: attention's projections (its backward
 * recomputes them with this; the forward runs them per sample or spread) */
void dt_project(float *rows, const float *in, const dt_tensor *w, const dt_tensor *b, int64_t c,
                int64_t t);
void dt_softmax_rows(float *x, int64_t rows, int64_t cols); /* in place, each row sums to 1 */
void dt_attention(dt_tensor *out, const dt_tensor *xn, const dt_tensor *residual,
                  const dt_tensor *const w[4], const dt_tensor *const b[4], int heads,
                  float rescale, float *scratch);

void dt_upsample_nearest2x(dt_tensor *out, const dt_tensor *x); /* (N,C,2H,2W) */
void dt_avg_pool2x(dt_tensor *out, const dt_tensor *x);         /* (N,C,H/2,W/2) */

/* diffusers' get_timestep_embedding, in float32 as torch computes it:
 * out (n, dim) from times t[n]. */
void dt_timestep_embedding(float *out, const float *t, int64_t n, int dim, int flip_sin_to_cos,
                           float freq_shift);

/* ---- backward passes (grad.c) ----
 * Given g, the gradient of a loss with respect to an op's output, these give
 * the gradients with respect to its inputs (written) and its parameters
 * (added to, so one buffer can gather several batches or uses). Any gradient
 * pointer may be NULL when it is not wanted. */

/* Floats of scratch dt_conv2d_backward needs. */
size_t dt_conv2d_backward_scratch(const dt_tensor *x, const dt_tensor *w, const dt_conv_params *p);
void dt_conv2d_backward(dt_tensor *gx, dt_tensor *gw, dt_tensor *gb, const dt_tensor *x,
                        const dt_tensor *w, const dt_tensor *g, const dt_conv_params *p,
                        float *scratch);
/* x (M, n_in), w (n_out, n_in), g (M, n_out) */
void dt_linear_backward(dt_tensor *gx, dt_tensor *gw, dt_tensor *gb, const dt_tensor *x,
                        const dt_tensor *w, const dt_tensor *g);
/* The group norm, affine and activation of dt_group_norm, backwards. */
size_t dt_group_norm_backward_scratch(const dt_tensor *x, int groups);
void dt_group_norm_backward(dt_tensor *gx, dt_tensor *ggamma, dt_tensor *gbeta, const dt_tensor *x,
                            const dt_tensor *gamma, const dt_tensor *beta, int groups, float eps,
                            dt_act act, const dt_tensor *g, float *scratch);
/* Mean and 1 / sqrt(variance + eps) of m floats, summed in double. */
void dt_mean_rstd(const float *x, int64_t m, float eps, double *mean, double *rstd);
void dt_activation_backward(dt_tensor *gx, const dt_tensor *x, dt_act act, const dt_tensor *g);
/* dt_attention backwards: gxn and gres written, gw[4] and gb[4] added to. */
size_t dt_attention_backward_scratch(int64_t n, int64_t channels, int64_t tokens);
void dt_attention_backward(dt_tensor *gxn, dt_tensor *gres, dt_tensor *const gw[4],
                           dt_tensor *const gb[4], const dt_tensor *xn, const dt_tensor *const w[4],
                           const dt_tensor *const b[4], int heads, float rescale,
                           const dt_tensor *g, float *scratch);
void dt_upsample_nearest2x_backward(dt_tensor *gx, const dt_tensor *g); /* gx (N,C,H,W) */
void dt_avg_pool2x_backward(dt_tensor *gx, const dt_tensor *g);         /* gx (N,C,H,W) */

#endif
