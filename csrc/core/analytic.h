/* Analytic data distributions with exact answers at every noise level: a
 * Gaussian mixture over D-dimensional samples (a Gaussian is one component,
 * a finite data set is a mixture of point masses). For x_t = a x0 + s eps,
 * x_t is itself a mixture of N(a mu_k, a^2 var_k + s^2), so the posterior
 * mean E[x0 | x_t] (the ideal denoiser), the score of x_t and its
 * log-density are closed forms. Ground truth for samplers and likelihoods. */
#ifndef DIFFUSION_ANALYTIC_H
#define DIFFUSION_ANALYTIC_H

#include "tensor.h"

typedef struct {
  int64_t k;    /* components */
  int64_t dim;  /* values per sample */
  double *logw; /* k log weights, normalised */
  float *mean;  /* k x dim */
  float *var;   /* k x dim variances (0: a point mass) */
} dt_gmm;

/* Copies the parameters in; weights (k, positive, normalised here), means
 * (k x dim), variances (k x dim, >= 0). Free with dt_gmm_free. */
dt_status dt_gmm_init(dt_gmm *g, int64_t k, int64_t dim, const double *weights, const float *mean,
                      const float *var, dt_err *err);
void dt_gmm_free(dt_gmm *g);

/* For n samples x (n x dim) at noise level (a, s): any of x0 (the posterior
 * mean), score (d log p(x_t) / d x_t), logp (n, the log-density of x_t) and
 * div (n, the divergence of the posterior mean: the trace of
 * d E[x0 | x_t] / d x_t, which exact likelihoods need) may be NULL. s must be
 * > 0 unless every variance is positive; a >= 0. */
dt_status dt_gmm_posterior(const dt_gmm *g, const float *x, int64_t n, double a, double s,
                           float *x0, float *score, double *logp, double *div, dt_err *err);

#endif
