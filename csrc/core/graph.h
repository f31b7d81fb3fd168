/* A model as a graph: a flat list of ops over numbered values, built once
 * from a config by the model class's builder (over the blocks of blocks.h).
 * One interpreter runs it forward, for inference (values die at their last
 * use, buffers come from a pool, the batch runs in chunks) or recording every
 * value, and runs the same list in reverse for the gradients. No topology is
 * written anywhere else.
 *
 * Values 0 .. ninputs - 1 are the graph's inputs (for a UNet: the sample, the
 * timesteps, the class labels, the class embedding); every other value is
 * the output of exactly one op. Weights are requested by their diffusers
 * names through a lookup callback, with their expected shapes, so a missing
 * or misshapen tensor is an error naming it. */
#ifndef DIFFUSION_GRAPH_H
#define DIFFUSION_GRAPH_H

#include "nn.h"
#include "pool.h"
#include "tensor.h"

typedef enum {
  DT_OP_CONV2D,          /* x; w: weight, bias (or -1); conv */
  DT_OP_LINEAR,          /* x (..., K); w: weight, bias. (N, T, K): a GEMM per sample */
  DT_OP_GROUP_NORM,      /* x; w: gamma, beta; groups, eps, act */
  DT_OP_ACT,             /* x; act */
  DT_OP_UPSAMPLE2X,      /* x: nearest, (N, C, 2H, 2W) */
  DT_OP_AVGPOOL2X,       /* x: 2 x 2 mean, (N, C, H/2, W/2) */
  DT_OP_ADD,             /* (a + b) * scale, same shapes */
  DT_OP_ADD_CHANNELS,    /* x (N, C, H, W) + v (N, C) */
  DT_OP_SCALE_SHIFT,     /* x * (1 + v[:, :C]) + v[:, C:], v (N, 2C) */
  DT_OP_CONCAT,          /* a, b along the channels */
  DT_OP_ATTENTION,       /* xn, residual; w: q, k, v, out weights then biases; heads, scale */
  DT_OP_AFFINE,          /* x * scale + shift */
  DT_OP_TIMESTEP_EMBED,  /* t (N): diffusers' sinusoids (N, dim); flip, shift */
  DT_OP_FOURIER_EMBED,   /* t (N); w: W (dim / 2), fixed: [sin, cos](log t W 2 pi) */
  DT_OP_LOOKUP,          /* idx (...), integers in 0 .. rows - 1; w: table (rows, D) -> (..., D) */
  DT_OP_DIV_SAMPLES,     /* x / t[n], sample by sample */
  DT_OP_LAYER_NORM,      /* x (..., C); w: gamma, beta; eps */
  DT_OP_TOKEN_ATTENTION, /* x (N, T, C), context (N, S, Cc) (x itself: self-attention); w: q, k,
                            v, out weights then biases (-1: none); heads */
  DT_OP_GEGLU,           /* x (..., 2F) -> (..., F): a * gelu(b) */
  DT_OP_TO_TOKENS,       /* x (N, C, H, W) -> (N, H W, C) */
  DT_OP_FROM_TOKENS,     /* x (N, H W, C) -> (N, C, H, W), H and W those of in[1] (no gradient) */
  DT_OP_ADD_POSITIONS,   /* x (N, L, D) + w[0] rows 0 .. L - 1 (a position table (P, D)) */
  DT_OP_MODULATE,      /* x (N, T, D), v (N, chunks D): x (scale + v[scale_chunk]) + v[shift_chunk]
                          (adaLN: shift -1 for a gate, scale 1 for 1 + scale) */
  DT_OP_ADD_SINCOS_2D, /* x (N, h w, D) + the 2-D sin-cos positions of an h x w grid, h and w
                          those of in[1] (N, ., h, w); dim: the base grid size */
  DT_OP_UNPATCHIFY, /* x (N, h w, p p C) -> (N, C, h p, w p), h p and w p those of in[1]; dim: p */
  DT_OP_KINDS
} dt_op_kind;

#define DT_OP_MAX_WEIGHTS 8

typedef struct {
  dt_op_kind kind;
  int in[2]; /* values; -1: none */
  int out;
  int w[DT_OP_MAX_WEIGHTS]; /* weight slots; -1: none */
  dt_conv_params conv;
  dt_act act;
  int groups, heads, dim, flip;
  int causal;                           /* TOKEN_ATTENTION: token i attends to 0 .. i only */
  int chunks, scale_chunk, shift_chunk; /* MODULATE */
  float eps, scale, shift;
  const char *what; /* LOOKUP: what the index is, for errors ("class label") */
  /* derived from the weights at run time: Winograd transforms of a 3 x 3 conv */
  float *wino;
  size_t wino_bytes;
  int wino_tile;
  uint64_t wino_version;
} dt_op;

/* Weight lookup: returns the tensor stored under name, or NULL. The expected
 * shape comes along (a caller can also create the weight from it). */
typedef const dt_tensor *(*dt_weight_fn)(void *ctx, const char *name, int ndim,
                                         const int64_t *shape);

typedef struct dt_graph dt_graph;

/* ---- building ----
 * Builders call these without checking each result: the first failure is
 * kept (dt_graph_status), later calls do nothing and return -1. */
dt_graph *dt_graph_new(int ninputs, dt_weight_fn lookup, void *ctx); /* NULL: out of memory */
void dt_graph_free(dt_graph *g);                                     /* NULL is fine */
/* The slot of weight `name` with this shape; -1 (and the graph failed) when
 * it is missing or misshapen. */
int dt_graph_weight(dt_graph *g, const char *name, int ndim, const int64_t *shape);
/* An op of this kind reading a and b (-1: none), no weights, every field 0. */
dt_op dt_op_make(dt_op_kind kind, int a, int b);
/* Appends op (its `out` ignored) and returns the value it makes. */
int dt_graph_op(dt_graph *g, const dt_op *op);
/* Records a build error (a config the blocks cannot take). */
void dt_graph_fail(dt_graph *g, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Ends the build: `output` is the graph's result. Returns the first error. */
dt_status dt_graph_finish(dt_graph *g, int output, dt_err *err);
/* ... or several results (a text encoder's hidden states): outputs[0] is the
 * one dt_graph_forward returns and the backward pass starts from. */
#define DT_GRAPH_MAX_OUTPUTS 64
dt_status dt_graph_finish_outputs(dt_graph *g, const int *outputs, int n, dt_err *err);
int dt_graph_noutputs(const dt_graph *g);
int dt_graph_lookups(const dt_graph *g); /* weight lookups that found a tensor */

int dt_graph_nweights(const dt_graph *g);
const char *dt_graph_weight_name(const dt_graph *g, int slot);
const dt_tensor *dt_graph_weight_tensor(const dt_graph *g, int slot);
int64_t dt_graph_parameters(const dt_graph *g);

/* ---- running ----
 * inputs[ninputs]: NULL for an input the config does not use. Inference:
 * every input's first dimension is the batch, and samples never interact,
 * so batches run in chunks (their operands stay in cache); out is allocated
 * here. */
dt_status dt_graph_forward(dt_graph *g, const dt_tensor *const *inputs, dt_tensor *out,
                           dt_err *err);

/* Every output: outs[noutputs], allocated here. */
dt_status dt_graph_forward_all(dt_graph *g, const dt_tensor *const *inputs, dt_tensor *outs,
                               dt_err *err);

/* A recorded forward pass: every value kept for the backward pass. */
typedef struct dt_pass dt_pass;
dt_status dt_graph_record(dt_graph *g, const dt_tensor *const *inputs, dt_pass **pass,
                          dt_tensor *out, dt_err *err);
/* Gradients of a loss given gout = dLoss/d(output): gx (allocated here) for
 * input 0, and, when gw is not NULL, gw[slot] for each trainable weight the
 * pass used (allocated here; others left empty). Weights read by an op that
 * is fixed (Fourier features) get none. Frees the pass's values as it goes:
 * a pass runs backward once. */
dt_status dt_graph_backward(dt_graph *g, dt_pass *pass, const dt_tensor *gout, dt_tensor *gx,
                            dt_tensor *gw, dt_err *err);
void dt_pass_free(dt_pass *p); /* NULL is fine */

/* 3x3 convolutions on maps of at least min_pixels use Winograd F(2x2, 3x3) or
 * F(4x4, 3x3) (default DT_WINOGRAD_MIN_PIXELS: from 4x4 maps on); 0 turns it
 * off. Their weights' transforms (2.25 or 4 times the weights' size) are kept
 * on first use while all of them fit in cache_bytes (default
 * DT_WINOGRAD_CACHE), and remade when the weights' storage version says they
 * were edited in place; a convolution without one transforms its weights into
 * the scratch on every call (the same values: results do not depend on the
 * budget). Setting drops the transforms g made so far; those of other graphs
 * of its workspace (dt_graph_share_workspace) go as their convolutions next
 * run while the workspace holds more than its budget. */
#define DT_WINOGRAD_MIN_PIXELS 16
#define DT_WINOGRAD_CACHE SIZE_MAX
void dt_graph_set_winograd(dt_graph *g, int min_pixels, size_t cache_bytes);
/* The settings, and the bytes of transforms held now (the workspace's). */
void dt_graph_winograd(const dt_graph *g, int *min_pixels, size_t *cache_bytes, size_t *cached);

/* From now on g runs in the workspace of `with` (a finished graph): one
 * scratch area, buffer pool and Winograd cache budget (with's) for graphs
 * that never run at once, such as a pipeline's components. g's cached
 * transforms are dropped. */
void dt_graph_share_workspace(dt_graph *g, dt_graph *with);

/* Gives back what g's workspace holds between runs and can make again: the
 * pool's cached buffers and the staging area of 16-bit weights, then the
 * allocator's free pages (glibc's heap fragments as passes of many buffer
 * sizes come and go: over 20 SD1.5 UNet passes it held 0.1-0.15 GB more).
 * For the moment between a pipeline's components, before the next one's
 * peak. */
void dt_graph_release_memory(dt_graph *g);

/* Bytes held: scratch, pooled buffers, and the peak of live activations. */
void dt_graph_memory(const dt_graph *g, size_t *scratch, size_t *pooled, size_t *peak);
double dt_graph_last_flops(const dt_graph *g); /* of the last forward pass */

#endif
