/* Philox4x32-10 counter-based random numbers (Salmon et al., SC'11).
 *
 * Every value is a pure function of (seed, draw, sample, element): the key is
 * the 64-bit seed, and the 128-bit counter is
 *   c0, c1 = block index within the sample (element / 4), c2 = sample index
 *   (position along dim 1), c3 = draw number (how many fills the generator
 *   has made before this one).
 * So sample i of a batch is the same whatever the batch size or thread count. */
#ifndef DIFFUSION_RNG_H
#define DIFFUSION_RNG_H

#include <stdint.h>

#include "tensor.h"

typedef struct {
  uint64_t seed;
  uint64_t draw; /* incremented by every fill */
} dt_rng;

void dt_philox4x32_10(const uint32_t ctr[4], const uint32_t key[2], uint32_t out[4]);

typedef enum { DT_DIST_NORMAL, DT_DIST_UNIFORM, DT_DIST_INT } dt_dist;

/* Fills t with the next draw. DT_DIST_INT gives integers in [lo, hi]. A
 * tensor with two or more dims counts its first dim as samples, numbered
 * from `first`: rows [first, first + n) of a larger draw, which is how one
 * process of several draws its share. first + n must stay below 2^32. */
void dt_rng_fill(dt_rng *r, dt_tensor *t, dt_dist dist, double lo, double hi, uint32_t first);

#endif
