/* exp for loops the compiler should vectorise. glibc's expf is a call the
 * compiler cannot vectorise without -ffast-math, and SiLU's exp was most of
 * the time of a group norm (forward and backward). This one is branch-free:
 * exp(x) = 2^n e^r with n = round(x / ln 2), |r| <= ln 2 / 2, e^r by its
 * degree-6 Taylor polynomial (Horner); relative error below 2e-7 (about 2
 * float ulps) over the whole range, checked against glibc in the specs.
 * Inputs below -87 give exp(-87) rather than a denormal or 0, far below
 * anything a softmax or SiLU can resolve; above 88, exp(88). */
#ifndef DIFFUSION_FASTMATH_H
#define DIFFUSION_FASTMATH_H

#include <math.h>
#include <stdint.h>
#include <string.h>

/* a * b + c, one rounding where the target has FMA (C11 code is otherwise
 * compiled without contraction: -std=c11 turns it off) */
#ifdef __FMA__
#define DT_MULADD(a, b, c) fmaf(a, b, c)
#else
#define DT_MULADD(a, b, c) ((a) * (b) + (c))
#endif

static inline float dt_expf(float x) {
  float in = x;
  /* clamped so 2^n stays a normal float; written as comparisons (fminf does
   * not vectorise) */
  x = x > -87.0f ? x : -87.0f;
  x = x < 88.0f ? x : 88.0f;
  float n = floorf(x * 1.44269504088896341f + 0.5f);
  float r = x - n * 0.693145751953125f; /* ln 2 split in two: hi is exact in float */
  r = r - n * 1.428606765330187045e-06f;
  float p = 1.0f / 720.0f;
  p = DT_MULADD(p, r, 1.0f / 120.0f);
  p = DT_MULADD(p, r, 1.0f / 24.0f);
  p = DT_MULADD(p, r, 1.0f / 6.0f);
  p = DT_MULADD(p, r, 0.5f);
  p = DT_MULADD(p, r, 1.0f);
  p = DT_MULADD(p, r, 1.0f);
  int32_t bits = ((int32_t)n + 127) << 23;
  float scale;
  memcpy(&scale, &bits, sizeof scale);
  return in == in ? p * scale : in; /* NaN stays NaN */
}

static inline float dt_silu(float v) { return v / (1.0f + dt_expf(-v)); }

/* d silu / dv */
static inline float dt_silu_slope(float v) {
  float s = 1.0f / (1.0f + dt_expf(-v));
  return s * (1.0f + v * (1.0f - s));
}

#endif
