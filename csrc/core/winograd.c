/* 3x3, stride 1, padding 1 convolutions by Winograd's minimal filtering
 * (Lavin and Gray 2016), F(2x2, 3x3) and F(4x4, 3x3); see nn.h.
 *
 * Per sample: each output tile of tile x tile pixels reads an a x a input
 * tile (a = tile + 2); V = B^T d B transforms it, the a^2 elements of V are
 * a^2 independent products M = U V over the channels (U = G g G^T, made
 * once), and Y = A^T M A gives the outputs. F(2x2) multiplies 4 times per
 * output and channel pair, F(4x4) 2.25 times, the direct form 9 times.
 *
 * The products go through panel_gemm: U is packed once into its panels and
 * the input transform writes V straight into the kernel's column blocks, so
 * nothing is packed per call. */
#include "nn.h"
#include "panel_gemm.h"

#include <omp.h>
#include <string.h>

/* ---- the 1-D transforms, each over arrays ----
 *
 * F(4x4) interpolates at 0, 1, -1, 1/2, -2 (and infinity) rather than at
 * Lavin's 0, +-1, +-2: about 40% less rounding error in float32 for the same
 * work (Barabasz et al. 2020, measured here in NumPy on 64-channel tiles:
 * mean max relative error 1.4e-6 against 2.3e-6). The rows are scaled by
 * powers of two (exact) to integer entries, G taking the inverse scale. */

/* B^T d, B^T = [1 0 -1 0; 0 1 1 0; 0 -1 1 0; 0 1 0 -1] */
static void bt2(const float *const *d, float *const *o, int64_t n) {
  const float *d0 = d[0], *d1 = d[1], *d2 = d[2], *d3 = d[3];
  float *o0 = o[0], *o1 = o[1], *o2 = o[2], *o3 = o[3];
#pragma omp simd
  for (int64_t i = 0; i < n; i++) {
    float e0 = d0[i], e1 = d1[i], e2 = d2[i], e3 = d3[i];
    o0[i] = e0 - e2;
    o1[i] = e1 + e2;
    o2[i] = e2 - e1;
    o3[i] = e1 - e3;
  }
}

/* B^T d, B^T = [2 -3 -4 3 2 0; 0 -2 1 5 2 0; 0 2 -5 1 2 0;
 *               0 -2 -1 2 1 0; 0 1 -2 -1 2 0; 0 2 -3 -4 3 2] */
static void bt4(const float *const *d, float *const *o, int64_t n) {
  const float *d0 = d[0], *d1 = d[1], *d2 = d[2], *d3 = d[3], *d4 = d[4], *d5 = d[5];
  float *o0 = o[0], *o1 = o[1], *o2 = o[2], *o3 = o[3], *o4 = o[4], *o5 = o[5];
#pragma omp simd
  for (int64_t i = 0; i < n; i++) {
    float e0 = d0[i], e1 = d1[i], e2 = d2[i], e3 = d3[i], e4 = d4[i], e5 = d5[i];
    o0[i] = 2.0f * (e0 + e4) + 3.0f * (e3 - e1) - 4.0f * e2;
    o1[i] = 2.0f * (e4 - e1) + e2 + 5.0f * e3;
    o2[i] = 2.0f * (e1 + e4) - 5.0f * e2 + e3;
    o3[i] = 2.0f * (e3 - e1) + (e4 - e2);
    o4[i] = 2.0f * (e4 - e2) + (e1 - e3);
    o5[i] = 2.0f * (e1 + e5) + 3.0f * (e4 - e2) - 4.0f * e3;
  }
}

/* A^T m, A^T = [1 1 1 0; 0 1 -1 -1] */
static void at2(const float *const *m, float *const *o, int64_t n) {
  const float *m0 = m[0], *m1 = m[1], *m2 = m[2], *m3 = m[3];
  float *o0 = o[0], *o1 = o[1];
#pragma omp simd
  for (int64_t i = 0; i < n; i++) {
    o0[i] = m0[i] + m1[i] + m2[i];
    o1[i] = m1[i] - m2[i] - m3[i];
  }
}

/* A^T m, A^T = [1 1 1 8 1 0; 0 1 -1 4 -2 0; 0 1 1 2 4 0; 0 1 -1 1 -8 1] */
static void at4(const float *const *m, float *const *o, int64_t n) {
  const float *m0 = m[0], *m1 = m[1], *m2 = m[2], *m3 = m[3], *m4 = m[4], *m5 = m[5];
  float *o0 = o[0], *o1 = o[1], *o2 = o[2], *o3 = o[3];
#pragma omp simd
  for (int64_t i = 0; i < n; i++) {
    float p12 = m1[i] + m2[i], d12 = m1[i] - m2[i], e3 = m3[i], e4 = m4[i];
    o0[i] = (m0[i] + p12) + (8.0f * e3 + e4);
    o1[i] = d12 + (4.0f * e3 - 2.0f * e4);
    o2[i] = p12 + (2.0f * e3 + 4.0f * e4);
    o3[i] = (d12 + (e3 - 8.0f * e4)) + m5[i];
  }
}

/* G, the weight transform (a x 3), in double */
static const double G2[4][3] = {{1, 0, 0}, {0.5, 0.5, 0.5}, {0.5, -0.5, 0.5}, {0, 0, 1}};
static const double G4[6][3] = {{1.0 / 2, 0, 0},
                                {1.0 / 6, 1.0 / 6, 1.0 / 6},
                                {-1.0 / 6, 1.0 / 6, -1.0 / 6},
                                {-2.0 / 15, -1.0 / 15, -1.0 / 30},
                                {1.0 / 30, -1.0 / 15, 2.0 / 15},
                                {0, 0, 1.0 / 2}};

int dt_winograd_tile(int64_t h, int64_t w) {
  /* F(4x4) needs a full column block of tiles to keep the kernel busy; on
   * smaller maps its a^2 = 36 products have too few columns each (from 4 or
   * from 64 tiles instead of 16: 2-11% slower passes, docs/benchmarks.md) */
  return ((h + 3) / 4) * ((w + 3) / 4) >= DT_BLOCK_COLUMNS ? 4 : 2;
}

static int side(int tile) { return tile + 2; }

size_t dt_winograd_weights_size(const dt_tensor *w, int tile) {
  int a = side(tile);
  return (size_t)(a * a) * dt_panel_size(w->shape[0], w->shape[1]);
}

/* U = G g G^T per (co, ci), element xi of it into product xi's panels.
 * Made on every call where the graph's cache budget holds no copy, so it is
 * written as a stream: panel by panel (6 rows of co), a block of WEIGHT_CI
 * input channels at a time. A block's kernels are gathered along ci, both
 * products computed with ci in the vector lanes (in double, the same
 * operations in the same order as one kernel at a time: the same bits), and
 * each of the a^2 planes gets the block as one contiguous run. One kernel at
 * a time, scalar, the transforms took 38% of an SD1.5 UNet pass that made
 * them (batch 1, two threads); before that, over whole rows of co with a
 * memset first, every byte was written twice by threads sharing lines. */
#define WEIGHT_CI 32

void dt_winograd_weights(float *u, const dt_tensor *w, int tile) {
  int64_t co_n = w->shape[0], ci_n = w->shape[1];
  int a = side(tile);
  const double(*g)[3] = tile == 4 ? G4 : G2;
  size_t plane = dt_panel_size(co_n, ci_n);
  int64_t panels = (co_n + DT_PANEL_ROWS - 1) / DT_PANEL_ROWS;
#pragma omp parallel for schedule(static)
  for (int64_t p = 0; p < panels; p++) {
    float kk[9][WEIGHT_CI];                 /* a row's kernels in the block, ci innermost */
    double t[6][3][WEIGHT_CI];              /* G g */
    float ob[36][WEIGHT_CI][DT_PANEL_ROWS]; /* U, as the planes hold it */
    float *panel = u + (size_t)p * DT_PANEL_ROWS * (size_t)ci_n;
    for (int64_t ci0 = 0; ci0 < ci_n; ci0 += WEIGHT_CI) {
      int nb = (int)(ci_n - ci0 < WEIGHT_CI ? ci_n - ci0 : WEIGHT_CI);
      for (int r = 0; r < DT_PANEL_ROWS; r++) {
        int64_t co = p * DT_PANEL_ROWS + r;
        if (co >= co_n) { /* a padding row */
          for (int xi = 0; xi < a * a; xi++)
            for (int c = 0; c < nb; c++)
              ob[xi][c][r] = 0.0f;
          continue;
        }
        const float *k = w->data + (co * ci_n + ci0) * 9;
        for (int c = 0; c < nb; c++)
          for (int e = 0; e < 9; e++)
            kk[e][c] = k[c * 9 + e];
        for (int i = 0; i < a; i++)
          for (int j = 0; j < 3; j++) {
            const float *k0 = kk[j], *k1 = kk[3 + j], *k2 = kk[6 + j];
            double *ti = t[i][j];
#pragma omp simd
            for (int c = 0; c < nb; c++)
              ti[c] = g[i][0] * k0[c] + g[i][1] * k1[c] + g[i][2] * k2[c];
          }
        for (int i = 0; i < a; i++) /* (G g) G^T */
          for (int j = 0; j < a; j++) {
            const double *t0 = t[i][0], *t1 = t[i][1], *t2 = t[i][2];
            float(*o)[DT_PANEL_ROWS] = ob[i * a + j];
#pragma omp simd
            for (int c = 0; c < nb; c++)
              o[c][r] = (float)(t0[c] * g[j][0] + t1[c] * g[j][1] + t2[c] * g[j][2]);
          }
      }
      for (int xi = 0; xi < a * a; xi++)
        memcpy(panel + (size_t)xi * plane + ci0 * DT_PANEL_ROWS, ob[xi],
               (size_t)nb * DT_PANEL_ROWS * sizeof(float));
    }
  }
}

/* ---- per-sample layout ---- */

typedef struct {
  int tile, a;             /* output tile side, input tile side */
  int64_t th, tw, nt, ntp; /* tile rows, tiles per row, tiles, tiles rounded up to 4 */
} tiling;

static tiling tiling_of(int tile, int64_t h, int64_t w) {
  tiling t = {tile, side(tile), (h + tile - 1) / tile, (w + tile - 1) / tile, 0, 0};
  t.nt = t.th * t.tw;
  t.ntp = (t.nt + 3) / 4 * 4; /* the kernel's narrowest block is 4 columns */
  return t;
}

/* A thread's buffers, for one channel at a time (in floats): the input
 * gathered into tile x a runs of (th + 1) x tw (see split_channel), and as
 * many for their row transform, then the zero-bordered copy of the channel;
 * the output transform reuses them for A^T M (tile x a runs of nt) and Y
 * (tile^2 runs of nt). */
static int64_t run_floats(const tiling *t) { return (t->th + 1) * t->tw; }
static int64_t pad_width(const tiling *t) { return t->tile * (t->tw + 1); }
static int64_t pad_floats(const tiling *t) { return t->tile * (t->th + 1) * pad_width(t); }
static int64_t thread_floats(const tiling *t) {
  return 2 * t->tile * t->a * run_floats(t) + pad_floats(t);
}

/* Floats of one of V's (rows = ci_n) or M's (rows = co_n) a^2 planes, and
 * a cache line: a plane of 32 or 64 channels of 16 to 64 tiles is a whole
 * number of 4 KB pages, so a channel's row of every plane, which the input
 * transform writes together and the output transform reads together, fell
 * in one L1 set (8 ways for 36 planes). One line apart, they spread over 36
 * sets: the input transform's column stage 0.50 -> 0.39 us a channel of
 * 32x32, the MNIST-size pass 7.61 -> 7.49 ms at one thread, 4.89 -> 4.77 at
 * two (best of alternating runs); the CIFAR layout unchanged. */
#define PLANE_SKEW DT_BLOCK_COLUMNS
static int64_t plane_floats(const tiling *t, int64_t rows) { return rows * t->ntp + PLANE_SKEW; }

/* A sample's V and M, then buffers for each thread that may work on it. */
static int64_t sample_floats(const tiling *t, int64_t ci_n, int64_t co_n, int threads) {
  return (int64_t)t->a * t->a * (plane_floats(t, ci_n) + plane_floats(t, co_n)) +
         thread_floats(t) * threads;
}

/* A sample runs in bands of whole tile rows, so that its V and M stay within
 * BAND_FLOATS: a 512 x 512 VAE decode's 256 -> 128 channel convolution held
 * 0.9 GB of them at once, a Stable Diffusion UNet's largest sample 24 MB.
 * The tiles are the same whatever the band (each band starts on a tile row),
 * and so are the results. */
#define BAND_FLOATS ((int64_t)8 << 20)

static int64_t band_rows(int tile, int64_t h, int64_t w, int64_t ci_n, int64_t co_n) {
  int a = side(tile);
  int64_t th = (h + tile - 1) / tile, tw = (w + tile - 1) / tile;
  int64_t rows = BAND_FLOATS / ((int64_t)a * a * (ci_n + co_n) * tw);
  return rows < 1 ? 1 : rows < th ? rows : th;
}

static tiling band_tiling(int tile, int64_t h, int64_t w, int64_t ci_n, int64_t co_n) {
  int64_t rows = band_rows(tile, h, w, ci_n, co_n) * tile;
  return tiling_of(tile, rows < h ? rows : h, w);
}

size_t dt_winograd_scratch(const dt_tensor *x, int64_t c_out, int tile) {
  int64_t n = x->shape[0], threads = omp_get_max_threads();
  tiling t = band_tiling(tile, x->shape[2], x->shape[3], x->shape[1], c_out);
  if (n > 1 && threads > 1) /* whole samples per thread: one sample's worth each */
    return (size_t)(sample_floats(&t, x->shape[1], c_out, 1) * (threads < n ? threads : n));
  return (size_t)sample_floats(&t, x->shape[1], c_out, (int)threads);
}

typedef void transform_fn(const float *const *in, float *const *out, int64_t n);

/* ---- input transform ---- */

/* Gathers channel xc (zero outside the map) by row phase p and tile column
 * j: run (p, j), row ty, column tx holds pixel (tile ty + p - 1, tile tx +
 * j - 1). Input tile (ty, tx) covers rows tile ty - 1 + i and columns tile
 * tx - 1 + j, so its element (i, j) is run (i % tile, j) at row ty + i /
 * tile: for fixed (i, j) the whole map's tiles are one contiguous stretch
 * of a run, in tile order, and every transform is a long loop.
 *
 * The channel is first copied into a zero-bordered buffer (pad_floats), so
 * each row of a run is one branch-free loop reading the row's columns in
 * groups of tile, which the compiler vectorises (with bounds checks per row
 * and run it was a third of the input transform; measured, one thread: the
 * CIFAR-layout and MNIST-size passes 1.5-4% faster). */
static inline __attribute__((always_inline)) void split_rows(const tiling *t, int tile,
                                                             const float *xc, int64_t y0, int64_t h,
                                                             int64_t w, float *pad, float *runs) {
  const int a = tile + 2;
  int64_t tw = t->tw, len = run_floats(t), wp = pad_width(t), hp = tile * (t->th + 1);
  for (int64_t r = 0; r < hp; r++) { /* the band's rows -1 .. hp - 2: map row y0 + r - 1 */
    float *row = pad + r * wp;
    int64_t y = y0 + r - 1;
    if (y < 0 || y >= h) {
      memset(row, 0, (size_t)wp * sizeof(float));
      continue;
    }
    row[0] = 0.0f;
    memcpy(row + 1, xc + y * w, (size_t)w * sizeof(float));
    memset(row + 1 + w, 0, (size_t)(wp - 1 - w) * sizeof(float));
  }
  for (int p = 0; p < tile; p++)
    for (int64_t ty = 0; ty <= t->th; ty++) {
      const float *src = pad + (tile * ty + p) * wp;
      float *d[6];
      for (int j = 0; j < a; j++)
        d[j] = runs + (p * a + j) * len + ty * tw;
#pragma omp simd
      for (int64_t tx = 0; tx < tw; tx++) /* columns tile tx - 1 + r */
        for (int r = 0; r < tile; r++)
          d[r][tx] = src[tile * tx + r];
      for (int r = tile; r < a; r++) { /* columns tile (tx + 1) - 1 + r - tile */
        memcpy(d[r], d[r - tile] + 1, (size_t)(tw - 1) * sizeof(float));
        d[r][tw - 1] = src[tile * tw + r - tile];
      }
    }
}

static void split_channel(const tiling *t, const float *xc, int64_t y0, int64_t h, int64_t w,
                          float *pad, float *runs) {
  if (t->tile == 4) /* (tile a constant in each copy) */
    split_rows(t, 4, xc, y0, h, w, pad, runs);
  else
    split_rows(t, 2, xc, y0, h, w, pad, runs);
}

/* V = B^T d B for every tile of the band of channel xc (h x w) from row y0,
 * into the a^2 planes of v at column ci: d B along each input row (run by
 * run), then B^T (d B) down the columns, written straight into V's column
 * blocks. */
static void input_channel(const tiling *t, const float *xc, int64_t y0, int64_t h, int64_t w,
                          float *v, int64_t ci_n, int64_t ci, float *buf) {
  int tile = t->tile, a = t->a;
  int64_t len = run_floats(t), tw = t->tw;
  float *runs = buf, *rows = buf + tile * a * len, *pad = rows + tile * a * len;
  transform_fn *bt = tile == 4 ? bt4 : bt2;
  split_channel(t, xc, y0, h, w, pad, runs);
  for (int p = 0; p < tile; p++) { /* row phase p: columns j of each tile -> d B */
    const float *in[6];
    float *out[6];
    for (int j = 0; j < a; j++) {
      in[j] = runs + (p * a + j) * len;
      out[j] = rows + (p * a + j) * len;
    }
    bt(in, out, len);
  }
  for (int64_t first = 0; first < t->ntp; first += DT_BLOCK_COLUMNS) {
    int64_t count = t->nt - first < DT_BLOCK_COLUMNS ? t->nt - first : DT_BLOCK_COLUMNS;
    for (int k = 0; k < a; k++) { /* column k of d B: rows i of each tile -> V (i, k) */
      const float *in[6];
      float *out[6];
      for (int i = 0; i < a; i++) {
        in[i] = rows + ((i % tile) * a + k) * len + (i / tile) * tw + first;
        out[i] = v + (i * a + k) * plane_floats(t, ci_n) + dt_block_offset(ci_n, t->ntp, ci, first);
      }
      bt(in, out, count);
      for (int64_t c = first + count; c < t->ntp && c < first + DT_BLOCK_COLUMNS; c++)
        for (int i = 0; i < a; i++) /* the padding columns: zero, not stale */
          out[i][c - first] = 0.0f;
    }
  }
}

/* ---- output transform ---- */

/* Y = A^T M A for every tile of output channel co (M: a^2 planes of co_n x
 * ntp), plus the bias, into the output map oc. */
static void output_channel(const tiling *t, const float *m, int64_t co_n, int64_t co, int64_t h,
                           int64_t w, float bias, float *oc, float *buf) {
  int tile = t->tile, a = t->a;
  int64_t nt = t->nt, tw = t->tw;
  float *s = buf, *y = s + tile * a * nt; /* A^T M: tile x a runs of nt; then Y: tile x tile */
  transform_fn *at = tile == 4 ? at4 : at2;
  for (int j = 0; j < a; j++) { /* column j of each tile's M -> column j of A^T M */
    const float *in[6];
    float *out[4];
    for (int r = 0; r < a; r++)
      in[r] = m + (r * a + j) * plane_floats(t, co_n) + co * t->ntp;
    for (int i = 0; i < tile; i++)
      out[i] = s + (i * a + j) * nt;
    at(in, out, nt);
  }
  for (int i = 0; i < tile; i++) { /* row i of A^T M -> row i of Y */
    const float *in[6];
    float *out[4];
    for (int j = 0; j < a; j++)
      in[j] = s + (i * a + j) * nt;
    for (int j = 0; j < tile; j++)
      out[j] = y + (i * tile + j) * nt;
    at(in, out, nt);
  }
  /* output pixel (row, col) is Y (row % tile, col % tile) of tile (row / tile, col / tile) */
  for (int64_t row = 0; row < h; row++) {
    const float *yr = y + (row % tile) * tile * nt + (row / tile) * tw;
    float *dst = oc + row * w;
    int64_t full = w / tile; /* tiles whose columns are all inside the map */
    if (tile == 4)
      for (int64_t tx = 0; tx < full; tx++)
        for (int j = 0; j < 4; j++)
          dst[4 * tx + j] = yr[j * nt + tx] + bias;
    else
      for (int64_t tx = 0; tx < full; tx++)
        for (int j = 0; j < 2; j++)
          dst[2 * tx + j] = yr[j * nt + tx] + bias;
    for (int64_t col = full * tile; col < w; col++)
      dst[col] = yr[(col % tile) * nt + col / tile] + bias;
  }
}

/* ---- a sample ---- */

/* Parallel transforms only for enough work to pay for a parallel region:
 * from 64 channels of 8x8 (measured, two threads, batch 1: the MNIST-size
 * pass's best time 5.58 -> 5.31 ms against a threshold of 64 x 16x16). */
#define PARALLEL_PIXELS 4096

/* One band of a sample: output rows y0 .. y0 + t's rows - 1 of an h x w map. */
static void winograd_band(const tiling *t, float *o, const float *xs, const float *u,
                          const float *bias, int64_t ci_n, int64_t co_n, int64_t y0, int64_t h,
                          int64_t w, float *scratch, int serial) {
  int a2 = t->a * t->a;
  int64_t v_plane = plane_floats(t, ci_n), m_plane = plane_floats(t, co_n);
  int64_t rows = t->th * t->tile < h - y0 ? t->th * t->tile : h - y0;
  float *v = scratch, *m = v + a2 * v_plane, *bufs = m + a2 * m_plane;
  int64_t per = thread_floats(t);
#pragma omp parallel for schedule(static) if (!serial && ci_n * rows * w >= PARALLEL_PIXELS)
  for (int64_t ci = 0; ci < ci_n; ci++)
    input_channel(t, xs + ci * h * w, y0, h, w, v, ci_n, ci,
                  bufs + (serial ? 0 : omp_get_thread_num()) * per);
  /* the a^2 products are independent: spread over the threads */
  size_t plane = dt_panel_size(co_n, ci_n);
#pragma omp parallel for schedule(dynamic, 1) if (!serial)
  for (int xi = 0; xi < a2; xi++)
    dt_panel_gemm(co_n, t->ntp, ci_n, u + (size_t)xi * plane, v + xi * v_plane, m + xi * m_plane,
                  t->ntp);
#pragma omp parallel for schedule(static) if (!serial && co_n * rows * w >= PARALLEL_PIXELS)
  for (int64_t co = 0; co < co_n; co++)
    output_channel(t, m, co_n, co, rows, w, bias ? bias[co] : 0.0f, o + (co * h + y0) * w,
                   bufs + (serial ? 0 : omp_get_thread_num()) * per);
}

static void winograd_sample(int64_t band, int tile, float *o, const float *xs, const float *u,
                            const float *bias, int64_t ci_n, int64_t co_n, int64_t h, int64_t w,
                            float *scratch, int serial) {
  for (int64_t y0 = 0; y0 < h; y0 += band) {
    tiling t = tiling_of(tile, y0 + band < h ? band : h - y0, w);
    winograd_band(&t, o, xs, u, bias, ci_n, co_n, y0, h, w, scratch, serial);
  }
}

void dt_conv3x3_winograd_channels(dt_tensor *out, int64_t co_first, int64_t co_n,
                                  int64_t co_scratch, const dt_tensor *x, const float *u,
                                  const float *bias, float *scratch, int tile) {
  int64_t n = x->shape[0], ci_n = x->shape[1], h = x->shape[2], w = x->shape[3];
  int64_t stride = out->shape[1] * h * w; /* a sample of out */
  float *o = out->data + co_first * h * w;
  /* bands cut for co_scratch channels: fewer out would make them taller than the scratch */
  int64_t band = band_rows(tile, h, w, ci_n, co_scratch) * tile;
  tiling t = band_tiling(tile, h, w, ci_n, co_scratch);
  int64_t per = sample_floats(&t, ci_n, co_scratch, 1);
  if (n > 1 && omp_get_max_threads() > 1) { /* whole samples per thread, as dt_conv2d */
#pragma omp parallel for schedule(dynamic, 1)
    for (int64_t s = 0; s < n; s++)
      winograd_sample(band, tile, o + s * stride, x->data + s * ci_n * h * w, u, bias, ci_n, co_n,
                      h, w, scratch + (int64_t)omp_get_thread_num() * per, 1);
    return;
  }
  for (int64_t s = 0; s < n; s++)
    winograd_sample(band, tile, o + s * stride, x->data + s * ci_n * h * w, u, bias, ci_n, co_n, h,
                    w, scratch, 0);
}

void dt_conv3x3_winograd(dt_tensor *out, const dt_tensor *x, const float *u, const dt_tensor *b,
                         float *scratch, int tile) {
  dt_conv3x3_winograd_channels(out, 0, out->shape[1], out->shape[1], x, u, b ? b->data : NULL,
                               scratch, tile);
}
