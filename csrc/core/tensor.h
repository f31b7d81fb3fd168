/* The tensor core: refcounted float32 storage, contiguous N-d tensors, and
 * the numerics on them. A tensor may instead hold 16-bit floats (float16 or
 * bfloat16): weights kept small, which only a model's graph reads (it widens
 * each op's weights to float32 as the op runs) and every other op refuses. Lua-free: every fallible
 * function returns a dt_status and writes a human-readable reason into a dt_err the caller
 * provides. */
#ifndef DIFFUSION_TENSOR_H
#define DIFFUSION_TENSOR_H

#include <stddef.h>
#include <stdint.h>

#define DT_MAX_DIMS 8
/* Hard cap on one tensor's element count (2^40 floats = 4 TiB): keeps every
 * size computation far from int64 overflow. */
#define DT_MAX_NUMEL ((int64_t)1 << 40)

typedef enum {
  DT_OK = 0,
  DT_EARG,    /* bad argument: shape, index, value */
  DT_ENOMEM,  /* allocation failed */
  DT_EIO,     /* file system error */
  DT_EFORMAT, /* malformed or unsupported file contents */
} dt_status;

typedef struct {
  char msg[256];
} dt_err;

/* Records a formatted reason and returns the status, so callers can write
 * `return dt_fail(err, DT_EARG, "...", ...)`. */
dt_status dt_fail(dt_err *err, dt_status st, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Storage: one block of floats shared by a tensor and its views. The release
 * callback frees it (malloc'd memory, an mmap'd file, ...). */
typedef struct dt_storage dt_storage;
struct dt_storage {
  int refcount;
  size_t nbytes;
  void *base;  /* what the release callback frees */
  void *owner; /* for the release callback: the pool a block returns to */
  void (*release)(dt_storage *s);
  /* Counts writes in place (dt_storage_touch): what is derived from the
   * contents (a model's Winograd transforms) compares it to notice edits. */
  uint64_t version;
};

static inline void dt_storage_touch(dt_storage *s) {
  if (s)
    s->version++;
}

dt_storage *dt_storage_new(size_t nbytes); /* refcount 1, malloc'd */
dt_storage *dt_storage_wrap(void *base, size_t nbytes,
                            void (*release)(dt_storage *s)); /* refcount 1 */
void dt_storage_retain(dt_storage *s);
void dt_storage_release(dt_storage *s); /* NULL is fine */

/* Element types, as safetensors names them: tensors hold F32, F16 or BF16;
 * the others occur only in files (read as float32). */
typedef enum {
  DT_F32,
  DT_F16,
  DT_BF16,
  DT_F64,
  DT_I64,
  DT_I32,
  DT_I16,
  DT_I8,
  DT_U8,
  DT_BOOL,
} dt_dtype;

/* A tensor is a contiguous row-major window into a storage. */
typedef struct {
  dt_storage *storage; /* owned reference, NULL when empty or freed */
  float *data;         /* F32 elements; NULL for a 16-bit tensor */
  uint16_t *bits16;    /* F16 / BF16 elements; NULL for a float32 one */
  dt_dtype dtype;      /* DT_F32 (0: what a zeroed tensor is), DT_F16 or DT_BF16 */
  int ndim;
  int64_t shape[DT_MAX_DIMS];
  int64_t numel;
} dt_tensor;

/* Shapes */
dt_status dt_shape_check(const int64_t *shape, int ndim, int64_t *numel, dt_err *err);
void dt_shape_format(const int64_t *shape, int ndim, char *buf, size_t len); /* "{2,3}" */
int dt_shape_equal(const dt_tensor *a, const dt_tensor *b);

/* Allocates fresh storage for `t` (which must be empty); contents undefined. */
dt_status dt_alloc(dt_tensor *t, const int64_t *shape, int ndim, dt_err *err);
/* ... of F16 or BF16 elements (DT_F32: dt_alloc). */
dt_status dt_alloc_dtype(dt_tensor *t, const int64_t *shape, int ndim, dt_dtype dtype, dt_err *err);
/* Makes `t` a view of `src` with another shape of the same numel, or of the
 * elements [offset, offset + numel) of src (new reference on the storage),
 * of src's element type. */
dt_status dt_view(dt_tensor *t, const dt_tensor *src, int64_t offset, const int64_t *shape,
                  int ndim, dt_err *err);
void dt_free(dt_tensor *t); /* drops the storage reference; idempotent */
/* Makes t (emptied first) own storage s, whose reference it takes over. */
void dt_tensor_adopt(dt_tensor *t, dt_storage *s, const int64_t *shape, int ndim, int64_t numel);

/* 16-bit elements widened to float32 (exactly) and float32 rounded to them
 * (to nearest, ties to even, as torch's .half() and .bfloat16()); dtype DT_F16
 * or DT_BF16. Vectorised where the build's instruction set has F16C. */
void dt_from_16bit(dt_dtype dtype, const uint16_t *src, float *dst, int64_t n);
void dt_to_16bit(dt_dtype dtype, const float *src, uint16_t *dst, int64_t n);
/* out = t as float32: a view of a float32 tensor, a widened copy of another */
dt_status dt_as_float(dt_tensor *out, const dt_tensor *t, dt_err *err);
/* "float32", "float16", "bfloat16" */
const char *dt_dtype_label(dt_dtype dtype);

/* Threads */
void dt_set_threads(int n);
int dt_get_threads(void);

/* ---- elementwise (elementwise.c) ---- */
typedef enum {
  DT_ADD,
  DT_SUB,
  DT_MUL,
  DT_DIV,
  DT_POW,
  DT_MAXIMUM,
  DT_MINIMUM,
} dt_binop;

typedef enum {
  DT_ABS,
  DT_NEG,
  DT_EXP,
  DT_LOG,
  DT_SQRT,
  DT_RSQRT,
  DT_TANH,
  DT_SIGMOID,
  DT_SILU,
  DT_SIN,
  DT_COS,
  DT_SIGN,
  DT_SQUARE,
  DT_ROUND, /* half away from zero, as C's roundf */
  DT_FLOOR,
} dt_unop;

/* Shape of broadcasting a and b (NumPy rules). */
dt_status dt_broadcast_shape(const int64_t *a, int na, const int64_t *b, int nb, int64_t *out,
                             int *nout, dt_err *err);
/* out = a op b, out already allocated with the broadcast shape (it may alias
 * a or b when that operand has the output's shape). */
void dt_binary(dt_binop op, dt_tensor *out, const dt_tensor *a, const dt_tensor *b);
/* out = a op s  (or s op a when scalar_first) */
void dt_binary_scalar(dt_binop op, dt_tensor *out, const dt_tensor *a, float s, int scalar_first);
void dt_unary(dt_unop op, dt_tensor *out, const dt_tensor *a);
void dt_clamp(dt_tensor *out, const dt_tensor *a, float lo, float hi);
void dt_fill(dt_tensor *t, float v);
void dt_copy(dt_tensor *dst, const dt_tensor *src); /* same numel */
/* t = a*t + b*u (u broadcasts to t) */
void dt_axpby(dt_tensor *t, float a, float b, const dt_tensor *u);
/* out = sum_k c[k] * ts[k] (n <= 64), every ts[k] of out's numel; out may be
 * exactly one of the ts[k], but must not partially overlap any */
void dt_lincomb(dt_tensor *out, int n, const float *c, const dt_tensor *const *ts);
/* 1 when every element is finite (of any element type) */
int dt_all_finite(const dt_tensor *t);

/* ---- reductions (reduce.c) ---- */
typedef enum {
  DT_SUM,
  DT_MEAN,
  DT_MAX,
  DT_MIN,
  DT_ARGMAX,
  DT_ARGMIN,
  DT_VAR,  /* with `correction` (1 = unbiased) */
  DT_NORM, /* p-norm with `p` */
} dt_reduction;

/* Reduce over all elements. Deterministic for any thread count. */
double dt_reduce_all(dt_reduction r, const dt_tensor *a, double p, int correction);
/* Reduce along dim (0-based); out has a's shape with that dim set to 1. */
void dt_reduce_dim(dt_reduction r, dt_tensor *out, const dt_tensor *a, int dim, double p,
                   int correction);
double dt_dot(const dt_tensor *a, const dt_tensor *b);
/* out[n] = q-quantile (linear interpolation) of |a[n, ...]|; scratch holds
 * numel/shape[0] floats. */
void dt_abs_quantile(dt_tensor *out, const dt_tensor *a, double q, float *scratch);

/* ---- shape ops (shape.c) ---- */
/* out = a with dims permuted: out.shape[i] = a.shape[perm[i]] */
void dt_permute(dt_tensor *out, const dt_tensor *a, const int *perm);
/* Copies a window [start, start+len) of dim `dim` of a into out. */
void dt_narrow_copy(dt_tensor *out, const dt_tensor *a, int dim, int64_t start);
/* Copies `a` into `out` at offset `start` along `dim` (the inverse of narrow). */
void dt_place(dt_tensor *out, const dt_tensor *a, int dim, int64_t start);
/* out = a broadcast (expand) to out's shape */
void dt_expand(dt_tensor *out, const dt_tensor *a);
/* out = a tiled: out.shape[i] = a.shape[i] * reps[i] (same ndim) */
void dt_tile(dt_tensor *out, const dt_tensor *a);
/* zero/constant pad of the last two dims: out has H+top+bottom, W+left+right */
void dt_pad2d(dt_tensor *out, const dt_tensor *a, int64_t left, int64_t top, float value);

/* ---- linear algebra ---- */
/* C = A @ B: (m,k)@(k,n), (b,m,k)@(b,k,n), (b,m,k)@(k,n), (m,k)@(b,k,n). */
dt_status dt_matmul_shape(const dt_tensor *a, const dt_tensor *b, int64_t *shape, int *ndim,
                          dt_err *err);
void dt_matmul(dt_tensor *out, const dt_tensor *a, const dt_tensor *b);
/* Row-major C = alpha op(A) op(B) + beta C, threaded by columns of C; the
 * _serial form makes the same block calls on the calling thread and gives the
 * same bits. Call it only inside an active parallel region (or at one
 * thread): outside one, the OpenMP build of OpenBLAS threads each call
 * itself (a test that did so ran a CIFAR-size pass 7x slower). */
void dt_sgemm_serial(int trans_a, int trans_b, int64_t m, int64_t n, int64_t k, float alpha,
                     const float *a, int64_t lda, const float *b, int64_t ldb, float beta, float *c,
                     int64_t ldc);
void dt_sgemm(int trans_a, int trans_b, int64_t m, int64_t n, int64_t k, float alpha,
              const float *a, int64_t lda, const float *b, int64_t ldb, float beta, float *c,
              int64_t ldc);

#endif
