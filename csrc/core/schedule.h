/* Noise schedules: the map between a model's time t and the noise level
 * (alpha_t, sigma_t) of x_t = alpha_t * x0 + sigma_t * eps, and plans (the
 * list of levels a sampler walks). Everything here is double precision.
 *
 * Three kinds share one interface:
 *   VP    a table of alphas_cumprod over train timesteps t = 0 .. n-1 (DDPM
 *         betas, cosine, ...); alpha = sqrt(acp), sigma = sqrt(1 - acp), and
 *         between integers t interpolates log(sigma/alpha) linearly, as
 *         k-diffusion and diffusers do.
 *   EDM   alpha = 1, sigma in [sigma_min, sigma_max]; t = log(sigma) / 4 (the
 *         c_noise of Karras et al. 2022, what diffusers' EDM schedulers pass).
 *   FLOW  rectified flow: alpha = 1 - s, sigma = s, t = s * n. */
#ifndef DIFFUSION_SCHEDULE_H
#define DIFFUSION_SCHEDULE_H

#include "tensor.h"

typedef enum { DT_SCHED_VP, DT_SCHED_EDM, DT_SCHED_FLOW } dt_sched_kind;

#define DT_SCHED_MAX_STEPS 100000 /* train timesteps, and plan length */

typedef struct {
  dt_sched_kind kind;
  int n;             /* train timesteps (VP, FLOW) */
  double *acp;       /* VP: alphas_cumprod[n] */
  double *log_sigma; /* VP: log(sqrt((1 - acp) / acp))[n], the "VE" sigma */
  double sigma_min, sigma_max, sigma_data, rho; /* EDM */
  double shift;                                 /* FLOW: default plan shift */
} dt_schedule;

/* VP from betas (acp = cumprod(1 - beta)) or alphas_cumprod; the arrays of s
 * must already hold n doubles each. Values are validated. */
dt_status dt_sched_from_betas(dt_schedule *s, const double *betas, int n, dt_err *err);
dt_status dt_sched_from_acp(dt_schedule *s, const double *acp, int n, dt_err *err);
/* Lin et al. 2023, Algorithm 1: shift and scale sqrt(acp) so the last is 0. */
dt_status dt_sched_rescale_zero_terminal_snr(dt_schedule *s, dt_err *err);

/* Level at a (possibly fractional) time; t is clamped to the schedule's range. */
void dt_sched_level(const dt_schedule *s, double t, double *alpha, double *sigma);
/* Inverses, through log-sigma interpolation for VP schedules. */
double dt_sched_t_from_sigma(const dt_schedule *s, double sigma);
double dt_sched_t_from_lambda(const dt_schedule *s, double lambda);
/* The range of the VE sigma (sigma / alpha) the schedule covers. */
void dt_sched_ve_range(const dt_schedule *s, double *lo, double *hi);

typedef enum { DT_SPACE_TRAILING, DT_SPACE_LEADING, DT_SPACE_LINSPACE } dt_spacing;
typedef enum {
  DT_SIGMAS_NONE,
  DT_SIGMAS_KARRAS,
  DT_SIGMAS_EXPONENTIAL, /* uniform in log sigma = uniform in lambda ("lu") */
  DT_SIGMAS_POLYEXPONENTIAL,
  DT_SIGMAS_BETA,
  DT_SIGMAS_VE_TABLE, /* custom VE sigmas, descending */
  DT_SIGMAS_T_TABLE,  /* custom times */
} dt_sigma_spacing;
typedef enum { DT_FINAL_ZERO, DT_FINAL_SIGMA_MIN, DT_FINAL_NONE } dt_final;

typedef struct {
  dt_spacing spacing;
  int round_t; /* round times to integers (DDIM-style linspace) */
  double steps_offset;
  dt_sigma_spacing sigmas;
  double rho;                  /* karras: 7, polyexponential: 1 */
  double beta_a, beta_b;       /* beta sigmas: 0.6, 0.6 */
  double sigma_min, sigma_max; /* VE range for sigma spacings; NAN = schedule's */
  dt_final final;
  double shift;        /* flow / time shift; NAN = schedule's, 1 = none */
  int linear_sigma;    /* VP: interpolate sigma (not log sigma) between integer t */
  const double *table; /* custom sigmas or times */
  int ntable;
} dt_plan_opts;

/* The n timesteps of a spacing over the N training steps, noisiest first, as
 * diffusers' set_timesteps computes them (numpy's arithmetic and its rounding
 * half to even): leading (j * (N / n) + steps_offset), linspace (np.linspace(0,
 * N - 1, n), rounded when round_t) or trailing (np.round(np.arange(N, 0, -N /
 * n)) - 1). The one implementation of the spacings: plans and the diffusers
 * front both use it. */
void dt_spaced_timesteps(dt_spacing spacing, int N, int n, double steps_offset, int round_t,
                         double *t);
void dt_plan_defaults(const dt_schedule *s, dt_plan_opts *o);
/* Fills t, alpha, sigma (each of room n + 1) and sets *count (n, or n + 1
 * with a final level). */
dt_status dt_plan(const dt_schedule *s, int n, const dt_plan_opts *o, double *t, double *alpha,
                  double *sigma, int *count, dt_err *err);

/* The inverse of the regularised incomplete beta function (beta sigmas). */
double dt_beta_ppf(double p, double a, double b);

#endif
