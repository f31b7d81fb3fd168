/* diffusion.mpi: the processes of an mpirun (or srun) job, and collectives
 * on diffusion tensors and Lua numbers whose results do not depend on timing
 * (collective.h). Built apart from the core (make MPI=1) so that the default
 * module never links MPI; it reaches tensors through their userdata, which
 * holds the dt_tensor itself, and makes new ones with diffusion.core.empty.
 *
 * A collective that times out or fails cannot be recovered from (its peers
 * are left mid-operation), so it ends the whole job with MPI_Abort after
 * saying why; mistakes every rank can see alike (shapes that differ between
 * ranks, bad arguments) raise ordinary Lua errors on every rank. */
#include <lauxlib.h>
#include <lua.h>
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/tensor.h"
#include "collective.h"

#define DIFFUSION_TENSOR "diffusion.Tensor"
#define SENTINEL "diffusion.mpi.sentinel"

__attribute__((visibility("default"))) int luaopen_diffusion_mpi(lua_State *L);

/* Scratch space reused by every call (collectives run on one thread). */
static void *scratch;
static size_t scratch_bytes;

static void *scratch_for(lua_State *L, size_t nbytes) {
  if (nbytes > scratch_bytes) {
    void *p = realloc(scratch, nbytes);
    if (!p)
      luaL_error(L, "mpi: out of memory for %zu bytes of scratch", nbytes);
    scratch = p;
    scratch_bytes = nbytes;
  }
  return scratch;
}

/* A failed collective ends the job, saying which call of diffusion.mpi failed. */
static void check(dt_coll_status st, const char *fname) {
  if (st == DT_COLL_OK)
    return;
  fprintf(stderr, "diffusion: rank %d of %d: mpi.%s: %s; ending the job\n", dt_coll_rank(),
          dt_coll_size(), fname, dt_coll_error());
  fflush(stderr);
  MPI_Abort(MPI_COMM_WORLD, 1);
}

static dt_tensor *check_tensor(lua_State *L, int idx) {
  dt_tensor *t = luaL_checkudata(L, idx, DIFFUSION_TENSOR);
  if (t->numel > 0 && !t->data)
    luaL_argerror(L, idx, "tensor was freed (closed)");
  return t;
}

static dt_tensor *test_tensor(lua_State *L, int idx) {
  return luaL_testudata(L, idx, DIFFUSION_TENSOR) ? check_tensor(L, idx) : NULL;
}

/* Pushes diffusion.core.empty(shape) (the function is upvalue 1). */
static dt_tensor *push_new(lua_State *L, const int64_t *shape, int ndim) {
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_createtable(L, ndim, 0);
  for (int i = 0; i < ndim; i++) {
    lua_pushinteger(L, (lua_Integer)shape[i]);
    lua_rawseti(L, -2, i + 1);
  }
  lua_call(L, 1, 1);
  return check_tensor(L, -1);
}

static int root_arg(lua_State *L, int idx) {
  lua_Integer root = luaL_optinteger(L, idx, 0);
  if (root < 0 || root >= dt_coll_size())
    return (int)luaL_error(L, "mpi: root %d is not a rank of 0..%d", (int)root, dt_coll_size() - 1);
  return (int)root;
}

/* The same count on every rank, or an error on every rank naming both. */
static void agree(lua_State *L, int64_t n, const char *fname, const char *what) {
  int size = dt_coll_size();
  int64_t *all = scratch_for(L, (size_t)size * sizeof *all);
  check(dt_coll_allgather_i64(&n, 1, all), fname);
  for (int r = 0; r < size; r++)
    if (all[r] != all[0]) {
      int64_t a = all[0], b = all[r];
      luaL_error(L, "%s: rank 0 has %I %s, rank %d has %I", fname, (lua_Integer)a, what, r,
                 (lua_Integer)b);
    }
}

/* "{2,3}" (the core's dt_shape_format lives in the core module, not here) */
static void shape_str(const int64_t *shape, int ndim, char *buf, size_t len) {
  size_t at = (size_t)snprintf(buf, len, "{");
  for (int i = 0; i < ndim && at < len; i++)
    at += (size_t)snprintf(buf + at, len - at, i ? ",%lld" : "%lld", (long long)shape[i]);
  if (at < len)
    snprintf(buf + at, len - at, "}");
}

static int m_rank(lua_State *L) {
  lua_pushinteger(L, dt_coll_rank());
  return 1;
}

static int m_size(lua_State *L) {
  lua_pushinteger(L, dt_coll_size());
  return 1;
}

static int m_barrier(lua_State *L) {
  (void)L;
  check(dt_coll_barrier(), "barrier");
  return 0;
}

/* timeout([seconds]) -> the seconds every collective waits for its peers */
static int m_timeout(lua_State *L) {
  if (!lua_isnoneornil(L, 1)) {
    lua_Number s = luaL_checknumber(L, 1);
    if (!(s > 0))
      return luaL_error(L, "mpi.timeout: seconds must be > 0");
    dt_coll_set_timeout(s);
  }
  lua_pushnumber(L, dt_coll_timeout());
  return 1;
}

/* The tensors of argument 1: one tensor or a list of them. */
static int tensor_list(lua_State *L, dt_tensor **out, int max, const char *fname) {
  dt_tensor *one = test_tensor(L, 1);
  if (one) {
    out[0] = one;
    return 1;
  }
  if (!lua_istable(L, 1))
    return luaL_error(L, "%s: expected a tensor or a list of tensors", fname);
  int n = (int)luaL_len(L, 1);
  if (n > max)
    return luaL_error(L, "%s: at most %d tensors at once", fname, max);
  for (int i = 0; i < n; i++) {
    lua_geti(L, 1, i + 1);
    out[i] = luaL_testudata(L, -1, DIFFUSION_TENSOR);
    if (!out[i] || (out[i]->numel > 0 && !out[i]->data))
      return luaL_error(L, "%s: entry %d of the list is not a tensor", fname, i + 1);
    lua_pop(L, 1);
  }
  return n;
}

#define MAX_TENSORS 4096

/* allreduce_(t | {t, ...}): sums each tensor over the ranks, in place; a
 * list travels as one vector. */
static int m_allreduce_(lua_State *L) {
  static dt_tensor *ts[MAX_TENSORS];
  int n = tensor_list(L, ts, MAX_TENSORS, "allreduce_");
  int64_t total = 0;
  for (int i = 0; i < n; i++)
    total += ts[i]->numel;
  agree(L, total, "allreduce_", "numbers");
  int size = dt_coll_size();
  if (size == 1 || total == 0) {
    lua_settop(L, 1);
    return 1;
  }
  int64_t chunk = total / size + 1;
  float *buf = scratch_for(L, (size_t)(chunk + (n == 1 ? 0 : total)) * sizeof(float));
  float *vec = n == 1 ? ts[0]->data : buf + chunk;
  for (int64_t i = 0, at = 0; n > 1 && i < n; at += ts[i]->numel, i++)
    memcpy(vec + at, ts[i]->data, (size_t)ts[i]->numel * sizeof(float));
  check(dt_coll_allreduce_f32(vec, total, buf), "allreduce_");
  for (int64_t i = 0, at = 0; i < n; at += ts[i]->numel, i++) {
    if (n > 1)
      memcpy(ts[i]->data, vec + at, (size_t)ts[i]->numel * sizeof(float));
    dt_storage_touch(ts[i]->storage);
  }
  lua_settop(L, 1);
  return 1;
}

/* allreduce(x | {x, ...}) -> the sums of Lua numbers over the ranks, in
 * float64, added in rank order */
static int m_allreduce(lua_State *L) {
  int list = lua_istable(L, 1);
  if (!list)
    luaL_checknumber(L, 1);
  int64_t n = list ? (int64_t)luaL_len(L, 1) : 1;
  agree(L, n, "allreduce", "numbers");
  int size = dt_coll_size();
  double *x = scratch_for(L, (size_t)(n * (size + 1)) * sizeof(double) + sizeof(double));
  for (int64_t i = 0; i < n; i++) {
    if (list)
      lua_geti(L, 1, i + 1);
    int ok;
    x[i] = lua_tonumberx(L, list ? -1 : 1, &ok);
    if (!ok)
      return luaL_error(L, "allreduce: entry %d is not a number", (int)i + 1);
    if (list)
      lua_pop(L, 1);
  }
  check(dt_coll_allreduce_f64(x, n, x + n), "allreduce");
  if (!list) {
    lua_pushnumber(L, x[0]);
    return 1;
  }
  lua_createtable(L, (int)n, 0);
  for (int64_t i = 0; i < n; i++) {
    lua_pushnumber(L, x[i]);
    lua_rawseti(L, -2, i + 1);
  }
  return 1;
}

/* broadcast_(t | {t, ...}, root=0): root's values into every rank's tensors */
static int m_broadcast_(lua_State *L) {
  static dt_tensor *ts[MAX_TENSORS];
  int root = root_arg(L, 2);
  int n = tensor_list(L, ts, MAX_TENSORS, "broadcast_");
  int64_t total = 0;
  for (int i = 0; i < n; i++)
    total += ts[i]->numel;
  agree(L, total, "broadcast_", "numbers");
  for (int i = 0; i < n; i++) {
    check(dt_coll_broadcast(ts[i]->data, ts[i]->numel * (int64_t)sizeof(float), root),
          "broadcast_");
    dt_storage_touch(ts[i]->storage);
  }
  lua_settop(L, 1);
  return 1;
}

/* broadcast(s, root=0) -> root's string on every rank (s is ignored elsewhere) */
static int m_broadcast(lua_State *L) {
  int root = root_arg(L, 2);
  size_t len = 0;
  const char *s = dt_coll_rank() == root ? luaL_checklstring(L, 1, &len) : NULL;
  int64_t n = (int64_t)len;
  check(dt_coll_broadcast(&n, sizeof n, root), "broadcast");
  char *buf = scratch_for(L, (size_t)n + 1);
  if (s)
    memcpy(buf, s, len);
  check(dt_coll_broadcast(buf, n, root), "broadcast");
  lua_pushlstring(L, buf, (size_t)n);
  return 1;
}

/* The ranks' pieces one after another: gather(x, root) at root (root >= 0)
 * or allgather(x) everywhere (root < 0). A tensor's pieces are joined along
 * dim 1 (the other dims must agree); a list of numbers' pieces into one list. */
static int gather(lua_State *L, int root, const char *fname) {
  int size = dt_coll_size(), rank = dt_coll_rank();
  int everywhere = root < 0 || rank == root;
  dt_tensor *t = test_tensor(L, 1);
  if (!t) {
    luaL_checktype(L, 1, LUA_TTABLE);
    int64_t n = (int64_t)luaL_len(L, 1);
    int64_t *counts = scratch_for(L, (size_t)size * sizeof *counts * 2);
    check(dt_coll_allgather_i64(&n, 1, counts), fname);
    int64_t total = 0;
    for (int r = 0; r < size; r++)
      total += counts[r];
    size_t head = ((size_t)size * sizeof *counts * 2 + 15) & ~(size_t)15;
    counts = scratch_for(L, head + (size_t)(n + total + 1) * sizeof(double));
    int64_t *bytes = counts + size;
    double *mine = (double *)((char *)counts + head), *all = mine + n;
    for (int r = 0; r < size; r++)
      bytes[r] = counts[r] * (int64_t)sizeof(double);
    for (int64_t i = 0; i < n; i++) {
      lua_geti(L, 1, i + 1);
      int ok;
      mine[i] = lua_tonumberx(L, -1, &ok);
      lua_pop(L, 1);
      if (!ok)
        return luaL_error(L, "%s: entry %d is not a number", fname, (int)i + 1);
    }
    check(dt_coll_gatherv(mine, n * (int64_t)sizeof(double), all, bytes, root), fname);
    if (!everywhere)
      return 0;
    lua_createtable(L, (int)total, 0);
    for (int64_t i = 0; i < total; i++) {
      lua_pushnumber(L, all[i]);
      lua_rawseti(L, -2, i + 1);
    }
    return 1;
  }
  /* every rank's shape (ndim, then DT_MAX_DIMS sizes), so every rank can check */
  int64_t mine[1 + DT_MAX_DIMS] = {t->ndim};
  for (int i = 0; i < t->ndim; i++)
    mine[1 + i] = t->shape[i];
  int64_t *shapes = scratch_for(L, (size_t)size * sizeof mine + (size_t)size * sizeof(int64_t));
  check(dt_coll_allgather_i64(mine, 1 + DT_MAX_DIMS, shapes), fname);
  int64_t *bytes = shapes + (size_t)size * (1 + DT_MAX_DIMS);
  int64_t rows = 0, per = 1;
  for (int i = 1; i < t->ndim; i++)
    per *= t->shape[i];
  for (int r = 0; r < size; r++) {
    const int64_t *s = shapes + (size_t)r * (1 + DT_MAX_DIMS);
    int same = s[0] == t->ndim && t->ndim >= 1;
    for (int i = 1; same && i < t->ndim; i++)
      same = s[1 + i] == t->shape[i];
    if (!same) {
      char a[96], b[96];
      shape_str(t->shape, t->ndim, a, sizeof a);
      shape_str(s + 1, (int)s[0], b, sizeof b);
      return luaL_error(L, "%s: rank %d's tensor %s and rank %d's %s do not join along dim 1",
                        fname, rank, a, r, b);
    }
    rows += s[1];
    bytes[r] = s[1] * per * (int64_t)sizeof(float);
  }
  int64_t shape[DT_MAX_DIMS];
  memcpy(shape, t->shape, sizeof shape);
  shape[0] = rows;
  float *recv = NULL;
  if (everywhere)
    recv = push_new(L, shape, t->ndim)->data;
  check(dt_coll_gatherv(t->data, t->numel * (int64_t)sizeof(float), recv, bytes, root), fname);
  return everywhere ? 1 : 0;
}

static int m_gather(lua_State *L) { return gather(L, root_arg(L, 2), "gather"); }
static int m_allgather(lua_State *L) { return gather(L, -1, "allgather"); }

/* abort(message [, code=1]): says why on stderr and ends every rank */
static int m_abort(lua_State *L) {
  const char *msg = luaL_optstring(L, 1, "aborted");
  int code = (int)luaL_optinteger(L, 2, 1);
  fprintf(stderr, "%s\n", msg);
  fflush(stderr);
  MPI_Abort(MPI_COMM_WORLD, code ? code : 1);
  return 0;
}

static int finalize(lua_State *L) {
  (void)L;
  int initialized = 0, finalized = 0;
  MPI_Initialized(&initialized);
  MPI_Finalized(&finalized);
  if (initialized && !finalized)
    MPI_Finalize();
  free(scratch);
  scratch = NULL;
  scratch_bytes = 0;
  return 0;
}

static int m_processor(lua_State *L) {
  char name[MPI_MAX_PROCESSOR_NAME];
  int len = 0;
  MPI_Get_processor_name(name, &len);
  lua_pushlstring(L, name, (size_t)len);
  return 1;
}

int luaopen_diffusion_mpi(lua_State *L) {
  int initialized = 0, finalized = 0;
  MPI_Finalized(&finalized);
  if (finalized)
    return luaL_error(L, "diffusion.mpi: MPI was finalized in this process; it cannot start again");
  MPI_Initialized(&initialized);
  if (!initialized) {
    int provided;
    if (MPI_Init_thread(NULL, NULL, MPI_THREAD_FUNNELED, &provided) != MPI_SUCCESS)
      return luaL_error(L, "diffusion.mpi: MPI_Init failed");
  }
  const char *env = getenv("DIFFUSION_MPI_TIMEOUT");
  if (env && *env) {
    char *end;
    double s = strtod(env, &end);
    if (*end || !(s > 0))
      return luaL_error(L, "DIFFUSION_MPI_TIMEOUT=%s is not a number of seconds > 0", env);
    dt_coll_set_timeout(s);
  }
  /* MPI_Finalize when the Lua state closes (the end of a script) */
  if (luaL_newmetatable(L, SENTINEL)) {
    lua_pushcfunction(L, finalize);
    lua_setfield(L, -2, "__gc");
  }
  lua_newuserdatauv(L, 1, 0);
  lua_pushvalue(L, -2);
  lua_setmetatable(L, -2);
  lua_setfield(L, LUA_REGISTRYINDEX, SENTINEL ".instance");
  lua_pop(L, 1);

  static const luaL_Reg fns[] = {
      {"rank", m_rank},
      {"size", m_size},
      {"barrier", m_barrier},
      {"timeout", m_timeout},
      {"allreduce_", m_allreduce_},
      {"allreduce", m_allreduce},
      {"broadcast_", m_broadcast_},
      {"broadcast", m_broadcast},
      {"gather", m_gather},
      {"allgather", m_allgather},
      {"abort", m_abort},
      {"finalize", finalize},
      {"processor_name", m_processor},
      {NULL, NULL},
  };
  lua_getglobal(L, "require");
  lua_pushliteral(L, "diffusion.core");
  lua_call(L, 1, 1);
  lua_getfield(L, -1, "empty");
  luaL_checktype(L, -1, LUA_TFUNCTION);
  lua_newtable(L);
  lua_insert(L, -2);
  luaL_setfuncs(L, fns, 1);
  return 1;
}
