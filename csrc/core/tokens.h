/* Ops on token sequences (N, T, C), the transformer's layout: layer norm,
 * multi-head attention (self or cross), GEGLU, the per-sample linear map,
 * and the moves between NCHW maps and tokens. Forward and backward side by
 * side; gradients for inputs are written, for parameters added to, and any
 * gradient pointer may be NULL. A sample's result never depends on the
 * others in its batch. */
#ifndef DIFFUSION_TOKENS_H
#define DIFFUSION_TOKENS_H

#include "tensor.h"

/* LayerNorm over the last dimension (statistics in double), then the affine
 * (gamma and beta NULL: none, elementwise_affine=False). */
void dt_layer_norm(dt_tensor *out, const dt_tensor *x, const dt_tensor *gamma,
                   const dt_tensor *beta, float eps);
void dt_layer_norm_backward(dt_tensor *gx, dt_tensor *ggamma, dt_tensor *gbeta, const dt_tensor *x,
                            const dt_tensor *gamma, float eps, const dt_tensor *g);

/* out (..., n_out) = x (..., n_in) @ w^T + b, one GEMM per leading index
 * (sample) of x: (N, T, n_in) runs N GEMMs of T rows. */
void dt_tokens_linear(dt_tensor *out, const dt_tensor *x, const dt_tensor *w, const dt_tensor *b);

/* Multi-head attention: q = x Wq^T (+ bq), k = ctx Wk^T, v = ctx Wv^T (Wq
 * (I, C), Wk and Wv (I, Cc), I = heads x head dim), per head softmax(q k^T /
 * sqrt(head dim)) v, then out (N, T, C) = o Wo^T + bo. w = {Wq, Wk, Wv, Wo},
 * b = {bq, bk, bv, bo}, any bias NULL. ctx may be x (self-attention).
 * causal: query i attends to keys 0 .. i only (a text encoder's mask). */
size_t dt_token_attention_scratch(int64_t t, int64_t s, int64_t inner);
void dt_token_attention(dt_tensor *out, const dt_tensor *x, const dt_tensor *ctx,
                        const dt_tensor *const w[4], const dt_tensor *const b[4], int heads,
                        int causal, float *scratch);
size_t dt_token_attention_backward_scratch(int64_t t, int64_t s, int64_t inner);
void dt_token_attention_backward(dt_tensor *gx, dt_tensor *gctx, dt_tensor *const gw[4],
                                 dt_tensor *const gb[4], const dt_tensor *x, const dt_tensor *ctx,
                                 const dt_tensor *const w[4], const dt_tensor *const b[4],
                                 int heads, int causal, const dt_tensor *g, float *scratch);

/* GEGLU's gate: x (..., 2F) = [a, b] -> a * gelu(b) (exact GELU, as torch). */
void dt_geglu(dt_tensor *out, const dt_tensor *x);
void dt_geglu_backward(dt_tensor *gx, const dt_tensor *x, const dt_tensor *g);

/* (N, C, H, W) <-> (N, H W, C) */
void dt_to_tokens(dt_tensor *out, const dt_tensor *x);
void dt_from_tokens(dt_tensor *out, const dt_tensor *x);

#endif
