/* The packed-panel GEMM; see panel_gemm.h. */
#include "panel_gemm.h"

#include <string.h>

#if defined(__AVX2__) && defined(__FMA__)
#include <immintrin.h>
#endif

size_t dt_panel_size(int64_t m, int64_t k) {
  int64_t panels = (m + DT_PANEL_ROWS - 1) / DT_PANEL_ROWS;
  return (size_t)(panels * DT_PANEL_ROWS * k);
}

void dt_panel_pack(float *panels, const float *a, int64_t m, int64_t k, int64_t lda) {
  int64_t np = (m + DT_PANEL_ROWS - 1) / DT_PANEL_ROWS;
  for (int64_t p = 0; p < np; p++) {
    float *dst = panels + p * DT_PANEL_ROWS * k;
    for (int r = 0; r < DT_PANEL_ROWS; r++) {
      int64_t row = p * DT_PANEL_ROWS + r;
      for (int64_t i = 0; i < k; i++)
        dst[i * DT_PANEL_ROWS + r] = row < m ? a[row * lda + i] : 0.0f;
    }
  }
}

void dt_panel_pack_t(float *panels, const float *a, int64_t m, int64_t k, int64_t lda) {
  int64_t np = (m + DT_PANEL_ROWS - 1) / DT_PANEL_ROWS;
  for (int64_t p = 0; p < np; p++) {
    float *dst = panels + p * DT_PANEL_ROWS * k;
    int64_t rows = m - p * DT_PANEL_ROWS < DT_PANEL_ROWS ? m - p * DT_PANEL_ROWS : DT_PANEL_ROWS;
    for (int64_t i = 0; i < k; i++) { /* A's rows 6p.. are a's columns: six neighbours in row i */
      const float *src = a + i * lda + p * DT_PANEL_ROWS;
      for (int r = 0; r < DT_PANEL_ROWS; r++)
        dst[i * DT_PANEL_ROWS + r] = r < rows ? src[r] : 0.0f;
    }
  }
}

#if defined(__AVX2__) && defined(__FMA__)

/* One row of the kernel: C row r += A[i][r] * B row i, over the wide
 * (8-float) and narrow (4-float) parts of the block; rows from `live` on
 * are a partial panel's zero padding, left out. */
#define KERNEL_ROW(r, y0, y1, x)                                                                   \
  do {                                                                                             \
    if ((r) >= live)                                                                               \
      break;                                                                                       \
    __m256 ar = _mm256_broadcast_ss(a + (r));                                                      \
    if (wide > 0)                                                                                  \
      y0 = _mm256_fmadd_ps(ar, b0, y0);                                                            \
    if (wide > 1)                                                                                  \
      y1 = _mm256_fmadd_ps(ar, b1, y1);                                                            \
    if (narrow)                                                                                    \
      x = _mm_fmadd_ps(_mm256_castps256_ps128(ar), b2, x);                                         \
  } while (0)

#define STORE_ROW(r, y0, y1, x)                                                                    \
  do {                                                                                             \
    if (rows > (r)) {                                                                              \
      float *cr = c + (r)*ldc;                                                                     \
      if (wide > 0)                                                                                \
        _mm256_storeu_ps(cr, y0);                                                                  \
      if (wide > 1)                                                                                \
        _mm256_storeu_ps(cr + 8, y1);                                                              \
      if (narrow)                                                                                  \
        _mm_storeu_ps(cr + 8 * wide, x);                                                           \
    }                                                                                              \
  } while (0)

/* C (rows x w) = A panel (k x 6) B block (k x w, w = 8 wide + 4 narrow):
 * 6 x 2 ymm accumulators at w = 16, 6 ymm + 6 xmm at 12. Inlined with
 * constant wide / narrow / live, the unused accumulators vanish and the rest
 * stay in registers (16 on AVX2: 12 accumulators, 2 B vectors, 1 broadcast);
 * named one by one because an array of them was kept in memory. live (2, 4
 * or 6 >= rows): the rows multiplied, so a partial panel (the last 2 of 32
 * output channels, the last 4 of 16 channels of a head) skips its padding. */
static inline __attribute__((always_inline)) void kernel(int64_t k, const float *a, const float *b,
                                                         float *c, int64_t ldc, int rows, int wide,
                                                         int narrow, int live) {
  const int w = 8 * wide + 4 * narrow;
  __m256 y00 = _mm256_setzero_ps(), y01 = y00, y10 = y00, y11 = y00, y20 = y00, y21 = y00;
  __m256 y30 = y00, y31 = y00, y40 = y00, y41 = y00, y50 = y00, y51 = y00;
  __m128 x0 = _mm_setzero_ps(), x1 = x0, x2 = x0, x3 = x0, x4 = x0, x5 = x0;
  for (int64_t i = 0; i < k; i++, a += DT_PANEL_ROWS, b += w) {
    __m256 b0 = wide > 0 ? _mm256_loadu_ps(b) : _mm256_setzero_ps();
    __m256 b1 = wide > 1 ? _mm256_loadu_ps(b + 8) : _mm256_setzero_ps();
    __m128 b2 = narrow ? _mm_loadu_ps(b + 8 * wide) : _mm_setzero_ps();
    KERNEL_ROW(0, y00, y01, x0);
    KERNEL_ROW(1, y10, y11, x1);
    KERNEL_ROW(2, y20, y21, x2);
    KERNEL_ROW(3, y30, y31, x3);
    KERNEL_ROW(4, y40, y41, x4);
    KERNEL_ROW(5, y50, y51, x5);
  }
  STORE_ROW(0, y00, y01, x0);
  STORE_ROW(1, y10, y11, x1);
  STORE_ROW(2, y20, y21, x2);
  STORE_ROW(3, y30, y31, x3);
  STORE_ROW(4, y40, y41, x4);
  STORE_ROW(5, y50, y51, x5);
}

static inline __attribute__((always_inline)) void block_width(int64_t k, const float *a,
                                                              const float *b, float *c, int64_t ldc,
                                                              int rows, int64_t w, int live) {
  switch (w) {
  case 16: kernel(k, a, b, c, ldc, rows, 2, 0, live); break;
  case 12: kernel(k, a, b, c, ldc, rows, 1, 1, live); break;
  case 8: kernel(k, a, b, c, ldc, rows, 1, 0, live); break;
  default: kernel(k, a, b, c, ldc, rows, 0, 1, live); break;
  }
}

static void block_product(int64_t k, const float *a, const float *b, float *c, int64_t ldc,
                          int rows, int64_t w) {
  if (rows > 4)
    block_width(k, a, b, c, ldc, rows, w, 6);
  else if (rows > 2)
    block_width(k, a, b, c, ldc, rows, w, 4);
  else
    block_width(k, a, b, c, ldc, rows, w, 2);
}

#else

/* Portable form of the same sums, in the same order (where the compiler has
 * no FMA instruction, a multiply and an add). */
static void block_product(int64_t k, const float *a, const float *b, float *c, int64_t ldc,
                          int rows, int64_t w) {
  for (int r = 0; r < rows; r++)
    for (int64_t j = 0; j < w; j++) {
      float s = 0.0f;
      for (int64_t i = 0; i < k; i++)
        s += a[i * DT_PANEL_ROWS + r] * b[i * w + j];
      c[r * ldc + j] = s;
    }
}

#endif

/* Column blocks outermost: a block of B (k x 16, 16 KB at k = 256) stays in
 * L1 while the panels of A stream past it. */
void dt_panel_gemm(int64_t m, int64_t n, int64_t k, const float *panels, const float *blocks,
                   float *c, int64_t ldc) {
  int64_t np = (m + DT_PANEL_ROWS - 1) / DT_PANEL_ROWS;
  for (int64_t j = 0; j < n; j += DT_BLOCK_COLUMNS) {
    int64_t w = n - j < DT_BLOCK_COLUMNS ? n - j : DT_BLOCK_COLUMNS;
    for (int64_t p = 0; p < np; p++) {
      int64_t left = m - p * DT_PANEL_ROWS;
      block_product(k, panels + p * DT_PANEL_ROWS * k, blocks + j * k,
                    c + p * DT_PANEL_ROWS * ldc + j, ldc,
                    left < DT_PANEL_ROWS ? (int)left : DT_PANEL_ROWS, w);
    }
  }
}
