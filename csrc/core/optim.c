/* Optimizer updates over float32 parameter tensors, with PyTorch's operation
 * order so a run can be compared step by step. */
#include <math.h>

#include "optim.h"

void dt_adamw_step(dt_tensor *p, const dt_tensor *g, dt_tensor *m, dt_tensor *v, const dt_adamw *o,
                   int64_t step) {
  /* torch.optim.AdamW (single-tensor path): decay, moments, then
   * p -= (lr / bc1) * m / (sqrt(v) / sqrt(bc2) + eps) */
  float decay = 1.0f - o->lr * o->weight_decay;
  double bc1 = 1.0 - pow(o->beta1, (double)step), bc2 = 1.0 - pow(o->beta2, (double)step);
  float step_size = (float)(o->lr / bc1), bc2_sqrt = (float)sqrt(bc2);
  float b1 = o->beta1, b2 = o->beta2, eps = o->eps;
#pragma omp parallel for schedule(static) if (p->numel >= (1 << 16))
  for (int64_t i = 0; i < p->numel; i++) {
    float gi = g->data[i];
    float mi = m->data[i] * b1 + (1.0f - b1) * gi;
    float vi = v->data[i] * b2 + (1.0f - b2) * gi * gi;
    m->data[i] = mi;
    v->data[i] = vi;
    p->data[i] = p->data[i] * decay - step_size * mi / (sqrtf(vi) / bc2_sqrt + eps);
  }
}
