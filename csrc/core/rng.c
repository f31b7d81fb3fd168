/* Philox4x32-10 and the normal/uniform/integer fills built on it. */
#include "rng.h"

#include <math.h>
#include <string.h>

#define PHILOX_M0 0xD2511F53u
#define PHILOX_M1 0xCD9E8D57u
#define PHILOX_W0 0x9E3779B9u
#define PHILOX_W1 0xBB67AE85u

void dt_philox4x32_10(const uint32_t ctr[4], const uint32_t key[2], uint32_t out[4]) {
  uint32_t c0 = ctr[0], c1 = ctr[1], c2 = ctr[2], c3 = ctr[3];
  uint32_t k0 = key[0], k1 = key[1];
  for (int r = 0; r < 10; r++) {
    uint64_t p0 = (uint64_t)PHILOX_M0 * c0, p1 = (uint64_t)PHILOX_M1 * c2;
    uint32_t n0 = (uint32_t)(p1 >> 32) ^ c1 ^ k0;
    uint32_t n2 = (uint32_t)(p0 >> 32) ^ c3 ^ k1;
    c1 = (uint32_t)p1;
    c3 = (uint32_t)p0;
    c0 = n0;
    c2 = n2;
    k0 += PHILOX_W0;
    k1 += PHILOX_W1;
  }
  out[0] = c0;
  out[1] = c1;
  out[2] = c2;
  out[3] = c3;
}

/* Work unit: CHUNK consecutive elements of one sample (CHUNK/4 blocks). */
#define CHUNK 256

/* Philox over CHUNK/4 consecutive blocks, written lane-interleaved as the
 * generator defines them: out[4*b + lane]. Plain loops so they vectorise. */
static void philox_chunk(uint64_t block0, uint32_t sample, uint32_t draw, const uint32_t key[2],
                         uint32_t *out) {
  uint32_t c0[CHUNK / 4], c1[CHUNK / 4], c2[CHUNK / 4], c3[CHUNK / 4];
  for (int b = 0; b < CHUNK / 4; b++) {
    uint64_t blk = block0 + (uint64_t)b;
    c0[b] = (uint32_t)blk;
    c1[b] = (uint32_t)(blk >> 32);
    c2[b] = sample;
    c3[b] = draw;
  }
  uint32_t k0 = key[0], k1 = key[1];
  for (int r = 0; r < 10; r++) {
    for (int b = 0; b < CHUNK / 4; b++) {
      uint64_t p0 = (uint64_t)PHILOX_M0 * c0[b], p1 = (uint64_t)PHILOX_M1 * c2[b];
      uint32_t n0 = (uint32_t)(p1 >> 32) ^ c1[b] ^ k0;
      uint32_t n2 = (uint32_t)(p0 >> 32) ^ c3[b] ^ k1;
      c1[b] = (uint32_t)p1;
      c3[b] = (uint32_t)p0;
      c0[b] = n0;
      c2[b] = n2;
    }
    k0 += PHILOX_W0;
    k1 += PHILOX_W1;
  }
  for (int b = 0; b < CHUNK / 4; b++) {
    out[4 * b] = c0[b];
    out[4 * b + 1] = c1[b];
    out[4 * b + 2] = c2[b];
    out[4 * b + 3] = c3[b];
  }
}

/* 24 random bits to a float in (0, 1), never 0 (the log below needs that). */
static inline float open01(uint32_t x) { return ((float)(x >> 8) + 0.5f) * 0x1p-24f; }

/* log(x) for x in (0, 1]: exponent split, then the atanh series on a mantissa
 * in [sqrt(1/2), sqrt(2)). Relative error below 1e-7; branch-free so it
 * vectorises. */
static inline float log_open01(float x) {
  uint32_t bits;
  memcpy(&bits, &x, sizeof bits);
  int32_t e = (int32_t)((bits >> 23) & 0xff) - 127;
  uint32_t mbits = (bits & 0x7fffffu) | 0x3f800000u; /* mantissa in [1, 2) */
  float m;
  memcpy(&m, &mbits, sizeof m);
  int big = m > 1.41421356f;
  m = big ? m * 0.5f : m;
  e += big;
  float s = (m - 1.0f) / (m + 1.0f), s2 = s * s;
  float poly = 1.0f + s2 * (1.0f / 3 + s2 * (1.0f / 5 + s2 * (1.0f / 7 + s2 * (1.0f / 9))));
  return (float)e * 0.693147180559945f + 2.0f * s * poly;
}

/* sin and cos of 2*pi*u for u in [0, 1): quadrant from 4u, Taylor series on
 * the remaining angle in [0, pi/2). Absolute error below 1e-7. */
static inline void sincos_2pi(float u, float *sn, float *cs) {
  float v = u * 4.0f;
  int q = (int)v;
  float t = (v - (float)q) * 1.57079632679f, t2 = t * t;
  float s = t * (1 - t2 / 6 * (1 - t2 / 20 * (1 - t2 / 42 * (1 - t2 / 72 * (1 - t2 / 110)))));
  float c =
      1 - t2 / 2 * (1 - t2 / 12 * (1 - t2 / 30 * (1 - t2 / 56 * (1 - t2 / 90 * (1 - t2 / 132)))));
  /* quadrant q adds q*pi/2: odd q swaps sin and cos, the signs follow */
  int odd = q & 1;
  float a = odd ? c : s, b = odd ? s : c;
  float rs = (q & 2) ? -a : a;
  float rc = ((q ^ (q >> 1)) & 1) ? -b : b;
  *sn = rs;
  *cs = rc;
}

/* Box-Muller on lane pairs (0,1) and (2,3): radius from the first, angle from
 * the second. */
static void to_normal(const uint32_t *bits, float *z) {
  for (int i = 0; i < CHUNK / 2; i++) {
    float r = sqrtf(-2.0f * log_open01(open01(bits[2 * i])));
    float s, c;
    sincos_2pi((float)(bits[2 * i + 1] >> 8) * 0x1p-24f, &s, &c);
    z[2 * i] = r * c;
    z[2 * i + 1] = r * s;
  }
}

void dt_rng_fill(dt_rng *r, dt_tensor *t, dt_dist dist, double lo, double hi, uint32_t first) {
  uint32_t key[2] = {(uint32_t)r->seed, (uint32_t)(r->seed >> 32)};
  uint32_t draw = (uint32_t)r->draw++;
  int64_t nsamp = t->ndim >= 2 ? t->shape[0] : 1;
  int64_t per = nsamp ? t->numel / nsamp : 0;
  int64_t chunks = (per + CHUNK - 1) / CHUNK, units = nsamp * chunks;
  double range = hi - lo + 1;
#pragma omp parallel for schedule(static) if (t->numel >= (1 << 15))
  for (int64_t u = 0; u < units; u++) {
    int64_t s = u / chunks, c = u % chunks;
    uint32_t bits[CHUNK];
    float vals[CHUNK];
    philox_chunk((uint64_t)c * (CHUNK / 4), first + (uint32_t)s, draw, key, bits);
    if (dist == DT_DIST_NORMAL) {
      to_normal(bits, vals);
    } else if (dist == DT_DIST_UNIFORM) {
      for (int i = 0; i < CHUNK; i++)
        vals[i] = (float)(bits[i] >> 8) * 0x1p-24f;
    } else { /* multiply-shift: lo + floor(bits * range / 2^32) */
      for (int i = 0; i < CHUNK; i++)
        vals[i] = (float)(lo + floor((double)bits[i] * range * 0x1p-32));
    }
    int64_t start = c * CHUNK, n = per - start < CHUNK ? per - start : CHUNK;
    memcpy(t->data + s * per + start, vals, (size_t)n * sizeof(float));
  }
}
