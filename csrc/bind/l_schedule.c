/* The diffusion.Schedule userdata: a noise schedule and its plans. */
#include <math.h>
#include <string.h>

#include "../core/schedule.h"
#include "bind.h"

/* The schedule and its tables live in one userdata block, so the GC sees all
 * of it; acp and log_sigma point into `data`. */
typedef struct {
  dt_schedule s;
  double data[];
} lsched;

static dt_schedule *check_sched(lua_State *L, int idx) {
  return &((lsched *)luaL_checkudata(L, idx, DIFFUSION_SCHEDULE))->s;
}

static dt_schedule *push_sched(lua_State *L, int n) {
  lsched *u = lua_newuserdatauv(L, sizeof *u + 2 * (size_t)n * sizeof(double), 0);
  memset(&u->s, 0, sizeof u->s);
  u->s.n = n;
  u->s.acp = u->data;
  u->s.log_sigma = u->data + n;
  luaL_setmetatable(L, DIFFUSION_SCHEDULE);
  return &u->s;
}

/* A table or a tensor of numbers at idx, copied into a GC-owned double array. */
static double *numbers_arg(lua_State *L, int idx, int *n, const char *fname) {
  dt_tensor *t = lt_test(L, idx);
  if (t) {
    t = lt_check(L, idx);
    if (t->numel > DT_SCHED_MAX_STEPS)
      luaL_error(L, "%s: too many values", fname);
    *n = (int)t->numel;
    double *v = lua_newuserdatauv(L, (size_t)(*n + 1) * sizeof *v, 0);
    for (int i = 0; i < *n; i++)
      v[i] = t->data[i];
    return v;
  }
  if (!lua_istable(L, idx))
    luaL_error(L, "%s: expected a table or tensor of numbers, got %s", fname,
               luaL_typename(L, idx));
  lua_Integer len = luaL_len(L, idx);
  if (len > DT_SCHED_MAX_STEPS)
    luaL_error(L, "%s: too many values", fname);
  *n = (int)len;
  double *v = lua_newuserdatauv(L, (size_t)(*n + 1) * sizeof *v, 0);
  for (int i = 0; i < *n; i++) {
    lua_geti(L, idx, i + 1);
    int ok;
    v[i] = lua_tonumberx(L, -1, &ok);
    if (!ok)
      luaL_error(L, "%s: entry %d is not a number", fname, i + 1);
    lua_pop(L, 1);
  }
  return v;
}

static int s_from_betas(lua_State *L) {
  int n;
  double *b = numbers_arg(L, 1, &n, "from_betas");
  dt_schedule *s = push_sched(L, n > 0 ? n : 1);
  dt_err err;
  if (dt_sched_from_betas(s, b, n, &err))
    return lt_raise(L, "from_betas", &err);
  return 1;
}

static int s_from_acp(lua_State *L) {
  int n;
  double *a = numbers_arg(L, 1, &n, "from_alphas_cumprod");
  dt_schedule *s = push_sched(L, n > 0 ? n : 1);
  dt_err err;
  if (dt_sched_from_acp(s, a, n, &err))
    return lt_raise(L, "from_alphas_cumprod", &err);
  return 1;
}

/* edm(sigma_min, sigma_max, sigma_data, rho) */
static int s_edm(lua_State *L) {
  double lo = luaL_checknumber(L, 1), hi = luaL_checknumber(L, 2);
  double data = luaL_checknumber(L, 3), rho = luaL_checknumber(L, 4);
  if (!(lo > 0 && hi > lo && isfinite(hi) && data > 0 && rho > 0))
    return luaL_error(L, "edm: need 0 < sigma_min < sigma_max, sigma_data > 0, rho > 0");
  dt_schedule *s = push_sched(L, 0);
  s->kind = DT_SCHED_EDM;
  s->sigma_min = lo;
  s->sigma_max = hi;
  s->sigma_data = data;
  s->rho = rho;
  return 1;
}

/* flow(num_train_timesteps, shift) */
static int s_flow(lua_State *L) {
  lua_Integer n = luaL_checkinteger(L, 1);
  double shift = luaL_checknumber(L, 2);
  if (n < 1 || n > DT_SCHED_MAX_STEPS || !(shift > 0))
    return luaL_error(L, "flow: need 1 <= num_train_timesteps <= %d and shift > 0",
                      DT_SCHED_MAX_STEPS);
  dt_schedule *s = push_sched(L, 0);
  s->kind = DT_SCHED_FLOW;
  s->n = (int)n;
  s->shift = shift;
  return 1;
}

static int s_rescale(lua_State *L) {
  dt_schedule *src = check_sched(L, 1);
  dt_schedule *s = push_sched(L, src->kind == DT_SCHED_VP ? src->n : 0);
  if (src->kind != DT_SCHED_VP)
    return luaL_error(L, "rescale_zero_terminal_snr: only a VP (betas) schedule can be rescaled");
  dt_err err;
  if (dt_sched_from_acp(s, src->acp, src->n, &err) || dt_sched_rescale_zero_terminal_snr(s, &err))
    return lt_raise(L, "rescale_zero_terminal_snr", &err);
  return 1;
}

static double check_finite_arg(lua_State *L, int idx, const char *fname) {
  double v = luaL_checknumber(L, idx);
  if (isnan(v))
    luaL_error(L, "%s: argument is NaN", fname);
  return v;
}

static int s_alpha(lua_State *L) {
  double a, s;
  dt_sched_level(check_sched(L, 1), check_finite_arg(L, 2, "alpha"), &a, &s);
  lua_pushnumber(L, a);
  return 1;
}

static int s_sigma(lua_State *L) {
  double a, s;
  dt_sched_level(check_sched(L, 1), check_finite_arg(L, 2, "sigma"), &a, &s);
  lua_pushnumber(L, s);
  return 1;
}

static int s_lambda(lua_State *L) {
  double a, s;
  dt_sched_level(check_sched(L, 1), check_finite_arg(L, 2, "lambda"), &a, &s);
  lua_pushnumber(L, log(a) - log(s));
  return 1;
}

static int s_t_from_sigma(lua_State *L) {
  dt_schedule *s = check_sched(L, 1);
  double sigma = check_finite_arg(L, 2, "t_from_sigma");
  if (!(sigma >= 0))
    return luaL_error(L, "t_from_sigma: sigma must be >= 0, got %f", sigma);
  lua_pushnumber(L, dt_sched_t_from_sigma(s, sigma));
  return 1;
}

static int s_t_from_lambda(lua_State *L) {
  lua_pushnumber(
      L, dt_sched_t_from_lambda(check_sched(L, 1), check_finite_arg(L, 2, "t_from_lambda")));
  return 1;
}

static int s_alphas_cumprod(lua_State *L) {
  dt_schedule *s = check_sched(L, 1);
  if (s->kind != DT_SCHED_VP)
    return luaL_error(L, "alphas_cumprod: only VP schedules have a table of alphas_cumprod");
  lua_createtable(L, s->n, 0);
  for (int i = 0; i < s->n; i++) {
    lua_pushnumber(L, s->acp[i]);
    lua_rawseti(L, -2, i + 1);
  }
  return 1;
}

static int s_info(lua_State *L) {
  static const char *const kinds[] = {"vp", "edm", "flow"};
  dt_schedule *s = check_sched(L, 1);
  double lo, hi;
  dt_sched_ve_range(s, &lo, &hi);
  lua_createtable(L, 0, 8);
  lua_pushstring(L, kinds[s->kind]);
  lua_setfield(L, -2, "kind");
  lua_pushinteger(L, s->n);
  lua_setfield(L, -2, "num_train_timesteps");
  lua_pushnumber(L, lo);
  lua_setfield(L, -2, "sigma_min");
  lua_pushnumber(L, hi);
  lua_setfield(L, -2, "sigma_max");
  if (s->kind == DT_SCHED_EDM) {
    lua_pushnumber(L, s->sigma_data);
    lua_setfield(L, -2, "sigma_data");
    lua_pushnumber(L, s->rho);
    lua_setfield(L, -2, "rho");
  }
  if (s->kind == DT_SCHED_FLOW) {
    lua_pushnumber(L, s->shift);
    lua_setfield(L, -2, "shift");
  }
  return 1;
}

/* ---- plan ---- */

static const char *const PLAN_KEYS[] = {
    "spacing",   "steps_offset", "sigmas", "timesteps", "rho",           "beta_a", "beta_b",
    "sigma_min", "sigma_max",    "final",  "shift",     "interpolation", "round",  NULL};

static double opt_number(lua_State *L, int idx, const char *key, double dflt) {
  lua_getfield(L, idx, key);
  double v = dflt;
  if (!lua_isnil(L, -1)) {
    int ok;
    v = lua_tonumberx(L, -1, &ok);
    if (!ok)
      luaL_error(L, "plan: option '%s' must be a number", key);
  }
  lua_pop(L, 1);
  return v;
}

static int opt_choice(lua_State *L, int idx, const char *key, const char *const *names, int dflt) {
  lua_getfield(L, idx, key);
  int v = dflt;
  if (!lua_isnil(L, -1)) {
    const char *str = lua_tostring(L, -1);
    if (!str || lua_type(L, -1) != LUA_TSTRING)
      luaL_error(L, "plan: option '%s' must be a string", key);
    v = -1;
    for (int i = 0; names[i]; i++)
      if (strcmp(names[i], str) == 0)
        v = i;
    if (v < 0) {
      luaL_Buffer b;
      luaL_buffinit(L, &b);
      for (int i = 0; names[i]; i++) {
        if (i)
          luaL_addstring(&b, ", ");
        luaL_addstring(&b, names[i]);
      }
      luaL_pushresult(&b);
      luaL_error(L, "plan: unknown %s '%s' (expected one of %s)", key, str, lua_tostring(L, -1));
    }
  }
  lua_pop(L, 1);
  return v;
}

/* schedule_timesteps(N, n, spacing [, steps_offset = 0 [, round = true]]) ->
 * the n timesteps of that spacing, noisiest first (dt_spaced_timesteps). */
static int s_timesteps(lua_State *L) {
  static const char *const spacings[] = {"trailing", "leading", "linspace", NULL};
  lua_Integer N = luaL_checkinteger(L, 1), n = luaL_checkinteger(L, 2);
  int spacing = luaL_checkoption(L, 3, NULL, spacings);
  double offset = luaL_optnumber(L, 4, 0);
  int round_t = lua_isnoneornil(L, 5) ? 1 : lua_toboolean(L, 5);
  if (N < 1 || N > DT_SCHED_MAX_STEPS || n < 1 || n > DT_SCHED_MAX_STEPS)
    return luaL_error(L, "timesteps: N and n must be 1..%d, got %I and %I", DT_SCHED_MAX_STEPS, N,
                      n);
  double *t = lua_newuserdatauv(L, (size_t)n * sizeof(double), 0);
  dt_spaced_timesteps((dt_spacing)spacing, (int)N, (int)n, offset, round_t, t);
  lua_createtable(L, (int)n, 0);
  for (lua_Integer k = 0; k < n; k++) {
    if (round_t)
      lua_pushinteger(L, (lua_Integer)t[k]);
    else
      lua_pushnumber(L, t[k]);
    lua_rawseti(L, -2, k + 1);
  }
  return 1;
}

/* s:plan(n [, opts]) -> { {t=, alpha=, sigma=, lambda=}, ... } */
static int s_plan(lua_State *L) {
  static const char *const spacings[] = {"trailing", "leading", "linspace", NULL};
  static const char *const sigma_names[] = {"none", "karras", "exponential", "polyexponential",
                                            "beta", "lu",     NULL};
  static const dt_sigma_spacing sigma_kinds[] = {DT_SIGMAS_NONE,        DT_SIGMAS_KARRAS,
                                                 DT_SIGMAS_EXPONENTIAL, DT_SIGMAS_POLYEXPONENTIAL,
                                                 DT_SIGMAS_BETA,        DT_SIGMAS_EXPONENTIAL};
  static const char *const finals[] = {"zero", "sigma_min", "none", NULL};
  static const char *const interps[] = {"log", "linear", NULL};
  dt_schedule *s = check_sched(L, 1);
  lua_Integer n = luaL_optinteger(L, 2, 0);
  int has_opts = !lua_isnoneornil(L, 3);
  if (has_opts)
    luaL_checktype(L, 3, LUA_TTABLE);
  lua_settop(L, 3);
  dt_plan_opts o;
  dt_plan_defaults(s, &o);
  double *table = NULL;
  int ntable = 0;
  if (has_opts) {
    lua_pushnil(L); /* unknown keys could silently change nothing: refuse them */
    while (lua_next(L, 3)) {
      int known = 0;
      if (lua_type(L, -2) == LUA_TSTRING)
        for (int i = 0; PLAN_KEYS[i]; i++)
          known |= strcmp(PLAN_KEYS[i], lua_tostring(L, -2)) == 0;
      if (!known)
        return luaL_error(L, "plan: unknown option '%s'", luaL_tolstring(L, -2, NULL));
      lua_pop(L, 1);
    }
    o.spacing = (dt_spacing)opt_choice(L, 3, "spacing", spacings, 0);
    o.steps_offset = opt_number(L, 3, "steps_offset", 0);
    lua_getfield(L, 3, "sigmas");
    if (lua_istable(L, -1) || lt_test(L, -1)) {
      table = numbers_arg(L, lua_gettop(L) - 0, &ntable, "plan");
      o.sigmas = DT_SIGMAS_VE_TABLE;
    } else if (!lua_isnil(L, -1)) {
      lua_pop(L, 1);
      o.sigmas = sigma_kinds[opt_choice(L, 3, "sigmas", sigma_names, 0)];
      lua_pushnil(L);
    }
    lua_getfield(L, 3, "timesteps");
    if (!lua_isnil(L, -1)) {
      if (table)
        return luaL_error(L, "plan: give sigmas or timesteps, not both");
      table = numbers_arg(L, lua_gettop(L), &ntable, "plan");
      o.sigmas = DT_SIGMAS_T_TABLE;
    }
    o.rho = opt_number(L, 3, "rho", o.rho);
    o.beta_a = opt_number(L, 3, "beta_a", o.beta_a);
    o.beta_b = opt_number(L, 3, "beta_b", o.beta_b);
    o.sigma_min = opt_number(L, 3, "sigma_min", NAN);
    o.sigma_max = opt_number(L, 3, "sigma_max", NAN);
    o.final = (dt_final)opt_choice(L, 3, "final", finals, 0);
    o.shift = opt_number(L, 3, "shift", NAN);
    o.linear_sigma = opt_choice(L, 3, "interpolation", interps, 0) == 1;
    lua_getfield(L, 3, "round");
    o.round_t = lua_toboolean(L, -1);
    lua_pop(L, 1);
  }
  for (int i = 0; i < ntable; i++)
    if (!isfinite(table[i]))
      return luaL_error(L, "plan: entry %d of the custom table is not finite", i + 1);
  o.table = table;
  o.ntable = ntable;
  int steps = table ? ntable : (int)n;
  if (!table && (n < 1 || n > DT_SCHED_MAX_STEPS))
    return luaL_error(L, "plan: step count must be 1..%d, got %I", DT_SCHED_MAX_STEPS,
                      (lua_Integer)n);
  double *buf = lua_newuserdatauv(L, 3 * ((size_t)steps + 1) * sizeof(double), 0);
  double *t = buf, *alpha = buf + steps + 1, *sigma = buf + 2 * (steps + 1);
  int count;
  dt_err err;
  if (dt_plan(s, steps, &o, t, alpha, sigma, &count, &err))
    return lt_raise(L, "plan", &err);
  lua_createtable(L, count, 0);
  for (int k = 0; k < count; k++) {
    lua_createtable(L, 0, 4);
    lua_pushnumber(L, t[k]);
    lua_setfield(L, -2, "t");
    lua_pushnumber(L, alpha[k]);
    lua_setfield(L, -2, "alpha");
    lua_pushnumber(L, sigma[k]);
    lua_setfield(L, -2, "sigma");
    lua_pushnumber(L, log(alpha[k]) - log(sigma[k]));
    lua_setfield(L, -2, "lambda");
    lua_rawseti(L, -2, k + 1);
  }
  return 1;
}

static int s_beta_ppf(lua_State *L) {
  double p = luaL_checknumber(L, 1), a = luaL_checknumber(L, 2), b = luaL_checknumber(L, 3);
  if (!(a > 0 && b > 0))
    return luaL_error(L, "beta_ppf: shape parameters must be positive");
  lua_pushnumber(L, dt_beta_ppf(p, a, b));
  return 1;
}

static int s_tostring(lua_State *L) {
  static const char *const kinds[] = {"VP", "EDM", "flow"};
  dt_schedule *s = check_sched(L, 1);
  double lo, hi;
  dt_sched_ve_range(s, &lo, &hi);
  lua_pushfstring(L, "diffusion.Schedule(%s, %d train timesteps, sigma %f .. %f)", kinds[s->kind],
                  s->n, lo, hi);
  return 1;
}

static const luaL_Reg methods[] = {
    {"alpha", s_alpha},
    {"sigma", s_sigma},
    {"lambda", s_lambda},
    {"t_from_sigma", s_t_from_sigma},
    {"t_from_lambda", s_t_from_lambda},
    {"alphas_cumprod", s_alphas_cumprod},
    {"rescale_zero_terminal_snr", s_rescale},
    {"info", s_info},
    {"plan", s_plan},
    {NULL, NULL},
};

static const luaL_Reg functions[] = {
    {"schedule_from_betas", s_from_betas},
    {"schedule_from_alphas_cumprod", s_from_acp},
    {"schedule_edm", s_edm},
    {"schedule_flow", s_flow},
    {"beta_ppf", s_beta_ppf},
    {"schedule_timesteps", s_timesteps},
    {NULL, NULL},
};

void lt_open_schedule(lua_State *L) {
  luaL_newmetatable(L, DIFFUSION_SCHEDULE);
  lua_pushcfunction(L, s_tostring);
  lua_setfield(L, -2, "__tostring");
  lua_newtable(L);
  luaL_setfuncs(L, methods, 0);
  lua_pushvalue(L, -1);
  lua_setfield(L, -3, "__index");
  lua_setfield(L, -3, "Schedule"); /* module.Schedule = methods, for Lua-side additions */
  lua_pop(L, 1);
  luaL_setfuncs(L, functions, 0);
}
