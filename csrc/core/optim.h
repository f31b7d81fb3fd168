/* Optimizer updates for training. */
#ifndef DIFFUSION_OPTIM_H
#define DIFFUSION_OPTIM_H

#include "tensor.h"

typedef struct {
  float lr, beta1, beta2, eps, weight_decay;
} dt_adamw;

/* One AdamW step (Loshchilov and Hutter 2019, as torch.optim.AdamW) on p with
 * gradient g and moment buffers m, v (all the same size); step counts from 1. */
void dt_adamw_step(dt_tensor *p, const dt_tensor *g, dt_tensor *m, dt_tensor *v, const dt_adamw *o,
                   int64_t step);

#endif
