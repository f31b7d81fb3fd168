/* luaopen_diffusion_cpu: what this CPU can run, for choosing which build of
 * diffusion.core to load (lua/diffusion/core.lua). Compiled for any x86-64,
 * with no instruction set beyond the baseline, so it loads everywhere. */
#include <lauxlib.h>
#include <lua.h>
#include <string.h>

#include "cpu.h"

/* supports(isa) -> whether this CPU runs the kernels of that set */
static int c_supports(lua_State *L) {
  const char *isa = luaL_checkstring(L, 1);
  dt_cpu_features f;
  dt_cpu_detect(&f);
  int ok = 0;
  if (!strcmp(isa, "generic"))
    ok = 1;
  else if (!strcmp(isa, "avx2"))
    ok = dt_cpu_has_avx2(&f);
  else if (!strcmp(isa, "avx512"))
    ok = dt_cpu_has_avx512(&f);
  else
    return luaL_error(L, "supports: unknown instruction set '%s' (avx512, avx2 or generic)", isa);
  lua_pushboolean(L, ok);
  return 1;
}

__attribute__((visibility("default"))) int luaopen_diffusion_cpu(lua_State *L);

int luaopen_diffusion_cpu(lua_State *L) {
  lua_createtable(L, 0, 1);
  lua_pushcfunction(L, c_supports);
  lua_setfield(L, -2, "supports");
  return 1;
}
