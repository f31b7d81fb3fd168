/* luaopen_diffusion_core: the module's one exported symbol. */
#include <time.h>

#include "bind.h"

/* now(): monotonic wall-clock seconds, for timing (os.clock counts CPU time
 * of every thread). */
static int c_now(lua_State *L) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  lua_pushnumber(L, (lua_Number)ts.tv_sec + (lua_Number)ts.tv_nsec * 1e-9);
  return 1;
}

__attribute__((visibility("default"))) int luaopen_diffusion_core(lua_State *L);

int luaopen_diffusion_core(lua_State *L) {
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
  lua_pushcfunction(L, c_now);
  lua_setfield(L, -2, "now");
  lua_pushliteral(L, DIFFUSION_TENSOR);
  lua_setfield(L, -2, "TENSOR_TYPE");
  return 1;
}
