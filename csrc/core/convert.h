/* Conversions of raw little-endian file data to float32, and back to the
 * 16-bit formats (round to nearest, ties to even, as torch's .half() and
 * .bfloat16()). */
#ifndef DIFFUSION_CONVERT_H
#define DIFFUSION_CONVERT_H

#include <stdint.h>
#include <string.h>

static inline float dt_half_to_float(uint16_t h) {
  uint32_t sign = (uint32_t)(h & 0x8000) << 16, exp = (h >> 10) & 0x1f, man = h & 0x3ff, bits;
  if (exp == 0x1f) { /* inf, nan (made quiet, as F16C's vcvtph2ps does) */
    bits = sign | 0x7f800000u | (man << 13) | (man ? 0x400000u : 0);
  } else if (exp == 0) {
    if (man == 0) {
      bits = sign;
    } else { /* subnormal half: normalise */
      int e = -1;
      do {
        man <<= 1;
        e++;
      } while (!(man & 0x400));
      bits = sign | (uint32_t)(127 - 15 - e) << 23 | (man & 0x3ff) << 13;
    }
  } else {
    bits = sign | (exp + 127 - 15) << 23 | man << 13;
  }
  float f;
  memcpy(&f, &bits, sizeof f);
  return f;
}

static inline float dt_bf16_to_float(uint16_t h) {
  uint32_t bits = (uint32_t)h << 16;
  float f;
  memcpy(&f, &bits, sizeof f);
  return f;
}

static inline uint16_t dt_float_to_half(float f) {
  uint32_t x;
  memcpy(&x, &f, sizeof x);
  uint32_t sign = (x >> 16) & 0x8000, mag = x & 0x7fffffffu;
  if (mag > 0x7f800000u) /* nan: keep it a quiet nan */
    return (uint16_t)(sign | 0x7e00 | ((mag >> 13) & 0x3ff));
  if (mag >= 0x477ff000u) /* rounds to 65520 or more: inf */
    return (uint16_t)(sign | 0x7c00);
  if (mag < 0x38800000u) { /* below the smallest normal half: a subnormal, or 0 */
    if (mag < 0x33000000u)
      return (uint16_t)sign;
    uint32_t man = (mag & 0x7fffff) | 0x800000;
    int shift = 113 - (int)(mag >> 23) + 13; /* to units of 2^-24 */
    uint32_t q = man >> shift, rest = man & ((1u << shift) - 1), half = 1u << (shift - 1);
    q += rest > half || (rest == half && (q & 1));
    return (uint16_t)(sign | q);
  }
  uint32_t q = (mag - 0x38000000u) >> 13, rest = mag & 0x1fff; /* rebias 127 -> 15 */
  q += rest > 0x1000 || (rest == 0x1000 && (q & 1));
  return (uint16_t)(sign | q);
}

static inline uint16_t dt_float_to_bf16(float f) {
  uint32_t x;
  memcpy(&x, &f, sizeof x);
  if ((x & 0x7fffffffu) > 0x7f800000u)
    return (uint16_t)((x >> 16) | 0x40);
  return (uint16_t)((x + 0x7fffu + ((x >> 16) & 1)) >> 16);
}

static inline uint16_t dt_le16(const unsigned char *p) { return (uint16_t)(p[0] | p[1] << 8); }
static inline uint32_t dt_le32(const unsigned char *p) {
  return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}
static inline uint64_t dt_le64(const unsigned char *p) {
  return (uint64_t)dt_le32(p) | (uint64_t)dt_le32(p + 4) << 32;
}

#endif
