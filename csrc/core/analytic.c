/* Gaussian mixtures with exact posteriors; see analytic.h. */
#include "analytic.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

dt_status dt_gmm_init(dt_gmm *g, int64_t k, int64_t dim, const double *weights, const float *mean,
                      const float *var, dt_err *err) {
  memset(g, 0, sizeof *g);
  if (k < 1 || dim < 1)
    return dt_fail(err, DT_EARG, "a mixture needs at least one component and one dimension");
  double total = 0;
  for (int64_t i = 0; i < k; i++) {
    if (!(weights[i] > 0) || !isfinite(weights[i]))
      return dt_fail(err, DT_EARG, "weight %lld is %g: weights must be positive", (long long)i + 1,
                     weights[i]);
    total += weights[i];
  }
  for (int64_t i = 0; i < k * dim; i++) {
    if (!isfinite(mean[i]))
      return dt_fail(err, DT_EARG, "the means have a non-finite value");
    if (!(var[i] >= 0) || !isfinite(var[i]))
      return dt_fail(err, DT_EARG, "the standard deviations must be finite and >= 0");
  }
  g->k = k;
  g->dim = dim;
  g->logw = malloc((size_t)k * sizeof(double));
  g->mean = malloc((size_t)(k * dim) * sizeof(float));
  g->var = malloc((size_t)(k * dim) * sizeof(float));
  if (!g->logw || !g->mean || !g->var) {
    dt_gmm_free(g);
    return dt_fail(err, DT_ENOMEM, "out of memory for a mixture of %lld x %lld", (long long)k,
                   (long long)dim);
  }
  for (int64_t i = 0; i < k; i++)
    g->logw[i] = log(weights[i] / total);
  memcpy(g->mean, mean, (size_t)(k * dim) * sizeof(float));
  memcpy(g->var, var, (size_t)(k * dim) * sizeof(float));
  return DT_OK;
}

void dt_gmm_free(dt_gmm *g) {
  free(g->logw);
  free(g->mean);
  free(g->var);
  memset(g, 0, sizeof *g);
}

dt_status dt_gmm_posterior(const dt_gmm *g, const float *x, int64_t n, double a, double s,
                           float *x0, float *score, double *logp, double *div, dt_err *err) {
  int64_t k = g->k, dim = g->dim;
  if (!(a >= 0) || !(s >= 0) || !isfinite(a) || !isfinite(s))
    return dt_fail(err, DT_EARG, "noise level alpha %g, sigma %g is not usable", a, s);
  /* per component: the normalising constant of N(a mu, a^2 var + s^2) */
  double *lognorm = malloc((size_t)k * sizeof(double));
  if (!lognorm)
    return dt_fail(err, DT_ENOMEM, "out of memory for %lld components", (long long)k);
  for (int64_t c = 0; c < k; c++) {
    double sum = 0;
    for (int64_t d = 0; d < dim; d++) {
      double v = a * a * g->var[c * dim + d] + s * s;
      if (!(v > 0)) {
        free(lognorm);
        return dt_fail(err, DT_EARG, "a point mass at sigma 0 has no density: sigma must be > 0");
      }
      sum += log(2 * M_PI * v);
    }
    lognorm[c] = g->logw[c] - 0.5 * sum;
  }
  int failed = 0;
#pragma omp parallel
  {
    double *l = malloc((size_t)k * sizeof(double));
    double *acc = malloc((size_t)(2 * dim) * sizeof(double)); /* x0 and score sums */
    if (!l || !acc) {
#pragma omp atomic write
      failed = 1;
    }
#pragma omp for schedule(dynamic, 1)
    for (int64_t i = 0; i < n; i++) {
      if (!l || !acc)
        continue;
      const float *xi = x + i * dim;
      double top = -INFINITY;
      for (int64_t c = 0; c < k; c++) { /* log w_k + log N(x; a mu_k, v_k) */
        const float *mu = g->mean + c * dim, *var = g->var + c * dim;
        double q = 0;
        for (int64_t d = 0; d < dim; d++) {
          double diff = xi[d] - a * mu[d], v = a * a * var[d] + s * s;
          q += diff * diff / v;
        }
        l[c] = lognorm[c] - 0.5 * q;
        if (l[c] > top)
          top = l[c];
      }
      double total = 0;
      for (int64_t c = 0; c < k; c++) {
        l[c] = exp(l[c] - top);
        total += l[c];
      }
      if (logp)
        logp[i] = top + log(total);
      if (!x0 && !score && !div)
        continue;
      /* E[x0 | x] = sum_c r_c m_c with m_c = mu_c + a var_c / v_c (x - a mu_c)
       * and dr_c/dx = r_c (g_c - g), g_c the component's score, g = sum r_c g_c;
       * so tr dE/dx = sum_c r_c (sum_d a var_cd / v_cd + m_c . g_c) - E . g */
      memset(acc, 0, (size_t)(2 * dim) * sizeof(double));
      double trace = 0;
      for (int64_t c = 0; c < k; c++) {
        double r = l[c] / total; /* the responsibility of component c */
        if (r < 1e-300)
          continue;
        const float *mu = g->mean + c * dim, *var = g->var + c * dim;
        double part = 0;
        for (int64_t d = 0; d < dim; d++) {
          double v = a * a * var[d] + s * s, diff = xi[d] - a * mu[d];
          double m = mu[d] + a * var[d] / v * diff; /* E[x0 | x_t, c] */
          acc[d] += r * m;
          acc[dim + d] -= r * diff / v; /* the score */
          part += a * var[d] / v - m * diff / v;
        }
        trace += r * part;
      }
      for (int64_t d = 0; d < dim; d++) {
        if (x0)
          x0[i * dim + d] = (float)acc[d];
        if (score)
          score[i * dim + d] = (float)acc[dim + d];
        trace -= acc[d] * acc[dim + d];
      }
      if (div)
        div[i] = trace;
    }
    free(l);
    free(acc);
  }
  free(lognorm);
  if (failed)
    return dt_fail(err, DT_ENOMEM, "out of memory for the posterior of %lld components",
                   (long long)k);
  return DT_OK;
}
