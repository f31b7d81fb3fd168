/* The graph's ops (graph.h), each kind's forward and backward side by side:
 * the output shape, the forward into a buffer the interpreter allocated (or
 * the input's own, for the ops that may run in place), and the gradients.
 * Internal to graph.c. */
#ifndef DIFFUSION_OPS_H
#define DIFFUSION_OPS_H

#include "graph.h"

/* What graphs keep between their ops, and may share (the components of a
 * pipeline run one at a time, so they need the largest component's memory,
 * not the sum): one growing scratch area, the bytes cached Winograd weight
 * transforms may hold (beyond them a convolution transforms its weights into
 * the scratch on every call) and hold; the float32 copies of the running op's
 * weights kept in 16 bits. Refcounted. */
typedef struct {
  float *scratch;
  size_t scratch_floats;
  float *staging; /* the running op's 16-bit weights, widened to float32 (graph.c) */
  size_t staging_floats;
  size_t winograd_budget, winograd_cached;
  int refs;
} dt_workspace;

/* What ops see while a graph runs: its workspace, the Winograd threshold,
 * the flop count of the pass. */
typedef struct {
  dt_workspace *ws;
  int winograd_min_pixels;
  double flops;
} dt_op_ctx;

const char *dt_op_name(dt_op_kind kind);
/* The output's shape from the inputs' (the builder checked channels against
 * the weights; this checks what depends on the input sizes). */
dt_status dt_op_shape(const dt_op *op, const dt_tensor *const in[2], const dt_tensor *const *w,
                      int64_t *shape, int *ndim, dt_err *err);
/* Whether input j is read for its shape only (no gradient flows to it). */
int dt_op_shape_input(dt_op_kind kind, int j);
/* Elementwise ops whose output may be written over in[0] (same shape). */
int dt_op_in_place(dt_op_kind kind);
dt_status dt_op_forward(dt_op_ctx *c, dt_op *op, const dt_tensor *const in[2],
                        const dt_tensor *const *w, dt_tensor *out, dt_err *err);
/* gin[j]: the gradient for in[j], written (NULL: not wanted); gw[i]: the
 * gradient of the op's weight i, added to (NULL: not wanted). gy is the
 * output's gradient, y the output. */
dt_status dt_op_backward(dt_op_ctx *c, const dt_op *op, const dt_tensor *const in[2],
                         const dt_tensor *const *w, const dt_tensor *gy, dt_tensor *const gin[2],
                         dt_tensor *const *gw, dt_err *err);
void dt_op_drop_cache(dt_op_ctx *c, dt_op *op); /* the Winograd transforms */

#endif
