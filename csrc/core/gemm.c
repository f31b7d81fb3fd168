/* The AVX-512 GEMM; see gemm.h. Goto's scheme: a block of B (KC x NC) is
 * packed once into panels of 48 columns and shared by the threads; each
 * thread packs blocks of A (MC x KC) into panels of 8 rows and runs the
 * 8 x 48 register tile (24 zmm accumulators, 3 for B, 1 broadcast) over
 * them. A tile's B panel (KC x 48 floats, 72 KB) and the A block come from
 * L2: measured on a Zen 4, K blocks of 384 beat blocks of 128 whose panel
 * fits L1, since C is read and written once per K block. */
#include "gemm.h"

#include "../cpu/cpu.h"

#if DT_OWN_GEMM

#include <immintrin.h>
#include <omp.h>
#include <pthread.h>
#include <stdlib.h>

#define MR 8  /* rows of the register tile */
#define NR 48 /* columns: three vectors of 16 */
#ifndef KC
#define KC 384 /* the most of K per block */
#endif
#define MC 128  /* rows of A per packed block */
#define NC 3072 /* columns of B per packed block */

/* Each thread's packed blocks of A and B, allocated once per thread at the
 * fixed block sizes (a per-call buffer costs page faults on every GEMM) and
 * freed when the thread ends (OpenMP replaces its workers when the thread
 * count changes). Thread-specific keys rather than _Thread_local: the leak
 * checker's scan of a dlopen'ed module's TLS crashed on the latter. */
typedef struct {
  float *a, *b;
} buffers;

static pthread_key_t buffers_key;
static pthread_once_t buffers_once = PTHREAD_ONCE_INIT;

static void free_buffers(void *p) {
  buffers *bufs = p;
  free(bufs->a);
  free(bufs->b);
  free(bufs);
}

static void make_key(void) {
  if (pthread_key_create(&buffers_key, free_buffers) != 0)
    abort();
}

/* This thread's buffers (4.9 MB); abort where they cannot be had, once per thread. */
static buffers *thread_buffers(void) {
  pthread_once(&buffers_once, make_key);
  buffers *bufs = pthread_getspecific(buffers_key);
  if (bufs)
    return bufs;
  bufs = malloc(sizeof *bufs);
  if (!bufs)
    abort();
  bufs->a = aligned_alloc(64, sizeof(float) * MC * KC);
  bufs->b = aligned_alloc(64, sizeof(float) * KC * NC);
  if (!bufs->a || !bufs->b || pthread_setspecific(buffers_key, bufs) != 0)
    abort();
  return bufs;
}

/* op(A)[rows i0.., columns p0..] into panels of MR rows: panel r holds, for
 * each of the kc columns, its MR rows side by side (zero past m). */
static void pack_a(float *dst, int trans, const float *a, int64_t lda, int64_t i0, int64_t mc,
                   int64_t p0, int64_t kc) {
  for (int64_t r = 0; r < mc; r += MR, dst += MR * kc) {
    int rows = mc - r < MR ? (int)(mc - r) : MR;
    for (int64_t p = 0; p < kc; p++)
      for (int q = 0; q < MR; q++) {
        int64_t i = i0 + r + q, j = p0 + p;
        dst[p * MR + q] = q >= rows ? 0.0f : trans ? a[j * lda + i] : a[i * lda + j];
      }
  }
}

/* op(B)[rows p0.., columns j0..] into panels of NR columns: panel s holds
 * the kc rows of its NR columns (zero past n). */
static void pack_b_panel(float *dst, int trans, const float *b, int64_t ldb, int64_t p0, int64_t kc,
                         int64_t j0, int cols) {
  if (!trans) {
    __mmask16 m0 = (__mmask16)(cols >= 16 ? 0xffff : (1u << cols) - 1);
    __mmask16 m1 = (__mmask16)(cols >= 32 ? 0xffff : cols <= 16 ? 0 : (1u << (cols - 16)) - 1);
    __mmask16 m2 = (__mmask16)(cols >= 48 ? 0xffff : cols <= 32 ? 0 : (1u << (cols - 32)) - 1);
    for (int64_t p = 0; p < kc; p++) {
      const float *src = b + (p0 + p) * ldb + j0;
      _mm512_store_ps(dst + p * NR, _mm512_maskz_loadu_ps(m0, src));
      _mm512_store_ps(dst + p * NR + 16, _mm512_maskz_loadu_ps(m1, src + 16));
      _mm512_store_ps(dst + p * NR + 32, _mm512_maskz_loadu_ps(m2, src + 32));
    }
    return;
  }
  for (int q = 0; q < NR; q++) {
    if (q >= cols) {
      for (int64_t p = 0; p < kc; p++)
        dst[p * NR + q] = 0.0f;
      continue;
    }
    const float *src = b + (j0 + q) * ldb + p0;
    for (int64_t p = 0; p < kc; p++)
      dst[p * NR + q] = src[p];
  }
}

#define FMA_ROW(r)                                                                                 \
  do {                                                                                             \
    if ((r) < live) {                                                                              \
      __m512 ar = _mm512_set1_ps(a[r]);                                                            \
      __asm__("" : "+v"(ar)); /* one broadcast load for three FMAs, not one each */                \
      c##r##0 = _mm512_fmadd_ps(ar, b0, c##r##0);                                                  \
      if (nvec > 1)                                                                                \
        c##r##1 = _mm512_fmadd_ps(ar, b1, c##r##1);                                                \
      if (nvec > 2)                                                                                \
        c##r##2 = _mm512_fmadd_ps(ar, b2, c##r##2);                                                \
    }                                                                                              \
  } while (0)

/* C = alpha acc + beta C where beta_c is set, else C = alpha acc; beta 0
 * never reads C (it may hold anything, NaN included). */
static inline __attribute__((always_inline)) void store(float *c, __m512 acc, __mmask16 mask,
                                                        __m512 alpha, __m512 beta, int add) {
  __m512 v = _mm512_mul_ps(acc, alpha);
  if (add)
    v = _mm512_fmadd_ps(_mm512_maskz_loadu_ps(mask, c), beta, v);
  _mm512_mask_storeu_ps(c, mask, v);
}

#define STORE_ROW(r)                                                                               \
  do {                                                                                             \
    if ((r) < live) {                                                                              \
      float *cr = c + (r)*ldc;                                                                     \
      store(cr, c##r##0, nvec == 1 ? last : 0xffff, va, vb, add);                                  \
      if (nvec > 1)                                                                                \
        store(cr + 16, c##r##1, nvec == 2 ? last : 0xffff, va, vb, add);                           \
      if (nvec > 2)                                                                                \
        store(cr + 32, c##r##2, last, va, vb, add);                                                \
    }                                                                                              \
  } while (0)

/* The 24 accumulators of a tile, and their stores into C. */
#define ACCUMULATORS                                                                               \
  __m512 c00 = _mm512_setzero_ps(), c01 = c00, c02 = c00, c10 = c00, c11 = c00, c12 = c00;         \
  __m512 c20 = c00, c21 = c00, c22 = c00, c30 = c00, c31 = c00, c32 = c00;                         \
  __m512 c40 = c00, c41 = c00, c42 = c00, c50 = c00, c51 = c00, c52 = c00;                         \
  __m512 c60 = c00, c61 = c00, c62 = c00, c70 = c00, c71 = c00, c72 = c00

#define STORE_ROWS                                                                                 \
  do {                                                                                             \
    __m512 va = _mm512_set1_ps(alpha), vb = _mm512_set1_ps(beta);                                  \
    STORE_ROW(0);                                                                                  \
    STORE_ROW(1);                                                                                  \
    STORE_ROW(2);                                                                                  \
    STORE_ROW(3);                                                                                  \
    STORE_ROW(4);                                                                                  \
    STORE_ROW(5);                                                                                  \
    STORE_ROW(6);                                                                                  \
    STORE_ROW(7);                                                                                  \
  } while (0)

/* The register tile: live rows (1..8) by nvec vectors (1..3), the last one
 * masked to the columns C has. Inlined with constant live and nvec, the
 * accumulators not used vanish; named one by one so that they stay in
 * registers. */
static inline __attribute__((always_inline)) void tile(int64_t kc, const float *a, const float *b,
                                                       float *c, int64_t ldc, int live, int nvec,
                                                       __mmask16 last, float alpha, float beta,
                                                       int add) {
  ACCUMULATORS;
  for (int64_t p = 0; p < kc; p++, a += MR, b += NR) {
    __m512 b0 = _mm512_load_ps(b);
    __m512 b1 = nvec > 1 ? _mm512_load_ps(b + 16) : b0;
    __m512 b2 = nvec > 2 ? _mm512_load_ps(b + 32) : b0;
    FMA_ROW(0);
    FMA_ROW(1);
    FMA_ROW(2);
    FMA_ROW(3);
    FMA_ROW(4);
    FMA_ROW(5);
    FMA_ROW(6);
    FMA_ROW(7);
  }
  STORE_ROWS;
}

/* case n of tile_any: fn (tile or tile_bf16) inlined with n rows, nvec constant */
#define TILE_ROWS(fn, n)                                                                           \
  case n:                                                                                          \
    if (nvec == 3)                                                                                 \
      fn(kc, a, b, c, ldc, n, 3, last, alpha, beta, add);                                          \
    else if (nvec == 2)                                                                            \
      fn(kc, a, b, c, ldc, n, 2, last, alpha, beta, add);                                          \
    else                                                                                           \
      fn(kc, a, b, c, ldc, n, 1, last, alpha, beta, add);                                          \
    break

#define TILE_CASES(fn)                                                                             \
  TILE_ROWS(fn, 8);                                                                                \
  TILE_ROWS(fn, 7);                                                                                \
  TILE_ROWS(fn, 6);                                                                                \
  TILE_ROWS(fn, 5);                                                                                \
  TILE_ROWS(fn, 4);                                                                                \
  TILE_ROWS(fn, 3);                                                                                \
  TILE_ROWS(fn, 2);                                                                                \
  TILE_ROWS(fn, 1)

static void tile_any(int64_t kc, const float *a, const float *b, float *c, int64_t ldc, int rows,
                     int cols, float alpha, float beta, int add) {
  int nvec = (cols + 15) / 16;
  __mmask16 last = (__mmask16)(cols % 16 ? (1u << (cols % 16)) - 1 : 0xffff);
  switch (rows) {
    TILE_CASES(tile);
  default: break;
  }
}

/* BF16 products (dt_gemm_set_bf16): both operands rounded to bfloat16 while
 * packed, two k at a time in each 32-bit word (k even in the low half), and
 * multiplied by vdpbf16ps, which adds the two exact products of a word into
 * a float32 lane: twice the multiply-adds of an FMA per instruction. The
 * words of A and B take the places of A's and B's floats in the packed
 * panels, (kc + 1) / 2 per row or column (an odd kc's last word has a zero
 * high half). */
#define BF16 __attribute__((target("avx512bf16")))

static int products_bf16; /* set from Lua between GEMMs, read by every GEMM */

/* dt_float_to_bf16 (convert.h) in 16 lanes, the result in each lane's high half: round
 * to nearest even, NaN kept quiet. */
static inline __attribute__((always_inline)) __m512i bf16_high(__m512 x) {
  __m512i u = _mm512_castps_si512(x);
  __m512i odd = _mm512_and_si512(_mm512_srli_epi32(u, 16), _mm512_set1_epi32(1));
  __m512i rounded = _mm512_add_epi32(_mm512_add_epi32(u, _mm512_set1_epi32(0x7fff)), odd);
  __mmask16 nan = _mm512_cmp_ps_mask(x, x, _CMP_UNORD_Q);
  return _mm512_mask_or_epi32(rounded, nan, u, _mm512_set1_epi32(0x00400000));
}

/* kc consecutive floats as (kc + 1) / 2 words (an odd kc's last high half
 * zero): 16 floats a step, rounded in the high halves, their high halves
 * narrowed to 16 bits side by side (vpmovdw), which pairs them up. */
static void words_of_run(uint32_t *dst, const float *src, int64_t kc) {
  for (int64_t p = 0; p < kc; p += 16, dst += 8) {
    int64_t left = kc - p;
    __mmask16 m = (__mmask16)(left >= 16 ? 0xffff : (1u << left) - 1);
    __m512i r = _mm512_srli_epi32(bf16_high(_mm512_maskz_loadu_ps(m, src + p)), 16);
    __m256i w = _mm512_cvtepi32_epi16(r);
    int words = left >= 16 ? 8 : (int)(left + 1) / 2;
    _mm256_mask_storeu_epi32(dst, (__mmask8)((1u << words) - 1), w);
  }
}

/* Words from the same lanes of two runs of floats: lo's bfloat16 in the low
 * halves, hi's in the high. */
static inline __attribute__((always_inline)) __m512i words_of_pair(__m512 lo, __m512 hi) {
  __m512i low = _mm512_set1_epi32(0xffff);
  return _mm512_or_si512(_mm512_and_si512(_mm512_srli_epi32(bf16_high(lo), 16), low),
                         _mm512_andnot_si512(low, bf16_high(hi)));
}

/* Interleaves n runs of kw words (run q at runs + q * KC / 2) into dst[w *
 * stride + q], zero for the runs from `live` to n. */
static void interleave(uint32_t *dst, const uint32_t *runs, int live, int n, int64_t kw,
                       int stride) {
  for (int64_t w = 0; w < kw; w++)
    for (int q = 0; q < n; q++)
      dst[w * stride + q] = q < live ? runs[q * (KC / 2) + w] : 0u;
}

/* pack_a in words: panel r holds, for each pair of the kc columns, its MR
 * rows' words side by side. */
static void pack_a_bf16(uint32_t *dst, int trans, const float *a, int64_t lda, int64_t i0,
                        int64_t mc, int64_t p0, int64_t kc) {
  int64_t kw = (kc + 1) / 2;
  for (int64_t r = 0; r < mc; r += MR, dst += MR * kw) {
    int rows = mc - r < MR ? (int)(mc - r) : MR;
    if (trans) { /* a row of a holds the panel's rows side by side */
      __mmask16 m = (__mmask16)((1u << rows) - 1);
      for (int64_t w = 0; w < kw; w++) {
        const float *lo = a + (p0 + 2 * w) * lda + i0 + r;
        __m512i words = words_of_pair(_mm512_maskz_loadu_ps(m, lo),
                                      _mm512_maskz_loadu_ps(2 * w + 1 < kc ? m : 0, lo + lda));
        _mm256_storeu_si256((__m256i *)(dst + w * MR), _mm512_castsi512_si256(words));
      }
      continue;
    }
    uint32_t runs[MR * KC / 2];
    for (int q = 0; q < rows; q++)
      words_of_run(runs + q * (KC / 2), a + (i0 + r + q) * lda + p0, kc);
    interleave(dst, runs, rows, MR, kw, MR);
  }
}

/* pack_b_panel in words: for each pair of the kc rows, the NR columns'
 * words. */
static void pack_b_panel_bf16(uint32_t *dst, int trans, const float *b, int64_t ldb, int64_t p0,
                              int64_t kc, int64_t j0, int cols) {
  int64_t kw = (kc + 1) / 2;
  if (trans) { /* a row of b holds a column's k side by side */
    uint32_t runs[NR * KC / 2];
    for (int q = 0; q < cols; q++)
      words_of_run(runs + q * (KC / 2), b + (j0 + q) * ldb + p0, kc);
    interleave(dst, runs, cols, NR, kw, NR);
    return;
  }
  for (int64_t w = 0; w < kw; w++) {
    const float *lo = b + (p0 + 2 * w) * ldb + j0, *hi = lo + ldb;
    for (int v = 0; v < NR / 16; v++) {
      int left = cols - 16 * v;
      __mmask16 m = (__mmask16)(left >= 16 ? 0xffff : left <= 0 ? 0 : (1u << left) - 1);
      __mmask16 mh = 2 * w + 1 < kc ? m : 0;
      _mm512_store_si512(dst + w * NR + 16 * v,
                         words_of_pair(_mm512_maskz_loadu_ps(m, lo + 16 * v),
                                       _mm512_maskz_loadu_ps(mh, hi + 16 * v)));
    }
  }
}

#define DOT_ROW(r)                                                                                 \
  do {                                                                                             \
    if ((r) < live) {                                                                              \
      __m512i ar = _mm512_set1_epi32((int)a[r]);                                                   \
      __asm__("" : "+v"(ar));                                                                      \
      c##r##0 = _mm512_dpbf16_ps(c##r##0, (__m512bh)ar, (__m512bh)b0);                             \
      if (nvec > 1)                                                                                \
        c##r##1 = _mm512_dpbf16_ps(c##r##1, (__m512bh)ar, (__m512bh)b1);                           \
      if (nvec > 2)                                                                                \
        c##r##2 = _mm512_dpbf16_ps(c##r##2, (__m512bh)ar, (__m512bh)b2);                           \
    }                                                                                              \
  } while (0)

/* tile with words: kw pairs of k. */
static inline __attribute__((always_inline)) BF16 void
tile_bf16(int64_t kw, const uint32_t *a, const uint32_t *b, float *c, int64_t ldc, int live,
          int nvec, __mmask16 last, float alpha, float beta, int add) {
  ACCUMULATORS;
  for (int64_t p = 0; p < kw; p++, a += MR, b += NR) {
    __m512i b0 = _mm512_load_si512(b);
    __m512i b1 = nvec > 1 ? _mm512_load_si512(b + 16) : b0;
    __m512i b2 = nvec > 2 ? _mm512_load_si512(b + 32) : b0;
    DOT_ROW(0);
    DOT_ROW(1);
    DOT_ROW(2);
    DOT_ROW(3);
    DOT_ROW(4);
    DOT_ROW(5);
    DOT_ROW(6);
    DOT_ROW(7);
  }
  STORE_ROWS;
}

static BF16 void tile_any_bf16(int64_t kc, const uint32_t *a, const uint32_t *b, float *c,
                               int64_t ldc, int rows, int cols, float alpha, float beta, int add) {
  /* kc: pairs of k here (the words per packed row) */
  int nvec = (cols + 15) / 16;
  __mmask16 last = (__mmask16)(cols % 16 ? (1u << (cols % 16)) - 1 : 0xffff);
  switch (rows) {
    TILE_CASES(tile_bf16);
  default: break;
  }
}

int dt_gemm_bf16_supported(void) { return dt_gemm_bf16_cpu(); }

void dt_gemm_set_bf16(int on) { products_bf16 = on; }
int dt_gemm_bf16(void) { return products_bf16; }

typedef struct {
  int trans_a, bf16;
  int64_t m, n, lda;
  const float *a;
  float alpha, beta, *c;
  int64_t ldc;
} gemm_call;

/* C[rows i0.. (mc), columns j0.. (nb)] from the packed B block (whose
 * column jb0 is C's column j0) and A packed for rows i0.. by this thread.
 * first: the first block of K (C = alpha AB + beta C), else C += alpha AB. */
static void run_block(const gemm_call *g, const float *pa, const float *pb, int64_t jb0, int64_t i0,
                      int64_t mc, int64_t j0, int64_t nb, int64_t kc, int first) {
  float beta = first ? g->beta : 1.0f;
  int add = !first || g->beta != 0.0f;
  int64_t kw = g->bf16 ? (kc + 1) / 2 : kc; /* 32-bit units per packed row or column */
  for (int64_t j = 0; j < nb; j += NR) {
    int cols = nb - j < NR ? (int)(nb - j) : NR;
    const float *bp = pb + (jb0 + j) / NR * NR * kw;
    for (int64_t i = 0; i < mc; i += MR) {
      int rows = mc - i < MR ? (int)(mc - i) : MR;
      const float *ap = pa + i / MR * MR * kw;
      float *cp = g->c + (i0 + i) * g->ldc + j0 + j;
      if (g->bf16)
        tile_any_bf16(kw, (const uint32_t *)ap, (const uint32_t *)bp, cp, g->ldc, rows, cols,
                      g->alpha, beta, add);
      else
        tile_any(kc, ap, bp, cp, g->ldc, rows, cols, g->alpha, beta, add);
    }
  }
}

/* The whole product by thread t of nt (t = 0, nt = 1: serially); the units
 * of work are split by position, and the threads meet at a barrier after
 * packing a block of B and before packing the next. */
static void product(const gemm_call *g, int trans_b, int64_t k, const float *b, int64_t ldb,
                    float *pb, int t, int nt) {
  /* K in equal blocks of at most KC: the blocking depends on k alone. */
  int64_t kblocks = (k + KC - 1) / KC, kstep = (k + kblocks - 1) / kblocks;
  int64_t m = g->m, n = g->n;
  int64_t mblocks = (m + MC - 1) / MC, mstep = ((m + mblocks - 1) / mblocks + MR - 1) / MR * MR;
  float *pa = thread_buffers()->a;
  for (int64_t j0 = 0; j0 < n; j0 += NC) {
    int64_t nc = n - j0 < NC ? n - j0 : NC, bpanels = (nc + NR - 1) / NR;
    for (int64_t p0 = 0; p0 < k; p0 += kstep) {
      int64_t kc = k - p0 < kstep ? k - p0 : kstep;
      if (nt > 1) {
#pragma omp barrier
      }
      for (int64_t s = bpanels * t / nt; s < bpanels * (t + 1) / nt; s++) {
        int64_t col = s * NR;
        int cols = nc - col < NR ? (int)(nc - col) : NR;
        if (g->bf16)
          pack_b_panel_bf16((uint32_t *)pb + s * NR * ((kc + 1) / 2), trans_b, b, ldb, p0, kc,
                            j0 + col, cols);
        else
          pack_b_panel(pb + s * NR * kc, trans_b, b, ldb, p0, kc, j0 + col, cols);
      }
      if (nt > 1) {
#pragma omp barrier
      }
      /* Units of work: (block of A rows, panel of B), rows outermost so a
       * thread's consecutive units share the A block it packed; the row
       * blocks of equal height, so that equal counts of units are equal
       * work. */
      int64_t units = mblocks * bpanels, packed_i0 = -1;
      for (int64_t u = units * t / nt; u < units * (t + 1) / nt; u++) {
        int64_t i0 = u / bpanels * mstep, mc = m - i0 < mstep ? m - i0 : mstep;
        int64_t jb = u % bpanels * NR, nb = nc - jb < NR ? nc - jb : NR;
        if (i0 != packed_i0) {
          if (g->bf16)
            pack_a_bf16((uint32_t *)pa, g->trans_a, g->a, g->lda, i0, mc, p0, kc);
          else
            pack_a(pa, g->trans_a, g->a, g->lda, i0, mc, p0, kc);
          packed_i0 = i0;
        }
        run_block(g, pa, pb, jb, i0, mc, j0 + jb, nb, kc, p0 == 0);
      }
    }
  }
}

void dt_gemm_f32(int serial, int trans_a, int trans_b, int64_t m, int64_t n, int64_t k, float alpha,
                 const float *a, int64_t lda, const float *b, int64_t ldb, float beta, float *c,
                 int64_t ldc) {
  if (m == 0 || n == 0)
    return;
  if (k == 0) {
    for (int64_t i = 0; i < m; i++)
      for (int64_t j = 0; j < n; j++)
        c[i * ldc + j] = beta == 0.0f ? 0.0f : beta * c[i * ldc + j];
    return;
  }
  gemm_call g = {trans_a, products_bf16, m, n, lda, a, alpha, beta, c, ldc};
  float *pb = thread_buffers()->b; /* the calling thread's, shared by the team */
  /* Threads only where there is work for them: an OpenMP region costs
   * microseconds, a GEMM of 64 x 64 x 64 less than that. */
  if (serial || omp_get_max_threads() == 1 || m * n * k < (int64_t)1 << 18) {
    product(&g, trans_b, k, b, ldb, pb, 0, 1);
    return;
  }
#pragma omp parallel
  product(&g, trans_b, k, b, ldb, pb, omp_get_thread_num(), omp_get_num_threads());
}

#else

/* the other builds multiply through OpenBLAS, in float32 only */
int dt_gemm_bf16_supported(void) { return 0; }
void dt_gemm_set_bf16(int on) { (void)on; }
int dt_gemm_bf16(void) { return 0; }

#endif

int dt_gemm_bf16_cpu(void) {
  dt_cpu_features f;
  dt_cpu_detect(&f);
  return f.avx512bf16;
}
