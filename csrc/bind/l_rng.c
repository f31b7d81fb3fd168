/* The diffusion.Rng userdata: a Philox4x32-10 generator. */
#include <math.h>
#include <string.h>

#include "../core/rng.h"
#include "bind.h"

static dt_rng *check_rng(lua_State *L, int idx) { return luaL_checkudata(L, idx, DIFFUSION_RNG); }

static uint64_t check_seed(lua_State *L, int idx) {
  int isint;
  lua_Integer s = lua_tointegerx(L, idx, &isint);
  if (!isint)
    return (uint64_t)luaL_error(L, "rng: seed must be an integer, got %s", luaL_typename(L, idx));
  return (uint64_t)s;
}

/* diffusion.rng([seed=0]) */
static int r_new(lua_State *L) {
  uint64_t seed = lua_isnoneornil(L, 1) ? 0 : check_seed(L, 1);
  dt_rng *r = lua_newuserdatauv(L, sizeof *r, 0);
  r->seed = seed;
  r->draw = 0;
  luaL_setmetatable(L, DIFFUSION_RNG);
  return 1;
}

/* Output tensor: a shape (table or numbers) at idx makes a new one, a tensor
 * there is filled in place. */
static dt_tensor *target(lua_State *L, int idx, const char *fname) {
  dt_tensor *t = lt_test(L, idx);
  if (t) {
    t = lt_check(L, idx);
    lua_pushvalue(L, idx);
    return t;
  }
  int64_t shape[DT_MAX_DIMS];
  int nd = lt_shape_arg(L, idx, shape, fname);
  return lt_push_new(L, shape, nd, fname);
}

/* The options table after a shape given as a table (or a tensor to fill):
 * {first = k} numbers the samples (dim 1) from k, so the draw is rows
 * [k, k + n) of the same draw made for more samples. Checked before the
 * output is made. */
static uint32_t first_sample(lua_State *L, int shape_idx, const char *fname) {
  int idx = shape_idx + 1;
  if (lua_type(L, shape_idx) != LUA_TTABLE && !lt_test(L, shape_idx))
    return 0;
  if (lua_isnoneornil(L, idx))
    return 0;
  luaL_checktype(L, idx, LUA_TTABLE);
  lua_pushnil(L);
  while (lua_next(L, idx)) {
    lua_pop(L, 1);
    if (lua_type(L, -1) != LUA_TSTRING || strcmp(lua_tostring(L, -1), "first") != 0)
      return (uint32_t)luaL_error(L, "%s: unknown option '%s' (it takes first)", fname,
                                  luaL_tolstring(L, -1, NULL));
  }
  lua_getfield(L, idx, "first");
  int isint;
  lua_Integer k = lua_tointegerx(L, -1, &isint);
  lua_pop(L, 1);
  int64_t n = 1;
  dt_tensor *t = lt_test(L, shape_idx);
  if (t) {
    n = t->ndim >= 2 ? t->shape[0] : 1;
  } else if (luaL_len(L, shape_idx) >= 2) {
    lua_geti(L, shape_idx, 1);
    n = lua_tointeger(L, -1);
    lua_pop(L, 1);
  }
  if (!isint || k < 0 || k + n > ((lua_Integer)1 << 32))
    return (uint32_t)luaL_error(L, "%s: first must be an integer in 0..2^32 - samples", fname);
  return (uint32_t)k;
}

static int r_randn(lua_State *L) {
  dt_rng *r = check_rng(L, 1);
  uint32_t first = first_sample(L, 2, "randn");
  dt_rng_fill(r, target(L, 2, "randn"), DT_DIST_NORMAL, 0, 0, first);
  return 1;
}

static int r_rand(lua_State *L) {
  dt_rng *r = check_rng(L, 1);
  uint32_t first = first_sample(L, 2, "rand");
  dt_rng_fill(r, target(L, 2, "rand"), DT_DIST_UNIFORM, 0, 1, first);
  return 1;
}

/* rng:randint(lo, hi, shape): integers in [lo, hi], inclusive as math.random */
static int r_randint(lua_State *L) {
  dt_rng *r = check_rng(L, 1);
  lua_Integer lo = luaL_checkinteger(L, 2), hi = luaL_checkinteger(L, 3);
  const lua_Integer lim = (lua_Integer)1 << 24; /* exact in float32 */
  if (lo > hi || lo < -lim || hi > lim)
    return luaL_error(L, "randint: need -2^24 <= lo <= hi <= 2^24, got %I, %I", lo, hi);
  uint32_t first = first_sample(L, 4, "randint");
  dt_rng_fill(r, target(L, 4, "randint"), DT_DIST_INT, (double)lo, (double)hi, first);
  return 1;
}

static int r_seed(lua_State *L) {
  lua_pushinteger(L, (lua_Integer)check_rng(L, 1)->seed);
  return 1;
}

/* rng:draws([n]): how many fills were made; with n, jump to that position */
static int r_draws(lua_State *L) {
  dt_rng *r = check_rng(L, 1);
  if (!lua_isnoneornil(L, 2)) {
    lua_Integer n = luaL_checkinteger(L, 2);
    if (n < 0)
      return luaL_error(L, "draws: position must be >= 0");
    r->draw = (uint64_t)n;
  }
  lua_pushinteger(L, (lua_Integer)r->draw);
  return 1;
}

static int r_clone(lua_State *L) {
  dt_rng *r = check_rng(L, 1);
  dt_rng *c = lua_newuserdatauv(L, sizeof *c, 0);
  *c = *r;
  luaL_setmetatable(L, DIFFUSION_RNG);
  return 1;
}

static int r_tostring(lua_State *L) {
  dt_rng *r = check_rng(L, 1);
  lua_pushfstring(L, "diffusion.Rng(seed=%I, draws=%I)", (lua_Integer)r->seed,
                  (lua_Integer)r->draw);
  return 1;
}

/* philox4x32_10({c0,c1,c2,c3}, {k0,k1}) -> {x0,x1,x2,x3}: the raw block
 * function, to check against the published known-answer vectors. */
static int r_philox(lua_State *L) {
  uint32_t ctr[4], key[2], out[4];
  luaL_checktype(L, 1, LUA_TTABLE);
  luaL_checktype(L, 2, LUA_TTABLE);
  for (int i = 0; i < 4; i++) {
    lua_geti(L, 1, i + 1);
    ctr[i] = (uint32_t)luaL_checkinteger(L, -1);
    lua_pop(L, 1);
  }
  for (int i = 0; i < 2; i++) {
    lua_geti(L, 2, i + 1);
    key[i] = (uint32_t)luaL_checkinteger(L, -1);
    lua_pop(L, 1);
  }
  dt_philox4x32_10(ctr, key, out);
  lua_createtable(L, 4, 0);
  for (int i = 0; i < 4; i++) {
    lua_pushinteger(L, out[i]);
    lua_rawseti(L, -2, i + 1);
  }
  return 1;
}

static const luaL_Reg methods[] = {
    {"randn", r_randn}, {"rand", r_rand},   {"randint", r_randint}, {"seed", r_seed},
    {"draws", r_draws}, {"clone", r_clone}, {NULL, NULL},
};

void lt_open_rng(lua_State *L) {
  luaL_newmetatable(L, DIFFUSION_RNG);
  lua_pushcfunction(L, r_tostring);
  lua_setfield(L, -2, "__tostring");
  lua_newtable(L);
  luaL_setfuncs(L, methods, 0);
  lua_setfield(L, -2, "__index");
  lua_pop(L, 1);
  lua_pushcfunction(L, r_new);
  lua_setfield(L, -2, "rng");
  lua_pushcfunction(L, r_philox);
  lua_setfield(L, -2, "philox4x32_10");
}
