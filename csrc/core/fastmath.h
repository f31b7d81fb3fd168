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

#if defined(__AVX2__) && defined(__FMA__)
#include <immintrin.h>

/* dt_expf's method in eight lanes, written out where GCC's vectorisation of
 * the scalar form was slow (a softmax's running sums kept in memory, SiLU's
 * 0.54 ns a value against 0.41 here). x / ln 2 is rounded to an integer by
 * adding 1.5 * 2^23, whose low bits are then the integer itself. */
static inline __m256 dt_exp8(__m256 x) {
  const __m256 magic = _mm256_set1_ps(12582912.0f);
  __m256 in = x;
  x = _mm256_max_ps(x, _mm256_set1_ps(-87.0f)); /* (NaN -> -87, restored below) */
  x = _mm256_min_ps(x, _mm256_set1_ps(88.0f));
  __m256 big = _mm256_fmadd_ps(x, _mm256_set1_ps(1.44269504088896341f), magic);
  __m256 n = _mm256_sub_ps(big, magic);
  __m256 r = _mm256_fnmadd_ps(n, _mm256_set1_ps(0.693145751953125f), x);
  r = _mm256_fnmadd_ps(n, _mm256_set1_ps(1.428606765330187045e-06f), r);
  __m256 p = _mm256_set1_ps(1.0f / 720.0f);
  p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(1.0f / 120.0f));
  p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(1.0f / 24.0f));
  p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(1.0f / 6.0f));
  p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(0.5f));
  p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(1.0f));
  p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(1.0f));
  __m256i scale =
      _mm256_slli_epi32(_mm256_add_epi32(_mm256_castps_si256(big), _mm256_set1_epi32(127)), 23);
  return _mm256_blendv_ps(in, _mm256_mul_ps(p, _mm256_castsi256_ps(scale)),
                          _mm256_cmp_ps(in, in, _CMP_ORD_Q));
}
#endif

/* out[0..7] = silu(x[i] * scale + shift) (the multiply and the add rounded
 * apart, as in the scalar form) */
static inline void dt_silu_eight(float *out, const float *x, float scale, float shift) {
#if defined(__AVX2__) && defined(__FMA__)
  __m256 v = _mm256_add_ps(_mm256_mul_ps(_mm256_loadu_ps(x), _mm256_set1_ps(scale)),
                           _mm256_set1_ps(shift));
  __m256 e = dt_exp8(_mm256_sub_ps(_mm256_setzero_ps(), v));
  _mm256_storeu_ps(out, _mm256_div_ps(v, _mm256_add_ps(_mm256_set1_ps(1.0f), e)));
#else
  for (int i = 0; i < 8; i++)
    out[i] = dt_silu(x[i] * scale + shift);
#endif
}

/* d silu / dv */
static inline float dt_silu_slope(float v) {
  float s = 1.0f / (1.0f + dt_expf(-v));
  return s * (1.0f + v * (1.0f - s));
}

#endif
