/* A small GEMM for products whose operands we lay out ourselves (the
 * Winograd convolutions, attention's heads): A is packed once into panels
 * of 6 rows, B is written by its producer in blocks of 16 columns, so no
 * call packs anything. OpenBLAS packs both operands on every call, which on
 * the Winograd products (many GEMMs of a few dozen columns each) cost as
 * much as the arithmetic it saved.
 *
 * Every element of C is one chain of multiply-adds over k = 0, 1, ... (one
 * lane of an FMA chain on AVX2), so its value does not depend on which
 * block, lane or thread computed it. */
#ifndef DIFFUSION_PANEL_GEMM_H
#define DIFFUSION_PANEL_GEMM_H

#include <stddef.h>
#include <stdint.h>

#define DT_PANEL_ROWS 6     /* rows of A (and C) per kernel call */
#define DT_BLOCK_COLUMNS 16 /* columns of B (and C) per block */

/* Floats of A (m x k) packed: m rounded up to 6 rows, the extra rows zero. */
size_t dt_panel_size(int64_t m, int64_t k);
/* Packs a (m x k, row stride lda) into panels: panel p holds rows 6p..6p+5
 * as k groups of 6 (row-interleaved). */
void dt_panel_pack(float *panels, const float *a, int64_t m, int64_t k, int64_t lda);

/* The same for A = a^T, a (k x m, row stride lda): panels from columns. */
void dt_panel_pack_t(float *panels, const float *a, int64_t m, int64_t k, int64_t lda);

/* B (k x n, n a multiple of 4) in column blocks: block j holds columns
 * 16j .. 16j + w - 1 (w = 16, or what is left of n) as k rows of w floats,
 * and starts at 16 j k. The offset of element (row, col): */
static inline int64_t dt_block_offset(int64_t k, int64_t n, int64_t row, int64_t col) {
  int64_t first = col - col % DT_BLOCK_COLUMNS, w = n - first;
  if (w > DT_BLOCK_COLUMNS)
    w = DT_BLOCK_COLUMNS;
  return first * k + row * w + col % DT_BLOCK_COLUMNS;
}

/* C (m x n, row stride ldc) = A B, A from dt_panel_pack, B in column blocks. */
void dt_panel_gemm(int64_t m, int64_t n, int64_t k, const float *panels, const float *blocks,
                   float *c, int64_t ldc);

#endif
