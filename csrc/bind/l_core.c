/* luaopen_diffusion_core: the module's one exported symbol. */
#include <time.h>

#include "../cpu/cpu.h"
#include "bind.h"

/* now(): monotonic wall-clock seconds, for timing (os.clock counts CPU time
 * of every thread). */
static int c_now(lua_State *L) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  lua_pushnumber(L, (lua_Number)ts.tv_sec + (lua_Number)ts.tv_nsec * 1e-9);
  return 1;
}

/* cpu() -> {isa = the build's kernel set, features = {avx2 = true, ...}} */
static int c_cpu(lua_State *L) {
  dt_cpu_features f;
  dt_cpu_detect(&f);
  lua_createtable(L, 0, 2);
  lua_pushstring(L, dt_build_isa());
  lua_setfield(L, -2, "isa");
  lua_createtable(L, 0, 7);
  const char *names[] = {"avx2",     "fma",      "avx512f",   "avx512bw",
                         "avx512dq", "avx512vl", "avx512bf16"};
  const int values[] = {f.avx2, f.fma, f.avx512f, f.avx512bw, f.avx512dq, f.avx512vl, f.avx512bf16};
  for (int i = 0; i < 7; i++) {
    lua_pushboolean(L, values[i]);
    lua_setfield(L, -2, names[i]);
  }
  lua_setfield(L, -2, "features");
  return 1;
}

/* One build per instruction set, each its own module: diffusion.core_avx2's
 * opener is luaopen_diffusion_core_avx2 (lua/diffusion/core.lua picks one);
 * built without DT_ISA (the fuzz targets) it is luaopen_diffusion_core. */
#define CAT2(a, b) a##b
#define CAT(a, b) CAT2(a, b)
#ifdef DT_ISA
#define LUAOPEN CAT(luaopen_diffusion_core_, DT_ISA)
#else
#define LUAOPEN luaopen_diffusion_core
#endif

__attribute__((visibility("default"))) int LUAOPEN(lua_State *L);

int LUAOPEN(lua_State *L) {
  luaL_checkversion(L);
  lua_newtable(L);
  lt_open_tensor(L); /* first: creates module.Tensor, the methods table */
  lt_open_math(L);
  lt_open_rng(L);
  lt_open_io(L);
  lt_open_schedule(L);
  lt_open_model(L);
  lt_open_nn(L);
  lt_open_analytic(L);
  lt_open_json(L);
  lt_open_tokenizer(L);
  lua_pushcfunction(L, c_now);
  lua_setfield(L, -2, "now");
  lua_pushcfunction(L, c_cpu);
  lua_setfield(L, -2, "cpu");
  lua_pushliteral(L, DIFFUSION_TENSOR);
  lua_setfield(L, -2, "TENSOR_TYPE");
  return 1;
}
