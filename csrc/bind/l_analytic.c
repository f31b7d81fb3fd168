/* The analytic mixture userdata (diffusion.analytic wraps it in Lua):
 * exact posterior means, scores and log-densities of x_t. */
#include <math.h>
#include <string.h>

#include "../core/analytic.h"
#include "bind.h"

#define DIFFUSION_GMM "diffusion.Gmm"

typedef struct {
  dt_gmm g;
  int ndim; /* of one sample */
  int64_t shape[DT_MAX_DIMS];
} lgmm;

static lgmm *check_gmm(lua_State *L) {
  lgmm *m = luaL_checkudata(L, 1, DIFFUSION_GMM);
  if (!m->g.mean)
    luaL_argerror(L, 1, "mixture was freed");
  return m;
}

static int g_gc(lua_State *L) {
  lgmm *m = luaL_checkudata(L, 1, DIFFUSION_GMM);
  dt_gmm_free(&m->g);
  return 0;
}

/* analytic_gmm(weights (K), means (K x ...), variances (K x ..., same shape)) */
static int g_new(lua_State *L) {
  dt_tensor *w = lt_check(L, 1), *mean = lt_check(L, 2), *var = lt_check(L, 3);
  int same = mean->ndim == var->ndim && mean->ndim >= 2;
  for (int i = 0; same && i < mean->ndim; i++)
    same = mean->shape[i] == var->shape[i];
  if (w->ndim != 1 || !same || mean->shape[0] != w->shape[0])
    return luaL_error(L, "analytic: need K weights and K x ... means and variances of one shape");
  int64_t k = w->shape[0], dim = mean->numel / (k ? k : 1);
  lgmm *m = lua_newuserdatauv(L, sizeof *m, 0);
  memset(m, 0, sizeof *m);
  luaL_setmetatable(L, DIFFUSION_GMM);
  m->ndim = mean->ndim - 1;
  memcpy(m->shape, mean->shape + 1, (size_t)m->ndim * sizeof(int64_t));
  double *weights = lua_newuserdatauv(L, (size_t)(k ? k : 1) * sizeof(double), 0);
  for (int64_t i = 0; i < k; i++)
    weights[i] = w->data[i];
  dt_err err;
  if (dt_gmm_init(&m->g, k, dim, weights, mean->data, var->data, &err))
    return lt_raise(L, "analytic", &err);
  lua_pop(L, 1);
  return 1;
}

/* x must be N x (the sample shape) */
static dt_tensor *check_x(lua_State *L, const lgmm *m, const char *fname) {
  dt_tensor *x = lt_check(L, 2);
  int ok = x->ndim == m->ndim + 1;
  for (int i = 0; ok && i < m->ndim; i++)
    ok = x->shape[i + 1] == m->shape[i];
  if (!ok) {
    char want[160], got[160];
    lt_shape_str(m->shape, m->ndim, want, sizeof want);
    lt_shape_str(x->shape, x->ndim, got, sizeof got);
    luaL_error(L, "%s: x is %s, expected N x %s", fname, got, want);
  }
  lt_check_finite(L, x, fname, 1);
  return x;
}

static void check_level(lua_State *L, const char *fname, double *a, double *s) {
  *a = luaL_checknumber(L, 3);
  *s = luaL_checknumber(L, 4);
  if (!isfinite(*a) || !isfinite(*s) || *a < 0 || *s < 0)
    luaL_error(L, "%s: alpha and sigma must be finite and >= 0", fname);
}

/* m:denoise(x, alpha, sigma) -> E[x0 | x_t = x]; m:score(...) -> grad log p(x_t) */
static int posterior_tensor(lua_State *L, int want_score) {
  const char *fname = want_score ? "score" : "denoise";
  lgmm *m = check_gmm(L);
  dt_tensor *x = check_x(L, m, fname);
  double a, s;
  check_level(L, fname, &a, &s);
  dt_tensor *out = lt_push_new(L, x->shape, x->ndim, fname);
  dt_err err;
  if (dt_gmm_posterior(&m->g, x->data, x->shape[0], a, s, want_score ? NULL : out->data,
                       want_score ? out->data : NULL, NULL, NULL, &err))
    return lt_raise(L, fname, &err);
  return 1;
}

static int g_denoise(lua_State *L) { return posterior_tensor(L, 0); }
static int g_score(lua_State *L) { return posterior_tensor(L, 1); }

/* m:log_density(x, alpha, sigma) -> N natural-log densities of x_t */
static int g_log_density(lua_State *L) {
  lgmm *m = check_gmm(L);
  dt_tensor *x = check_x(L, m, "log_density");
  double a, s;
  check_level(L, "log_density", &a, &s);
  int64_t n = x->shape[0];
  double *lp = lua_newuserdatauv(L, (size_t)(n ? n : 1) * sizeof(double), 0);
  dt_err err;
  if (dt_gmm_posterior(&m->g, x->data, n, a, s, NULL, NULL, lp, NULL, &err))
    return lt_raise(L, "log_density", &err);
  dt_tensor *out = lt_push_new(L, &n, 1, "log_density");
  for (int64_t i = 0; i < n; i++)
    out->data[i] = (float)lp[i];
  double sum = 0; /* and the sum in double, for likelihoods */
  for (int64_t i = 0; i < n; i++)
    sum += lp[i];
  lua_pushnumber(L, sum);
  return 2;
}

/* m:divergence(x, alpha, sigma) -> N traces of d E[x0 | x_t] / d x_t at x
 * (as numbers in double, in a Lua table: likelihoods sum them over a solve) */
static int g_divergence(lua_State *L) {
  lgmm *m = check_gmm(L);
  dt_tensor *x = check_x(L, m, "divergence");
  double a, s;
  check_level(L, "divergence", &a, &s);
  int64_t n = x->shape[0];
  double *div = lua_newuserdatauv(L, (size_t)(n ? n : 1) * sizeof(double), 0);
  dt_err err;
  if (dt_gmm_posterior(&m->g, x->data, n, a, s, NULL, NULL, NULL, div, &err))
    return lt_raise(L, "divergence", &err);
  lua_createtable(L, (int)n, 0);
  for (int64_t i = 0; i < n; i++) {
    lua_pushnumber(L, div[i]);
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  return 1;
}

static const luaL_Reg methods[] = {
    {"denoise", g_denoise},       {"score", g_score}, {"log_density", g_log_density},
    {"divergence", g_divergence}, {"free", g_gc},     {NULL, NULL},
};

void lt_open_analytic(lua_State *L) {
  luaL_newmetatable(L, DIFFUSION_GMM);
  lua_pushcfunction(L, g_gc);
  lua_setfield(L, -2, "__gc");
  lua_newtable(L);
  luaL_setfuncs(L, methods, 0);
  lua_setfield(L, -2, "__index");
  lua_pop(L, 1);
  lua_pushcfunction(L, g_new);
  lua_setfield(L, -2, "analytic_gmm");
}
