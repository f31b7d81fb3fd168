/* Statistics of feature sets for sample-quality metrics. */
#ifndef DIFFUSION_STATS_H
#define DIFFUSION_STATS_H

#include "tensor.h"

/* The Fréchet distance between Gaussians fitted to the rows of a (N x D) and
 * b (M x D): |mu_a - mu_b|^2 + tr(C_a + C_b - 2 (C_a^1/2 C_b C_a^1/2)^1/2),
 * with unbiased covariances. */
dt_status dt_frechet_distance(const dt_tensor *a, const dt_tensor *b, double *out, dt_err *err);

#endif
