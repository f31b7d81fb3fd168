/* Noise schedules and plans, in double precision. */
#include "schedule.h"

#include <math.h>
#include <string.h>

/* ---- construction ---- */

static void fill_log_sigma(dt_schedule *s) {
  for (int i = 0; i < s->n; i++)
    s->log_sigma[i] = 0.5 * log((1.0 - s->acp[i]) / s->acp[i]); /* +inf when acp = 0 */
}

dt_status dt_sched_from_acp(dt_schedule *s, const double *acp, int n, dt_err *err) {
  if (n < 2 || n > DT_SCHED_MAX_STEPS)
    return dt_fail(err, DT_EARG, "%d timesteps (2..%d allowed)", n, DT_SCHED_MAX_STEPS);
  for (int i = 0; i < n; i++) {
    double a = acp[i];
    int last = i == n - 1;
    if (!(a > 0 && a < 1) && !(last && a == 0))
      return dt_fail(err, DT_EARG,
                     "alphas_cumprod[%d] = %g must be in (0, 1) (only the last may be 0)", i + 1,
                     a);
    if (i > 0 && a > acp[i - 1])
      return dt_fail(err, DT_EARG, "alphas_cumprod must not increase (entry %d: %g > %g)", i + 1, a,
                     acp[i - 1]);
  }
  s->kind = DT_SCHED_VP;
  s->n = n;
  if (s->acp != acp)
    memcpy(s->acp, acp, (size_t)n * sizeof *acp);
  fill_log_sigma(s);
  return DT_OK;
}

dt_status dt_sched_from_betas(dt_schedule *s, const double *betas, int n, dt_err *err) {
  if (n < 2 || n > DT_SCHED_MAX_STEPS)
    return dt_fail(err, DT_EARG, "%d timesteps (2..%d allowed)", n, DT_SCHED_MAX_STEPS);
  double prod = 1;
  for (int i = 0; i < n; i++) {
    double b = betas[i];
    if (!(b > 0 && b <= 1))
      return dt_fail(err, DT_EARG, "betas[%d] = %g must be in (0, 1]", i + 1, b);
    prod *= 1.0 - b;
    s->acp[i] = prod;
  }
  return dt_sched_from_acp(s, s->acp, n, err);
}

dt_status dt_sched_rescale_zero_terminal_snr(dt_schedule *s, dt_err *err) {
  if (s->kind != DT_SCHED_VP)
    return dt_fail(err, DT_EARG, "only a VP (betas) schedule can be rescaled");
  double first = sqrt(s->acp[0]), last = sqrt(s->acp[s->n - 1]);
  if (!(first > last))
    return dt_fail(err, DT_EARG, "schedule has no noise range to rescale");
  for (int i = 0; i < s->n; i++) {
    double r = (sqrt(s->acp[i]) - last) * first / (first - last);
    s->acp[i] = r * r;
  }
  s->acp[s->n - 1] = 0; /* exactly, not a rounding residue */
  fill_log_sigma(s);
  return DT_OK;
}

/* ---- levels ---- */

static void from_ve(double ve, double *alpha, double *sigma) {
  if (isinf(ve)) {
    *alpha = 0;
    *sigma = 1;
    return;
  }
  *alpha = 1.0 / sqrt(1.0 + ve * ve);
  *sigma = ve * *alpha;
}

static double clampd(double v, double lo, double hi) { return v < lo ? lo : v > hi ? hi : v; }

/* VP: log VE sigma at a fractional t, linear between integers. */
static double vp_log_sigma(const dt_schedule *s, double t) {
  t = clampd(t, 0, s->n - 1);
  int lo = (int)floor(t);
  if (lo >= s->n - 1)
    return s->log_sigma[s->n - 1];
  double w = t - lo;
  if (w == 0)
    return s->log_sigma[lo];
  return (1 - w) * s->log_sigma[lo] + w * s->log_sigma[lo + 1];
}

void dt_sched_level(const dt_schedule *s, double t, double *alpha, double *sigma) {
  switch (s->kind) {
  case DT_SCHED_VP: {
    double tc = clampd(t, 0, s->n - 1);
    if (tc == floor(tc)) { /* exact table values, no round trip through log */
      double a = s->acp[(int)tc];
      *alpha = sqrt(a);
      *sigma = sqrt(1.0 - a);
      return;
    }
    from_ve(exp(vp_log_sigma(s, tc)), alpha, sigma);
    return;
  }
  case DT_SCHED_EDM:
    *alpha = 1;
    *sigma = exp(4.0 * t);
    return;
  case DT_SCHED_FLOW: {
    double u = clampd(t / s->n, 0, 1);
    *alpha = 1 - u;
    *sigma = u;
    return;
  }
  }
}

/* VP: fractional t whose log VE sigma is ls (k-diffusion's sigma_to_t). */
static double vp_t_from_log_sigma(const dt_schedule *s, double ls) {
  const double *L = s->log_sigma;
  int n = s->n;
  if (!(ls > L[0]))
    return 0;
  if (ls >= L[n - 1])
    return n - 1;
  int lo = 0, hi = n - 1; /* L ascends: find L[lo] <= ls < L[hi], hi = lo + 1 */
  while (hi - lo > 1) {
    int mid = (lo + hi) / 2;
    if (L[mid] <= ls)
      lo = mid;
    else
      hi = mid;
  }
  double w = (ls - L[lo]) / (L[hi] - L[lo]);
  return lo + clampd(w, 0, 1);
}

double dt_sched_t_from_sigma(const dt_schedule *s, double sigma) {
  switch (s->kind) {
  case DT_SCHED_VP: {
    if (sigma <= 0)
      return 0;
    if (sigma >= 1)
      return s->n - 1;
    double alpha = sqrt(1 - sigma * sigma);
    return vp_t_from_log_sigma(s, log(sigma / alpha));
  }
  case DT_SCHED_EDM: return 0.25 * log(sigma);
  case DT_SCHED_FLOW: return clampd(sigma, 0, 1) * s->n;
  }
  return NAN;
}

double dt_sched_t_from_lambda(const dt_schedule *s, double lambda) {
  switch (s->kind) {
  case DT_SCHED_VP: return vp_t_from_log_sigma(s, -lambda);
  case DT_SCHED_EDM: return -0.25 * lambda;
  case DT_SCHED_FLOW: return s->n / (1 + exp(lambda)); /* lambda = log((1 - u) / u) */
  }
  return NAN;
}

void dt_sched_ve_range(const dt_schedule *s, double *lo, double *hi) {
  *lo = *hi = 0;
  switch (s->kind) {
  case DT_SCHED_VP:
    *lo = exp(s->log_sigma[0]);
    *hi = exp(s->log_sigma[s->n - 1]);
    return;
  case DT_SCHED_EDM:
    *lo = s->sigma_min;
    *hi = s->sigma_max;
    return;
  case DT_SCHED_FLOW: /* the schedule's own sigma s, from 1/n to 1 */
    *lo = 1.0 / s->n;
    *hi = 1;
    return;
  }
}

/* ---- the inverse regularised incomplete beta function ---- */

/* Continued fraction for I_x(a, b) (modified Lentz). */
static double beta_cf(double x, double a, double b) {
  const double tiny = 1e-300;
  double c = 1, d = 1 - (a + b) * x / (a + 1);
  if (fabs(d) < tiny)
    d = tiny;
  d = 1 / d;
  double h = d;
  for (int m = 1; m <= 300; m++) {
    double m2 = 2.0 * m;
    double num = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
    d = 1 + num * d;
    c = 1 + num / c;
    d = 1 / (fabs(d) < tiny ? tiny : d);
    c = fabs(c) < tiny ? tiny : c;
    h *= d * c;
    num = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
    d = 1 + num * d;
    c = 1 + num / c;
    d = 1 / (fabs(d) < tiny ? tiny : d);
    c = fabs(c) < tiny ? tiny : c;
    double delta = d * c;
    h *= delta;
    if (fabs(delta - 1) < 1e-15)
      break;
  }
  return h;
}

static double beta_cdf(double x, double a, double b) {
  if (x <= 0)
    return 0;
  if (x >= 1)
    return 1;
  double lnfront = lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log1p(-x);
  if (x < (a + 1) / (a + b + 2))
    return exp(lnfront) * beta_cf(x, a, b) / a;
  return 1 - exp(lgamma(a + b) - lgamma(a) - lgamma(b) + b * log1p(-x) + a * log(x)) *
                 beta_cf(1 - x, b, a) / b;
}

double dt_beta_ppf(double p, double a, double b) {
  if (p <= 0)
    return 0;
  if (p >= 1)
    return 1;
  double lo = 0, hi = 1;
  for (int i = 0; i < 200 && hi - lo > 1e-16; i++) { /* the CDF is monotone: bisect */
    double mid = 0.5 * (lo + hi);
    if (beta_cdf(mid, a, b) < p)
      lo = mid;
    else
      hi = mid;
  }
  return 0.5 * (lo + hi);
}

/* ---- plans ---- */

void dt_spaced_timesteps(dt_spacing spacing, int N, int n, double steps_offset, int round_t,
                         double *t) {
  for (int k = 0; k < n; k++) {
    int j = n - 1 - k; /* numpy's index, counted from the clean end */
    double tk;
    switch (spacing) {
    case DT_SPACE_LEADING: tk = (double)j * (N / n) + steps_offset; break;
    /* np.linspace(0, N - 1, n): j * step, as numpy multiplies */
    case DT_SPACE_LINSPACE: tk = n > 1 ? j * ((double)(N - 1) / (n - 1)) : 0; break;
    /* np.round(np.arange(N, 0, -N / n)) - 1 */
    default: tk = nearbyint(N - k * ((double)N / n)) - 1; break;
    }
    /* numpy rounds half to even (nearbyint, in the default rounding mode):
     * 999 / 6 = 166.5 is 166, not 167 */
    t[k] = round_t ? nearbyint(tk) : tk;
  }
}

void dt_plan_defaults(const dt_schedule *s, dt_plan_opts *o) {
  memset(o, 0, sizeof *o);
  o->spacing = DT_SPACE_TRAILING;
  o->sigmas = s->kind == DT_SCHED_EDM ? DT_SIGMAS_KARRAS : DT_SIGMAS_NONE;
  o->rho = s->kind == DT_SCHED_EDM ? s->rho : NAN; /* NAN: each spacing's own default */
  o->beta_a = o->beta_b = 0.6;
  o->sigma_min = o->sigma_max = NAN;
  o->final = DT_FINAL_ZERO;
  o->shift = NAN;
}

/* n VE sigmas (or flow s values) from hi down to lo by the chosen spacing. */
static void spaced_sigmas(const dt_plan_opts *o, int n, double lo, double hi, double *out) {
  for (int k = 0; k < n; k++) {
    double r = n > 1 ? (double)k / (n - 1) : 0; /* ramp 0 -> 1 */
    switch (o->sigmas) {
    case DT_SIGMAS_KARRAS: {
      double rho = isnan(o->rho) ? 7.0 : o->rho;
      double a = pow(hi, 1 / rho), b = pow(lo, 1 / rho);
      out[k] = pow(a + r * (b - a), rho);
      break;
    }
    case DT_SIGMAS_POLYEXPONENTIAL: { /* k-diffusion: ramp (1 -> 0) ** rho in log sigma */
      double rho = isnan(o->rho) ? 1.0 : o->rho;
      out[k] = exp(pow(1 - r, rho) * (log(hi) - log(lo)) + log(lo));
      break;
    }
    case DT_SIGMAS_BETA: out[k] = lo + dt_beta_ppf(1 - r, o->beta_a, o->beta_b) * (hi - lo); break;
    case DT_SIGMAS_VE_TABLE: out[k] = o->table[k]; break;
    default: /* exponential: uniform in log sigma, i.e. in lambda */
      out[k] = exp(log(hi) + r * (log(lo) - log(hi)));
      break;
    }
  }
}

static double flow_shift(double u, double shift) { return shift * u / (1 + (shift - 1) * u); }

dt_status dt_plan(const dt_schedule *s, int n, const dt_plan_opts *o, double *t, double *alpha,
                  double *sigma, int *count, dt_err *err) {
  if (o->sigmas == DT_SIGMAS_VE_TABLE || o->sigmas == DT_SIGMAS_T_TABLE)
    n = o->ntable;
  if (n < 1 || n > DT_SCHED_MAX_STEPS)
    return dt_fail(err, DT_EARG, "%d steps (1..%d allowed)", n, DT_SCHED_MAX_STEPS);
  double lo, hi;
  dt_sched_ve_range(s, &lo, &hi);
  if (!isnan(o->sigma_min))
    lo = o->sigma_min;
  if (!isnan(o->sigma_max))
    hi = o->sigma_max;
  if (o->sigmas != DT_SIGMAS_NONE && o->sigmas != DT_SIGMAS_T_TABLE && !(lo > 0 && hi > lo))
    return dt_fail(err, DT_EARG, "sigma range [%g, %g] is empty or not positive", lo, hi);

  if (s->kind == DT_SCHED_FLOW) {
    double shift = isnan(o->shift) ? s->shift : o->shift;
    if (!(shift > 0))
      return dt_fail(err, DT_EARG, "shift must be positive, got %g", shift);
    if (o->sigmas == DT_SIGMAS_NONE) { /* diffusers: linspace in t, then shifted */
      double smax = isnan(o->sigma_max) ? 1.0 : o->sigma_max;
      double smin = isnan(o->sigma_min) ? flow_shift(1.0 / s->n, shift) : o->sigma_min;
      for (int k = 0; k < n; k++) {
        double u = n > 1 ? smax + (smin - smax) * k / (n - 1) : smax;
        sigma[k] = flow_shift(u, shift);
      }
    } else if (o->sigmas == DT_SIGMAS_T_TABLE) {
      for (int k = 0; k < n; k++)
        sigma[k] = clampd(o->table[k] / s->n, 0, 1);
    } else {
      spaced_sigmas(o, n, lo, hi, sigma);
      for (int k = 0; k < n; k++)
        sigma[k] = flow_shift(sigma[k], shift);
    }
    for (int k = 0; k < n; k++) {
      t[k] = sigma[k] * s->n;
      alpha[k] = 1 - sigma[k];
    }
  } else if (s->kind == DT_SCHED_EDM || o->sigmas != DT_SIGMAS_NONE) {
    double *ve = sigma; /* VE sigmas first, converted in place */
    if (o->sigmas == DT_SIGMAS_T_TABLE) {
      for (int k = 0; k < n; k++) {
        dt_sched_level(s, o->table[k], &alpha[k], &sigma[k]);
        t[k] = o->table[k];
      }
    } else {
      dt_plan_opts eff = *o;
      if (eff.sigmas == DT_SIGMAS_NONE)
        eff.sigmas = DT_SIGMAS_KARRAS;
      spaced_sigmas(&eff, n, lo, hi, ve);
      for (int k = 0; k < n; k++) {
        if (!(ve[k] > 0) || isinf(ve[k]))
          return dt_fail(err, DT_EARG, "sigma %d is %g; plan sigmas must be positive", k + 1,
                         ve[k]);
        if (s->kind == DT_SCHED_EDM) {
          t[k] = 0.25 * log(ve[k]);
          alpha[k] = 1;
        } else {
          t[k] = vp_t_from_log_sigma(s, log(ve[k]));
          from_ve(ve[k], &alpha[k], &sigma[k]);
        }
      }
    }
  } else { /* VP, spaced in t */
    int N = s->n;
    dt_spaced_timesteps(o->spacing, N, n, o->steps_offset, o->round_t, t);
    for (int k = 0; k < n; k++) {
      t[k] = clampd(t[k], 0, N - 1);
      if (o->linear_sigma && t[k] != floor(t[k])) {
        int i = (int)floor(t[k]);
        double w = t[k] - i;
        double ve = (1 - w) * exp(s->log_sigma[i]) + w * exp(s->log_sigma[i + 1]);
        from_ve(ve, &alpha[k], &sigma[k]);
      } else {
        dt_sched_level(s, t[k], &alpha[k], &sigma[k]);
      }
    }
  }
  if (o->round_t)
    for (int k = 0; k < n; k++)
      t[k] = nearbyint(t[k]);

  *count = n;
  if (o->final == DT_FINAL_ZERO) {
    t[n] = 0;
    alpha[n] = 1;
    sigma[n] = 0;
    *count = n + 1;
  } else if (o->final == DT_FINAL_SIGMA_MIN) {
    t[n] = s->kind == DT_SCHED_EDM ? 0.25 * log(lo) : 0;
    if (s->kind == DT_SCHED_VP) {
      dt_sched_level(s, 0, &alpha[n], &sigma[n]);
    } else if (s->kind == DT_SCHED_EDM) {
      alpha[n] = 1;
      sigma[n] = lo;
    } else {
      alpha[n] = 1 - lo;
      sigma[n] = lo;
      t[n] = lo * s->n;
    }
    *count = n + 1;
  }
  return DT_OK;
}
