/* Tensor arithmetic from Lua: elementwise ops with broadcasting, the fused
 * sampler updates, reductions, matmul. */
#include <math.h>
#include <string.h>

#include "bind.h"

/* 1 when the two tensors' memory ranges intersect. */
static int overlaps(const dt_tensor *a, const dt_tensor *b) {
  return a->data < b->data + b->numel && b->data < a->data + a->numel;
}

/* An operand that overlaps `out` without being exactly it would be read after
 * being overwritten: work from a copy (left on the stack). */
static const dt_tensor *unalias(lua_State *L, const dt_tensor *out, const dt_tensor *src,
                                const char *fname) {
  if (src->data == out->data && src->numel == out->numel)
    return src;
  if (!overlaps(out, src))
    return src;
  dt_tensor *c = lt_push_new(L, src->shape, src->ndim, fname);
  dt_copy(c, src);
  return c;
}

/* ---- binary ---- */

static int binop(lua_State *L, dt_binop op, const char *fname, int inplace) {
  dt_tensor *a = lt_test(L, 1), *b = lt_test(L, 2);
  if (a)
    a = lt_check(L, 1);
  if (b)
    b = lt_check(L, 2);
  if (!a && !b)
    return luaL_error(L, "%s: expected a tensor, got %s and %s", fname, luaL_typename(L, 1),
                      luaL_typename(L, 2));
  if (a && b) {
    int64_t shape[DT_MAX_DIMS];
    int nd;
    dt_err err;
    if (dt_broadcast_shape(a->shape, a->ndim, b->shape, b->ndim, shape, &nd, &err))
      return lt_raise(L, fname, &err);
    if (inplace) {
      int same = nd == a->ndim;
      for (int i = 0; same && i < nd; i++)
        same = shape[i] == a->shape[i];
      if (!same) {
        char sa[160], sb[160];
        lt_shape_str(a->shape, a->ndim, sa, sizeof sa);
        lt_shape_str(b->shape, b->ndim, sb, sizeof sb);
        return luaL_error(L, "%s: in place on %s, but the result with %s would be bigger", fname,
                          sa, sb);
      }
      dt_binary(op, a, a, unalias(L, a, b, fname));
      dt_storage_touch(a->storage);
      lua_settop(L, 1);
      return 1;
    }
    dt_tensor *out = lt_push_new(L, shape, nd, fname);
    dt_binary(op, out, a, b);
    return 1;
  }
  if (a) {
    if (lua_type(L, 2) != LUA_TNUMBER)
      return luaL_error(L, "%s: argument #2 must be a tensor or a number, got %s", fname,
                        luaL_typename(L, 2));
    float s = (float)lua_tonumber(L, 2);
    if (inplace) {
      dt_binary_scalar(op, a, a, s, 0);
      dt_storage_touch(a->storage);
      lua_settop(L, 1);
      return 1;
    }
    dt_tensor *out = lt_push_new(L, a->shape, a->ndim, fname);
    dt_binary_scalar(op, out, a, s, 0);
    return 1;
  }
  if (lua_type(L, 1) != LUA_TNUMBER)
    return luaL_error(L, "%s: argument #1 must be a tensor or a number, got %s", fname,
                      luaL_typename(L, 1));
  if (inplace)
    return luaL_error(L, "%s: argument #1 must be a tensor", fname);
  float s = (float)lua_tonumber(L, 1);
  dt_tensor *out = lt_push_new(L, b->shape, b->ndim, fname);
  dt_binary_scalar(op, out, b, s, 1);
  return 1;
}

#define BINOP(NAME, OP)                                                                            \
  static int m_##NAME(lua_State *L) { return binop(L, OP, #NAME, 0); }                             \
  static int m_##NAME##_(lua_State *L) { return binop(L, OP, #NAME "_", 1); }

BINOP(add, DT_ADD)
BINOP(sub, DT_SUB)
BINOP(mul, DT_MUL)
BINOP(div, DT_DIV)
BINOP(pow, DT_POW)
BINOP(maximum, DT_MAXIMUM)
BINOP(minimum, DT_MINIMUM)

/* ---- unary ---- */

static int unop(lua_State *L, dt_unop op, const char *fname, int inplace) {
  dt_tensor *a = lt_check(L, 1);
  if (inplace) {
    dt_unary(op, a, a);
    dt_storage_touch(a->storage);
    lua_settop(L, 1);
    return 1;
  }
  dt_tensor *out = lt_push_new(L, a->shape, a->ndim, fname);
  dt_unary(op, out, a);
  return 1;
}

#define UNOP(NAME, OP)                                                                             \
  static int m_##NAME(lua_State *L) { return unop(L, OP, #NAME, 0); }                              \
  static int m_##NAME##_(lua_State *L) { return unop(L, OP, #NAME "_", 1); }

UNOP(abs, DT_ABS)
UNOP(neg, DT_NEG)
UNOP(exp, DT_EXP)
UNOP(log, DT_LOG)
UNOP(sqrt, DT_SQRT)
UNOP(rsqrt, DT_RSQRT)
UNOP(tanh, DT_TANH)
UNOP(sigmoid, DT_SIGMOID)
UNOP(silu, DT_SILU)
UNOP(sin, DT_SIN)
UNOP(cos, DT_COS)
UNOP(sign, DT_SIGN)
UNOP(square, DT_SQUARE)
UNOP(round, DT_ROUND)
UNOP(floor, DT_FLOOR)

static int m_unm(lua_State *L) { return unop(L, DT_NEG, "unm", 0); }

static int clamp_impl(lua_State *L, const char *fname, int inplace) {
  dt_tensor *a = lt_check(L, 1);
  float lo = (float)luaL_optnumber(L, 2, -INFINITY), hi = (float)luaL_optnumber(L, 3, INFINITY);
  if (lo != lo || hi != hi || lo > hi)
    return luaL_error(L, "%s: bounds %f, %f are not an interval", fname, (double)lo, (double)hi);
  dt_tensor *out = a;
  if (!inplace)
    out = lt_push_new(L, a->shape, a->ndim, fname);
  dt_clamp(out, a, lo, hi);
  if (inplace) {
    dt_storage_touch(a->storage);
    lua_settop(L, 1);
  }
  return 1;
}

static int m_clamp(lua_State *L) { return clamp_impl(L, "clamp", 0); }
static int m_clamp_(lua_State *L) { return clamp_impl(L, "clamp_", 1); }

static int m_fill_(lua_State *L) {
  dt_tensor *t = lt_check(L, 1);
  dt_fill(t, (float)luaL_checknumber(L, 2));
  dt_storage_touch(t->storage);
  lua_settop(L, 1);
  return 1;
}

/* Requires that u broadcasts to t's shape exactly. */
static void check_broadcasts_to(lua_State *L, const dt_tensor *t, const dt_tensor *u,
                                const char *fname) {
  int64_t shape[DT_MAX_DIMS];
  int nd;
  dt_err err;
  int ok = dt_broadcast_shape(t->shape, t->ndim, u->shape, u->ndim, shape, &nd, &err) == DT_OK &&
           nd == t->ndim;
  for (int i = 0; ok && i < nd; i++)
    ok = shape[i] == t->shape[i];
  if (!ok) {
    char st[160], su[160];
    lt_shape_str(t->shape, t->ndim, st, sizeof st);
    lt_shape_str(u->shape, u->ndim, su, sizeof su);
    luaL_error(L, "%s: shape %s does not broadcast to %s", fname, su, st);
  }
}

static int m_copy_(lua_State *L) {
  dt_tensor *t = lt_check(L, 1), *u = lt_check(L, 2);
  if (dt_shape_equal(t, u)) {
    dt_copy(t, u);
  } else {
    check_broadcasts_to(L, t, u, "copy_");
    dt_expand(t, unalias(L, t, u, "copy_"));
  }
  dt_storage_touch(t->storage);
  lua_settop(L, 1);
  return 1;
}

/* t:axpby_(a, b, u): t = a*t + b*u in one pass */
static int m_axpby_(lua_State *L) {
  dt_tensor *t = lt_check(L, 1);
  float a = (float)luaL_checknumber(L, 2), b = (float)luaL_checknumber(L, 3);
  dt_tensor *u = lt_check(L, 4);
  check_broadcasts_to(L, t, u, "axpby_");
  dt_axpby(t, a, b, unalias(L, t, u, "axpby_"));
  dt_storage_touch(t->storage);
  lua_settop(L, 1);
  return 1;
}

#define MAX_TERMS 64

/* Reads {c1, c2, ...} at ci and {t1, t2, ...} at ti, all tensors of out's shape. */
static int lincomb_args(lua_State *L, int ci, int ti, float *c, dt_tensor **ts, const char *fname) {
  luaL_checktype(L, ci, LUA_TTABLE);
  luaL_checktype(L, ti, LUA_TTABLE);
  int n = (int)luaL_len(L, ci);
  if (n != luaL_len(L, ti))
    return luaL_error(L, "%s: %d coefficients for %d tensors", fname, n, (int)luaL_len(L, ti));
  if (n < 1 || n > MAX_TERMS)
    return luaL_error(L, "%s: 1..%d terms allowed, got %d", fname, MAX_TERMS, n);
  for (int k = 0; k < n; k++) {
    lua_geti(L, ci, k + 1);
    int isnum;
    c[k] = (float)lua_tonumberx(L, -1, &isnum);
    if (!isnum)
      return luaL_error(L, "%s: coefficient %d is not a number", fname, k + 1);
    lua_geti(L, ti, k + 1);
    ts[k] = lt_test(L, -1);
    if (!ts[k] || !ts[k]->data)
      return luaL_error(L, "%s: term %d is not a tensor", fname, k + 1);
    lua_pop(L, 2);
    if (!dt_shape_equal(ts[k], ts[0])) {
      char s0[160], sk[160];
      lt_shape_str(ts[0]->shape, ts[0]->ndim, s0, sizeof s0);
      lt_shape_str(ts[k]->shape, ts[k]->ndim, sk, sizeof sk);
      return luaL_error(L, "%s: term %d has shape %s, term 1 has %s", fname, k + 1, sk, s0);
    }
  }
  return n;
}

/* diffusion.lincomb({c...}, {t...}) -> new tensor */
static int m_lincomb(lua_State *L) {
  float c[MAX_TERMS];
  dt_tensor *ts[MAX_TERMS];
  int n = lincomb_args(L, 1, 2, c, ts, "lincomb");
  dt_tensor *out = lt_push_new(L, ts[0]->shape, ts[0]->ndim, "lincomb");
  dt_lincomb(out, n, c, (const dt_tensor *const *)ts);
  return 1;
}

/* out:lincomb_({c...}, {t...}): out may be one of the terms */
static int m_lincomb_(lua_State *L) {
  dt_tensor *out = lt_check(L, 1);
  float c[MAX_TERMS];
  dt_tensor *ts[MAX_TERMS];
  int n = lincomb_args(L, 2, 3, c, ts, "lincomb_");
  if (!dt_shape_equal(out, ts[0])) {
    char so[160], s0[160];
    lt_shape_str(out->shape, out->ndim, so, sizeof so);
    lt_shape_str(ts[0]->shape, ts[0]->ndim, s0, sizeof s0);
    return luaL_error(L, "lincomb_: output has shape %s, terms have %s", so, s0);
  }
  for (int k = 0; k < n; k++)
    ts[k] = (dt_tensor *)unalias(L, out, ts[k], "lincomb_");
  dt_lincomb(out, n, c, (const dt_tensor *const *)ts);
  dt_storage_touch(out->storage);
  lua_settop(L, 1);
  return 1;
}

static int m_all_finite(lua_State *L) {
  lua_pushboolean(L, dt_all_finite(lt_check(L, 1)));
  return 1;
}

/* ---- reductions ---- */

/* Shared front: reduce over all (number) or along dim [, keepdim] (tensor). */
static int reduce(lua_State *L, dt_reduction r, const char *fname, int dim_arg, double p,
                  int correction) {
  dt_tensor *a = lt_check(L, 1);
  int empty_bad = r == DT_MAX || r == DT_MIN || r == DT_ARGMAX || r == DT_ARGMIN;
  if (lua_isnoneornil(L, dim_arg)) {
    if (empty_bad && a->numel == 0)
      return luaL_error(L, "%s: tensor is empty", fname);
    double v = dt_reduce_all(r, a, p, correction);
    if (r == DT_ARGMAX || r == DT_ARGMIN)
      lua_pushinteger(L, (lua_Integer)v + 1);
    else
      lua_pushnumber(L, v);
    return 1;
  }
  lua_Integer d = luaL_checkinteger(L, dim_arg);
  if (d < 0)
    d += a->ndim + 1;
  if (d < 1 || d > a->ndim)
    return luaL_error(L, "%s: dimension %I out of range for a %d-D tensor", fname,
                      (lua_Integer)lua_tointeger(L, dim_arg), a->ndim);
  int dim = (int)d - 1, keepdim = lua_toboolean(L, dim_arg + 1);
  if (empty_bad && a->shape[dim] == 0)
    return luaL_error(L, "%s: dimension %d is empty", fname, dim + 1);
  int64_t shape[DT_MAX_DIMS];
  int nd = 0;
  for (int i = 0; i < a->ndim; i++) {
    if (i != dim)
      shape[nd++] = a->shape[i];
    else if (keepdim)
      shape[nd++] = 1;
  }
  dt_tensor *out = lt_push_new(L, shape, nd, fname);
  dt_reduce_dim(r, out, a, dim, p, correction);
  if (r == DT_ARGMAX || r == DT_ARGMIN)
    dt_binary_scalar(DT_ADD, out, out, 1, 0); /* 1-based */
  return 1;
}

static int m_sum(lua_State *L) { return reduce(L, DT_SUM, "sum", 2, 0, 0); }
static int m_mean(lua_State *L) { return reduce(L, DT_MEAN, "mean", 2, 0, 0); }
static int m_argmax(lua_State *L) { return reduce(L, DT_ARGMAX, "argmax", 2, 0, 0); }
static int m_argmin(lua_State *L) { return reduce(L, DT_ARGMIN, "argmin", 2, 0, 0); }

/* max([dim [, keepdim]]): along a dim returns values and 1-based indices */
static int extreme(lua_State *L, int want_max) {
  const char *fname = want_max ? "max" : "min";
  lua_settop(L, 3); /* both results go above the argument slots */
  int along_dim = !lua_isnoneornil(L, 2);
  int n = reduce(L, want_max ? DT_MAX : DT_MIN, fname, 2, 0, 0);
  if (!along_dim)
    return n;
  reduce(L, want_max ? DT_ARGMAX : DT_ARGMIN, fname, 2, 0, 0);
  return 2;
}

static int m_max(lua_State *L) { return extreme(L, 1); }
static int m_min(lua_State *L) { return extreme(L, 0); }

/* var([dim [, keepdim [, unbiased=true]]]) */
static int var_std(lua_State *L, int take_sqrt) {
  const char *fname = take_sqrt ? "std" : "var";
  int unbiased = lua_isnoneornil(L, 4) ? 1 : lua_toboolean(L, 4);
  int n = reduce(L, DT_VAR, fname, 2, 0, unbiased);
  if (take_sqrt) {
    if (lua_isnumber(L, -1) && lua_type(L, -1) == LUA_TNUMBER) {
      lua_pushnumber(L, sqrt(lua_tonumber(L, -1)));
    } else {
      dt_tensor *t = lt_check(L, -1);
      dt_unary(DT_SQRT, t, t);
    }
  }
  return n;
}

static int m_var(lua_State *L) { return var_std(L, 0); }
static int m_std(lua_State *L) { return var_std(L, 1); }

/* norm([p=2 [, dim [, keepdim]]]); p may be math.huge */
static int m_norm(lua_State *L) {
  double p = luaL_optnumber(L, 2, 2);
  if (!(p > 0))
    return luaL_error(L, "norm: p must be positive, got %f", p);
  return reduce(L, DT_NORM, "norm", 3, p, 0);
}

static int m_dot(lua_State *L) {
  dt_tensor *a = lt_check(L, 1), *b = lt_check(L, 2);
  if (a->numel != b->numel) {
    char sa[160], sb[160];
    lt_shape_str(a->shape, a->ndim, sa, sizeof sa);
    lt_shape_str(b->shape, b->ndim, sb, sizeof sb);
    return luaL_error(L, "dot: shapes %s and %s have different sizes", sa, sb);
  }
  lua_pushnumber(L, dt_dot(a, b));
  return 1;
}

/* x:abs_quantile(q): per sample (dim 1) q-quantile of |x|, shape {N} */
static int m_abs_quantile(lua_State *L) {
  dt_tensor *a = lt_check(L, 1);
  double q = luaL_checknumber(L, 2);
  if (!(q >= 0 && q <= 1))
    return luaL_error(L, "abs_quantile: q must be in [0, 1], got %f", q);
  if (a->ndim < 1 || a->numel == 0)
    return luaL_error(L, "abs_quantile: needs a non-empty tensor with a batch dimension");
  int64_t n = a->shape[0], per = a->numel / n;
  float *scratch = lua_newuserdatauv(L, (size_t)per * sizeof(float), 0); /* GC-owned */
  int64_t shape[1] = {n};
  dt_tensor *out = lt_push_new(L, shape, 1, "abs_quantile");
  dt_abs_quantile(out, a, q, scratch);
  return 1;
}

static int m_matmul(lua_State *L) {
  dt_tensor *a = lt_check(L, 1), *b = lt_check(L, 2);
  int64_t shape[DT_MAX_DIMS];
  int nd;
  dt_err err;
  if (dt_matmul_shape(a, b, shape, &nd, &err))
    return lt_raise(L, "matmul", &err);
  dt_tensor *out = lt_push_new(L, shape, nd, "matmul");
  dt_matmul(out, a, b);
  return 1;
}

static const luaL_Reg methods[] = {
    {"add", m_add},
    {"add_", m_add_},
    {"sub", m_sub},
    {"sub_", m_sub_},
    {"mul", m_mul},
    {"mul_", m_mul_},
    {"div", m_div},
    {"div_", m_div_},
    {"pow", m_pow},
    {"pow_", m_pow_},
    {"maximum", m_maximum},
    {"maximum_", m_maximum_},
    {"minimum", m_minimum},
    {"minimum_", m_minimum_},
    {"abs", m_abs},
    {"abs_", m_abs_},
    {"neg", m_neg},
    {"neg_", m_neg_},
    {"exp", m_exp},
    {"exp_", m_exp_},
    {"log", m_log},
    {"log_", m_log_},
    {"sqrt", m_sqrt},
    {"sqrt_", m_sqrt_},
    {"rsqrt", m_rsqrt},
    {"rsqrt_", m_rsqrt_},
    {"tanh", m_tanh},
    {"tanh_", m_tanh_},
    {"sigmoid", m_sigmoid},
    {"sigmoid_", m_sigmoid_},
    {"silu", m_silu},
    {"silu_", m_silu_},
    {"sin", m_sin},
    {"sin_", m_sin_},
    {"cos", m_cos},
    {"cos_", m_cos_},
    {"sign", m_sign},
    {"sign_", m_sign_},
    {"square", m_square},
    {"square_", m_square_},
    {"round", m_round},
    {"round_", m_round_},
    {"floor", m_floor},
    {"floor_", m_floor_},
    {"clamp", m_clamp},
    {"clamp_", m_clamp_},
    {"fill_", m_fill_},
    {"copy_", m_copy_},
    {"axpby_", m_axpby_},
    {"lincomb_", m_lincomb_},
    {"all_finite", m_all_finite},
    {"sum", m_sum},
    {"mean", m_mean},
    {"var", m_var},
    {"std", m_std},
    {"max", m_max},
    {"min", m_min},
    {"argmax", m_argmax},
    {"argmin", m_argmin},
    {"norm", m_norm},
    {"dot", m_dot},
    {"abs_quantile", m_abs_quantile},
    {"matmul", m_matmul},
    {NULL, NULL},
};

static const luaL_Reg metamethods[] = {
    {"__add", m_add}, {"__sub", m_sub}, {"__mul", m_mul}, {"__div", m_div},
    {"__pow", m_pow}, {"__unm", m_unm}, {NULL, NULL},
};

static const luaL_Reg functions[] = {
    {"lincomb", m_lincomb},
    {"matmul", m_matmul},
    {"dot", m_dot},
    {NULL, NULL},
};

void lt_open_math(lua_State *L) {
  /* module table at -1 */
  lua_getfield(L, -1, "Tensor");
  luaL_setfuncs(L, methods, 0);
  lua_pop(L, 1);
  luaL_getmetatable(L, DIFFUSION_TENSOR);
  luaL_setfuncs(L, metamethods, 0);
  lua_pop(L, 1);
  luaL_setfuncs(L, functions, 0);
}
