/* The diffusion.Tensor userdata: lifetime, creation, inspection and the shape
 * ops (views and copies). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../core/gemm.h"
#include "../core/pool.h"
#include "../cpu/cpu.h"
#include "bind.h"

/* ---- the userdata ---- */

dt_tensor *lt_test(lua_State *L, int idx) { return luaL_testudata(L, idx, DIFFUSION_TENSOR); }

/* Why a tensor cannot be computed on, or NULL when it can. */
static const char *unusable(const dt_tensor *t) {
  if (!t->storage)
    return "tensor was freed (closed)";
  if (t->dtype == DT_F16)
    return "a float16 tensor: weights kept in 16 bits are read by models only "
           "(t:float() makes a float32 copy)";
  if (t->dtype == DT_BF16)
    return "a bfloat16 tensor: weights kept in 16 bits are read by models only "
           "(t:float() makes a float32 copy)";
  return NULL;
}

dt_tensor *lt_check(lua_State *L, int idx) {
  dt_tensor *t = luaL_checkudata(L, idx, DIFFUSION_TENSOR);
  const char *why = unusable(t);
  if (why)
    luaL_argerror(L, idx, why);
  return t;
}

void lt_require_float(lua_State *L, const dt_tensor *t, const char *what) {
  const char *why = unusable(t);
  if (why)
    luaL_error(L, "%s: %s", what, why);
}

dt_tensor *lt_check_stored(lua_State *L, int idx) {
  dt_tensor *t = luaL_checkudata(L, idx, DIFFUSION_TENSOR);
  if (!t->storage)
    luaL_argerror(L, idx, "tensor was freed (closed)");
  return t;
}

dt_tensor *lt_push_empty(lua_State *L) {
  dt_tensor *t = lua_newuserdatauv(L, sizeof *t, 0);
  memset(t, 0, sizeof *t);
  luaL_setmetatable(L, DIFFUSION_TENSOR);
  return t;
}

/* Per Lua state (in the registry; no global state): the tensor buffer pool
 * and the bytes of tensor payload made since the last full collection. */
typedef struct {
  dt_pool *pool;
  size_t pending;    /* since the last full collection */
  size_t since_step; /* since the last collection step */
} lstate;

static const char STATE_KEY = 's';
#define PENDING_MIN ((size_t)64 << 20)
#define STEP_BYTES ((size_t)8 << 20)
#define POOL_BYTES ((size_t)64 << 20)

static int state_gc(lua_State *L) {
  lstate *st = lua_touserdata(L, 1);
  dt_pool_release(st->pool); /* buffers still in use keep the pool alive */
  st->pool = NULL;
  return 0;
}

static lstate *state_of(lua_State *L) {
  if (lua_rawgetp(L, LUA_REGISTRYINDEX, &STATE_KEY) == LUA_TUSERDATA) {
    lstate *st = lua_touserdata(L, -1);
    lua_pop(L, 1); /* anchored in the registry */
    return st;
  }
  lua_pop(L, 1);
  lstate *st = lua_newuserdatauv(L, sizeof *st, 0);
  st->pool = NULL;
  st->pending = st->since_step = 0;
  lua_createtable(L, 0, 1);
  lua_pushcfunction(L, state_gc);
  lua_setfield(L, -2, "__gc");
  lua_setmetatable(L, -2);
  st->pool = dt_pool_new(POOL_BYTES); /* NULL (no pool) is survivable: plain malloc */
  lua_rawsetp(L, LUA_REGISTRYINDEX, &STATE_KEY);
  return st;
}

void lt_account(lua_State *L, const dt_tensor *t) {
  /* The payload is malloc'd, so Lua's own pacing cannot see it. Every 8 MiB
   * of new tensors run a collection step (in generational mode, lua.c's
   * default, a minor collection: it frees the temporaries a loop just
   * dropped, so their buffers go back to the pool while still warm), and
   * once the total exceeds both 64 MiB and the Lua heap itself a full
   * collection, for tensors that lived long enough to turn old. */
  lstate *st = state_of(L);
  size_t nbytes = (size_t)t->numel * (t->dtype == DT_F32 ? sizeof(float) : sizeof(uint16_t));
  st->pending += nbytes;
  st->since_step += nbytes;
  size_t heap = (size_t)lua_gc(L, LUA_GCCOUNT) * 1024;
  if (st->pending > PENDING_MIN && st->pending > heap) {
    st->pending = st->since_step = 0;
    lua_gc(L, LUA_GCCOLLECT);
  } else if (st->since_step > STEP_BYTES) {
    st->since_step = 0;
    lua_gc(L, LUA_GCSTEP, 0);
  }
}

dt_tensor *lt_push_new(lua_State *L, const int64_t *shape, int ndim, const char *fname) {
  lstate *st = state_of(L);
  dt_tensor *t = lt_push_empty(L);
  dt_err err;
  if (dt_alloc_pooled(st->pool, t, shape, ndim, &err))
    lt_raise(L, fname, &err);
  lt_account(L, t);
  return t;
}

int lt_raise(lua_State *L, const char *fname, const dt_err *err) {
  return luaL_error(L, "%s: %s", fname, err->msg);
}

void lt_shape_str(const int64_t *shape, int ndim, char *buf, size_t len) {
  dt_shape_format(shape, ndim, buf, len);
}

void lt_check_finite(lua_State *L, const dt_tensor *t, const char *fname, int arg) {
  if (!dt_all_finite(t))
    luaL_error(L, "%s: argument #%d contains NaN or infinite values", fname, arg);
}

static int64_t check_size(lua_State *L, int idx, const char *fname, int dim) {
  int isint;
  lua_Integer v = lua_tointegerx(L, idx, &isint);
  if (!isint)
    return luaL_error(L, "%s: size of dimension %d must be an integer, got %s", fname, dim,
                      lua_isnumber(L, idx) ? lua_tostring(L, idx) : luaL_typename(L, idx));
  if (v < 0)
    return luaL_error(L, "%s: negative size %I in dimension %d", fname, (lua_Integer)v, dim);
  return (int64_t)v;
}

int lt_shape_arg(lua_State *L, int idx, int64_t *shape, const char *fname) {
  int ndim = 0;
  if (lua_istable(L, idx)) {
    lua_Integer n = luaL_len(L, idx);
    if (n > DT_MAX_DIMS)
      return luaL_error(L, "%s: shape has %d dimensions (at most %d)", fname, (int)n, DT_MAX_DIMS);
    for (int i = 1; i <= n; i++) {
      lua_geti(L, idx, i);
      shape[ndim++] = check_size(L, -1, fname, i);
      lua_pop(L, 1);
    }
  } else if (lua_type(L, idx) == LUA_TNUMBER) {
    int top = lua_gettop(L);
    if (top - idx + 1 > DT_MAX_DIMS)
      return luaL_error(L, "%s: shape has %d dimensions (at most %d)", fname, top - idx + 1,
                        DT_MAX_DIMS);
    for (int i = idx; i <= top; i++)
      shape[ndim++] = check_size(L, i, fname, i - idx + 1);
  } else {
    return luaL_error(L, "%s: shape must be a table of sizes, got %s", fname,
                      luaL_typename(L, idx));
  }
  dt_err err;
  if (dt_shape_check(shape, ndim, NULL, &err))
    lt_raise(L, fname, &err);
  return ndim;
}

/* One close function for free, __close and __gc (idempotent). */
static int t_free(lua_State *L) {
  dt_tensor *t = luaL_checkudata(L, 1, DIFFUSION_TENSOR);
  dt_free(t);
  return 0;
}

/* ---- creation ---- */

static int t_zeros_like_fill(lua_State *L, const char *fname, float v) {
  int64_t shape[DT_MAX_DIMS];
  int nd = lt_shape_arg(L, 1, shape, fname);
  dt_tensor *t = lt_push_new(L, shape, nd, fname);
  dt_fill(t, v);
  return 1;
}

static int t_zeros(lua_State *L) { return t_zeros_like_fill(L, "zeros", 0); }
static int t_ones(lua_State *L) { return t_zeros_like_fill(L, "ones", 1); }

static int t_empty(lua_State *L) {
  int64_t shape[DT_MAX_DIMS];
  int nd = lt_shape_arg(L, 1, shape, "empty");
  lt_push_new(L, shape, nd, "empty");
  return 1;
}

static int t_full(lua_State *L) {
  int64_t shape[DT_MAX_DIMS];
  float v = (float)luaL_checknumber(L, 2);
  lua_settop(L, 1);
  int nd = lt_shape_arg(L, 1, shape, "full");
  dt_tensor *t = lt_push_new(L, shape, nd, "full");
  dt_fill(t, v);
  return 1;
}

/* arange([start,] stop [, step]): start, start+step, ... below stop */
static int t_arange(lua_State *L) {
  double start = 0, stop, step = 1;
  if (lua_gettop(L) == 1) {
    stop = luaL_checknumber(L, 1);
  } else {
    start = luaL_checknumber(L, 1);
    stop = luaL_checknumber(L, 2);
    step = luaL_optnumber(L, 3, 1);
  }
  if (step == 0 || !isfinite(start) || !isfinite(stop) || !isfinite(step))
    return luaL_error(L, "arange: start, stop must be finite and step non-zero");
  double n = ceil((stop - start) / step);
  if (n < 0)
    n = 0;
  if (n > (double)DT_MAX_NUMEL)
    return luaL_error(L, "arange: %f elements is too many", n);
  int64_t shape[1] = {(int64_t)n};
  dt_tensor *t = lt_push_new(L, shape, 1, "arange");
  for (int64_t i = 0; i < shape[0]; i++)
    t->data[i] = (float)(start + (double)i * step);
  return 1;
}

static int t_linspace(lua_State *L) {
  double a = luaL_checknumber(L, 1), b = luaL_checknumber(L, 2);
  lua_Integer n = luaL_checkinteger(L, 3);
  if (n < 0 || n > DT_MAX_NUMEL)
    return luaL_error(L, "linspace: bad count %I", (lua_Integer)n);
  int64_t shape[1] = {n};
  dt_tensor *t = lt_push_new(L, shape, 1, "linspace");
  for (int64_t i = 0; i < n; i++) /* the last point is exactly b */
    t->data[i] = (float)(i == n - 1 ? b : a + (b - a) * (double)i / (double)(n - 1));
  return 1;
}

/* Shape of a nested table, following first elements. */
static int nested_shape(lua_State *L, int idx, int64_t *shape) {
  int nd = 0;
  lua_pushvalue(L, idx);
  while (lua_istable(L, -1)) {
    if (nd == DT_MAX_DIMS)
      return luaL_error(L, "tensor: nested table is deeper than %d levels", DT_MAX_DIMS);
    shape[nd++] = (int64_t)luaL_len(L, -1);
    lua_geti(L, -1, 1);
    lua_remove(L, -2);
  }
  lua_pop(L, 1);
  return nd;
}

static void fill_nested(lua_State *L, int idx, const int64_t *shape, int nd, int depth,
                        float **out) {
  if (depth == nd) {
    int isnum;
    lua_Number v = lua_tonumberx(L, idx, &isnum);
    if (!isnum)
      luaL_error(L, "tensor: expected a number at depth %d, got %s", depth, luaL_typename(L, idx));
    *(*out)++ = (float)v;
    return;
  }
  if (!lua_istable(L, idx) || luaL_len(L, idx) != shape[depth])
    luaL_error(L, "tensor: ragged nested table at depth %d (expected a table of %I elements)",
               depth + 1, (lua_Integer)shape[depth]);
  for (int64_t i = 1; i <= shape[depth]; i++) {
    lua_geti(L, idx, i);
    fill_nested(L, lua_gettop(L), shape, nd, depth + 1, out);
    lua_pop(L, 1);
  }
}

/* tensor(nested_table), tensor(flat_table, shape), tensor(number) */
static int t_tensor(lua_State *L) {
  int64_t shape[DT_MAX_DIMS];
  if (lua_type(L, 1) == LUA_TNUMBER) {
    dt_tensor *t = lt_push_new(L, shape, 0, "tensor");
    t->data[0] = (float)lua_tonumber(L, 1);
    return 1;
  }
  luaL_checktype(L, 1, LUA_TTABLE);
  if (!lua_isnoneornil(L, 2)) {
    int nd = lt_shape_arg(L, 2, shape, "tensor");
    int64_t numel;
    dt_shape_check(shape, nd, &numel, NULL);
    lua_Integer n = luaL_len(L, 1);
    if (n != numel) {
      char buf[160];
      lt_shape_str(shape, nd, buf, sizeof buf);
      return luaL_error(L, "tensor: %I values given for shape %s (%I elements)", (lua_Integer)n,
                        buf, (lua_Integer)numel);
    }
    dt_tensor *t = lt_push_new(L, shape, nd, "tensor");
    for (int64_t i = 0; i < numel; i++) {
      lua_geti(L, 1, i + 1);
      int isnum;
      lua_Number v = lua_tonumberx(L, -1, &isnum);
      if (!isnum)
        return luaL_error(L, "tensor: element %I is not a number", (lua_Integer)(i + 1));
      t->data[i] = (float)v;
      lua_pop(L, 1);
    }
    return 1;
  }
  int nd = nested_shape(L, 1, shape);
  dt_err err;
  if (dt_shape_check(shape, nd, NULL, &err))
    return lt_raise(L, "tensor", &err);
  dt_tensor *t = lt_push_new(L, shape, nd, "tensor");
  float *p = t->data;
  fill_nested(L, 1, shape, nd, 0, &p);
  return 1;
}

static int t_clone(lua_State *L) {
  dt_tensor *a = lt_check(L, 1);
  dt_tensor *t = lt_push_new(L, a->shape, a->ndim, "clone");
  dt_copy(t, a);
  return 1;
}

/* ---- inspection ---- */

static const char *const DTYPE_LABELS[] = {"float32", "float16", "bfloat16", "f32",
                                           "f16",     "bf16",    NULL};
static const dt_dtype DTYPE_OF_LABEL[] = {DT_F32, DT_F16, DT_BF16, DT_F32, DT_F16, DT_BF16};

/* t:dtype() -> "float32" | "float16" | "bfloat16" */
static int t_dtype(lua_State *L) {
  lua_pushstring(L, dt_dtype_label(lt_check_stored(L, 1)->dtype));
  return 1;
}

/* t:to(dtype) -> a copy with elements of that type ("float32", "float16",
 * "bfloat16", or "f32", "f16", "bf16"; rounded to nearest even when narrowing); t:float() =
 * t:to("float32") */
static int convert_to(lua_State *L, dt_dtype want) {
  dt_tensor *a = lt_check_stored(L, 1);
  dt_tensor *t = lt_push_empty(L);
  dt_err err;
  if (want == DT_F32) {
    if (dt_alloc(t, a->shape, a->ndim, &err))
      return lt_raise(L, "to", &err);
    if (a->dtype == DT_F32)
      dt_copy(t, a);
    else
      dt_from_16bit(a->dtype, a->bits16, t->data, a->numel);
  } else {
    if (dt_alloc_dtype(t, a->shape, a->ndim, want, &err))
      return lt_raise(L, "to", &err);
    if (a->dtype == want) {
      memcpy(t->bits16, a->bits16, (size_t)a->numel * sizeof(uint16_t));
    } else if (a->dtype == DT_F32) {
      dt_to_16bit(want, a->data, t->bits16, a->numel);
    } else { /* float16 <-> bfloat16, through float32 a piece at a time */
      float wide[4096];
      for (int64_t k = 0; k < a->numel; k += 4096) {
        int64_t n = a->numel - k < 4096 ? a->numel - k : 4096;
        dt_from_16bit(a->dtype, a->bits16 + k, wide, n);
        dt_to_16bit(want, wide, t->bits16 + k, n);
      }
    }
  }
  lt_account(L, t);
  return 1;
}

static int t_to(lua_State *L) {
  lt_check_stored(L, 1);
  return convert_to(L, DTYPE_OF_LABEL[luaL_checkoption(L, 2, NULL, DTYPE_LABELS)]);
}

static int t_float(lua_State *L) { return convert_to(L, DT_F32); }

static int t_shape(lua_State *L) {
  dt_tensor *t = lt_check_stored(L, 1);
  lua_createtable(L, t->ndim, 0);
  for (int i = 0; i < t->ndim; i++) {
    lua_pushinteger(L, t->shape[i]);
    lua_rawseti(L, -2, i + 1);
  }
  return 1;
}

static int t_size(lua_State *L) {
  dt_tensor *t = lt_check_stored(L, 1);
  if (lua_isnoneornil(L, 2))
    return t_shape(L);
  lua_Integer d = luaL_checkinteger(L, 2);
  if (d < 1 || d > t->ndim)
    return luaL_error(L, "size: dimension %I out of range for a %d-D tensor", (lua_Integer)d,
                      t->ndim);
  lua_pushinteger(L, t->shape[d - 1]);
  return 1;
}

static int t_dim(lua_State *L) {
  lua_pushinteger(L, lt_check_stored(L, 1)->ndim);
  return 1;
}

static int t_numel(lua_State *L) {
  lua_pushinteger(L, lt_check_stored(L, 1)->numel);
  return 1;
}

static int t_len(lua_State *L) {
  dt_tensor *t = lt_check_stored(L, 1);
  lua_pushinteger(L, t->ndim ? t->shape[0] : 1);
  return 1;
}

static void push_nested(lua_State *L, const dt_tensor *t, int depth, const float **p) {
  if (depth == t->ndim) {
    lua_pushnumber(L, *(*p)++);
    return;
  }
  lua_createtable(L, (int)t->shape[depth], 0);
  for (int64_t i = 0; i < t->shape[depth]; i++) {
    push_nested(L, t, depth + 1, p);
    lua_rawseti(L, -2, i + 1);
  }
}

static int t_totable(lua_State *L) {
  dt_tensor *t = lt_check(L, 1);
  luaL_checkstack(L, t->ndim + 4, "totable");
  const float *p = t->data;
  push_nested(L, t, 0, &p);
  return 1;
}

static int t_item(lua_State *L) {
  dt_tensor *t = lt_check(L, 1);
  if (t->numel != 1) {
    char buf[160];
    lt_shape_str(t->shape, t->ndim, buf, sizeof buf);
    return luaL_error(L, "item: tensor of shape %s has %I elements, expected 1", buf,
                      (lua_Integer)t->numel);
  }
  lua_pushnumber(L, t->data[0]);
  return 1;
}

/* Flat offset of the 1-based index arguments starting at idx. */
static int64_t flat_index(lua_State *L, dt_tensor *t, int idx, int nidx, const char *fname) {
  if (nidx != t->ndim)
    return luaL_error(L, "%s: %d indices given for a %d-D tensor", fname, nidx, t->ndim);
  int64_t off = 0;
  for (int d = 0; d < t->ndim; d++) {
    lua_Integer i = luaL_checkinteger(L, idx + d);
    if (i < 1 || i > t->shape[d])
      return luaL_error(L, "%s: index %I out of range 1..%I in dimension %d", fname, (lua_Integer)i,
                        (lua_Integer)t->shape[d], d + 1);
    off = off * t->shape[d] + (i - 1);
  }
  return off;
}

static int t_get(lua_State *L) {
  dt_tensor *t = lt_check(L, 1);
  lua_pushnumber(L, t->data[flat_index(L, t, 2, lua_gettop(L) - 1, "get")]);
  return 1;
}

static int t_set(lua_State *L) {
  dt_tensor *t = lt_check(L, 1);
  int top = lua_gettop(L);
  float v = (float)luaL_checknumber(L, top);
  t->data[flat_index(L, t, 2, top - 2, "set")] = v;
  dt_storage_touch(t->storage);
  lua_settop(L, 1);
  return 1;
}

/* ---- shape ops ---- */

/* reshape(shape) / view(shape): a view, one size may be -1 */
static int t_reshape(lua_State *L) {
  dt_tensor *a = lt_check_stored(L, 1);
  int64_t shape[DT_MAX_DIMS];
  int nd = 0, infer = -1;
  int64_t known = 1;
  int istable = lua_istable(L, 2);
  int n = istable ? (int)luaL_len(L, 2) : lua_gettop(L) - 1;
  if (!istable && lua_type(L, 2) != LUA_TNUMBER)
    return luaL_error(L, "reshape: shape must be a table of sizes, got %s", luaL_typename(L, 2));
  if (n > DT_MAX_DIMS)
    return luaL_error(L, "reshape: shape has %d dimensions (at most %d)", n, DT_MAX_DIMS);
  for (int i = 0; i < n; i++) {
    if (istable)
      lua_geti(L, 2, i + 1);
    else
      lua_pushvalue(L, 2 + i);
    int isint;
    lua_Integer v = lua_tointegerx(L, -1, &isint);
    lua_pop(L, 1);
    if (!isint || v < -1)
      return luaL_error(L, "reshape: bad size in dimension %d", i + 1);
    if (v == -1) {
      if (infer >= 0)
        return luaL_error(L, "reshape: only one size may be -1");
      infer = i;
      v = 1;
    } else if (v > 0 && known > DT_MAX_NUMEL / v) {
      return luaL_error(L, "reshape: shape too large");
    }
    shape[nd++] = v;
    known *= v;
  }
  if (infer >= 0) {
    if (known == 0 || a->numel % known != 0)
      return luaL_error(L, "reshape: cannot infer the -1 size for %I elements",
                        (lua_Integer)a->numel);
    shape[infer] = a->numel / known;
    known = a->numel;
  }
  if (known != a->numel) {
    char sa[160], sb[160];
    lt_shape_str(a->shape, a->ndim, sa, sizeof sa);
    lt_shape_str(shape, nd, sb, sizeof sb);
    return luaL_error(L, "reshape: cannot view shape %s (%I elements) as %s", sa,
                      (lua_Integer)a->numel, sb);
  }
  dt_tensor *t = lt_push_empty(L);
  dt_err err;
  if (dt_view(t, a, 0, shape, nd, &err))
    return lt_raise(L, "reshape", &err);
  return 1;
}

static int check_dim(lua_State *L, int idx, const dt_tensor *t, const char *fname, int extra) {
  lua_Integer d = luaL_checkinteger(L, idx);
  int nd = t->ndim + extra;
  if (d < 0)
    d += nd + 1; /* -1 is the last dimension */
  if (d < 1 || d > nd)
    return luaL_error(L, "%s: dimension %I out of range for a %d-D tensor", fname,
                      (lua_Integer)lua_tointeger(L, idx), t->ndim);
  return (int)d - 1;
}

static int t_unsqueeze(lua_State *L) {
  dt_tensor *a = lt_check_stored(L, 1);
  if (a->ndim == DT_MAX_DIMS)
    return luaL_error(L, "unsqueeze: tensor already has %d dims", DT_MAX_DIMS);
  int d = check_dim(L, 2, a, "unsqueeze", 1);
  int64_t shape[DT_MAX_DIMS];
  for (int i = 0, j = 0; i <= a->ndim; i++)
    shape[i] = i == d ? 1 : a->shape[j++];
  dt_tensor *t = lt_push_empty(L);
  dt_err err;
  if (dt_view(t, a, 0, shape, a->ndim + 1, &err))
    return lt_raise(L, "unsqueeze", &err);
  return 1;
}

static int t_squeeze(lua_State *L) {
  dt_tensor *a = lt_check_stored(L, 1);
  int64_t shape[DT_MAX_DIMS];
  int nd = 0, only = lua_isnoneornil(L, 2) ? -1 : check_dim(L, 2, a, "squeeze", 0);
  for (int i = 0; i < a->ndim; i++)
    if (a->shape[i] != 1 || (only >= 0 && i != only))
      shape[nd++] = a->shape[i];
  dt_tensor *t = lt_push_empty(L);
  dt_err err;
  if (dt_view(t, a, 0, shape, nd, &err))
    return lt_raise(L, "squeeze", &err);
  return 1;
}

/* narrow(dim, start, length): a view when the window is contiguous in
 * memory (dim 1, or all dims before it of size 1), a copy otherwise. The
 * views, as reshape's, squeeze's and unsqueeze's, are of any element type. */
static int narrow_impl(lua_State *L, const char *fname, int d, int64_t start, int64_t len,
                       int drop_dim) {
  dt_tensor *a = lt_check_stored(L, 1);
  int64_t shape[DT_MAX_DIMS], outer = 1, inner = 1;
  for (int i = 0; i < a->ndim; i++)
    shape[i] = i == d ? len : a->shape[i];
  for (int i = 0; i < d; i++)
    outer *= a->shape[i];
  for (int i = d + 1; i < a->ndim; i++)
    inner *= a->shape[i];
  int64_t rshape[DT_MAX_DIMS];
  int rnd = 0;
  for (int i = 0; i < a->ndim; i++)
    if (!(drop_dim && i == d))
      rshape[rnd++] = shape[i];
  dt_err err;
  if (outer == 1) {
    dt_tensor *t = lt_push_empty(L);
    if (dt_view(t, a, start * inner, rshape, rnd, &err))
      return lt_raise(L, fname, &err);
    return 1;
  }
  lt_require_float(L, a, fname); /* (a copy: of float32 elements only) */
  dt_tensor *t = lt_push_new(L, shape, a->ndim, fname);
  dt_narrow_copy(t, a, d, start);
  if (drop_dim && dt_view(t, t, 0, rshape, rnd, &err))
    return lt_raise(L, fname, &err);
  return 1;
}

static int t_narrow(lua_State *L) {
  dt_tensor *a = lt_check_stored(L, 1);
  int d = check_dim(L, 2, a, "narrow", 0);
  lua_Integer start = luaL_checkinteger(L, 3), len = luaL_checkinteger(L, 4);
  if (start < 1 || len < 0 || start - 1 + len > a->shape[d])
    return luaL_error(L, "narrow: window start %I, length %I does not fit size %I of dimension %d",
                      (lua_Integer)start, (lua_Integer)len, (lua_Integer)a->shape[d], d + 1);
  return narrow_impl(L, "narrow", d, start - 1, len, 0);
}

static int t_select(lua_State *L) {
  dt_tensor *a = lt_check_stored(L, 1);
  int d = check_dim(L, 2, a, "select", 0);
  lua_Integer i = luaL_checkinteger(L, 3);
  if (i < 1 || i > a->shape[d])
    return luaL_error(L, "select: index %I out of range 1..%I in dimension %d", (lua_Integer)i,
                      (lua_Integer)a->shape[d], d + 1);
  return narrow_impl(L, "select", d, i - 1, 1, 1);
}

static int t_contiguous(lua_State *L) {
  lt_check_stored(L, 1);
  lua_settop(L, 1); /* always contiguous: the tensor itself */
  return 1;
}

static int permute_impl(lua_State *L, dt_tensor *a, const int *perm, const char *fname) {
  int64_t shape[DT_MAX_DIMS];
  for (int i = 0; i < a->ndim; i++)
    shape[i] = a->shape[perm[i]];
  dt_tensor *t = lt_push_new(L, shape, a->ndim, fname);
  dt_permute(t, a, perm);
  return 1;
}

/* permute{dims} or permute(d1, d2, ...), 1-based; returns a copy */
static int t_permute(lua_State *L) {
  dt_tensor *a = lt_check(L, 1);
  int perm[DT_MAX_DIMS], seen[DT_MAX_DIMS] = {0};
  int istable = lua_istable(L, 2);
  int n = istable ? (int)luaL_len(L, 2) : lua_gettop(L) - 1;
  if (n != a->ndim)
    return luaL_error(L, "permute: %d dimensions given for a %d-D tensor", n, a->ndim);
  for (int i = 0; i < n; i++) {
    if (istable)
      lua_geti(L, 2, i + 1);
    else
      lua_pushvalue(L, 2 + i);
    int isint;
    lua_Integer d = lua_tointegerx(L, -1, &isint);
    lua_pop(L, 1);
    if (!isint || d < 1 || d > n || seen[d - 1])
      return luaL_error(L, "permute: dims must be a permutation of 1..%d", n);
    seen[d - 1] = 1;
    perm[i] = (int)d - 1;
  }
  return permute_impl(L, a, perm, "permute");
}

static int t_transpose(lua_State *L) {
  dt_tensor *a = lt_check(L, 1);
  int perm[DT_MAX_DIMS];
  int d1, d2;
  if (lua_isnoneornil(L, 2)) {
    if (a->ndim != 2)
      return luaL_error(L, "transpose: give two dims for a %d-D tensor", a->ndim);
    d1 = 0;
    d2 = 1;
  } else {
    d1 = check_dim(L, 2, a, "transpose", 0);
    d2 = check_dim(L, 3, a, "transpose", 0);
  }
  for (int i = 0; i < a->ndim; i++)
    perm[i] = i;
  perm[d1] = d2;
  perm[d2] = d1;
  return permute_impl(L, a, perm, "transpose");
}

/* Collects the tensors of a list argument. */
static int tensor_list(lua_State *L, int idx, const char *fname, dt_tensor **ts, int max) {
  luaL_checktype(L, idx, LUA_TTABLE);
  int n = (int)luaL_len(L, idx);
  if (n < 1)
    return luaL_error(L, "%s: the list of tensors is empty", fname);
  if (n > max)
    return luaL_error(L, "%s: at most %d tensors", fname, max);
  for (int i = 0; i < n; i++) {
    lua_geti(L, idx, i + 1);
    ts[i] = lt_test(L, -1);
    if (!ts[i] || !ts[i]->data)
      return luaL_error(L, "%s: element %d of the list is not a tensor", fname, i + 1);
    lua_pop(L, 1); /* still referenced by the list */
  }
  return n;
}

#define MAX_LIST 4096

static int cat_impl(lua_State *L, const char *fname, int stack) {
  lua_Integer dim = luaL_optinteger(L, 2, 1);
  lua_settop(L, 2);
  dt_tensor **ts = lua_newuserdatauv(L, MAX_LIST * sizeof *ts, 0); /* GC-owned scratch */
  int n = tensor_list(L, 1, fname, ts, MAX_LIST);
  const dt_tensor *first = ts[0];
  int nd = first->ndim + stack;
  if (dim < 0)
    dim += nd + 1;
  if (dim < 1 || dim > nd)
    return luaL_error(L, "%s: dimension %I out of range", fname, (lua_Integer)dim);
  int d = (int)dim - 1;
  int64_t shape[DT_MAX_DIMS];
  if (stack) {
    if (nd > DT_MAX_DIMS)
      return luaL_error(L, "%s: result would exceed %d dims", fname, DT_MAX_DIMS);
    for (int i = 0, j = 0; i < nd; i++)
      shape[i] = i == d ? n : first->shape[j++];
  } else {
    for (int i = 0; i < nd; i++)
      shape[i] = first->shape[i];
    shape[d] = 0;
  }
  for (int k = 0; k < n; k++) {
    const dt_tensor *t = ts[k];
    int ok = t->ndim == first->ndim;
    for (int i = 0; ok && i < first->ndim; i++)
      ok = (i == d && !stack) || t->shape[i] == first->shape[i];
    if (!ok) {
      char sa[160], sb[160];
      lt_shape_str(first->shape, first->ndim, sa, sizeof sa);
      lt_shape_str(t->shape, t->ndim, sb, sizeof sb);
      return luaL_error(L, "%s: tensor %d has shape %s, incompatible with %s along dim %d", fname,
                        k + 1, sb, sa, d + 1);
    }
    if (!stack)
      shape[d] += t->shape[d];
  }
  dt_tensor *out = lt_push_new(L, shape, nd, fname);
  int64_t pos = 0;
  for (int k = 0; k < n; k++) {
    dt_tensor piece = *ts[k]; /* same data, shape with the stacked dim of 1 */
    if (stack) {
      for (int i = 0, j = 0; i < nd; i++)
        piece.shape[i] = i == d ? 1 : ts[k]->shape[j++];
      piece.ndim = nd;
    }
    dt_place(out, &piece, d, pos);
    pos += piece.shape[d];
  }
  return 1;
}

static int t_cat(lua_State *L) { return cat_impl(L, "cat", 0); }
static int t_stack(lua_State *L) { return cat_impl(L, "stack", 1); }

/* expand(shape): materialises broadcasting to shape */
static int t_expand(lua_State *L) {
  dt_tensor *a = lt_check(L, 1);
  int64_t shape[DT_MAX_DIMS], bshape[DT_MAX_DIMS];
  int nd = lt_shape_arg(L, 2, shape, "expand"), bnd;
  dt_err err;
  if (dt_broadcast_shape(a->shape, a->ndim, shape, nd, bshape, &bnd, &err))
    return lt_raise(L, "expand", &err);
  int same = bnd == nd;
  for (int i = 0; same && i < nd; i++)
    same = bshape[i] == shape[i];
  if (!same) {
    char sa[160], sb[160];
    lt_shape_str(a->shape, a->ndim, sa, sizeof sa);
    lt_shape_str(shape, nd, sb, sizeof sb);
    return luaL_error(L, "expand: shape %s cannot expand to %s", sa, sb);
  }
  dt_tensor *t = lt_push_new(L, shape, nd, "expand");
  dt_expand(t, a);
  return 1;
}

/* repeat_(reps): tiles the tensor (Torch's repeat; `repeat` is a Lua keyword). */
static int t_repeat(lua_State *L) {
  dt_tensor *a = lt_check(L, 1);
  int64_t reps[DT_MAX_DIMS], shape[DT_MAX_DIMS];
  int nr = lt_shape_arg(L, 2, reps, "repeat_");
  if (nr < a->ndim)
    return luaL_error(L, "repeat_: %d repetition counts for a %d-D tensor", nr, a->ndim);
  dt_tensor src = *a; /* leading dims of size 1 when reps has more dims */
  int off = nr - a->ndim;
  for (int i = 0; i < nr; i++)
    src.shape[i] = i < off ? 1 : a->shape[i - off];
  src.ndim = nr;
  int64_t numel = 1;
  for (int i = 0; i < nr; i++) {
    if (reps[i] && src.shape[i] > DT_MAX_NUMEL / reps[i])
      return luaL_error(L, "repeat_: result too large");
    shape[i] = src.shape[i] * reps[i];
    if (shape[i] && numel > DT_MAX_NUMEL / shape[i])
      return luaL_error(L, "repeat_: result too large");
    numel *= shape[i];
  }
  dt_tensor *t = lt_push_new(L, shape, nr, "repeat_");
  dt_tile(t, &src);
  return 1;
}

/* pad{left, right, top, bottom} [, value]: pads the last two dims */
static int t_pad(lua_State *L) {
  dt_tensor *a = lt_check(L, 1);
  luaL_checktype(L, 2, LUA_TTABLE);
  float value = (float)luaL_optnumber(L, 3, 0);
  if (a->ndim < 2)
    return luaL_error(L, "pad: needs a tensor of at least 2 dims, got %d", a->ndim);
  int64_t p[4];
  lua_Integer n = luaL_len(L, 2);
  if (n != 4 && n != 1)
    return luaL_error(L, "pad: give {left, right, top, bottom} or {all}");
  for (int i = 0; i < 4; i++) {
    lua_geti(L, 2, n == 1 ? 1 : i + 1);
    int isint;
    lua_Integer v = lua_tointegerx(L, -1, &isint);
    lua_pop(L, 1);
    if (!isint || v < 0 || v > (1 << 20))
      return luaL_error(L, "pad: amounts must be integers in 0..2^20");
    p[i] = v;
  }
  int64_t shape[DT_MAX_DIMS];
  for (int i = 0; i < a->ndim; i++)
    shape[i] = a->shape[i];
  shape[a->ndim - 2] += p[2] + p[3];
  shape[a->ndim - 1] += p[0] + p[1];
  dt_tensor *t = lt_push_new(L, shape, a->ndim, "pad");
  dt_pad2d(t, a, p[0], p[2], value);
  return 1;
}

/* cache_limit([bytes]) -> the limit before the call: how many bytes of freed tensor
 * buffers this Lua state keeps for reuse (64 MiB by default). A training
 * step keeps every activation for its backward pass; caching them all
 * between steps spares the page faults of mapping them afresh. */
static int t_cache_limit(lua_State *L) {
  lstate *st = state_of(L);
  int set = !lua_isnoneornil(L, 1);
  lua_Integer limit = set ? luaL_checkinteger(L, 1) : 0;
  if (limit < 0)
    return luaL_error(L, "cache_limit: expected a byte count >= 0, got %I", limit);
  lua_pushinteger(L, (lua_Integer)dt_pool_limit(st->pool));
  if (set && st->pool)
    dt_pool_set_limit(st->pool, (size_t)limit);
  return 1;
}

static int t_threads(lua_State *L) {
  if (!lua_isnoneornil(L, 1)) {
    lua_Integer n = luaL_checkinteger(L, 1);
    if (n < 1 || n > 1024)
      return luaL_error(L, "threads: count must be 1..1024, got %d", (int)n);
    dt_set_threads((int)n);
  }
  lua_pushinteger(L, dt_get_threads());
  return 1;
}

/* diffusion.matmul_precision([name]): "float32" (the default) or "bf16",
 * the products of every matrix multiply (the models' linear layers and
 * 1 x 1 convolutions, attention's projections, matmul) with both operands
 * rounded to bfloat16 and accumulated in float32 (torch's
 * set_float32_matmul_precision("medium")). Returns the setting in force. */
static int t_matmul_precision(lua_State *L) {
  if (!lua_isnoneornil(L, 1)) {
    const char *name = luaL_checkstring(L, 1);
    if (strcmp(name, "float32") == 0)
      dt_gemm_set_bf16(0);
    else if (strcmp(name, "bf16") == 0) {
      if (!dt_gemm_bf16_supported())
        return luaL_error(L,
                          "matmul_precision: \"bf16\" needs the avx512 kernel set on a CPU with "
                          "AVX512_BF16 (this one runs %s%s)",
                          dt_build_isa(), dt_gemm_bf16_cpu() ? "" : ", without AVX512_BF16");
      dt_gemm_set_bf16(1);
    } else
      return luaL_error(L, "matmul_precision: expected \"float32\" or \"bf16\", got \"%s\"", name);
  }
  lua_pushstring(L, dt_gemm_bf16() ? "bf16" : "float32");
  return 1;
}

static const luaL_Reg methods[] = {
    {"free", t_free},       {"clone", t_clone},
    {"dtype", t_dtype},     {"to", t_to},
    {"float", t_float},     {"shape", t_shape},
    {"size", t_size},       {"dim", t_dim},
    {"numel", t_numel},     {"totable", t_totable},
    {"item", t_item},       {"get", t_get},
    {"set", t_set},         {"reshape", t_reshape},
    {"view", t_reshape},    {"unsqueeze", t_unsqueeze},
    {"squeeze", t_squeeze}, {"narrow", t_narrow},
    {"select", t_select},   {"contiguous", t_contiguous},
    {"permute", t_permute}, {"transpose", t_transpose},
    {"expand", t_expand},   {"repeat_", t_repeat},
    {"pad", t_pad},         {NULL, NULL},
};

static const luaL_Reg functions[] = {
    {"tensor", t_tensor},
    {"zeros", t_zeros},
    {"ones", t_ones},
    {"empty", t_empty},
    {"full", t_full},
    {"arange", t_arange},
    {"linspace", t_linspace},
    {"cat", t_cat},
    {"stack", t_stack},
    {"threads", t_threads},
    {"matmul_precision", t_matmul_precision},
    {"cache_limit", t_cache_limit},
    {NULL, NULL},
};

void lt_open_tensor(lua_State *L) {
  /* module table at -1 */
  luaL_newmetatable(L, DIFFUSION_TENSOR);
  lua_pushcfunction(L, t_free);
  lua_setfield(L, -2, "__gc");
  lua_pushcfunction(L, t_free);
  lua_setfield(L, -2, "__close");
  lua_pushcfunction(L, t_len);
  lua_setfield(L, -2, "__len");
  lua_newtable(L);
  luaL_setfuncs(L, methods, 0);
  lua_pushvalue(L, -1);
  lua_setfield(L, -3, "__index");
  lua_setfield(L, -3, "Tensor"); /* module.Tensor = methods */
  lua_setfield(L, -2, "Tensor_mt");
  luaL_setfuncs(L, functions, 0);
}
